"""Text written by `pdftotext -layout` (the fixtures: a plan printed to PDF by
`tools/format_variants.py` and run through pdftotext, and one set as a justified page with a
landscape table whose row numbers stand on a middle line of their rows): its tables come
back as tables and its wrapped paragraphs whole, as the PDF reader gives them."""

from __future__ import annotations

from pathlib import Path

from kehoach.extract.plan import build_record
from kehoach.extract.plan_score import score
from kehoach.intake import read_bytes, read_document
from kehoach.intake.document import Table
from kehoach.intake.txt_layout import is_layout

FIXTURES = Path(__file__).parents[1] / "data" / "fixtures"


def _numbered(table: Table) -> list[list[str]]:
    return [r for r in table.rows if r[0].isdigit()]


def test_pdftotext_table_reads_as_the_source_table() -> None:
    got = read_document(FIXTURES / "layout_pdftotext.txt")
    want = read_document(FIXTURES / "layout_pdftotext_source.txt")
    assert len(got.tables) == 1
    # cells wrapped over lines, a time cell set one space after the cell before it, and
    # the table going on over a page without its heading: the same rows as the source's
    assert _numbered(got.tables[0]) == _numbered(want.tables[0])
    assert got.tables[0].rows[0] == want.tables[0].rows[0]  # the heading row
    group = got.tables[0].rows[1]
    assert group[:2] == ["I", "TUYÊN TRUYỀN, NÂNG CAO NHẬN THỨC"]  # a wrapped group title


def test_pdftotext_plan_reads_as_its_source() -> None:
    got = build_record(read_document(FIXTURES / "layout_pdftotext.txt"))
    want = build_record(read_document(FIXTURES / "layout_pdftotext_source.txt"))
    assert score(want.to_json(), got.to_json())["score"] == 1.0


def test_centred_row_numbers_and_a_row_split_by_a_page_break() -> None:
    doc = read_document(FIXTURES / "layout_centred_rows.txt")
    (table,) = doc.tables
    assert [r[0] for r in table.rows] == ["TT", "I", "1", "2", "3"]  # heading once
    assert table.rows[0][4] == "Thời gian thực hiện"  # a heading over two lines
    assert table.rows[3][1].endswith("nhà văn hóa thôn, tổ dân phố")  # across the page
    assert table.rows[3][4] == "Hằng năm"
    lines = doc.lines
    assert "2" not in lines and "3" not in lines  # page numbers
    # a justified paragraph's padding closed up and its wrapped line joined on
    assert any(
        ln.startswith("- 95% nhà văn hóa") and ln.endswith("trong năm 2026.") for ln in lines
    )
    assert "Nơi nhận:  TM. ỦY BAN NHÂN DÂN" in lines  # side by side, as the PDF reader gives


def test_text_with_some_double_spaces_is_left_as_written() -> None:
    text = (
        "KẾ HOẠCH\n"
        "Căn  cứ  Nghị quyết số 12/NQ-HĐND ngày 10/7/2025;\n"
        "1.  Sở Văn hóa, Thể thao và Du lịch  chủ trì.\n"
        "TT  Nội dung  Cơ quan chủ trì  Thời gian\n"
        "1  Tổ chức hội thi  Sở VHTTDL  Quý III/2026\n"
    )
    assert not is_layout(text)
    doc = read_bytes(text.encode(), "plan.txt")
    assert doc.blocks == text.split("\n")


def test_a_three_line_heading_repeated_on_every_page() -> None:
    """A landscape appendix whose heading takes three lines, the first naming only the two
    columns whose heading wraps (`Cơ quan … Thời gian`), printed again on each page: one
    heading row; a row cut by a page break goes on after the repeated heading (no blank line
    between), and a page holding one row, its number on the row's middle line, keeps it
    whole (the rows are set apart by blank lines, as on the pages before)."""
    doc = read_document(FIXTURES / "layout_three_line_heading.txt")
    (table,) = doc.tables
    assert table.rows[0] == [
        "TT",
        "Nội dung nhiệm vụ",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Thời gian thực hiện",
        "Sản phẩm",
    ]
    assert [r[0] for r in table.rows] == ["TT", "I", "1", "2", "3", "II", "1", "2"]
    assert table.rows[4][1].endswith("trung học cơ sở ở vùng đồng bào dân tộc thiểu số")
    assert table.rows[3][4] == "Thường xuyên; số hóa xong năm 2027"
    assert table.rows[7][1] == (
        "Phát động cuộc thi giới thiệu sách trên mạng xã hội cho học sinh và thanh niên"
    )
    assert table.rows[7][2:5] == ["Tỉnh đoàn", "Sở VHTTDL; Báo Lạng Sơn", "Quý III/2026"]


def test_the_three_line_headings_time_column_dates_the_tasks() -> None:
    record = build_record(read_document(FIXTURES / "layout_three_line_heading.txt"))
    times = {t.id: (t.timeframe.kind, t.timeframe.start, t.timeframe.every) for t in record.tasks}
    assert times == {
        "I.1": ("window", "2026-04-01", None),
        "I.2": ("continuous", None, None),  # `Thường xuyên; …`: the first stated decides
        "I.3": ("window", "2026-09-01", None),  # `Năm học 2026 - 2027`: from September
        "II.1": ("recurring", None, "year"),
        "II.2": ("window", "2026-07-01", None),
    }
