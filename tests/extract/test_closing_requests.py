"""Closing paragraphs that ask every agency to carry the plan or letter out, in any wording
(`khẩn trương`, `chủ động`, `tổ chức thực hiện có hiệu quả Kế hoạch này`, the issuer asking,
an adverbial put first): no task of the section they follow; the duties to report they state
are read, and the heading they follow does not compile them."""

from pathlib import Path

import pytest

from kehoach.extract import extract_file

from .conftest import FIXTURES

SVH = "Sở Văn hóa, Thể thao và Du lịch"
UBT = "Ủy ban nhân dân tỉnh"


def _lines(name: str) -> list[str]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def _plan_closed_by(line: str, tmp_path: Path) -> Path:
    """The base plan with `line` as its closing paragraph, then the signature block."""
    base = (FIXTURES / "closing_requests_base_plan.txt").read_text(encoding="utf-8")
    path = tmp_path / "plan.txt"
    path.write_text(f"{base}{line}\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n", encoding="utf-8")
    return path


BASE_TASKS = [
    ("II.1.1", [SVH]),
    ("II.1.2", [SVH]),
    ("II.2.1", ["Sở Công Thương"]),
    ("II.3.1", ["Ủy ban nhân dân các xã, phường"]),
]

# (every, due, to, via) each closing of closing_request_wordings.txt asks for, in its order
DUTIES = [
    [("half_year", "06-15", UBT, SVH), ("year", "12-15", UBT, SVH)],
    [("once", "2027-11-30", UBT, None)],
    [("year", "11-15", SVH, None)],
    [("once", "2027-12-20", UBT, None)],
    [],  # difficulties raised for the province to decide: no duty
    [("quarter", None, SVH, None)],  # the heads of groups each report: no compiler
    [("year", "12-10", UBT, None)],
    [],
    [],
    [("half_year", None, SVH, None)],
    [("year", "12-10", SVH, None)],  # not compiled by the last heading's communes
    [],
    [("year", "12-15", SVH, None)],
]


def test_the_wordings_fixture_has_one_expectation_a_line() -> None:
    assert len(_lines("closing_request_wordings.txt")) == len(DUTIES)


@pytest.mark.parametrize(
    ("line", "duties"), list(zip(_lines("closing_request_wordings.txt"), DUTIES, strict=True))
)
def test_a_closing_request_is_no_task_and_its_duties_are_read(
    line: str, duties: list, tmp_path: Path
) -> None:
    r = extract_file(_plan_closed_by(line, tmp_path))
    assert [(t.id, t.lead) for t in r.tasks] == BASE_TASKS
    assert [(d.every, d.due, d.to, d.via) for d in r.reporting] == duties


@pytest.mark.parametrize("line", _lines("closing_request_lookalikes.txt"))
def test_a_paragraph_handing_work_to_one_body_or_naming_work_stays_a_task(
    line: str, tmp_path: Path
) -> None:
    """One named body asked (`Đề nghị Sở X khẩn trương triển khai thực hiện; …`), work named
    (`… chủ động xây dựng kế hoạch quảng bá …`), or a later sentence handing work to a body
    of its own (`…. Giao Sở X theo dõi, đôn đốc …`): an item of the section, as before."""
    r = extract_file(_plan_closed_by(line, tmp_path))
    assert [(t.id, t.lead) for t in r.tasks][:4] == BASE_TASKS
    assert [t.id for t in r.tasks][4:] == ["II.3.2"]
    assert r.tasks[4].text.startswith(line[:30])


def test_a_letter_with_no_numbered_part_closes_with_a_request_and_its_report() -> None:
    """`Giao Sở X …` / `Đề nghị Y …` / `Yêu cầu các cơ quan, đơn vị, địa phương khẩn trương
    triển khai thực hiện; báo cáo kết quả về Sở X trước ngày … để tổng hợp, báo cáo UBND
    tỉnh`: two tasks, and the closing's report is a duty, compiled by Sở X."""
    r = extract_file(FIXTURES / "variant_closing_request_letter.txt")
    assert [(t.id, t.lead) for t in r.tasks] == [
        ("1", [SVH]),
        ("2", ["Đài Phát thanh và Truyền hình tỉnh"]),
    ]
    assert [(d.every, d.due, d.to, d.via) for d in r.reporting] == [
        ("once", "2027-11-30", UBT, SVH)
    ]
