"""The vocabulary as data: one file, one engine."""

import re

from kehoach.text import lexicon


def test_lists_are_read_and_folded() -> None:
    assert "Sở" in lexicon.words("agencies.heads")
    assert "tham muu" in lexicon.folded("agencies.end_verbs")
    assert "chi thi" in lexicon.folded("targets.reference_words")


def test_alternation_tries_the_longest_word_first() -> None:
    rx = re.compile(lexicon.alternation("agencies.heads"))
    assert rx.match("Chi cục Thủy lợi").group(0) == "Chi cục"
    assert rx.match("Ủy ban nhân dân").group(0) == "Ủy ban"


def test_typos_are_fixed_once_keeping_the_first_letter_case() -> None:
    assert lexicon.fix_typos("Sở A chủ tri, phội hợp với Sở B") == "Sở A chủ trì, phối hợp với Sở B"
    assert lexicon.fix_typos("Phội hợp với") == "Phối hợp với"
    assert lexicon.fix_typos("phội hợpx") == "phội hợpx"  # whole words only
    # `xã` that lost its mark beside the other commune kinds
    assert lexicon.fix_typos("UBND các xa, phường") == "UBND các xã, phường"


def test_issuers_keep_their_order() -> None:
    issuers = list(lexicon.mapping("issuers"))
    assert issuers.index("ban thuong vu") < issuers.index("tinh uy")


def test_central_bodies_are_told_from_provincial_ones() -> None:
    from kehoach.text.central import is_central

    assert is_central("Bộ Văn hóa, Thể thao và Du lịch") and is_central("Thủ tướng Chính phủ")
    assert not is_central("Bộ Chỉ huy Quân sự tỉnh") and not is_central("Ủy ban nhân dân tỉnh")


def test_any_of_finds_each_string_wherever_it_is_and_nothing_else() -> None:
    """`any_of` is a first test: true where one of the strings occurs (a string that begins
    another, `Sở` and `Sở Tư pháp`, counts alone too), written as it is."""
    rx = lexicon.any_of(["Sở", "Sở Tư pháp", "phối hợp", "phối hợp với", "a.b"])
    for text in ("Sở", "các Sở, ngành", "Sở Tư", "chủ trì, phối hợp", "x a.b y"):
        assert rx.search(text), text
    for text in ("", "sở", "phối hơp", "phối", "axb", "Tư pháp"):
        assert rx.search(text) is None, text
    assert lexicon.any_of([]).search("anything") is None


def test_the_minority_names_hold_the_ethnic_groups_and_their_places():
    names = set(lexicon.minority_names())
    # the 54 groups' official names, with the other forms documents write
    assert {"Bru - Vân Kiều", "Ê Đê", "Gia Rai", "Xơ Đăng", "Khơ Mú", "Ơ Đu"} <= names
    assert {"H'Mông", "Ê-đê", "Pa Kô"} <= names
    # the places of ethnic-minority areas (moved here from the lexicon's `[ocr]` table)
    assert {"Đắk Lắk", "Krông Pắc", "Đakrông"} <= names
