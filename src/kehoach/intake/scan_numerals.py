"""Roman numerals of I strokes, counted on the picture where Tesseract misreads them.

In a serifed face the I's of `III` stand so close that their serifs touch: Tesseract
reads the group one I short (`II`), two I's as an `H` (`IH/2026`), an I as the digit 1
(`I1/2026`), or a stroke as a second slash (`I//2026` for `II/2026`). The picture is
plain, though: each I is one upright stroke as tall as the numeral, and the slash, a
V's diagonal or a T's bar are not. So a group row's numeral (`III`) and a quarter's
numeral before its year (`quý III/2026`) are as many I's as upright strokes begin the
word's picture.
"""

from __future__ import annotations

import re

import cv2
import numpy as np

from kehoach.intake.scan_image import ink
from kehoach.text import lexicon
from kehoach.text.normalize import fold

_ROMAN = re.compile(r"^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})\.?$")
_LOOKALIKES = {"H": "II", "Ị": "I", "Í": "I", "Ì": "I", "Ỉ": "I", "L": "I", "|": "I"}
# A numeral before a year, as read (`III/2026`, `IH/2026`, `I1/2026`, `I//2026`); with
# digits alone (`11/2026`) it is a quarter's only after a quarter's word (else a month)
_NUMERAL_YEAR = re.compile(r"^(?P<num>[IHl1|]{1,4})[/\u2044]+(?P<year>(?:19|20)\d\d\W*)$")
_FULL = 0.8  # of the numeral's height: an upright stroke's column is inked this far
_PART = 0.5  # a column inked this far belongs to a stroke (its blurred edge)


def roman_mark(mark: str, crop: np.ndarray) -> str:
    """A lone mark (a group row's number) read as a Roman numeral where Tesseract misread
    one (`H` for II, `VIH` for VIII, `VỊ` for VI); a numeral of I's alone (`II`, `HH`)
    as many I's as its picture has upright strokes, when it is made of them alone (as
    wide at its head as at its foot: not `TT`); any other mark unchanged."""
    fixed = mark
    if not _ROMAN.match(mark):
        upper = mark.upper()
        lookalike = "".join(_LOOKALIKES.get(ch, ch) for ch in upper)
        if any(ch in _LOOKALIKES for ch in upper) and _ROMAN.match(lookalike):
            fixed = lookalike
    bars = fixed.rstrip(".")
    if bars and set(bars) <= set("IH") and _even(crop):
        strokes = numeral_strokes(crop)
        if strokes and strokes <= 3:
            return "I" * strokes + fixed[len(bars) :]
    return fixed


def quarter_numeral(word: str, crop: np.ndarray, after: str = "") -> str:
    """A word that is a numeral of I's before a year (`IH/2026`, `I//2026`; `11/2026` only
    after a quarter's word, `after`), written as its picture's upright strokes count
    (`III/2026`); else as read."""
    m = _NUMERAL_YEAR.match(word)
    if m is None or (m.group("num").isdigit() and fold(after) not in _quarter_words()):
        return word
    strokes = numeral_strokes(crop)
    if not strokes or strokes > 3:
        return word
    return "I" * strokes + "/" + m.group("year")


def has_quarter_numeral(text: str) -> bool:
    """Whether any word of `text` may be a numeral before a year (for `quarter_numeral`)."""
    return any(_NUMERAL_YEAR.match(w) for w in text.split())


def _quarter_words() -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon.words("ocr.quarter_words"))


def numeral_strokes(crop: np.ndarray) -> int | None:
    """How many upright strokes begin a word's picture (`III/2026`: 3, `IV`: 1), counted
    up to the first ink that is no upright stroke (a slash, a V's diagonal); None when it
    begins with none. The numeral's height is that of the first stroke, so a comma or a
    slash reaching lower or higher changes nothing."""
    strokes = _ink(crop)
    cols = np.nonzero(strokes.any(axis=0))[0]
    if len(cols) < 4:
        return None
    strokes = strokes[:, cols[0] :]
    first = strokes[:, : max(4, strokes.shape[0] // 3)].sum(axis=0)
    rows = np.nonzero(strokes[:, int(np.argmax(first))])[0]
    top, bottom = int(rows[0]), int(rows[-1]) + 1
    if bottom - top < 8:
        return None
    band = strokes[top:bottom]
    inked = band.sum(axis=0) / (bottom - top)
    third = (bottom - top) // 3
    middle = np.asarray(band[third : bottom - top - third].any(axis=0))
    count, col, width, end = 0, 0, band.shape[1], -1
    while col < width:
        if inked[col] >= _PART:
            end = col
            while end < width and inked[end] >= _PART:
                end += 1
            if inked[col:end].max() < _FULL:
                break  # a slanted stroke
            count, col = count + 1, end
            continue
        if middle[col] and count and col > end:
            break  # ink between the strokes' feet and heads (not a stroke's blurred edge): a slash
        col += 1
    return count or None


def _ink(crop: np.ndarray) -> np.ndarray:
    """The crop's ink without specks, True where inked."""
    return cv2.morphologyEx(ink(crop), cv2.MORPH_OPEN, np.ones((2, 2), np.uint8)) > 0


def _even(crop: np.ndarray) -> bool:
    """Whether a mark is as wide at its head as at its foot, as I's are (`TT` is wider at
    its head)."""
    strokes = _ink(crop)
    rows = np.nonzero(strokes.any(axis=1))[0]
    if len(rows) < 6:
        return False
    top, bottom = int(rows[0]), int(rows[-1]) + 1
    edge = (bottom - top) // 6
    head = int(strokes[top : top + edge].any(axis=0).sum())
    foot = int(strokes[bottom - edge : bottom].any(axis=0).sum())
    return bool(foot) and 2 / 3 <= head / foot <= 3 / 2
