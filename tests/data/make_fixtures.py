"""Build the intake test fixtures in tests/data/fixtures/ from the sample documents.

    .venv/bin/python tests/data/make_fixtures.py

The generated files are committed, so the tests need neither reportlab nor the
DejaVu font; run this again only to change a fixture. Output is deterministic
apart from the timestamps the DOCX/PDF writers embed.
"""

from __future__ import annotations

import io
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "src" / "kehoach" / "data" / "samples"
EXPECTED = ROOT / "tests" / "data" / "samples" / "expected"
OUT = Path(__file__).resolve().parent / "fixtures"
FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]

SAMPLE_000 = SAMPLES / "000_c6c358976faa1d91.txt"
SAMPLE_001 = SAMPLES / "001_47cec5a30aa91629.txt"
SAMPLE_002 = SAMPLES / "002_06834df7b106b0a8.txt"
ROMAN = re.compile(r"^(I|II|III|IV|V|VI|VII|VIII|IX|X)$")

sys.path.insert(0, str(ROOT / "src"))


# --------------------------------------------------------------------------- sample 000


def sample_000() -> tuple[list[str], list[str], list[list[str]]]:
    """(first 15 text lines, appendix caption lines, appendix table rows without repeats)."""
    lines = SAMPLE_000.read_text(encoding="utf-8").split("\n")
    head = [ln.strip() for ln in lines if ln.strip()][:15]
    start = lines.index("PHỤ LỤC")
    caption = [ln.strip() for ln in lines[start:] if ln.strip() and "\t" not in ln]
    rows: list[list[str]] = []
    for ln in lines[start:]:
        if "\t" not in ln:
            continue
        cells = [c.strip() for c in ln.split("\t")]
        cells += [""] * (5 - len(cells))
        if rows and cells == rows[0]:
            continue  # the header, repeated at each page of the source
        rows.append(cells[:5])
    return head, caption, rows


def _set_repeat_header(row) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _fill(row, values: list[str]) -> None:
    for cell, value in zip(row.cells, values, strict=True):
        cell.text = value


def _docx_table(
    doc, header: list[str], body: list[list[str]], *, split_task: str, repeat_before: str
):
    """A Word table: header row (repeat-as-header, and once more physically before group
    `repeat_before`), group rows as one merged cell after the numeral, and task `split_task`
    as two sub-rows sharing its number, text, lead and timeframe cells (vertical merges)."""
    table = doc.add_table(rows=0, cols=len(header))
    table.style = "Table Grid"
    _fill(hdr := table.add_row(), header)
    _set_repeat_header(hdr)
    coord_col = next(i for i, h in enumerate(header) if "phối hợp" in h.lower())
    group = ""
    for cells in body:
        if ROMAN.match(cells[0]):
            group = cells[0]
            if group == repeat_before:
                _fill(table.add_row(), header)
            row = table.add_row()
            row.cells[0].text = cells[0]
            merged = row.cells[1].merge(row.cells[len(header) - 1])
            merged.text = cells[1]
            continue
        if f"{group}.{cells[0].rstrip('.')}" == split_task:
            first, second = (p.strip() for p in cells[coord_col].split(";", 1))
            top, bottom = table.add_row(), table.add_row()
            _fill(top, [*cells[:coord_col], first, *cells[coord_col + 1 :]])
            bottom.cells[coord_col].text = second
            for i in range(len(header)):
                if i != coord_col:
                    top.cells[i].merge(bottom.cells[i])
            continue
        _fill(table.add_row(), cells)
    return table


def _save_docx(doc, path: Path) -> None:
    """Save with fixed zip timestamps, so regenerating leaves an unchanged file unchanged."""
    import zipfile

    buf = io.BytesIO()
    doc.save(buf)
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(fixed, src.read(info.filename))


def make_000_table_docx() -> None:
    """000_table.docx: sample 000's opening lines, then its appendix as a real Word table."""
    import docx

    head, caption, rows = sample_000()
    doc = docx.Document()
    for line in head:
        doc.add_paragraph(line)
    doc.add_page_break()
    for line in caption:
        doc.add_paragraph(line)
    _docx_table(doc, rows[0], rows[1:], split_task="I.4", repeat_before="II")
    doc.add_paragraph("Ghi chú: bảng trên là phụ lục của Chương trình.")
    _save_docx(doc, OUT / "000_table.docx")


