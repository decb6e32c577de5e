"""Words on a PDF page grouped into lines of text, left to right and top to bottom."""

from __future__ import annotations

from itertools import pairwise
from operator import attrgetter
from typing import TYPE_CHECKING

from kehoach.text.normalize import nfc

if TYPE_CHECKING:  # pdf_columns (which the scan reader uses) needs no pdfium
    from kehoach.intake.pdf_page import Word

GAP = 24.0  # points of empty space that split a line into parts (two-column headings)


def group_lines(words: list[Word]) -> list[tuple[float, list[Word]]]:
    """Words grouped into lines by vertical overlap with the line's mean box (a raised
    footnote mark stays on its line; a heading beside two lines does not chain them into
    one), each line's words left to right; lines top to bottom as (top, words)."""
    # Words come top to bottom, so a line's first word is its highest and lines are made in
    # the order of their tops. A word is tried against the last three lines, newest first.
    # Each line is [mean top, mean bottom, sum of tops, sum of bottoms, words]: a list, not
    # an object, as this runs for every word of every page and every table cell.
    lines: list[list] = []
    for w in sorted(words, key=_TOP_X0):
        top, bottom = w.top, w.bottom
        for line in lines[-1:-4:-1]:
            mean_top, mean_bottom = line[0], line[1]
            overlap = (bottom if bottom < mean_bottom else mean_bottom) - (
                top if top > mean_top else mean_top
            )
            height = mean_bottom - mean_top
            # ... or it stands on the baseline of the line's last word (boxes of one font
            # and size end alike below; a word without a mark above starts lower): a title
            # of the signature's column beside the smaller print of the recipients is not
            # cut where its line's mean box leans to a recipient's line
            if overlap >= 0.4 * (bottom - top if bottom - top < height else height) or (
                overlap > 0 and abs(bottom - line[4][-1].bottom) <= _SAME_BASE
            ):
                line[4].append(w)
                n = len(line[4])
                line[2] += top
                line[3] += bottom
                line[0], line[1] = line[2] / n, line[3] / n
                break
        else:
            lines.append([top, bottom, top, bottom, [w]])
    return [(line[4][0].top, sorted(line[4], key=_X0)) for line in lines]


_TOP_X0 = attrgetter("top", "x0")
_SAME_BASE = 0.3  # points: words whose boxes end this close below stand on one baseline
_X0 = attrgetter("x0")
_BOTTOM = attrgetter("bottom")


def line_bottom(words: list[Word]) -> float:
    """The lowest bottom of a line's words."""
    return max(map(_BOTTOM, words))


_STRETCHED = 3  # word gaps: this many, all wide and alike, are a justified line's spaces
_EVEN = 0.2  # how much a stretched line's gaps differ, as a share of the narrowest


def _stretched(words: list[Word], gaps: list[float]) -> bool:
    """Whether a line's word gaps are all wide and of one width: justification stretched
    every space of a line that a long word (an e-mail address, a link) left half empty;
    the gutter between two columns is one wide gap among word spaces."""
    if len(gaps) < _STRETCHED or sum(any(c.isalpha() for c in w.text) for w in words) < len(gaps):
        return False  # a row of cells such as the column numbers `(1) (2) (3)` is no sentence
    low = min(gaps)
    return low > GAP and max(gaps) - low <= _EVEN * low


def line_text(words: list[Word]) -> str:
    """A line's words; a wide gap (two columns of a heading) becomes two spaces, unless
    every gap of the line is as wide (a justified line stretched)."""
    gaps = [w.x0 - prev.x1 for prev, w in pairwise(words)]
    wide = GAP if not _stretched(words, gaps) else float("inf")
    parts = [words[0].text]
    for gap, w in zip(gaps, words[1:], strict=True):
        parts.append("  " if gap > wide else " ")
        parts.append(w.text)
    return nfc("".join(parts)).strip()
