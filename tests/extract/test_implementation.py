"""Closing parentheses that give an item's roles as a party programme writes them: the party
bodies that direct (`lãnh đạo, chỉ đạo`, `định hướng`), the body that leads and those that
coordinate, the time after the last verb; and a heading's parenthesis over its bullets."""

import pytest

from kehoach.extract import extract_file
from kehoach.extract.implementation import assignment, timeframe_phrase
from kehoach.extract.timeframes import parse_timeframe

from .conftest import FIXTURES

UBND_PARTY = "Đảng ủy Ủy ban nhân dân tỉnh"
SVH = "Sở Văn hóa, Thể thao và Du lịch"


@pytest.mark.parametrize(
    ("text", "directing", "lead", "coordinating", "when"),
    [
        # the party body directs, alone in its part; the department leads
        (
            "Tổ chức liên hoan đờn ca tài tử (Đảng ủy UBND tỉnh lãnh đạo, chỉ đạo; Sở VHTTDL "
            "chủ trì, phối hợp với Sở Tài chính; hoàn thành trong quý III/2026).",
            [UBND_PARTY],
            [SVH],
            ["Sở Tài chính"],
            "hoàn thành trong quý III/2026",
        ),
        # `định hướng` directs; the verb and time after the last coordinator are no part of it
        (
            "Mở chuyên trang văn hóa đọc (Ban Tuyên giáo và Dân vận Tỉnh ủy định hướng; Báo "
            "Bình Định chủ trì, phối hợp với Thư viện tỉnh thực hiện thường xuyên).",
            ["Ban Tuyên giáo và Dân vận Tỉnh ủy"],
            ["Báo Bình Định"],
            ["Thư viện tỉnh"],
            "thực hiện thường xuyên",
        ),
        # a committee named with its number directs
        (
            "Rà soát thông tin sai lệch trên mạng (Ban Chỉ đạo 35 Tỉnh ủy chỉ đạo; Công an "
            "tỉnh chủ trì).",
            ["Ban Chỉ đạo 35 Tỉnh ủy"],
            ["Công an tỉnh"],
            [],
            None,
        ),
        # `X lãnh đạo, chỉ đạo Y phối hợp với Z thực hiện`: X directs, Y leads, Z coordinates
        (
            "Lập hồ sơ di sản (Đảng ủy UBND tỉnh lãnh đạo, chỉ đạo UBND tỉnh phối hợp với Bộ "
            "Văn hóa, Thể thao và Du lịch thực hiện; năm 2027).",
            [UBND_PARTY],
            ["Ủy ban nhân dân tỉnh"],
            ["Bộ Văn hóa, Thể thao và Du lịch"],
            "năm 2027",
        ),
        # directing only: no lead
        (
            "Nâng cấp thư viện tỉnh (Đảng ủy UBND tỉnh lãnh đạo, chỉ đạo thực hiện; giai đoạn "
            "2026 - 2028).",
            [UBND_PARTY],
            [],
            [],
            "giai đoạn 2026 - 2028",
        ),
        # a commune group's party committees direct, its people's committees carry it out
        (
            "Sử dụng nhà văn hóa đúng mục đích (Đảng ủy các xã, phường lãnh đạo; UBND các xã, "
            "phường tổ chức thực hiện).",
            ["Đảng ủy các xã, phường"],
            ["Ủy ban nhân dân các xã, phường"],
            [],
            None,
        ),
        # a group read up to its verb, its last word kept (`tổ chức đảng`)
        (
            "Đưa chỉ tiêu văn hóa vào nghị quyết (Các cấp ủy, tổ chức đảng thực hiện).",
            [],
            ["Các cấp ủy, tổ chức đảng"],
            [],
            None,
        ),
        # `chủ trì tham mưu`, `chủ trì thực hiện`: lead verbs, no coordinator
        (
            "Ban hành chính sách (Đảng ủy HĐND tỉnh, Đảng ủy UBND tỉnh lãnh đạo, chỉ đạo; Sở "
            "VHTTDL chủ trì tham mưu; trong năm 2027).",
            ["Đảng ủy Hội đồng nhân dân tỉnh", UBND_PARTY],
            [SVH],
            [],
            "trong năm 2027",
        ),
        (
            "Xây dựng làng văn hóa (UBND các xã, phường chủ trì thực hiện; Sở VHTTDL phối hợp).",
            [],
            ["Ủy ban nhân dân các xã, phường"],
            [SVH],
            None,
        ),
    ],
)
def test_a_party_programmes_closing_parenthesis(text, directing, lead, coordinating, when):
    got = assignment(text, 2026)
    assert got is not None
    assert (got.directing, got.lead, got.coordinating, got.when) == (
        directing,
        lead,
        coordinating,
        when,
    )
    assert got.text == text[: text.index(" (")]


