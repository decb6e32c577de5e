"""The reader's look-ups that see through OCR'd marks: signing titles, the annex caption,
item openings (`Giao`, `Đề nghị`)."""

from __future__ import annotations

import pytest

from kehoach.extract import metadata, readings


@pytest.mark.parametrize(
    ("cell", "name"),
    [
        ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Thành Sinh", "Nguyễn Thành Sinh"),
        ("TM. ỦY BAN NHÂN DÂN KT. CHU TỊCH PHÓ CHỦ TÍCH Nguyễn Thành Sinh", "Nguyễn Thành Sinh"),
        ("T/M BAN THƯỜNG VỤ PHÓ BÍ THU THƯỜNG TRỰC (Đã ký) Trần Hồng Minh", "Trần Hồng Minh"),
        ("Nơi nhận: Như trên; Lưu: VT.", None),
        ("phó chủ tịch Nguyễn Văn A", None),  # a title is written in upper case
    ],
)
def test_the_signer_after_a_title_whatever_its_marks(cell: str, name: str | None) -> None:
    assert metadata._name_after_title(cell) == name


def test_a_damaged_title_on_its_own_line_is_one() -> None:
    assert metadata._is_sign_title("PHÓ CHỦ TÍCH")
    assert metadata._is_sign_title("KT. CHU TỊCH")
    assert not metadata._is_sign_title("NƠI NHẬN")


def test_the_annex_caption_read_without_marks() -> None:
    text = "(kem theo Chương trình sô 14-CTr/TU, ngay 20/5/2026 của Ban Thường vụ Tỉnh ủy)"
    m = metadata._ANNEX_CAPTION_RE.search(metadata.fold_chars(text))
    assert m is not None
    assert text[m.start("num") : m.end("num")] == "14-CTr/TU"
    assert (m.group("d"), m.group("m"), m.group("y")) == ("20", "5", "2026")


@pytest.mark.parametrize(
    ("item", "opening"),
    [
        ("Giao Công an tỉnh là cơ quan thường trực", "Giao "),
        ("Giáo Công an tỉnh là cơ quan thường trực", "Giáo "),  # OCR'd mark, an agency follows
        ("Đê nghị Viện Kiểm sát nhân dân tỉnh chỉ đạo", "Đê nghị "),
        ("Giáo dục Sở Y tế", ""),  # no agency after: a word, not an opening
        ("Mỗi Sở Y tế", ""),  # `Mời` is matched only as written
    ],
)
def test_item_openings_whatever_their_marks(item: str, opening: str) -> None:
    assert item[: readings.opening(item)] == opening
