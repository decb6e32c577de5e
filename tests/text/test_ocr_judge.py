"""Judging OCR output: abbreviations written with a slash are no spelling to judge."""

from kehoach.text.ocr_judge import ocr_score


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