def test_a_directing_verb_before_no_body_directs_no_one() -> None:
    # "chỉ đạo việc …": the words after the verb are the work, not a body
    got = assignment("Tổ chức hội diễn (Sở VHTTDL chỉ đạo việc tuyển chọn; thực hiện)", 2026)
    assert got is not None
    assert (got.directing, got.lead) == ([], [SVH])


def test_a_party_programmes_bracketed_roles_read_in_the_document() -> None:
    r = extract_file(FIXTURES / "variant_party_bracket_roles.txt")
    roles = {t.id: (t.directing, t.lead, t.coordinating) for t in r.tasks}
    assert roles["III.1.1.1"] == (
        ["Ban Tuyên giáo và Dân vận Tỉnh ủy"],
        ["Báo Quảng Ngãi"],
        [SVH, "Hội Văn học Nghệ thuật tỉnh"],
    )
    assert roles["III.1.1.2"] == (["Ban Chỉ đạo 35 Tỉnh ủy"], ["Công an tỉnh"], [SVH])
    assert roles["III.1.2.1"] == ([], ["Các cấp ủy, tổ chức đảng"], [])
    assert roles["III.1.2.2"] == ([], ["Ban Tổ chức Tỉnh ủy"], ["Sở Nội vụ"])
    assert roles["III.2.2"] == (["Đảng ủy các xã, phường"], ["Ủy ban nhân dân các xã, phường"], [])
    assert roles["III.2.3"] == (
        [UBND_PARTY],
        ["Ủy ban nhân dân tỉnh"],
        ["Bộ Văn hóa, Thể thao và Du lịch"],
    )
    assert roles["III.2.4"] == ([UBND_PARTY], [], [])
    assert roles["III.2.5"] == ([], [SVH], ["Sở Khoa học và Công nghệ", "Viettel Quảng Ngãi"])
    assert roles["III.2.6"] == (["Đảng ủy Hội đồng nhân dân tỉnh", UBND_PARTY], [SVH], [])
    # "Báo X, Cổng Thông tin điện tử tỉnh mở …": two bodies, the second registered
    assert roles["IV.2"] == ([], ["Báo Quảng Ngãi", "Cổng Thông tin điện tử tỉnh"], [])
    when = {t.id: t.timeframe for t in r.tasks}
    assert (when["III.1.1.1"].raw, when["III.1.1.1"].kind) == (
        "thực hiện thường xuyên",
        "continuous",
    )
    assert (when["III.2.4"].kind, when["III.2.4"].start) == ("window", "2027-01-01")


def test_a_rate_after_a_start_keeps_the_timeframe_from_then() -> None:
    """`bắt đầu từ năm 2027 tổ chức … ít nhất 02 buổi … mỗi năm học`: `mỗi` after a start is
    the work's rate, the timeframe runs from 2027; `hằng năm` after a start still recurs."""
    assert (
        timeframe_phrase(
            "Chỉ đạo các trường; bắt đầu từ năm 2027 tổ chức ít nhất 02 buổi giao lưu mỗi năm học."
        )
        == "bắt đầu từ năm 2027"
    )
    assert timeframe_phrase("Từ năm 2027, hằng năm tổ chức hội thi.") == "Từ năm 2027, hằng năm"
    r = extract_file(FIXTURES / "variant_directive_heads.txt")
    first = r.tasks[0].timeframe
    assert (first.kind, first.start) == ("from", "2027-01-01")


