"""Roman numerals of I strokes counted on the picture (no OCR: marks drawn here)."""

from __future__ import annotations

import cv2
import numpy as np

from kehoach.intake.scan_numerals import numeral_strokes, quarter_numeral, roman_mark

HEIGHT = 26  # a capital's height at 200 dpi in 14 pt type


def _page(width: int) -> np.ndarray:
    return np.full((HEIGHT + 16, width), 238, np.uint8)


def _serifed_i(page: np.ndarray, x: int) -> int:
    """A serifed capital I from x (its serifs 11 pixels wide); where the next glyph may start
    with the serifs touching."""
    top, bottom = 8, 8 + HEIGHT
    cv2.rectangle(page, (x + 4, top), (x + 6, bottom), 30, -1)
    for y in (top, bottom - 2):
        cv2.rectangle(page, (x, y), (x + 10, y + 1), 30, -1)
    return x + 11


def _slash(page: np.ndarray, x: int) -> int:
    cv2.line(page, (x, 8 + HEIGHT + 2), (x + 10, 6), 30, 3)
    return x + 14


def _vee(page: np.ndarray, x: int) -> int:
    cv2.line(page, (x, 8), (x + 8, 8 + HEIGHT), 30, 3)
    cv2.line(page, (x + 8, 8 + HEIGHT), (x + 16, 8), 30, 2)
    return x + 18


def _tee(page: np.ndarray, x: int) -> int:
    cv2.rectangle(page, (x, 8), (x + 16, 10), 30, -1)
    cv2.rectangle(page, (x + 7, 8), (x + 9, 8 + HEIGHT), 30, -1)
    cv2.rectangle(page, (x + 4, 6 + HEIGHT), (x + 12, 7 + HEIGHT), 30, -1)
    return x + 19


def _year(page: np.ndarray, x: int) -> None:
    cv2.putText(page, "2026", (x, 8 + HEIGHT), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 30, 2)


def _numeral(strokes: int, *, year: bool = False, vee: bool = False) -> np.ndarray:
    """I's side by side (serifs touching, as Times sets them), a V, `/2026`; blurred as a
    scan blurs print, so a stroke's edge columns are only partly inked."""
    page = _page(160)
    x = 6
    for _ in range(strokes):
        x = _serifed_i(page, x)
    if vee:
        x = _vee(page, x)
    if year:
        _year(page, _slash(page, x + 2))
    return cv2.GaussianBlur(page, (3, 3), 0.8)


def test_the_i_strokes_before_a_slash_are_counted() -> None:
    assert numeral_strokes(_numeral(3, year=True)) == 3
    assert numeral_strokes(_numeral(2, year=True)) == 2
    assert numeral_strokes(_numeral(1, year=True)) == 1
    assert numeral_strokes(_numeral(1, vee=True, year=True)) == 1  # IV: the V is no stroke


def test_a_group_numeral_read_an_i_short_or_as_an_h_is_counted_again() -> None:
    three = _numeral(3)
    assert roman_mark("II", three) == "III"
    assert roman_mark("HH", three) == "III"
    assert roman_mark("H", _numeral(2)) == "II"
    assert roman_mark("VI", _numeral(1, vee=True)) == "VI"  # a numeral with a V: as read


def test_a_header_of_two_tees_is_no_numeral_of_two_strokes() -> None:
    page = _page(60)
    _tee(page, _tee(page, 4) + 2)
    assert roman_mark("I", cv2.GaussianBlur(page, (3, 3), 0.8)) == "I"


def test_a_quarters_numeral_before_its_year_is_counted() -> None:
    assert quarter_numeral("IH/2026", _numeral(3, year=True)) == "III/2026"
    assert quarter_numeral("II/2026", _numeral(3, year=True)) == "III/2026"
    assert quarter_numeral("I//2026", _numeral(2, year=True)) == "II/2026"
    assert quarter_numeral("IV/2026", _numeral(1, vee=True, year=True)) == "IV/2026"


def test_digits_before_a_year_are_a_quarter_only_after_its_word() -> None:
    two = _numeral(2, year=True)
    assert quarter_numeral("11/2026", two, after="Quý") == "II/2026"
    assert quarter_numeral("11/2026", two, after="tháng") == "11/2026"  # November
