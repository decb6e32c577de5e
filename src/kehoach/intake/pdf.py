"""PDF: each page's text lines and ruled tables, top to bottom, pages in order.

Tables are found from their ruling lines (pdfplumber's "lines" strategy); on a
page without any, runs of lines whose pieces keep to the same columns are read
as a table drawn without lines (cells aligned to the top or centred). A
table that runs on from one page to the next is one `Table`: the header row
repeated on the new page is dropped, and a row split by the page break (its
continuation has no row number) is joined back to the row it belongs to. Text
inside a cell is one line: wrapped lines are joined with a space, or with
nothing after a hyphen that ends a wrapped line (`80-` + `NQ/TW`). A line that
is only a page number at the top or bottom of a page is dropped. A PDF with no
text layer at all (a scan) raises `NeedsOcr`.
"""

from __future__ import annotations

import io
import re
from itertools import pairwise

from kehoach.errors import EmptyDocument, NeedsOcr, UnsupportedFormat
from kehoach.intake.document import Block, Document, Table
from kehoach.intake.encoding import fix_legacy_blocks, reject_empty, reject_images
from kehoach.intake.pdf_columns import WRAP_HYPHEN as _WRAP_HYPHEN
from kehoach.intake.pdf_columns import Grid as _Grid
from kehoach.intake.pdf_columns import borderless_tables as _borderless_tables
from kehoach.text.normalize import fold, nfc

_TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
_PAGE_NUMBER = re.compile(r"^[\s\-–—.]*(?:trang\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?[\s\-–—.]*$", re.I)
_WS = re.compile(r"\s+")
_MARGIN = 0.15  # page numbers sit in the top or bottom 15% of the page
_GAP = 24.0  # points of empty space that split a line into parts (two-column headings)


def read(data: bytes, name: str, sha256: str) -> Document:
    """Read a .pdf file."""
    reject_empty(data, name)
    reject_images(data, name)
    if data.startswith(b"PK\x03\x04"):
        raise UnsupportedFormat(
            "a Word (.docx) or other ZIP file named .pdf; rename it to .docx", where=name
        )
    if b"%PDF" not in data[:1024]:
        raise UnsupportedFormat("this .pdf file cannot be read: it is not a PDF", where=name)
    pdf = _open(data, name)
    try:
        pages, scanned = _read_pages(pdf, name)
    finally:
        pdf.close()
    blocks = fix_legacy_blocks(_join_pages(pages))
    if not any(isinstance(b, Table) or b.strip() for b in blocks):
        raise EmptyDocument("the PDF holds no text", where=name)
    return Document(name=name, format="pdf", sha256=sha256, blocks=blocks, ocr=scanned)


def _open(data: bytes, name: str):
    try:
        import pdfplumber
    except ImportError as exc:  # pragma: no cover - a broken installation
        raise UnsupportedFormat(
            "reading .pdf needs pdfplumber ({reason})", where=name, reason=exc
        ) from None
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pdf.pages  # noqa: B018 - parses the page tree, where damage shows
        return pdf
    except Exception as exc:  # pdfminer's many errors: the file's fault, not ours
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if type(cause).__name__ == "PDFPasswordIncorrect":
            raise UnsupportedFormat(
                "the PDF is protected by a password; save a copy without the password",
                where=name,
            ) from None
        raise UnsupportedFormat(
            "this .pdf file cannot be read: {reason}", where=name, reason=_short(cause)
        ) from None


def _short(exc: BaseException) -> str:
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:120]


def _read_pages(pdf, name: str) -> tuple[list[list[_Item]], bool]:
    """Per page, its items in reading order (page numbers dropped); and whether the text
    lies over page-sized pictures (a scan with a text layer from OCR)."""
    pages: list[list[_Item]] = []
    chars = images = text_pages = scan_pages = 0
    for page in pdf.pages:
        try:
            chars += len(page.chars)
            images += len(page.images)
            if page.chars:
                text_pages += 1
                scan_pages += _page_sized_image(page)
            pages.append(_page_items(page))
        except Exception as exc:  # a damaged page stream
            raise UnsupportedFormat(
                "this .pdf file cannot be read: page {page}: {reason}",
                where=name,
                page=page.page_number,
                reason=_short(exc),
            ) from None
    if not pages:
        raise EmptyDocument("the PDF has no pages", where=name)
    if chars == 0 and images:
        raise NeedsOcr("scanned PDF with no text layer; OCR is not supported yet", where=name)
    return pages, scan_pages * 2 > text_pages


