"""Reading .pdf files: the committed fixture built from sample 002's Phụ lục 2 (portrait text
page, then landscape table pages with a repeated header, a split row and page numbers)."""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

import pytest

from kehoach.errors import NeedsOcr, UnsupportedFormat
from kehoach.intake import Document, Table

FIXTURES = Path(__file__).parents[1] / "data" / "fixtures"
EXPECTED = Path(__file__).parents[1] / "data" / "samples" / "expected"
HEADER = [
    "TT",
    "NHIỆM VỤ CỤ THỂ",
    "CƠ QUAN CHỈ ĐẠO",
    "CƠ QUAN, THAM MƯU THỰC HIỆN",
    "THỜI GIAN THỰC HIỆN",
]


def read_pdf(path: Path) -> Document:
    """The PDF reader alone: `read_document` also repairs text that looks OCR'd,
    which is not what these tests are about."""
    from kehoach.intake import pdf as reader

    data = path.read_bytes()
    return reader.read(data, path.name, hashlib.sha256(data).hexdigest())


def expected_rows() -> list[list[str]]:
    """The rows the fixture was drawn from (see tests/data/make_fixtures.py)."""
    record = json.loads((EXPECTED / "002_06834df7b106b0a8.json").read_text(encoding="utf-8"))

    def names(agencies: list[str]) -> str:
        return "; ".join(a.replace("Ủy ban nhân dân", "UBND") for a in agencies)

    rows, group = [], None
    for task in record["tasks"]:
        if task["group"] != group:
            group = task["group"]
            rows.append([group, task["group_title"], "", "", ""])
        executing = names(task["lead"])
        if task["coordinating"]:
            executing += " chủ trì, phối hợp với " + names(task["coordinating"])
        rows.append(
            [
                task["id"].split(".")[1],
                task["text"],
                names(task["directing"]),
                executing,
                task["timeframe"]["raw"] or "",
            ]
        )
    return rows


@pytest.fixture(scope="module")
def doc002():
    return read_pdf(FIXTURES / "002_table.pdf")


def test_text_of_the_portrait_page_then_the_appendix_title_then_one_table(doc002):
    assert doc002.format == "pdf"
    assert doc002.blocks[:3] == ["TỈNH ỦY ĐIỆN BIÊN", "Số - KH/TU", "(Dự thảo)"]
    kinds = ["table" if isinstance(b, Table) else "text" for b in doc002.blocks]
    assert kinds.count("table") == 1
    at = kinds.index("table")
    assert doc002.blocks[at - 3 : at] == [
        "PHỤ LỤC 2",
        "DANH MỤC NHIỆM VỤ",
        "(Kèm theo Kế hoạch số -KH/TU ngày tháng 02 năm 2026 của Ban Thường vụ Tỉnh ủy)",
    ]
    assert at == len(doc002.blocks) - 1


def test_page_numbers_are_dropped(doc002):
    assert not [b for b in doc002.lines if b.strip().isdigit()]


def test_table_across_five_pages_is_one_table_with_the_header_once(doc002):
    table = doc002.tables[0]
    assert table.page == 2
    assert table.rows[0] == HEADER  # `THỜI GIAN\nTHỰC HIỆN` wrapped in its cell: one line
    assert len(table.rows) == 1 + 8 + 47
    assert sum(1 for r in table.rows if r[0] == "TT") == 1
    assert all(len(r) == 5 for r in table.rows)


def test_every_row_reads_back_as_drawn(doc002):
    """Wrapped cell text joined, the split row 10 whole again, `80-` + `NQ/TW` unspaced."""
    table = doc002.tables[0]
    for got, want in zip(table.rows[1:], expected_rows(), strict=True):
        if want[2]:
            assert got == want
        else:  # a group row: its title spans the columns after the numeral
            assert got == [want[0], want[1], want[1], want[1], want[1]]


def test_row_split_across_the_page_break_is_joined(doc002):
    row = next(r for r in doc002.tables[0].rows if r[0] == "10")
    assert row[1] == (
        "Hỗ trợ doanh nghiệp hoạt động trong lĩnh vực công nghiệp văn hóa tiếp cận, ứng dụng "
        "công nghệ tiên tiến, phát triển sản phẩm, dịch vụ văn hóa số."
    )
    assert row[3] == "Sở Văn hóa, Thể thao và Du lịch; Sở Tài chính; Sở Khoa học và Công nghệ"
    assert not any(r[0] == "" for r in doc002.tables[0].rows)


