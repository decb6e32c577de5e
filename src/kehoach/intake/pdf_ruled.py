"""Tables drawn with ruling lines: the lines snapped and joined, their crossings found, each
cell the smallest rectangle closed by lines, cells that share corners one table, and each
word put in the cell its middle falls in. A merged cell (spanning rows or columns) repeats
its text in every grid position it covers, marked as a span."""

from __future__ import annotations

import re
from bisect import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kehoach.intake.pdf_columns import Grid, wrap_hyphen
from kehoach.text.normalize import nfc

if TYPE_CHECKING:
    from kehoach.intake.pdf_page import Word

_SNAP = 3.0  # lines this close are the same line
_JOIN = 3.0  # collinear pieces with a gap this small are one line

Box = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass
class RuledTable:
    """A table found on a page: its outline and its cells (boxes) in the grid."""

    bbox: Box
    xs: list[float]  # column boundaries, left to right
    ys: list[float]  # row boundaries, top to bottom
    cells: list[Box]


def _cluster(values: list[float]) -> dict[float, float]:
    """Each value mapped to the mean of its run of values no more than `_SNAP` apart."""
    out: dict[float, float] = {}
    run: list[float] = []
    for v in sorted(set(values)):
        if run and v - run[-1] > _SNAP:
            mean = sum(run) / len(run)
            out.update(dict.fromkeys(run, mean))
            run = []
        run.append(v)
    if run:
        mean = sum(run) / len(run)
        out.update(dict.fromkeys(run, mean))
    return out


