"""Directives (Chỉ thị) and conclusions (Kết luận) of a party committee: a preamble or an
assessment full of past figures, the one commitment in the preamble or in a numbered item,
numbered items that hand work to bodies and groups, `X lãnh đạo, chỉ đạo Y:` headings, the
closing item that spreads the document, and what the document says it carries out."""

from kehoach.extract import extract_file

from .conftest import FIXTURES

CONCLUSION = FIXTURES / "variant_party_conclusion.txt"
DIRECTIVE = FIXTURES / "variant_party_directive.txt"


def test_a_conclusions_assessed_results_are_no_targets_its_commitment_is() -> None:
    r = extract_file(CONCLUSION)
    # `đã xây dựng mới 48 sân vận động`, `đạt 38,5%`, `tăng bình quân 9%/năm`: the results of
    # 2021 - 2025 under `1. Ban Thường vụ Tỉnh ủy ghi nhận …`, not commitments
    assert len(r.targets) == 1
    t = r.targets[0]
    assert "phấn đấu đến năm 2030 có 45%" in t.text.lower()
    assert [(m.value, m.unit) for m in t.metrics] == [(45, "%"), (100, "%")]
    # the commitment's own year, not the reviewed period's in the title (2021 - 2025); `2.2.`
    # under `2.` with no part above is section 2.2, not 2.2.2
    assert (t.horizon, t.section) == (2030, "2.2")


def test_a_directives_commitment_in_its_preamble_is_a_target_past_figures_are_not() -> None:
    r = extract_file(DIRECTIVE)
    # `Giai đoạn 2021 - 2025, … 640 tủ sách …; 72% …` reports; `phấn đấu đến năm 2030` commits
    assert len(r.targets) == 1
    t = r.targets[0]
    assert t.text.startswith("Để tiếp tục thực hiện Nghị quyết số 80-NQ/TW")
    assert [(m.value, m.unit) for m in t.metrics] == [(90, "%"), (100, "%")]
    assert (t.horizon, t.section) == (2030, None)


def test_a_heading_that_leads_and_directs_names_the_directing_body_without_the_verbs() -> None:
    r = extract_file(DIRECTIVE)
    roles = {(tuple(t.directing), tuple(t.lead)) for t in r.tasks if t.directing}
    # `1. Ban cán sự đảng … lãnh đạo, chỉ đạo Ủy ban nhân dân tỉnh:`, `3. Đảng ủy các xã,
    # phường lãnh đạo, chỉ đạo …:`: `lãnh đạo` is no part of the directing body's name
    assert roles == {
        (("Ban cán sự đảng Ủy ban nhân dân tỉnh",), ("Ủy ban nhân dân tỉnh",)),
        (("Đảng ủy các xã, phường",), ("Ủy ban nhân dân các xã, phường",)),
    }


def test_the_implementation_part_hands_work_to_groups_and_by_request() -> None:
    r = extract_file(CONCLUSION)
    leads = [t.lead for t in r.tasks]
    assert leads == [
        ["Sở Văn hóa, Thể thao và Du lịch"],
        # `Đề nghị X và các đoàn thể …`: the request names a group beside the body
        ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các đoàn thể chính trị - xã hội tỉnh"],
        # a generic group as the subject of a bullet of `Tổ chức thực hiện`
        ["Các đảng ủy trực thuộc Tỉnh ủy"],
        ["Văn phòng Tỉnh ủy"],
    ]
    assert r.tasks[2].timeframe.every == "year"


def test_the_issuers_own_assessment_is_no_task() -> None:
    r = extract_file(CONCLUSION)
    assert not [t for t in r.tasks if "ghi nhận" in t.text]


def test_a_group_only_told_to_report_in_the_implementation_part_is_no_task() -> None:
    r = extract_file(FIXTURES / "variant_tourism_targets_appendix.md")
    assert not [t for t in r.tasks if t.text.startswith("Các phòng thuộc Sở báo cáo")]
    assert r.reporting


