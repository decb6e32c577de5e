"""Numbers as officials write them in targets: a part of a whole (`4/6 di tích`), numbers in
words (`hai tuyến`, `ít nhất một hoạt động`), multiples in words (`gấp đôi`)."""

import pytest

from kehoach.extract import extract_file
from kehoach.extract.targets import quantities, spelt_numbers

from .conftest import FIXTURES


def test_parts_of_wholes_and_numbers_in_words_are_metrics() -> None:
    r = extract_file(FIXTURES / "variant_targets_numbers_in_words.txt")
    got = [[(m.value, m.unit) for m in t.metrics] for t in r.targets]
    assert got == [
        [(4, "di tích")],  # 4 of 6: the part done is the number
        [(200, "xã")],  # every one of 200: a count, not 100%
        [(1, "hoạt động")],  # `ít nhất một`; the date `(20/11)` is none
        [(2, "tuyến")],
        [(2, "lần")],  # `gấp đôi`; the baseline year is none
    ]
    # the general objective's `một trong những`, `một số nguồn lực` count nothing, and a
    # longer number in words is left alone rather than read as its last word
    assert all(t.section == "I.2" for t in r.targets)
    assert not any("mười hai" in t.text for t in r.targets)


@pytest.mark.parametrize(
    ("text", "spelt"),
    [
        ("Hình thành ba sản phẩm du lịch đêm", "Hình thành 3 sản phẩm du lịch đêm"),
        ("mỗi bản có tối thiểu một đội văn nghệ", "mỗi bản có tối thiểu 1 đội văn nghệ"),
        ("Hai di tích được xếp hạng", "2 di tích được xếp hạng"),
        ("doanh thu tăng gấp ba lần so với năm 2025", "doanh thu tăng gấp 3 lần so với năm 2025"),
        # `một` as "a"/"one of", a name in capitals, no unit after, a longer number
        ("trở thành một điểm đến hấp dẫn", "trở thành một điểm đến hấp dẫn"),
        ("tại đền Hai Bà Trưng", "tại đền Hai Bà Trưng"),
        ("hai bên cùng phối hợp", "hai bên cùng phối hợp"),
        ("mười hai di tích", "mười hai di tích"),
    ],
)
def test_numbers_in_words(text: str, spelt: str) -> None:
    assert spelt_numbers(text) == spelt


def test_a_day_and_month_is_no_part_of_a_whole() -> None:
    assert quantities("tổ chức vào ngày 2/9 hằng năm") == []
    assert quantities("số hóa 1/5 di tích")[0][:2] == (1, "di tích")
    assert quantities("đạt 6/5 di tích") == []  # more than the whole: no part of it
