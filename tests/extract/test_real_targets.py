"""Targets as real plans state them: subjects cut at clause boundaries, appendix tables that
restate the body, objectives written on their heading's line, prose sentences that open with
their number."""

from kehoach.extract import extract_file

from .conftest import FIXTURES


def _metrics(target) -> list[tuple]:
    return [(m.value, m.unit, m.subject, m.by) for m in target.metrics]


def test_subjects_stop_where_the_next_clause_or_reference_begins() -> None:
    r = extract_file(FIXTURES / "variant_target_subjects.txt")
    t = r.targets
    assert _metrics(t[0]) == [
        (2.2, "triệu lượt", "Khách du lịch", None),
        (4800, "tỷ đồng", "doanh thu du lịch", None),
        (15, "%", "doanh thu du lịch", None),  # "tăng bình quân 15%/năm": the same subject
    ]
    assert _metrics(t[1]) == [(100, "%", "xã, phường có nhà văn hóa", None)]  # not "tiêu chí số 6"
    assert [m.subject for m in t[2].metrics] == [
        "Người tập luyện thể thao thường xuyên",  # "35% dân số": what the share is of
        "vụ vi phạm trong hoạt động lễ hội",  # "so với năm 2025" is the baseline
    ]
    assert _metrics(t[3]) == [
        (4, "lớp", "lớp truyền dạy chữ Thái cổ", None),
        (120, "học viên", "học viên", None),
        (10, "nhà văn hóa", "nhà văn hóa bản", None),
        (8.4, "tỷ đồng", "tổng kinh phí", None),
    ]
    assert _metrics(t[4]) == [(100, "%", "hồ sơ di tích", None)]  # 1503 is a document's number
    assert [m.subject for m in t[5].metrics] == [
        "nghìn lượt khách đến bản văn hóa",
        "khách nước ngoài",
    ]


def test_appendix_rows_that_restate_the_body_are_not_targets_twice() -> None:
    r = extract_file(FIXTURES / "variant_tourism_targets_appendix.md")
    assert [[m.value for m in t.metrics] for t in r.targets] == [[1.6, 10, 45000], [2100], [85]]
    first = r.targets[0]
    # "Năm 2026 phấn đấu …" dates every number; "so với năm 2025" dates none
    assert [m.by for m in first.metrics] == [2026, 2026, 2026]
    assert first.metrics[2].subject == "khách quốc tế"
    assert r.targets[2].text == "Số homestay đạt chuẩn"


def test_objectives_on_their_heading_line_and_prose_sentences_opening_with_a_number() -> None:
    r = extract_file(FIXTURES / "variant_objectives_heading_inline.txt")
    assert [(t.horizon, [m.value for m in t.metrics]) for t in r.targets] == [
        (2030, [100, 92, 2.5]),
        (2030, [6000]),
        (2045, [6]),
        (2045, [100]),
    ]
    assert r.targets[0].text.startswith("Đến năm 2030: 100% thôn")
    assert r.targets[3].text == "100% người dân được tiếp cận dịch vụ văn hóa số."
