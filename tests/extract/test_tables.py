"""Task tables told apart by their headings, whatever the source of the `Table`."""

import pytest

from kehoach.extract import extract_file
from kehoach.extract.tables import is_schedule, tasks_from_table
from kehoach.intake.document import Table

from .conftest import FIXTURES


def test_two_row_header_with_lead_and_coordinating_under_one_heading() -> None:
    spans = [
        [False] * 6,
        [False] * 6,
        [False, False, True, True, True, True],
        [False] * 6,
        [False] * 6,
    ]
    table = Table(
        rows=[
            [
                "STT",
                "Nội dung nhiệm vụ",
                "Cơ quan thực hiện",
                "Cơ quan thực hiện",
                "Thời gian hoàn thành",
                "Ghi chú",
            ],
            ["STT", "Nội dung nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian hoàn thành", "Ghi chú"],
            ["I", "Tuyên truyền", "Tuyên truyền", "Tuyên truyền", "Tuyên truyền", "Tuyên truyền"],
            [
                "1",
                "Tổ chức hội nghị",
                "Sở VHTTDL",
                "Sở Nội vụ; UBND các xã, phường",
                "Tháng 6/2026",
                "",
            ],
            ["2", "Biên soạn tài liệu", "Sở VHTTDL", "", "Trước ngày 30/9/2026", "Tài liệu"],
        ],
        spans=spans,
    )
    tasks, targets = tasks_from_table(table, 2026)
    assert targets == []
    assert [(t.id, t.group_title, t.lead, t.coordinating, t.timeframe.end) for t in tasks] == [
        (
            "I.1",
            "Tuyên truyền",
            ["Sở Văn hóa, Thể thao và Du lịch"],
            ["Sở Nội vụ", "Ủy ban nhân dân các xã, phường"],
            "2026-06-30",
        ),
        ("I.2", "Tuyên truyền", ["Sở Văn hóa, Thể thao và Du lịch"], [], "2026-09-30"),
    ]


def test_task_cell_merged_over_two_agency_rows_is_one_task() -> None:
    table = Table(
        rows=[
            ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"],
            ["1", "Số hóa di tích", "Sở VHTTDL", "Sở KH&CN", "Năm 2026"],
            ["1", "Số hóa di tích", "UBND các xã, phường", "", "Năm 2026"],
        ],
        spans=[[False] * 5, [False] * 5, [True, True, False, False, True]],
    )
    tasks, _ = tasks_from_table(table, 2026)
    assert len(tasks) == 1
    assert tasks[0].lead == ["Sở Văn hóa, Thể thao và Du lịch", "Ủy ban nhân dân các xã, phường"]
    assert tasks[0].coordinating == ["Sở Khoa học và Công nghệ"]


def test_a_table_without_task_columns_is_not_a_task_table() -> None:
    table = Table(rows=[["Họ và tên", "Chức vụ"], ["Nguyễn Văn A", "Giám đốc"]])
    assert tasks_from_table(table, 2026) is None


def test_an_unnumbered_row_with_only_text_continues_the_task_above() -> None:
    table = Table(
        rows=[
            ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian"],
            ["1", "Tổ chức hội nghị", "Sở VHTTDL", "Năm 2026"],
            ["", "quán triệt Nghị quyết", "", ""],
            ["2", "Biên soạn tài liệu", "Sở Nội vụ", "Quý I/2026"],
            ["", "Tập huấn báo cáo viên", "Sở Tài chính", "Quý II/2026"],
        ]
    )
    tasks, _ = tasks_from_table(table, 2026)
    assert [(t.id, t.text, t.lead) for t in tasks] == [
        ("1", "Tổ chức hội nghị quán triệt Nghị quyết", ["Sở Văn hóa, Thể thao và Du lịch"]),
        ("2", "Biên soạn tài liệu", ["Sở Nội vụ"]),
        ("3", "Tập huấn báo cáo viên", ["Sở Tài chính"]),
    ]


def test_a_table_without_row_numbers_keeps_every_row() -> None:
    table = Table(
        rows=[
            ["Nhiệm vụ", "Cơ quan chủ trì"],
            ["Số hóa di tích", "Sở VHTTDL"],
            ["Kiểm kê", "Sở Nội vụ"],
        ]
    )
    tasks, _ = tasks_from_table(table, 2026)
    assert [(t.id, t.text) for t in tasks] == [("1", "Số hóa di tích"), ("2", "Kiểm kê")]


def test_group_title_in_the_task_column_and_other_heading_words() -> None:
    table = Table(
        rows=[
            ["STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Lộ trình"],
            ["", "I. CÔNG TÁC TUYÊN TRUYỀN", "", "", ""],
            ["1", "Tổ chức hội nghị", "Sở VHTTDL", "Sở Nội vụ", "Quý II/2026"],
        ]
    )
    tasks, _ = tasks_from_table(table, 2026)
    assert [(t.id, t.group_title, t.coordinating, t.timeframe.raw) for t in tasks] == [
        ("I.1", "CÔNG TÁC TUYÊN TRUYỀN", ["Sở Nội vụ"], "Quý II/2026")
    ]