PRODUCTS = ["Kế hoạch", "Báo cáo", "Nghị quyết", "Đề án", "Quyết định"]


def _numbering(group_index: int, n: int) -> str:
    """Row numbers as plans write them: `1.` in group I, `a)` in group II, `1.1` after."""
    if group_index == 1:
        return f"{n}."
    if group_index == 2:
        return f"{'abcdefghijklmnop'[n - 1]})"
    return f"{group_index}.{n}"


def make_000_table_extra_col_docx() -> None:
    """000_table_extra_col.docx: as 000_table.docx, plus `Sản phẩm` and `Theo dõi, đôn đốc`."""
    import docx

    head, caption, rows = sample_000()
    header = ["TT", "Nhiệm vụ", "Sản phẩm", rows[0][2], rows[0][3], "Theo dõi, đôn đốc", rows[0][4]]
    body: list[list[str]] = []
    group_index = 0
    for cells in rows[1:]:
        if ROMAN.match(cells[0]):
            group_index += 1
            body.append([cells[0], cells[1], "", "", "", "", ""])
            continue
        n = int(cells[0])
        product = PRODUCTS[(group_index + n) % len(PRODUCTS)]
        body.append(
            [
                _numbering(group_index, n),
                cells[1],
                product,
                cells[2],
                cells[3],
                "Văn phòng Tỉnh ủy",
                cells[4],
            ]
        )
    doc = docx.Document()
    for line in head:
        doc.add_paragraph(line)
    for line in caption:
        doc.add_paragraph(line)
    _docx_table(doc, header, body, split_task="I.4", repeat_before="III")
    _save_docx(doc, OUT / "000_table_extra_col.docx")


# --------------------------------------------------------------------------- sample 002 PDF


def _abbreviate(name: str) -> str:
    return name.replace("Ủy ban nhân dân", "UBND")


def sample_002_rows() -> list[list[str]]:
    """Phụ lục 2 of sample 002, written out from its expected record: group rows and task rows."""
    record = json.loads((EXPECTED / "002_06834df7b106b0a8.json").read_text(encoding="utf-8"))
    rows: list[list[str]] = []
    group = None
    for task in record["tasks"]:
        if task["group"] != group:
            group = task["group"]
            rows.append([group, task["group_title"], "", "", ""])
        executing = "; ".join(_abbreviate(a) for a in task["lead"])
        if task["coordinating"]:
            others = "; ".join(_abbreviate(a) for a in task["coordinating"])
            executing = f"{executing} chủ trì, phối hợp với {others}"
        number = task["id"].split(".")[1]
        rows.append(
            [
                number,
                task["text"],
                "; ".join(_abbreviate(a) for a in task["directing"]),
                executing,
                task["timeframe"]["raw"] or "",
            ]
        )
    return rows


def _font() -> tuple[str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for d in FONT_DIRS:
        regular, bold = d / "DejaVuSans.ttf", d / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            pdfmetrics.registerFont(TTFont("DejaVu", str(regular)))
            pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(bold)))
            return "DejaVu", "DejaVu-Bold"
    sys.exit(
        "make_fixtures: the DejaVu Sans font is needed for the PDF fixtures "
        "(apt-get install fonts-dejavu-core); looked in " + ", ".join(map(str, FONT_DIRS))
    )


