"""How a scanned page's words become lines (no OCR: words as Tesseract gives them)."""

from __future__ import annotations

from kehoach.intake.scan_page import _opening_marks, _specks_dropped, _sure

GAP = 66.0  # a third of an inch at 200 dpi: wider than a space between words


def _words(*spec: tuple[str, float, int, int]) -> list:
    """Words as (text, confidence, left, right) on one line."""
    return [(text, conf, (x0, 100, x1, 130)) for text, conf, x0, x1 in spec]


# a recipient in small type, left of the signer's name
RECIPIENT = _words(
    ("-", 0.7, 236, 245),
    ("UBND", 0.92, 255, 338),
    ("tỉnh", 0.97, 348, 393),
    ("(để", 0.93, 403, 441),
    ("b/c);", 0.88, 449, 502),
)


def test_a_speck_between_two_columns_is_no_word() -> None:
    # `Nơi nhận` on the left, the signer's name on the right, a speck read as ` between
    words = [*RECIPIENT, *_words(("`", 0.95, 700, 708), ("Đinh", 0.94, 1036, 1100))]
    assert [w[0] for w in _specks_dropped(words, GAP)] == [
        *["-", "UBND", "tỉnh", "(để", "b/c);", "Đinh"]
    ]


def test_a_line_opening_with_a_lone_quote_loses_it_and_keeps_its_bullet() -> None:
    quoted = _words(("`", 0.9, 1030, 1040), ("Đinh", 0.94, 1052, 1110))
    assert [w[0] for w in _specks_dropped(quoted, GAP)] == ["Đinh"]
    bullet = _words(("-", 0.7, 236, 245), ("UBND", 0.92, 255, 338))
    assert [w[0] for w in _specks_dropped(bullet, GAP)] == ["-", "UBND"]
    # a closing mark beside its word stays
    closed = _words(("quyết", 0.97, 100, 180), (".", 0.9, 181, 186))
    assert [w[0] for w in _specks_dropped(closed, GAP)] == ["quyết", "."]


def test_a_column_read_as_nonsense_beside_a_sure_one_is_not_sure() -> None:
    name = _words(("Đi", 0.94, 1036, 1072), ("*", 0.72, 1158, 1170), ("ky", 0.46, 1264, 1285))
    split = (502, 1036)
    assert not _sure([*RECIPIENT, *name], split)  # the line as a whole reads 0.86, its name 0.70
    assert _sure([*RECIPIENT, *_words(("Khải", 0.96, 1036, 1110))], split)
    assert _sure([*RECIPIENT, *_words(("`", 0.3, 1036, 1044))], split)  # marks alone: no column


def test_specks_at_a_lines_start_are_put_right() -> None:
    assert _opening_marks("~ Sở Nội vụ") == "- Sở Nội vụ"  # a dash read as a tilde
    assert _opening_marks("~- Ủy ban nhân dân tỉnh;") == "- Ủy ban nhân dân tỉnh;"
    assert _opening_marks("~ - Bảo tàng tỉnh") == "- Bảo tàng tỉnh"
    assert _opening_marks('"thư viện tỉnh') == "thư viện tỉnh"
    assert _opening_marks("“Tuổi trẻ” đọc sách") == "“Tuổi trẻ” đọc sách"
