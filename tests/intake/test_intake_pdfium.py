"""PDF intake on pdfium: the real plan printed by LibreOffice (ruled landscape table across
pages, white shading, justified paragraphs), rotated pages, scanned pages for OCR."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kehoach.intake import Table
from kehoach.intake import pdf as reader

ROOT = Path(__file__).parents[2]
PLAN_PDF = ROOT / "src" / "kehoach" / "data" / "bench" / "lc-kh-khoangsan-2026.pdf"
FIXTURES = ROOT / "tests" / "data" / "fixtures"


def read(path: Path):
    data = path.read_bytes()
    return reader.read(data, path.name, hashlib.sha256(data).hexdigest())


@pytest.fixture(scope="module")
def plan():
    return read(PLAN_PDF)


def test_the_task_table_is_one_table_across_its_pages(plan):
    """White paragraph shading is no table; the appendix table (two landscape pages, its
    header repeated, a row split by the page break) is one table, as in the Word file."""
    assert len(plan.tables) == 1
    table = plan.tables[0]
    assert table.rows[0][:3] == ["TT", "Tên nhiệm vụ", "Sở, ngành chủ trì tham mưu"]
    assert table.rows[1] == ["", "(1)", "(2)", "(3)", "(4)", "(5)"]
    assert [r[0] for r in table.rows[2:]] == [str(n) for n in range(1, 15)]
    row7 = table.rows[8]
    assert row7[1].startswith("Hướng dẫn các tổ chức, cá nhân thực hiện việc đăng ký")
    assert row7[1].endswith("xử lý nghiêm các trường hợp vi phạm.")  # its rest, page 15


def test_wrapped_lines_are_joined_into_paragraphs(plan):
    opening = next(b for b in plan.lines if b.startswith("Thực hiện Chỉ thị số 11-CT/TU"))
    assert opening.endswith("với các nội dung cụ thể như sau:")
    assert "1. Mục đích" in plan.lines and "I. MỤC ĐÍCH, YÊU CẦU" in plan.lines
    bullets = [b for b in plan.lines if b.startswith("- ")]
    assert len(bullets) > 60 and all("\n" not in b for b in bullets)


def test_page_numbers_and_a_signature_beside_the_addressees(plan):
    assert not [b for b in plan.lines if b.strip().isdigit()]
    assert "- Bộ Nông nghiệp và Môi trường (để báo cáo);  KT. CHỦ TỊCH" in plan.lines


def test_rotated_page_reads_as_shown(tmp_path):
    """A page stored portrait and shown landscape (/Rotate 90): lines come top to bottom."""
    import pypdfium2
    from reportlab.pdfgen import canvas

    path = tmp_path / "rotated.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    c.setFont("Helvetica", 12)
    c.saveState()
    c.translate(595, 0)
    c.rotate(90)  # text written along the page's long side, as a landscape page shows it
    c.drawString(72, 500, "First line of the landscape page")
    c.drawString(72, 480, "Second line of the landscape page")
    c.restoreState()
    c.showPage()
    c.save()
    pdf = pypdfium2.PdfDocument(str(path))
    pdf[0].set_rotation(90)
    pdf.save(str(tmp_path / "shown.pdf"))
    pdf.close()
    doc = read(tmp_path / "shown.pdf")
    assert doc.blocks == ["First line of the landscape page", "Second line of the landscape page"]


def test_pages_without_text_are_named_for_ocr():
    scan = (FIXTURES / "scan.pdf").read_bytes()
    assert reader.pages_without_text(scan, "scan.pdf") == [1]
    assert reader.pages_without_text(PLAN_PDF.read_bytes(), PLAN_PDF.name) == []


def test_a_merged_cell_repeats_its_text(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Table as RLTable

    path = tmp_path / "merged.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    rows = [["TT", "Task", "Lead"], ["1", "Build the plan", "Office"], ["", "Hold it", ""]]
    style = [("GRID", (0, 0), (-1, -1), 1, "black"), ("SPAN", (2, 1), (2, 2))]
    table = RLTable(rows, colWidths=[40, 200, 120], style=style)
    table.wrap(500, 800)
    table.drawOn(c, 72, 600)
    c.showPage()
    c.save()
    got = read(path).blocks[0]
    assert isinstance(got, Table)
    assert got.rows == [["TT", "Task", "Lead"], ["1", "Build the plan", "Office"],
                        ["", "Hold it", "Office"]]  # fmt: skip
    assert got.spans[2] == [False, False, True]


def test_a_typed_pdf_is_not_taken_for_ocr():
    """Its words are what was typed: `mỏ` (a mine) stays, never "repaired" to `mô`."""
    from kehoach.intake import read_document

    doc = read_document(PLAN_PDF)
    assert not doc.ocr and doc.repairs == []
    assert any("các mỏ khoáng sản" in line for line in doc.lines)


def test_a_number_wrapped_at_its_hyphen_keeps_the_hyphen():
    """`201/2023/NQ-` at a line's end, `HĐND` on the next: pdfium marks such a hyphen with
    U+FFFE and no line break; it is read as the hyphen and the paragraph joins it back."""
    doc = read(FIXTURES / "ld-kh-pcmt-2030.pdf")
    text = " ".join(b for b in doc.blocks if isinstance(b, str))
    assert "Nghị quyết số 201/2023/NQ-HĐND ngày 12/7/2023" in text
    assert "NQ HĐND" not in text


def test_a_comma_in_its_own_low_box_stays_with_its_word():
    """A PDF whose characters come with their own boxes (not the line's height): the comma
    of `hóa,` sits below the letters' middle, touching the word, not a word of its own."""
    from kehoach.intake.pdf_page import _split

    # (x0, x1, top, bottom) from the top: `h`, `ó` tall, `a` short, `,` below the baseline
    boxes = [(132.2, 139.2, 614.0, 623.8), (139.2, 146.2, 614.0, 623.8),
             (146.2, 152.4, 617.1, 623.8), (152.4, 155.9, 622.3, 625.9)]  # fmt: skip
    assert [w.text for w in _split("hóa,", boxes)] == ["hóa,"]
    # a mark on another line (a footnote's comma far below) is still cut off
    far = [*boxes[:3], (152.4, 155.9, 640.0, 643.0)]
    assert [w.text for w in _split("hóa,", far)] == ["hóa", ","]