def make_002_table_pdf() -> None:
    """002_table.pdf: a portrait page of text, then landscape pages holding Phụ lục 2 with ruling
    lines, wrapped cells, the header repeated on each page, a row split across a page break,
    and a page number at the top of every page."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Paragraph, Table, TableStyle

    font, bold = _font()
    cell = ParagraphStyle("cell", fontName=font, fontSize=9, leading=11)
    head_style = ParagraphStyle("head", parent=cell, fontName=bold, alignment=1)
    body = ParagraphStyle("body", fontName=font, fontSize=11, leading=15)

    path = OUT / "002_table.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle("002_table")
    page_no = 1

    def page_number(width: float, height: float) -> None:
        c.setFont(font, 10)
        c.drawCentredString(width / 2, height - 30, str(page_no))

    # Page 1: portrait, the opening of the plan as plain text.
    width, height = A4
    lines = [ln.strip() for ln in SAMPLE_002.read_text(encoding="utf-8").split("\n") if ln.strip()]
    y = height - 70
    for line in lines[:16]:
        p = Paragraph(line.replace("&", "&amp;"), body)
        _, h = p.wrap(width - 140, y)
        p.drawOn(c, 70, y - h)
        y -= h + 4
    page_number(width, height)
    c.showPage()

    # Landscape pages: the appendix title on the first, then the table.
    width, height = landscape(A4)
    col_widths = [32, 330, 120, 200, 90]
    header = [
        "TT",
        "NHIỆM VỤ CỤ THỂ",
        "CƠ QUAN CHỈ ĐẠO",
        "CƠ QUAN, THAM MƯU THỰC HIỆN",
        "THỜI GIAN THỰC HIỆN",
    ]
    header_cells = [Paragraph(h, head_style) for h in header]

    def cells_of(row: list[str]) -> list:
        return [Paragraph(v.replace("&", "&amp;"), cell) for v in row]

    def style(group_rows: list[int]) -> TableStyle:
        commands = [
            ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
        commands += [("SPAN", (1, r), (-1, r)) for r in group_rows]
        return TableStyle(commands)

    rows = sample_002_rows()
    # A wrapped `80-NQ/TW` in one cell: the line break falls right after the hyphen.
    for r in rows:
        if r[1].startswith("Tổ chức hội nghị quán triệt Nghị quyết số 80-NQ/TW"):
            r[1] = r[1].replace("số 80-NQ/TW", "số 80-<br/>NQ/TW")

    first = True
    pending = list(rows)
    split_done = False
    while pending:
        c.setPageSize((width, height))
        top = height - 50
        if first:
            c.setFont(bold, 12)
            for text in ["PHỤ LỤC 2", "DANH MỤC NHIỆM VỤ"]:
                c.drawCentredString(width / 2, top - 10, text)
                top -= 18
            c.setFont(font, 10)
            c.drawCentredString(
                width / 2,
                top - 10,
                "(Kèm theo Kế hoạch số -KH/TU ngày tháng 02 năm 2026 của Ban Thường vụ Tỉnh ủy)",
            )
            top -= 30
            first = False
        available = top - 40
        page_rows: list[list] = [header_cells]
        group_rows: list[int] = []
        while pending:
            row = pending[0]
            candidate = [*page_rows, cells_of(row)]
            t = Table(candidate, colWidths=col_widths)
            _, h = t.wrap(width, height)
            if h <= available:
                if ROMAN.match(row[0]):
                    group_rows.append(len(page_rows))
                page_rows = candidate
                pending.pop(0)
                continue
            if not split_done and not ROMAN.match(row[0]) and len(page_rows) > 1:
                # Split this row across the page break, as Word does with a long row:
                # the text and executing cells continue on the next page.
                for tenth in range(8, 2, -1):
                    part1, part2 = list(row), ["", "", "", "", ""]
                    for i in (1, 3):
                        words = row[i].split()
                        cut = max(1, len(words) * tenth // 10)
                        part1[i], part2[i] = " ".join(words[:cut]), " ".join(words[cut:])
                    t = Table([*page_rows, cells_of(part1)], colWidths=col_widths)
                    if t.wrap(width, height)[1] <= available:
                        page_rows.append(cells_of(part1))
                        pending[0] = part2
                        split_done = True
                        break
            break
        table = Table(page_rows, colWidths=col_widths, style=style(group_rows))
        _, h = table.wrap(width, height)
        table.drawOn(c, (width - sum(col_widths)) / 2, top - h)
        page_no += 1
        page_number(width, height)
        c.showPage()
    c.save()
    if not split_done:
        sys.exit("make_fixtures: no row was split across a page break; adjust the layout")


def make_000_borderless_pdf() -> None:
    """000_borderless.pdf: the start of sample 000's appendix as a table drawn without any
    ruling lines (cells centred vertically, wrapped), between two lines of text."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Paragraph, Table, TableStyle

    font, bold = _font()
    cell = ParagraphStyle("cell", fontName=font, fontSize=9, leading=11)
    _, caption, rows = sample_000()
    rows = rows[:13]  # header, group I and its 5 tasks, group II and its first 5 tasks
    width, height = landscape(A4)
    c = canvas.Canvas(str(OUT / "000_borderless.pdf"), pagesize=(width, height), invariant=1)
    c.setFont(bold, 12)
    c.drawCentredString(width / 2, height - 50, caption[0])
    data = [[Paragraph(v.replace("&", "&amp;"), cell) for v in r] for r in rows]
    groups = [i for i, r in enumerate(rows) if ROMAN.match(r[0])]
    style = [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    style += [("SPAN", (1, g), (-1, g)) for g in groups]
    table = Table(data, colWidths=[30, 330, 150, 170, 90], style=TableStyle(style))
    _, h = table.wrap(width, height)
    table.drawOn(c, 36, height - 70 - h)
    c.setFont(font, 10)
    c.drawString(36, height - 90 - h, "Ghi chú: bảng trên không có đường kẻ.")
    c.drawString(36, height - 120 - h, "Nơi nhận:")
    c.drawString(36, height - 134 - h, "- Như trên;")
    c.showPage()
    c.save()


def make_scan_pdf() -> None:
    """scan.pdf: one page that is only a picture of text (no text layer)."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("L", (400, 560), 255)
    draw = ImageDraw.Draw(img)
    for i in range(20):
        draw.text((30, 30 + i * 24), "KE HOACH phat trien van hoa", fill=0)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    c = canvas.Canvas(str(OUT / "scan.pdf"), pagesize=A4, invariant=1)
    c.drawImage(ImageReader(io.BytesIO(buf.getvalue())), 40, 40, width=515, height=760)
    c.showPage()
    c.save()


def make_encrypted_pdf() -> None:
    """encrypted.pdf: a text PDF that needs a password to open."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(OUT / "encrypted.pdf"), pagesize=A4, encrypt="mat-khau", invariant=1)
    c.drawString(72, 760, "KE HOACH")
    c.showPage()
    c.save()


# --------------------------------------------------------------------------- bad inputs


def _legacy_bytes(text: str, encoding: str) -> bytes:
    """Encode Unicode text in TCVN3 or VNI with kehoach's own tables (upper-case toned letters
    of TCVN3 fall back to their lower-case codes, as typists did with the .VnTimeH fonts)."""
    from kehoach.intake.encoding import legacy_table

    inverse = {letter: code for code, letter in legacy_table(encoding).items()}
    out = []
    for ch in text:
        if ch in inverse:
            out.append(inverse[ch])
        elif encoding == "tcvn3" and ch.lower() in inverse and not ch.isascii():
            out.append(inverse[ch.lower()])
        else:
            out.append(ch)
    return "".join(out).encode("cp1252")


def legacy_source_text() -> str:
    """The part of sample 001 written out in TCVN3 and VNI (its first 40 non-blank lines)."""
    lines = [ln for ln in SAMPLE_001.read_text(encoding="utf-8").split("\n") if ln.strip()]
    text = "\n".join(lines[:40]) + "\n"
    return text.replace("¹", "(1)")  # a footnote mark TCVN3 has no code for


def make_bad_inputs() -> None:
    from PIL import Image

    (OUT / "empty.txt").write_bytes(b"")
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buf, format="PNG")
    (OUT / "image.txt").write_bytes(buf.getvalue())
    (OUT / "random.pdf").write_bytes(random.Random(80).randbytes(4096))
    (OUT / "random.docx").write_bytes(b"PK\x03\x04" + random.Random(81).randbytes(2048))
    text = legacy_source_text()
    (OUT / "tcvn3.txt").write_bytes(_legacy_bytes(text, "tcvn3"))
    (OUT / "vni.txt").write_bytes(_legacy_bytes(text, "vni"))
    sample = SAMPLE_001.read_text(encoding="utf-8")
    (OUT / "001_utf16.txt").write_bytes(sample.encode("utf-16"))  # with a BOM (little-endian)
    (OUT / "001_utf16be_nobom.txt").write_bytes(sample[:3000].encode("utf-16-be"))
    (OUT / "plan.rtf").write_text(r"{\rtf1\ansi K\'ea ho\'e1ch}", encoding="ascii")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    make_000_table_docx()
    make_000_table_extra_col_docx()
    make_002_table_pdf()
    make_000_borderless_pdf()
    make_scan_pdf()
    make_encrypted_pdf()
    make_bad_inputs()
    for p in sorted(OUT.iterdir()):
        print(f"{p.stat().st_size:>8}  {p.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