def test_a_closing_parenthesis_that_says_when_the_work_is_done() -> None:
    """`… (thực hiện giai đoạn 2026 - 2030).` closes the item with its period, as `(giai
    đoạn 2026 - 2030)` does."""
    text = "Hướng dẫn các xã xây dựng nhà văn hóa (thực hiện giai đoạn 2026 - 2030)."
    assert timeframe_phrase(text) == "thực hiện giai đoạn 2026 - 2030"
    r = extract_file(FIXTURES / "variant_place_targets.txt")
    first = r.tasks[0].timeframe
    assert (first.kind, first.start, first.end) == ("window", "2026-01-01", "2030-12-31")


def test_a_schemes_horizon_gives_way_to_the_works_own_time() -> None:
    """`Xây dựng Đề án … đến năm 2030, định hướng đến năm 2035 …; hoàn thành trong năm 2027`:
    the years in the scheme's name are its horizon; the work is done in 2027. A scheme's period
    alone is still the item's (`Triển khai Chương trình … đến năm 2030.`)."""
    r = extract_file(FIXTURES / "variant_group_intro_prose.txt")
    first = next(t for t in r.tasks if t.id == "II.1.1")
    assert (first.timeframe.raw, first.timeframe.start, first.timeframe.end) == (
        "hoàn thành trong năm 2027",
        "2027-01-01",
        "2027-12-31",
    )
    assert timeframe_phrase("Triển khai Chương trình phát triển du lịch đến năm 2030.") == (
        "đến năm 2030"
    )


def test_a_period_opening_a_clause_and_a_start_day_alone() -> None:
    """`…; giai đoạn 2027 - 2029 ưu tiên …`: the period of the work the clause names; `từ
    ngày 05/01/2027` alone is a start, but not the day a law takes effect."""
    assert (
        timeframe_phrase("Rà soát các điểm vui chơi; giai đoạn 2027 - 2029 ưu tiên 05 thôn.")
        == "giai đoạn 2027 - 2029"
    )
    assert (
        timeframe_phrase("Phát sóng chuyên mục dân ca trên đài huyện từ ngày 05/01/2027.")
        == "từ ngày 05/01/2027"
    )
    assert timeframe_phrase("Phổ biến Luật Điện ảnh có hiệu lực từ ngày 01/01/2023.") is None


def test_the_hour_and_day_of_an_event_inside_the_item() -> None:
    """`… vào 19h30 ngày 14/8/2027`, `từ 06h00 đến 11h00 ngày 15/8/2027`: that one day."""
    assert (
        timeframe_phrase("Truyền hình trực tiếp Lễ khai mạc vào 19h30 ngày 14/8/2027.")
        == "19h30 ngày 14/8/2027"
    )
    assert (
        timeframe_phrase("Cấm xe tải qua trung tâm xã từ 06h00 đến 11h00 ngày 15/8/2027.")
        == "từ 06h00 đến 11h00 ngày 15/8/2027"
    )


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # a span of years after `trong năm`: both years, not the first alone
        (
            "Mở lớp bồi dưỡng hướng dẫn viên tại điểm di tích trong năm 2027 - 2028.",
            "trong năm 2027 - 2028",
        ),
        ("Tổ chức trại sáng tác trong các năm 2027 – 2029.", "trong các năm 2027 – 2029"),
        # the span closing a lead sentence before the sub-items it introduces
        (
            "Rà soát thiết chế văn hóa thôn giai đoạn 2027 - 2029, gồm: nhà văn hóa; sân chơi.",
            "giai đoạn 2027 - 2029",
        ),
        # a quoted campaign's name ends at its closing quote: a span after more words is the work's
        (
            "Hưởng ứng Cuộc vận động “Ngày Chủ nhật xanh” gắn với chỉnh trang thôn xóm giai đoạn 2027 - 2029.",
            "giai đoạn 2027 - 2029",
        ),
        # … but right after the quoted name, the span is part of the name
        ("Triển khai Đề án “Thư viện thân thiện” giai đoạn 2027 - 2029.", None),
    ],
)
def test_spans_of_years_in_running_text(text: str, phrase: str | None) -> None:
    assert timeframe_phrase(text) == phrase