def test_a_numbered_row_with_no_agency_over_rows_numbered_under_it_heads_them() -> None:
    """`| 1 | Giải thể thao cấp xã | | | |` then `1.1`, `1.2`: a sub-heading, as the `I` row
    above it is a group row; a bare row over no sub-rows (`2`) would still be a task."""
    from kehoach.extract import extract_file

    from .conftest import FIXTURES

    r = extract_file(FIXTURES / "variant_table_subgroups.md")
    assert [t.id for t in r.tasks] == ["I.1.1", "I.1.2", "I.2", "II.1.1"]
    assert all(t.lead for t in r.tasks)
    assert r.tasks[-1].group_title == "THỂ THAO TRƯỜNG HỌC"


def test_a_priced_catalogue_of_projects_is_no_task_table() -> None:
    from kehoach.extract.tables import is_project_list

    def table(item: str, last: str) -> Table:
        return Table(
            rows=[
                ["TT", item, "Cơ quan chủ trì", "Thời gian", last],
                ["1", "Nhà văn hóa đa năng", "Sở Xây dựng", "2027 - 2029", "150"],
            ]
        )

    assert is_project_list(table("Tên dự án", "Kinh phí dự kiến (tỷ đồng)"))
    assert is_project_list(table("Tên công trình", "Ghi chú"), "DANH MỤC CÔNG TRÌNH, DỰ ÁN")
    # a heading or a caption that names tasks keeps a table a task table
    assert not is_project_list(table("Tên nhiệm vụ, dự án", "Kinh phí"))
    assert not is_project_list(table("Tên dự án", "Kinh phí"), "PHỤ LỤC NHIỆM VỤ TRỌNG TÂM")
    # a project column with nothing to say it is priced or a catalogue: still read for tasks
    assert not is_project_list(table("Dự án", "Ghi chú"), "Phụ lục")
    assert not is_project_list(table("Nội dung", "Kinh phí"))


def test_inspection_schedule_inspected_unit_in_no_role_team_members_coordinate() -> None:
    # `Đơn vị được kiểm tra` names whom the work is done to; `Thành phần` lists the team the
    # lead column's office heads (a person named there is in no role)
    table = Table(
        rows=[
            [
                "TT",
                "Nội dung kiểm tra",
                "Đơn vị được kiểm tra",
                "Thời gian",
                "Chủ trì",
                "Thành phần",
            ],
            [
                "1",
                "Quản lý chất thải y tế",
                "Bệnh viện tỉnh",
                "Quý III/2026",
                "Phòng Nghiệp vụ",
                "",
            ],
            [
                "2",
                "Hồ sơ cấp phép hành nghề",
                "UBND xã Thanh Ba",
                "Tháng 5/2026",
                "Thanh tra Sở",
                "Đồng chí Vũ Văn Nam, Phó Giám đốc Sở (Trưởng đoàn); Công an tỉnh",
            ],
        ]
    )
    tasks, _ = tasks_from_table(table, 2026)
    assert [(t.lead, t.coordinating) for t in tasks] == [
        (["Phòng Nghiệp vụ"], []),
        (["Thanh tra Sở"], ["Công an tỉnh"]),
    ]


def test_schedule_with_no_task_column_is_the_visits_its_team_column_leads() -> None:
    """`Đơn vị được kiểm tra | Thời gian | Thành phần đoàn`, no task nor lead column: each row
    is the visit to the unit, led by the team (two teams: both lead); the notes column names
    no one in a role."""
    table = Table(
        rows=[
            ["TT", "Đơn vị được kiểm tra", "Thời gian", "Thành phần đoàn", "Ghi chú"],
            ["1", "UBND xã Yên Thành", "Sáng 03/11/2026", "Đoàn kiểm tra số 1", "Sở Y tế cùng dự"],
            ["2", "Bệnh viện tỉnh", "Ngày 05/11/2026", "Đoàn 1 và Đoàn 2", ""],
        ]
    )
    tasks, _ = tasks_from_table(table, 2026)
    assert [(t.text, t.lead, t.coordinating) for t in tasks] == [
        ("UBND xã Yên Thành", ["Đoàn kiểm tra số 1"], []),
        ("Bệnh viện tỉnh", ["Đoàn 1", "Đoàn 2"], []),
    ]
    assert is_schedule(table)  # no task list: the plan's sections give tasks beside it
    # a meeting's attendees (`Thành phần`) lead nothing: no table of tasks
    attendees = Table(
        rows=[["TT", "Đơn vị được kiểm tra", "Thời gian", "Thành phần"], *table.rows[1:]]
    )
    assert tasks_from_table(attendees, 2026) is None


def test_attendees_column_beside_a_lead_column_is_in_no_role() -> None:
    table = Table(
        rows=[
            ["TT", "Nội dung", "Cơ quan chủ trì", "Thành phần tham dự", "Thời gian"],
            ["1", "Hội nghị tổng kết", "Sở Y tế", "Lãnh đạo các xã, phường", "Tháng 12/2026"],
        ]
    )
    tasks, _ = tasks_from_table(table, 2026)
    assert [(t.lead, t.coordinating) for t in tasks] == [(["Sở Y tế"], [])]


