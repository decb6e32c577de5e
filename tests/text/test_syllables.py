"""Syllables: validity, skeletons, marks, case, and runs of syllables in text."""

from __future__ import annotations

import re

import pytest

from kehoach.text.syllables import (
    NUM,
    apply_case,
    is_valid_syllable,
    marks,
    skeleton,
    syllable_runs,
    toneless_syllables,
)


def test_the_orthography_has_thousands_of_toneless_syllables():
    syllables = toneless_syllables()
    assert 2500 < len(syllables) < 6000
    assert {"nghiêng", "khuya", "quốc".replace("ố", "ô"), "gin", "oanh"} <= syllables


@pytest.mark.parametrize(
    ("word", "valid"),
    [
        ("Việt", True),
        ("NGHỊ", True),
        ("hoá", True),
        ("hóa", True),
        ("uỷ", True),
        ("cac", False),  # a stop final takes only sắc or nặng
        ("các", True),
        ("cạc", True),
        ("cà", True),
        ("kan", False),
        ("ghô", False),
        ("ngê", False),
        ("quư", False),
        ("vẻ", True),
        ("tàm", True),
        ("xuắt", False),
        ("gìá", False),
    ],
)
def test_validity_follows_the_spelling_rules(word, valid):
    assert is_valid_syllable(word) is valid


def test_skeleton_marks_and_case():
    assert skeleton("Đẳng") == "dang"
    assert skeleton("THỰC") == "thuc"
    assert marks("thống") == 2 and marks("thông") == 1 and marks("thong") == 0
    assert apply_case("KÊ", "kế") == "KẾ"
    assert apply_case("Két", "kết") == "Kết"
    assert apply_case("vẻ", "về") == "về"


def test_runs_end_at_punctuation_and_keep_codes_fixed():
    runs = [
        [(t.text, t.fixed) for t in run]
        for run in syllable_runs(
            "Kết luận số 84-KL/TW, ngày 21/6/2024 của Bộ Chính trị; VHNT và KH-CN."
        )
    ]
    assert runs[0] == [("Kết", False), ("luận", False), ("số", False)]
    assert runs[1:3] == [[("KL", True)], [("TW", True)]]
    assert [w for w, _ in runs[3]] == ["ngày", NUM, "của"]
    assert ["Bộ", "Chính", "trị"] in [[w for w, _ in r] for r in runs]
    assert [("VHNT", True), ("và", False)] in runs


def test_runs_continue_over_a_line_break_but_not_a_blank_line():
    runs = [[t.text for t in run] for run in syllable_runs("thực\nhiện\n\nkế hoạch")]
    assert runs == [["thực", "hiện"], ["kế", "hoạch"]]


def test_headings_are_not_abbreviations():
    (run,) = syllable_runs("KINH PHÍ THỰC HIỆN")
    assert not any(t.fixed for t in run)
    runs = list(syllable_runs("Hội VHNT tỉnh"))
    assert [[(t.text, t.fixed) for t in run] for run in runs] == [
        [("Hội", False), ("VHNT", True), ("tỉnh", False)]
    ]


def test_runs_stop_at_every_line_break_when_lines_are_not_joined():
    runs = [[t.text for t in run] for run in syllable_runs("thực\nhiện 5\nnăm", join_lines=False)]
    assert runs == [["thực"], ["hiện"], ["năm"]]


def test_skip_sees_a_run_before_its_tokens_are_made():
    seen = []

    def skip(words, lows, heading):
        seen.append((list(words), list(lows), heading))
        return "hoạch" in lows

    runs = [
        [t.text for t in run]
        for run in syllable_runs("Kế hoạch, số 84-KL/TW\n\nCÔNG VIỆC", skip=skip)
    ]
    assert runs == [["số"], ["KL"], ["TW"], ["CÔNG", "VIỆC"]]
    assert seen[0] == (["Kế", "hoạch"], ["kế", "hoạch"], False)
    assert seen[2] == ([], ["kl"], False)  # a code is fixed: not among the words
    assert seen[-1][2] is True  # an all-caps heading line


@pytest.mark.parametrize(
    ("word", "confused"),
    [
        ("baIi", True),  # ban
        ("BaIi", True),
        ("clii", True),  # chi
        ("Iiam", True),  # nam
        ("rnai", True),  # mai
        ("clip", False),  # a foreign word of the lexicon
        ("ICT", False),  # an abbreviation
        ("Internet", False),
        ("iii", False),  # a numeral
        ("video", False),
    ],
)
def test_letter_shape_confusions_make_a_syllable(word: str, confused: bool) -> None:
    from kehoach.text.syllables import shape_confused

    assert shape_confused(word) is confused


def test_an_ascii_word_with_a_shape_confusion_is_not_fixed() -> None:
    fixed = {t.text: t.fixed for run in syllable_runs("Ủy baIi nhân dân tỉnh ICT") for t in run}
    assert fixed["baIi"] is False  # a damaged syllable: OCR repair may change it
    assert fixed["ICT"] is True


def test_the_skeleton_table_is_each_characters_letters_without_their_marks():
    """Built without decomposing the characters that have no decomposition: the same table
    as decomposing every one of them (a mark alone is removed, `;` is the Greek question
    mark's letters)."""
    import unicodedata

    from kehoach.text.syllables import _skeleton_table

    expected: dict[int, str] = {}
    for code in range(0xC0, 0x1EFA):
        c = chr(code)
        base = "".join(x for x in unicodedata.normalize("NFD", c) if not unicodedata.combining(x))
        if base != c and base.isascii():
            expected[code] = base.lower()
    expected[ord("đ")] = expected[ord("Đ")] = "d"
    assert {k: v for k, v in _skeleton_table().items() if v != k} == expected
    assert skeleton("Đẳng\u0301") == "dang" and skeleton("\u037e") == ";"


@pytest.mark.parametrize(
    "name",
    ["Pa Kô", "Xtiêng", "Mnông", "Hrê", "Êđê", "Đakrông", "Ariêu Ping", "Krông Pắc", "Niê"],
)
def test_names_from_the_minorities_languages_are_name_syllables(name):
    # data/minority_names.txt: ethnic groups, subgroups, clans, festivals, places
    from kehoach.text.syllables import lower_syllable, name_syllables

    # (a word of plain letters, `Ping`, is read as foreign, never judged as a spelling)
    odd = [w for w in re.split(r"[ '\-]", name) if not w.isascii() and not is_valid_syllable(w)]
    assert odd, name  # each name above has a word no Vietnamese syllable spells
    assert {lower_syllable(w) for w in odd} <= name_syllables()


def test_name_syllables_are_only_those_no_syllable_spells():
    from kehoach.text.syllables import name_syllables

    # `Vân Kiều`, `Gia Rai`, `Xơ Đăng` are spelt with Vietnamese syllables: nothing to keep
    assert not {"vân", "kiều", "gia", "rai", "xơ", "đăng"} & name_syllables()
    assert all(not is_valid_syllable(w) for w in name_syllables())
