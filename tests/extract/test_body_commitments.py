"""Event and department plans: commitments stated under `Mục đích`, committee members,
agency headings on a line of their own, verbs that end an agency, `(qua …)` compilers; laws
cited by name, timeframes in running text, a year that closes one number's clause."""

from kehoach.extract import extract_file

from .conftest import FIXTURES


def test_commitments_under_purpose_are_targets_without_an_objectives_part() -> None:
    r = extract_file(FIXTURES / "variant_event_committee.txt")
    assert len(r.targets) == 1
    t = r.targets[0]
    # the clause with no number before it (`Giới thiệu món ăn …;`) is no part of the target
    assert t.text.startswith("Phấn đấu trong 03 ngày Liên hoan")
    assert [(m.value, m.unit) for m in t.metrics] == [
        (30000, "lượt người"),
        (2000, "lượt khách"),
        (6, "tỷ đồng"),
    ]
    assert (t.horizon, t.section) == (2026, "I.1")


def test_committee_members_named_for_many_are_no_tasks() -> None:
    r = extract_file(FIXTURES / "variant_event_committee.txt")
    assert not [t for t in r.tasks if t.id.startswith("III")]


def test_agency_heading_then_a_paragraph_opening_with_its_role() -> None:
    r = extract_file(FIXTURES / "variant_event_committee.txt")
    office = [t for t in r.tasks if t.text.startswith("Chủ trì, phối hợp với Phòng Kế hoạch")]
    assert len(office) == 1
    assert office[0].lead == ["Văn phòng Sở"]
    assert office[0].coordinating == ["Phòng Kế hoạch - Tài chính"]


def test_coordinating_agency_ends_at_the_work_verb() -> None:
    r = extract_file(FIXTURES / "variant_event_committee.txt")
    coordinating = [t.coordinating for t in r.tasks if t.text.startswith("Phối hợp với")]
    assert coordinating == [
        ["Trung tâm Văn hóa - Điện ảnh tỉnh"],
        ["Trung tâm Thông tin Xúc tiến du lịch"],
    ]


def test_reporting_compiler_in_brackets_and_as_next_sentence_subject() -> None:
    r = extract_file(FIXTURES / "variant_event_committee.txt")
    assert [(d.every, d.due, d.to, d.via) for d in r.reporting] == [
        ("once", "2026-08-05", "Sở Văn hóa, Thể thao và Du lịch", "Phòng Quản lý Du lịch"),
        ("once", "2026-08-15", "Ủy ban nhân dân tỉnh", "Phòng Quản lý Du lịch"),
    ]


def test_laws_and_decrees_cited_in_the_preamble_are_other_documents() -> None:
    r = extract_file(FIXTURES / "variant_law_basis_dates.txt")
    refs = [(d.kind, d.number, d.date, d.issuer) for d in r.document.implements]
    assert refs == [
        ("other", "45/2024/QH15", "2024-11-23", "Quốc hội"),
        ("other", "39/2025/NĐ-CP", "2025-02-26", "Chính phủ"),
        ("chuong_trinh", "31-CTr/TU", "2026-04-10", "Ban Thường vụ Tỉnh ủy"),
    ]


def test_month_and_from_year_in_running_text() -> None:
    r = extract_file(FIXTURES / "variant_law_basis_dates.txt")
    tf = {t.id: t.timeframe for t in r.tasks}
    assert (tf["III.1.1"].raw, tf["III.1.1"].kind) == ("vào tháng 9/2026", "window")
    assert (tf["III.1.1"].start, tf["III.1.1"].end) == ("2026-09-01", "2026-09-30")
    assert (tf["III.1.2"].raw, tf["III.1.2"].kind, tf["III.1.2"].start) == (
        "từ năm 2027",
        "from",
        "2027-01-01",
    )


def test_year_closing_one_number_is_that_metrics_by() -> None:
    r = extract_file(FIXTURES / "variant_law_basis_dates.txt")
    assert [[(m.value, m.by) for m in t.metrics] for t in r.targets] == [
        [(20, None), (6, 2030)],
        [(15, None), (100, 2027)],
    ]


def test_numbered_compiler_is_the_via_of_its_report() -> None:
    r = extract_file(FIXTURES / "variant_law_basis_dates.txt")
    assert [(d.every, d.due, d.to, d.via) for d in r.reporting] == [
        ("year", "11-10", "Ủy ban nhân dân tỉnh", "Sở Văn hóa, Thể thao và Du lịch"),
        ("year", "11-25", "Ban Thường vụ Tỉnh ủy", "Sở Văn hóa, Thể thao và Du lịch"),
    ]


def test_laws_on_one_basis_line_with_worded_dates_and_issuers_by_number() -> None:
    # a second law after `;` on the same `Căn cứ` line (its name has commas), dates written
    # `ngày D tháng M năm Y`, no `của …`: the number's letters name the issuer (QH, CP, TTg);
    # `của Luật …` is the document a decree details, not its issuer; a minister signs for the
    # ministry written in full
    r = extract_file(FIXTURES / "variant_contact_via_reports.txt")
    assert [(d.kind, d.number, d.date, d.issuer) for d in r.document.implements] == [
        ("other", "17/2023/QH15", "2023-06-20", "Quốc hội"),
        ("other", "43/2024/QH15", "2024-06-29", "Quốc hội"),
        ("other", "92/2024/NĐ-CP", "2024-07-18", "Chính phủ"),
        (
            "quyet_dinh",
            "815/QĐ-BVHTTDL",
            "2025-05-05",
            "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch",
        ),
        ("quyet_dinh", "340/QĐ-TTg", "2021-03-12", "Thủ tướng Chính phủ"),
    ]


def test_reports_share_their_sentence_and_contacts_end_the_compiler() -> None:
    # `(qua Chi cục X, số điện thoại: …, thư điện tử: …)`: the name ends at the contacts;
    # `…; báo cáo đột xuất theo yêu cầu` goes where the clause before it goes; the compiler's
    # own report due `trước ngày 10/12` (no year, no period) falls due every year
    r = extract_file(FIXTURES / "variant_contact_via_reports.txt")
    ub, cc, so = (
        "Ủy ban nhân dân tỉnh",
        "Chi cục Phát triển nông thôn",
        "Sở Nông nghiệp và Môi trường",
    )
    assert [(d.every, d.due, d.to, d.via) for d in r.reporting] == [
        ("half_year", "06-20", ub, cc),
        ("year", "11-25", ub, cc),
        ("ad_hoc", None, ub, cc),
        ("year", "12-10", "Bộ Nông nghiệp và Môi trường", so),
    ]


def test_numbers_in_the_work_a_named_body_is_given_are_no_targets() -> None:
    """A directive strives in its preamble (`Phấn đấu đến năm 2030, 100% xã, phường …`) and
    then gives each head's body its work (`1. Giám đốc Sở X:` / `a) … ít nhất 02 buổi giao lưu
    … mỗi năm học`): the preamble's figures are targets, those inside the tasks are not."""
    r = extract_file(FIXTURES / "variant_directive_heads.txt")
    assert [(t.horizon, [(m.value, m.unit) for m in t.metrics]) for t in r.targets] == [
        (2030, [(100, "%"), (85, "%")])
    ]
