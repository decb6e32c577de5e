"""Plans typed without diacritics: telling them apart, restoring their marks for reading,
and giving their text back as written."""

from __future__ import annotations

import unicodedata
from importlib import resources
from pathlib import Path

from kehoach.text.accents import as_written, is_accentless, marked_words, restore

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "fixtures"
SAMPLES = resources.files("kehoach.data") / "samples"


def bare(text: str) -> str:
    """`text` with every mark taken off, as an old mail system sends it."""
    out = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", out.replace("đ", "d").replace("Đ", "D"))


def test_a_plan_typed_without_marks_is_told_apart() -> None:
    text = (FIXTURES / "variant_accentless_plan.txt").read_text(encoding="utf-8")
    assert is_accentless(text)
    assert not is_accentless((FIXTURES / "variant_accentless_plan_marked.txt").read_text("utf-8"))


def test_ordinary_plans_and_short_or_foreign_texts_are_not_accentless() -> None:
    for path in SAMPLES.iterdir():
        if path.name.endswith(".txt"):
            assert not is_accentless(path.read_text(encoding="utf-8")), path.name
    assert not is_accentless("Ke hoach so 12/KH-UBND ngay 05/5/2026")  # too few words
    assert is_accentless("Ke hoach to chuc Ngay Van hoa Viet Nam nam 2026. " * 3)
    english = "The plan sets out the tasks of each department and the report it sends. " * 20
    assert not is_accentless(english)


def test_the_vocabulary_is_spelt_as_the_register_and_the_lexicon_spell_it() -> None:
    assert restore("So Van hoa, The thao va Du lich") == "Sở Văn hóa, Thể thao và Du lịch"
    assert restore("Phoi hop voi So KH&CN, So GD&DT") == "Phối hợp với Sở KH&CN, Sở GD&ĐT"
    assert restore("UY BAN NHAN DAN TINH TUYEN QUANG") == "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG"
    # the words before a period, with a number or a Roman numeral after them
    assert restore("hoan thanh trong Quy III/2026") == "hoàn thành trong Quý III/2026"
    assert restore("bat dau tu nam 2027") == "bắt đầu từ năm 2027"
    assert restore("thuc hien tu Quy II/2026") == "thực hiện từ Quý II/2026"
    assert restore("dinh ky 02 nam/lan") == "định kỳ 02 năm/lần"


def test_words_before_numbers_and_times_of_day() -> None:
    # lexicon `targets.number_verbs`/`number_qualifiers`, and `[accents]`: `đạt`, not `đất`
    assert restore("doanh thu dat 6 ty dong, don khoang 2 trieu luot khach") == (
        "doanh thu đạt 6 tỷ đồng, đón khoảng 2 triệu lượt khách"
    )
    assert restore("| 07 gio 30 - 08 gio 00 | Khai mac |").startswith("| 07 giờ 30 - 08 giờ 00")
    assert restore("Qua 03 nam thuc hien").startswith("Qua 03 năm")


def test_the_words_of_a_name_are_read_from_the_text_around_them() -> None:
    # an agency's head before a name, at a name's end, inside a sentence
    assert restore("phoi hop voi So Y te") == "phối hợp với Sở Y tế"
    assert restore("cac phong, don vi thuoc So can cu Ke hoach") == (
        "các phòng, đơn vị thuộc Sở căn cứ Kế hoạch"
    )
    assert restore("2. Doan cac xa, phuong: To chuc") == "2. Đoàn các xã, phường: Tổ chức"
    # … but a sentence's first word before a lower-case one is the model's (`Số hóa`)
    assert restore("1. So hoa ho so di tich").startswith("1. Số hóa")
    assert restore("So: 12/KH-UBND").startswith("Số:")
    # an item's opening before the body it hands work to
    assert restore("5. Moi Hoi Cuu chien binh tinh cu dai bieu").startswith("5. Mời Hội")
    assert restore("ho tro homestay (Giao: UBND cac xa)").endswith("(Giao: UBND các xã)")
    # a place's unit before its name or closing a body's name; a family name
    assert restore("UBND xa Tan Lap").startswith("UBND xã ")
    assert restore("Truong Trung cap Van hoa tinh.").endswith("Văn hóa tỉnh.")
    assert restore("Do Quang Minh").startswith("Đỗ ")
    # … also one the model's corpus never had
    assert restore("Truong Trung hoc co so Nguyen Du").endswith("Nguyễn Du")
    # an abbreviation spelt with a Đ
    assert restore("Thuong truc HDND tinh, BCD tinh") == "Thường trực HĐND tỉnh, BCĐ tỉnh"


def test_overlapping_phrases_cover_the_most_text() -> None:
    # `Đảng ủy xã` would leave `phuong` to the model; `Đảng ủy` + `xã, phường` covers more
    assert restore("Cac dang uy xa, phuong xay dung") == "Các đảng ủy xã, phường xây dựng"


def test_codes_numbers_and_numerals_are_kept_as_written() -> None:
    line = "Chuong trinh so 25-CTr/TU ngay 10/02/2026 va Ke hoach so 7/KH-UBND"
    got = restore(line)
    assert "25-CTr/TU ngày 10/02/2026" in got  # no `TỪ ngày` across the code
    assert got.endswith("7/KH-UBND")
    assert restore("II. MUC TIEU").startswith("II. ")
    assert restore("VI. CHE DO BAO CAO") == "VI. CHẾ ĐỘ BÁO CÁO"


def test_restoring_moves_nothing() -> None:
    text = (FIXTURES / "variant_accentless_plan.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        got = restore(line)
        assert len(got) == len(line)
        assert bare(got) == line  # only marks are added, case kept


def test_text_goes_back_as_written_but_the_documents_own_marks_stay() -> None:
    line = "Phoi hop voi So VHTTDL to chuc Ngay hoi Doc sach, hang nam"
    assert as_written(restore(line), frozenset()) == line
    # a word the document did write with its marks keeps them (a name pasted in)
    kept = marked_words("To chuc tai xa Đồng Tâm")
    assert as_written("Tổ chức tại xã Đồng Tâm", kept) == "To chuc tai xa Đồng Tâm"
