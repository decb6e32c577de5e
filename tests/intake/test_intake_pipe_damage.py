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


def test_a_row_that_lost_its_leading_pipe_and_two_more_is_cut_at_its_widest_gaps() -> None:
    rows = _rows(
        [
            HEAD,
            "| 1 | Kiểm kê | Sở A | Sở B | Năm 2026 |",
            "2 | Bổ sung sách  mới     Sở A      Sở B | Quý II/2026 |",
        ]
    )
    # the double space inside the task is narrower than the lost separators: it stays
    assert rows[2] == ["2", "Bổ sung sách  mới", "Sở A", "Sở B", "Quý II/2026"]


def test_a_row_that_lost_every_pipe_is_read_from_its_gaps() -> None:
    rows = _rows(
        [
            HEAD,
            "| 1 | Kiểm kê | Sở A | Sở B | Năm 2026 |",
            "2   Tổng kết  năm   Sở A   Sở B   Tháng 12/2026",
        ]
    )
    assert rows[2] == ["2", "Tổng kết  năm", "Sở A", "Sở B", "Tháng 12/2026"]
    # a line of prose after the table is no row: it has no row number and gaps to match
    blocks = to_blocks([HEAD, "| 1 | Kiểm kê | Sở A | Sở B | Năm 2026 |", "Ghi chú   các đơn vị"])
    assert blocks[-1] == "Ghi chú   các đơn vị"


def test_a_row_broken_before_a_cell_is_joined_to_its_rest() -> None:
    rows = _rows(
        [
            HEAD,
            "| 1 | Xây dựng tủ sách",
            " | Sở A | Sở B | Năm 2026 |",
            "| 2 | Tổng kết | Sở A | | Quý IV/2026 |",
        ]
    )
    assert rows[1] == ["1", "Xây dựng tủ sách", "Sở A", "Sở B", "Năm 2026"]
    assert rows[2][0] == "2"


def test_a_page_number_inside_a_table_keeps_the_damaged_rows_after_it() -> None:
    blocks = to_blocks(
        [
            HEAD,
            "| 1 | Kiểm kê | Sở A | Sở B | Năm 2026 |",
            "7",
            "2   Tổng kết   Sở A   Sở B   Quý IV/2026",
        ]
    )
    tables = [b for b in blocks if isinstance(b, Table)]
    assert tables[-1].rows[-1] == ["2", "Tổng kết", "Sở A", "Sở B", "Quý IV/2026"]
