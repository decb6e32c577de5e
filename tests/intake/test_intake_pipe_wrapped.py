"""Pipe tables written a printed line to a row (a PDF's text copied line by line, then framed
with `|`s): a cell's wrapped lines in rows with an empty first cell, the heading wrapped and
printed again on every page, page numbers between the rows."""

from kehoach.intake.document import Table
from kehoach.intake.txt import to_blocks

HEAD = "| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |"
HEAD_MORE = "|  |  |  |  | hoàn thành |"


def _tables(lines: list[str]) -> list[Table]:
    return [b for b in to_blocks(lines) if isinstance(b, Table)]


def _rows(lines: list[str]) -> list[list[str]]:
    tables = _tables(lines)
    assert len(tables) == 1
    return tables[0].rows


def test_wrapped_lines_join_their_row_and_the_heading_its_own() -> None:
    rows = _rows(
        [
            HEAD,
            HEAD_MORE,
            "| I | Nhóm nhiệm vụ về thư viện |  |  |  |",
            "| 1 | Mở lớp tập huấn nghiệp vụ cho | Sở Văn hóa, Thể thao | Sở Nội vụ; UBND các | Quý II/2026 |",
            "|  | cán bộ thư viện cấp xã | và Du lịch | xã, phường |  |",
            "| 2 | Kiểm tra tủ sách ở các thôn, bản | Thư viện tỉnh | Sở Tài chính | Năm 2026 |",
        ]
    )
    assert rows == [
        ["TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
        ["I", "Nhóm nhiệm vụ về thư viện", "", "", ""],
        [
            "1",
            "Mở lớp tập huấn nghiệp vụ cho cán bộ thư viện cấp xã",
            "Sở Văn hóa, Thể thao và Du lịch",
            "Sở Nội vụ; UBND các xã, phường",
            "Quý II/2026",
        ],
        ["2", "Kiểm tra tủ sách ở các thôn, bản", "Thư viện tỉnh", "Sở Tài chính", "Năm 2026"],
    ]


def test_a_row_cut_by_a_page_break_goes_on_after_the_repeated_heading() -> None:
    rows = _rows(
        [
            HEAD,
            HEAD_MORE,
            "| 1 | Triển khai Nghị quyết số 80- | Sở Văn hóa, Thể thao | Sở Khoa học và | Năm 2026 |",
            "7",
            HEAD,
            HEAD_MORE,
            "|  | NQ/TW tại cơ sở | và Du lịch | Công nghệ |  |",
            "| 2 | Tổng kết phong trào đọc sách | Thư viện tỉnh |  | Tháng 12/2026 |",
        ]
    )
    assert rows[1:] == [
        [
            "1",
            "Triển khai Nghị quyết số 80-NQ/TW tại cơ sở",
            "Sở Văn hóa, Thể thao và Du lịch",
            "Sở Khoa học và Công nghệ",
            "Năm 2026",
        ],
        ["2", "Tổng kết phong trào đọc sách", "Thư viện tỉnh", "", "Tháng 12/2026"],
    ]


def test_column_numbers_and_a_sum_keep_rows_of_their_own() -> None:
    rows = _rows(
        [
            "| TT | Nội dung | Chủ trì | Kinh phí |",
            "|  | (1) | (2) | (3) |",
            "| 1 | Sửa chữa nhà văn hóa | UBND xã | 300 |",
            "|  | thôn Nà Khau |  |  |",
            "| 2 | Mua sắm thiết bị âm | Sở Văn hóa, Thể thao | 150 |",
            "|  | thanh cho đội văn nghệ | và Du lịch |  |",
            "|  | Tổng cộng |  | 450 |",
        ]
    )
    assert [r[:2] for r in rows] == [
        ["TT", "Nội dung"],
        ["", "(1)"],
        ["1", "Sửa chữa nhà văn hóa thôn Nà Khau"],
        ["2", "Mua sắm thiết bị âm thanh cho đội văn nghệ"],
        ["", "Tổng cộng"],
    ]


def test_a_row_that_only_adds_an_agency_is_left_to_the_task_reader() -> None:
    """One unnumbered row among many numbered ones, with an unwrapped heading: a merged task
    cell's second line of agencies, as a Word table keeps it; the rows stay as written."""
    lines = [
        HEAD,
        "| 1 | Kiểm kê di tích | Sở Văn hóa, Thể thao và Du lịch | Sở Tài chính | Năm 2026 |",
        "|  |  |  | UBND các xã | |",
        "| 2 | Tu bổ đình làng | UBND các xã |  | Năm 2027 |",
        "| 3 | Lập hồ sơ xếp hạng | Sở Văn hóa, Thể thao và Du lịch |  | Quý IV/2026 |",
    ]
    assert len(_rows(lines)) == 5


def test_a_heading_printed_again_after_a_page_number_is_dropped_from_any_table() -> None:
    tables = _tables(
        [
            HEAD,
            "| 1 | Kiểm kê di tích | Sở Văn hóa, Thể thao và Du lịch | Sở Tài chính | Năm 2026 |",
            "12",
            HEAD,
            "| 2 | Tu bổ đình làng | UBND các xã |  | Năm 2027 |",
        ]
    )
    assert len(tables) == 1
    assert [r[0] for r in tables[0].rows] == ["TT", "1", "2"]
