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


def test_pdf_text_layer_page_numbers_and_rule_under_the_title() -> None:
    # a page number left between the halves of a sentence is no quantity; the `-----` rule
    # under the title ends it; the words that say how a number moves are no subject
    r = extract_file(FIXTURES / "variant_pdf_party_programme.txt")
    assert r.document.title.endswith("trong giai đoạn mới")
    assert [t.text[:20] for t in r.targets] == ["Tỷ lệ gia đình văn h", "Tỷ lệ thôn, tổ dân p"]
    assert [_metrics(t) for t in r.targets] == [
        [(88, "%", "Tỷ lệ gia đình văn hóa toàn tỉnh", None)],  # not "… duy trì ổn định ở mức"
        [(95, "%", "Tỷ lệ thôn, tổ dân phố có nhà văn hóa đạt chuẩn", None)],
    ]
    assert all(t.horizon == 2030 for t in r.targets)


def test_scheme_with_results_before_its_objectives_and_a_page_break_inside_them() -> None:
    r = extract_file(FIXTURES / "variant_pdf_scheme_report.txt")
    d = r.document
    assert (d.kind, d.number, d.draft, d.date) == ("de_an", None, True, None)
    assert d.title == "Bảo tồn và phát huy giá trị di sản văn hóa các dân tộc giai đoạn 2026 - 2030"
    # the results of 2021-2025 are no targets, nor the page number "5" in the general aim
    assert [_metrics(t) for t in r.targets] == [
        [(100, "%", "di tích quốc gia được lập hồ sơ số hóa", None)],
        [(450, "tỷ đồng", "Thu từ du lịch cộng đồng", None)],  # not "… đạt trung bình"
    ]
    # the heading "… THÔNG TIN, BÁO CÁO, SƠ KẾT, TỔNG KẾT" asks for no report itself
    assert [(x.every, x.due, x.to) for x in r.reporting] == [
        ("half_year", None, "Tỉnh ủy"),
        ("year", None, "Tỉnh ủy"),
    ]


def test_footnote_of_a_letter_gives_no_target() -> None:
    r = extract_file(FIXTURES / "variant_footnote_letter.txt")
    assert r.targets == []  # "1 Các quy định …" is a footnote, "các" no unit
    assert r.reporting == []  # "tham mưu, đề xuất" is no report


def test_targets_under_year_lines_and_a_baseline_paragraph() -> None:
    """`a) Năm 2026`, `b) Đến năm 2028` head the statements under them (their horizon); the
    paragraph on 2025 after the list reports the baseline; `tổng số 25.000` is a count."""
    r = extract_file(FIXTURES / "variant_targets_year_blocks.txt")
    got = [(t.horizon, [(m.value, m.unit) for m in t.metrics]) for t in r.targets]
    assert got == [
        (2026, [(100, "%")]),
        (2026, [(25000, "hiện vật"), (15, "%")]),
        (2028, [(60, "%")]),
        (2030, [(300000, "lượt khách")]),
    ]


def test_target_table_rows_by_year_beside_a_vision_statement() -> None:
    """A row reaching 100 in 2028 does not restate a vision's 100% by 2045, and two rows of
    one table worded alike are two targets."""
    r = extract_file(FIXTURES / "variant_target_rows_by_year_vision.txt")
    assert [(t.horizon, [(m.value, m.by) for m in t.metrics]) for t in r.targets] == [
        (2045, [(100, 2045)]),
        (2028, [(60, 2026), (80, 2027), (100, 2028)]),
        (2028, [(50, 2026), (65, 2027), (80, 2028)]),
        (2028, [(40, 2026), (45, 2027), (50, 2028)]),
    ]
    assert r.targets[2].text == "Tỷ lệ trường học cấp trung học đạt chuẩn quốc gia"


def test_yearly_roadmap_under_a_spanning_heading_joins_the_body_targets() -> None:
    """A scheme in parts: the review part's table of past years gives no targets; the
    appendix's `Kế hoạch giai đoạn 2026 - 2030` spans a row of years (`Năm 2026 | … | Năm
    2030`), each its own metric, `Thực hiện năm 2025` the baseline; a row restating one number
    of a body statement adds its years to it (one statement restated by two rows takes both),
    and a row the body does not state is a target of its own."""
    r = extract_file(FIXTURES / "variant_scheme_yearly_roadmap.txt")
    values = [(t.horizon, sorted((m.value, m.by or 0) for m in t.metrics)) for t in r.targets]
    assert values == [
        (
            2030,
            sorted(
                [
                    *[(600, 2030), (420, 2026), (460, 2027), (510, 2028), (550, 2029)],
                    *[(300, 2030), (205, 2026), (225, 2027), (250, 2028), (275, 2029)],
                ]
            ),
        ),
        (2030, [(5, 2026), (10, 2027), (15, 2028), (20, 2029), (25, 2030)]),
        (2030, [(100, 0)]),
        (2030, [(450, 2026), (500, 2027), (560, 2028), (620, 2029), (700, 2030)]),
    ]
    assert r.targets[0].section == r.targets[2].section != "appendix"
    assert r.targets[3].text == "Số hộ gia đình kinh doanh homestay"
    assert not any(m.value in (95, 380, 186) for t in r.targets for m in t.metrics)
