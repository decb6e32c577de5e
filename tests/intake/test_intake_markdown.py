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
