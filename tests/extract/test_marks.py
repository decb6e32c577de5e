"""Task tables whose columns hold marks: an assignment matrix (a column per agency, `C`/`P`
or ticks) and a roadmap (a column per year or quarter, ticks), read as the typed table an
official would have written (`extract/marks.py`)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kehoach.extract import extract_document, extract_file
from kehoach.extract.marks import read_legend, unmark
from kehoach.extract.tables import tasks_from_table
from kehoach.intake import read_bytes
from kehoach.intake.document import Table

from .conftest import FIXTURES


def _tasks(table: Table, notes: list[str] | None = None, doc_year: int | None = 2026) -> dict:
    got = tasks_from_table(unmark(table, notes or [], doc_year)[0], doc_year)
    assert got is not None
    return {t.id: t for t in got[0]}


def _time(task) -> tuple:
    tf = task.timeframe
    return tf.kind, tf.start, tf.end, tf.every


# --------------------------------------------------------------------------- legends


def test_a_legend_gives_the_marks_roles_and_spells_out_the_headings() -> None:
    legend = read_legend(
        [
            "Ghi chú: C - Cơ quan chủ trì; P - Cơ quan phối hợp; CĐ: chỉ đạo.",
            "Chữ viết tắt: Sở TC - Sở Tài chính; Báo và PT-TH - Báo và Phát thanh, Truyền hình "
            "Điện Biên; UBND xã, phường - Ủy ban nhân dân các xã, phường.",
        ]
    )
    assert legend.roles == {"c": "lead", "p": "coordinating", "cd": "directing"}
    assert legend.names["so tc"] == "Sở Tài chính"
    # a dash inside the abbreviation (`PT-TH`) is no separator; commas stay in the full name
    assert legend.names["bao va pt th"] == "Báo và Phát thanh, Truyền hình Điện Biên"
    assert legend.names["ubnd xa phuong"] == "Ủy ban nhân dân các xã, phường"


def test_a_legend_in_a_caption_sentence_and_with_equals_signs() -> None:
    legend = read_legend(["Phân công theo bảng sau (ký hiệu: X = chủ trì; O = phối hợp):"])
    assert legend.roles == {"x": "lead", "o": "coordinating"}


# --------------------------------------------------------------------------- matrices


_MATRIX_HEAD = [
    ["TT", "Nội dung công việc", "Đơn vị thực hiện", "", "", "", "Thời gian"],
    ["", "", "Sở VHTTDL", "Sở TC", "CA tỉnh", "UBND cấp xã", ""],
    ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
]


def test_a_matrix_of_c_and_p_marks_names_the_agencies_by_role() -> None:
    table = Table(
        rows=[
            *_MATRIX_HEAD,
            ["I", "NHÓM THỨ NHẤT", "", "", "", "", ""],
            ["1", "Kiểm tra an ninh tại các lễ hội", "P", "", "C", "P", "Hằng năm"],
            ["2", "Cấp kinh phí sửa chữa nhà văn hóa", "P", "C", "", "", "Quý II/2026"],
            # two leads in one row
            ["3", "Xây dựng hương ước, quy ước", "C", "", "", "C", "2026 - 2027"],
        ]
    )
    notes = ["Ký hiệu: C - chủ trì; P - phối hợp. Sở TC - Sở Tài chính; CA tỉnh - Công an tỉnh."]
    tasks = _tasks(table, notes)
    assert [(t.lead, t.coordinating) for t in tasks.values()] == [
        # `UBND cấp xã`, which the legend does not spell out, as written (abbreviation expanded)
        (["Công an tỉnh"], ["Sở Văn hóa, Thể thao và Du lịch", "Ủy ban nhân dân cấp xã"]),
        (["Sở Tài chính"], ["Sở Văn hóa, Thể thao và Du lịch"]),
        (["Sở Văn hóa, Thể thao và Du lịch", "Ủy ban nhân dân cấp xã"], []),
    ]
    assert list(tasks) == ["I.1", "I.2", "I.3"]
    assert _time(tasks["I.2"]) == ("window", "2026-04-01", "2026-06-30", None)


def test_without_a_legend_the_lexicon_marks_and_headings_give_the_roles() -> None:
    """No legend: `C`/`P` as the lexicon reads them; a tick takes its heading's role (`Cơ
    quan phối hợp`), or with none named the lead's, coordinating beside a `C` of the row."""
    table = Table(
        rows=[
            ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "", "", "Thời hạn"],
            ["", "", "", "Sở Nội vụ", "Sở Tư pháp", "Tỉnh đoàn", ""],
            ["1", "Rà soát quy chế văn hóa công sở", "Văn phòng UBND tỉnh", "x", "x", "", "2026"],
            ["2", "Tập huấn kỹ năng tuyên truyền", "Sở VHTTDL", "", "", "✓", "Năm 2027"],
        ]
    )
    tasks = _tasks(table)
    assert [(t.lead, t.coordinating) for t in tasks.values()] == [
        (["Văn phòng Ủy ban nhân dân tỉnh"], ["Sở Nội vụ", "Sở Tư pháp"]),
        (["Sở Văn hóa, Thể thao và Du lịch"], ["Tỉnh đoàn"]),
    ]
    ticks = Table(
        rows=[
            ["TT", "Nhiệm vụ", "Sở Y tế", "Công an tỉnh", "Tỉnh đoàn", "Thời gian"],
            ["1", "Tuyên truyền phòng, chống ma túy", "x", "x", "", "Thường xuyên"],
            ["2", "Ra quân dọn vệ sinh di tích", "x", "C", "x", "Tháng 3/2026"],
        ]
    )
    tasks = _tasks(ticks)
    assert [(t.lead, t.coordinating) for t in tasks.values()] == [
        (["Sở Y tế", "Công an tỉnh"], []),
        (["Công an tỉnh"], ["Sở Y tế", "Tỉnh đoàn"]),
    ]


def test_a_word_matrix_with_merged_headings_and_a_group_title_across_the_row() -> None:
    """As a .docx gives it: merged cells repeated (`spans`), the group's title over the row,
    a column no task marks (`TV tỉnh`) gone with the others under its heading."""
    rows = [
        ["TT", "Nhiệm vụ", "Đơn vị thực hiện", "Đơn vị thực hiện", "Đơn vị thực hiện", "Thời hạn"],
        ["TT", "Nhiệm vụ", "Sở VHTTDL", "Sở TC", "TV tỉnh", "Thời hạn"],
        ["A", "THƯ VIỆN", "THƯ VIỆN", "THƯ VIỆN", "THƯ VIỆN", "THƯ VIỆN"],
        ["1", "Bổ sung sách cho tủ sách bản", "C", "P", "", "Quý III/2026"],
        ["2", "Cấp kinh phí xe thư viện", "P", "C", "", "Hằng năm"],
    ]
    spans = [
        [False, False, False, True, True, False],
        [True, True, False, False, False, True],
        [False, False, True, True, True, True],
        [False] * 6,
        [False] * 6,
    ]
    plain, layout = unmark(Table(rows=rows, spans=spans), ["Sở TC - Sở Tài chính"])
    assert layout is not None and sorted(layout.agencies) == [2, 3, 4]
    assert plain.rows[0] == ["TT", "Nhiệm vụ", "Thời hạn", "Cơ quan chủ trì", "Cơ quan phối hợp"]
    assert plain.rows[2][3:] == ["Sở VHTTDL", "Sở Tài chính"]
    tasks = _tasks(Table(rows=rows, spans=spans), ["Sở TC - Sở Tài chính"])
    assert tasks["A.2"].lead == ["Sở Tài chính"] and tasks["A.2"].group_title == "THƯ VIỆN"


def test_a_matrix_carried_over_a_page_break_keeps_its_columns() -> None:
    first = Table(
        rows=[
            ["TT", "Nhiệm vụ", "Sở Y tế", "Công an tỉnh", "Thời gian"],
            ["1", "Kiểm tra vệ sinh an toàn thực phẩm tại lễ hội", "C", "P", "Quý I/2026"],
        ]
    )
    rest = Table(rows=[["2", "Bảo đảm trật tự tại điểm du lịch", "P", "C", "Thường xuyên"]])
    plain, layout = unmark(first, [])
    carried, again = unmark(rest, [], 2026, layout)
    assert again is layout
    assert carried.rows == [
        ["2", "Bảo đảm trật tự tại điểm du lịch", "Thường xuyên", "Công an tỉnh", "Sở Y tế"]
    ]
    head = tasks_from_table(plain, 2026)
    assert head is not None


# --------------------------------------------------------------------------- roadmaps


_ROADMAP_HEAD = [
    ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Lộ trình", "", "", "", ""],
    ["", "", "", "2026", "2027", "2028", "2029", "2030"],
]


_YEARLY_LEGEND = (
    "Ghi chú: x - năm thực hiện; nhiệm vụ có dấu x ở tất cả các năm là nhiệm vụ hằng năm."
)


@pytest.mark.parametrize(
    ("marks", "expected"),
    [
        # every year of the roadmap, under a legend calling such a task yearly: yearly
        (["x", "x", "x", "x", "x"], ("recurring", None, None, "year")),
        # adjacent years: one window; any tick mark, any case
        (["", "X", "✓", "x", ""], ("window", "2027-01-01", "2029-12-31", None)),
        (["", "", "", "x", ""], ("window", "2029-01-01", "2029-12-31", None)),
        # years apart: the first period stated decides
        (["", "", "x", "", "x"], ("window", "2028-01-01", "2028-12-31", None)),
        (["x", "x", "", "x", ""], ("window", "2026-01-01", "2027-12-31", None)),
        # a part of a year in its column
        (["Quý II", "", "", "", ""], ("window", "2026-04-01", "2026-06-30", None)),
        (["", "6 tháng đầu năm", "", "", ""], ("window", "2027-01-01", "2027-06-30", None)),
        (["", "", "Trước 30/9", "", ""], ("window", "2026-01-01", "2028-09-30", None)),
    ],
)
def test_a_roadmap_row_reads_its_ticked_years(marks, expected) -> None:
    table = Table(
        rows=[*_ROADMAP_HEAD, ["1", "Sưu tầm hiện vật cho Bảo tàng", "Bảo tàng tỉnh", *marks]]
    )
    (task,) = _tasks(table, [_YEARLY_LEGEND]).values()
    assert _time(task) == expected
    assert task.lead == ["Bảo tàng tỉnh"]


_EVERY_YEAR = ["1", "Sưu tầm hiện vật cho Bảo tàng", "Bảo tàng tỉnh", "x", "●", "x", "x", "x"]
_WHOLE_WINDOW = ("window", "2026-01-01", "2030-12-31", None)


@pytest.mark.parametrize(
    "notes",
    [
        [],  # no legend: a mark is no wording, the schema's yearly needs `hằng năm`
        ["Ghi chú: (x) năm triển khai; (●) năm hoàn thành."],
        # a yearly word saying where a mark goes, not that the work recurs
        ["Đánh dấu x vào mỗi năm thực hiện nhiệm vụ."],
        # a yearly word in prose by the table, not about its marks
        ["Các đơn vị báo cáo kết quả hằng năm về Sở Văn hóa, Thể thao và Du lịch."],
    ],
)
def test_every_year_ticked_is_the_whole_window_unless_the_table_says_yearly(notes) -> None:
    table = Table(rows=[*_ROADMAP_HEAD, _EVERY_YEAR])
    (task,) = _tasks(table, notes).values()
    assert _time(task) == _WHOLE_WINDOW


@pytest.mark.parametrize(
    ("notes", "over_years"),
    [
        (["Ký hiệu: x - năm thực hiện; x ở mọi năm: thực hiện hàng năm."], "Lộ trình"),
        (["(●) Nhiệm vụ thực hiện mỗi năm."], "Lộ trình"),
        ([], "Lộ trình (đánh dấu đủ các năm: làm hằng năm)"),
    ],
)
def test_every_year_ticked_is_yearly_where_the_legend_or_heading_says_so(notes, over_years) -> None:
    head = [[*_ROADMAP_HEAD[0][:3], over_years, "", "", "", ""], _ROADMAP_HEAD[1]]
    table = Table(rows=[*head, _EVERY_YEAR])
    (task,) = _tasks(table, notes).values()
    assert _time(task) == ("recurring", None, None, "year")


def test_a_year_no_task_runs_in_still_counts_against_every_year() -> None:
    table = Table(
        rows=[
            *_ROADMAP_HEAD,
            ["1", "Duy trì câu lạc bộ dân ca", "Trung tâm Văn hóa tỉnh", "x", "x", "x", "x", ""],
            ["2", "Tổng kết thực hiện Kế hoạch", "Sở Nội vụ", "", "", "", "x", ""],
        ]
    )
    tasks = _tasks(table)
    assert _time(tasks["1"]) == ("window", "2026-01-01", "2029-12-31", None)


def test_a_roadmap_by_quarter_under_its_year() -> None:
    table = Table(
        rows=[
            ["TT", "Nội dung", "Đơn vị chủ trì", "Tiến độ năm 2026", "", "", ""],
            ["", "", "", "Quý I", "Quý II", "Quý III", "Quý IV"],
            ["1", "Khảo sát thiết chế văn hóa cơ sở", "Sở VHTTDL", "x", "x", "", ""],
            ["2", "Tổ chức hội diễn nghệ thuật quần chúng", "UBND các xã, phường", "", "", "x", ""],
            ["3", "Sơ kết, đánh giá", "Sở VHTTDL", "x", "x", "x", "x"],
        ]
    )
    tasks = _tasks(table, doc_year=None)
    assert _time(tasks["1"]) == ("window", "2026-01-01", "2026-06-30", None)
    assert _time(tasks["2"]) == ("window", "2026-07-01", "2026-09-30", None)
    # every quarter of one year is that year, not a yearly task
    assert _time(tasks["3"]) == ("window", "2026-01-01", "2026-12-31", None)


def test_a_target_table_with_year_columns_of_numbers_is_left_alone() -> None:
    table = Table(
        rows=[
            ["TT", "Chỉ tiêu", "Đơn vị tính", "2026", "2027", "2028"],
            ["1", "Tỷ lệ thôn có nhà văn hóa", "%", "80", "85", "90"],
        ]
    )
    assert unmark(table, [], 2026) == (table, None)
    numbers = Table(
        rows=[
            ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "2026", "2027", "2028"],
            ["1", "Hỗ trợ đội văn nghệ thôn", "Sở VHTTDL", "10", "12", "15"],
        ]
    )
    assert unmark(numbers, [], 2026) == (numbers, None)


# --------------------------------------------------------------------------- whole plans


def test_an_assignment_matrix_plan_with_its_legend_around_the_table() -> None:
    r = extract_file(FIXTURES / "variant_assignment_matrix.md")
    got = {t.id: (t.lead, t.coordinating, _time(t)) for t in r.tasks}
    assert got == {
        "A.1": (
            ["Sở Văn hóa, Thể thao và Du lịch"],
            ["Sở Tài chính", "Thư viện tỉnh", "Ủy ban nhân dân các xã, phường"],
            ("window", "2026-07-01", "2026-09-30", None),
        ),
        "A.2": (
            ["Sở Tài chính"],
            ["Sở Văn hóa, Thể thao và Du lịch"],
            ("recurring", None, None, "year"),
        ),
        # a tick beside a `C` takes part, coordinating
        "A.3": (
            ["Ủy ban nhân dân các xã, phường"],
            ["Sở Văn hóa, Thể thao và Du lịch", "Thư viện tỉnh"],
            ("window", "2026-01-01", "2027-12-31", None),
        ),
        "B.1": (
            ["Đài Phát thanh và Truyền hình tỉnh"],
            ["Sở Văn hóa, Thể thao và Du lịch"],
            ("continuous", None, None, None),
        ),
        "B.2": (
            ["Hội Liên hiệp Phụ nữ tỉnh", "Ủy ban nhân dân các xã, phường"],
            [],
            ("window", "2027-01-01", "2027-12-31", None),
        ),
        # ticks alone: every agency marked does the work
        "B.3": (
            ["Sở Văn hóa, Thể thao và Du lịch", "Sở Tài chính", "Thư viện tỉnh"],
            [],
            ("window", "2028-04-01", "2028-04-30", None),
        ),
    }
    assert r.document.signer == "Lò Văn Sáng"


def test_a_roadmap_plan_typed_without_outer_bars() -> None:
    r = extract_file(FIXTURES / "variant_roadmap_years.txt")
    got = {t.id: (t.lead, t.coordinating, _time(t)) for t in r.tasks}
    assert got == {
        "1": (
            ["Phòng Quản lý di sản"],
            ["Bảo tàng tỉnh"],
            ("window", "2026-01-01", "2026-12-31", None),
        ),
        "2": (
            ["Trung tâm Văn hóa tỉnh"],
            ["Ủy ban nhân dân các xã, phường"],
            ("recurring", None, None, "year"),
        ),
        "3": (
            ["Bảo tàng tỉnh"],
            ["Hội Văn học Nghệ thuật tỉnh"],
            ("window", "2027-01-01", "2028-12-31", None),
        ),
        "4": (["Trung tâm Văn hóa tỉnh"], [], ("window", "2026-01-01", "2026-03-31", None)),
        "5": (
            ["Sở Văn hóa, Thể thao và Du lịch"],
            ["Báo và Phát thanh, Truyền hình"],
            ("window", "2026-01-01", "2026-12-31", None),
        ),
        "6": (
            ["Phòng Quản lý di sản"],
            ["Ủy ban nhân dân các xã, phường"],
            ("window", "2028-07-01", "2028-12-31", None),
        ),
    }
    # the target table's year columns stay numbers
    assert [[m.value for m in t.metrics] for t in r.targets] == [[20, 24, 28, 32], [10, 12, 15, 15]]


def test_a_roadmap_plan_whose_legend_calls_no_task_yearly() -> None:
    """Ticks (`x`, `●`) in every year of `Lộ trình thực hiện` under a legend that only says
    where a mark goes, and a line on yearly reports by the table: each such task runs over
    the whole 2026 - 2030 window, none is yearly."""
    r = extract_file(FIXTURES / "variant_roadmap_all_years_window.txt")
    got = {t.id: (t.lead, _time(t)) for t in r.tasks}
    assert got == {
        "1": (["Thư viện tỉnh"], ("window", "2026-01-01", "2026-12-31", None)),
        "2": (["Thư viện tỉnh"], ("window", "2026-01-01", "2030-12-31", None)),
        "3": (
            ["Sở Văn hóa, Thể thao và Du lịch"],
            ("window", "2027-01-01", "2029-12-31", None),
        ),
        "4": (["Sở Giáo dục và Đào tạo"], ("window", "2026-01-01", "2030-12-31", None)),
        "5": (
            ["Sở Văn hóa, Thể thao và Du lịch"],
            ("window", "2028-01-01", "2028-12-31", None),
        ),
    }
    assert r.tasks[1].timeframe.raw == "2026 - 2030"


def test_a_word_file_with_a_merged_matrix_heading_reads_as_its_text() -> None:
    import docx

    d = docx.Document()
    for line in [
        "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU",
        "Số: 71/KH-UBND",
        "Lai Châu, ngày 02 tháng 6 năm 2026",
        "KẾ HOẠCH",
        "Tổ chức Tuần văn hóa các dân tộc",
        "I. PHÂN CÔNG",
    ]:
        d.add_paragraph(line)
    t = d.add_table(rows=0, cols=6)
    top, sub = t.add_row().cells, t.add_row().cells
    for k, text in ((0, "TT"), (1, "Nhiệm vụ"), (2, "Cơ quan thực hiện"), (5, "Thời gian")):
        top[k].text = text
    for k in (0, 1, 5):
        top[k].merge(sub[k])
    top[2].merge(top[4])
    for k, text in ((2, "Sở VHTTDL"), (3, "CA tỉnh"), (4, "Đài PT-TH")):
        sub[k].text = text
    for values in (
        ("1", "Dựng sân khấu và trang trí khu lễ hội", "C", "", "", "Tháng 10/2026"),
        ("2", "Bảo đảm an ninh, trật tự", "P", "C", "", "Tháng 10/2026"),
        ("3", "Đưa tin về các hoạt động", "P", "", "C", "Tháng 10/2026"),
    ):
        for cell, v in zip(t.add_row().cells, values, strict=True):
            cell.text = v
    d.add_paragraph(
        "Ghi chú: C - chủ trì; P - phối hợp; CA tỉnh - Công an tỉnh; Đài PT-TH - Đài Phát thanh"
        " và Truyền hình tỉnh."
    )
    d.add_paragraph("II. TỔ CHỨC THỰC HIỆN")
    out = io.BytesIO()
    d.save(out)
    r = extract_document(read_bytes(out.getvalue(), "matrix.docx"))
    assert [(t.lead, t.coordinating) for t in r.tasks] == [
        (["Sở Văn hóa, Thể thao và Du lịch"], []),
        (["Công an tỉnh"], ["Sở Văn hóa, Thể thao và Du lịch"]),
        (["Đài Phát thanh và Truyền hình tỉnh"], ["Sở Văn hóa, Thể thao và Du lịch"]),
    ]


def test_plans_without_marked_tables_are_read_as_before(samples_dir: Path) -> None:
    """A typed task table has no mark columns: it is passed on as it is."""
    from kehoach.intake import read_document

    doc = read_document(samples_dir / "002_06834df7b106b0a8.txt")
    for table in doc.tables:
        assert unmark(table, [], 2026) == (table, None)


def test_stage_words_in_year_cells_mark_their_whole_year() -> None:
    """A roadmap's cell may name the stage the work is at that year (`Thí điểm`, `Nhân
    rộng`, `Duy trì`, `Hoàn thành`) instead of a tick: the year is marked as by a tick, and
    the years run on into one window; only a part of a year (`Quý II`) is a period of its own.
    A row of such words in every year is the span they cover, not a yearly task."""
    head = [*_ROADMAP_HEAD]
    rows = [
        ["1", "Sưu tầm hiện vật", "Bảo tàng tỉnh", "x", "Hoàn thành", "", "", ""],
        ["2", "Mô hình câu lạc bộ", "Sở VHTTDL", "Thí điểm", "Nhân rộng", "Nhân rộng", "", ""],
        ["3", "Giới thiệu di sản", "Sở VHTTDL", *["Duy trì"] * 5],
        ["4", "Dàn dựng chương trình", "Nhà hát tỉnh", "Quý II", "x", "", "", ""],
    ]
    tasks = _tasks(Table(rows=[*head, *rows]))
    assert _time(tasks["1"]) == ("window", "2026-01-01", "2027-12-31", None)
    assert _time(tasks["2"]) == ("window", "2026-01-01", "2028-12-31", None)
    assert _time(tasks["3"]) == ("window", "2026-01-01", "2030-12-31", None)
    assert _time(tasks["4"]) == ("window", "2026-04-01", "2026-06-30", None)


def test_a_roadmap_heading_printed_again_inside_the_table_is_no_task() -> None:
    """Both rows of the heading printed again after a page break (the merged `Lộ trình thực
    hiện`, then the years) leave the year columns read, and make no task."""
    head = [
        ["TT", "Nhiệm vụ", "Lộ trình thực hiện", "", "", "Cơ quan chủ trì"],
        ["", "", "2026", "2027", "2028", ""],
    ]
    table = Table(
        rows=[
            *head,
            ["1", "Kiểm kê di tích", "x", "x", "", "Sở VHTTDL"],
            *head,
            ["2", "Tu bổ di tích", "", "x", "●", "UBND các xã"],
        ]
    )
    tasks = _tasks(table)
    assert sorted(tasks) == ["1", "2"]
    assert _time(tasks["1"]) == ("window", "2026-01-01", "2027-12-31", None)
    assert _time(tasks["2"]) == ("window", "2027-01-01", "2028-12-31", None)


def test_a_tab_roadmap_with_stage_words_and_its_heading_repeated() -> None:
    """An appendix table exported tab-separated: a two-row heading with the years under a
    merged `Lộ trình thực hiện`, stage words and ticks (`x`, `●`) in the year cells, the
    heading printed again after a break, and a legend under it."""
    r = extract_file(FIXTURES / "variant_roadmap_stage_words.txt")
    got = {t.id: (t.lead, _time(t)) for t in r.tasks}
    assert got == {
        "I.1": (["Bảo tàng tỉnh"], ("window", "2026-01-01", "2027-12-31", None)),
        "I.2": (["Thư viện tỉnh"], ("window", "2027-01-01", "2029-12-31", None)),
        "I.3": (["Sở Giáo dục và Đào tạo"], ("window", "2026-01-01", "2029-12-31", None)),
        "II.4": (["Sở Văn hóa, Thể thao và Du lịch"], ("window", "2026-01-01", "2029-12-31", None)),
        # years apart: the first stated decides
        "II.5": (["Sở Văn hóa, Thể thao và Du lịch"], ("window", "2026-01-01", "2026-12-31", None)),
        # a tick in every year under a legend that calls no task yearly: the whole window
        # (the roadmap rule above), marks being no `hằng năm` wording
        "II.6": (["Trung tâm Văn hóa tỉnh"], ("window", "2026-01-01", "2029-12-31", None)),
    }