def test_text_table_leaves_merged_lead_and_time_cells_empty_below_their_first_row() -> None:
    """A task table from Word written as text keeps a merged cell's text in its first row:
    an empty lead (a task with no lead cannot be) shows it, and then an empty lead or time
    cell takes the one above it in its group; a group row ends every merge."""
    from kehoach.extract import extract_file

    from .conftest import FIXTURES

    r = extract_file(FIXTURES / "variant_office_table_merged.txt")
    assert [(t.id, t.lead, t.timeframe.raw) for t in r.tasks] == [
        ("I.1", ["Phòng Tổ chức biên chế"], "Quý II/2026"),
        ("I.2", ["Phòng Tổ chức biên chế"], "Quý II/2026"),
        ("I.3", ["Trung tâm Lưu trữ lịch sử tỉnh"], "Năm 2026"),
        ("II.4", ["Văn phòng Sở"], None),  # the time merge above ended at the group row
        ("II.5", ["Trung tâm Lưu trữ lịch sử tỉnh"], "Hằng quý"),  # `TT …` spelt out
        ("II.6", ["Văn phòng Sở"], "Hằng quý"),  # a merged time cell over a change of lead
        ("II.7", ["Văn phòng Sở"], "Tháng 12/2026"),
    ]
    assert r.tasks[5].coordinating == ["Phòng Tổ chức biên chế"]  # `Phòng TCBC`
    # every body cell of row 7 empty: the bodies above merged down, coordinators too (a row
    # with a lead of its own and no coordinators has none: II.5)
    assert r.tasks[6].coordinating == ["Phòng Tổ chức biên chế"]
    assert r.tasks[4].coordinating == []