def _page_sized_image(page) -> bool:
    area = float(page.width * page.height) or 1.0
    return any(
        (img["x1"] - img["x0"]) * (img["bottom"] - img["top"]) >= 0.7 * area for img in page.images
    )


_Item = tuple[bool, "str | _Grid"]  # (in the top or bottom margin, a line or a table)


def _page_items(page) -> list[_Item]:
    """The page's text lines and tables, top to bottom, without its page number."""
    found = [t for t in page.find_tables(_TABLE_SETTINGS) if t.rows]
    items: list[tuple[float, int, str | _Grid]] = []
    boxes = []
    for t in found:
        grid = _grid(t, page.page_number)
        boxes.append(t.bbox)
        if grid.width >= 2 and len(grid.rows) >= 1:
            items.append((t.bbox[1], 1, grid))
        else:  # a one-column "table" is a frame around text
            for i, line in enumerate(c for r in grid.rows for c in r if c):
                items.append((t.bbox[1] + i * 0.01, 0, line))
    outside = page.filter(lambda obj: not _inside(obj, boxes)) if boxes else page
    lines = _lines(outside)
    taken: set[int] = set()
    if not found:  # no ruled table: look for columns of text (a table without lines)
        for first, last, grid in _borderless_tables(lines, page.page_number):
            items.append((lines[first][0], 1, grid))
            taken.update(range(first, last))
    for i, (top, words) in enumerate(lines):
        if i not in taken:
            items.append((top, 0, _line_text(words)))
    items.sort(key=lambda it: (it[0], it[1]))
    return _drop_page_numbers(items, page.height)


def _inside(obj, boxes) -> bool:
    x = (obj.get("x0", 0) + obj.get("x1", 0)) / 2
    y = (obj.get("top", 0) + obj.get("bottom", 0)) / 2
    return any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)


def _lines(page) -> list[tuple[float, list[dict]]]:
    """Words grouped into lines by vertical overlap (a raised footnote mark stays on its
    line), each line's words left to right."""
    words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
    words.sort(key=lambda w: (w["top"], w["x0"]))
    lines: list[list[dict]] = []
    spans: list[tuple[float, float]] = []  # each line's top and bottom
    for w in words:
        for i in range(len(lines) - 1, max(len(lines) - 4, -1), -1):
            top, bottom = spans[i]
            overlap = min(bottom, w["bottom"]) - max(top, w["top"])
            if overlap >= 0.5 * min(bottom - top, w["bottom"] - w["top"]):
                lines[i].append(w)
                spans[i] = (min(top, w["top"]), max(bottom, w["bottom"]))
                break
        else:
            lines.append([w])
            spans.append((w["top"], w["bottom"]))
    out = [
        (span[0], sorted(line, key=lambda w: w["x0"]))
        for span, line in zip(spans, lines, strict=True)
    ]
    return sorted(out, key=lambda it: it[0])


def _line_text(words: list[dict]) -> str:
    """A line's words; a wide gap (two columns of a heading) becomes two spaces."""
    text = words[0]["text"]
    for prev, w in pairwise(words):
        text += ("  " if w["x0"] - prev["x1"] > _GAP else " ") + w["text"]
    return nfc(text).strip()


def _drop_page_numbers(items, height: float) -> list[_Item]:
    kept = [(top < height * _MARGIN or top > height * (1 - _MARGIN), it) for top, _, it in items]
    for index in (0, -1):
        near_edge, item = kept[index] if kept else (False, None)
        if near_edge and isinstance(item, str) and _PAGE_NUMBER.match(item):
            kept.pop(index)
    return kept


def _cell_text(text: str | None) -> str:
    """A cell's lines as one line: wrapped lines joined, a hyphen at a wrap kept unspaced."""
    if not text:
        return ""
    out = ""
    for line in (ln.strip() for ln in text.split("\n")):
        if not line:
            continue
        if out and not (_WRAP_HYPHEN.search(out) and line[:1].isalnum()):
            out += " "
        out += line
    return nfc(_WS.sub(" ", out)).strip()


