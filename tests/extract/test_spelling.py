"""Names in OCR'd documents: the document's majority spelling, and signers' family names."""

from __future__ import annotations

from kehoach.extract.spelling import respell_names
from kehoach.intake.document import Table


def test_a_name_takes_the_spelling_most_of_its_occurrences_share() -> None:
    blocks = [
        "Ban Thường vụ Tỉnh ủy ban hành Chương trình.",
        "Báo cáo Ban Thường vụ Tỉnh ủy theo quy định.",
        "Ban Thường vụ Tỉnh ủy; Ban Thường vụ Tỉnh ủy; Lào Cai.",
        "Thực hiện Chỉ thị của Bản Thường vụ Tỉnh ủy; Ủy ban nhân dân tỉnh Lào Cai.",
        "tỉnh Lào Cai và tỉnh Lao Cai",
        Table(rows=[["1", "Bản Thường vụ Tỉnh ủy", "Lào Cai"]]),
    ]
    out = respell_names(blocks)
    assert out[3] == "Thực hiện Chỉ thị của Ban Thường vụ Tỉnh ủy; Ủy ban nhân dân tỉnh Lào Cai."
    assert out[4] == "tỉnh Lào Cai và tỉnh Lào Cai"
    assert out[5].rows == [["1", "Ban Thường vụ Tỉnh ủy", "Lào Cai"]]


def test_no_majority_no_change() -> None:
    blocks = ["Hội Nông dân tỉnh", "Hội Nông dân tỉnh", "Hồi Nông dân", "Hồi Nông dân"]
    assert respell_names(blocks) == blocks


def test_a_signers_family_name_is_spelt_as_family_names_are() -> None:
    blocks = [
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyên Thành Sinh",
        "**Vú Đình Quang**",
        Table(rows=[["Nơi nhận: - Như trên;", "KT. CHU TỊCH PHÓ CHỦ TÍCH Nguyên Minh"]]),
    ]
    out = respell_names(blocks)
    assert out[2] == "Nguyễn Thành Sinh"
    assert out[3] == "**Vũ Đình Quang**"
    assert out[4].rows[0][1] == "KT. CHU TỊCH PHÓ CHỦ TÍCH Nguyễn Minh"


def test_other_capitalized_lines_are_left_alone() -> None:
    blocks = ["Theo Nguyên Tắc Chung", "Vừ A Dính", "phát triển Nguyên Thành", "Hà Nội"]
    assert respell_names(blocks) == blocks


def test_a_signers_middle_and_given_names_are_spelt_as_names_are() -> None:
    """In a name of three words or more, a word after the family name that OCR read with a
    wrong mark is the one listed name with its letters (`Hổng` -> `Hồng`); a word whose letters
    two names share (`Vãn`: `Văn`, `Vân`) stays as read, and so does a name of two words,
    too often a place (`Hà Tĩnh`)."""
    blocks = ["PHÓ CHỦ TỊCH", "Đỗ Thị Hổng Liên", "Nguyên Vãn Tú", "Hà Tĩnh", "Giàng Thị Nhạn"]
    assert respell_names(blocks) == [
        "PHÓ CHỦ TỊCH",
        "Đỗ Thị Hồng Liên",
        "Nguyễn Vãn Tú",
        "Hà Tĩnh",
        "Giàng Thị Nhạn",
    ]


def test_bodies_names_are_spelt_as_the_register_and_the_lexicon_spell_them() -> None:
    """`Ủy ban nhân dẫn các phường …`, `Thư viện tinh`: a mark OCR misread in the lower-case
    words of a body's name, which no pair of capitals lets the majority right; as written in
    capitals too. Not where the last word goes on as a word of its own (`tinh thần`), nor
    in lower case (no name)."""
    blocks = [
        "- Phối hợp với Ủy ban nhân dẫn các phường Đông Hải, Tây Sơn tổ chức lễ hội.",
        "ỦY BAN NHÂN DÀN TỈNH",
        "3. Sở Tài chinh chủ trì, Bảo tàng tinh và Thư viện tinh phối hợp.",
        "Hội đồng nhân dân tỉnh và ủy ban nhân dân các xã; bảo tàng tinh",
        "Thư viện tinh thần của các em.",
    ]
    assert respell_names(blocks) == [
        "- Phối hợp với Ủy ban nhân dân các phường Đông Hải, Tây Sơn tổ chức lễ hội.",
        "ỦY BAN NHÂN DÂN TỈNH",
        "3. Sở Tài chính chủ trì, Bảo tàng tỉnh và Thư viện tỉnh phối hợp.",
        "Hội đồng nhân dân tỉnh và ủy ban nhân dân các xã; bảo tàng tinh",
        "Thư viện tinh thần của các em.",
    ]
