"""Tables drawn without ruling lines on a PDF page: columns found from the gutters that
every line of a run keeps empty, rows from the bands of space between them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from kehoach.intake.pdf_lines import line_bottom
from kehoach.text.normalize import fold, nfc

if TYPE_CHECKING:  # the scan reader uses Grid without loading pdfium
    from collections.abc import Callable

    from kehoach.intake.pdf_page import Word

_WRAP_HYPHEN = re.compile(r"\w-$")


def wrap_hyphen(text: str) -> bool:
    """Whether the text ends in a hyphen after a letter (`80-`): a word wrapped there.
    Only its last three characters are searched (`$` may stand before a final newline):
    searching a long paragraph from its start would try the pattern at each character."""
    return _WRAP_HYPHEN.search(text[-3:]) is not None


_COLUMN_GAP = 10.0  # wider than word spacing: the gutter between columns of a table
_FAR = 1e6  # beyond any page edge


@dataclass
class Grid:
    """A table being assembled, possibly across pages."""

    rows: list[list[str]]
    spans: list[list[bool]]
    page: int
    ends_page: bool = False
    # which drawn cell covers each position (the same number across rows: one merged cell),
    # when the table was drawn with ruling lines; None otherwise
    owners: list[list[int]] | None = None

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0


def _segments(words: list[Word]) -> list[tuple[float, float, str]]:
    """A line cut into column pieces at gaps wider than word spacing."""
    segs: list[tuple[float, float, str]] = []
    texts: list[str] = []  # the words of the piece being gathered
    x0 = x1 = 0.0
    for w in words:
        if texts and w.x0 - x1 <= _COLUMN_GAP:
            texts.append(w.text)
        else:
            if texts:
                segs.append((x0, x1, " ".join(texts)))
            x0, texts = w.x0, [w.text]
        x1 = w.x1
    if texts:
        segs.append((x0, x1, " ".join(texts)))
    return segs


def _narrow(gaps: list[list[float]], segs) -> list[list[float]] | None:
    """The column gaps shrunk (or split, for a column first seen here) by a line's pieces;
    None when a piece crosses a gap."""
    out = [list(g) for g in gaps]
    for x0, x1, _ in segs:
        for k, gap in enumerate(out):
            if x1 <= gap[0] or x0 >= gap[1]:
                continue
            if x0 <= gap[0] and x1 >= gap[1]:
                return None
            if x0 > gap[0] and x1 < gap[1]:  # a column the first line left empty
                if min(x0 - gap[0], gap[1] - x1) < _COLUMN_GAP:
                    return None
                out[k : k + 1] = [[gap[0], x0], [x1, gap[1]]]
                break
            if x0 <= gap[0]:
                gap[0] = x1
            else:
                gap[1] = x0
    return out


def _spanning(segs, gaps, after_span: bool) -> bool:
    """A group row (`II  Title across the columns`) or the wrapped rest of its title."""
    if len(segs) == 2 and len(segs[0][2]) <= 6 and segs[0][1] <= gaps[1][1]:
        return True
    return after_span and len(segs) == 1 and segs[0][0] >= gaps[1][0]


def borderless_tables(lines, page_number: int) -> list[tuple[int, int, Grid]]:
    """Tables drawn without ruling lines: runs of lines whose pieces stay in the same columns
    (at least three columns, three lines using them). Returns (first, end, grid) by line."""
    segs = [_segments(words) for _, words in lines]
    found: list[tuple[int, int, Grid]] = []
    i = 0
    while i < len(lines):
        if len(segs[i]) < 3:
            i += 1
            continue
        # the gutters between the first line's pieces, and open space on either side of it
        gaps = [[-_FAR, segs[i][0][0]], *([a[1], b[0]] for a, b in pairwise(segs[i]))]
        gaps.append([segs[i][-1][1], _FAR])
        end, wide, spans = i + 1, 1, set()
        height = line_bottom(lines[i][1]) - lines[i][0]
        while end < len(lines):
            if lines[end][0] - line_bottom(lines[end - 1][1]) > 2 * height:
                break  # a paragraph's worth of space: the table has ended
            narrowed = _narrow(gaps, segs[end])
            if narrowed is not None:
                gaps = narrowed
                wide += len(segs[end]) >= 3
            elif _spanning(segs[end], gaps, end - 1 in spans):
                spans.add(end)
            else:
                break
            end += 1
        if wide >= 3:
            # a first line of taller cells can sit just above the line that started the run
            while i > 0 and lines[i][0] - lines[i - 1][0] < 0.8 * height:
                narrowed = _narrow(gaps, segs[i - 1])
                if narrowed is None or (found and found[-1][1] >= i):
                    break
                gaps, i = narrowed, i - 1
            rows = [(lines[j], j in spans, segs[j]) for j in range(i, end)]
            found.append((i, end, _grid_from_columns(rows, gaps, page_number)))
            i = end
        else:
            i += 1
    return found


def _grid_from_columns(lines, gaps, page_number: int) -> Grid:
    """Rows of a borderless table: a band of empty space across all columns, or a second
    text in the first column, starts a row (so cells centred vertically work too); a group
    row's title is repeated across the columns, as a merged cell is."""
    gaps = [g for g in gaps if g[0] > -_FAR and g[1] < _FAR]
    bounds = [(g[0] + g[1]) / 2 for g in gaps]
    heights = sorted(line_bottom(ws) - top for (top, ws), _, _ in lines)
    band = max(2.5, 0.3 * heights[len(heights) // 2])  # more than the space between lines
    rows: list[list[str]] = []
    spans: list[list[bool]] = []
    row_bottom = None
    for (top, words), spanning, segs in lines:
        new_row = row_bottom is None or top - row_bottom > band
        bottom = line_bottom(words)
        row_bottom = bottom if new_row or row_bottom is None else max(row_bottom, bottom)
        cells = [""] * (len(bounds) + 1)
        if spanning:
            head = segs[0][2] if len(segs) == 2 else ""
            cells = [head] + [segs[-1][2]] * len(bounds)
        else:
            for x0, x1, text in segs:
                col = sum(1 for b in bounds if (x0 + x1) / 2 > b)
                cells[col] = f"{cells[col]} {text}".strip()
        if not rows or new_row or (cells[0] and rows[-1][0]):
            rows.append(cells)
            spans.append([False, False] + [spanning] * (len(bounds) - 1))
            continue
        for c, piece in enumerate(cells):  # a wrapped line continues the row's cells
            if piece and not (spanning and c > 1):
                last = rows[-1][c]
                joiner = "" if wrap_hyphen(last) else " "
                rows[-1][c] = f"{last}{joiner}{piece}" if last else piece
        if spans[-1][-1]:  # keep a group title's copies equal to it
            rows[-1][2:] = [rows[-1][1]] * (len(bounds) - 1)
    rows = [[nfc(c) for c in r] for r in rows]
    return Grid(rows=rows, spans=spans, page=page_number)


def _same_row(a: list[str], b: list[str]) -> bool:
    return [fold(x) for x in a] == [fold(x) for x in b]


def continue_grid(
    grid: Grid, more: Grid, same_row: Callable[[list[str], list[str]], bool] | None = None
) -> None:
    """Append a table's continuation from the next page onto `grid`: the header repeated on
    the new page dropped (rows equal by `same_row`; a scan's reader passes a fuzzy one), the
    rest of a row cut by the page break (no row number) joined to that row."""
    same = same_row or _same_row
    rows, spans = list(more.rows), list(more.spans)
    owners = list(more.owners) if more.owners is not None else None
    for k in range(min(3, len(grid.rows), len(rows)), 0, -1):
        if all(same(grid.rows[i], rows[i]) for i in range(k)):
            rows, spans = rows[k:], spans[k:]  # the header, repeated on the new page
            owners = owners[k:] if owners is not None else None
            break
    if owners is not None and grid.rows:
        _carry_merged_cells(grid, rows, spans, owners)
    if rows and grid.rows and not rows[0][0].strip() and any(c.strip() for c in rows[0]):
        last = grid.rows[-1]
        for c, piece in enumerate(rows[0]):  # the rest of a row split by the page break
            if piece and not spans[0][c]:
                joiner = "" if wrap_hyphen(last[c]) else " "
                last[c] = f"{last[c]}{joiner}{piece}".strip() if last[c] else piece
        rows, spans = rows[1:], spans[1:]
    grid.rows.extend(rows)
    grid.spans.extend(spans)
    grid.ends_page = more.ends_page


def _carry_merged_cells(
    grid: Grid, rows: list[list[str]], spans: list[list[bool]], owners: list[list[int]]
) -> None:
    """A cell merged down over rows that the page break cut prints its text on the first
    page only: the blank cell that opens the next page's rows in that column, merged over
    several of them (or following a merged cell that ran to the foot of the page), takes the
    text for every row it covers, as the Word reader repeats a merged cell's text."""
    last, last_spans = grid.rows[-1], grid.spans[-1]
    for c, text in enumerate(last):
        if not rows or c >= len(rows[0]) or rows[0][c].strip() or not text.strip():
            continue
        covered = 0
        while covered < len(rows) and owners[covered][c] == owners[0][c] >= 0:
            covered += 1
        if covered < 2 and not (c < len(last_spans) and last_spans[c]):
            continue
        for r in range(covered):
            rows[r][c] = text
            spans[r][c] = True
