"""Task tables that reach us flattened (text copied out of a PDF or a web page, one cell a
line): the heading is found from the column words, rows rebuilt from their numbers, lettered
sub-rows and the number of columns."""

from __future__ import annotations

from kehoach.extract import extract_file
from kehoach.extract.flattened import _header_parts, _is_header_line, _roles_from_header
from kehoach.text.normalize import fold

from .conftest import FIXTURES


def _rows(name: str) -> list[tuple]:
    r = extract_file(FIXTURES / name)
    return [(t.id, t.lead, t.coordinating, t.timeframe.raw) for t in r.tasks]


def test_heading_lines_are_told_by_their_words() -> None:
    for line in (
        "TT",
        "Nội dung nhiệm vụ",
        "Cơ quan",
        "chủ trì",
        "Cơ quan/Đơn vị phối hợp",
        "Thời gian hoàn thành",
        "Sản phẩm",
        "Ghi chú",
        "Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp",
    ):
        assert _is_header_line(line), line
    for line in ("Tổ chức thực hiện", "Sở Văn hóa, Thể thao và Du lịch", "Quý II/2026", "1"):
        assert not _is_header_line(line), line


def test_one_cell_with_a_slash_or_a_comma_is_one_column() -> None:
    header = fold("Nội dung Cơ quan/Đơn vị chủ trì Cơ quan, đơn vị phối hợp Thời hạn hoàn thành")
    assert len(_header_parts(header)) == 4
    assert _roles_from_header(header) == ["text", "lead", "coordinating", "time"]


def test_markdown_heading_row_with_cells_one_a_line_and_lettered_sub_rows() -> None:
    """A pipe heading row without its last cell (`Thời hạn hoàn thành` fell out onto the next
    line), then every cell on a line of its own; `1` heads sub-rows `a)`, `b)`, `d)` and is no
    task; the sub-rows' cells read by position (`Quý III, IV/2026`)."""
    assert _rows("variant_flattened_markdown.md") == [
        (
            "1.a",
            ["Sở Văn hóa, Thể thao và Du lịch"],
            ["Thư viện tỉnh", "Hội Văn học Nghệ thuật tỉnh"],
            "Quý II/2026",
        ),
        ("1.b", ["Sở Giáo dục và Đào tạo"], ["Tỉnh đoàn", "các trường học"], "Tháng 4/2026"),
        ("1.d", ["Thư viện tỉnh"], ["Ủy ban nhân dân các xã"], "Quý III, IV/2026"),
        ("2", ["Thư viện tỉnh"], ["Sở Khoa học và Công nghệ", "Sở Tài chính"], "Năm 2026"),
        (
            "3",
            ["Ủy ban nhân dân các xã, phường"],
            ["Các cơ quan, đơn vị có liên quan"],
            "Thường xuyên",
        ),
    ]
    r = extract_file(FIXTURES / "variant_flattened_markdown.md")
    assert r.tasks[0].group == "1"
    assert r.tasks[0].group_title == "Tổ chức Ngày Sách và Văn hóa đọc Việt Nam"
    assert r.tasks[0].text == "Tổ chức hội sách cấp tỉnh tại Thư viện tỉnh."


def test_heading_without_a_number_cell_split_over_lines_and_wrapped_cells() -> None:
    """No `TT` cell; `Cơ quan` / `chủ trì` on two lines; a product column; task text and an
    agency cell wrapped over two lines; Roman group rows over numbered rows."""
    assert _rows("variant_flattened_noheadnum.txt") == [
        (
            "I.1",
            ["Sở Văn hóa, Thể thao và Du lịch"],
            ["Ủy ban nhân dân các xã", "Bảo tàng tỉnh"],
            "Quý III/2026",
        ),
        ("I.2", ["Bảo tàng tỉnh"], ["Sở Tài chính"], "Năm 2026"),
        ("II.1", ["Ủy ban nhân dân các xã, phường"], ["Trung tâm Văn hóa tỉnh"], "Hằng năm"),
        (
            "II.2",
            ["Báo và Phát thanh, Truyền hình Lâm Đồng"],
            ["Sở Văn hóa, Thể thao và Du lịch"],
            "Thường xuyên",
        ),
    ]
    r = extract_file(FIXTURES / "variant_flattened_noheadnum.txt")
    assert r.tasks[0].text == (
        "Kiểm kê các lễ hội truyền thống của đồng bào dân tộc thiểu số tại các xã vùng cao"
    )
    assert r.tasks[0].group_title == "Sưu tầm, kiểm kê di sản"


