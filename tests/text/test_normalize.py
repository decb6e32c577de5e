"""Normalisation pieces: loose combining marks put back on their letter."""

from __future__ import annotations

import unicodedata

import pytest

from kehoach.text.normalize import recompose_marks


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("Hõ\u0302i", "Hỗi"),  # a tone composed first, the circumflex left loose
        ("luả\u0302n", "luẩn"),
        ("Bò\u0302", "Bồ"),
        ("ắ\u0300x", "ắx"),  # marked twice: the first tone kept
        (unicodedata.normalize("NFD", "Việt Nam"), "Việt Nam"),  # decomposed: plain NFC
        ("1\u0300. Mục đích", "1. Mục đích"),  # a mark on no letter is dropped
        ("(\u0301a)", "(a)"),
    ],
)
def test_loose_marks_go_back_on_their_letter(read: str, meant: str) -> None:
    assert recompose_marks(read) == meant


def test_text_without_loose_marks_is_only_composed() -> None:
    text = "Kế hoạch số 14-CTr/TU, ngày 20/5/2026"
    assert recompose_marks(text) == text
    assert recompose_marks("plain ascii") == "plain ascii"


def test_capitals_are_the_capital_letters_and_nothing_else() -> None:
    import re

    from kehoach.text.normalize import CAPITALS

    capital = re.compile(f"[{CAPITALS}]")
    letters = [chr(c) for c in (*range(0x41, 0x7B), *range(0xC0, 0x1EFA))]
    assert [c for c in letters if capital.fullmatch(c)] == [c for c in letters if c.isupper()]
    assert capital.fullmatch("Ỷ") and capital.fullmatch("Đ") and not capital.fullmatch("đ")
