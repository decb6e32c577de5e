"""A body task table: the plan's task list, or one more way the plan assigns work."""

from kehoach.extract import extract_file
from kehoach.extract.outline import Section, build_outline, paragraphs
from kehoach.extract.tables import is_schedule
from kehoach.extract.task_lists import is_task_list, is_task_part
from kehoach.intake import read_document
from kehoach.intake.document import Table

from .conftest import FIXTURES


def _roles(name: str) -> list[tuple[str, list[str], list[str], str, str | None, str | None]]:
    r = extract_file(FIXTURES / name)
    return [
        (
            t.id,
            t.lead,
            t.coordinating,
            t.timeframe.kind,
            t.timeframe.start,
            t.timeframe.end,
        )
        for t in r.tasks
    ]


def test_a_roadmap_in_one_sub_part_of_the_task_part_joins_the_implementation_paragraphs() -> None:
    """`III. NHIỆM VỤ, GIẢI PHÁP` holds bullets in `1.`–`2.` and a roadmap table in `3.`; the
    agencies are given their work in `IV. TỔ CHỨC THỰC HIỆN`: the table's rows and those
    paragraphs are all tasks, in the document's order, the rows named by their section."""
    assert _roles("variant_roadmap_in_task_part.txt") == [
        ("III.3.1", ["Phòng Văn hóa - Xã hội"], [], "window", "2026-05-01", "2026-05-31"),
        ("III.3.2", ["Trung tâm Dịch vụ tổng hợp xã"], [], "window", "2026-10-01", "2026-12-31"),
        (
            "III.3.3",
            ["Phòng Văn hóa - Xã hội"],
            ["Trung tâm Dịch vụ tổng hợp xã"],
            "window",
            "2026-01-01",
            "2027-06-30",
        ),
        ("IV.1", ["Phòng Văn hóa - Xã hội"], [], "window", "2026-01-01", "2026-08-31"),
        # a registered name holding a verb-like word (`tổng hợp`) before `và` another body;
        # `các bản …` (villages) kept as written, not respelt as `ban`
        (
            "IV.2",
            ["Trung tâm Dịch vụ tổng hợp xã", "Hội Khuyến học xã"],
            ["các bản Nậm Chim, Huổi Lóng"],
            "unknown",
            None,
            None,
        ),
        # a period opening the item's last clause; a start day alone
        ("IV.3", ["Phòng Kinh tế"], [], "window", "2026-01-01", "2027-12-31"),
        ("IV.4", ["Hội Khuyến học xã"], [], "from", "2026-09-01", None),
    ]
    r = extract_file(FIXTURES / "variant_roadmap_in_task_part.txt")
    first = r.tasks[0]
    assert (first.group, first.group_title) == ("III.3", "Lộ trình xây dựng thư viện số của xã")
    # `01 Ngày hội …` is a festival counted, not a number of days
    assert [m.value for m in r.targets[0].metrics] == [1, 100]


def test_a_programme_outside_the_task_part_joins_the_assignments_under_it() -> None:
    """`III. CHƯƠNG TRÌNH HOẠT ĐỘNG` (an event's programme) beside `IV. PHÂN CÔNG NHIỆM VỤ`,
    whose agency sub-headings assign work of their own: both are the plan's tasks."""
    assert _roles("variant_programme_beside_assignments.txt") == [
        ("III.1", ["Sở Văn hóa, Thể thao và Du lịch"], [], "window", "2027-04-10", "2027-04-10"),
        ("III.2", ["Hội Nông dân tỉnh"], [], "window", "2027-04-11", "2027-04-11"),
        # a short row whose cells hold a heading's words (`sản phẩm`, `chủ trì`) is no heading
        (
            "III.3",
            ["Sở Công Thương"],
            ["Hội Nông dân tỉnh"],
            "window",
            "2027-04-11",
            "2027-04-13",
        ),
        ("III.4", ["Sở Văn hóa, Thể thao và Du lịch"], [], "window", "2027-04-13", "2027-04-13"),
        ("IV.1.1", ["Sở Văn hóa, Thể thao và Du lịch"], [], "window", "2027-01-01", "2027-03-15"),
        ("IV.1.2", ["Sở Văn hóa, Thể thao và Du lịch"], [], "unknown", None, None),
        ("IV.2.1", ["Công an tỉnh"], [], "unknown", None, None),
        ("IV.3.1", ["Sở Y tế"], [], "unknown", None, None),
    ]


