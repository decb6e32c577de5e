"""An OCR'd party programme whose bullets name their own agencies: groups that direct a
named body, bodies outside the register after `Đề nghị`, and the OCR damage (a rule at a
line's start, two words glued, an l for a 1) that cost the reader whole items."""

from kehoach.extract import extract_file

from .conftest import FIXTURES

DOC = FIXTURES / "variant_ocr_health_programme.txt"


def _tasks():
    return {t.id: t for t in extract_file(DOC).tasks}


def test_a_group_that_directs_a_named_body_gives_a_task() -> None:
    tasks = _tasks()
    # "Các đảng ủy xã, phường chỉ đạo Ủy ban nhân dân xã, phường …"
    assert tasks["II.1.2"].directing == ["Các đảng ủy xã, phường"]
    assert tasks["II.1.2"].lead == ["Ủy ban nhân dân các xã, phường"]
    assert tasks["II.1.2"].timeframe.start == "2027-06-01"
    # "Đảng ủy các xã, phường chỉ đạo UBND các xã, phường …": a head, then a group
    assert tasks["II.1.3"].directing == ["Đảng ủy các xã, phường"]
    assert tasks["II.1.3"].lead == ["Ủy ban nhân dân các xã, phường"]


def test_a_body_outside_the_register_after_de_nghi_leads() -> None:
    tasks = _tasks()
    university, group = tasks["II.2.2"], tasks["II.2.3"]
    assert (university.lead, university.coordinating) == (["Đại học Y Dược Huế"], ["Sở Y tế"])
    assert "agency_not_in_register" in university.reasons
    assert university.timeframe.kind == "window"
    assert group.lead == ["Tập đoàn Bưu chính Viễn thông Việt Nam"]


def test_ocr_noise_at_a_line_start_keeps_the_bullet() -> None:
    tasks = _tasks()
    # "| - Sở Y tế chủ trì …" and "‘- Sở Giáo dục và Ðào tạo …"
    assert (tasks["II.1.4"].lead, tasks["II.1.4"].coordinating) == (["Sở Y tế"], ["Sở Tài chính"])
    assert tasks["II.1.5"].lead == ["Sở Giáo dục và Đào tạo"]
    assert tasks["II.1.5"].text.startswith("Sở Giáo dục và Đào tạo tổ chức")


def test_a_period_closing_a_clause_mid_bullet_is_its_timeframe() -> None:
    when = _tasks()["II.1.1"].timeframe  # "… trong giai đoạn 2026 - 2030; ưu tiên …"
    assert (when.kind, when.start, when.end) == ("window", "2026-01-01", "2030-12-31")


def test_glued_words_do_not_cut_a_list_of_leads() -> None:
    # "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh vàcác tổ chức chính trị - xã hội tỉnh …"
    assert _tasks()["III.1"].lead == [
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        "các tổ chức chính trị - xã hội tỉnh",
    ]


def test_enterprises_in_industrial_zones_stay_one_group() -> None:
    assert _tasks()["II.2.1"].coordinating == [
        "Sở Nội vụ",
        "các doanh nghiệp trong các khu công nghiệp",
    ]


def test_an_l_read_for_a_1_keeps_the_number_and_its_subject() -> None:
    targets = extract_file(DOC).targets
    metrics = [[(m.value, m.unit) for m in t.metrics] for t in targets]
    assert metrics == [[(1500, "giường"), (60, "trạm")], [(90, "%")]]
    assert targets[1].metrics[0].subject.startswith("Tỷ lệ lao động")
