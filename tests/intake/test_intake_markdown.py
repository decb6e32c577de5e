"""Markdown marks in a text file: headings' `#`, `**bold**` and `*italic*` emphasis, and a
table cell's `<br>` line breaks."""

import pytest

from kehoach.intake.document import Table
from kehoach.intake.txt import read


def _blocks(text: str) -> list:
    return read(text.encode("utf-8"), "plan.txt", "0").blocks


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("## II. MỤC TIÊU", "II. MỤC TIÊU"),
        ("# KẾ HOẠCH", "KẾ HOẠCH"),
        ("- Số hóa ít nhất **40** tài liệu.", "- Số hóa ít nhất 40 tài liệu."),
        ("*Căn cứ Kế hoạch số 18/KH-UBND;*", "Căn cứ Kế hoạch số 18/KH-UBND;"),
        ("1. **Văn phòng Sở** là đầu mối.", "1. Văn phòng Sở là đầu mối."),
        # a `**` glued between two words is a lost line break: the outline splits there
        ("I- MỤC TIÊU**1. Mục tiêu chung**", "I- MỤC TIÊU**1. Mục tiêu chung"),
        # asterisks that are no emphasis stay
        ("Chỉ tiêu (*) và ghi chú (*)", "Chỉ tiêu (*) và ghi chú (*)"),
        ("* một mục", "* một mục"),
    ],
)
def test_markdown_marks_are_dropped_from_lines(line: str, expected: str) -> None:
    assert _blocks(line) == [expected]


def test_table_cells_lose_their_marks_and_br_becomes_a_line_break() -> None:
    blocks = _blocks(
        "| TT | Nội dung |\n| --- | --- |\n| **I** | **Nhóm nhiệm vụ** |\n"
        "| **Nơi nhận:**<br>- Lưu: VT. | **KT. GIÁM ĐỐC**<br><br>**Lê Văn Phúc** |"
    )
    assert len(blocks) == 1 and isinstance(blocks[0], Table)
    rows = blocks[0].rows
    assert rows[1] == ["I", "Nhóm nhiệm vụ"]
    assert rows[2] == ["Nơi nhận:\n- Lưu: VT.", "KT. GIÁM ĐỐC\n\nLê Văn Phúc"]


def test_pipe_table_without_outer_bars_is_a_table() -> None:
    """`TT | Chỉ tiêu | ĐVT` then `1 | … | % | 60`: two or more lines with the same `|`s."""
    blocks = _blocks(
        "2. Chỉ tiêu\nTT | Chỉ tiêu | ĐVT | Năm 2026\n1 | Tỷ lệ xã có điểm đọc sách | % | 40\n"
        "2 | Số thư viện được hỗ trợ sách | Thư viện | 12\nIII. NỘI DUNG"
    )
    assert blocks[0] == "2. Chỉ tiêu" and blocks[-1] == "III. NỘI DUNG"
    assert isinstance(blocks[1], Table)
    assert blocks[1].rows[1] == ["1", "Tỷ lệ xã có điểm đọc sách", "%", "40"]


def test_a_lone_line_with_bars_stays_text() -> None:
    assert _blocks("Ghi chú: A | B | C") == ["Ghi chú: A | B | C"]


def test_a_table_without_outer_bars_keeps_its_empty_first_and_last_cells() -> None:
    """A row whose first or last cell is empty opens or closes with its `|` (`… | Lộ trình |
    | ` over ` |  | 2026 | 2027`): still a row of the table, its empty cells kept."""
    blocks = _blocks(
        "STT | Nhiệm vụ | Lộ trình |  | \n"
        " |  | 2026 | 2027 | 2028\n"
        "1 | Sưu tầm tư liệu | x |  | \n"
        "2 | Phục dựng lễ hội | x | x | x\n"
        "Ghi chú: đánh dấu x vào năm thực hiện."
    )
    assert isinstance(blocks[0], Table) and blocks[1] == "Ghi chú: đánh dấu x vào năm thực hiện."
    assert blocks[0].rows == [
        ["STT", "Nhiệm vụ", "Lộ trình", "", ""],
        ["", "", "2026", "2027", "2028"],
        ["1", "Sưu tầm tư liệu", "x", "", ""],
        ["2", "Phục dựng lễ hội", "x", "x", "x"],
    ]


