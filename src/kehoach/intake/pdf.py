"""PDF: each page's text lines and ruled tables, top to bottom, pages in order, read with
pdfium (the library `pypdfium2` ships, through `pdf_pdfium`).

Tables are found from their ruling lines (`pdf_ruled`); white paragraph shading is paper,
not a table. On a page without ruled tables, runs of lines whose pieces keep to the same
columns are read as a table drawn without lines (`pdf_columns`). A table that runs on from
one page to the next is one `Table`: the header row repeated on the new page is dropped,
and a row split by the page break (its continuation has no row number) is joined back to
the row it belongs to. Inside a cell, wrapped lines are joined with a space, or with
nothing after a hyphen that ends a wrapped line (`80-` + `NQ/TW`) or inside a word too wide
for its cell (`UBMT` + `TQ`, `phườ` + `ng`: `pdf_ruled.cell_text`); a line ended with room
left for the next one's first word (the cell's paragraphs) keeps a line break. A line
that is only a page number at the top or bottom of a page is dropped, and so is a running
header or footer. A PDF with no text layer at all (a scan) raises `NeedsOcr`;
`pages_without_text` names the pages of a PDF that need OCR.
"""

from __future__ import annotations

import re

from kehoach.errors import EmptyDocument, NeedsOcr, UnsupportedFormat
from kehoach.intake import pdf_pdfium as pdfium
from kehoach.intake.document import Block, Document, Table
from kehoach.intake.encoding import fix_legacy_blocks, reject_empty, reject_images
from kehoach.intake.pdf_columns import Grid as _Grid
from kehoach.intake.pdf_columns import borderless_tables as _borderless_tables
from kehoach.intake.pdf_columns import continue_grid as _continue
from kehoach.intake.pdf_lines import group_lines, line_bottom, line_text
from kehoach.intake.pdf_page import PageContent, read_page
from kehoach.intake.pdf_paragraphs import TextLine, hang_of, join_paragraphs
from kehoach.intake.pdf_ruled import find_tables, grid, words_inside
from kehoach.intake.word_furniture import blocks_without_word_furniture
from kehoach.text.normalize import fold

_PAGE_NUMBER = re.compile(r"^[\s\-–—.]*(?:trang\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?[\s\-–—.]*$", re.I)
_MARGIN = 0.15  # page numbers sit in the top or bottom 15% of the page
_SCAN_COVER = 0.7  # a picture covering this much of a page is the page itself, scanned


def read(data: bytes, name: str, sha256: str) -> Document:
    """Read a .pdf file."""
    pages = read_pages(data, name)
    chars = sum(p.chars for p in pages)
    if chars == 0 and any(p.pictures for p in pages):
        raise NeedsOcr("scanned PDF with no text layer; OCR is not supported yet", where=name)
    text_pages = [p for p in pages if p.chars]
    scanned = sum(p.picture_cover >= _SCAN_COVER for p in text_pages) * 2 > len(text_pages)
    blocks = blocks_without_word_furniture(
        fix_legacy_blocks(_join_pages([_page_items(p) for p in pages]))
    )
    if not any(isinstance(b, Table) or b.strip() for b in blocks):
        raise EmptyDocument("the PDF holds no text", where=name)
    return Document(name=name, format="pdf", sha256=sha256, blocks=blocks, ocr=scanned)


def pages_without_text(data: bytes, name: str = "document.pdf") -> list[int]:
    """The pages (1-based) that show a picture but carry no text layer: scanned pages,
    which only OCR can read. Raises the same errors as `read` for a file that is no PDF."""
    return [p.number for p in read_pages(data, name) if p.chars == 0 and p.pictures]


def read_pages(data: bytes, name: str) -> list[PageContent]:
    """Every page's words, ruling lines and pictures; errors name the file (and page)."""
    reject_empty(data, name)
    reject_images(data, name)
    if data.startswith(b"PK\x03\x04"):
        raise UnsupportedFormat(
            "a Word (.docx) or other ZIP file named .pdf; rename it to .docx", where=name
        )
    if b"%PDF" not in data[:1024]:
        raise UnsupportedFormat("this .pdf file cannot be read: it is not a PDF", where=name)
    # pdfium reads from `data` in place, without a copy: it is held until the document closes
    pdf = pdfium.FPDF_LoadMemDocument64(data, len(data), None)
    try:
        count = pdfium.FPDF_GetPageCount(pdf) if pdf else 0
        if count < 1:  # not opened (or no page at all, which pdfium reads as damaged too)
            if pdfium.FPDF_GetLastError() == pdfium.FPDF_ERR_PASSWORD:
                raise UnsupportedFormat(
                    "the PDF is protected by a password; save a copy without the password",
                    where=name,
                )
            raise UnsupportedFormat(
                "this .pdf file cannot be read: it is damaged or incomplete", where=name
            )
        pages = []
        for index in range(count):
            try:
                pages.append(read_page(pdf, index))
            except Exception as exc:  # a damaged page: the file's fault, not ours
                raise UnsupportedFormat(
                    "this .pdf file cannot be read: page {page}: {reason}",
                    where=name,
                    page=index + 1,
                    reason=_short(exc),
                ) from None
    finally:
        if pdf:
            pdfium.FPDF_CloseDocument(pdf)
    if not pages:
        raise EmptyDocument("the PDF has no pages", where=name)
    return pages