def test_the_closing_item_that_spreads_the_directive_is_the_groups_task() -> None:
    r = extract_file(DIRECTIVE)
    last = r.tasks[-1]
    # `4. Chỉ thị này được phổ biến đến chi bộ. Các cấp ủy, … tổ chức quán triệt …`: the
    # sentence about the directive itself names no one; the next one names who works
    assert last.text.startswith("Chỉ thị này được phổ biến đến chi bộ.")
    assert last.lead == ["Các cấp ủy, tổ chức đảng trực thuộc Tỉnh ủy"]
    assert (last.timeframe.kind, last.timeframe.every) == ("recurring", "year")


def test_implements_only_what_the_title_and_preamble_say_they_carry_out() -> None:
    directive = [d.number for d in extract_file(DIRECTIVE).document.implements]
    # `đã ban hành Quyết định số 1412/QĐ-UBND` reports a past step: not carried out here
    assert directive == ["61-KL/TW", "80-NQ/TW"]
    conclusion = [d.number for d in extract_file(CONCLUSION).document.implements]
    # `2.1. Gắn việc thực hiện … với Kết luận số 70-KL/TW …` is a task of the body, not
    # the preamble: a conclusion with no part above its items ends its preamble at `1.`
    assert conclusion == ["12-NQ/TU"]


def test_a_long_heading_naming_three_bodies_leads_the_paragraph_under_it() -> None:
    r = extract_file(FIXTURES / "variant_party_long_heading.txt")
    t = next(t for t in r.tasks if t.id == "III.1.1")
    # `Căn cứ Kế hoạch này, …; phối hợp với Tỉnh đoàn …` under a heading over 90 characters
    assert t.lead == [
        "Các ban, cơ quan, đơn vị của Tỉnh ủy",
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        "các đoàn thể chính trị - xã hội tỉnh",
    ]
    assert t.coordinating == ["Tỉnh đoàn"]
    # the province ending a body's name is no `tỉnh` (`Tĩnh` folds like `tỉnh`)
    ii = next(t for t in r.tasks if t.id == "II.1")
    assert ii.lead == ["Báo và Phát thanh, Truyền hình Hà Tĩnh"]


PROGRAMME_REVIEW = FIXTURES / "variant_party_programme_review_and_duties.txt"


def test_a_programmes_review_part_and_past_year_sentences_give_no_targets() -> None:
    r = extract_file(PROGRAMME_REVIEW)
    # `1. Kết quả đạt được` inside `II- TÌNH HÌNH VÀ MỤC TIÊU` and the `Năm 2025, …` sentence
    # of the general objective report results; a baseline year (`so với năm 2025`) is no past
    assert [[m.value for m in t.metrics] for t in r.targets] == [[15], [45, 100], [20, 1200]]
    assert [t.section for t in r.targets] == ["II.2.1", "II.2.2", "II.2.2"]
    # `tài liệu` is a unit though its first word folds like `tại`
    assert [(m.unit, m.by) for m in r.targets[2].metrics] == [
        ("câu lạc bộ", 2027),
        ("tài liệu", 2028),
    ]


