"""Confidence and reasons on tasks and targets: what the import review page highlights."""

from dataclasses import replace

from kehoach.extract import extract_file
from kehoach.extract.confidence import assess_target, assess_task, unregistered
from kehoach.model import Metric, Target, Task, Timeframe

from .conftest import EXPECTED, FIXTURES


def test_a_table_row_with_known_agencies_and_a_timeframe_is_sure() -> None:
    task = Task(id="1", text="Số hóa di tích", lead=["Sở Văn hóa, Thể thao và Du lịch"])
    task = replace(task, timeframe=Timeframe(raw="Năm 2026", kind="window"))
    assert (assess_task(task, "table").confidence, assess_task(task, "table").reasons) == (0.95, [])


def test_doubts_lower_the_confidence_and_are_named() -> None:
    task = Task(id="1", text="Tuần tra biên giới", lead=["Bộ Tư lệnh Vùng Cảnh sát biển 3"])
    got = assess_task(task, "subject")
    assert got.reasons == ["agency_not_in_register", "no_timeframe"]
    assert got.confidence == 0.6
    bare = assess_task(Task(id="2", text="Tổ chức hội thảo"), "heading")
    assert bare.reasons == ["no_agency", "no_timeframe"] and bare.confidence < 0.5


def test_generic_groups_are_not_register_gaps() -> None:
    assert unregistered(["các sở, ban, ngành", "Cơ quan thuế", "Công an tỉnh", "Hải đội 2"]) == [
        "Hải đội 2"
    ]


def test_a_metric_without_subject_is_flagged() -> None:
    t = Target(id="t1", text="Tăng trên 3%.", metrics=[Metric(value=3, unit="%", subject=None)])
    assert assess_target(t).reasons == ["metric_without_subject"]


def test_every_task_and_target_of_a_record_is_assessed() -> None:
    r = extract_file(EXPECTED / "ld-kh-pcmt-2030.txt")
    assert all(t.confidence is not None for t in [*r.tasks, *r.targets])
    flagged = [t.lead for t in r.tasks if "agency_not_in_register" in t.reasons]
    assert ["Bộ Tư lệnh Vùng Cảnh sát biển 3"] in flagged
    event = extract_file(FIXTURES / "variant_event_plan.txt")
    assert event.tasks[0].reasons == [] and event.tasks[0].confidence == 0.9  # labelled block