def test_a_text_table_row_merged_whole_takes_every_role_from_the_row_above() -> None:
    """A row whose every role cell is empty is the row above's bodies merged down (a text
    table keeps merged cells in their first row): it takes the directing and coordinating
    bodies too, which a row with a lead of its own never does; its time is its own if it has
    one."""
    rows = [
        ["TT", "Nội dung", "Cơ quan chỉ đạo", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"],
        ["I", "Tuyên truyền, phổ biến", "", "", "", ""],
        [
            "1",
            "Tổ chức hội nghị quán triệt",
            "UBND tỉnh",
            "Sở Nội vụ",
            "Văn phòng Sở",
            "Quý I/2026",
        ],
        ["2", "Biên soạn tài liệu hỏi đáp", "", "", "", ""],
        ["3", "Tập huấn cán bộ cấp xã", "", "Sở Tư pháp", "Công an tỉnh", "Năm 2026"],
        ["4", "Đăng tải tài liệu trên cổng thông tin", "", "", "", ""],
        ["5", "Sơ kết việc thực hiện", "", "", "", "Tháng 12/2026"],
        ["6", "Khen thưởng tập thể, cá nhân", "", "", "", ""],
    ]
    tasks, _ = tasks_from_table(Table(rows=rows), 2026)
    assert [(t.directing, t.lead, t.coordinating, t.timeframe.raw) for t in tasks] == [
        (["Ủy ban nhân dân tỉnh"], ["Sở Nội vụ"], ["Văn phòng Sở"], "Quý I/2026"),
        (["Ủy ban nhân dân tỉnh"], ["Sở Nội vụ"], ["Văn phòng Sở"], "Quý I/2026"),
        ([], ["Sở Tư pháp"], ["Công an tỉnh"], "Năm 2026"),
        ([], ["Sở Tư pháp"], ["Công an tỉnh"], "Năm 2026"),
        # a time of its own, its body cells all empty: the bodies above, its own time
        ([], ["Sở Tư pháp"], ["Công an tỉnh"], "Tháng 12/2026"),
        ([], ["Sở Tư pháp"], ["Công an tỉnh"], "Tháng 12/2026"),
    ]


def test_an_empty_time_cell_stays_empty_when_every_row_has_its_lead() -> None:
    rows = [
        ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian thực hiện"],
        ["1", "Tổ chức hội nghị", "Sở Nội vụ", "Quý II/2026"],
        ["2", "Kiểm tra an toàn thông tin", "Công an tỉnh", ""],
    ]
    tasks, _ = tasks_from_table(Table(rows=rows), 2026)
    assert [t.timeframe.raw for t in tasks] == ["Quý II/2026", None]


def test_a_table_that_marks_its_merges_is_not_filled_again() -> None:
    """A Word or PDF table repeats a merged cell and marks it in `spans`: an empty cell there
    is empty."""
    rows = [
        ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian thực hiện"],
        ["1", "Tổ chức hội nghị", "Sở Nội vụ", "Quý II/2026"],
        ["2", "Biên soạn tài liệu", "", ""],
    ]
    tasks, _ = tasks_from_table(Table(rows=rows, spans=[[False] * 4] * 3), 2026)
    assert [(t.lead, t.timeframe.raw) for t in tasks] == [
        (["Sở Nội vụ"], "Quý II/2026"),
        ([], None),
    ]


def test_start_and_end_time_columns_make_one_span() -> None:
    """`Thời gian bắt đầu | Thời gian hoàn thành`: one span from the start of the first cell's
    period to the end of the second's; an open end runs from the start, `hằng năm` in either
    cell recurs; roles marked in parentheses, `(đồng chủ trì)` giving every named body the lead."""


def test_an_agency_cell_with_a_body_on_each_line_lists_them_apart() -> None:
    """`Sở A (chủ trì)<br>Sở B<br>UBND các xã`: each line is a body, the marked one leads
    and the rest coordinate; lines with no mark all lead; a line that goes on a name
    (`Sở Văn hóa, Thể thao` / `và Du lịch`) joins the one before it."""
    from kehoach.extract import extract_file

    from .conftest import FIXTURES

    r = extract_file(FIXTURES / "variant_start_end_columns.md")
    got = [
        (t.id, t.timeframe.raw, t.timeframe.kind, t.timeframe.start, t.timeframe.end)
        for t in r.tasks
    ]
    assert got == [
        ("1.1", "05/2026 - 9/2027", "window", "2026-05-01", "2027-09-30"),
        ("1.2", "Quý III/2026 - Thường xuyên", "from", "2026-07-01", None),
        ("2.1", "Năm 2026 - Hằng năm", "recurring", None, None),
        ("2.2", "Thường xuyên - Thường xuyên", "continuous", None, None),
        ("2.3", "Quý II/2027 - 30/10/2029", "window", "2027-04-01", "2029-10-30"),
    ]
    tasks = {t.id: t for t in r.tasks}
    assert tasks["1.2"].lead == ["Sở Giáo dục và Đào tạo", "Tỉnh đoàn"]
    assert tasks["1.2"].coordinating == ["Ủy ban nhân dân các xã miền núi"]
    assert tasks["2.3"].coordinating == [
        "Sở Giáo dục và Đào tạo",
        "Tỉnh đoàn",
        "Hội Liên hiệp Phụ nữ tỉnh",
    ]

    r = extract_file(FIXTURES / "variant_cell_line_breaks.md")
    assert [(t.lead, t.coordinating) for t in r.tasks] == [
        (
            ["Sở Văn hóa, Thể thao và Du lịch"],
            ["Sở Giáo dục và Đào tạo", "Ủy ban nhân dân các xã, phường"],
        ),
        (["Sở Tài chính", "Sở Văn hóa, Thể thao và Du lịch"], []),
        (["Sở Văn hóa, Thể thao và Du lịch"], ["Sở Nội vụ"]),
    ]
    # the task cell's sub-points stay in its text, each break one space
    assert r.tasks[0].text.startswith("Khảo sát tủ sách hiện có: - Lập danh sách tủ sách;")


def test_a_word_cell_with_a_paragraph_per_coordinator_lists_them_apart() -> None:
    rows = [
        ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp"],
        ["1", "Tổ chức hội thi", "Sở Nội vụ", "Công an tỉnh\nSở Tài chính"],
    ]
    tasks, _ = tasks_from_table(Table(rows=rows), 2026)
    assert tasks[0].coordinating == ["Công an tỉnh", "Sở Tài chính"]


def test_group_rows_carrying_their_budget_and_a_total_row_are_no_tasks() -> None:
    """`| I | TU BỔ DI TÍCH | | | | 21.000 | |`: a group row with its sum in the budget column
    heads the rows under it; `| | TỔNG CỘNG (I+II) | … | 25.400 |` sums the column and is no
    more of the last task's text. A body of another province keeps its province's name."""
    r = extract_file(FIXTURES / "variant_budget_groups.md")
    assert [(t.id, t.group, t.group_title) for t in r.tasks] == [
        ("I.1", "I", "TU BỔ DI TÍCH"),
        ("I.2", "I", "TU BỔ DI TÍCH"),
        ("II.1", "II", "QUẢNG BÁ DI SẢN"),
        ("II.2", "II", "QUẢNG BÁ DI SẢN"),
    ]
    assert r.tasks[3].text == "Xây dựng bản đồ số di sản"
    assert r.tasks[2].coordinating == ["Sở Văn hóa, Thể thao và Du lịch tỉnh Ninh Bình"]


def test_one_agency_column_whose_cells_label_the_roles() -> None:
    """`Cơ quan thực hiện` cells: `Chủ trì: X; phối hợp: Y`, `CT: X / PH: Y`, the labels on
    lines of their own (bulleted or not, in either case), `X chủ trì, phối hợp với Y và Z`,
    unlabelled names (all lead), a unit in brackets after its body; names with commas inside
    stay whole. The table is written without outer `|`s, its cells over several lines."""
    tasks = extract_file(FIXTURES / "variant_role_cells.txt").tasks
    vhttdl = "Sở Văn hóa, Thể thao và Du lịch"
    communes = "Ủy ban nhân dân các xã, phường"
    assert [(t.id, t.lead, t.coordinating) for t in tasks] == [
        ("I.1", [vhttdl], ["Sở Giáo dục và Đào tạo", "Tỉnh đoàn"]),
        ("I.2", ["Sở Giáo dục và Đào tạo"], ["Thư viện tỉnh", communes]),
        (
            "I.3",
            ["Báo và Phát thanh, Truyền hình Gia Lai"],
            [vhttdl, "Hội Văn học Nghệ thuật tỉnh"],
        ),
        ("I.4", ["Sở Nội vụ"], ["Liên đoàn Lao động tỉnh", vhttdl]),
        ("II.1", ["Thư viện tỉnh"], ["Bưu điện tỉnh", communes]),
        ("II.2", [communes, "Sở Xây dựng"], []),
        ("II.3", [vhttdl], ["các cơ quan, đơn vị liên quan"]),
        ("II.4", [vhttdl], ["Sở Dân tộc và Tôn giáo", "Ủy ban nhân dân các xã, phường, đặc khu"]),
    ]
    assert [t.timeframe.kind for t in tasks] == [
        "recurring",
        "window",
        "continuous",
        "window",
        "window",
        "window",
        "window",
        "recurring",
    ]


def test_a_group_title_merged_across_the_row_is_no_heading_row() -> None:
    """A Word or PDF table repeats a group's title in every cell it is merged over: its
    words (`tổ chức`, `hoạt động`) may read as column headings, yet one text repeated is
    one cell, so the row still opens a group."""
    title = "II. TỔ CHỨC CÁC HOẠT ĐỘNG TRONG TUẦN LỄ"
    rows = [
        ["TT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian"],
        ["I. CHUẨN BỊ", "I. CHUẨN BỊ", "I. CHUẨN BỊ", "I. CHUẨN BỊ"],
        ["1", "Soạn kịch bản", "Sở VHTTDL", "Tháng 5/2026"],
        [title] * 4,
        ["1", "Liên hoan dân ca", "Sở VHTTDL", "Tháng 9/2026"],
    ]
    spans = [[False] * 4, [False, True, True, True], [False] * 4]
    spans += [[False, True, True, True], [False] * 4]
    tasks, _ = tasks_from_table(Table(rows=rows, spans=spans), 2026)
    assert [(t.id, t.group_title) for t in tasks] == [
        ("I.1", "CHUẨN BỊ"),
        ("II.1", "TỔ CHỨC CÁC HOẠT ĐỘNG TRONG TUẦN LỄ"),
    ]


def test_one_agency_column_read_by_a_note_on_the_order_of_its_names() -> None:
    """A note under the table (`cơ quan ghi đầu tiên là cơ quan chủ trì; các cơ quan tiếp
    theo là cơ quan phối hợp`): in a cell with no role words the first name leads (a group
    too) and the others coordinate; roles marked after the names (`(chủ trì)`, `(đồng chủ
    trì)`, `(phối hợp)`, `(chỉ đạo)`) or worded (`X chủ trì, phối hợp với Y`) stay. A
    sentence on the duty of the head of a leading body (`người đứng đầu cơ quan chủ trì`)
    is no such note."""
    tasks = extract_file(FIXTURES / "variant_role_order_note.txt").tasks
    vh = "Sở Văn hóa, Thể thao và Du lịch"
    communes = "Ủy ban nhân dân các xã, phường"
    assert [(t.id, t.directing, t.lead, t.coordinating) for t in tasks] == [
        ("I.1", [], [communes], [vh]),
        ("I.2", [], ["Sở Xây dựng"], ["Sở Tài chính", communes]),
        ("I.3", [], ["Sở Giáo dục và Đào tạo"], [vh, "Tỉnh đoàn"]),
        ("I.4", [], ["Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"], ["Sở Y tế"]),
        (
            "II.5",
            ["Ban cán sự đảng Ủy ban nhân dân tỉnh"],
            ["Sở Dân tộc và Tôn giáo"],
            ["các cơ quan, đơn vị liên quan"],
        ),
        ("II.6", [], ["Báo và Phát thanh, Truyền hình Quảng Trị"], [vh]),
        (
            "II.7",
            [],
            ["Ban Quản lý Khu di tích lịch sử Thành Cổ"],
            ["Sở Nông nghiệp và Môi trường", "Sở Tư pháp"],
        ),
        ("II.8", [], ["Sở Nội vụ"], []),
        ("II.9", [], ["Các sở, ban, ngành"], ["các hội, đoàn thể tỉnh"]),
        ("II.10", [], [vh], ["các sở, ngành"]),
    ]


def test_without_a_note_on_the_order_a_list_of_names_is_all_lead() -> None:
    rows = [
        ["TT", "Nhiệm vụ", "Đơn vị thực hiện", "Thời hạn"],
        ["1", "Tổ chức giải chạy", "Sở VHTTDL; Công an tỉnh", "Năm 2026"],
        ["2", "Bảo đảm y tế", "Sở Y tế (chủ trì); Công an tỉnh", "Năm 2026"],
    ]
    tasks, _ = tasks_from_table(Table(rows=rows), 2026)
    assert [(t.lead, t.coordinating) for t in tasks] == [
        (["Sở Văn hóa, Thể thao và Du lịch", "Công an tỉnh"], []),
        (["Sở Y tế"], ["Công an tỉnh"]),
    ]
    tasks, _ = tasks_from_table(Table(rows=rows), 2026, first_leads=True)
    assert tasks[0].lead == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert tasks[0].coordinating == ["Công an tỉnh"]


def test_a_note_on_the_order_leaves_a_table_with_a_coordinating_column_alone() -> None:
    rows = [
        ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp"],
        ["1", "Tổ chức giải chạy", "Sở VHTTDL, Công an tỉnh", "Sở Y tế"],
    ]
    tasks, _ = tasks_from_table(Table(rows=rows), 2026, first_leads=True)
    assert tasks[0].lead == ["Sở Văn hóa, Thể thao và Du lịch", "Công an tỉnh"]
    assert tasks[0].coordinating == ["Sở Y tế"]


def test_a_target_table_in_the_body_with_ranges_bounds_and_a_baseline_column() -> None:
    """`Ước thực hiện năm 2025 | Kế hoạch năm 2026 | Mục tiêu đến năm 2030` under `2. Chỉ
    tiêu chủ yếu`: the results column gives no number; a range (`16 - 18`, `02 - 03`, `Từ
    2.000 đến 2.500`) one per end, each with its column's year; a bound (`≥ 90`, `Trên 95`)
    its number; `Duy trì` and `-` none. The rows sit in the body's section, not an appendix."""
    r = extract_file(FIXTURES / "variant_target_table_ranges.txt")
    assert [[(m.value, m.by) for m in t.metrics] for t in r.targets] == [
        [(16, 2026), (18, 2026), (25, 2030), (30, 2030)],
        [(90, 2026), (95, 2030)],
        [(2, 2030), (3, 2030)],
        [(40, 2026)],
        [(1400, 2026), (2000, 2030), (2500, 2030)],
    ]
    assert {(t.section, t.horizon) for t in r.targets} == {("II.2", 2030)}


def test_merged_leads_beside_their_own_times_merge_no_time_cell() -> None:
    """A text table whose empty lead cells (merged) each sit beside a time of their own: the
    time column shows no merge, so a task's empty time cell under a filled one, beside its
    own lead, states no time."""
    r = extract_file(FIXTURES / "variant_table_products.txt")
    assert [(t.id, t.lead, t.timeframe.raw) for t in r.tasks] == [
        ("I.1", ["Sở Văn hóa, Thể thao và Du lịch"], "Quý II/2026"),
        ("I.2", ["Sở Văn hóa, Thể thao và Du lịch"], "Quý III/2026"),  # lead merged
        ("I.3", ["Thư viện tỉnh"], "Hằng năm"),
        ("I.4", ["Hội Liên hiệp Phụ nữ tỉnh"], None),
    ]
    # the products column (`12.000 bản sách`, `04 lớp tập huấn`) gives no targets
    assert [t.text for t in r.targets] == [
        "Đến hết năm 2026, 90% xã, phường có thư viện hoặc tủ sách cộng đồng."
    ]


def test_a_tab_table_copied_from_word_with_cells_over_several_lines() -> None:
    """A tab-separated task table whose `Đơn vị thực hiện` cells put `Chủ trì: …` and `Phối
    hợp: …` on lines of their own (the row's line breaks there and goes on below, the time
    and product cells on the last line), or in brackets after each name; a task cell over
    three lines. Each row is one task, its roles read from its one cell."""
    tasks = extract_file(FIXTURES / "variant_tab_cell_line_breaks.txt").tasks
    vhttdl = "Sở Văn hóa, Thể thao và Du lịch"
    communes = "Ủy ban nhân dân các xã, phường"
    radio = "Báo và Phát thanh, Truyền hình Quảng Trị"
    got = [(t.id, t.lead, t.coordinating, t.timeframe.raw) for t in tasks]
    assert got == [
        ("I.1", [vhttdl], [communes, "Hội Văn học Nghệ thuật tỉnh"], "Quý III/2026"),
        ("I.2", [communes], [vhttdl], "Năm 2026"),
        ("I.3", [vhttdl], ["Sở Tài chính", "Sở Dân tộc và Tôn giáo"], "Quý II/2027"),
        ("II.1", ["Sở Giáo dục và Đào tạo"], [], "Hằng năm"),
        ("II.2", [vhttdl], [radio], "Quý IV/2027"),
        ("II.3", [radio], [], "Thường xuyên"),
    ]
    assert tasks[3].text == (
        "Mở lớp truyền dạy dân ca: - cho học sinh trung học cơ sở; - cho hội viên câu lạc bộ"
        " ở thôn, bản"
    )


def test_a_short_row_that_holds_a_headings_words_is_a_task() -> None:
    """`Trưng bày sản phẩm làng nghề` (`sản phẩm` heads a column) beside `Sở X chủ trì, …`
    (`chủ trì` too): a row that names a known body and a period is work, not a heading."""
    table = Table(
        rows=[
            ["Thời gian", "Nội dung", "Đơn vị thực hiện"],
            ["Ngày 02/9/2026", "Trưng bày sản phẩm làng nghề", "Sở Công Thương chủ trì, phối hợp"],
            ["Ngày 03/9/2026", "Giải đua thuyền truyền thống", "Sở Văn hóa, Thể thao và Du lịch"],
        ],
        spans=[],
    )
    got = tasks_from_table(table, 2026)
    assert got is not None
    assert [t.text for t in got[0]] == [
        "Trưng bày sản phẩm làng nghề",
        "Giải đua thuyền truyền thống",
    ]


@pytest.mark.parametrize("spanning", ["Kế hoạch giai đoạn 2026 - 2028", "Lộ trình thực hiện"])
def test_years_under_a_cell_spanning_them_each_give_a_number(spanning: str) -> None:
    """A Word table repeats the spanning cell over each year it spans: every year column is
    read by the year below it (not the span's first year), and the results column is none."""
    head = ["TT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2025", spanning, spanning, spanning]
    years = ["TT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2025", "Năm 2026", "Năm 2027", "2028"]
    table = Table(
        rows=[head, years, ["1", "Số câu lạc bộ dân ca", "Câu lạc bộ", "40", "44", "48", "52"]],
        spans=[[False] * 7, [False, True, True, True, False, False, False], [False] * 7],
    )
    got = tasks_from_table(table, 2026)
    assert got is not None
    (row,) = got[1]
    assert [(m.value, m.by) for m in row.metrics] == [(44, 2026), (48, 2027), (52, 2028)]
    assert row.horizon == 2028


def test_a_programmes_empty_time_cell_is_the_time_above_merged_down() -> None:
    """A programme (a column of places, one unit column) runs in the order of its times: an
    empty time cell under a filled one, beside a unit of its own, is the cell above merged
    down (the activities run side by side). A task table's empty time cell stays no time."""
    rows = [
        ["TT", "Thời gian", "Nội dung", "Địa điểm", "Đơn vị thực hiện"],
        ["1", "08h00 ngày 05/10/2027", "Khai mạc Hội thi", "Nhà Văn hóa tỉnh", "Sở Nội vụ"],
        ["2", "", "Thi kéo co giữa các đội", "Sân vận động tỉnh", "Trung tâm Thể thao tỉnh"],
    ]
    got = tasks_from_table(Table(rows=rows), 2027)
    assert got is not None
    assert [(t.timeframe.start, t.timeframe.end) for t in got[0]] == [
        ("2027-10-05", "2027-10-05"),
        ("2027-10-05", "2027-10-05"),
    ]
    tasks = [["TT", "Thời gian", "Nhiệm vụ", "Đơn vị chủ trì"]] + [r[:3] + r[4:] for r in rows[1:]]
    got = tasks_from_table(Table(rows=tasks), 2027)
    assert got is not None
    assert [t.timeframe.kind for t in got[0]] == ["window", "unknown"]


def test_an_advisory_column_beside_the_lead_column_leads_too() -> None:
    """`Cơ quan tham mưu | Cơ quan chủ trì thực hiện`: `tham mưu thực hiện` is a lead's
    wording, so both columns lead, the advisory one first, each body once. The table shows
    its merges (a row with every lead cell empty), so every lead column is carried down."""
    r = extract_file(FIXTURES / "variant_commune_advisory_table.txt")
    assert [(t.id, t.lead) for t in r.tasks] == [
        ("I.1", ["Phòng Văn hóa - Xã hội", "Ủy ban nhân dân xã"]),
        ("I.2", ["Phòng Văn hóa - Xã hội", "Thư viện xã"]),
        ("I.3", ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"]),
        ("II.1", ["Ủy ban Kiểm tra Đảng ủy xã", "Ban Thường vụ Đảng ủy xã"]),
        ("II.2", ["Ủy ban Kiểm tra Đảng ủy xã", "Ban Thường vụ Đảng ủy xã"]),
    ]
    assert all(t.directing == [] for t in r.tasks)
    # the units of one party committee, the committee named once after the last
    assert r.tasks[3].coordinating == ["Ban Xây dựng Đảng Đảng ủy xã", "Văn phòng Đảng ủy xã"]
    # every body cell empty: the row above's bodies merged down, coordinators too
    assert r.tasks[4].coordinating == r.tasks[3].coordinating


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        ("co quan tham muu", "lead"),
        ("co quan chu tri thuc hien", "lead"),
        ("co quan chu tri, phoi hop", "lead"),
        ("co quan phoi hop", "coordinating"),
        ("co quan chi dao", "directing"),
        ("chi dao trien khai", "lead"),
        ("don vi chu tri theo doi", "lead"),
        ("san pham", "ignore"),
        ("thoi gian hoan thanh", "time"),
        ("noi dung nhiem vu", "text"),
        ("chi tieu", "targets"),
        ("stt", "num"),
        ("dvt", "unit"),
    ],
)
def test_column_roles_by_the_words_of_their_headings(heading: str, role: str) -> None:
    from kehoach.extract.tables import column_role

    assert column_role(heading) == role