def _grid(table, page_number: int) -> _Grid:
    """Rows of a found table; a cell covered by a merged cell repeats that cell's text."""
    texts = table.extract()
    cells = [row.cells for row in table.rows]
    columns: dict[int, tuple[float, float]] = {}
    for row in cells:
        for c, box in enumerate(row):
            if box is not None and c not in columns:
                columns[c] = (box[0], box[2])
    text = {
        (r, c): _cell_text(texts[r][c])
        for r, row in enumerate(cells)
        for c, box in enumerate(row)
        if box is not None
    }
    real = [(cells[r][c], t) for (r, c), t in text.items()]
    rows: list[list[str]] = []
    spans: list[list[bool]] = []
    for r, row in enumerate(cells):
        y = (table.rows[r].bbox[1] + table.rows[r].bbox[3]) / 2
        out_row, out_spans = [], []
        for c, box in enumerate(row):
            if box is not None:
                out_row.append(text[r, c])
                out_spans.append(False)
                continue
            x0, x1 = columns.get(c, (0.0, 0.0))
            x = (x0 + x1) / 2
            cover = next(
                (t for b, t in real if b[0] <= x <= b[2] and b[1] <= y <= b[3]),
                None,
            )
            out_row.append(cover or "")
            out_spans.append(cover is not None)
        rows.append(out_row)
        spans.append(out_spans)
    return _Grid(rows=rows, spans=spans, page=page_number)


def _same_row(a: list[str], b: list[str]) -> bool:
    return [fold(x) for x in a] == [fold(x) for x in b]


def _continue(grid: _Grid, more: _Grid) -> None:
    """Append a table's continuation from the next page onto `grid`."""
    rows, spans = list(more.rows), list(more.spans)
    for k in range(min(3, len(grid.rows), len(rows)), 0, -1):
        if all(_same_row(grid.rows[i], rows[i]) for i in range(k)):
            rows, spans = rows[k:], spans[k:]  # the header, repeated on the new page
            break
    if rows and grid.rows and not rows[0][0].strip() and any(c.strip() for c in rows[0]):
        last = grid.rows[-1]
        for c, piece in enumerate(rows[0]):  # the rest of a row split by the page break
            if piece and not spans[0][c]:
                joiner = "" if _WRAP_HYPHEN.search(last[c]) else " "
                last[c] = f"{last[c]}{joiner}{piece}".strip() if last[c] else piece
        rows, spans = rows[1:], spans[1:]
    grid.rows.extend(rows)
    grid.spans.extend(spans)
    grid.ends_page = more.ends_page


def _running(items: list[_Item], index: int) -> str | None:
    """The key of the page's first/last line when it sits in the margin, else None."""
    if not items:
        return None
    in_margin, line = items[index]
    if not in_margin or not isinstance(line, str):
        return None
    return re.sub(r"\d+", "#", fold(line))


def _drop_running_lines(pages: list[list[_Item]]) -> list[list[str | _Grid]]:
    """Drop a running header or footer: the same line at the top (bottom) of most pages."""
    pages = [list(items) for items in pages]
    if len(pages) >= 3:
        for index in (0, -1):
            keys = [_running(items, index) for items in pages]
            need = max(3, len(pages) // 2 + 1)
            common = {k for k in keys if k is not None and keys.count(k) >= need}
            for items, key in zip(pages, keys, strict=True):
                if key in common:
                    items.pop(index)
    return [[item for _, item in items] for items in pages]


def _join_pages(pages: list[list[_Item]]) -> list[Block]:
    blocks: list[str | _Grid] = []
    for items in _drop_running_lines(pages):
        if items and isinstance(items[-1], _Grid):
            items[-1].ends_page = True
        for i, item in enumerate(items):
            prev = blocks[-1] if blocks else None
            if (
                i == 0
                and isinstance(item, _Grid)
                and isinstance(prev, _Grid)
                and prev.ends_page
                and prev.width == item.width
            ):
                _continue(prev, item)
                continue
            blocks.append(item)
    return [
        Table(rows=b.rows, spans=b.spans, page=b.page) if isinstance(b, _Grid) else b
        for b in blocks
    ]
