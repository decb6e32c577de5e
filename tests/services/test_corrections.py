"""Officer corrections: validated, kept as revisions with who and when, audited."""

from __future__ import annotations

import pytest

from kehoach.errors import NotFound, PermissionDenied, ValidationError
from kehoach.services import audit, plans, tasks
from kehoach.services.types import SYSTEM


@pytest.fixture
def task_id(session, imported):
    return tasks.list_tasks(session, user=SYSTEM).items[0].id


@pytest.mark.parametrize(
    ("entity", "field", "value", "error_field", "message"),
    [
        ("task", "text", "  ", "text", "cannot be empty"),
        ("task", "timeframe_kind", "sometimes", "timeframe_kind", "timeframe kind must be one of"),
        ("task", "timeframe_end", "31/13/2026", "timeframe_end", "dd/mm/yyyy"),
        ("task", "colour", "red", "field", "cannot be corrected"),
        ("plan", "text", "x", "entity", "entity must be one of"),
        ("target", "horizon", "soon", "horizon", "must be a year"),
        ("document", "kind", "poem", "kind", "kind must be one of"),
        ("document", "date", "March", "date", "dd/mm/yyyy"),
        ("document", "number", "x" * 101, "number", "at most 100 characters"),
    ],
)
def test_invalid_corrections(session, imported, users, entity, field, value, error_field, message):
    target_ids = {
        "task": tasks.list_tasks(session, user=SYSTEM).items[0].id,
        "document": next(iter(imported.values())).document_id,
        "target": plans.get_plan(session, 1, SYSTEM).targets[0].id,
        "plan": 1,
    }
    with pytest.raises(ValidationError, match=message) as err:
        plans.correct_field(session, entity, target_ids[entity], field, value, users["officer"])
    assert err.value.field == error_field


def test_correction_kept_with_who_and_when(session, users, task_id):
    rev = plans.correct_field(
        session, "task", task_id, "timeframe_end", "2027-06-30", users["officer"]
    )
    assert (rev.field, rev.new, rev.username) == ("timeframe_end", "2027-06-30", "officer")
    detail = tasks.get_task(session, task_id, SYSTEM)
    assert detail.row.original_deadline.isoformat() == "2027-06-30"
    assert detail.revisions[0].id == rev.id
    assert ("correct", "task", task_id) in [
        (a.action, a.entity, a.entity_id) for a in audit.recent(session)
    ]


def test_corrected_text_is_searchable(session, users, task_id):
    plans.correct_field(session, "task", task_id, "text", "Số hoá kho lưu trữ", users["officer"])
    found = tasks.list_tasks(session, user=SYSTEM, q="so hoa kho luu tru").items
    assert [r.id for r in found] == [task_id]


def test_only_officers_correct(session, users, task_id):
    for role in ("reporter", "viewer"):
        with pytest.raises(PermissionDenied):
            plans.correct_field(session, "task", task_id, "text", "x", users[role])
    with pytest.raises(NotFound):
        plans.correct_field(session, "task", 999999, "text", "x", users["officer"])


def test_publishing_is_a_revision(session, users, imported):
    plan_id = next(iter(imported.values())).plan_id
    plans.set_public(session, plan_id, True, users["officer"])
    assert [r.field for r in plans.list_revisions(session, "plan", plan_id)] == ["public"]
    with pytest.raises(PermissionDenied):
        plans.set_public(session, plan_id, False, users["viewer"])


def test_dates_are_corrected_as_people_write_them(session, imported, users):
    from kehoach.services import plans, tasks

    officer = users["officer"]
    plan_id = next(iter(imported.values())).plan_id
    doc_id = plans.get_plan(session, plan_id, user=officer).plan.document.id
    assert plans.correct_field(session, "document", doc_id, "date", "20/5/2026", officer).new == (
        "2026-05-20"
    )
    assert plans.correct_field(session, "document", doc_id, "date", "03/2026", officer).new == (
        "2026-03"
    )
    task_id = tasks.list_tasks(session, user=officer, plan_id=plan_id).items[0].id
    rev = plans.correct_field(session, "task", task_id, "lead", ["Sở Tài chính"], officer)
    assert isinstance(rev.new, list)
    assert plans.list_revisions(session, "task", task_id)[0].new == ["Sở Tài chính"]
