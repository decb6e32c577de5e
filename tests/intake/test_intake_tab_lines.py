"""Tab tables copied out of Word with each line of a multi-line cell on a row of its own,
the row's other cells empty (`kehoach.intake.tab_lines`): read back into one row per numbered
row, a cell's lines kept apart by line breaks; rows a table means as its own stay apart."""

from pathlib import Path

from kehoach.extract import extract_file
from kehoach.intake.document import Table
from kehoach.intake.tab_lines import join_cell_lines
from kehoach.intake.txt import read

FIXTURES = Path(__file__).parents[1] / "data" / "fixtures"
PLAN = FIXTURES / "variant_tab_cell_lines.txt"


def _tables(text: str) -> list[Table]:
    return [b for b in read(text.encode("utf-8"), "plan.txt", "0").blocks if isinstance(b, Table)]


def test_a_cells_lines_on_rows_of_their_own_join_their_numbered_row() -> None:
    """Line k of every multi-line cell on the k-th text row, the first cell empty: the
    heading's own lines join it with a space, a row's lines join it cell by cell with a line
    break (a group row's too); a row of only empty leading cells still belongs (no inner tab
    once stripped)."""
    tables = _tables(
        "TT\tNội dung\tĐơn vị\tThời gian\n"
        "\t\tchủ trì\thoàn thành\n"
        "I\tNhóm nhiệm vụ về\t\t\n"
        "\tthư viện cơ sở\t\t\n"
        "1\tRà soát thư viện xã; đề xuất\tSở Văn hóa, Thể thao\tNăm 2026\n"
        "\tphương án sắp xếp\tvà Du lịch\t(trước 30/10/2026)\n"
        "\t\tThư viện tỉnh\t\n"
        "2\tKiểm tra tủ sách\tSở Nội vụ\tQuý IV/2026\n"
    )
    assert len(tables) == 1
    assert tables[0].rows == [
        ["TT", "Nội dung", "Đơn vị chủ trì", "Thời gian hoàn thành"],
        ["I", "Nhóm nhiệm vụ về\nthư viện cơ sở", "", ""],
        [
            "1",
            "Rà soát thư viện xã; đề xuất\nphương án sắp xếp",
            "Sở Văn hóa, Thể thao\nvà Du lịch\nThư viện tỉnh",
            "Năm 2026\n(trước 30/10/2026)",
        ],
        ["2", "Kiểm tra tủ sách", "Sở Nội vụ", "Quý IV/2026"],
    ]


def test_rows_the_table_means_as_its_own_stay_apart() -> None:
    """A row that numbers the columns or sums one, a text cell that opens a new item (upper
    case, the text above not ending on `:` or `;`), and the rows under a first column of
    other words (a merged `Quý I/2027`) are rows of their own."""
    rows = [
        ["TT", "Tiêu chí", "Điểm", "Ghi chú"],
        ["", "(1)", "(2)", "(3)"],
        ["1", "Công tác chỉ đạo", "20", ""],
        ["2", "Kết quả thực hiện", "30", ""],
        ["", "Tổng cộng", "50", ""],
        ["", "Điểm thưởng", "5", "Sáng kiến"],
    ]
    assert join_cell_lines(rows) == rows
    items = [
        ["TT", "Nội dung", "Chủ trì"],
        ["1", "Tu bổ đình làng", "Sở Xây dựng"],
        ["", "Tu bổ chùa cổ", "Sở Văn hóa, Thể thao và Du lịch"],
    ]
    assert join_cell_lines(items) == items
    listed = [
        ["TT", "Nội dung", "Chủ trì"],
        ["1", "Tu bổ các di tích:", "Sở Xây dựng"],
        ["", "Đình làng A;", ""],
        ["", "Chùa B.", ""],
    ]
    assert join_cell_lines(listed) == [
        listed[0],
        ["1", "Tu bổ các di tích:\nĐình làng A;\nChùa B.", "Sở Xây dựng"],
    ]
    timeline = [
        ["Thời điểm", "Công việc", "Chủ trì"],
        ["Quý I/2027", "Thành lập tổ công tác", "Sở Nội vụ"],
        ["", "lựa chọn tư vấn", "Sở Tài chính"],
    ]
    assert join_cell_lines(timeline) == timeline


def test_an_indented_paragraph_after_the_table_is_no_row() -> None:
    """A paragraph indented by one tab after the table is text, not a cell's next line."""
    tables = _tables(
        "TT\tNội dung\tChủ trì\n1\tKiểm tra\tSở Nội vụ\n\n\tCác đơn vị triển khai thực hiện.\n"
    )
    assert tables[0].rows == [["TT", "Nội dung", "Chủ trì"], ["1", "Kiểm tra", "Sở Nội vụ"]]


def test_a_plan_whose_task_table_spreads_its_cells_over_rows() -> None:
    """The whole plan: one task a numbered row, each cell's lines joined before its agencies
    are split (a line that goes on a name joins it, one that opens a body is a new agency;
    `Đề nghị` dropped), the time read from the joined cell, the group title whole."""
    record = extract_file(PLAN)
    got = [(t.id, t.lead, t.coordinating, t.timeframe.raw) for t in record.tasks]
    vh = "Sở Văn hóa, Thể thao và Du lịch"
    assert got == [
        (
            "I.1",
            [vh],
            ["Sở Tài chính", "Ủy ban nhân dân các xã, phường"],
            "Năm 2026 (trước 31/10/2026)",
        ),
        ("I.2", ["Thư viện tỉnh"], ["Bưu điện tỉnh"], "Hằng năm"),
        (
            "I.3",
            ["Sở Khoa học và Công nghệ", "Thư viện tỉnh"],
            ["Viễn thông Hà Tĩnh", "Đài Phát thanh và Truyền hình tỉnh"],
            "Giai đoạn 2026 - 2028",
        ),
        (
            "II.4",
            [vh, "Sở Giáo dục và Đào tạo"],
            ["Tỉnh đoàn", "các câu lạc bộ đọc sách của thanh niên"],
            "Hằng năm (tháng 4)",
        ),
        (
            "II.5",
            ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"],
            ["Sở Giáo dục và Đào tạo"],
            "Quý II/2027",
        ),
    ]
    assert record.tasks[1].text == (
        "Luân chuyển sách về các điểm đọc tại: - Các xã miền núi; - Các trường học vùng khó khăn."
    )
    assert record.tasks[3].group_title == "Phát triển văn hóa đọc trong cộng đồng"
    assert record.document.signer == "Trần Văn Bình"