def _merge(segments: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """(position, start, end) pieces on the same position joined where they touch."""
    out: list[tuple[float, float, float]] = []
    for pos, a, b in sorted(segments):
        if out and out[-1][0] == pos and a <= out[-1][2] + _JOIN:
            out[-1] = (pos, out[-1][1], max(out[-1][2], b))
        else:
            out.append((pos, a, b))
    return out


def find_tables(rulings: list[Box]) -> list[RuledTable]:
    """The tables the ruling lines of a page draw (largest structures first found)."""
    hs = [(r[1], r[0], r[2]) for r in rulings if r[1] == r[3]]
    vs = [(r[0], r[1], r[3]) for r in rulings if r[0] == r[2]]
    if not hs or not vs:
        return []
    ys, xs = _cluster([h[0] for h in hs]), _cluster([v[0] for v in vs])
    hs = _merge([(ys[y], a, b) for y, a, b in hs])
    vs = _merge([(xs[x], a, b) for x, a, b in vs])
    points: dict[tuple[float, float], tuple[int, int]] = {}
    for hi, (y, hx0, hx1) in enumerate(hs):
        for vi, (x, vy0, vy1) in enumerate(vs):
            if hx0 - _SNAP <= x <= hx1 + _SNAP and vy0 - _SNAP <= y <= vy1 + _SNAP:
                points[x, y] = (hi, vi)
    cells = _cells(points)
    return [_table(group) for group in _groups(cells)]


def _cells(points: dict[tuple[float, float], tuple[int, int]]) -> list[Box]:
    """From each crossing, the smallest rectangle whose four sides are drawn."""
    by_h: dict[int, list[float]] = {}
    by_v: dict[int, list[float]] = {}
    for (x, y), (hi, vi) in points.items():
        by_h.setdefault(hi, []).append(x)
        by_v.setdefault(vi, []).append(y)
    for v in (*by_h.values(), *by_v.values()):
        v.sort()
    cells: list[Box] = []
    for (x, y), (hi, vi) in sorted(points.items(), key=lambda it: (it[0][1], it[0][0])):
        found = None
        for y2 in (yy for yy in by_v[vi] if yy > y):
            below = points[x, y2][0]
            for x2 in (xx for xx in by_h[hi] if xx > x):
                corner = points.get((x2, y2))
                if corner and corner[0] == below and corner[1] == points[x2, y][1]:
                    found = (x, y, x2, y2)
                    break
            if found:
                break
        if found:
            cells.append(found)
    return cells


def _groups(cells: list[Box]) -> list[list[Box]]:
    """Cells that share a corner belong to the same table."""
    parent = list(range(len(cells)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[float, float], int] = {}
    for i, (x0, y0, x1, y1) in enumerate(cells):
        for corner in ((x0, y0), (x1, y0), (x0, y1), (x1, y1)):
            j = owner.setdefault(corner, i)
            parent[root(i)] = root(j)
    groups: dict[int, list[Box]] = {}
    for i, cell in enumerate(cells):
        groups.setdefault(root(i), []).append(cell)
    return sorted(groups.values(), key=lambda g: (min(c[1] for c in g), min(c[0] for c in g)))


def _table(cells: list[Box]) -> RuledTable:
    xs = sorted({c[0] for c in cells} | {c[2] for c in cells})
    ys = sorted({c[1] for c in cells} | {c[3] for c in cells})
    bbox = (xs[0], ys[0], xs[-1], ys[-1])
    return RuledTable(bbox=bbox, xs=xs, ys=ys, cells=cells)


def words_inside(words: list, box: Box) -> list:
    """The words whose middle lies in the box."""
    x0, top, x1, bottom = box
    return [
        w
        for w in words
        if x0 <= (w.x0 + w.x1) / 2 <= x1 and top <= (w.top + w.bottom) / 2 <= bottom
    ]


def cell_text(words: list, box: Box | None = None) -> str:
    """A cell's words: lines top to bottom, words left to right, a wrapped line joined with
    a space, or with nothing after a hyphen that ends it (`80-` + `NQ/TW`) or inside a word
    or number the cell was too narrow for (`UBMT` + `TQ`, `30/11/2` + `026`: `_broken_word`).
    A line the next one's first word would have fitted on was ended, not wrapped: the cell's
    paragraphs (an agency a line, as the Word file typed them) stay apart by a line break,
    as the Word reader gives them."""
    from kehoach.intake.pdf_lines import group_lines

    out = ""
    lines = [line for _, line in group_lines(words)]
    width = _text_width(lines, box) if box is not None else None
    above = None  # the words of the line before
    for line in lines:
        text = " ".join(w.text for w in line)
        if out and not (
            (wrap_hyphen(out) and text[:1].isalnum())
            or (box is not None and above is not None and _broken_word(above, line[0], box))
        ):
            ended = width is not None and above is not None and _ended(above, line[0], width)
            out += "\n" if ended else " "
        out += text
        above = line
    return nfc(out).strip()


def _text_width(lines: list[list], box: Box) -> float | None:
    """The width a cell's text may fill: the cell's, less the room its widest line keeps
    from the cell's left edge on either side (the cell's margins; more where the lines are
    centred, so the width is never overstated)."""
    if not lines:
        return None
    widest = max(lines, key=lambda ln: ln[-1].x1 - ln[0].x0)
    margin = max(0.0, widest[0].x0 - box[0])
    return box[2] - box[0] - 2 * margin


def _ended(above: list, first: Word, width: float) -> bool:
    """Whether the line `above` was ended before its room ran out: the next line's first
    word and a space (a letter's width) would have fitted after it, with a point to spare."""
    used = above[-1].x1 - above[0].x0
    glyph = (first.x1 - first.x0) / max(1, len(first.text))
    return width - used >= (first.x1 - first.x0) + glyph + _SPARE


_SPARE = 1.0  # points: room a word must have beyond its own width to count as fitting


_NUMBER_END = re.compile(r"\d[\d/.,]*$")
_WIDE_LETTER = 1.25  # a line's first letter (`M`, `Đ`) may be this much wider than its word's mean


def _broken_word(above: list, first: Word, box: Box) -> bool:
    """Whether a word, number or code wider than its cell was broken where the line ran out,
    as Word breaks what does not fit a cell's width (`Ngày 23/11/2` over `026`, `UBMT` over
    `TQ`, `phườ` over `ng`): the line before is that one piece, with no room left on its right
    for the next line's first character (the left margin the text keeps from the cell's edge
    allowed on the right too), and the two pieces make one: digits going on after a digit,
    or letters that make a syllable one of the pieces is not, or an abbreviation in capitals
    of two pieces neither of which is a syllable (`UBND` over `TỈNH` are two words). A word
    moved down whole at a space leaves room, or is a word of its own."""
    if len(above) != 1:
        return False
    piece = above[0]
    margin = max(0.0, piece.x0 - box[0])
    room = box[2] - margin - piece.x1
    glyph = (first.x1 - first.x0) / max(1, len(first.text))
    if room >= _WIDE_LETTER * glyph:
        return False
    if _NUMBER_END.search(piece.text) and first.text[:1].isdigit():
        return True
    return _one_word(piece.text, first.text.split()[0] if first.text.split() else "")


def _one_word(head: str, tail: str) -> bool:
    """Whether letters broken over two lines (`head` then `tail`) are one word."""
    from kehoach.text.syllables import is_valid_syllable

    if not (head.isalpha() and tail.rstrip(".,;:)").isalpha()):
        return False
    tail = tail.rstrip(".,;:)")
    if is_valid_syllable(head + tail) and not (is_valid_syllable(head) and is_valid_syllable(tail)):
        return True
    return (
        head.isupper()
        and tail.isupper()
        and not is_valid_syllable(head)
        and not is_valid_syllable(tail)
    )


def grid(table: RuledTable, words: list, page_number: int) -> Grid:
    """The table's rows of cell texts; grid positions covered by a merged cell repeat it."""
    col = {x: i for i, x in enumerate(table.xs)}
    row = {y: i for i, y in enumerate(table.ys)}
    width, height = len(table.xs) - 1, len(table.ys) - 1
    rows = [[""] * width for _ in range(height)]
    spans = [[False] * width for _ in range(height)]
    owner: dict[tuple[int, int], int] = {}
    for k, cell in enumerate(table.cells):
        for r in range(row[cell[1]], row[cell[3]]):
            for c in range(col[cell[0]], col[cell[2]]):
                owner.setdefault((r, c), k)
    held: list[list] = [[] for _ in table.cells]
    for w in words:  # the grid position of the word's middle, then the cell covering it
        c = bisect(table.xs, (w.x0 + w.x1) / 2) - 1
        r = bisect(table.ys, (w.top + w.bottom) / 2) - 1
        k = owner.get((r, c), -1)
        if k >= 0:
            held[k].append(w)
    for cell, ws in zip(table.cells, held, strict=True):
        text = cell_text(ws, cell)
        c0, c1, r0, r1 = col[cell[0]], col[cell[2]], row[cell[1]], row[cell[3]]
        for r in range(r0, r1):
            for c in range(c0, c1):
                rows[r][c] = text
                spans[r][c] = (r, c) != (r0, c0) and bool(text)
    keep = [r for r in range(height) if _drawn(table, r)]
    owners = [[owner.get((r, c), -1) for c in range(width)] for r in keep]
    return Grid(
        rows=[rows[r] for r in keep],
        spans=[spans[r] for r in keep],
        page=page_number,
        owners=owners,
    )


def _drawn(table: RuledTable, r: int) -> bool:
    """A grid row that some cell starts on (boundaries only a neighbour's cell has are
    not rows of their own)."""
    top = table.ys[r]
    return any(c[1] == top for c in table.cells)
