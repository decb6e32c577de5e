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
