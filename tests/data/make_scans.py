"""Make scans: plan pages rendered to images that look scanned (turned, noisy, stamped).

    .venv/bin/python tests/data/make_scans.py            # the small committed fixtures
    .venv/bin/python tests/data/make_scans.py --all OUT  # whole-document scans to measure with

The fixtures (tests/data/fixtures/scans/) are committed, so the tests need neither
reportlab nor the fonts. `--all OUT` writes a scanned PDF of every sample (the text
samples typeset first, with their tables ruled) for `kehoach eval OUT EXPECTED`; the
typeset PDFs are kept in OUT/typeset/ (text layer, same layout), so that
`kehoach eval OUT/typeset EXPECTED` tells what layout costs from what OCR costs.
A scan look is: the page turned 0.4–1.1°, a grey paper tone, sensor noise and
specks, a slight blur, a red round stamp over the signature, a dark band where the
scanner lid did not cover the page; saved as greyscale or colour JPEG.
"""

from __future__ import annotations

import io
import math
import random
import re
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
OUT = FIXTURES / "scans"
SAMPLES = ROOT / "src" / "kehoach" / "data" / "samples"
SHARED = ROOT.parent / "shared" / "samples"
FONTS = Path("/usr/share/fonts/truetype")
SERIF = FONTS / "liberation2" / "LiberationSerif-Regular.ttf"
SERIF_BOLD = FONTS / "liberation2" / "LiberationSerif-Bold.ttf"
DPI = 200


# --------------------------------------------------------------------------- the scan look


