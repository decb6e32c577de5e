"""Target tables turned on their side: a row for each year, a column for each indicator.

A plan may print its yearly targets with the years down the side (`Ước thực hiện năm 2025`,
`Năm 2026`, …, `Năm 2030`, a row each, perhaps numbered) and its indicators across the top,
each heading naming its unit (`Tổng lượt khách (triệu lượt)`, `Tỷ lệ … (%)`; or a row of units
under the headings, `ĐVT | triệu lượt | %`), often under merged headings that group them
(`Du lịch`, `Di sản văn hóa`). That is the ordinary target table (`TT | Chỉ tiêu | Đơn vị tính |
Năm 2026 | … | Năm 2030`, a row for each indicator) with rows and columns swapped.

`upright` turns it back into that ordinary table, so that the target-table reader
(`tables.py`) reads it as any other: each indicator is one target, its heading as printed its
text (the group's heading over it is no part of it), the unit its heading names in brackets
(the first of several: `(lễ hội, lũy kế)` counts festivals), a number for each year as the
reader gives one for each year's column (the document's own year on; an earlier year's row, the
baseline, gives none), a `-` none. The years' labels become the columns' headings as printed.

A table is taken for one only when all of this holds: a column (the first, or the one after a
numbering column) holds a year or a whole period (`Cả giai đoạn`) in every row below the
headings; every other column holds numbers in those rows, or nothing, or is headed as notes or
as agencies (`Ghi chú`, `Cơ quan theo dõi`: left out); and the table speaks of targets — its
headings, the lines just before it or the headings of the sections it stands in name them
(data/lexicon.toml `targets.objective_headings`: `Chỉ tiêu`, `Mục tiêu`). A schedule (`Thời
gian | Nội dung | …`) has words in its other columns; a year's budget lines stand outside the
objectives. Works on `Table` blocks, so on text pipe and tab tables, Word tables (merged
headings repeated) and PDF tables alike.
"""

from __future__ import annotations

import re
from functools import cache

from kehoach.extract.tables import (
    _period_total,
    _value_cell_re,
    column_role,
    grid,
    is_column_numbers,
)
from kehoach.extract.targets import _known_unit
from kehoach.intake.document import Table
from kehoach.text import lexicon
from kehoach.text.normalize import clean, fold

_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_NUMBERING = re.compile(r"^(?:\d{1,3}\.?|[IVX]{1,5}\.?|[a-zđ]\))$")
_PERIOD_MAX = 40  # characters: a year's label (`Ước thực hiện năm 2025`), not a sentence
_BRACKET = re.compile(r"\(([^()]*)\)\s*$")  # a heading's closing brackets: its unit
# the columns an indicator's heading leaves out when their cells hold words, not numbers
_SIDE_ROLES = ("ignore", "lead", "coordinating", "directing", "time")


@cache
def _objective_re() -> re.Pattern[str]:
    return re.compile(r"\b" + lexicon.alternation("targets.objective_headings", fold_words=True))


@cache
def _unit_label_re() -> re.Pattern[str]:
    """`ĐVT:` before the unit inside a heading's brackets (`(ĐVT: triệu lượt)`)."""
    return re.compile(
        r"^" + lexicon.alternation("tables.unit_labels", fold_words=True) + r"\s*[:.]?\s*"
    )


def _blank(cell: str) -> bool:
    """A cell with nothing in it, or only a dash (`-`, `–`: no number for that year)."""
    return not any(ch.isalnum() for ch in cell)


def _period(cell: str) -> bool:
    """A row label that names a year (`Năm 2026`, `2027`, `Ước thực hiện năm 2025`) or the
    whole period (`Cả giai đoạn`)."""
    if not cell or len(cell) > _PERIOD_MAX:
        return False
    return bool(_YEAR.search(cell)) or _period_total(fold(cell))


def _unit(cell: str) -> str | None:
    """The unit a cell names and nothing else (`%`, `triệu lượt`, `(tỷ đồng)`, `ĐVT: %`), the
    first of several (`lễ hội, lũy kế`); None when it names none the lexicon knows."""
    inner = clean(cell.strip().removeprefix("(").removesuffix(")"))
    label = _unit_label_re().match(fold(inner))
    if label:
        inner = inner[label.end() :]
    first = inner.split(",")[0].strip()
    if first in ("%", "tỷ lệ %", "phần trăm"):
        return "%"
    # a known unit, perhaps counted in thousands or millions (`nghìn người`)
    magnitude, _, rest = first.partition(" ")
    counted = rest if magnitude.lower() in _magnitudes() else first
    return first if counted and _known_unit(counted) else None


