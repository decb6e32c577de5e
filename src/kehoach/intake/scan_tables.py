"""Ruled tables on a page image: their ruling lines, rows, columns and merged cells.

Ruling lines are what morphology finds best: an opening with a long thin kernel
keeps only ink that runs straight for that long (a horizontal or vertical line)
and drops the letters. Where horizontal and vertical lines form a frame of at
least two rows and two columns there is a table; the line positions give the
grid, and a cell border that is missing (a line broken over a merged cell)
joins the two cells it would have separated.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from kehoach.intake.scan_image import ink

_SAME_LINE = 12  # pixels: line pieces closer than this are one ruling line
_BORDER = 0.55  # share of a cell side that must be ruled for the side to count as a border


@dataclass(frozen=True)
class Layout:
    """One table's grid: row and column boundaries (pixels) and its cells.

    `cells` lists each (merged) cell once as (first row, first column, last row,
    last column), inclusive, in reading order."""

    ys: list[int]
    xs: list[int]
    cells: list[tuple[int, int, int, int]]

    @property
    def box(self) -> tuple[int, int, int, int]:
        """The table's frame (x0, y0, x1, y1)."""
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def cell_box(self, cell: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
        """A cell's frame (x0, y0, x1, y1) on the page."""
        r0, c0, r1, c1 = cell
        return self.xs[c0], self.ys[r0], self.xs[c1 + 1], self.ys[r1 + 1]


def ruling_lines(grey: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Masks of the horizontal and the vertical ruling lines (255 on 0)."""
    binary = ink(grey)
    h, w = binary.shape
    across = cv2.morphologyEx(
        binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (across_kernel(w), 1))
    )
    down = cv2.morphologyEx(
        binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, down_kernel(h)))
    )
    # bridge the small breaks a scan leaves in a printed line
    across = cv2.dilate(across, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 3)))
    down = cv2.dilate(down, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 9)))
    return across, down


def across_kernel(width: int) -> int:
    """The shortest run of ink that is a horizontal ruling line, in pixels."""
    return max(40, width // 30)


def down_kernel(height: int) -> int:
    """The shortest run of ink that is a vertical ruling line, in pixels."""
    return max(40, height // 45)


def find_tables(grey: np.ndarray) -> tuple[list[Layout], np.ndarray]:
    """The page's ruled tables, top to bottom, and the mask of all ruling lines."""
    across, down = ruling_lines(grey)
    frame = cv2.bitwise_or(across, down)
    h, w = grey.shape
    # 16-bit labels (three times quicker) when no more pieces of line than that fit on the
    # page: each holds a solid run of (kernel + 8) × 3 pixels, apart from the others
    least = (min(across_kernel(w), down_kernel(h)) + 9) * 4
    small = (h + 1) * (w + 1) // least < 65535
    count, _, stats, _ = cv2.connectedComponentsWithStats(
        frame, connectivity=8, ltype=cv2.CV_16U if small else cv2.CV_32S
    )
    tables: list[Layout] = []
    for i in range(1, count):
        x, y, bw, bh, _area = stats[i]
        if bw < w * 0.25 or bh < 40:
            continue
        layout = _grid(across[y : y + bh, x : x + bw], down[y : y + bh, x : x + bw], x, y)
        if layout is not None:
            tables.append(layout)
    tables.sort(key=lambda t: t.ys[0])
    return tables, frame


def _positions(mask: np.ndarray, axis: int, least: float) -> list[int]:
    """Where lines run along `axis` (0: horizontal lines, their y; 1: vertical, their x),
    keeping lines that cover at least `least` of the table's extent."""
    cover = (mask > 0).sum(axis=1 - axis) if axis == 0 else (mask > 0).sum(axis=0)
    extent = mask.shape[1] if axis == 0 else mask.shape[0]
    hits = np.nonzero(cover >= least * extent)[0]
    lines: list[list[int]] = []
    for p in hits:
        if lines and p - lines[-1][-1] <= _SAME_LINE:
            lines[-1].append(int(p))
        else:
            lines.append([int(p)])
    return [round(sum(run) / len(run)) for run in lines]


def _grid(across: np.ndarray, down: np.ndarray, x0: int, y0: int) -> Layout | None:
    ys = _positions(across, 0, 0.2)
    xs = _positions(down, 1, 0.2)
    if len(ys) < 2 or len(xs) < 3:  # a frame around text, or a lone rule, is not a table
        return None
    rows, cols = len(ys) - 1, len(xs) - 1
    parent = list(range(rows * cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(a: int, b: int) -> None:
        parent[find(a)] = find(b)

    for r in range(rows):
        for c in range(cols):
            if c + 1 < cols and not _ruled(down, xs[c + 1], ys[r], ys[r + 1], vertical=True):
                join(r * cols + c, r * cols + c + 1)
            if r + 1 < rows and not _ruled(across, ys[r + 1], xs[c], xs[c + 1], vertical=False):
                join(r * cols + c, (r + 1) * cols + c)
    groups: dict[int, list[tuple[int, int]]] = {}
    for r in range(rows):
        for c in range(cols):
            groups.setdefault(find(r * cols + c), []).append((r, c))
    cells = []
    for members in groups.values():
        rs = [r for r, _ in members]
        cs = [c for _, c in members]
        cells.append((min(rs), min(cs), max(rs), max(cs)))
    cells.sort()
    return Layout(ys=[int(y + y0) for y in ys], xs=[int(x + x0) for x in xs], cells=cells)


def _ruled(mask: np.ndarray, at: int, start: int, end: int, *, vertical: bool) -> bool:
    """Whether a cell side at `at`, from `start` to `end`, is mostly drawn."""
    inset = max(2, (end - start) // 10)  # the corners belong to the crossing lines
    lo, hi = start + inset, end - inset
    if hi <= lo:
        return True
    band = (
        mask[lo:hi, max(0, at - 4) : at + 5] if vertical else mask[max(0, at - 4) : at + 5, lo:hi]
    )
    drawn = (band > 0).any(axis=1 if vertical else 0)
    return bool(drawn.mean() >= _BORDER)