def test_a_year_and_the_years_after_it_inside_the_item() -> None:
    """`… trong dự toán ngân sách năm 2027 và các năm tiếp theo.`: from 2027, wherever in
    the item it stands (the schema's `Năm 2027 và các năm tiếp theo`)."""
    text = "Bố trí kinh phí trong dự toán ngân sách năm 2027 và các năm tiếp theo để duy trì."
    assert timeframe_phrase(text) == "năm 2027 và các năm tiếp theo"


def test_a_pilots_year_before_the_year_it_spreads_from_decides() -> None:
    """`… thí điểm tại hai xã năm 2027, nhân rộng từ năm 2028`: the first period stated, the
    pilot's year, decides (a window), the start of its spreading shown beside it."""
    from kehoach.extract.timeframes import parse_timeframe

    bullet = "Làm điểm mô hình tủ sách cộng đồng tại hai thôn năm 2027, sau đó mở rộng ra các xã từ năm 2028."
    phrase = timeframe_phrase(bullet)
    assert phrase == "năm 2027, sau đó mở rộng ra các xã từ năm 2028"
    tf = parse_timeframe(phrase, 2026)
    assert (tf.kind, tf.start, tf.end) == ("window", "2027-01-01", "2027-12-31")
    # a start alone stays a start
    assert timeframe_phrase("Nhân rộng mô hình tủ sách cộng đồng từ năm 2028.") == "từ năm 2028"


def test_a_term_of_a_school_year_is_a_bullets_time() -> None:
    """`trong học kỳ II năm học 2026 - 2027` inside a bullet: the term, not only its year."""
    bullet = "Chỉ đạo các trường tổ chức tham quan di tích trong học kỳ II năm học 2026 - 2027."
    assert timeframe_phrase(bullet) == "trong học kỳ II năm học 2026 - 2027"


def test_a_bare_year_or_span_inside_an_item_is_its_period() -> None:
    """A year or span standing bare inside an item, with nothing else to say when: the work's
    period; not a past event's year, a year compared with, or the end of a work's name."""
    assert (
        timeframe_phrase("Bảo đảm an ninh tại các hội sách năm 2027; phối hợp với Sở X kiểm tra.")
        == "năm 2027"
    )
    assert (
        timeframe_phrase("UBND các xã bố trí kinh phí giai đoạn 2026 - 2030 từ ngân sách cấp xã.")
        == "giai đoạn 2026 - 2030"
    )
    assert timeframe_phrase("Tuyên truyền về sự kiện 81 ngày đêm năm 1972 tại di tích.") is None
    assert timeframe_phrase("Duy trì số lượt khách tăng so với năm 2025 tại các điểm.") is None
    assert (
        timeframe_phrase(
            "Lồng ghép với Chương trình mục tiêu quốc gia giai đoạn 2026 - 2030 tại xã."
        )
        is None
    )


def test_letter_and_nested_plan_items_take_their_bare_periods() -> None:
    letter = {
        t.id: t.timeframe for t in extract_file(FIXTURES / "variant_letter_requests.txt").tasks
    }
    assert (letter["2"].kind, letter["2"].start, letter["2"].end) == (
        "window",
        "2027-01-01",
        "2027-12-31",
    )
    plan = extract_file(FIXTURES / "variant_nested_tabled_targets.txt").tasks
    tf = {t.id: t.timeframe for t in plan}["III.1.1.5"]
    assert (tf.raw, tf.start, tf.end) == ("giai đoạn 2026 - 2030", "2026-01-01", "2030-12-31")


def test_a_task_done_when_asked_is_on_request() -> None:
    """`… cung cấp số liệu cho Sở X khi có yêu cầu`: the condition alone is the schema's
    `on_request`, as `Thường xuyên, khi có yêu cầu` is."""
    phrase = timeframe_phrase("Cung cấp số liệu thư viện cho Sở Tài chính khi có yêu cầu.")
    assert phrase == "khi có yêu cầu"
    assert parse_timeframe(phrase, 2026).kind == "on_request"