def test_a_framed_table_stays_as_it_is_beside_bare_rows() -> None:
    """Lines framed at both ends are a framed table's rows, not bare ones."""
    blocks = _blocks("| TT | Nội dung | Ghi chú |\n| 1 | Họp báo |  |\n")
    assert isinstance(blocks[0], Table)
    assert blocks[0].rows == [["TT", "Nội dung", "Ghi chú"], ["1", "Họp báo", ""]]


def test_bare_table_rows_with_empty_end_cells_and_cells_over_several_lines() -> None:
    """Without outer `|`s, a row whose last cells are empty ends with `|` (`I | Nhóm |  |`),
    and a cell that runs over lines makes a row of several lines with the heading's `|`s:
    each is one row, the cell's lines kept apart by line breaks."""
    blocks = _blocks(
        "Phụ lục\n\n"
        "TT | Nhiệm vụ | Cơ quan thực hiện | Thời gian\n"
        "I | Tuyên truyền |  | \n"
        "1 | Tổ chức hội nghị | Chủ trì: Sở Y tế\n"
        "Phối hợp: Công an tỉnh | Quý I/2026\n"
        "2 | Rà soát quy chế;\n"
        "ban hành quy chế mới | Sở Nội vụ | Năm 2026\n"
        "\n"
        "3 | In tài liệu | Sở Tài chính | Năm 2027\n"
        "Nơi nhận: | Giám đốc"
    )
    assert blocks[0] == "Phụ lục" and blocks[-1] == "Nơi nhận: | Giám đốc"
    table = blocks[-2]
    assert isinstance(table, Table)
    assert table.rows == [
        ["TT", "Nhiệm vụ", "Cơ quan thực hiện", "Thời gian"],
        ["I", "Tuyên truyền", "", ""],
        ["1", "Tổ chức hội nghị", "Chủ trì: Sở Y tế\nPhối hợp: Công an tỉnh", "Quý I/2026"],
        ["2", "Rà soát quy chế;\nban hành quy chế mới", "Sở Nội vụ", "Năm 2026"],
        ["3", "In tài liệu", "Sở Tài chính", "Năm 2027"],
    ]


def test_a_framed_table_row_that_lost_its_leading_bar_is_not_a_bare_table() -> None:
    """Inside a table framed by `|`s, lines that lost their leading `|` are mended with it."""
    blocks = _blocks(
        "| TT | Nhiệm vụ | Cơ quan | Thời gian |\n"
        "| 1 | Tổ chức hội nghị | Sở Y tế | Năm 2026 |\n"
        "2 | In tài liệu | Sở Tài chính | Năm 2027 |\n"
        "3 | Kiểm tra | Sở Nội vụ | Năm 2028 |"
    )
    assert len(blocks) == 1 and isinstance(blocks[0], Table)
    assert blocks[0].rows[2:] == [
        ["2", "In tài liệu", "Sở Tài chính", "Năm 2027"],
        ["3", "Kiểm tra", "Sở Nội vụ", "Năm 2028"],
    ]


# A converter's markdown (pandoc and the like): hard-wrapped paragraphs, escapes, footnotes,
# block quotes, images and attribute spans, cells with several emphasis runs, grid tables.


def _md(text: str) -> list:
    """The blocks of a text that is markdown (a heading and bold words say so)."""
    return [b for b in _blocks("# KẾ HOẠCH\n\n**Về thư viện**\n\n" + text) if b != ""][2:]


