"""Text encodings: UTF-8/UTF-16 with and without BOM, TCVN3 and VNI converted with the
shipped tables, binary and image files refused with a message that says what they are."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pytest

from kehoach.errors import EmptyDocument, UnsupportedFormat
from kehoach.intake import read_document
from kehoach.intake.encoding import decode_text, detect_legacy, fix_legacy, legacy_table

DATA = Path(__file__).parents[1] / "data"
FIXTURES = DATA / "fixtures"
SAMPLES = Path(__file__).parents[2] / "src" / "kehoach" / "data" / "samples"
SAMPLE_001 = (SAMPLES / "001_47cec5a30aa91629.txt").read_text(encoding="utf-8")

VIETNAMESE = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"


def legacy_source_text() -> str:
    sys.path.insert(0, str(DATA))
    try:
        import make_fixtures
    finally:
        sys.path.remove(str(DATA))
    return make_fixtures.legacy_source_text()


# -- the tables -----------------------------------------------------------------------------


def test_vni_table_covers_every_vietnamese_letter_in_both_cases():
    letters = set(legacy_table("vni").values())
    assert letters == set(VIETNAMESE) | set(VIETNAMESE.upper())


def test_tcvn3_table_covers_lower_case_and_its_seven_capitals():
    letters = set(legacy_table("tcvn3").values())
    assert letters == set(VIETNAMESE) | set("ĂÂĐÊÔƠƯ")
    assert all(unicodedata.is_normalized("NFC", v) for v in letters)


# -- UTF-8 and UTF-16 -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE_001.encode("utf-8"),
        b"\xef\xbb\xbf" + SAMPLE_001.encode("utf-8"),
        SAMPLE_001.encode("utf-16"),
        b"\xfe\xff" + SAMPLE_001.encode("utf-16-be"),
        SAMPLE_001.encode("utf-16-le"),
        SAMPLE_001.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf16le-nobom", "utf16be-nobom"],
)
def test_unicode_encodings_decode_to_the_same_text(data):
    assert decode_text(data, "001.txt") == SAMPLE_001


def test_utf16_file_reads_like_the_utf8_sample():
    utf16 = read_document(FIXTURES / "001_utf16.txt")
    utf8 = read_document(SAMPLES / "001_47cec5a30aa91629.txt")
    assert utf16.blocks == utf8.blocks
    assert utf16.sha256 != utf8.sha256  # the digest is of the file's own bytes


def test_bomless_utf16_file():
    text = decode_text((FIXTURES / "001_utf16be_nobom.txt").read_bytes(), "x.txt")
    assert text == SAMPLE_001[:3000]


def test_unicode_text_is_never_taken_for_a_legacy_encoding():
    for sample in SAMPLES.glob("*.txt"):
        text = sample.read_text(encoding="utf-8")
        assert detect_legacy(text) is None, sample.name
        assert fix_legacy(text) is text
    assert detect_legacy((SAMPLES / "ocr" / "001_ocr.txt").read_text(encoding="utf-8")) is None


# -- TCVN3 and VNI ----------------------------------------------------------------------------


def test_vni_file_is_converted_exactly():
    assert decode_text((FIXTURES / "vni.txt").read_bytes(), "vni.txt") == legacy_source_text()


def test_tcvn3_file_is_converted():
    """TCVN3 has no codes for capitals with a tone mark: headings and sentence starts are
    raised back to upper case; a capital in mid-sentence (`…, Ủy ban`) stays lower case."""
    got = decode_text((FIXTURES / "tcvn3.txt").read_bytes(), "tcvn3.txt").split("\n")
    want = legacy_source_text().split("\n")
    differ = [(w, g) for w, g in zip(want, got, strict=True) if w != g]
    assert len(differ) == 1
    assert ", Ủy ban nhân dân (UBND) tỉnh ban hành" in differ[0][0]
    assert ", ủy ban nhân dân (UBND) tỉnh ban hành" in differ[0][1]
    assert "KẾ HOẠCH" in got
    assert "- Áp dụng khoa học" in "\n".join(got)


def test_tcvn3_headings_regain_their_capitals():
    raw = "KÕ HO¹CH\nBé V¡N HãA, THÓ THAO Vµ DU LÞCH\ný kiÕn cña Bé: Ýt nhÊt\n"
    assert decode_text(raw.encode("cp1252"), "x.txt") == (
        "KẾ HOẠCH\nBỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH\nÝ kiến của Bộ: Ít nhất\n"
    )


def test_tcvn3_text_copied_into_a_utf8_file_is_converted():
    raw = "Ch\xad¬ng tr×nh hµnh ®éng thùc hiÖn NghÞ quyÕt sè 80-NQ/TW cña Bé ChÝnh trÞ"
    assert decode_text(raw.encode("utf-8"), "x.txt") == (
        "Chương trình hành động thực hiện Nghị quyết số 80-NQ/TW của Bộ Chính trị"
    )


def test_vni_text_copied_into_a_utf8_file_is_converted():
    raw = "Chöông trình haønh ñoäng thöïc hieän Nghò quyeát soá 80-NQ/TW cuûa Boä Chính trò"
    assert decode_text(raw.encode("utf-8"), "x.txt") == (
        "Chương trình hành động thực hiện Nghị quyết số 80-NQ/TW của Bộ Chính trị"
    )


def test_legacy_file_reads_through_read_document():
    doc = read_document(FIXTURES / "vni.txt")
    assert "KẾ HOẠCH" in doc.lines


# -- refusals ---------------------------------------------------------------------------------


def test_western_8bit_text_is_refused_with_a_hint():
    with pytest.raises(UnsupportedFormat) as err:
        decode_text("Le café de la gare, déjà vu.".encode("latin-1"), "fr.txt")
    assert err.value.message == "not UTF-8 text (byte 6); save the file as UTF-8"
    assert err.value.where == "fr.txt"


def test_nul_bytes_that_are_not_utf16_are_binary():
    data = bytes(range(256)) * 8
    with pytest.raises(UnsupportedFormat) as err:
        decode_text(data, "x.txt")
    assert err.value.message == "binary data, not a text document"


def test_control_characters_are_binary():
    with pytest.raises(UnsupportedFormat) as err:
        decode_text(b"\x01\x02\x03\x04Ke hoach\x05\x06\x07\x08" * 50, "x.txt")
    assert err.value.message == "binary data, not a text document"


@pytest.mark.parametrize(
    "magic", [b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"GIF89a", b"GIF87a", b"II*\x00"]
)
def test_images_are_named_as_images(magic):
    with pytest.raises(UnsupportedFormat) as err:
        decode_text(magic + bytes(200), "x.txt")
    assert err.value.message == "an image file, not a document"


def test_whitespace_only_utf16_is_empty():
    with pytest.raises(EmptyDocument) as err:
        decode_text("  \n\t\n".encode("utf-16"), "x.txt")
    assert err.value.message == "the file is empty"


def test_utf8_with_one_bad_byte_is_not_taken_for_tcvn3():
    data = SAMPLE_001.encode("utf-8")
    data = data[:500] + b"\x96" + data[500:]  # a stray Windows-1252 dash
    with pytest.raises(UnsupportedFormat) as err:
        decode_text(data, "001.txt")
    assert err.value.message == "not UTF-8 text (byte 500); save the file as UTF-8"
