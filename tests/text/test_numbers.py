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


@pytest.mark.parametrize(
    "text",
    ["7", "23.100", "1.234,5", "3,5", "1.8%", "12.50 %", "1.5 - 2%", "2026", "1.8", "01", "0,5"],
)
def test_number_rest_reads_a_number_after_its_first_digit(text: str) -> None:
    """`NUMBER_REST` after one digit matches what `NUMBER` matches (a pattern can then open
    with the digit): the same text, however it is followed."""
    import re

    from kehoach.text.numbers import NUMBER, NUMBER_REST

    whole, split = re.compile(NUMBER), re.compile(r"\d(?:" + NUMBER_REST + ")")
    for at in range(len(text)):
        a, b = whole.match(text, at), split.match(text, at)
        assert (a and a.span()) == (b and b.span()), (text, at)