def test_hyphen_at_a_wrapped_line_end_is_kept_unspaced(doc002):
    row = next(r for r in doc002.tables[0].rows if r[0] == "5")
    assert (
        row[1] == "Tổ chức hội nghị quán triệt Nghị quyết số 80-NQ/TW cho cán bộ chủ chốt các cấp."
    )


def test_group_rows_repeat_their_merged_title(doc002):
    table = doc002.tables[0]
    at = [i for i, r in enumerate(table.rows) if r[0] in ("I", "II", "VIII")]
    assert len(at) == 3
    for i in at:
        assert table.spans[i] == [False, False, True, True, True]
        assert table.rows[i][2] == table.rows[i][1]


def test_scanned_pdf_needs_ocr():
    with pytest.raises(NeedsOcr) as err:
        read_pdf(FIXTURES / "scan.pdf")
    assert err.value.message == "scanned PDF with no text layer; OCR is not supported yet"
    assert str(err.value).endswith(
        "scan.pdf: scanned PDF with no text layer; OCR is not supported yet"
    )


def test_password_protected_pdf():
    with pytest.raises(UnsupportedFormat) as err:
        read_pdf(FIXTURES / "encrypted.pdf")
    assert err.value.message == (
        "the PDF is protected by a password; save a copy without the password"
    )


def test_random_bytes_named_pdf():
    with pytest.raises(UnsupportedFormat) as err:
        read_pdf(FIXTURES / "random.pdf")
    assert err.value.message == "this .pdf file cannot be read: it is not a PDF"


def test_damaged_pdf(tmp_path):
    path = tmp_path / "damaged.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4)
    with pytest.raises(UnsupportedFormat) as err:
        read_pdf(path)
    assert err.value.message.startswith("this .pdf file cannot be read: ")
    assert err.value.where == "damaged.pdf"  # read_bytes is given the file name


def test_truncated_pdf(tmp_path):
    data = (FIXTURES / "002_table.pdf").read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(UnsupportedFormat) as err:
        read_pdf(path)
    assert err.value.message.startswith("this .pdf file cannot be read: ")


def test_docx_named_pdf(tmp_path):
    path = tmp_path / "ke-hoach.pdf"
    path.write_bytes((FIXTURES / "000_table.docx").read_bytes())
    with pytest.raises(UnsupportedFormat) as err:
        read_pdf(path)
    assert err.value.message == "a Word (.docx) or other ZIP file named .pdf; rename it to .docx"


