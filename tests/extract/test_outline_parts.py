"""Parts of a plan however they are numbered: `PHẦN I.`, `Phần 2:`, `PHẦN THỨ HAI`."""

import pytest

from kehoach.extract import extract_file
from kehoach.extract.outline import classify

from .conftest import FIXTURES


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


VHTTDL = "Sở Văn hóa, Thể thao và Du lịch"


def test_an_ocr_d_plan_s_page_furniture_and_misread_markers() -> None:
    """A scan's text: the running header and page number at each page break are dropped
    even inside a target or a bullet, whose halves join again; `TV.` after `IIl.` is part
    IV; `~` opens a bullet; `4-` next to a `+` sub-item is one (it joins its bullet); a
    heading `Bảotàng tỉnh` is the body `Bảo tàng tỉnh`."""
    r = extract_file(FIXTURES / "variant_ocr_page_furniture.txt")
    assert r.targets[1].text.startswith("Tổ chức ít nhất 03 lớp")
    assert r.targets[1].text.endswith("được hỗ trợ sinh hoạt phí theo quy định.")
    assert not any("Kế hoạch số" in t.text or "~" in t.text for t in [*r.targets, *r.tasks])
    got = [(t.id, t.lead, t.timeframe.raw, t.text[:20], t.text[-27:]) for t in r.tasks]
    assert got == [
        ("IV.1.1", [VHTTDL], "Quý II/2026", "Chủ trì tổ chức các ", "tại các xã vùng người Thái."),
        ("IV.1.2", [VHTTDL], "Quý III/2026", "Tổ chức Liên hoan xò", "Văn hóa - Du lịch Mường Lò."),
        (
            "IV.2.1",
            ["Bảo tàng tỉnh"],
            "Quý IV/2026",
            "Sưu tầm trang phục, ",
            "xòe Thái tại Bảo tàng tỉnh.",
        ),
        (
            "IV.3.1",
            ["Ủy ban nhân dân các xã vùng người Thái"],
            "Thường xuyên",
            "Duy trì sinh hoạt củ",
            " luyện tại nhà văn hóa bản.",
        ),
    ]
    assert "cộng đồng: Ưu tiên các bản" in r.tasks[3].text


def test_a_province_name_wrapped_over_two_lines_is_one_paragraph():
    """A ragged-right PDF wraps a line inside a province's name (`… tỉnh Lạng` / `Sơn; thời
    gian …`): the capital that opens the next line begins no paragraph."""
    from kehoach.extract.outline import paragraphs

    got = paragraphs(["5. Giao Sở Y tế tổ chức ngày hội tại tỉnh Lạng", "Sơn; thời gian: quý III."])
    assert [p.text for p in got] == [
        "5. Giao Sở Y tế tổ chức ngày hội tại tỉnh Lạng Sơn; thời gian: quý III."
    ]
    got = paragraphs(["Sở Y tế báo cáo kết quả.", "Sơn La là tỉnh miền núi."])
    assert len(got) == 2  # a sentence ended: the next line is a new paragraph
