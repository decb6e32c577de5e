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
