"""A party board's guidance (Hướng dẫn) on studying a resolution: parts numbered the party
way (`I-`, `1-`), a kind heading the schema has no name for, parts that list what is studied
and who attends (no tasks, no targets), and the agency headings of `TRÁCH NHIỆM THỰC HIỆN`
whose bullets are the tasks."""

from kehoach.extract import extract_file
from kehoach.extract.outline import classify
from kehoach.extract.readings import is_agency_label

from .conftest import FIXTURES

GUIDANCE = FIXTURES / "variant_party_guidance.txt"


def test_a_dash_after_the_number_numbers_a_heading() -> None:
    assert (classify("1- Mục đích").kind, classify("1- Mục đích").num) == ("decimal", "1")
    assert classify("4 - Ban Tuyên giáo và Dân vận Tỉnh ủy").kind == "decimal"
    assert classify("II- NỘI DUNG HỌC TẬP").kind == "roman"
    # a range and a document's number are no headings
    assert classify("2 - 3 buổi sinh hoạt chuyên đề mỗi năm.").kind == "plain"
    assert classify("15-CTr/TU của Ban Chấp hành Đảng bộ tỉnh").kind == "plain"


def test_a_guidance_is_a_document_of_kind_other_with_its_title() -> None:
    d = extract_file(GUIDANCE).document
    assert (d.kind, d.number, d.issuer, d.province, d.date, d.signer) == (
        "other",
        "14-HD/BTGDVTU",
        "Ban Tuyên giáo và Dân vận Tỉnh ủy",
        "Lạng Sơn",
        "2026-04-16",
        "Hoàng Văn Lâm",
    )
    assert d.title is not None and d.title.startswith("Học tập, quán triệt và tuyên truyền")
    assert [ref.number for ref in d.implements] == ["52-KL/TW", "61-KH/TU"]


def test_the_tasks_are_the_bullets_under_the_agency_headings() -> None:
    r = extract_file(GUIDANCE)
    got = {t.id: (t.lead, t.coordinating, t.timeframe.kind) for t in r.tasks}
    # `Hội nghị cấp tỉnh: lãnh đạo các sở …` lists who attends; `Các quan điểm chỉ đạo của Kết
    # luận, …:` and `Các mục tiêu mà Kết luận đề ra:` what is studied: no body is given work
    assert got == {
        "IV.1.1": (["Các đảng ủy trực thuộc Tỉnh ủy"], [], "window"),
        "IV.1.2": (["Các đảng ủy trực thuộc Tỉnh ủy"], [], "window"),
        "IV.2.1": (["Trường Chính trị tỉnh"], ["Ban Tuyên giáo và Dân vận Tỉnh ủy"], "window"),
        "IV.3.1": (["Ban Tuyên giáo và Dân vận Tỉnh ủy"], [], "continuous"),
        "IV.3.2": (["Ban Tuyên giáo và Dân vận Tỉnh ủy"], [], "window"),
    }


def test_topic_labels_give_no_body_work() -> None:
    assert not is_agency_label("Hội nghị cấp tỉnh")
    assert not is_agency_label("Các quan điểm chỉ đạo của Nghị quyết, trong đó nhấn mạnh")
    assert not is_agency_label("Các nội dung trọng tâm")
    assert is_agency_label("Các đảng ủy trực thuộc Tỉnh ủy")
    assert is_agency_label("Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Tài chính")


def test_the_one_target_is_the_commitment_not_the_resolutions_targets_studied() -> None:
    r = extract_file(GUIDANCE)
    # `Các mục tiêu mà Kết luận đề ra: … 100% xã …; tối thiểu 80% …` under `II- NỘI DUNG HỌC
    # TẬP, QUÁN TRIỆT` are the resolution's, to be learnt
    assert len(r.targets) == 1
    t = r.targets[0]
    assert [(m.value, m.by) for m in t.metrics] == [(100, None), (90, None)]
    # `Phấn đấu đến hết tháng 6/2026`: the month's year is what the statement aims at
    assert (t.horizon, t.section) == (2026, "I.2")


def test_reports_of_party_committees_and_no_report_of_lecturers() -> None:
    r = extract_file(GUIDANCE)
    # `bồi dưỡng cho đội ngũ báo cáo viên …; hoàn thành trước ngày 15/5/2026` trains the
    # lecturers: no report; each party committee of `Các đảng ủy trực thuộc` reports on its
    # own, so the group compiles nothing
    assert [(d.every, d.due, d.to, d.via) for d in r.reporting] == [
        ("once", "2026-06-20", "Ban Tuyên giáo và Dân vận Tỉnh ủy", None),
        ("once", "2026-07-10", "Ban Thường vụ Tỉnh ủy", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
    ]
