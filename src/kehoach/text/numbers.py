"""Numbers in Vietnamese notation: `23.100` is 23100, `3,5` is 3.5, `01` is 1.

A dot groups thousands, so the digits after it come in threes. A dot followed by one or two
digits groups nothing: it is a decimal point, as English notation writes it and as OCR reads
a comma (`1.8%` for `1,8%`). In running text such a number is a quantity only before a
percent sign: elsewhere `2.1` and `4.0` are more often a section's number or a name
(`công nghiệp 4.0`) than an amount."""

from __future__ import annotations

import re

_GROUPED = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?"
_DOT_DECIMAL = r"\d+\.\d{1,2}(?![\d.,])"
_PERCENT = r"\s*(?:%|phần trăm)"
# before a percent sign, or as the first end of a range of percentages (`1.5 - 2%`)
NUMBER = (
    rf"{_GROUPED}|{_DOT_DECIMAL}(?={_PERCENT}|\s*(?:-|–|đến)\s*[\d.,]+{_PERCENT})"
    r"|\d+(?:,\d+)?"
)
# `NUMBER` less its first digit, which every form opens with: a pattern can then open with
# that digit (`\d` + NUMBER_REST), so that the engine looks only where a digit is, and put a
# look-behind for what comes before the number after it
NUMBER_REST = (
    rf"\d{{0,2}}(?:\.\d{{3}})+(?:,\d+)?"
    rf"|\d*\.\d{{1,2}}(?![\d.,])(?={_PERCENT}|\s*(?:-|–|đến)\s*[\d.,]+{_PERCENT})"
    r"|\d*(?:,\d+)?"
)
_NUMBER_RE = re.compile(rf"{_GROUPED}|{_DOT_DECIMAL}|\d+(?:,\d+)?")
_DOT_DECIMAL_RE = re.compile(_DOT_DECIMAL)


def parse_number(text: str) -> int | float:
    """Parse one number written the Vietnamese way (dot groups thousands, comma is decimal;
    a dot that cannot group thousands, `1.8`, is a decimal point)."""
    s = text.strip()
    if not _NUMBER_RE.fullmatch(s):
        raise ValueError(f"not a number: {text!r}")
    grouped = not _DOT_DECIMAL_RE.fullmatch(s)
    value = float(s.replace(".", "").replace(",", ".") if grouped else s)
    return int(value) if value.is_integer() else value


def format_number(value: float | int) -> str:
    """Write a number the Vietnamese way: 23100 -> `23.100`, 3.5 -> `3,5`."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    whole, _, frac = f"{value:.6f}".rstrip("0").partition(".")
    return f"{int(whole):,}".replace(",", ".") + "," + frac