def _short(exc: BaseException) -> str:
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:120]


_Item = tuple[bool, "str | _Grid"]  # (in the top or bottom margin, a line or a table)


def _page_items(page: PageContent) -> list[_Item]:
    """The page's text lines and tables, top to bottom, without its page number."""
    items: list[tuple[float, int, str | _Grid]] = []
    in_tables: set[int] = set()  # the words the tables took (by identity)
    tables = find_tables(page.rulings)
    for t in tables:
        taken_by_table = words_inside(page.words, t.bbox)
        in_tables.update(map(id, taken_by_table))
        g = grid(t, taken_by_table, page.number)
        if g.width >= 2 and g.rows:
            items.append((t.bbox[1], 1, g))
        else:  # a one-column "table" is a frame around text
            for i, cell in enumerate(c for r in g.rows for c in r if c):
                items.append((t.bbox[1] + i * 0.01, 0, cell))
    words = [w for w in page.words if id(w) not in in_tables] if in_tables else page.words
    lines = group_lines(words)
    taken: set[int] = set()
    if not tables:  # no ruled table: look for columns of text (a table without lines)
        for first, last, g in _borderless_tables(lines, page.number):
            items.append((lines[first][0], 1, g))
            taken.update(range(first, last))
    for i, (top, line) in enumerate(lines):
        if i not in taken:
            bottom = line_bottom(line)
            said = _bulleted(line_text(line))
            second = line[1].x0 if len(line) > 1 else None
            text = TextLine.at(
                said, line[0].x0, line[-1].x1, top, bottom, page.width, hang_of(said, second)
            )
            items.append((top, 0, text))
    items.sort(key=lambda it: (it[0], it[1]))
    return _drop_page_numbers(items, page.height)


# The glyphs a Word list's bullets print as: Symbol's and Wingdings' (in Unicode's private
# use area, as the font maps them) and Unicode's own; written as the `-` the Word reader and
# the text files give.
_BULLETS = frozenset("\uf0b7\uf0a7\uf0a8\uf076\uf0d8\uf0fc\uf06e\uf0e8•●▪■◦○◆❖➢►·∙")


def _bulleted(text: str) -> str:
    """A line opened by a bullet glyph, opened by `-` instead."""
    return f"-{text[1:]}" if text[:1] in _BULLETS and text[1:2] == " " else text


def _drop_page_numbers(items, height: float) -> list[_Item]:
    kept = [(top < height * _MARGIN or top > height * (1 - _MARGIN), it) for top, _, it in items]
    for index in (0, -1):
        near_edge, item = kept[index] if kept else (False, None)
        if near_edge and isinstance(item, str) and _PAGE_NUMBER.match(item):
            kept.pop(index)
    return kept


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
    for items in join_paragraphs(_drop_running_lines(pages)):
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
        Table(rows=b.rows, spans=b.spans, page=b.page) if isinstance(b, _Grid) else str(b)
        for b in blocks
    ]


_WORD = re.compile(r"[^\W\d_]{2,}")
_CHUNK = 256  # words judged between two looks at whether the share is settled


def garbage_layer(doc: Document) -> bool:
    """Whether a PDF's text layer is not Vietnamese a person could read: the output of a
    poor OCR run laid over page images, or glyphs with no Unicode meaning (then the pages
    are read as a scan)."""
    texts = [*doc.lines, *(c for t in doc.tables for r in t.rows for c in r)]
    words = _letter_runs("\n".join(texts))
    if len(words) < 30:
        return doc.ocr  # a scan with a few stray words over it: read the pictures
    return _valid_share_below(words, 0.75 if doc.ocr else 0.3)


def _letter_runs(text: str) -> list[str]:
    """`_WORD.findall(text)`, sooner: a piece between spaces made of letters only is one
    run as it is (a letter is a word character, not a digit nor `_`, and no space is one);
    the regex scans only the pieces with other characters in them."""
    runs: list[str] = []
    for piece in text.split():
        if piece.isalpha():
            if len(piece) > 1:
                runs.append(piece)
        else:
            runs += _WORD.findall(piece)
    return runs


def _valid_share_below(words: list[str], need: float) -> bool:
    """Whether fewer than `need` of the words are Vietnamese syllables, judged a chunk at a
    time and answered once the words left could no longer change the answer (a typed plan
    settles it within its first third). Exact: with n words, a count that only grows gives
    a share (count / n) that only grows, so the share so far, or the share were every word
    left valid, bounds the whole text's share."""
    from kehoach.text.syllables import is_valid_syllable

    n, valid = len(words), 0
    for start in range(0, n, _CHUNK):
        valid += sum(map(is_valid_syllable, words[start : start + _CHUNK]))
        left = max(0, n - start - _CHUNK)
        if valid / n >= need:
            return False
        if (valid + left) / n < need:
            return True
    return valid / n < need