def _stamp(size: int, rng: random.Random) -> Image.Image:
    """A red round seal: two rings, a star, and lettering around (RGBA)."""
    seal = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(seal)
    red = (200, 30, 40, 200)
    draw.ellipse((4, 4, size - 4, size - 4), outline=red, width=8)
    draw.ellipse((size * 0.2, size * 0.2, size * 0.8, size * 0.8), outline=red, width=4)
    c, r = size / 2, size * 0.14
    star = [
        (
            c + (r if i % 2 == 0 else r / 2.5) * math.sin(i * math.pi / 5),
            c - (r if i % 2 == 0 else r / 2.5) * math.cos(i * math.pi / 5),
        )
        for i in range(10)
    ]
    draw.polygon(star, fill=red)
    font = ImageFont.truetype(str(SERIF_BOLD), size // 12)
    text = "ỦY BAN NHÂN DÂN TỈNH * "
    for i, ch in enumerate(text * 2):
        angle = i * 2 * math.pi / (len(text) * 2)
        x = c + size * 0.39 * math.sin(angle)
        y = c - size * 0.39 * math.cos(angle)
        draw.text((x, y), ch, fill=red, font=font, anchor="mm")
    return seal.rotate(rng.uniform(0, 360))


def scan_look(
    page: Image.Image,
    rng: random.Random,
    *,
    stamp: bool,
    colour: bool,
    noise: float = 7.0,
    stamp_at: tuple[float, float] | None = None,
) -> Image.Image:
    """The page as a scanner would give it back."""
    page = page.convert("RGB")
    w, h = page.size
    if stamp:  # over the signature block: the lower right of the page
        seal = _stamp(int(DPI * 1.4), rng)
        x, y = stamp_at or (0.6, rng.uniform(0.45, 0.7))
        ink = Image.new("RGB", page.size, "white")
        ink.paste(seal, (int(w * x), int(h * y)), seal)
        page = ImageChops.multiply(page, ink)  # inks darken each other: text shows through
    angle = rng.choice((-1, 1)) * rng.uniform(0.4, 1.1)
    page = page.rotate(angle, resample=Image.BICUBIC, fillcolor=(255, 255, 255))
    page = page.filter(ImageFilter.GaussianBlur(0.6))
    pixels = np.asarray(page).astype(np.float32)
    pixels = pixels * 0.92 + 12  # paper is never white, ink never black
    noise = np.random.default_rng(rng.randrange(1 << 30)).normal(0, noise, pixels.shape[:2])
    pixels += noise[:, :, None]
    specks = np.random.default_rng(rng.randrange(1 << 30)).random(pixels.shape[:2]) < 0.0004
    pixels[specks] = 40
    band = int(w * rng.uniform(0.004, 0.012))
    pixels[:, w - band :] *= 0.25  # the scanner lid's shadow at the edge
    out = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    return out if colour else out.convert("L")


def save_pdf(pages: list[Image.Image], path: Path, quality: int = 55) -> None:
    """Pages as an image-only PDF (JPEG inside, at the scan's resolution)."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument.new()
    for image in pages:
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=quality)
        width, height = image.size[0] * 72 / DPI, image.size[1] * 72 / DPI
        page = pdf.new_page(width, height)
        obj = pypdfium2.PdfImage.new(pdf)
        obj.load_jpeg(io.BytesIO(buffer.getvalue()), inline=True)
        obj.set_matrix(pypdfium2.PdfMatrix().scale(width, height))
        page.insert_obj(obj)
        page.gen_content()
    pdf.save(str(path))


def pdf_pages(path: Path, pages: list[int] | None = None) -> list[Image.Image]:
    """Pages of a text PDF rendered at the scan's resolution."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    chosen = range(len(pdf)) if pages is None else pages
    return [pdf[i].render(scale=DPI / 72).to_pil() for i in chosen]


def text_page(lines: list[str], *, size: int = 34) -> Image.Image:
    """One A4 page of plain lines (no tables), typeset with Pillow."""
    w, h = int(8.27 * DPI), int(11.69 * DPI)
    page = Image.new("RGB", (w, h), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(SERIF), size)
    y = int(DPI * 0.8)
    for line in lines:
        draw.text((int(DPI * 1.1), y), line, fill="black", font=font)
        y += int(size * 1.5)
    return page


# --------------------------------------------------------------------------- text samples as PDF


def typeset(text: str, path: Path) -> None:
    """A text sample as a PDF: paragraphs, and its tables (tab- or pipe-separated rows) ruled."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(TTFont("Serif", str(SERIF)))
    body = ParagraphStyle("body", fontName="Serif", fontSize=13, leading=17, spaceAfter=3)
    cell = ParagraphStyle("cell", fontName="Serif", fontSize=10.5, leading=13)
    flow: list = []
    rows: list[list[str]] = []

    def flush() -> None:
        if not rows:
            return
        width = max(len(r) for r in rows)
        data = [[Paragraph(_esc(c), cell) for c in r + [""] * (width - len(r))] for r in rows]
        table = Table(data, repeatRows=1, colWidths=[A4[0] * 0.8 / width] * width)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.8, colors.black)]))
        flow.append(table)
        rows.clear()

    for line in text.splitlines():
        if re.match(r"^\|[\s|:-]*$", line):
            continue  # a markdown table's rule row
        if "\t" in line or line.startswith("|"):
            cells = line.strip().strip("|").split("|") if line.startswith("|") else line.split("\t")
            rows.append([c.strip() for c in cells])
            continue
        flush()
        if line.strip():
            flow.append(Paragraph(_esc(line.strip()), body))
    flush()
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=70, rightMargin=55).build(flow)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --------------------------------------------------------------------------- outputs


def fixtures() -> None:
    """The committed test scans (small: a few pages, JPEG or G4 compressed)."""
    OUT.mkdir(parents=True, exist_ok=True)
    rng = random.Random(14)
    # the table of 002 running over two landscape pages: cells, a merged group row, a
    # row cut by the page break, the header repeated
    pages = [
        scan_look(p, rng, stamp=False, colour=False, noise=3)
        for p in pdf_pages(FIXTURES / "002_table.pdf", [1, 2])
    ]
    save_pdf(pages, OUT / "002_table_scan.pdf", quality=35)
    # a photo-like colour page with a red stamp over the text
    first = pdf_pages(FIXTURES / "002_table.pdf", [0])[0]
    scan_look(first, rng, stamp=True, colour=True, noise=3, stamp_at=(0.45, 0.25)).save(
        OUT / "stamped_page.jpg", quality=40
    )
    # a blank page: specks only
    blank = scan_look(Image.new("RGB", (1654, 2339), "white"), rng, stamp=False, colour=False)
    blank.point(lambda v: 255 if v > 128 else 0).convert("1").save(OUT / "blank.png", optimize=True)
    # two pages in one TIFF: Vietnamese, then English
    vietnamese = SAMPLE_LINES[:18]
    english = ENGLISH.splitlines()
    frames = [  # black and white, as office scanners often send
        scan_look(text_page(lines), rng, stamp=False, colour=False, noise=3)
        .point(lambda v: 255 if v > 140 else 0)
        .convert("1")
        for lines in (vietnamese, english)
    ]
    frames[0].save(
        OUT / "two_languages.tiff",
        save_all=True,
        append_images=frames[1:],
        compression="group4",
        dpi=(DPI, DPI),
    )
    (OUT / "damaged.png").write_bytes((OUT / "blank.png").read_bytes()[:300])
    plan_scans()


def plan_scans() -> None:
    """Officials' plans (Word files printed to PDF) scanned in grey: a red seal is then
    mid-grey ink over the signer's lines, and `Nơi nhận:` in small type sits beside the
    signer's title in large type."""
    rng = random.Random(26)  # its own: the fixtures above stay as they were
    # a decision and its plan on one page: the seal over the signature, the plan's
    # `KẾ HOẠCH` just under it
    pages = pdf_pages(FIXTURES / "variant_decision_with_plan.pdf")
    scans = [
        scan_look(p, rng, stamp=i == 0, colour=False, noise=3, stamp_at=(0.6, 0.54))
        for i, p in enumerate(pages)
    ]
    save_pdf(scans, OUT / "decision_with_plan_scan.pdf", quality=35)
    # a council resolution's last page: the recipients beside the chairman's title and name
    last = pdf_pages(FIXTURES / "variant_council_resolution.pdf", [1])[0]
    page = scan_look(last, rng, stamp=True, colour=False, noise=3, stamp_at=(0.62, 0.2))
    save_pdf([page], OUT / "resolution_signature_scan.pdf", quality=40)
    # a page of a plan set justified, as Word prints it (closing_groups_word.pdf:
    # closing_groups_ragged.txt through tools/format_variants.py build): paragraphs wrapped
    # over lines, the dash of `chính trị - xã hội` wrapped to a line's start
    rng = random.Random(31)  # its own: the scans above stay as they were
    second = pdf_pages(FIXTURES / "closing_groups_word.pdf", [1])[0]
    page = scan_look(second, rng, stamp=False, colour=False, noise=3)
    save_pdf([page], OUT / "closing_groups_scan.pdf", quality=35)
    # the lower half of the decision's page as `tools/format_variants.py scan` gives it (its
    # seed and look): `thường` / `xuyên.` read as `Xuyên.`, a capital at a line's start
    rng = random.Random("80:variant_decision_with_plan")
    colour = rng.random() < 0.5
    pages = pdf_pages(FIXTURES / "variant_decision_with_plan.pdf")
    first = scan_look(pages[0], rng, stamp=True, colour=colour)
    w, h = first.size
    save_pdf([first.crop((0, int(h * 0.45), w, h))], OUT / "decision_wrap_scan.pdf", quality=60)
    task_table_scan()


def task_table_scan() -> None:
    """An appendix's task table (scan_marks_word.pdf: scan_marks_plan.txt through
    tools/format_variants.py build) scanned in grey, the seal over its rules: row numbers,
    group numerals and quarters (`TT`, `3`, `III`, `Quý II/2026`) as Tesseract misreads
    lone marks and serifed I's, and a column rule under the seal as grey as its ink."""
    rng = random.Random("marks")  # its own: the scans above stay as they were
    page = pdf_pages(FIXTURES / "scan_marks_word.pdf", [1])[0]
    scan = scan_look(page, rng, stamp=True, colour=False, stamp_at=(0.45, 0.25))
    w, h = scan.size
    save_pdf([scan.crop((0, 0, w, int(h * 0.6)))], OUT / "task_table_seal_scan.pdf", quality=40)


def all_samples(out: Path) -> None:
    """A scanned PDF of every sample, for `kehoach eval OUT EXPECTED`."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(80)
    sources: list[tuple[str, Path]] = []
    texts = {p.stem: p for p in [*SHARED.glob("*.txt"), *SAMPLES.glob("*.txt")]}
    for text in sorted(texts.values()):
        (out / "typeset").mkdir(exist_ok=True)
        pdf = out / "typeset" / f"{text.stem}.pdf"  # kept: the same layout with a text layer
        typeset(text.read_text(encoding="utf-8"), pdf)
        sources.append((text.stem, pdf))
    sources.append(("002_table", FIXTURES / "002_table.pdf"))
    for stem, pdf in sources:
        colour = rng.random() < 0.5
        images = pdf_pages(pdf)
        last = len(images) - 1
        scans = [
            scan_look(p, rng, stamp=i == last or i == 0, colour=colour)
            for i, p in enumerate(images)
        ]
        save_pdf(scans, out / f"{stem}.pdf", quality=60)
        print(f"{stem}.pdf: {len(scans)} pages")


SAMPLE_LINES = [
    "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN",
    "KẾ HOẠCH",
    "Thực hiện Nghị quyết số 80-NQ/TW ngày 07/01/2026 của Bộ Chính trị",
    "về phát triển văn hóa Việt Nam",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích",
    "- Quán triệt sâu sắc các quan điểm, mục tiêu, nhiệm vụ và giải pháp",
    "của Nghị quyết đến cán bộ, đảng viên và Nhân dân trên địa bàn tỉnh.",
    "- Phấn đấu đến năm 2030, 100% các xã, phường có thiết chế văn hóa",
    "đạt chuẩn; số hóa 100% di tích được xếp hạng cấp quốc gia.",
    "2. Yêu cầu",
    "- Các sở, ban, ngành và Ủy ban nhân dân các xã, phường chủ động",
    "xây dựng kế hoạch cụ thể, bảo đảm thiết thực, hiệu quả.",
    "II. NHIỆM VỤ, GIẢI PHÁP",
    "1. Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với các cơ quan",
    "liên quan tham mưu Ủy ban nhân dân tỉnh tổ chức thực hiện.",
    "2. Ủy ban nhân dân các xã, phường báo cáo kết quả trước ngày 15/12",
    "hằng năm về Sở Văn hóa, Thể thao và Du lịch để tổng hợp.",
]

ENGLISH = """MEMORANDUM OF UNDERSTANDING
This memorandum sets out the terms under which both parties
agree to cooperate on the preservation of cultural heritage
sites, including the exchange of experts and documentation.
Article 1. Scope of cooperation
The parties shall share information on conservation methods,
digitisation of archives and the training of museum staff.
Article 2. Funding
Each party shall bear its own costs unless otherwise agreed
in writing before the start of a joint activity.
Article 3. Entry into force
This memorandum enters into force on the date of signature
and remains valid for a period of five years."""


if __name__ == "__main__":
    if sys.argv[1:2] == ["--all"]:
        all_samples(Path(sys.argv[2]))
    else:
        fixtures()
