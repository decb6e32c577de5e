"""The import review: steps on a record (delete, merge, split, add, move, edit), kept with
the plan; and the question whether an incoming document is a new version of a stored plan."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from sqlalchemy import select

from kehoach.errors import Conflict, ValidationError
from kehoach.services import importing, review, tasks, versions
from kehoach.services.types import SYSTEM
from kehoach.store import tables as t

CTR14 = "000_c6c358976faa1d91.txt"
UBND = "001_47cec5a30aa91629.txt"


def another_file(record, name="ke-hoach-sua.txt", **document):
    """The same plan re-sent as another file (other sha256), some document fields changed."""
    source = replace(record.source, sha256="e" * 64, name=name)
    doc = replace(record.document, **document)
    return replace(record, source=source, document=doc)


# -- steps on a record (no database) ---------------------------------------------------


def test_delete_merge_split_add(sample_records):
    record = sample_records[UBND]
    first, second, third = (task.id for task in record.tasks[:3])
    steps = [
        {"op": "delete", "task": third},
        {"op": "merge", "task": second, "into": first},
        {"op": "split", "task": first, "parts": ["Phần một.", "", "Phần hai."]},
        {"op": "add", "text": "Tổ chức hội thảo", "lead": "Sở Văn hóa; Sở Tài chính",
         "timeframe": "năm 2027", "after": first},
    ]  # fmt: skip
    out = review.apply_steps(record, steps)
    assert len(out.tasks) == len(record.tasks) - 2 + 1 + 1
    assert [x.text for x in out.tasks[:3]] == ["Phần một.", "Tổ chức hội thảo", "Phần hai."]
    assert out.tasks[2].id == f"{first}.2" and out.tasks[2].lead == record.tasks[0].lead
    added = out.tasks[1]
    assert added.id == "+1" and added.lead == ["Sở Văn hóa", "Sở Tài chính"]
    assert added.timeframe.kind == "window" and added.timeframe.end
    assert third not in {x.id for x in out.tasks}


def test_merge_joins_text_and_agencies(sample_records):
    record = sample_records[CTR14]
    a, b = record.tasks[0], record.tasks[1]
    out = review.apply_steps(record, [{"op": "merge", "task": b.id, "into": a.id}])
    merged = out.tasks[0]
    assert merged.text == f"{a.text} {b.text}"
    assert merged.lead == list(dict.fromkeys(a.lead + b.lead))
    assert len(out.tasks) == len(record.tasks) - 1


def test_move_text_between_task_and_target(sample_records):
    record = sample_records[UBND]
    task = record.tasks[0]
    piece = task.text.split(",")[0]
    out = review.apply_steps(record, [{"op": "to_target", "task": task.id, "text": piece}])
    assert out.targets[-1].text == piece and out.targets[-1].id == f"t{len(record.targets) + 1}"
    assert piece not in out.tasks[0].text and out.tasks[0].text
    # the whole target back to the tasks: the target is gone, a task added at the end
    back = review.apply_steps(out, [{"op": "to_task", "target": out.targets[-1].id, "text": ""}])
    assert len(back.targets) == len(record.targets)
    assert back.tasks[-1].text == piece and back.tasks[-1].id == "+1"


def test_delete_a_target(sample_records):
    record = sample_records[CTR14]
    gone = record.targets[0].id
    out = review.apply_steps(record, [{"op": "delete_target", "target": gone}])
    assert [t.id for t in out.targets] == [t.id for t in record.targets[1:]]


def test_edits_from_the_form_become_steps(sample_records):
    record = sample_records[UBND]
    form = {
        "doc.title": "Tiêu đề mới",
        "task.0.text": record.tasks[0].text,  # unchanged: no step
        "task.1.lead": "Sở Tài chính",
        "task.2.timeframe": "Quý IV/2026",
    }
    steps = review.edits_from_form(record, form)
    assert [(s.get("document") or s.get("task"), s["field"]) for s in steps] == [
        ("title", "title"),
        (record.tasks[1].id, "lead"),
        (record.tasks[2].id, "timeframe"),
    ]
    out = review.apply_steps(record, steps)
    assert out.document.title == "Tiêu đề mới" and out.tasks[1].lead == ["Sở Tài chính"]
    assert out.tasks[2].timeframe.raw == "Quý IV/2026"


@pytest.mark.parametrize(
    ("step", "field", "message"),
    [
        ({"op": "delete", "task": "nope"}, "task", "This task is no longer in the review"),
        ({"op": "split", "task": "I.1", "parts": ["one line"]}, "split", "Put each part"),
        ({"op": "add", "text": "  "}, "add.text", "A task's text cannot be empty."),
        ({"op": "merge", "task": "I.1", "into": "I.1"}, "into", "Choose two different tasks"),
        ({"op": "to_target", "task": "I.1", "text": "không có"}, "move", "The text to move"),
        ({"op": "explode"}, "op", "Unknown review step."),
    ],
)
def test_a_step_that_does_not_apply_names_its_field(sample_records, step, field, message):
    record = sample_records[CTR14]
    with pytest.raises(ValidationError) as err:
        review.add_step(record, [], step)
    assert err.value.field == field and err.value.message.startswith(message)


def test_steps_are_kept_beside_the_staged_upload(tmp_path):
    from kehoach.services import uploads

    token = uploads.stage_upload(tmp_path, b"Ke hoach", "k.txt")
    assert review.load_steps(tmp_path, token) == []
    review.save_steps(tmp_path, token, [{"op": "delete", "task": "1"}])
    assert review.load_steps(tmp_path, token) == [{"op": "delete", "task": "1"}]
    assert uploads.load_upload(tmp_path, token) == (b"Ke hoach", "k.txt")


# -- stored: the review kept with the plan; new versions ----------------------------------


def test_reviewed_import_keeps_its_steps(session, sample_records, users):
    record = another_file(sample_records[UBND])
    steps = [{"op": "delete", "task": record.tasks[0].id}, {"op": "add", "text": "Việc mới"}]
    reviewed = review.apply_steps(record, steps)
    result = importing.import_record(session, reviewed, SYSTEM, as_new=True)
    assert result.outcome == "created"
    assert review.keep_review(session, result.plan_id, steps, users["officer"]) == 2
    session.commit()
    kept = session.scalars(
        select(t.Revision)
        .where(t.Revision.entity == "plan", t.Revision.entity_id == result.plan_id)
        .order_by(t.Revision.id)
    ).all()
    assert [r.field for r in kept] == ["review.delete", "review.add"]
    assert json.loads(kept[1].new)["text"] == "Việc mới"
    texts = [r.text for r in tasks.list_tasks(session, user=SYSTEM, plan_id=result.plan_id).items]
    assert "Việc mới" in texts and record.tasks[0].text not in texts


def test_same_number_issuer_and_date_is_asked_about(session, imported, sample_records):
    again = another_file(sample_records[CTR14])
    matches = versions.similar_plans(session, again)
    assert matches[0].plan_id == imported[CTR14].plan_id and matches[0].reason == "number"
    with pytest.raises(versions.VersionQuestion) as err:
        importing.import_record(session, again, SYSTEM, ask=True)
    assert err.value.field == "replace_plan_id"
    assert f"replace_plan_id={imported[CTR14].plan_id}" in err.value.message
    # answered: a new version of that plan
    result = importing.import_record(
        session, again, SYSTEM, ask=True, replace_plan_id=imported[CTR14].plan_id
    )
    assert result.outcome == "updated" and result.plan_id == imported[CTR14].plan_id


def test_alike_text_under_another_name_is_asked_about(session, imported, sample_records):
    """The unnumbered UBND plan re-sent under another file name: found by its text."""
    again = another_file(sample_records[UBND], title="Kế hoạch (bản sửa)")
    matches = versions.similar_plans(session, again)
    assert [(m.plan_id, m.reason) for m in matches] == [(imported[UBND].plan_id, "text")]
    assert matches[0].similarity >= versions.SIMILAR
    result = importing.import_record(session, again, SYSTEM, ask=True, as_new=True)
    assert result.outcome == "created" and result.plan_id != imported[UBND].plan_id


def test_a_different_plan_is_not_asked_about(session, imported, sample_records):
    record = sample_records[UBND]
    other = replace(record, tasks=record.tasks[:2], targets=[])
    assert versions.similar_plans(session, another_file(other)) == []
    same_file = sample_records[CTR14]  # the very file again: unchanged, nothing asked
    assert importing.import_record(session, same_file, SYSTEM, ask=True).outcome == "unchanged"


def test_a_new_plan_cannot_take_a_stored_number(session, imported, sample_records):
    again = another_file(sample_records[CTR14])
    with pytest.raises(Conflict) as err:
        importing.import_record(session, again, SYSTEM, as_new=True)
    assert err.value.message.startswith("another imported plan already has the number 14-CTr/TU")