def test_unnumbered_rows_under_a_heading_printed_on_one_line_inside_the_body() -> None:
    """Heading cells run together on one line (the time cell on the next); rows carry no
    number: a row ends with its timeframe; the body's next part (`III. TỔ CHỨC THỰC HIỆN`)
    ends the table."""
    assert _rows("variant_flattened_unnumbered.txt") == [
        (
            "I.1",
            ["Báo Nghệ An"],
            ["Trung tâm Huấn luyện và Thi đấu thể thao tỉnh", "Sở Y tế"],
            "Quý I/2026",
        ),
        (
            "I.2",
            ["Phòng Quản lý thể dục thể thao"],
            ["Ủy ban nhân dân các xã miền núi"],
            "Tháng 8/2026",
        ),
        ("II.1", ["Ủy ban nhân dân các xã, phường"], [], "Thường xuyên"),
        (
            "II.2",
            ["Trung tâm Huấn luyện và Thi đấu thể thao tỉnh"],
            ["Các cơ quan, đơn vị có liên quan"],
            "Năm 2026",
        ),
    ]
    r = extract_file(FIXTURES / "variant_flattened_unnumbered.txt")
    assert r.tasks[1].text == (
        "Tổ chức Đại hội thể dục thể thao các dân tộc thiểu số, lần thứ nhất, tại khu vực miền Tây"
    )
    assert r.tasks[3].text == "Hướng dẫn nghiệp vụ cho cộng tác viên thể thao cơ sở"


def test_the_same_plan_as_pdf_reads_alike() -> None:
    """The markdown plan as Word then PDF (tools/format_variants.py build): a one-row ruled
    heading table, the body as paragraphs, and a sub-row's letter ending the line above
    (`Quý II/2026 b)`)."""
    assert _rows("variant_flattened_markdown.pdf") == _rows("variant_flattened_markdown.md")


def test_a_council_leads_a_row_and_an_undated_timeframe_stays_in_its_column() -> None:
    r = extract_file(FIXTURES / "variant_flattened_council_rows.txt")
    got = [(t.id, t.text, t.lead, t.coordinating, t.timeframe.raw) for t in r.tasks]
    assert got[1:3] == [
        (
            "2",
            "Thẩm định hồ sơ công nhận làng nghề đợt 1",
            ["Hội đồng xét công nhận làng nghề tỉnh"],  # `Hội đồng` + lower case: a body
            ["Sở Công Thương", "Sở Văn hóa, Thể thao và Du lịch"],
            "Trước ngày 30/9/2026",
        ),
        (
            "3",
            "Đưa sản phẩm làng nghề tham gia hội chợ xúc tiến thương mại",
            ["Sở Công Thương"],
            ["Các sở, ngành và địa phương liên quan"],
            "Theo hướng dẫn của Bộ Công Thương",  # the time column, read as unknown
        ),
    ]
    assert r.tasks[2].timeframe.kind == "unknown"
    # "Định kỳ 6 tháng (…) và cả năm (trước ngày 10/12/2026)": the recurring annual report
    assert [(d.every, d.due) for d in r.reporting] == [("half_year", "06-10"), ("year", "12-10")]


def test_cells_printed_one_block_each_over_page_breaks() -> None:
    # a plain `pdftotext` copy: each cell a block of its wrapped lines, blank lines between;
    # the page number against the last cell or alone, the heading printed again, then the rest
    # of each cell the break cut (the text, the lead's `xã, phường`, the product's tail)
    r = extract_file(FIXTURES / "variant_flattened_cell_blocks.txt")
    vhttdl = "Sở Văn hóa, Thể thao và Du lịch"
    communes = "Ủy ban nhân dân các xã, phường"
    assert [(t.id, t.lead, t.coordinating, t.timeframe.raw) for t in r.tasks] == [
        ("I.1", [vhttdl], ["Các sở, ngành", communes], "Quý I/2026"),
        ("I.2", ["Báo và Phát thanh, Truyền hình Lạng Sơn"], ["Thư viện tỉnh"], "Hằng tháng"),
        # no coordinating cell: the time block is matched to the time column
        ("I.3", ["Sở Giáo dục và Đào tạo"], [], "Từ ngày 15/3 đến ngày 30/4/2026"),
        ("II.4", [vhttdl, communes], ["Sở Tài chính"], "Trước ngày 30/9/2026"),
        (
            "II.5",
            ["Thư viện tỉnh"],
            ["Bưu điện tỉnh", "Ủy ban nhân dân các xã có điểm bưu điện văn hóa"],
            "Theo kế hoạch của Bộ Văn hóa, Thể thao và Du lịch",
        ),
        ("II.6", ["Sở Giáo dục và Đào tạo"], ["Sở Tài chính"], "Năm 2026"),
        ("II.7", [vhttdl], ["Các sở, ngành, địa phương liên quan"], "Quý IV/2026"),
    ]
    texts = {t.id: t.text for t in r.tasks}
    # a hyphen closing a line stays unspaced; `- ` sub-lines stay in the one task
    assert "Kết luận số 12-KL/TU của" in texts["I.1"]
    assert texts["I.3"].endswith(
        "trường học: - Trưng bày sách theo chủ đề; - Thi kể chuyện theo sách."
    )
    # the text's tail after the break; the products are no text
    assert texts["II.4"].endswith("đơn vị hành chính cấp xã.")
    assert texts["II.7"] == "Sơ kết việc thực hiện Kế hoạch."
    assert {t.group_title for t in r.tasks} == {
        "Tuyên truyền, phổ biến",
        "Phát triển thư viện cơ sở",
    }
