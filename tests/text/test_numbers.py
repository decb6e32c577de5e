"""Numbers in Vietnamese notation."""

from __future__ import annotations

import pytest

from kehoach.text.numbers import format_number, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("23.100", 23100),  # a dot groups thousands
        ("1.800", 1800),
        ("3,5", 3.5),  # a comma is the decimal point
        ("1.234,5", 1234.5),
        ("01", 1),
        ("1.8", 1.8),  # a dot before fewer than three digits groups nothing: a decimal point
        ("12.50", 12.5),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["1.8000", "1.2.3", "1,2,3", "abc", ""])
def test_not_a_number(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


def test_format_number() -> None:
    assert format_number(23100) == "23.100" and format_number(3.5) == "3,5"