@cache
def _magnitudes() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.mapping("targets.magnitudes"))


def heading_unit(heading: str) -> str | None:
    """The unit a heading names in its closing brackets (`Tổng lượt khách (triệu lượt)`)."""
    m = _BRACKET.search(heading)
    return _unit(m.group(1)) if m else None


def _side_column(rows: list[list[str]]) -> tuple[int, list[int]] | None:
    """(the column of the years, the rows it labels) of a table turned on its side: the first
    column, or the second after a numbering one, labelling two rows or more with a year, each
    row below the first of them labelled or left out (empty, numbering the columns, one note
    across the table)."""
    for side in (0, 1):
        labelled = [r for r, row in enumerate(rows) if _period(row[side])]
        if sum(bool(_YEAR.search(rows[r][side])) for r in labelled) < 2 or labelled[0] == 0:
            continue
        if side == 1 and not all(
            _blank(row[0]) or _NUMBERING.match(row[0]) for row in rows[labelled[0] :]
        ):
            continue
        rest = [r for r in range(labelled[0], len(rows)) if r not in labelled]
        if all(_left_out(rows[r]) for r in rest):
            return side, labelled
    return None


def _left_out(row: list[str]) -> bool:
    """A row below the years that is no year's: empty, numbering the columns, or one text
    across the table (a note, merged)."""
    filled = {c for c in row if not _blank(c)}
    return len(filled) <= 1 or is_column_numbers(row)


def _heading(head: list[list[str]], col: int) -> str:
    """A column's own heading: its lowest filled cell in the heading rows (under a group's
    heading, merged over several columns, the indicator's own)."""
    for row in reversed(head):
        if not _blank(row[col]):
            return row[col]
    return ""


def _unit_row(row: list[str], side: int) -> bool:
    """A heading row of units (`ĐVT | triệu lượt | % | …`): labelled so at its side, or with a
    unit and nothing else in each filled cell."""
    if any(column_role(fold(c)) == "unit" for c in row[: side + 1]):
        return True
    cells = [c for c in row[side + 1 :] if not _blank(c)]
    return bool(cells) and all(_unit(c) for c in cells)


def upright(table: Table, context: list[str] | tuple[str, ...] = ()) -> Table:
    """The table as the ordinary target table when it is one turned on its side (see the
    module's doc), else the table itself. `context`: the lines just before it and the
    headings of the sections it stands in."""
    if len(table.rows) < 3:
        return table
    rows = grid(table)
    width = len(rows[0])
    found = _side_column(rows)
    if found is None:
        return table
    side, labelled = found
    head = [r for r in rows[: labelled[0]] if not is_column_numbers(r)]
    units = [r for r in head if _unit_row(r, side)]
    titles = [r for r in head if r not in units]
    if not titles:
        return table
    indicators: list[tuple[int, str, str]] = []
    for col in range(side + 1, width):
        heading = _heading(titles, col)
        filled = [rows[r][col] for r in labelled if not _blank(rows[r][col])]
        numbers = [c for c in filled if _value_cell_re().match(c)]
        if heading and numbers and len(numbers) * 5 >= len(filled) * 4:
            unit = next((u for row in units if (u := _unit(row[col]))), None)
            indicators.append((col, heading, unit or heading_unit(heading) or ""))
        elif filled and column_role(fold(heading)) not in _SIDE_ROLES:
            return table  # a column of words: a schedule, not targets
    said = [*context, *(" ".join(r) for r in head)]
    if not indicators or not any(_objective_re().search(fold(t)) for t in said):
        return table
    names = lexicon.mapping("tables.upright_columns")
    out = [[names["num"], names["text"], names["unit"], *(rows[r][side] for r in labelled)]]
    for n, (col, heading, unit) in enumerate(indicators, start=1):
        out.append([str(n), heading, unit, *(rows[r][col] for r in labelled)])
    return Table(rows=out, page=table.page)
