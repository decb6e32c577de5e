"""Judging OCR output: abbreviations written with a slash are no spelling to judge; names
from the minorities' languages and a typed plan's repeated names are no OCR damage."""

from pathlib import Path

from kehoach.text.ocr_judge import looks_like_ocr, ocr_score
from kehoach.text.ocr_repair import repair

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "fixtures"


def test_letters_joined_by_a_slash_are_no_syllables() -> None:
    # `đ/c` (đồng chí) alone would be an impossible syllable, `đ`
    assert ocr_score("đ/c") == 0.0
    assert ocr_score("Liên hệ: Đ/c Trưởng phòng; gửi Bộ (b/c); T/M Ban Thường vụ") == 0.0


def test_a_typed_line_naming_contacts_is_not_taken_for_ocr() -> None:
    line = (
        "Liên hệ: đ/c Hoàng Văn Nam, Phó Giám đốc Trung tâm Văn hóa tỉnh; đ/c Lò Thị Xuân, "
        "chuyên viên phòng Quản lý văn hóa; Đ/c Phó Chủ tịch UBND tỉnh dự và phát biểu. "
    )
    assert ocr_score(line * 3) < 1.0
    # an impossible syllable standing alone still counts
    assert ocr_score(line.replace("đ/c", "đ c") * 3) >= 1.0


def test_slashed_abbreviations_are_set_apart_and_nothing_else() -> None:
    from kehoach.text.ocr_judge import _without_slashed

    assert _without_slashed("Đ/c Nam; gửi Bộ (b/c); T/M Ban") == "  Nam; gửi Bộ ( );   Ban"
    assert _without_slashed("đ/c") == " "
    assert _without_slashed("Số 80-NQ/TW") == "Số 80- "  # two letters on each side
    # numbers, runs of more letters, and slashes in a row stay
    for text in ("12/2026", "KH/UBND", "a/b/c", "ab/cdef", "xyz/c", "/c", "đ/"):
        assert _without_slashed(text) == text, text


def test_a_typed_plan_for_an_ethnic_culture_festival_is_not_taken_for_ocr() -> None:
    # `Mnông`, `Xtiêng`, `Krông`, `Đắk`, `Klông Pút`, `Niê` a dozen times each: names in
    # the minorities' languages (data/minority_names.txt), not damage; nor are they repaired
    text = (FIXTURES / "variant_ethnic_culture_festival.txt").read_text(encoding="utf-8")
    assert ocr_score(text) < 0.5
    assert repair(text) == (text, [])


# a plan's worth of syllables (a thousand): one impossible syllable in it weighs a quarter
_CLEAN = (
    "Ủy ban nhân dân xã phối hợp với Ban Dân tộc tỉnh tổ chức lớp truyền dạy đánh chiêng, "
    "hát dân ca cho thanh thiếu niên trong buôn; báo cáo kết quả trước ngày 30 tháng 6. "
) * 30


def test_an_unknown_name_repeated_weighs_as_a_word_met_twice() -> None:
    # `Kđăm` (a clan's name not in the data) in every sentence: a plan repeats its names
    named = _CLEAN.replace("trong buôn", "của dòng họ Kđăm")
    twice = _CLEAN.replace("trong buôn", "của dòng họ Kđăm", 2)
    assert ocr_score(named) <= ocr_score(twice) < ocr_score(_CLEAN) + 0.6
    assert not looks_like_ocr(named)


def test_damage_spread_over_many_words_is_still_ocr() -> None:
    # eight impossible syllables, each another word (a name repeated eight times weighs two)
    damaged = _CLEAN
    for right, wrong in [("xã", "xă"), ("hát", "hảt"), ("kết", "kểt"), ("trước", "trưởc")]:
        damaged = damaged.replace(right, wrong, 1)
    for right, wrong in [("tộc", "tồc"), ("lớp", "lờp"), ("phối", "phổí"), ("ngày", "ngàỵ")]:
        damaged = damaged.replace(right, wrong, 1)
    assert looks_like_ocr(damaged)


def test_a_points_letter_is_a_list_marker_not_a_word() -> None:
    # `đ)` and `đ.` mark a list's fifth point (a, b, c, d, đ, e): `đ` alone spells no syllable,
    # and in a short typed plan that one letter would weigh as OCR damage
    text = (FIXTURES / "variant_typed_points_letters.txt").read_text(encoding="utf-8")
    assert ocr_score(text) < 0.3
    assert ocr_score(text) == ocr_score(text.replace("đ)", "").replace("đ.", ""))
    # a lone `đ` inside a line (`đ c`, a word OCR split) still counts
    assert ocr_score(text.replace("Đưa tủ", "Đưa đ tủ")) >= 1.0


def test_numbers_with_a_digit_read_as_a_letter_are_ocr_damage() -> None:
    # `2O26`, `l4`, `8O%`, `3,l`: Tesseract's letters for digits (`ocr.digit_shapes`), which no
    # typed plan writes; a code whose letter stands before its digit (`CO2`) or a quarter's
    # numeral (`quý l/2026`) is no such number
    typed = "Ngày 14 tháng 8 năm 2026, phấn đấu 80% xã có thư viện đạt chuẩn, gấp 3,1 lần. " * 6
    assert ocr_score(typed) < 0.3
    assert ocr_score(typed + "Giảm phát thải CO2 trong quý l/2026.") < 0.3
    scanned = typed.replace("14", "l4", 1).replace("2026", "2O26", 1).replace("80%", "8O%", 1)
    assert looks_like_ocr(scanned.replace("3,1", "3,l", 1))