def test_a_programmes_paragraph_duties_whatever_order_they_come_in() -> None:
    r = extract_file(PROGRAMME_REVIEW)
    # the compiler's `tổng hợp, báo cáo … theo quy định` comes before the communes' periodic
    # duty: one duty still; the inspection committee's clause `… hằng năm …; báo cáo … khi
    # có yêu cầu` states its own period
    assert [(d.every, d.due, d.via) for d in r.reporting] == [
        ("half_year", "06-10", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
        ("year", "11-10", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
        ("ad_hoc", None, "Ủy ban Kiểm tra Tỉnh ủy"),
    ]
    assert {d.to for d in r.reporting} == {"Ban Thường vụ Tỉnh ủy"}


def test_a_programmes_paragraph_timeframes_and_a_qualified_group_of_communes() -> None:
    tasks = {t.id: t for t in extract_file(PROGRAMME_REVIEW).tasks}
    assert list(tasks) == ["IV.1", "IV.2", "IV.3", "IV.4"]
    board = tasks["IV.2"]
    assert (board.directing, board.lead) == (
        ["Ban cán sự đảng Ủy ban nhân dân tỉnh"],
        ["Sở Văn hóa, Thể thao và Du lịch"],
    )
    assert board.coordinating == ["Sở Y tế", "Ủy ban nhân dân các xã có đồng bào dân tộc thiểu số"]
    # `thời gian thực hiện 2026 - 2027:` without a colon after the label
    tf = board.timeframe
    assert (tf.kind, tf.start, tf.end) == ("window", "2026-01-01", "2027-12-31")
    # `hoàn thành trước ngày 31/5/2026; <a long clause>; … hằng năm …`: recurring anywhere
    tf = tasks["IV.3"].timeframe
    assert (tf.kind, tf.every) == ("recurring", "year")
    assert tf.raw is not None and tf.raw.startswith("hoàn thành trước ngày 31/5/2026")


RUNNING = FIXTURES / "variant_conclusion_running_tasks.txt"


def test_a_conclusion_that_agrees_with_the_report_it_heard_assigns_no_task() -> None:
    """`1. Ban Thường vụ Tỉnh ủy cơ bản thống nhất với Báo cáo sơ kết. …`: the issuer's
    assessment, no work given to it."""
    r = extract_file(RUNNING)
    assert [t.id for t in r.tasks] == ["2.1", "2.2", "2.3", "3.1"]


def test_running_sentences_name_each_body_once_and_in_its_role() -> None:
    r = extract_file(RUNNING)
    roles = [(t.id, t.directing, t.lead, t.coordinating) for t in r.tasks]
    assert roles == [
        # the party committee of the Front and the mass organisations is one body (its `, các`
        # parts nothing); the group it directs ends before its verb (`đổi mới`)
        (
            "2.1",
            ["Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh"],
            ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các tổ chức chính trị - xã hội tỉnh"],
            [],
        ),
        # `X chủ trì …; Y phối hợp …`: Y, the subject of a later clause, coordinates
        ("2.2", [], ["Sở Văn hóa, Thể thao và Du lịch"], ["Sở Khoa học và Công nghệ"]),
        # the communes' area (`khu vực ven biển`) goes on with the group's name
        (
            "2.3",
            ["Đảng ủy Quân sự tỉnh"],
            ["Bộ Chỉ huy Quân sự tỉnh"],
            ["Ủy ban nhân dân các xã, phường khu vực ven biển"],
        ),
        ("3.1", [], ["Ủy ban Kiểm tra Tỉnh ủy"], []),
    ]


def test_a_year_after_the_document_named_by_its_kind_alone_is_the_works_time() -> None:
    """`… thực hiện Kết luận vào kế hoạch kiểm tra, giám sát … năm 2027.`: the bare `Kết luận`
    is this document, whose name the year does not end; the year closing the item is its
    time."""
    tf = extract_file(RUNNING).tasks[-1].timeframe
    assert (tf.raw, tf.kind, tf.start, tf.end) == ("năm 2027", "window", "2027-01-01", "2027-12-31")


def test_commitments_inside_a_conclusions_task_paragraphs_are_targets() -> None:
    """A conclusion with no objectives part words its commitments inside the paragraphs that
    give the work: a sentence of such a paragraph that names no body and commits to a number
    is a target, aimed at the latest year it speaks of (else the plan's period); the task's
    own sentence (`… hoàn thành trong quý IV/2026`) and the assessment's results are none."""
    r = extract_file(RUNNING)
    got = [(t.section, t.horizon, [(m.value, m.unit, m.by) for m in t.metrics]) for t in r.targets]
    assert got == [
        ("2.1", 2030, [(70, "%", None)]),
        ("2.2", 2030, [(50, "%", 2027)]),
    ]
    assert r.targets[0].text.startswith("Phấn đấu có trên 70% chi hội")
    assert r.targets[1].text.startswith("Trong năm 2027, số hóa 50%")
