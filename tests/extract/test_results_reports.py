"""Reports (Báo cáo) on how a plan was carried out: a results part full of figures reached, a
table of the year's targets against what was done, an appendix of results by commune, then
the next year's targets and tasks. Only the part that looks ahead gives targets; the reports
the results part says were sent are no duty."""

import pytest

from kehoach.extract import extract_file
from kehoach.extract.implementation import timeframe_phrase
from kehoach.extract.targets import reviews_results

from .conftest import FIXTURES

REPORT = FIXTURES / "variant_yearly_report.txt"
RESULTS_THEN_TARGETS = FIXTURES / "variant_results_then_targets.txt"


def test_a_reports_targets_are_the_next_years_not_its_results_tables() -> None:
    r = extract_file(REPORT)
    # `3. Kết quả thực hiện các chỉ tiêu năm 2026` (Kế hoạch | Thực hiện | Đánh giá) and the
    # appendix `KẾT QUẢ THỰC HIỆN … THEO XÃ, PHƯỜNG` hold figures reached
    assert [t.section for t in r.targets] == ["II.1", "II.1"]
    assert [(m.value, m.unit) for t in r.targets for m in t.metrics] == [
        (230, "nghìn lượt"),
        (50, "%"),
    ]
    assert {t.horizon for t in r.targets} == {2027}


def test_a_report_sent_in_the_results_part_is_no_duty() -> None:
    r = extract_file(REPORT)
    # `Các xã, phường đã gửi báo cáo quý về UBND tỉnh (qua Sở …) đầy đủ.` tells what was done
    assert [(d.every, d.due) for d in r.reporting] == [("year", "11-20")]


def test_a_reports_tasks_name_a_later_clauses_coordinator_and_the_whole_year() -> None:
    r = extract_file(REPORT)
    tasks = {t.id: t for t in r.tasks}
    assert set(tasks) == {"II.2.1", "II.2.2"}  # the results part's `đã chủ trì` assigns nothing
    assert tasks["II.2.1"].lead == ["Thư viện tỉnh"]
    assert tasks["II.2.1"].coordinating == ["Sở Giáo dục và Đào tạo"]
    tf = tasks["II.2.2"].timeframe
    assert (tf.raw, tf.kind, tf.start, tf.end) == (
        "trong suốt năm 2027",
        "window",
        "2027-01-01",
        "2027-12-31",
    )


def test_a_part_that_reviews_and_looks_ahead_keeps_its_target_table() -> None:
    # `I. KẾT QUẢ THỰC HIỆN NĂM 2025 VÀ CHỈ TIÊU NĂM 2026`: the 2026 column is the plan's
    r = extract_file(RESULTS_THEN_TARGETS)
    assert [(m.value, m.unit) for t in r.targets for m in t.metrics] == [
        (38, "%"),
        (560, "Câu lạc bộ"),
    ]


@pytest.mark.parametrize(
    ("title", "results"),
    [
        ("KẾT QUẢ THỰC HIỆN NĂM 2026", True),
        ("Kết quả thực hiện một số chỉ tiêu chủ yếu năm 2026", True),
        ("Kết quả thực hiện các nhiệm vụ, giải pháp", True),
        ("Biểu tổng hợp kết quả thực hiện các chỉ tiêu năm 2026", True),
        ("Tình hình thực hiện Kế hoạch số 12/KH-UBND ngày 03/02/2026", True),
        ("Kết quả thực hiện năm 2025 và phương hướng, nhiệm vụ năm 2026", False),
        ("Kết quả thực hiện năm 2025 và kế hoạch năm 2026", False),
        ("Chỉ tiêu và kết quả thực hiện năm 2025", False),
        ("Chế độ báo cáo kết quả thực hiện", False),
        ("Thực trạng và mục tiêu phát triển", False),
    ],
)
def test_which_headings_report_results(title: str, results: bool) -> None:
    assert reviews_results(title) is results


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("Đội văn nghệ biểu diễn ở các bản; thực hiện trong cả năm 2027.", "trong cả năm 2027"),
        ("Duy trì tủ sách ở các thôn suốt năm 2027.", "suốt năm 2027"),
    ],
)
def test_the_whole_year_is_a_time_phrase(text: str, raw: str) -> None:
    assert timeframe_phrase(text) == raw
