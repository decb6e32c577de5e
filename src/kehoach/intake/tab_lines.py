"""Tab-separated tables copied out of Word with each line of a cell on a row of its own.

When an official breaks a line inside a cell (Enter or Shift+Enter), some exports write line
k of every multi-line cell of a row on the k-th text row of that table row, with the other
cells of that text row left empty: `4 → Biên soạn tài liệu …; tổ chức → Sở A → Sở B, Sở C`
then `  → chương trình … → (empty) → và Sở D`. Such a row goes on in the rows below it, whose
first cell (the row number) is empty; the heading may do the same (`Cơ quan` over `chủ
trì`).

They are read back into one row per numbered row, each cell's lines kept apart by line
breaks (as a .docx cell's paragraphs), so the readers of a cell's lines decide what a line
is (the rest of an agency's name, or a new agency). A row with an empty first cell joins
the numbered row (or group row, `II`) above it, unless it is a row of its own:

- a row that numbers the columns or sums one (`(1) | (2)`, `Tổng cộng`), as in
  `pipe_wrapped`, and any row after such a row or after an unnumbered one (under a first
  column of other words, `Quý I/2027`, an empty first cell is that cell merged downwards);
- a row whose text cell (the one after the number) opens a new item: an upper-case first
  letter, unless the text above ends on `:` or `;` (a list it introduces goes on). A
  cell's own next line goes on in lower case or with a list mark (`- Khu di tích …`).

The heading's own lines (each in lower case under a filled heading cell) join it with a
space: `Cơ quan chủ trì`."""

from __future__ import annotations

from kehoach.intake.pipe_wrapped import ROW_NUMBER, column_numbers, heading_goes_on, sums

_TEXT = 1  # the text column: the cell after the row number


def _cell(cells: list[str], i: int) -> str:
    return cells[i] if i < len(cells) else ""


def _join(row: list[str], more: list[str], joiner: str) -> list[str]:
    """Two rows cell by cell (the shorter one's missing cells empty)."""
    width = max(len(row), len(more))
    pairs = ((_cell(row, i), _cell(more, i)) for i in range(width))
    return [f"{a}{joiner}{b}" if a and b else a or b for a, b in pairs]


def _opens_item(above: str, text: str) -> bool:
    """Whether a text cell's line opens an item of its own rather than go on the one above."""
    return text[:1].isupper() and not above.rstrip().endswith((":", ";"))


def _goes_on(row: list[str], cells: list[str]) -> bool:
    return (
        not cells[0]
        and any(cells[1:])
        and not column_numbers(cells)
        and not sums(cells)
        and not _opens_item(_cell(row, _TEXT).rsplit("\n", 1)[-1], _cell(cells, _TEXT))
    )


def join_cell_lines(rows: list[list[str]]) -> list[list[str]]:
    """The rows of a tab table with each numbered row's cell lines joined (module doc)."""
    if len(rows) < 2:
        return rows
    heading = rows[0]
    k = 1
    while k < len(rows) and heading_goes_on(heading, rows[k]):
        heading = _join(heading, rows[k], " ")
        k += 1
    out = [heading]
    numbered = False  # the last row is a numbered one (or a group's), lines may go on it
    for cells in rows[k:]:
        if numbered and _goes_on(out[-1], cells):
            out[-1] = _join(out[-1], cells, "\n")
            continue
        out.append(cells)
        numbered = bool(ROW_NUMBER.match(cells[0]))
    return out