def test_image_named_pdf(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes((FIXTURES / "image.txt").read_bytes())
    with pytest.raises(UnsupportedFormat) as err:
        read_pdf(path)
    assert err.value.message == "an image file, not a document"


# -- small PDFs drawn here (reportlab's built-in Helvetica, so ASCII text) -----------------


def draw_pdf(path: Path, pages: list[list[tuple[float, float, str]]]) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for page in pages:
        c.setFont("Helvetica", 11)
        for x, y, text in page:
            c.drawString(x, y, text)
        c.showPage()
    c.save()
    return path


def test_running_header_and_footer_are_dropped(tmp_path):
    pages = [
        [
            (72, 800, "Ke hoach so 19/KH-UBND"),
            (72, 700, f"Noi dung trang {n}"),
            (72, 40, f"Trang {n}/4"),
        ]
        for n in range(1, 5)
    ]
    doc = read_pdf(draw_pdf(tmp_path / "running.pdf", pages))
    assert doc.blocks == [f"Noi dung trang {n}" for n in range(1, 5)]


def test_two_columns_on_one_line_are_kept_apart(tmp_path):
    page = [(72, 800, "UBND TINH CAO BANG"), (330, 800, "CONG HOA XA HOI CHU NGHIA VIET NAM")]
    doc = read_pdf(draw_pdf(tmp_path / "header.pdf", [page]))
    assert doc.blocks == ["UBND TINH CAO BANG  CONG HOA XA HOI CHU NGHIA VIET NAM"]


def test_pdf_without_any_text_or_image_is_empty(tmp_path):
    from kehoach.errors import EmptyDocument

    with pytest.raises(EmptyDocument) as err:
        read_pdf(draw_pdf(tmp_path / "blank.pdf", [[]]))
    assert err.value.message == "the PDF holds no text"


def test_raised_footnote_mark_stays_on_its_line(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "footnote.pdf"
    c = canvas.Canvas(str(path), invariant=1)
    c.setFont("Helvetica", 12)
    c.drawString(72, 700, "Can cu Ke hoach so 370-KH/TU cua Tinh uy")
    c.setFont("Helvetica", 7)
    c.drawString(
        72 + c.stringWidth("Can cu Ke hoach so 370-KH/TU cua Tinh uy", "Helvetica", 12), 705, "1"
    )
    c.setFont("Helvetica", 12)
    c.drawString(72, 684, "ban hanh Ke hoach trien khai.")
    c.showPage()
    c.save()
    assert read_pdf(path).blocks == [
        "Can cu Ke hoach so 370-KH/TU cua Tinh uy1",
        "ban hanh Ke hoach trien khai.",
    ]


def test_a_signing_title_beside_smaller_recipients_stays_on_one_line():
    """A signature block's two columns: the recipients in 11 pt, the signer's titles in 14 pt
    beside them. `PHÓ CHỦ TỊCH` straddles two recipients' lines; its words stand on one
    baseline (their boxes end alike below, though `TỊCH`, with no mark above, starts lower)
    and stay one line."""
    from kehoach.intake.pdf_lines import group_lines, line_text
    from kehoach.intake.pdf_page import Word

    words = [
        Word("-", 85.2, 89.0, 696.7, 707.6), Word("Như", 91.6, 110.0, 696.7, 707.6),
        Word("trên;", 113.7, 140.0, 696.7, 707.6),
        Word("-", 85.2, 89.0, 711.2, 722.1), Word("Lưu:", 91.6, 112.0, 711.2, 722.1),
        Word("VT.", 115.6, 132.0, 711.2, 722.1),
        Word("PHÓ", 367.8, 398.0, 703.1, 719.3), Word("CHỦ", 401.6, 433.0, 703.2, 719.3),
        Word("TỊCH", 436.2, 471.0, 705.9, 719.3),
    ]  # fmt: skip
    lines = [line_text(ws) for _, ws in group_lines(words)]
    assert lines == ["- Như trên;  PHÓ CHỦ TỊCH", "- Lưu: VT."]


def test_a_cell_keeps_apart_the_lines_its_paragraphs_ended():
    """A lead cell the Word file typed one agency a paragraph: a line the next line's first
    word would have fitted on was ended there, and the two stay apart as the Word reader
    gives them; a line that ran out of room was wrapped and goes on with a space."""
    from kehoach.intake.pdf_page import Word
    from kehoach.intake.pdf_ruled import cell_text

    box = (360.0, 200.0, 470.0, 260.0)  # 110 pt wide, a margin of 5.5 pt on either side

    def line(top: float, *words: tuple[str, float, float]) -> list[Word]:
        return [Word(t, x0, x1, top, top + 12) for t, x0, x1 in words]

    ended = line(202, ("Sở", 365.5, 378), ("Tài", 381, 396), ("chính", 399, 427))
    wrapped = line(202, ("Sở", 365.5, 378), ("Văn", 381, 400), ("hóa,", 403, 424),
                   ("Thể", 427, 445), ("thao", 448, 463))  # fmt: skip
    after = line(216, ("Nhà", 365.5, 384), ("hát", 387, 402), ("tỉnh", 405, 425))
    assert cell_text(ended + after, box) == "Sở Tài chính\nNhà hát tỉnh"
    assert cell_text(wrapped + after, box) == "Sở Văn hóa, Thể thao Nhà hát tỉnh"


def test_table_without_ruling_lines_is_read_from_its_columns():
    """000_borderless.pdf: sample 000's appendix start, no lines, cells centred vertically."""
    sys.path.insert(0, str(FIXTURES.parent))
    try:
        import make_fixtures
    finally:
        sys.path.remove(str(FIXTURES.parent))
    _, _, rows = make_fixtures.sample_000()
    doc = read_pdf(FIXTURES / "000_borderless.pdf")
    assert doc.blocks[0] == "PHỤ LỤC"
    assert doc.blocks[2:] == ["Ghi chú: bảng trên không có đường kẻ.", "Nơi nhận:", "- Như trên;"]
    table = doc.blocks[1]
    assert isinstance(table, Table)
    rows = [[re.sub(r"</?i>", "", c) for c in r] for r in rows[:13]]  # drawn as italics
    want = [[r[0], r[1], r[1], r[1], r[1]] if r[0] in ("I", "II") else r for r in rows]
    assert table.rows == want
    assert table.spans[1] == [False, False, True, True, True]


def test_text_in_two_columns_is_not_a_table(tmp_path):
    lines = [
        (72, 800, "UBND TINH CAO BANG"),
        (330, 800, "CONG HOA XA HOI CHU NGHIA VIET NAM"),
        (72, 785, "SO VAN HOA"),
        (330, 785, "Doc lap - Tu do - Hanh phuc"),
        (72, 770, "So: 19/KH-SVHTTDL"),
        (330, 770, "Cao Bang, ngay 10 thang 3 nam 2026"),
    ]
    doc = read_pdf(draw_pdf(tmp_path / "two.pdf", [lines]))
    assert not doc.tables
    assert len(doc.blocks) == 3


def test_scan_with_an_ocr_text_layer_is_marked_ocr(tmp_path):
    """A 'searchable' scan: a page-sized picture with invisible text over it."""
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    path = tmp_path / "searchable.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.drawImage(ImageReader(Image.new("L", (200, 280), 255)), 0, 0, width=A4[0], height=A4[1])
    text = c.beginText(72, 760)
    text.setFont("Helvetica", 12)
    text.setTextRenderMode(3)  # invisible, as OCR tools write it
    text.textLine("Ke hoach phat trien van hoa")
    c.drawText(text)
    c.showPage()
    c.save()
    doc = read_pdf(path)
    assert doc.ocr is True
    assert doc.blocks == ["Ke hoach phat trien van hoa"]
    assert read_pdf(FIXTURES / "002_table.pdf").ocr is False


def test_table_continued_without_its_header(tmp_path):
    """Page 2 goes on with the table (no header row repeated), its first row the rest of the
    last row of page 1: one table, the split row joined."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Table as RLTable

    path = tmp_path / "continued.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pages = [
        [["TT", "Task", "Lead"], ["1", "Build the plan", "Office"], ["2", "Hold the", "Dept"]],
        [["", "conference", ""], ["3", "Report", "Office"]],
    ]
    for rows in pages:
        table = RLTable(
            rows, colWidths=[40, 200, 120], style=[("GRID", (0, 0), (-1, -1), 1, "black")]
        )
        _, h = table.wrap(500, 800)
        table.drawOn(c, 72, 100 if rows[0][0] == "TT" else 760 - h)
        c.showPage()
    c.save()
    doc = read_pdf(path)
    assert len(doc.blocks) == 1
    assert doc.tables[0].rows == [
        ["TT", "Task", "Lead"],
        ["1", "Build the plan", "Office"],
        ["2", "Hold the conference", "Dept"],
        ["3", "Report", "Office"],
    ]


def test_a_labelled_line_after_a_full_ragged_line_is_a_paragraph_of_its_own():
    # closing_groups_ragged.pdf: the .txt beside it through LibreOffice (ragged-right). A
    # bullet ending near the edge is followed by `Đơn vị chủ trì: …`, whose first word would
    # not have fitted after it: still its own line, not the bullet's wrapped tail.
    blocks = read_pdf(FIXTURES / "closing_groups_ragged.pdf").blocks
    assert "Đơn vị chủ trì: Sở Văn hóa, Thể thao và Du lịch." in blocks
    assert not any(b.startswith("- Biên soạn") and "Đơn vị chủ trì" in b for b in blocks)


def test_closing_groups_read_alike_from_text_and_pdf():
    from kehoach.extract import extract_document
    from kehoach.intake import read_bytes

    def tasks(name: str) -> list[tuple]:
        path = FIXTURES / name
        record = extract_document(read_bytes(path.read_bytes(), path.name))
        return [(t.id, t.lead, t.coordinating, t.timeframe.raw) for t in record.tasks]

    assert tasks("closing_groups_ragged.pdf") == tasks("closing_groups_ragged.txt")


def test_narrow_table_printed_by_libreoffice_reads_as_its_word_file():
    # pdf_table_narrow.html through LibreOffice (`--convert-to docx`, then that .docx
    # `--convert-to pdf`): its columns come out narrow, so dates too wide for the time column
    # break inside the number (`30/9/20` over `26`), and lead cells merged over three rows run
    # over a page break (their text printed on the first page only).
    from kehoach.extract import extract_document
    from kehoach.intake import read_bytes

    def tasks(name: str) -> list[tuple]:
        path = FIXTURES / name
        record = extract_document(read_bytes(path.read_bytes(), path.name))
        return [(t.id, t.text, t.lead, t.coordinating, t.timeframe) for t in record.tasks]

    from_pdf = tasks("pdf_table_narrow.pdf")
    assert from_pdf == tasks("pdf_table_narrow.docx")
    by_id = {t[0]: t for t in from_pdf}
    assert by_id["I.1"][4].raw == "Trước ngày 30/9/2026"
    assert by_id["I.2"][4].raw == "Từ ngày 01/10/2026 đến ngày 31/12/2027"
    assert by_id["III.11"][4].raw == "Ngày 21/4/2027"
    assert by_id["I.3"][2] == by_id["III.11"][2] == ["Sở Văn hóa, Thể thao và Du lịch"]


def test_a_cell_merged_down_to_the_page_foot_fills_the_blank_cell_opening_the_next_page():
    from kehoach.intake.pdf_columns import Grid, continue_grid

    first = Grid(
        rows=[["TT", "Nhiệm vụ", "Chủ trì"], ["1", "Việc một", "Sở A"], ["2", "Việc hai", "Sở A"]],
        spans=[[False] * 3, [False] * 3, [False, False, True]],
        page=1,
        owners=[[0, 1, 2], [3, 4, 5], [6, 7, 5]],
    )
    # the next page: the header again, then a row whose blank lead cell is its own (one row)
    # and a row with its own lead; the blank cell follows a merged one, so it continues it
    more = Grid(
        rows=[["TT", "Nhiệm vụ", "Chủ trì"], ["3", "Việc ba", ""], ["4", "Việc bốn", "Sở B"]],
        spans=[[False] * 3] * 3,
        page=2,
        owners=[[0, 1, 2], [3, 4, 5], [6, 7, 8]],
    )
    continue_grid(first, more)
    assert [r[2] for r in first.rows] == ["Chủ trì", "Sở A", "Sở A", "Sở A", "Sở B"]
    # a blank cell after a cell of one row stays blank
    lone = Grid(rows=[["1", "Việc một", "Sở A"]], spans=[[False] * 3], page=1, owners=[[0, 1, 2]])
    tail = Grid(rows=[["2", "Việc hai", ""]], spans=[[False] * 3], page=2, owners=[[0, 1, 2]])
    continue_grid(lone, tail)
    assert [r[2] for r in lone.rows] == ["Sở A", ""]


def test_a_code_too_wide_for_its_narrow_cell_is_joined_whole():
    # Word breaks a word no line of the cell can hold where the line runs out: `UBM` over
    # `TTQ tỉnh`, `phườn` over `g`. The pieces of one word are joined without a space; words
    # moved down whole at a space keep it.
    from kehoach.intake.pdf_page import Word
    from kehoach.intake.pdf_ruled import cell_text

    box = (100.0, 50.0, 138.0, 120.0)  # a cell 38pt wide; its text keeps 5.5pt from each side

    def cell(*lines: list[tuple[str, float]]) -> str:
        words = []
        for k, line in enumerate(lines):
            x = 105.5
            for text, width in line:
                words.append(Word(text, x, x + width, 52.0 + 14 * k, 64.0 + 14 * k))
                x += width + 3.0
        return cell_text(words, box)

    assert cell([("UBM", 25.5)], [("TTQ", 24.0)], [("tỉnh", 18.0)]) == "UBMTTQ tỉnh"
    assert cell([("Sở", 12.0)], [("NN", 17.3)], [("MT", 17.9)]) == "Sở NNMT"
    assert cell(
        [("UBN", 26.0)], [("D", 8.7)], [("xã,", 14.0)], [("phườn", 26.1)], [("g", 6.0)]
    ) == ("UBND xã, phường")
    # room left on the right: the next word was moved down whole
    assert cell([("UBND", 18.0)], [("TỈNH", 24.0)]) == "UBND TỈNH"
    # no room, but two words (`TỈNH` is a syllable; `hoàn` / `thành` are both words)
    assert cell([("UBND", 26.5)], [("TỈNH", 24.0)]) == "UBND TỈNH"
    assert cell([("hoàn", 26.5)], [("thành", 24.0)]) == "hoàn thành"
    # a date broken inside its number, as before
    assert cell([("30/11/2", 26.5)], [("026", 15.0)]) == "30/11/2026"
