"""Word (.docx): the body's paragraphs and tables in document order.

Paragraphs become text blocks (soft line breaks kept inside the one block as
spaces, typed numbering kept as written, Word's automatic numbering written
out as it shows: `1.`, `a)`, `II.`, bullets as `-`). Tables become `Table`s on the Word
grid: a merged cell (gridSpan across, vMerge down) has its text repeated in
each grid position it covers, with `spans` marking the copies, so every row has
the same number of cells. Paragraphs inside one cell are joined with a newline;
a table nested in a cell is flattened into that cell's text. Headers, footers
and footnotes are not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kehoach.errors import EmptyDocument, UnsupportedFormat
from kehoach.intake.document import Document, Table
from kehoach.intake.docx_numbering import Numbering
from kehoach.intake.docx_numbering import W as _W
from kehoach.intake.docx_numbering import int_prop as _int_prop
from kehoach.intake.docx_numbering import prop as _prop
from kehoach.intake.docx_package import WordPackage, open_package
from kehoach.intake.encoding import (
    convert_legacy,
    fix_legacy_blocks,
    reject_empty,
    reject_images,
)
from kehoach.text.normalize import nfc

_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = (
    f"{_W}p",
    f"{_W}tbl",
    f"{_W}tr",
    f"{_W}tc",
    f"{_W}sdt",
    f"{_W}sdtContent",
)
_SKIP = {f"{_W}pPr", f"{_W}rPr", f"{_W}del", f"{_W}moveFrom", f"{_W}instrText", _MC_FALLBACK}
_TABS = re.compile(r"[ \t]*\t[ \t]*")


def read(data: bytes, name: str, sha256: str) -> Document:
    """Read a .docx file."""
    reject_empty(data, name)
    reject_images(data, name)
    document = _open(data, name)
    ctx = _Context(Numbering(document.numbering, document.styles), _Fonts(document.styles))
    blocks = fix_legacy_blocks(list(_body_blocks(document.body, ctx)))
    if not any(isinstance(b, Table) or b.strip() for b in blocks):
        raise EmptyDocument("the document holds no text", where=name)
    return Document(name=name, format="docx", sha256=sha256, blocks=blocks)


def _open(data: bytes, name: str) -> WordPackage:
    """The package's parts, or `UnsupportedFormat` saying why the file cannot be read."""
    if data.startswith(b"%PDF"):
        raise UnsupportedFormat("a PDF file named .docx; rename it to .pdf", where=name)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnsupportedFormat(
            "an old Word 97-2003 (.doc) file; open it in Word or LibreOffice and save it as .docx",
            where=name,
        )
    return open_package(data, name)


def _body_blocks(container, ctx: _Context):
    """Paragraphs and tables of a body (or content control) in order."""
    for child in container:
        if child.tag == _P:
            yield from _paragraph_blocks(child, ctx)
        elif child.tag == _TBL:
            yield _table(child, ctx)
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _body_blocks(content, ctx)


def _paragraph_blocks(p, ctx: _Context) -> list[str]:
    """A paragraph's text, then the paragraphs of any text box anchored in it."""
    parts: list[str] = []
    boxes: list = []
    _collect(p, parts, boxes, ctx.fonts, ctx.fonts.paragraph(p))
    text = _clean_line("".join(parts))
    label = ctx.numbering.label(p)
    blocks = [f"{label} {text}" if label and text else text]
    for box in boxes:
        blocks.extend(b for b in _body_blocks(box, ctx) if isinstance(b, str) and b.strip())
    return blocks


def _collect(el, parts: list[str], boxes: list, fonts: _Fonts, font: str | None) -> None:
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == f"{_W}r":
            run: list[str] = []
            run_font = fonts.run(child, font)
            _collect(child, run, boxes, fonts, run_font)
            parts.append(_legacy_run("".join(run), run_font))
        elif tag == f"{_W}t":
            parts.append(child.text or "")
        elif tag in (f"{_W}tab", f"{_W}ptab"):
            parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append(" ")  # a soft line break keeps the paragraph one block
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
        elif tag == f"{_W}txbxContent":
            boxes.append(child)
        else:
            _collect(child, parts, boxes, fonts, font)


def _clean_line(text: str) -> str:
    """NFC; tabs between parts become two spaces, as the text reader does."""
    return nfc(_TABS.sub("  ", text)).strip()


def _cell_text(tc, ctx: _Context) -> str:
    lines: list[str] = []
    for block in _body_blocks(tc, ctx):
        if isinstance(block, Table):  # a nested table: its rows, one line each
            lines.extend(" ".join(c for c in row if c) for row in _distinct(block))
        elif block:
            lines.append(block)
    return "\n".join(line for line in lines if line.strip())


