"""Words on a PDF page grouped into lines of text, left to right and top to bottom."""

from __future__ import annotations

from itertools import pairwise
from operator import attrgetter

from kehoach.intake.pdf_page import Word
from kehoach.text.normalize import nfc

GAP = 24.0  # points of empty space that split a line into parts (two-column headings)


def group_lines(words: list[Word]) -> list[tuple[float, list[Word]]]:
    """Words grouped into lines by vertical overlap with the line's mean box (a raised
    footnote mark stays on its line; a heading beside two lines does not chain them into
    one), each line's words left to right; lines top to bottom as (top, words)."""
    ordered = sorted(words, key=attrgetter("top", "x0"))
    lines: list[list] = []
    boxes: list[list[float]] = []  # each line's sum of tops, sum of bottoms, word count
    for w in ordered:
        top, bottom = w.top, w.bottom
        for i in range(len(lines) - 1, max(len(lines) - 4, -1), -1):
            tops, bottoms, n = boxes[i]
            mean_top, mean_bottom = tops / n, bottoms / n
            overlap = min(mean_bottom, bottom) - max(mean_top, top)
            if overlap >= 0.4 * min(mean_bottom - mean_top, bottom - top):
                lines[i].append(w)
                boxes[i] = [tops + top, bottoms + bottom, n + 1]
                break
        else:
            lines.append([w])
            boxes.append([top, bottom, 1])
    by_x = attrgetter("x0")
    out = [(min(w.top for w in line), sorted(line, key=by_x)) for line in lines]
    return sorted(out, key=lambda it: it[0])


def line_text(words: list[Word]) -> str:
    """A line's words; a wide gap (two columns of a heading) becomes two spaces."""
    text = words[0].text
    for prev, w in pairwise(words):
        text += ("  " if w.x0 - prev.x1 > GAP else " ") + w.text
    return nfc(text).strip()