def test_a_programme_its_line_introduces_as_the_assignment_is_the_task_list() -> None:
    """The same shape, but `Nội dung, thời gian các hoạt động và phân công thực hiện như sau:`
    introduces the table: the plan names it with a task part's words, so the table is where
    it hands out the work, and `III. PHÂN CÔNG NHIỆM VỤ` adds no task (as beside a table
    under a part headed so). The rows keep their groups' numbers (`I.1`, `II.2`)."""
    r = extract_file(FIXTURES / "variant_programme_introduced_as_assignment.txt")
    assert [(t.id, t.group_title, t.lead, t.coordinating) for t in r.tasks] == [
        (
            "I.1",
            "CÔNG TÁC CHUẨN BỊ",
            ["Sở Văn hóa, Thể thao và Du lịch"],
            ["Trung tâm Văn hóa tỉnh"],
        ),
        ("I.2", "CÔNG TÁC CHUẨN BỊ", ["Ủy ban nhân dân xã Thiên Cầm"], ["Sở Xây dựng"]),
        (
            "II.1",
            "CÁC HOẠT ĐỘNG CHÍNH",
            ["Sở Văn hóa, Thể thao và Du lịch"],
            ["Công an tỉnh", "Sở Y tế"],
        ),
        (
            "II.2",
            "CÁC HOẠT ĐỘNG CHÍNH",
            ["Trung tâm Huấn luyện và Thi đấu thể thao tỉnh"],
            ["Ủy ban nhân dân xã Thiên Cầm"],
        ),
    ]
    root = _outline("variant_programme_introduced_as_assignment.txt")
    # the body's table (the two-column header above the title may be read as one too)
    [(path, table)] = [(p, t) for p, t in _tables(root) if p]
    # the introducing line decides before any section is read; without the table to look
    # for, the rule reads the sections as before
    assert is_task_list(path, root, [table], lambda sec: True, table)
    assert not is_task_list(path, root, [table], lambda sec: True)


def test_an_inspection_schedule_where_the_plan_has_no_task_part_is_its_task_list() -> None:
    """The schedule stands in `2.` of `III. ĐOÀN KIỂM TRA VÀ LỊCH KIỂM TRA` and no part is
    headed as tasks: `IV. TỔ CHỨC THỰC HIỆN` says how the inspections are carried out and
    gives no tasks beside the rows."""
    r = extract_file(FIXTURES / "variant_inspection_rounds_beside_duties.txt")
    assert [(t.id, t.lead, t.coordinating) for t in r.tasks] == [
        ("1", ["Sở Văn hóa, Thể thao và Du lịch"], ["Sở Tài chính"]),
        ("2", ["Sở Văn hóa, Thể thao và Du lịch"], ["Công an tỉnh"]),
        ("3", ["Sở Văn hóa, Thể thao và Du lịch"], []),
    ]


def test_a_task_part_made_of_tables_by_field_is_the_task_list() -> None:
    """`II. NHIỆM VỤ` split into fields, each a table: its sub-parts hold no items beside the
    tables, so the tables are the list and `III. TỔ CHỨC THỰC HIỆN` adds no task."""
    r = extract_file(FIXTURES / "variant_task_part_tables_by_field.txt")
    assert [(t.text, t.lead) for t in r.tasks] == [
        ("Kiểm kê bộ chiêng, nghệ nhân tại các làng", ["Sở Văn hóa, Thể thao và Du lịch"]),
        ("Mở lớp truyền dạy đánh chiêng cho thanh thiếu niên", ["Sở Văn hóa, Thể thao và Du lịch"]),
        ("Bổ sung sách tiếng dân tộc cho tủ sách làng", ["Thư viện tỉnh"]),
    ]


def test_tables_that_make_up_a_task_part_or_stand_where_there_is_none_stay_the_list() -> None:
    """The families the rule keeps: a table making up `II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN`
    or `III. PHÂN CÔNG NHIỆM VỤ`, an event plan's activities under `II. NỘI DUNG HOẠT ĐỘNG`
    and an inspection schedule under `II. LỊCH KIỂM TRA` beside a `Tổ chức thực hiện` that
    names agencies: the rows alone."""
    counts = {
        "variant_assignment_matrix.md": 6,
        "variant_event_week_contacts.md": 9,
        "variant_department_event_table.txt": 4,
        "variant_inspection_schedule.md": 3,
    }
    for name, n in counts.items():
        assert len(extract_file(FIXTURES / name).tasks) == n, name


def _outline(name: str) -> Section:
    doc = read_document(FIXTURES / name)
    return build_outline(paragraphs(list(doc.blocks)))


def _tables(root: Section) -> list[tuple[str, Table]]:
    return [(s.path, b) for s in root.walk() for b in s.blocks if isinstance(b, Table)]


def test_sections_are_read_only_when_the_rule_needs_them() -> None:
    """Reading the sections is the costly part: asked of the task parts beside a table that
    stands outside them, never of a table inside a task part."""
    root = _outline("variant_programme_beside_assignments.txt")
    [(path, table)] = _tables(root)
    asked: list[str] = []

    def assigns(sec: Section) -> bool:
        asked.append(sec.path)
        return sec.path == "IV"

    assert path == "III"
    assert not is_task_list(path, root, [table], assigns)
    assert asked == ["IV"]
    assert is_task_list(path, root, [table], lambda sec: False)

    root = _outline("variant_task_part_tables_by_field.txt")
    found = _tables(root)
    assert [p for p, _ in found] == ["II.1", "II.2"]
    asked.clear()
    assert is_task_list("II.1", root, [t for _, t in found], assigns)
    assert asked == []


