"""Reporting duties in the words plans ask for them."""

from kehoach.extract import extract_file

from .conftest import FIXTURES


def test_a_one_year_plans_dated_reports_are_each_asked_once() -> None:
    """`… 6 tháng đầu năm trước ngày 10/6/2026 và báo cáo kết quả thực hiện năm 2026 trước ngày
    10/12/2026`: with no `định kỳ`/`hằng năm`, a period's report due on a dated day is a
    one-off, and so is the dated report no period word claims; the compiler's periodic duty
    (`định kỳ 6 tháng (trước ngày 20/6) và hằng năm (trước ngày 20/12)`) stays recurring."""
    r = extract_file(FIXTURES / "variant_numbered_task_blocks.txt")
    assert [(d.every, d.due, d.to) for d in r.reporting] == [
        ("once", "2026-06-10", "Sở Văn hóa, Thể thao và Du lịch"),
        ("once", "2026-12-10", "Sở Văn hóa, Thể thao và Du lịch"),
        ("half_year", "06-20", "Ủy ban nhân dân tỉnh"),
        ("year", "12-20", "Ủy ban nhân dân tỉnh"),
    ]


def test_later_clauses_report_where_the_first_one_says() -> None:
    """`… hằng năm về UBND tỉnh (qua Sở X) trước ngày 20/11; báo cáo sơ kết gửi trước ngày
    15/10/2028; báo cáo tổng kết gửi trước ngày 15/10/2030`: the reviews' reports go where the
    annual one goes, the third clause as the second."""
    r = extract_file(FIXTURES / "variant_emulation_movement.txt")
    to, via = "Ủy ban nhân dân tỉnh", "Sở Văn hóa, Thể thao và Du lịch"
    assert [(d.every, d.due, d.to, d.via) for d in r.reporting] == [
        ("year", "11-20", to, via),
        ("once", "2028-10-15", to, via),
        ("once", "2030-10-15", to, via),
    ]


def test_the_agencies_and_the_compilers_sides_of_one_annual_duty_are_one_entry() -> None:
    """`Các sở, ngành … gửi báo cáo … về Sở X trước ngày 01/12 hằng năm` then `Sở X tổng hợp,
    báo cáo UBND tỉnh trước ngày 10/12 hằng năm`: one duty stated for both sides, going to
    UBND tỉnh through Sở X by the compiler's date."""
    r = extract_file(FIXTURES / "variant_table_products.txt")
    assert [(d.every, d.due, d.to, d.via) for d in r.reporting] == [
        ("year", "12-10", "Ủy ban nhân dân tỉnh", "Sở Văn hóa, Thể thao và Du lịch")
    ]


def test_two_dated_reports_in_one_clause_and_an_ad_hoc_one_after_it() -> None:
    """`Sở X báo cáo UBND tỉnh kết quả Bước 1 trước ngày 15/10/2026 và kết quả Bước 2 trước
    ngày 31/7/2027; báo cáo Bộ Y khi có yêu cầu`: each dated day is a one-off of its own, and
    the clause after them, which names no one who reports, is Sở X's too."""
    r = extract_file(FIXTURES / "variant_phase_sections.txt")
    sở, ubnd = "Sở Văn hóa, Thể thao và Du lịch", "Ủy ban nhân dân tỉnh"
    assert [(d.every, d.due, d.to, d.via) for d in r.reporting] == [
        ("year", "11-20", ubnd, sở),
        ("once", "2026-10-15", ubnd, sở),
        ("once", "2027-07-31", ubnd, sở),
        ("ad_hoc", None, "Bộ Văn hóa, Thể thao và Du lịch", sở),
    ]


def test_duties_of_an_inspection_like_schedule() -> None:
    """A survey plan: sending the report's outline (`Soạn đề cương báo cáo, gửi các xã …`) asks
    no one to report; the communes' own reports go to the department with no compiler between
    (`via` null); the team leader's ad-hoc report to the province is a duty of its own beside
    the communes' ad-hoc one; and a report sent through the department (`(qua Sở X)`) in a
    section before `Tổ chức thực hiện` is a duty too."""
    r = extract_file(FIXTURES / "variant_survey_schedule.txt")
    svh, ubnd = "Sở Văn hóa, Thể thao và Du lịch", "Ủy ban nhân dân tỉnh"
    assert sorted((d.every, d.due or "", d.to, d.via or "") for d in r.reporting) == [
        ("ad_hoc", "", svh, ""),
        ("ad_hoc", "", ubnd, svh),
        ("once", "2026-09-15", ubnd, svh),
        ("once", "2026-11-30", ubnd, svh),
    ]


def test_a_table_cells_requests_are_no_part_of_the_agencies() -> None:
    """Role cells of a schedule: `Mời Hội … chủ trì khảo sát; Sở VHTTDL phối hợp`, `Đề nghị
    Tỉnh đoàn chủ trì; mời Hội Nông dân tỉnh phối hợp`, `Sở X chủ trì tổ chức, phối hợp với Sở
    Y`."""
    r = extract_file(FIXTURES / "variant_survey_schedule.txt")
    assert [(t.lead, t.coordinating) for t in r.tasks[1:]] == [
        (["Hội Liên hiệp Phụ nữ tỉnh"], ["Sở Văn hóa, Thể thao và Du lịch"]),
        (["Tỉnh đoàn"], ["Hội Nông dân tỉnh"]),
        (["Sở Công Thương"], ["Sở Nội vụ"]),
    ]