def test_a_calendars_month_rows_give_their_period_to_rows_with_no_time() -> None:
    # an events calendar: rows grouped under month rows with only the month in the task
    # column; a row's own time cell wins, even past its month's end
    table = Table(
        rows=[
            ["TT", "Tên sự kiện", "Thời gian", "Địa điểm", "Cơ quan chủ trì", "Cơ quan phối hợp"],
            ["", "THÁNG 5", "", "", "", ""],
            ["1", "Hội diễn nghệ thuật quần chúng", "", "Nhà văn hóa tỉnh", "Sở VHTTDL", ""],
            [
                "2",
                "Triển lãm ảnh di sản",
                "Từ ngày 25/5 đến ngày 05/6/2026",
                "Bảo tàng",
                "Sở VHTTDL",
                "",
            ],
            ["", "Tháng 6", "", "", "", ""],
            ["3", "Giải bơi lội thiếu niên", "", "Bể bơi tỉnh", "Sở VHTTDL", "Tỉnh đoàn"],
        ]
    )
    tasks, _ = tasks_from_table(table, 2026)
    assert [(t.id, t.group, t.text, t.timeframe.start, t.timeframe.end) for t in tasks] == [
        ("1", "THÁNG 5", "Hội diễn nghệ thuật quần chúng", "2026-05-01", "2026-05-31"),
        ("2", "THÁNG 5", "Triển lãm ảnh di sản", "2026-05-25", "2026-06-05"),
        ("3", "Tháng 6", "Giải bơi lội thiếu niên", "2026-06-01", "2026-06-30"),
    ]