def test_task_parts_are_told_by_their_headings() -> None:
    root = _outline("variant_roadmap_in_task_part.txt")
    assert [(s.path, is_task_part(s)) for s in root.children] == [
        ("I", False),
        ("II", False),
        ("III", True),
        ("IV", False),
        ("signature", False),
    ]


def test_an_events_programme_gives_tasks_beside_the_duties_of_its_subcommittees() -> None:
    """`III. CHƯƠNG TRÌNH LIÊN HOAN` (`Thời gian | Nội dung | Địa điểm | Đơn vị thực hiện`)
    stands where no part is headed as tasks: a programme is no task list, so its rows (each
    named by its section, merged cells taken from the row above) and the duties `IV. TỔ
    CHỨC THỰC HIỆN` gives the committee, its subcommittees and the agencies are all tasks.
    A subcommittee headed by a person leads its own bullets (the person is in no role); one
    whose heading names the body that runs it (`(X chủ trì)`, `: X chủ trì, phối hợp với Y
    …:`) is led by that body; the line saying what the committee is made of is no task."""
    got = _roles("variant_festival_schedule_and_subcommittees.txt")
    day1, day2 = ("window", "2027-09-18", "2027-09-18"), ("window", "2027-09-19", "2027-09-19")
    vp = "Văn phòng Sở Văn hóa, Thể thao và Du lịch"
    assert got == [
        ("III.1", ["Tiểu ban Hậu cần - Lễ tân"], [], *day1),
        ("III.2", ["Ban Tổ chức", "Ủy ban nhân dân phường Lương Văn Tri"], [], *day1),
        ("III.3", ["Trung tâm Văn hóa, Điện ảnh và Triển lãm tỉnh"], [], *day1),
        ("III.4", ["Tiểu ban Nghệ thuật"], [], *day2),
        ("III.5", ["Tiểu ban Nghệ thuật"], [], *day2),
        ("III.6", ["Ban Tổ chức"], [], "window", "2027-09-20", "2027-09-20"),
        ("IV.1.1", ["Ban Tổ chức"], [], "window", "2027-01-01", "2027-06-30"),
        ("IV.1.2", ["Ban Tổ chức"], [], "unknown", None, None),
        ("IV.2.1.1", ["Tiểu ban Nghệ thuật"], [], "window", "2027-07-01", "2027-07-31"),
        ("IV.2.1.2", ["Tiểu ban Nghệ thuật"], ["Tiểu ban Hậu cần - Lễ tân"], "unknown", None, None),
        ("IV.2.2.1", [vp], [], "unknown", None, None),
        ("IV.2.3.1", ["Công an tỉnh"], ["Bộ Chỉ huy Quân sự tỉnh"], "unknown", None, None),
        # the hours of a day inside the item: that day
        ("IV.2.3.2", ["Công an tỉnh"], ["Bộ Chỉ huy Quân sự tỉnh"], *day1),
        ("IV.2.4", ["Sở Y tế"], [], "unknown", None, None),
        ("IV.3", ["Báo Lạng Sơn"], [], *day1),
        ("IV.4", ["Ủy ban nhân dân các xã có đoàn tham gia"], [], "unknown", None, None),
    ]
    r = extract_file(FIXTURES / "variant_festival_schedule_and_subcommittees.txt")
    # the committee that asks for reports out of turn, its name closing the sentence
    assert [(d.every, d.to) for d in r.reporting] == [
        ("once", "Ủy ban nhân dân tỉnh"),
        ("ad_hoc", "Ban Tổ chức"),
    ]


def test_a_programme_is_told_from_a_task_table_by_its_columns() -> None:
    """A column of places and no column of a task table's own (roles split into columns, a
    deadline, a product): a programme. The same places beside `Đơn vị chủ trì | Đơn vị phối
    hợp` make an assignment table, the plan's task list where it stands alone."""
    programme = Table(
        rows=[
            ["TT", "Thời gian", "Nội dung", "Địa điểm", "Đơn vị thực hiện"],
            ["1", "Ngày 02/9/2027", "Lễ chào cờ", "Quảng trường tỉnh", "Sở Nội vụ"],
        ]
    )
    assigned = Table(
        rows=[
            ["TT", "Nội dung", "Thời gian", "Địa điểm", "Đơn vị chủ trì", "Đơn vị phối hợp"],
            ["1", "Lễ chào cờ", "Ngày 02/9/2027", "Quảng trường tỉnh", "Sở Nội vụ", "Công an tỉnh"],
        ]
    )
    deadline = Table(
        rows=[
            ["TT", "Nhiệm vụ", "Địa điểm", "Đơn vị thực hiện", "Thời hạn hoàn thành"],
            ["1", "Sửa chữa sân khấu", "Nhà Văn hóa tỉnh", "Sở Xây dựng", "Tháng 8/2027"],
        ]
    )
    assert is_schedule(programme)
    assert not is_schedule(assigned)
    assert not is_schedule(deadline)
    root = _outline("variant_department_event_table.txt")
    [(path, table)] = _tables(root)
    assert is_task_list(path, root, [table], lambda sec: True, table)
    assert not is_task_list(path, root, [programme], lambda sec: False, programme)
