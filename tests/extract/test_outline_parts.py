"""Parts of a plan however they are numbered: `PHẦN I.`, `Phần 2:`, `PHẦN THỨ HAI`."""

import pytest

from kehoach.extract.outline import classify


@pytest.mark.parametrize(
    ("line", "num", "body"),
    [
        ("PHẦN I. MỤC ĐÍCH, YÊU CẦU", "I", "MỤC ĐÍCH, YÊU CẦU"),
        ("Phần 2: Nhiệm vụ", "II", "Nhiệm vụ"),
        ("PHẦN THỨ NHẤT: KẾT QUẢ", "I", "KẾT QUẢ"),
        ("PHẦN THỨ HAI NHIỆM VỤ", "II", "NHIỆM VỤ"),
    ],
)
def test_a_part_heading_is_a_roman_part(line, num, body):
    p = classify(line)
    assert (p.kind, p.num, p.body) == ("roman", num, body)


@pytest.mark.parametrize(
    "line", ["Phần mềm quản lý di tích", "Phần lớn các xã đã có nhà văn hóa", "PHỤ LỤC I"]
)
def test_other_lines_beginning_with_phan_are_not(line):
    assert classify(line).kind != "roman"
