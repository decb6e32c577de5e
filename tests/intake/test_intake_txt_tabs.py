"""Tab-separated tables in a text file (a copy from Word): a cell that holds a line break
breaks its row's line there, and the row goes on over the lines after it."""

from kehoach.intake.document import Table
from kehoach.intake.txt import read


def _blocks(text: str) -> list:
    return read(text.encode("utf-8"), "plan.txt", "0").blocks


def test_a_row_whose_cells_hold_line_breaks_is_one_row() -> None:
    """A row a tab or more short of its heading goes on over the next lines until it has the
    heading's tabs: one row, each cell's lines kept apart by line breaks (a line between
    holds only a cell's middle line). Blank lines keep the table open."""
    blocks = _blocks(
        "Phụ lục\n"
        "TT\tNhiệm vụ\tCơ quan thực hiện\tThời gian\n"
        "I\tTuyên truyền\t\t\n"
        "1\tTổ chức hội nghị\tChủ trì: Sở Y tế\n"
        "Phối hợp: Công an tỉnh\tQuý I/2026\n"
        "2\tRà soát quy chế:\n"
        "- quy chế cũ;\n"
        "- quy chế mới\tSở Nội vụ\tNăm 2026\n"
        "\n"
        "3\tIn tài liệu\tSở Tài chính\tNăm 2027\n"
        "Nơi nhận:"
    )
    assert blocks[0] == "Phụ lục" and blocks[-1] == "Nơi nhận:"
    table = blocks[1]
    assert isinstance(table, Table)
    assert table.rows == [
        ["TT", "Nhiệm vụ", "Cơ quan thực hiện", "Thời gian"],
        ["I", "Tuyên truyền", "", ""],
        ["1", "Tổ chức hội nghị", "Chủ trì: Sở Y tế\nPhối hợp: Công an tỉnh", "Quý I/2026"],
        ["2", "Rà soát quy chế:\n- quy chế cũ;\n- quy chế mới", "Sở Nội vụ", "Năm 2026"],
        ["3", "In tài liệu", "Sở Tài chính", "Năm 2027"],
    ]


def test_short_lines_that_do_not_make_a_row_stay_as_they_are() -> None:
    """Lines are joined only when together they have the heading's tabs, and never across a
    line that opens a row of its own (a row number, then a tab) or a blank line: rows that
    lost their empty last cells stay apart."""
    blocks = _blocks(
        "TT\tNhiệm vụ\tCơ quan\tThời gian\tGhi chú\n"
        "1\tKiểm tra di tích\tSở A\n"
        "2\tTu bổ di tích\tSở B\n"
        "3\tLập hồ sơ\tSở C\n"
        "\n"
        "ghi chú dưới bảng\tcột hai\n"
    )
    table = blocks[0]
    assert isinstance(table, Table)
    assert table.rows[1:] == [
        ["1", "Kiểm tra di tích", "Sở A"],
        ["2", "Tu bổ di tích", "Sở B"],
        ["3", "Lập hồ sơ", "Sở C"],
    ]


def test_a_row_with_a_cell_merged_across_stays_in_its_table() -> None:
    """A row whose merged cell Word copies as one (`1 → SỞ NỘI VỤ` over the rows `1.1`, `1.2`
    it heads) has fewer tabs than the others, two, one or none (`3. SỞ Y TẾ`, one cell over
    the whole row): it is a row of the table, which goes on after it, when it opens with a
    row number between two lines of the table."""
    blocks = _blocks(
        "Phụ lục\n"
        "TT\tNhiệm vụ\tPhối hợp\tThời hạn\tSản phẩm\n"
        "1\tSỞ NỘI VỤ\n"
        "1.1\tRà soát biên chế\tSở Tài chính\tNăm 2026\tBáo cáo\n"
        "2\tCÔNG AN TỈNH\t\n"
        "2.1\tBảo đảm an ninh lễ hội\tUBND các xã\tHằng năm\tPhương án\n"
        "3. SỞ Y TẾ\n"
        "3.1\tKiểm tra an toàn thực phẩm\tUBND các xã\tQuý II/2026\tBiên bản\n"
        "Nơi nhận:"
    )
    assert blocks[0] == "Phụ lục" and blocks[-1] == "Nơi nhận:"
    table = blocks[1]
    assert isinstance(table, Table)
    assert [r[:2] for r in table.rows] == [
        ["TT", "Nhiệm vụ"],
        ["1", "SỞ NỘI VỤ"],
        ["1.1", "Rà soát biên chế"],
        ["2", "CÔNG AN TỈNH"],
        ["2.1", "Bảo đảm an ninh lễ hội"],
        ["3. SỞ Y TẾ"],
        ["3.1", "Kiểm tra an toàn thực phẩm"],
    ]


