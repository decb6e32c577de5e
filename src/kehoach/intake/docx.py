"""Word (.docx): the body's paragraphs and tables in document order.

Paragraphs become text blocks (soft line breaks kept inside the one block as
spaces, typed numbering kept as written, Word's automatic numbering written
out as it shows: `1.`, `a)`, `II.`, bullets as `-`). Tables become `Table`s on the Word
grid: a merged cell (gridSpan across, vMerge down) has its text repeated in
each grid position it covers, with `spans` marking the copies, so every row has
the same number of cells. Paragraphs inside one cell are joined with a newline;
a table nested in a cell is flattened into that cell's text. Headers, footers,
footnotes and comments are not read (their marks in the body hold no text), nor deleted
text; a raised run of figures is written in raised figures (`word_furniture` keeps a unit's,
`m²`, and drops a footnote's number typed by hand), and Word's other furniture (a table
of contents, a field's error text) is dropped by `word_furniture`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kehoach.errors import EmptyDocument, UnsupportedFormat
from kehoach.intake.document import Document, Table
from kehoach.intake.docx_numbering import Numbering
from kehoach.intake.docx_package import WordPackage, open_package
from kehoach.intake.docx_styles import Styles, font_of
from kehoach.intake.docx_xml import W as _W
from kehoach.intake.docx_xml import first as _first
from kehoach.intake.docx_xml import int_prop as _int_prop
from kehoach.intake.docx_xml import int_val as _int_val
from kehoach.intake.docx_xml import prop as _prop
from kehoach.intake.docx_xml import properties as _properties
from kehoach.intake.docx_xml import val as _val
from kehoach.intake.encoding import (
    convert_legacy,
    fix_legacy_blocks,
    reject_empty,
    reject_images,
)
from kehoach.intake.word_furniture import blocks_without_word_furniture
from kehoach.text.normalize import nfc

# Qualified names, built once: every element's tag is compared with them.
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = (
    f"{_W}p",
    f"{_W}tbl",
    f"{_W}tr",
    f"{_W}tc",
    f"{_W}sdt",
    f"{_W}sdtContent",
)
_R, _PPR, _RPR, _TCPR, _TRPR = f"{_W}r", f"{_W}pPr", f"{_W}rPr", f"{_W}tcPr", f"{_W}trPr"
_PSTYLE, _NUMPR, _RSTYLE = f"{_W}pStyle", f"{_W}numPr", f"{_W}rStyle"
_VERT_ALIGN = f"{_W}vertAlign"
_RAISED_FIGURES = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

# What `_collect` does with an element inside a paragraph, by its tag: a run (its text in
# its font), a piece of text (w:t's own; a tab, a break or a hyphen written as one), a text
# box kept for later, or skipped (properties, deleted text, field codes, the fallback copy
# of a drawing); any other element (hyperlink, inserted text, field, drawing) is looked into.
_RUN, _TEXT, _BOX, _SKIP = "run", "text", "box", "skip"
_ACTION: dict[str, str] = {
    _R: _RUN,
    f"{_W}t": _TEXT,
    f"{_W}txbxContent": _BOX,
    **dict.fromkeys(
        (_PPR, _RPR, f"{_W}del", f"{_W}moveFrom", f"{_W}instrText", _MC_FALLBACK), _SKIP
    ),
}
_WRITTEN_AS = {
    f"{_W}tab": "\t",
    f"{_W}ptab": "\t",
    f"{_W}br": " ",  # a soft line break keeps the paragraph one block
    f"{_W}cr": " ",
    f"{_W}noBreakHyphen": "-",
}
_TABS = re.compile(r"[ \t]*\t[ \t]*")


def read(data: bytes, name: str, sha256: str) -> Document:
    """Read a .docx file."""
    reject_empty(data, name)
    reject_images(data, name)
    document = _open(data, name)
    styles = Styles(document.styles)
    ctx = _Context(Numbering(document.numbering, styles), _Fonts(styles))
    blocks = blocks_without_word_furniture(
        fix_legacy_blocks(list(_body_blocks(document.body, ctx)))
    )
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
        tag = child.tag
        if tag == _P:
            yield from _paragraph_blocks(child, ctx)
        elif tag == _TBL:
            yield _table(child, ctx)
        elif tag == _SDT:
            content = _first(child, _SDT_CONTENT)
            if content is not None:
                yield from _body_blocks(content, ctx)


def _paragraph_blocks(p, ctx: _Context) -> list[str]:
    """A paragraph's text, then the paragraphs of any text box anchored in it."""
    props = _properties(p, _PPR)  # looked up once, for its font and its number
    style = _val(props.get(_PSTYLE))
    parts: list[str] = []
    boxes: list = []
    _collect(p, parts, boxes, ctx.fonts, ctx.fonts.paragraph(style))
    text = _clean_line("".join(parts))
    label = ctx.numbering.label(style, props.get(_NUMPR))
    blocks = [f"{label} {text}" if label and text else text]
    for box in boxes:
        blocks.extend(b for b in _body_blocks(box, ctx) if isinstance(b, str) and b.strip())
    return blocks


