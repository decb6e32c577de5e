"""Targets read from the objectives part, here an emulation movement's criteria."""

from kehoach.extract import extract_file

from .conftest import FIXTURES


def test_an_emulation_movements_criteria_are_its_targets() -> None:
    """`III. TIÊU CHÍ THI ĐUA` is the objectives part: each criterion with a number is a
    target (`100% cán bộ … mặc trang phục truyền thống …` too, which commits in no other
    words), aimed at the year its heading strives for; the scoring scale's points and the
    rewards (`tặng Bằng khen cho 30 tập thể`, the money for them) are none."""
    r = extract_file(FIXTURES / "variant_emulation_movement.txt")
    got = [(t.horizon, [(m.value, m.unit) for m in t.metrics]) for t in r.targets]
    assert got == [(2030, [(2, "đội")]), (2030, [(100, "%")]), (2030, [(100, "%")])]
    assert r.targets[2].text.startswith("100% cán bộ, công chức cấp xã")


def test_an_event_plans_striving_lines_are_its_targets_and_its_size_is_none() -> None:
    """A plan with no objectives part: the `Phấn đấu …` lines of `Mục đích`/`Yêu cầu` commit
    (who the event draws counted in `doanh nghiệp`); `3. Quy mô: … 900 đại biểu …` describes
    the event as planned, no commitment."""
    r = extract_file(FIXTURES / "variant_event_week_contacts.md")
    got = [(t.section, [(m.value, m.unit) for m in t.metrics]) for t in r.targets]
    assert got == [
        ("I.1", [(70000, "lượt khách"), (95, "tỷ đồng")]),
        ("I.2", [(40, "doanh nghiệp")]),
    ]
    # typed text is read as written (not taken for OCR for its contacts' `đ/c`)
    assert "đón khoảng 70.000" in r.targets[0].text


def test_the_figure_as_it_stands_now_is_no_metric() -> None:
    """`phục dựng 100% lễ hội có nguy cơ thất truyền (hiện có 12 lễ hội) và tối thiểu 20 lễ
    hội khác`: the aside states how many there are now (`targets.present_states`), the
    baseline; the target's metrics are the 100% and the 20."""
    r = extract_file(FIXTURES / "variant_phase_sections.txt")
    got = [[(m.value, m.unit, m.by) for m in t.metrics] for t in r.targets]
    assert got == [[(100, "%", 2027), (20, "lễ hội", 2027)], [(4, "lễ hội", None)]]


def test_a_year_after_each_number_is_its_own_and_a_grade_is_no_number() -> None:
    """`đạt 85% vào năm 2026 và 95% vào năm 2030; 70% nhà văn hóa …`: each year follows its
    number, `và` between them (no comma), so 85 is due by 2026 and 95 by 2030; the 70 after
    the `;` has no year of its own (2030 was 95's). `đạt chuẩn mức độ 2 trở lên`: the 2 is a
    grade, no metric."""
    r = extract_file(FIXTURES / "variant_place_targets.txt")
    got = [[(m.value, m.by) for m in t.metrics] for t in r.targets[:2]]
    assert got == [[(85, 2026), (95, 2030), (70, None)], [(40, None)]]


def test_a_count_of_festival_days_is_a_metric() -> None:
    """`mỗi xã tổ chức ít nhất 02 ngày hội văn hóa dân gian mỗi năm`: `ngày hội` counts events,
    though `ngày` after a number is a length of time."""
    r = extract_file(FIXTURES / "variant_group_intro_prose.txt")
    assert [(m.value, m.unit) for m in r.targets[0].metrics] == [(100, "%"), (2, "ngày hội")]


def test_a_count_of_places_after_tai_is_a_metric() -> None:
    """`thí điểm … tại 10 xã, phường`: a number after `tại` with a known unit counts places;
    after `tại` with no unit (`tại Điều 5`, `tại 12/2026/NĐ-CP`) it is still a reference."""
    from kehoach.extract.targets import quantities

    assert [(v, u) for v, u, _ in quantities("Khảo sát thí điểm tại 10 xã, phường.")] == [
        (10, "xã")
    ]
    assert quantities("Thực hiện theo quy định tại 12 của Nghị định.") == []