_WRAPPED = (
    "Đưa sách, báo đến gần hơn với Nhân dân ở cơ sở, nhất là vùng đồng bào\n"
    "dân tộc thiểu số, vùng sâu, vùng xa; khai thác hiệu quả thư viện số của\n"
    "tỉnh, góp phần xây dựng xã hội học tập.\n"
    "\n"
    "-   Chủ trì, phối hợp với các sở, ngành, địa phương hướng dẫn, theo dõi,\n"
    "    đôn đốc việc thực hiện Kế hoạch trong năm 2026 và các năm tiếp theo.\n"
    "-   Xây dựng thư viện số dùng chung cho các điểm đọc, đưa vào vận hành\n"
    "    *trong quý IV/2026*; cập nhật dữ liệu sách, báo, tạp chí định kỳ.\n"
    "\n"
    "\\- Chỉ đạo các trường phổ thông duy trì tiết đọc tại thư viện trường\n"
    "học, xây dựng góc đọc thân thiện trong lớp học, tủ sách dùng chung.\n"
    "\n"
    "\\+ Hội sách và trưng bày sách chuyên đề về biển, đảo; cuộc thi kể chuyện\n"
    "theo sách dành cho học sinh tiểu học, trung học cơ sở.\n"
)


def test_hard_wrapped_paragraphs_and_list_items_are_one_line_each() -> None:
    assert _md(_WRAPPED) == [
        "Đưa sách, báo đến gần hơn với Nhân dân ở cơ sở, nhất là vùng đồng bào dân tộc thiểu"
        " số, vùng sâu, vùng xa; khai thác hiệu quả thư viện số của tỉnh, góp phần xây dựng xã"
        " hội học tập.",
        "-   Chủ trì, phối hợp với các sở, ngành, địa phương hướng dẫn, theo dõi, đôn đốc việc"
        " thực hiện Kế hoạch trong năm 2026 và các năm tiếp theo.",
        "-   Xây dựng thư viện số dùng chung cho các điểm đọc, đưa vào vận hành trong quý"
        " IV/2026; cập nhật dữ liệu sách, báo, tạp chí định kỳ.",
        "- Chỉ đạo các trường phổ thông duy trì tiết đọc tại thư viện trường học, xây dựng góc"
        " đọc thân thiện trong lớp học, tủ sách dùng chung.",
        "+ Hội sách và trưng bày sách chuyên đề về biển, đảo; cuộc thi kể chuyện theo sách"
        " dành cho học sinh tiểu học, trung học cơ sở.",
    ]


def test_lines_that_are_not_wrapped_stay_lines() -> None:
    """Short lines one under the other (each ends well before the width the others reach)
    are lines of their own, even in markdown."""
    text = _WRAPPED + "\nCăn cứ Luật Thư viện;\nCăn cứ Nghị định số 93/2020/NĐ-CP;\n"
    assert _md(text)[-2:] == ["Căn cứ Luật Thư viện;", "Căn cứ Nghị định số 93/2020/NĐ-CP;"]


def test_a_text_kept_a_paragraph_a_line_is_not_joined() -> None:
    lines = [
        "Căn cứ Quyết định số 12/QĐ-UBND ngày 02/01/2026 của Ủy ban nhân dân tỉnh;",
        "Căn cứ Kế hoạch số 7/KH-SVHTTDL;",
        "Sở Văn hóa, Thể thao và Du lịch ban hành Kế hoạch như sau:",
        "- Tổ chức hội sách;",
        "tổ chức tọa đàm.",
    ] * 3
    assert _md("\n".join(lines)) == lines


def test_escapes_footnotes_images_spans_and_quotes_are_layout() -> None:
    text = (
        "Thực hiện Chương trình số 31-CTr/TU ngày 20/02/2026;[^1]\n\n"
        "> Chủ trì bố trí kinh phí thực hiện Kế hoạch.\n\n"
        "Năm 2026\\. Kinh phí \\*tạm tính\\* theo [Phụ lục]{.underline} kèm theo"
        ' ![](media/image1.png){width="1in"}<!-- -->.\n\n'
        "[^1]: Chương trình của Ban Chấp hành Đảng bộ tỉnh về phát triển văn\n"
        "    hóa, con người.\n"
    )
    assert _md(text) == [
        "Thực hiện Chương trình số 31-CTr/TU ngày 20/02/2026;",
        "  Chủ trì bố trí kinh phí thực hiện Kế hoạch.",
        "Năm 2026. Kinh phí *tạm tính* theo Phụ lục kèm theo .",
    ]


