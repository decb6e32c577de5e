"""Pipe tables OCR broke: a lost closing `|`, a cell run over two lines, a doubled `||`,
and a lost `|` read as a wide gap."""

from kehoach.intake.document import Table
from kehoach.intake.txt import to_blocks

HEAD = "| STT | Nội dung | Chủ trì | Phối hợp | Thời hạn |"


def _rows(lines: list[str]) -> list[list[str]]:
    tables = [b for b in to_blocks(lines) if isinstance(b, Table)]
    assert len(tables) == 1
    return tables[0].rows


def test_a_row_without_its_closing_pipe_ends_at_the_next_row() -> None:
    rows = _rows(
        [HEAD, "| 1 | Kiểm kê nghề | Sở A | Sở B | Quý I/2026", "| 2 | Xây | Sở A | | Năm 2026 |"]
    )
    assert rows[1] == ["1", "Kiểm kê nghề", "Sở A", "Sở B", "Quý I/2026"]
    assert rows[2][0] == "2"


def test_a_cell_run_over_two_lines_is_joined() -> None:
    rows = _rows(
        [
            HEAD,
            "| 1 | Mở lớp truyền dạy nghề cho",
            "thanh niên | Sở A | Sở B | Tháng 8/2026 |",
            "| 2 | Tổng kết | Sở A | Sở B | Theo kế hoạch của Ủy ban",
            "nhân dân tỉnh |",
        ]
    )
    assert rows[1] == ["1", "Mở lớp truyền dạy nghề cho thanh niên", "Sở A", "Sở B", "Tháng 8/2026"]
    assert rows[2][-1] == "Theo kế hoạch của Ủy ban nhân dân tỉnh"


def test_a_full_last_row_does_not_swallow_the_paragraph_after_the_table() -> None:
    blocks = to_blocks([HEAD, "| 1 | Kiểm kê | Sở A | Sở B | Năm 2026", "III. TỔ CHỨC THỰC HIỆN"])
    assert blocks[-1] == "III. TỔ CHỨC THỰC HIỆN"


def test_a_doubled_pipe_is_one_separator_when_the_row_then_fits_the_heading() -> None:
    rows = _rows([HEAD, "| 1 | Hỗ trợ | Sở A | Sở B || Năm 2026 |"])
    assert rows[1] == ["1", "Hỗ trợ", "Sở A", "Sở B", "Năm 2026"]
    # a row as wide as its heading keeps its empty cells
    assert _rows([HEAD, "| 1 | Hỗ trợ | Sở A | | Năm 2026 |"])[1][3] == ""


def test_a_lost_pipe_read_as_a_wide_gap_parts_the_two_cells() -> None:
    rows = _rows([HEAD, "| 1 | Trưng bày | UBND xã A   Sở B | Ngày 15/02/2026 |"])
    assert rows[1] == ["1", "Trưng bày", "UBND xã A", "Sở B", "Ngày 15/02/2026"]
