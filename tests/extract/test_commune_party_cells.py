"""A commune party committee's plan (`ĐẢNG ỦY XÃ …`, `-KH/ĐU`) that hands its work out by body
in `Tổ chức thực hiện`: the party cells (`Chi bộ …`) that direct the commune's government,
police or school (`Giao Chi bộ X lãnh đạo, chỉ đạo Y:` over bullets, or as one paragraph),
the villages' cells (`Chi bộ các thôn`), and the closing line that spreads the plan."""

from kehoach.extract import extract_file

from .conftest import FIXTURES

PLAN = FIXTURES / "variant_commune_cells_plan.txt"
UBND = "Ủy ban nhân dân xã"
CELL = "Chi bộ Ủy ban nhân dân xã"


def _tasks() -> dict:
    return {t.id: t for t in extract_file(PLAN).tasks}


def test_a_cell_told_to_direct_a_body_over_bullets_directs_each_and_the_body_leads() -> None:
    tasks = _tasks()
    under = [t for i, t in tasks.items() if i.startswith("III.2.")]
    assert len(under) == 4
    assert all((t.directing, t.lead) == ([CELL], [UBND]) for t in under)
    # `Phối hợp với Y …` under the heading: Y coordinates; `X … xã` before the verb is X's name
    assert tasks["III.2.2"].coordinating == ["Ban Xây dựng Đảng Đảng ủy xã"]
    # an en dash opens a bullet as a hyphen does; `+` sub-items join the bullet above them
    assert tasks["III.2.3"].timeframe.raw == "giai đoạn 2026 - 2028"
    assert "Lập danh mục nhà văn hóa" in tasks["III.2.4"].text
    assert tasks["III.2.4"].timeframe.start == "2026-10-01"


def test_the_same_wording_as_one_paragraph_is_one_task() -> None:
    task = _tasks()["III.3"]
    assert task.directing == ["Chi bộ Trường Trung học cơ sở"]
    assert task.lead == ["Trường Trung học cơ sở Yên Lập"]
    assert task.timeframe.every == "year"


def test_the_villages_cells_head_their_bullets() -> None:
    tasks = _tasks()
    assert [tasks[i].lead for i in ("III.4.1", "III.4.2")] == [["Chi bộ các thôn"]] * 2
    assert tasks["III.4.2"].timeframe.every == "quarter"


def test_the_line_that_spreads_the_plan_is_no_task_of_the_last_body() -> None:
    assert not [t for t in _tasks().values() if t.text.startswith("Kế hoạch này")]


def test_a_report_made_when_asked_times_the_bullet_on_request() -> None:
    task = _tasks()["III.1.1"]
    assert (task.timeframe.raw, task.timeframe.kind) == ("khi có yêu cầu", "on_request")
