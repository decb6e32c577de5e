"""Numbers in Vietnamese notation: `23.100` is 23100, `3,5` is 3.5, `01` is 1."""

from __future__ import annotations

import re

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_NUMBER_RE = re.compile(NUMBER)


def parse_number(text: str) -> int | float:
    """Parse one number written the Vietnamese way (dot groups thousands, comma is decimal)."""
    s = text.strip()
    if not _NUMBER_RE.fullmatch(s):
        raise ValueError(f"not a number: {text!r}")
    s = s.replace(".", "").replace(",", ".")
    value = float(s)
    return int(value) if value.is_integer() else value


def format_number(value: float | int) -> str:
    """Write a number the Vietnamese way: 23100 -> `23.100`, 3.5 -> `3,5`."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    whole, _, frac = f"{value:.6f}".rstrip("0").partition(".")
    return f"{int(whole):,}".replace(",", ".") + "," + frac