def test_a_time_first_columns_blank_cells_take_the_period_above() -> None:
    # `TT | Thời gian | Nội dung | …`: the period cell is merged down over the rows below it
    table = Table(
        rows=[
            ["TT", "Thời gian", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp"],
            ["1", "Ngày 10/7", "Khai mạc trại hè thiếu nhi", "Trung tâm Văn hóa tỉnh", ""],
            ["2", "Trong tháng 7", "Kiểm tra di tích", "Phòng Quản lý Di sản văn hóa", ""],
            ["3", "", "Tập huấn công tác gia đình", "Phòng QLVH&GĐ", "Hội LHPN tỉnh"],
            ["4", "Trong quý III", "Số hóa hiện vật", "Bảo tàng tỉnh", ""],
            ["5", "", "Quảng bá du lịch", "Phòng Quản lý Du lịch", ""],
        ]
    )
    tasks, _ = tasks_from_table(table, 2026)
    assert [(t.timeframe.raw, t.timeframe.start, t.timeframe.end) for t in tasks] == [
        ("Ngày 10/7", "2026-07-10", "2026-07-10"),
        ("Trong tháng 7", "2026-07-01", "2026-07-31"),
        ("Trong tháng 7", "2026-07-01", "2026-07-31"),
        ("Trong quý III", "2026-07-01", "2026-09-30"),
        ("Trong quý III", "2026-07-01", "2026-09-30"),
    ]
    assert tasks[2].lead == ["Phòng Quản lý Văn hóa và Gia đình"]


def test_a_quarter_work_programme_read_from_its_text() -> None:
    """A quarter's programme (`TT | Thời gian | Nội dung | Chủ trì | Phối hợp | Lãnh đạo phụ
    trách`): period cells merged down, a yearless day range in the programme's year, rooms
    written short, and the leader column's persons in no role."""
    r = extract_file(FIXTURES / "variant_quarter_work_programme.txt")
    got = [(t.timeframe.start, t.timeframe.end) for t in r.tasks]
    assert got == [
        ("2026-04-10", "2026-04-10"),
        ("2026-04-01", "2026-04-30"),
        ("2026-04-01", "2026-04-30"),
        ("2026-05-20", "2026-05-23"),
        ("2026-04-01", "2026-06-30"),
        ("2026-04-01", "2026-06-30"),
    ]
    assert r.tasks[3].lead == ["Phòng Quản lý Thể dục thể thao"]
    assert r.tasks[3].coordinating == ["Trung tâm Huấn luyện và Thi đấu thể thao tỉnh"]
    assert all(not t.directing and len(t.lead) == 1 for t in r.tasks)


@pytest.mark.parametrize("heading", ["ý", "T1", ""])
def test_a_number_column_whose_heading_is_unread_still_numbers_the_rows(heading) -> None:
    """OCR gives a scanned `TT` as `ý`, or the heading is left blank: a first column of row
    numbers and group numerals is the number column all the same, so its group rows head
    groups and give no tasks."""
    title = "TUYÊN TRUYỀN, PHỔ BIẾN"
    group = [False, False, True, True]  # a group row's title merged across
    table = Table(
        rows=[
            [heading, "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian thực hiện"],
            ["I", title, title, title],
            ["1", "Giới thiệu sách mới", "Thư viện tỉnh", "Quý II/2026"],
            ["2", "Tuần lễ đọc sách", "Sở VHTTDL", "Quý III/2026"],
            ["II", "KIỂM TRA", "KIỂM TRA", "KIỂM TRA"],
            ["3", "Kiểm tra tủ sách cơ sở", "Sở VHTTDL", "Quý IV/2026"],
        ],
        spans=[[False] * 4, group, [False] * 4, [False] * 4, group, [False] * 4],
    )
    tasks, _ = tasks_from_table(table, 2026)
    assert [(t.id, t.group_title) for t in tasks] == [
        ("I.1", title),
        ("I.2", title),
        ("II.3", "KIỂM TRA"),
    ]