def test_a_striving_sentence_of_an_events_size_is_a_target() -> None:
    """`3. Quy mô: Ngày hội có khoảng 600 nghệ nhân … Phấn đấu đón khoảng 25.000 lượt khách
    …`: the size the line describes is no commitment, but its sentence that strives
    (`targets.future_commitments`) is, aimed at the one-year plan's year."""
    r = extract_file(FIXTURES / "variant_festival_size_and_closing_report.txt")
    got = [(t.section, t.horizon, [(m.value, m.unit, m.by) for m in t.metrics]) for t in r.targets]
    assert got == [("II.3", 2027, [(25000, "lượt khách", None)])]
    assert r.targets[0].text.startswith("Phấn đấu đón khoảng 25.000 lượt khách")


def test_a_target_table_in_the_objectives_part_keeps_the_bodys_numbers_out() -> None:
    """An objectives part that states its targets in a table only (`2. Các chỉ tiêu chủ yếu`
    over `TT | Chỉ tiêu | Năm 2026 | …`) is an objectives part: the numbers in the tasks of the
    body (`ít nhất 03 vở diễn hằng năm`, `hoàn thành số hóa 100% … trong năm 2026`) are no
    targets, and each row keeps its own text, horizon and section."""
    targets = extract_file(FIXTURES / "variant_nested_tabled_targets.txt").targets
    assert [(t.text, t.horizon, t.section) for t in targets] == [
        ("Tỷ lệ di tích cấp quốc gia được số hóa", 2030, "II.2"),
        ("Số lượt khách du lịch", 2030, "II.2"),
    ]
    assert [m.by for m in targets[0].metrics] == [2026, 2028, 2030]


def test_a_letters_results_so_far_are_no_commitment() -> None:
    """A letter with no objectives part commits in its prose; `… còn chậm, mới đạt khoảng 40%
    …` says how far the work has only got (lexicon `targets.reported`)."""
    targets = extract_file(FIXTURES / "variant_letter_requests.txt").targets
    assert [[m.value for m in t.metrics] for t in targets] == [[60000], [100]]
    assert {t.horizon for t in targets} == {2027}


def test_a_grade_of_stars_is_no_quantity() -> None:
    from kehoach.extract.targets import quantities

    got = quantities("80% cơ sở lưu trú từ 4 sao trở lên và 100% điểm tham quan dùng vé điện tử")
    assert [(v, u) for v, u, _ in got] == [(80, "%"), (100, "%")]


def test_a_pilot_counts_what_it_tries_out() -> None:
    """`Xây dựng thí điểm 04 mô hình …`: `điểm` before a number is a reference word (`điểm
    3`), but `thí điểm` counts the models piloted."""
    r = extract_file(FIXTURES / "variant_phase_bullets_brackets.txt")
    got = [(t.horizon, [(m.value, m.unit) for m in t.metrics]) for t in r.targets]
    assert got == [(2027, [(4, "mô hình")]), (2027, [(70, "%")]), (2030, [(12, "điểm")])]


def test_the_peoples_a_province_has_are_no_target() -> None:
    """`Gìn giữ bản sắc văn hóa của 54 dân tộc anh em` in a general objective: the peoples who
    live there, not a count to reach; the numbered target under it stays."""
    r = extract_file(FIXTURES / "variant_department_own_units_plan.txt")
    assert [[(m.value, m.unit) for m in t.metrics] for t in r.targets] == [[(100, "%")]]


def test_a_past_years_figure_in_brackets_is_the_baseline_and_ranges_share_a_subject() -> None:
    """`đạt 26 - 28% (năm 2025 đạt 24,5%)`, `(giai đoạn 2021 - 2025 đạt khoảng 70%)`: an aside
    of a year before the plan's states where the target starts from, no metric, and its year
    is no number's `by` (the `1.200` after it has none); a change measured from a past year
    in brackets (`tăng 20% (so với năm 2025)`) is still to come. `từ 85% đến 90%` is a range
    like `26 - 28%`, both ends counting the same thing, and a label before a colon names the
    numbers of the years listed after it (`Tỷ lệ …: đến năm 2027 đạt 38%, …`)."""
    r = extract_file(FIXTURES / "variant_target_notations.txt")
    got = [[(m.value, m.unit, m.by) for m in t.metrics] for t in r.targets]
    assert got == [
        [(38, "%", 2027), (42, "%", 2030)],
        [(26, "%", None), (28, "%", None), (1200, "câu lạc bộ", None)],
        [(85, "%", None), (90, "%", None), (100, "%", None)],
        [(20, "%", None)],
    ]
    label = "Tỷ lệ người dân tập luyện thể dục thể thao thường xuyên"
    assert [m.subject for m in r.targets[0].metrics] == [label, label]
    school = "Trường học tổ chức hoạt động thể thao ngoại khóa"
    assert [m.subject for m in r.targets[2].metrics[:2]] == [school, school]