def _collect(el, parts: list[str], boxes: list, fonts: _Fonts, font: str | None) -> None:
    """The text of `el`'s children into `parts` (each run's converted by its font), the
    text boxes met into `boxes`."""
    for child in el:
        tag = child.tag  # lxml builds the string on each access
        action = _ACTION.get(tag)
        if action == _TEXT:
            parts.append(child.text or "")
        elif action == _SKIP:
            continue
        elif action == _RUN:
            run_font = fonts.run(child, font)
            start = len(parts)
            if _legacy_encoding(run_font) is None:  # most runs: their text as it is
                _collect(child, parts, boxes, fonts, run_font)
            else:
                run: list[str] = []
                _collect(child, run, boxes, fonts, run_font)
                parts.append(_legacy_run("".join(run), run_font))
            if len(parts) == start + 1 and parts[start].isdigit() and _raised(child):
                # a raised run of figures (`m` + raised `2`; a footnote's number typed by
                # hand) in raised figures: `word_furniture` tells a unit's power by them
                parts[start] = parts[start].translate(_RAISED_FIGURES)
        elif action == _BOX:
            boxes.append(child)
        elif (written := _WRITTEN_AS.get(tag)) is not None:
            parts.append(written)
        elif isinstance(tag, str):  # not a comment or processing instruction
            _collect(child, parts, boxes, fonts, font)


def _raised(run) -> bool:
    """Whether a run is set raised (superscript)."""
    return _prop(run, _RPR, _VERT_ALIGN) == "superscript"


def _clean_line(text: str) -> str:
    """NFC; tabs between parts become two spaces, as the text reader does."""
    if "\t" in text:  # the pattern is slow to find no tab in a long line
        text = _TABS.sub("  ", text)
    return nfc(text).strip()


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
        own = child.tag
        if own == tag:
            yield child
        elif own == _SDT:
            content = _first(child, _SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)


def _table(tbl, ctx: _Context) -> Table:
    grid = len(tbl.findall(f"{_W}tblGrid/{_W}gridCol"))
    rows: list[list[str]] = []
    spans: list[list[bool]] = []
    for tr in _children(tbl, _TR):
        cells: list[str] = []
        copies: list[bool] = []
        before = _int_prop(tr, _TRPR, f"{_W}gridBefore", default=0)
        cells += [""] * before
        copies += [False] * before
        above = rows[-1] if rows else []
        for tc in _children(tr, _TC):
            props = _properties(tc, _TCPR)
            width = _int_val(props.get(f"{_W}gridSpan"), 1) or 1
            vmerge = _val(props.get(f"{_W}vMerge"))
            hmerge = _val(props.get(f"{_W}hMerge"))
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
    if not text or font is None or (encoding := _legacy_encoding(font)) is None:
        return text
    text = convert_legacy(text, encoding)
    return text.upper() if encoding == "tcvn3" and font.endswith("H") else text


@cache
def _legacy_encoding(font: str | None) -> str | None:
    """'tcvn3' or 'vni' for a font set in that legacy encoding, else None (asked of every
    run, so remembered for each font name)."""
    if not font:
        return None
    if font.lower().startswith(".vn"):
        return "tcvn3"
    if font.lower().startswith("vni-"):
        return "vni"
    return None


class _Fonts:
    """The font of each run, from the run, its character style, its paragraph's style
    (following `basedOn`) or the document defaults."""

    def __init__(self, styles: Styles) -> None:
        self.styles = styles

    def _style(self, style: str | None) -> str | None:
        return next((found.font for found in self.styles.lineage(style) if found.font), None)

    def paragraph(self, style: str | None) -> str | None:
        """The font the runs of a paragraph in `style` (its w:pStyle) have unless they say
        otherwise."""
        return self._style(style or self.styles.normal) or self.styles.default_font

    def run(self, r, paragraph_font: str | None) -> str | None:
        return font_of(r) or self._style(_prop(r, _RPR, _RSTYLE)) or paragraph_font


@dataclass
class _Context:
    """What reading a paragraph needs beyond the paragraph itself."""

    numbering: Numbering
    fonts: _Fonts