def test_a_hard_line_break_keeps_the_paragraph_one_line() -> None:
    """A `\\` at a line's end is Word's soft break: the .docx reader keeps such a paragraph
    one block, its lines apart by a space."""
    assert _md("Tổ chức hội nghị\\\nquán triệt Kế hoạch.\n") == [
        "Tổ chức hội nghị quán triệt Kế hoạch."
    ]


def test_a_cells_emphasis_runs_side_by_side_are_its_lines() -> None:
    """A pipe row holds its cell on one line: the cell's paragraphs, each bold or italic on
    its own, stand side by side there (`**KT. CHỦ TỊCH** **PHÓ CHỦ TỊCH** *(Đã ký)*`)."""
    blocks = _md(
        "|   |   |\n|:---|:---:|\n"
        "| ***Nơi nhận:*** - Lưu: VT. | **KT. CHỦ TỊCH** **PHÓ CHỦ TỊCH** *(Đã ký)*"
        " ![](media/image2.png) **Trần Văn Bình** |\n"
    )
    assert isinstance(blocks[0], Table)
    assert blocks[0].rows[1] == [
        "Nơi nhận: - Lưu: VT.",
        "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nTrần Văn Bình",
    ]


_GRID = """\
+------+----------------------------+---------------------+-------------+
| TT   | Nhiệm vụ                   | Cơ quan thực hiện   | Thời gian   |
+======+============================+=====================+=============+
| **I**| **TUYÊN TRUYỀN**                                               |
+------+----------------------------+---------------------+-------------+
| 1    | Tổ chức hội nghị phổ biến  | Chủ trì: Sở Nội vụ  | Quý II/2026 |
|      | Kế hoạch\\                  |                     |             |
|      |                            | Phối hợp: Công an   |             |
|      |                            | tỉnh                |             |
+------+----------------------------+---------------------+             +
| 2    | \\- In tờ gấp;              | Thư viện tỉnh       |             |
|      |                            |                     |             |
|      | \\- Phát hành tờ gấp        |                     |             |
+------+----------------------------+---------------------+-------------+
"""


def test_grid_table_cells_are_read_whole_with_their_merges() -> None:
    """A grid table's cell: its wrapped lines joined, its paragraphs a line each; a cell
    merged across columns or down rows is in each place it covers, the copies marked."""
    blocks = _md(_GRID + "\nGhi chú: thời gian có thể điều chỉnh.\n")
    table = blocks[0]
    assert isinstance(table, Table)
    assert table.rows == [
        ["TT", "Nhiệm vụ", "Cơ quan thực hiện", "Thời gian"],
        ["I", "TUYÊN TRUYỀN", "TUYÊN TRUYỀN", "TUYÊN TRUYỀN"],
        [
            "1",
            "Tổ chức hội nghị phổ biến Kế hoạch",
            "Chủ trì: Sở Nội vụ\nPhối hợp: Công an tỉnh",
            "Quý II/2026",
        ],
        ["2", "- In tờ gấp;\n- Phát hành tờ gấp", "Thư viện tỉnh", "Quý II/2026"],
    ]
    assert table.spans[1] == [False, False, True, True]
    assert table.spans[3] == [False, False, False, True]
    assert blocks[1] == "Ghi chú: thời gian có thể điều chỉnh."


def test_one_mark_of_markdown_alone_keeps_a_plain_texts_lines() -> None:
    """A plain text with a backslash escape but nothing else of markdown is read as typed."""
    assert _blocks("Lưu: VT\\- KGVX.") == ["Lưu: VT\\- KGVX."]


def test_a_headings_attributes_and_closing_marks_are_dropped() -> None:
    """pandoc writes a Word bookmark on a heading as its attributes (`{#muc-tieu}`)."""
    assert _md("## II. MỤC TIÊU {#muc-tieu .unnumbered}\n\n### 1. Mục tiêu chung ###\n") == [
        "II. MỤC TIÊU",
        "1. Mục tiêu chung",
    ]