def _distinct(table: Table) -> list[list[str]]:
    """Rows of a table with merged copies left out (for flattening)."""
    spans = table.spans or [[False] * len(r) for r in table.rows]
    return [
        [c for c, s in zip(r, sp, strict=False) if not s]
        for r, sp in zip(table.rows, spans, strict=False)
    ]


def _children(el, tag: str):
    """Direct children with `tag`, looking through content controls."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)


def _table(tbl, ctx: _Context) -> Table:
    grid = len(tbl.findall(f"{_W}tblGrid/{_W}gridCol"))
    rows: list[list[str]] = []
    spans: list[list[bool]] = []
    for tr in _children(tbl, _TR):
        cells: list[str] = []
        copies: list[bool] = []
        before = _int_prop(tr, f"{_W}trPr/{_W}gridBefore", 0)
        cells += [""] * before
        copies += [False] * before
        above = rows[-1] if rows else []
        for tc in _children(tr, _TC):
            width = _int_prop(tc, f"{_W}tcPr/{_W}gridSpan", 1) or 1
            vmerge = _prop(tc, f"{_W}tcPr/{_W}vMerge")
            hmerge = _prop(tc, f"{_W}tcPr/{_W}hMerge")
            col = len(cells)
            if vmerge is not None and vmerge != "restart":  # continues the cell above
                for k in range(width):
                    cells.append(above[col + k] if col + k < len(above) else "")
                    copies.append(True)
                continue
            if hmerge is not None and hmerge != "restart" and cells:  # legacy horizontal merge
                cells += [cells[-1]] * width
                copies += [True] * width
                continue
            text = _cell_text(tc, ctx)
            cells += [text] * width
            copies += [False] + [True] * (width - 1)
        rows.append(cells)
        spans.append(copies)
    width = max([grid, *(len(r) for r in rows)]) if rows else grid
    for cells, copies in zip(rows, spans, strict=True):
        copies += [False] * (width - len(cells))
        cells += [""] * (width - len(cells))
    keep = _without_repeated_header(rows)
    return Table(rows=[rows[i] for i in keep], spans=[spans[i] for i in keep])


def _without_repeated_header(rows: list[list[str]]) -> list[int]:
    """Indexes of the rows to keep: a later copy of the header row (a table pasted from
    a PDF repeats it at each page) is dropped."""
    header = rows[0] if rows else []
    if sum(1 for c in header if c.strip()) < 2:
        return list(range(len(rows)))
    return [i for i, r in enumerate(rows) if i == 0 or r != header]


def _legacy_run(text: str, font: str | None) -> str:
    """A run set in a TCVN3 font (`.VnTime`; `.VnTimeH` shows capitals) or a VNI font
    (`VNI-Times`) holds that encoding's codes: convert them."""
    if not text or not font:
        return text
    if font.lower().startswith(".vn"):
        text = convert_legacy(text, "tcvn3")
        return text.upper() if font.endswith("H") else text
    if font.lower().startswith("vni-"):
        return convert_legacy(text, "vni")
    return text


class _Fonts:
    """The font of each run, from the run, its character style, its paragraph's style
    (following `basedOn`) or the document defaults."""

    def __init__(self, root) -> None:
        self.styles: dict[str, tuple[str | None, str | None]] = {}
        self.normal: str | None = None  # the paragraph style of paragraphs that name none
        for style in root.findall(f"{_W}style") if root is not None else ():
            based = style.find(f"{_W}basedOn")
            if style.get(f"{_W}type") == "paragraph" and style.get(f"{_W}default") in ("1", "true"):
                self.normal = style.get(f"{_W}styleId")
            self.styles[style.get(f"{_W}styleId", "")] = (
                _font_of(style),
                based.get(f"{_W}val") if based is not None else None,
            )
        defaults = root.find(f"{_W}docDefaults/{_W}rPrDefault") if root is not None else None
        self.default = _font_of(defaults) if defaults is not None else None

    def _style(self, style: str | None) -> str | None:
        for _ in range(10):  # a short basedOn chain
            if style is None or style not in self.styles:
                return None
            font, style = self.styles[style]
            if font:
                return font
        return None

    def paragraph(self, p) -> str | None:
        """The font a paragraph's runs have unless they say otherwise."""
        return self._style(_prop(p, f"{_W}pPr/{_W}pStyle") or self.normal) or self.default

    def run(self, r, paragraph_font: str | None) -> str | None:
        return _font_of(r) or self._style(_prop(r, f"{_W}rPr/{_W}rStyle")) or paragraph_font


def _font_of(el) -> str | None:
    fonts = el.find(f"{_W}rPr/{_W}rFonts")
    if fonts is None:
        return None
    return fonts.get(f"{_W}ascii") or fonts.get(f"{_W}hAnsi")


@dataclass
class _Context:
    """What reading a paragraph needs beyond the paragraph itself."""

    numbering: Numbering
    fonts: _Fonts
