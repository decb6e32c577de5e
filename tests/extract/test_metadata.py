"""The document part of the record, from the header and the signature."""

from __future__ import annotations

from kehoach.extract import extract_document, extract_file
from kehoach.intake import read_bytes

from .conftest import FIXTURES


def test_the_signer_in_the_right_of_two_columns_typed_apart_by_bars() -> None:
    """`Nơi nhận:` and the signature typed side by side, one `|` between them on each line
    and the right column often empty: the signer is the right column's name, on a line of
    its own or beside the last recipients."""
    head = (
        "ỦY BAN NHÂN DÂN TỈNH SƠN LA\nSố: 15/KH-UBND\nSơn La, ngày 03 tháng 3 năm 2026\n"
        "KẾ HOẠCH\nTổ chức Ngày hội văn hóa dân tộc Thái\nI. MỤC ĐÍCH\nGiữ gìn bản sắc.\n"
    )
    for signature, name in (
        (
            "Nơi nhận: | TM. ỦY BAN NHÂN DÂN\n- Như trên; | KT. CHỦ TỊCH\n- Lưu: VT. | PHÓ CHỦ TỊCH\n"
            " | \n | Cầm Thị Lả\n",
            "Cầm Thị Lả",
        ),
        (
            "Nơi nhận: | TM. ỦY BAN NHÂN DÂN\n- Như trên; | CHỦ TỊCH\n- Sở Nội vụ; | (Đã ký)\n"
            "- Lưu: VT, VX. | Lò Minh Hùng\n",
            "Lò Minh Hùng",
        ),
    ):
        record = extract_document(read_bytes((head + signature).encode(), "plan.txt"))
        assert record.document.signer == name


def test_a_letter_does_not_carry_out_the_proposal_it_answers() -> None:
    """`Xét đề nghị của Sở X tại Văn bản số 41/…, để thực hiện các chỉ tiêu nêu trên, …`: the
    purpose clause's `thực hiện` speaks of the targets, the proposal's document is no document
    the letter carries out; the `Thực hiện Quyết định …` line still is."""
    from kehoach.extract import extract_file

    from .conftest import FIXTURES

    doc = extract_file(FIXTURES / "variant_letter_requests.txt").document
    assert (doc.kind, doc.number) == ("cong_van", "204/UBND-VX")
    assert [r.number for r in doc.implements] == ["1862/QĐ-TTg"]


def test_a_decisions_articles_name_no_document_it_carries_out() -> None:
    """The preamble of a decision ends at `QUYẾT ĐỊNH:`: `Điều 2. Quyết định này có hiệu lực
    thi hành … và thay thế Quyết định số …` names a document replaced, not one implemented."""
    r = extract_file(FIXTURES / "variant_regulation_articles.txt")
    assert [x.number for x in r.document.implements] == ["46/2019/QH14", "93/2020/NĐ-CP"]
    assert (r.document.kind, r.document.issuer) == ("quyet_dinh", "Ủy ban nhân dân tỉnh")
