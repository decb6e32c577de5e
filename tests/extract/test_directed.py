"""`Chỉ đạo Y …` under a body's heading (`directed.py`): the body directs a named Y, which
leads; a group or no one after `Chỉ đạo` leaves the body the lead. The fixture is an OCR'd
council resolution, its heading's sentence cut by a hyphen at a line's end."""

from kehoach.extract import extract_file
from kehoach.extract.directed import directed_reading
from kehoach.extract.readings import HEADING, Reading

from .conftest import FIXTURES

UBND = "Ủy ban nhân dân tỉnh"
GIVEN = Reading(lead=[UBND], strength=HEADING, source="heading")


def test_a_named_body_after_chi_dao_leads_and_the_heading_body_directs() -> None:
    got = directed_reading("Chỉ đạo Công an tỉnh nắm chắc tình hình địa bàn.", GIVEN)
    assert got is not None
    assert (got.directing, got.lead) == ([UBND], ["Công an tỉnh"])
    # several bodies, a group after a named one among them
    got = directed_reading(
        "Chỉ đạo Sở Nội vụ, Ủy ban nhân dân các xã, phường rà soát đội ngũ.", GIVEN
    )
    assert got is not None
    assert got.lead == ["Sở Nội vụ", "Ủy ban nhân dân các xã, phường"]


def test_a_group_or_no_one_after_chi_dao_directs_nothing() -> None:
    for text in (
        "Chỉ đạo các cơ sở giáo dục trực thuộc tổ chức ngoại khóa.",
        "Chỉ đạo các cơ quan báo chí mở chuyên mục.",
        "Chỉ đạo Ủy ban nhân dân các xã, phường bố trí phòng đọc.",
        "Chỉ đạo triển khai mô hình tủ sách cộng đồng.",
        "Ban hành kế hoạch thực hiện.",
    ):
        assert directed_reading(text, GIVEN) is None, text


def test_nothing_is_directed_without_a_heading_body_or_when_it_directs_already() -> None:
    text = "Chỉ đạo Sở Y tế kiểm tra an toàn thực phẩm."
    assert directed_reading(text, None) is None
    assert directed_reading(text, Reading(time="Năm 2026")) is None
    directs = Reading(directing=["Tỉnh ủy"], lead=[UBND], strength=HEADING)
    assert directed_reading(text, directs) is None


def test_the_ocr_resolution_gives_its_letter_items_their_directing_body() -> None:
    tasks = {t.id: t for t in extract_file(FIXTURES / "variant_ocr_council_directed.txt").tasks}
    roles = {i: (t.directing, t.lead, t.coordinating) for i, t in tasks.items()}
    # `1. Giao Ủy ban nhân dân tỉnh tổ chức …, trong đó tập tru-` / `ng:` is a sentence: its
    # body, not the whole sentence, leads what it does itself
    assert roles["Điều 2.1.1"] == ([], [UBND], [])
    vh = "Sở Văn hóa, Thể thao và Du lịch"
    assert roles["Điều 2.1.2"] == ([UBND], [vh], ["Sở Tài chính"])
    assert roles["Điều 2.1.3"] == ([UBND], ["Sở Giáo dục và Đào tạo"], [])
    assert roles["Điều 2.1.4"] == ([UBND], ["Đài Phát thanh và Truyền hình tỉnh"], [])
    for group in ("Điều 2.1.5", "Điều 2.1.6", "Điều 2.1.7"):  # a group, or no one
        assert roles[group] == ([], [UBND], []), group
    # `tuyên tru-` / `yền` whole again: the front leads, no verb glued to its name
    assert roles["Điều 2.2"] == ([], ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], [])
    # the dates and numbers OCR misread: `30/l1/2026`, `năm học`, `8O%`, `l00%`, `3,l`
    b, c = tasks["Điều 2.1.2"].timeframe, tasks["Điều 2.1.3"].timeframe
    assert (b.kind, b.start, b.end) == ("window", "2026-01-01", "2026-11-30")
    assert (c.raw, c.kind, c.start) == ("từ năm học 2027 - 2028", "from", "2027-09-01")
    record = extract_file(FIXTURES / "variant_ocr_council_directed.txt")
    values = [[m.value for m in t.metrics] for t in record.targets]
    assert values[:2] == [[80, 100], [3.1]]
    assert record.document.date == "2026-08-14"
