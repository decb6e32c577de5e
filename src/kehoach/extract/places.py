"""Target tables that give each place its own numbers: a row for each place, a column for each
indicator (and year).

A plan may hand its indicators down to the communes, wards or units that carry them out, in an
appendix of targets (`Chỉ tiêu … của các xã, phường`): a numbering column, a column of the
places (`Xã, phường`, `Địa phương`; data/lexicon.toml `tables.place_columns`), then a column for
each indicator, often split into its years under it (`Tỷ lệ … (%)` merged over `Năm 2026 |
Năm 2030`; as text, the merged heading's cells after its first left empty; from Word, repeated).

Each place's row is one numbered statement of the appendix, so one target: its text the
place's name as printed, a metric for each number of the row, its subject the indicator's
heading (without its unit in brackets) and the place (`Tỷ lệ hộ gia đình … (Xã A)`), its unit
the heading's in brackets (`(%)`) or the counted thing a `Số …` heading names (`Số câu lạc
bộ …`: `câu lạc bộ`), `by` the column's year when the table has more than one. A year before
the document's own is the baseline and gives no metric, as in any target table; so does a
cell with no number (`-`). A place's row never restates a statement of the body, however
alike a place's name and the statement's words read (`Xã Văn Hòa | 90` beside `90% xã có nhà
văn hóa`): its numbers are that place's alone (`TargetRow.allotted`).

A table is taken for one only when its place column is headed so, every other column holds
numbers in the rows below the headings, or nothing, or is headed as notes (`Ghi chú`: left
out), none is headed as a time (`Thời hạn | 2027`: when each place does its work), and the
table speaks of targets: its headings, the lines just before it or the headings of the
sections it stands in name them (`targets.objective_headings`: `Chỉ tiêu`, `Mục tiêu`).
Works on `Table` blocks, so on text tab and pipe tables, Word tables (merged headings
repeated) and PDF tables alike.
"""

from __future__ import annotations

import re
from functools import cache

from kehoach.extract.tables import cell_values, column_role, grid, is_column_numbers
from kehoach.extract.targets import TargetRow, counted_unit
from kehoach.extract.transposed import heading_unit
from kehoach.intake.document import Table
from kehoach.model import Metric
from kehoach.text import lexicon
from kehoach.text.normalize import fold

_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_NUMBERING = re.compile(r"^(?:\d{1,3}\.?|[IVX]{1,5}\.?|[a-zđ]\))$")
_BRACKET = re.compile(r"\s*\([^()]*\)\s*$")
_HEADING_ROWS = 3  # the most rows a heading runs over


@cache
def _objective_re() -> re.Pattern[str]:
    return re.compile(r"\b" + lexicon.alternation("targets.objective_headings", fold_words=True))


@cache
def _place_words() -> frozenset[str]:
    return lexicon.folded("tables.place_columns")


def _blank(cell: str) -> bool:
    """A cell with nothing in it, or only a dash (no number there)."""
    return not any(ch.isalnum() for ch in cell)


def _place_heading(cell: str) -> bool:
    return re.sub(r"\s*,\s*", ", ", fold(cell)).strip(" .:") in _place_words()


def _values_row(row: list[str], label: int) -> bool:
    """A row of a place and its numbers: the place named, a number in a cell after it, and
    words in one cell at most (a note)."""
    cells = [c for c in row[label + 1 :] if not _blank(c)]
    numbers = sum(bool(cell_values(c)) for c in cells)
    return not _blank(row[label]) and numbers >= 1 and len(cells) - numbers <= 1


def _layout(rows: list[list[str]]) -> tuple[int, int] | None:
    """(the place column, the first row under the headings); None when the table has no
    place column headed so over rows of numbers."""
    for label in (0, 1):
        for first in range(1, min(_HEADING_ROWS, len(rows) - 1) + 1):
            if not any(_place_heading(r[label]) for r in rows[:first]):
                continue
            if _values_row(rows[first], label) or (
                first + 1 < len(rows)
                and is_column_numbers(rows[first])
                and _values_row(rows[first + 1], label)
            ):
                numbered = all(_blank(r[0]) or _NUMBERING.match(r[0]) for r in rows[first:])
                return (label, first) if label == 0 or numbered else None
    return None


def _headings(head: list[list[str]], label: int, col: int) -> tuple[str, str]:
    """(the indicator's heading, the heading of the column under it) of a column: with two
    heading rows or more, the indicator's is the cell over it in the row above the lowest (a
    merged cell: the nearest filled cell on its left, no further than the place column; a
    row above that groups indicators) and the column's own the lowest row's; with one, or
    where the lowest row leaves the column empty (its heading merged down), the one filled
    cell heads both."""
    over = head[-2] if len(head) > 1 else head[0]
    top = next((over[c] for c in range(col, label, -1) if not _blank(over[c])), "")
    own = head[-1][col] if len(head) > 1 else ""
    if _blank(own):
        own = next((r[col] for r in reversed(head) if not _blank(r[col])), "")
        return own, own
    return top, own


def _unit_of(heading: str) -> str | None:
    """The unit of an indicator's numbers: in its closing brackets (`(%)`), or the thing a
    `Số …` heading counts when the lexicon knows it (`Số câu lạc bộ …`)."""
    unit = heading_unit(heading)
    if unit:
        return unit
    words = heading.split(maxsplit=1)
    return counted_unit(words[1]) if len(words) == 2 and fold(words[0]) == "so" else None


def place_targets(
    table: Table, context: list[str] | tuple[str, ...], doc_year: int | None
) -> list[TargetRow] | None:
    """The targets of a table that gives each place its numbers (see the module's doc), a
    row each; None when the table is no such table. `context`: the lines just before it and
    the headings of the sections it stands in."""
    if len(table.rows) < 3:
        return None
    rows = grid(table)
    width = len(rows[0])
    found = _layout(rows)
    if found is None:
        return None
    label, first = found
    head = [r for r in rows[:first] if not is_column_numbers(r)]
    body = [r for r in rows[first:] if not is_column_numbers(r) and any(not _blank(c) for c in r)]
    columns: list[tuple[int, str, int | None]] = []  # (column, indicator heading, year)
    for col in range(label + 1, width):
        indicator, own = _headings(head, label, col)
        filled = [r[col] for r in body if not _blank(r[col])]
        if column_role(fold(own)) == "ignore" or not filled:
            continue
        if not all(cell_values(c) for c in filled) or _blank(indicator):
            return None  # a column of words: no table of numbers
        if "time" in (column_role(fold(own)), column_role(fold(indicator))):
            return None  # `Thời hạn | 2027`: when each place does its work, no target
        years = _YEAR.findall(own) or _YEAR.findall(indicator)
        columns.append((col, indicator, int(years[-1]) if years else None))
    said = [*context, *(" ".join(r) for r in head)]
    if not columns or not any(_objective_re().search(fold(t)) for t in said):
        return None
    ahead = [c for c in columns if doc_year is None or c[2] is None or c[2] >= doc_year]
    dated = len({y for _, _, y in ahead if y}) > 1
    horizon = max((y for _, _, y in ahead if y), default=None)
    out: list[TargetRow] = []
    for row in body:
        place = row[label]
        if _blank(place):
            continue
        metrics = [
            Metric(
                value=v,
                unit=_unit_of(indicator),
                subject=f"{_BRACKET.sub('', indicator)} ({place})",
                by=year if dated else None,
            )
            for col, indicator, year in ahead
            for v in cell_values(row[col])
        ]
        if metrics:
            out.append(TargetRow(place, tuple(metrics), horizon, allotted=True))
    return out if len(out) >= 2 else None