def test_a_compiler_under_any_bullet_mark_reports_through_itself() -> None:
    """`* Sở VHTTDL tổng hợp, tham mưu UBND tỉnh báo cáo Ban Thường vụ Tỉnh ủy …`: an item
    opened by `*` (or any bullet mark the outline reads) has its subject read as under `-`,
    the department compiling the report (`via`)."""
    r = extract_file(FIXTURES / "variant_lettered_parts_plus_tasks.txt")
    vhttdl = "Sở Văn hóa, Thể thao và Du lịch"
    assert [(d.every, d.due, d.to, d.via) for d in r.reporting] == [
        ("year", "11-20", "Ủy ban nhân dân tỉnh", vhttdl),
        ("year", "12-10", "Ban Thường vụ Tỉnh ủy", vhttdl),
    ]


def test_the_paragraph_closing_the_body_states_a_duty_under_any_section() -> None:
    """The plan's closing paragraph (`Trên cơ sở nhiệm vụ được giao, các cơ quan … gửi báo cáo
    … về Sở X trước ngày 20/4/2027 để tổng hợp, báo cáo UBND tỉnh./.`) stands under `IV. KINH
    PHÍ` in the outline, after `III. PHÂN CÔNG NHIỆM VỤ`; it speaks to every agency all the
    same: one report, through the department, to the province."""
    r = extract_file(FIXTURES / "variant_festival_size_and_closing_report.txt")
    assert [(d.every, d.due, d.to, d.via) for d in r.reporting] == [
        ("once", "2027-04-20", "Ủy ban nhân dân tỉnh", "Sở Văn hóa, Thể thao và Du lịch")
    ]
    # it assigns no task of its own, nor does the funding paragraph before it
    assert [t.id for t in r.tasks] == ["III.1", "III.2", "III.3"]


def test_a_call_to_direct_a_difficulty_is_no_duty_to_report() -> None:
    """`kịp thời báo cáo Giám đốc Sở (qua Văn phòng Sở) để chỉ đạo, giải quyết` asks the
    head to act on a difficulty: no duty beside the quarterly report (whose day of the last
    month, `trước ngày 15 của tháng cuối quý`, gives no `MM-DD`); a season's end put before
    the subject (`Kết thúc mùa lễ hội Xuân, Phòng X tổng hợp, …`) leaves Phòng X the
    compiler."""
    r = extract_file(FIXTURES / "variant_department_own_units_plan.txt")
    assert [(d.every, d.due, d.to, d.via) for d in r.reporting] == [
        ("quarter", None, "Sở Văn hóa, Thể thao và Du lịch", "Văn phòng Sở"),
        ("once", "2026-05-10", "Ủy ban nhân dân tỉnh", "Phòng Quản lý Di sản văn hóa"),
    ]


def test_a_system_named_for_reports_asks_for_none() -> None:
    """`kết nối với Hệ thống thông tin báo cáo của tỉnh; hoàn thành trước ngày 30/10/2026`: the
    `báo cáo` names the system a task connects to (`reporting.report_forms`), so the task's
    deadline is no one-off report; the reporting section's annual duty stays the only one."""
    r = extract_file(FIXTURES / "variant_target_notations.txt")
    assert [(d.every, d.due, d.to, d.via) for d in r.reporting] == [
        ("year", "12-05", "Ủy ban nhân dân tỉnh", "Sở Văn hóa, Thể thao và Du lịch")
    ]


def test_a_report_to_two_bodies_is_a_duty_to_each() -> None:
    """`Sở X tổng hợp, báo cáo Ủy ban nhân dân tỉnh và Bộ Y … trước ngày 20/12 hằng năm`: one
    duty for each body the report goes to, both compiled by Sở X."""
    r = extract_file(FIXTURES / "variant_regulation_articles.txt")
    vh = "Sở Văn hóa, Thể thao và Du lịch"
    assert [(d.every, d.due, d.to, d.via) for d in r.reporting] == [
        ("year", "12-20", "Ủy ban nhân dân tỉnh", vh),
        ("year", "12-20", "Bộ Văn hóa, Thể thao và Du lịch", vh),
    ]


def test_a_period_named_for_the_compilers_own_report_is_not_the_duties() -> None:
    """`… báo cáo kết quả … quý II về Sở (qua Văn phòng Sở) trước ngày 15/6/2026 để tổng hợp,
    xây dựng báo cáo sơ kết 6 tháng đầu năm của ngành`: the report asked for is due once on
    its dated day; the 6 months after the relay are the compiler's own report, no duty."""
    r = extract_file(FIXTURES / "variant_quarter_work_programme.txt")
    sở = "Sở Văn hóa, Thể thao và Du lịch"
    assert [(d.every, d.due, d.to, d.via) for d in r.reporting] == [
        ("month", "20", sở, "Văn phòng Sở"),
        ("once", "2026-06-15", sở, "Văn phòng Sở"),
    ]
