"""The layout of an administrative document (Decree 30/2020/NĐ-CP) in python-docx: page,
fonts, the header table, body paragraphs, bordered tables, the signature table.

Measures follow the provinces' own reports: A4, margins 2 / 2 / 3 / 2 cm, Times New Roman
14 pt, justified body with a 1,27 cm first-line indent, 6 pt before each paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 12
CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY


def set_font(run_or_style, size: float | None = None) -> None:
    """Times New Roman for every script (Word picks eastAsia/cs fonts separately)."""
    font = run_or_style.font
    font.name = FONT
    if size:
        font.size = Pt(size)
    element = run_or_style.element if hasattr(run_or_style, "element") else run_or_style._element
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def setup(doc: DocxDocument) -> None:
    """A4 portrait, the decree's margins, Times New Roman 14 pt justified body."""
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    normal = doc.styles["Normal"]
    set_font(normal, BODY_PT)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after = Pt(6), Pt(0)
    fmt.line_spacing = 1.1
    page_numbers(section)


def page_numbers(section) -> None:
    """Page number at the top centre from the second page (the first page has none)."""
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = CENTER
    run = p.add_run()
    set_font(run, 13)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def landscape_section(doc: DocxDocument) -> None:
    """Start a new landscape page for the appendix's wide tables."""
    from docx.enum.section import WD_SECTION

    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(2), Cm(2)


def para(
    container,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    align=JUSTIFY,
    indent: bool = True,
    before: float | None = None,
    after: float | None = None,
) -> Paragraph:
    """One paragraph of a single run."""
    p = container.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    fmt.first_line_indent = Cm(1.27) if indent and align == JUSTIFY else Cm(0)
    if before is not None:
        fmt.space_before = Pt(before)
    if after is not None:
        fmt.space_after = Pt(after)
    if text:
        run = p.add_run(text)
        run.bold, run.italic = bold, italic
        set_font(run, size)
    return p


def short_rule(container, width_cm: float, box_cm: float) -> Paragraph:
    """The short horizontal line drawn under the issuer, the motto and the subject."""
    p = container.add_paragraph()
    fmt = p.paragraph_format
    side = max((box_cm - width_cm) / 2, 0)
    fmt.left_indent, fmt.right_indent = Cm(side), Cm(side)
    fmt.first_line_indent = Cm(0)
    fmt.space_before, fmt.space_after = Pt(0), Pt(4)
    fmt.line_spacing = Pt(2)
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(k), v)
    border.append(bottom)
    p._p.get_or_add_pPr().append(border)
    return p


def no_borders(table: Table) -> None:
    """A layout table: no lines (header and signature tables)."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def widths(table: Table, cms: Sequence[float]) -> None:
    """Fixed column widths (Word and LibreOffice both honour cell widths, not the grid)."""
    table.autofit = False
    for column, w in zip(table.columns, cms, strict=False):
        column.width = Cm(w)  # the grid, which LibreOffice follows
    for row in table.rows:
        for cell, w in zip(row.cells, cms, strict=False):
            cell.width = Cm(w)


def cell_lines(
    cell: _Cell,
    lines: Sequence[tuple[str, dict]],
) -> None:
    """Fill a cell with centred lines: (text, {"bold", "italic", "size"})."""
    first = True
    for text, style in lines:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        p.alignment = style.get("align", CENTER)
        fmt = p.paragraph_format
        fmt.first_line_indent = Cm(0)
        fmt.space_before = Pt(style.get("before", 0))
        fmt.space_after = Pt(0)
        fmt.line_spacing = 1.0
        if text:
            run = p.add_run(text)
            run.bold = style.get("bold", False)
            run.italic = style.get("italic", False)
            set_font(run, style.get("size", BODY_PT))


def grid_table(
    container,
    heading: Sequence[str],
    rows: Sequence[Sequence[str]],
    cms: Sequence[float],
    *,
    bold_rows: set[int] | None = None,
    left_columns: set[int] | None = None,
    group_heading: tuple[int, int, str] | None = None,
) -> Table:
    """A bordered statistics table: bold centred heading, body in 12 pt.

    `group_heading` (first, last, text) adds a heading row above `heading` with the columns
    first..last merged under `text` and the other columns merged down (two-row heading).
    """
    bold_rows = bold_rows or set()
    left_columns = left_columns if left_columns is not None else {1}
    extra = 1 if group_heading else 0
    table = container.add_table(rows=len(rows) + 1 + extra, cols=len(heading))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    head_style = {"bold": True, "size": TABLE_PT}
    if group_heading:
        first, last, text = group_heading
        for c, name in enumerate(heading):
            if first <= c <= last:
                cell_lines(table.cell(1, c), [(name, head_style)])
            else:
                merged = table.cell(0, c).merge(table.cell(1, c))
                cell_lines(merged, [(name, head_style)])
        top = table.cell(0, first).merge(table.cell(0, last))
        cell_lines(top, [(text, head_style)])
    else:
        for c, name in enumerate(heading):
            cell_lines(table.cell(0, c), [(name, head_style)])
    # row by row: `table.cell(r, c)` rebuilds the whole cell grid on every call (quadratic)
    for r, (row, values) in enumerate(zip(table.rows[1 + extra :], rows, strict=True)):
        for c, (cell, value) in enumerate(zip(row.cells, values, strict=False)):
            style = {
                "bold": r in bold_rows,
                "size": TABLE_PT,
                "align": JUSTIFY if c in left_columns else CENTER,
            }
            cell_lines(cell, [(value, style)])
    for r in range(1 + extra):
        mark_heading_row(table.rows[r])
    widths(table, cms)
    return table


def mark_heading_row(row) -> None:
    """Repeat the heading row on every page the table runs to."""
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)