def test_a_numbered_line_with_a_tab_after_a_table_is_not_its_row() -> None:
    """A numbered heading typed with a tab after its number (`2.→Phụ lục chỉ tiêu`), after a
    blank line or before a new table's heading, is text: only a line between two rows of
    the table, the one below numbered, is a row with a merged cell."""
    blocks = _blocks(
        "TT\tNhiệm vụ\tCơ quan\tThời gian\n"
        "1\tKiểm tra di tích\tSở A\tNăm 2026\n"
        "2.\tChỉ tiêu cụ thể\n"
        "TT\tChỉ tiêu\tĐơn vị tính\tNăm 2030\n"
        "1\tXã có thư viện\t%\t100\n"
        "\n"
        "III.\tTỔ CHỨC THỰC HIỆN\n"
        "1\tSở Văn hóa chủ trì\tthực hiện\tkế hoạch\n"
    )
    assert isinstance(blocks[0], Table) and len(blocks[0].rows) == 2
    assert blocks[1] == "2.\tChỉ tiêu cụ thể"
    assert isinstance(blocks[2], Table) and blocks[2].rows[0][1] == "Chỉ tiêu"
    assert "III.\tTỔ CHỨC THỰC HIỆN" in blocks
    # nor a numbered line of text so placed, with no tab
    blocks = _blocks(
        "TT\tNhiệm vụ\tCơ quan\tThời gian\n"
        "1\tKiểm tra di tích\tSở A\tNăm 2026\n"
        "2. Chỉ tiêu cụ thể\n"
        "TT\tChỉ tiêu\tĐơn vị tính\tNăm 2030\n"
        "1\tXã có thư viện\t%\t100\n"
    )
    assert [type(b).__name__ for b in blocks] == ["Table", "str", "Table"]


def test_a_header_cut_by_one_tab_is_a_table_of_two_columns() -> None:
    """A header block typed with one tab between its columns is read as a table, as one cut
    by two tabs is: its columns are not run together when its lines are cleaned. Below the
    header, a line with one tab is text, and a tab table is a table as before."""
    blocks = _blocks(
        "TỈNH ỦY LẠNG SƠN\tỦY BAN NHÂN DÂN TỈNH LẠNG SƠN\n"
        "BAN TỔ CHỨC\tSỞ NỘI VỤ\n"
        "Số: 03-KHLT/BTC-SNV\tLạng Sơn, ngày 04 tháng 5 năm 2026\n"
        "\tKẾ HOẠCH\n"
        "Thời gian:\tquý III/2026\n"
        "TT\tNhiệm vụ\tCơ quan chủ trì\n"
        "1\tRà soát biên chế\tSở Nội vụ\n"
    )
    assert blocks[0] == Table(
        rows=[
            ["TỈNH ỦY LẠNG SƠN", "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"],
            ["BAN TỔ CHỨC", "SỞ NỘI VỤ"],
            ["Số: 03-KHLT/BTC-SNV", "Lạng Sơn, ngày 04 tháng 5 năm 2026"],
        ]
    )
    assert blocks[1:3] == ["\tKẾ HOẠCH", "Thời gian:\tquý III/2026"]  # an indented line; text
    assert isinstance(blocks[3], Table) and blocks[3].rows[1] == [
        "1",
        "Rà soát biên chế",
        "Sở Nội vụ",
    ]


def test_lines_with_one_tab_below_a_documents_top_stay_text() -> None:
    """Only a document's top holds its header: two-part lines further down are text."""
    lines = [
        "KẾ HOẠCH",
        "Tổ chức hội thi",
        "Căn cứ Luật Thư viện;",
        "Thời gian:\tquý II",
        "Địa điểm:\tNhà văn hóa",
    ]
    blocks = _blocks("\n".join(lines))
    assert blocks == lines


def test_a_page_number_between_two_rows_does_not_end_the_table() -> None:
    """A PDF's page number between two rows, the heading printed again after it or not: one
    table (the repeated heading a row the task reader skips), so a group row's title reaches
    the rows of the next page. A page number followed by text ends the table."""
    blocks = _blocks(
        "TT\tNhiệm vụ\tChủ trì\tPhối hợp\n"
        "I\tThư viện\n"
        "1\tBổ sung sách\tSở A\tSở B\n"
        "7\n"
        "TT\tNhiệm vụ\tChủ trì\tPhối hợp\n"
        "2\tLuân chuyển sách\tThư viện tỉnh\tSở C\n"
        "8\n"
        "3\tSố hóa tài liệu\tThư viện tỉnh\tSở D\n"
        "9\n"
        "Nơi nhận:"
    )
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert [row[0] for row in tables[0].rows] == ["TT", "I", "1", "TT", "2", "3"]
    assert blocks[-2:] == ["9", "Nơi nhận:"]


def test_a_rows_last_cell_wrapped_onto_lines_of_no_tab_stays_in_the_row() -> None:
    """A break in a row's last cell leaves all the row's tabs on its first line; the cell
    goes on over the lines below, in lower case. A line in upper case ends the table."""
    blocks = _blocks(
        "TT\tĐơn vị\tThời gian\tGhi chú\n"
        "1\tXã A\tNgày 02/3/2027\tLàm việc tại xã,\n"
        "kết hợp khảo sát thực tế\n"
        "2\tXã B\tNgày 05/3/2027\t\n"
        "Trưởng đoàn báo cáo kết quả."
    )
    table = blocks[0]
    assert isinstance(table, Table)
    assert table.rows[1:] == [
        ["1", "Xã A", "Ngày 02/3/2027", "Làm việc tại xã,\nkết hợp khảo sát thực tế"],
        ["2", "Xã B", "Ngày 05/3/2027", ""],
    ]
    assert blocks[1] == "Trưởng đoàn báo cáo kết quả."
