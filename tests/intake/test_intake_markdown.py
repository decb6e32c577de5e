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
