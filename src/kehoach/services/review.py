"""The import review: an officer's changes to what was read, before the plan is stored.

Each change is a small JSON object (a *review step*): delete a task, merge two, split one,
add a missing one, move text from a task to a new target or back, delete a target, or edit
a field. The
steps are kept in order beside the staged upload while the officer works, replayed on the
record read from the file to show the current state, and stored with the plan when it is
imported (`keep_review`, revisions of the plan: who changed what, and when). Steps name
tasks and targets by their id in the record, so the record keeps any field the reader
adds (confidence, reasons) for the tasks they do not touch.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from kehoach.errors import NotFound, ValidationError
from kehoach.model import PlanRecord, parse_record, timeframe_json
from kehoach.services import audit
from kehoach.services.types import UserView

Step = dict[str, Any]
TASK_FIELDS = ("text", "lead", "coordinating", "directing", "timeframe")
DOCUMENT_FIELDS = ("title", "number", "issuer", "province", "date", "signer")
_YEAR = re.compile(r"\b(20\d\d|21\d\d)\b")
_SPACE = re.compile(r"\s+")


def _find(items: list[dict], key: str | None, what: str, field: str) -> int:
    for i, item in enumerate(items):
        if item["id"] == key:
            return i
    if what == "target":
        raise ValidationError(
            "This target is no longer in the review; reload the page.", field=field
        )
    raise ValidationError("This task is no longer in the review; reload the page.", field=field)


def _fresh_id(taken: set[str], stem: str) -> str:
    """`stem` if free, else `stem.2`, `stem.3`… (ids stay unique in the record)."""
    if stem not in taken:
        return stem
    n = 2
    while f"{stem}.{n}" in taken:
        n += 1
    return f"{stem}.{n}"


def _clean(text: Any) -> str:
    from kehoach.text.normalize import clean

    return clean(_SPACE.sub(" ", str(text or ""))).strip()


def _names(value: Any) -> list[str]:
    """Agency names from a list or from text separated by `;` or new lines."""
    from kehoach.services.agencies import canonical_name

    items = value if isinstance(value, list | tuple) else re.split(r"[;\n]", str(value or ""))
    names = [canonical_name(_clean(v)) for v in items if _clean(v)]
    if any(len(n) > 500 for n in names):
        raise ValidationError("An agency name has at most 500 characters.", field="lead")
    return names


def _timeframe(raw: Any, old: dict | None = None) -> dict:
    """A timeframe read again from its text (as the extractor reads one)."""
    text = _clean(raw) or None
    if text is None:
        return {"raw": None, "kind": "unknown", "start": None, "end": None, "every": None}
    if old and old.get("raw") == text:
        return old
    from kehoach.extract.timeframes import parse_timeframe

    try:
        return timeframe_json(parse_timeframe(text))
    except (ValueError, TypeError):
        return {**(old or {}), "raw": text, "kind": (old or {}).get("kind", "unknown")}


def _new_task(text: str, like: dict | None = None) -> dict:
    """A task in the record's shape, with the group, agencies and timeframe of `like`."""
    task: dict[str, Any] = dict(like) if like else {"id": "", "group": None, "group_title": None}
    for role in ("directing", "lead", "coordinating"):
        task[role] = list(task.get(role, []))
    task.setdefault("timeframe", _timeframe(None))
    for extra in ("confidence", "reasons"):  # the reader's judgement, not the officer's
        task.pop(extra, None)
    task["text"] = text
    return task


def _require_text(text: str, field: str, what: str = "task") -> str:
    if not text and what == "target":
        raise ValidationError("A target's text cannot be empty.", field=field)
    if not text:
        raise ValidationError("A task's text cannot be empty.", field=field)
    if len(text) > 20_000:
        raise ValidationError("The text is too long (at most 20,000 characters).", field=field)
    return text


def _cut(whole: str, piece: str, field: str) -> str:
    """`whole` without `piece` (which must be part of it, spaces aside)."""
    norm_whole, norm_piece = _SPACE.sub(" ", whole).strip(), _SPACE.sub(" ", piece).strip()
    at = norm_whole.find(norm_piece)
    if not norm_piece or at < 0:
        raise ValidationError(
            "The text to move must be part of the text it is taken from.", field=field
        )
    rest = norm_whole[:at] + " " + norm_whole[at + len(norm_piece) :]
    return _SPACE.sub(" ", rest).strip(" ;,.") if rest.strip(" ;,.") else ""


def _delete(data: dict, step: Step) -> None:
    tasks = data["tasks"]
    del tasks[_find(tasks, step.get("task"), "task", "task")]


def _delete_target(data: dict, step: Step) -> None:
    targets = data["targets"]
    del targets[_find(targets, step.get("target"), "target", "target")]


def _merge(data: dict, step: Step) -> None:
    tasks = data["tasks"]
    if step.get("task") == step.get("into"):
        raise ValidationError("Choose two different tasks to merge.", field="into")
    into = tasks[_find(tasks, step.get("into"), "task", "into")]
    other = tasks.pop(_find(tasks, step.get("task"), "task", "task"))
    into["text"] = f"{into['text'].rstrip()} {other['text'].lstrip()}"
    for role in ("directing", "lead", "coordinating"):
        into[role] = list(dict.fromkeys([*into.get(role, []), *other.get(role, [])]))
    if (into.get("timeframe") or {}).get("raw") is None:
        into["timeframe"] = other.get("timeframe") or into.get("timeframe")


def _split(data: dict, step: Step) -> None:
    tasks = data["tasks"]
    at = _find(tasks, step.get("task"), "task", "task")
    parts = [_clean(p) for p in step.get("parts") or [] if _clean(p)]
    if len(parts) < 2:
        raise ValidationError(
            "Put each part of the task on its own line to split it.", field="split"
        )
    taken = {t["id"] for t in tasks}
    first = tasks[at]
    pieces = [{**first, "text": _require_text(parts[0], "split")}]
    for part in parts[1:]:
        new_id = _fresh_id(taken, first["id"])
        taken.add(new_id)
        pieces.append({**_new_task(part, like=first), "id": new_id})
    tasks[at : at + 1] = pieces


def _add(data: dict, step: Step) -> None:
    tasks = data["tasks"]
    text = _require_text(_clean(step.get("text")), "add.text")
    after = step.get("after")
    at = _find(tasks, after, "task", "add.after") + 1 if after else len(tasks)
    like = tasks[at - 1] if at else None
    taken = {t["id"] for t in tasks}
    n = 1
    while f"+{n}" in taken:  # an added task's number says it was added
        n += 1
    task = _new_task(text)
    task.update(
        id=f"+{n}",
        group=(like or {}).get("group"),
        group_title=(like or {}).get("group_title"),
        lead=_names(step.get("lead")),
        coordinating=_names(step.get("coordinating")),
        timeframe=_timeframe(step.get("timeframe")),
    )
    tasks.insert(at, task)


def _take(items: list[dict], key: str | None, what: str, piece: Any) -> str:
    """Cut `piece` (all of it when empty) out of the text of the item with id `key`; an item
    left without text goes. Returns the text taken."""
    at = _find(items, key, what, "move")
    item = items[at]
    taken = _clean(piece) or item["text"]
    rest = _cut(item["text"], taken, "move")
    if rest:
        item["text"] = rest
    else:
        del items[at]
    return taken


def _to_target(data: dict, step: Step) -> None:
    piece = _take(data["tasks"], step.get("task"), "task", step.get("text"))
    ids = {t["id"] for t in data["targets"]}
    n = len(data["targets"]) + 1
    while f"t{n}" in ids:
        n += 1
    years = [int(y) for y in _YEAR.findall(piece)]
    data["targets"].append(
        {"id": f"t{n}", "text": piece, "horizon": max(years) if years else None, "metrics": [],
         "section": None}
    )  # fmt: skip


def _to_task(data: dict, step: Step) -> None:
    _add(data, {"text": _take(data["targets"], step.get("target"), "target", step.get("text"))})


def _edit(data: dict, step: Step) -> None:
    name, value = step.get("field"), step.get("value")
    if "document" in step:
        if name not in DOCUMENT_FIELDS:
            raise ValidationError("This field cannot be edited here.", field="field")
        data["document"][name] = _clean(value) or None
        return
    if "target" in step:
        target = data["targets"][_find(data["targets"], step["target"], "target", "target")]
        target["text"] = _require_text(_clean(value), "text", "target")
        return
    task = data["tasks"][_find(data["tasks"], step.get("task"), "task", "task")]
    if name == "text":
        task["text"] = _require_text(_clean(value), "text")
    elif name in ("lead", "coordinating", "directing"):
        task[name] = _names(value)
    elif name == "timeframe":
        task["timeframe"] = _timeframe(value, task.get("timeframe"))
    else:
        raise ValidationError("This field cannot be edited here.", field="field")


STEPS = {
    "delete": _delete,
    "delete_target": _delete_target,
    "merge": _merge,
    "split": _split,
    "add": _add,
    "to_target": _to_target,
    "to_task": _to_task,
    "edit": _edit,
}


def apply_steps(record: PlanRecord, steps: list[Step]) -> PlanRecord:
    """The record with the review steps applied in order; a step that does not apply
    raises `ValidationError` naming the field to fix."""
    data = record.to_json()
    for step in steps:
        action = STEPS.get(step.get("op", ""))
        if action is None:
            raise ValidationError("Unknown review step.", field="op")
        action(data, step)
    return parse_record(data)


def add_step(record: PlanRecord, steps: list[Step], step: Step) -> list[Step]:
    """The steps with `step` added, once it is known to apply (else `ValidationError`)."""
    apply_steps(record, [*steps, step])
    return [*steps, step]


def edits_from_form(record: PlanRecord, form: dict[str, Any]) -> list[Step]:
    """Edit steps for the review form's fields that differ from the record shown:
    `doc.<field>`, `task.<i>.text|lead|coordinating|timeframe`, `target.<i>.text`."""
    steps: list[Step] = []
    doc = record.document
    for name in DOCUMENT_FIELDS:
        key = f"doc.{name}"
        if key in form and (_clean(form[key]) or None) != getattr(doc, name):
            steps.append({"op": "edit", "document": name, "field": name, "value": form[key]})
    for i, task in enumerate(record.tasks):
        now = {
            "text": task.text,
            "lead": "; ".join(task.lead),
            "coordinating": "; ".join(task.coordinating),
            "timeframe": task.timeframe.raw or "",
        }
        for name, shown in now.items():
            key = f"task.{i}.{name}"
            if key in form and _clean(form[key]) != _clean(shown):
                if name == "text" and not _clean(form[key]):
                    raise ValidationError("A task's text cannot be empty.", field=key)
                steps.append({"op": "edit", "task": task.id, "field": name, "value": form[key]})
    for i, target in enumerate(record.targets):
        key = f"target.{i}.text"
        if key in form and _clean(form[key]) and _clean(form[key]) != _clean(target.text):
            steps.append({"op": "edit", "target": target.id, "field": "text", "value": form[key]})
    return steps


# -- the steps of a review in progress, kept beside the staged upload -------------------


def _steps_file(data_dir: Path, token: str) -> Path:
    from kehoach.services.uploads import staged_folder

    return staged_folder(data_dir, token) / "review.json"


def load_steps(data_dir: Path, token: str) -> list[Step]:
    """The review steps taken so far on a staged upload."""
    path = _steps_file(data_dir, token)
    if not path.is_file():
        return []
    try:
        steps = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return []
    return steps if isinstance(steps, list) else []


def save_steps(data_dir: Path, token: str, steps: list[Step]) -> None:
    """Keep the review steps of a staged upload."""
    path = _steps_file(data_dir, token)
    if not path.parent.is_dir():
        raise NotFound("The uploaded file is no longer available; upload it again.")
    path.write_text(json.dumps(steps, ensure_ascii=False), encoding="utf-8")


def keep_review(session: Session, plan_id: int, steps: list[Step], user: UserView | None) -> int:
    """Store the review steps with the imported plan, as its revisions (who, what, when)."""
    from kehoach.store.tables import Revision

    for step in steps:
        session.add(
            Revision(
                entity="plan",
                entity_id=plan_id,
                field=f"review.{step.get('op')}",
                old=None,
                new=json.dumps(step, ensure_ascii=False),
                user_id=user.id if user and user.id else None,
            )
        )
    if steps:
        audit.record(session, user, "review", "plan", plan_id, f"{len(steps)} review steps")
    session.flush()
    return len(steps)


@dataclass(frozen=True)
class ReviewEntry:
    """One step of the review a plan was imported with, for its page."""

    op: str  # delete | merge | split | add | to_target | to_task | edit
    task: str | None  # the task's id (for merge: the one merged in)
    into: str | None  # merge: the task it was merged into
    target: str | None  # to_task: the target's id
    field: str | None  # edit: the field
    text: str | None  # add / to_target / to_task / edit: the text or value
    parts: int  # split: into how many tasks
    username: str | None
    at: datetime


def review_history(session: Session, plan_id: int) -> list[ReviewEntry]:
    """The steps of the review the plan was imported with, in the order they were taken."""
    from sqlalchemy import select

    from kehoach.store.tables import Revision, User

    rows = session.execute(
        select(Revision, User.username)
        .outerjoin(User, User.id == Revision.user_id)
        .where(
            Revision.entity == "plan",
            Revision.entity_id == plan_id,
            Revision.field.startswith("review."),
        )
        .order_by(Revision.id)
    )
    out = []
    for rev, username in rows:
        try:
            step = json.loads(rev.new or "{}")
        except ValueError:
            continue
        value = step.get("text") if "text" in step else step.get("value")
        out.append(
            ReviewEntry(
                op=str(step.get("op", "")),
                task=step.get("task"),
                into=step.get("into"),
                target=step.get("target") or step.get("document"),
                field=step.get("field"),
                text=str(value) if value not in (None, "") else None,
                parts=len([p for p in step.get("parts") or [] if str(p).strip()]),
                username=username,
                at=rev.created_at,
            )
        )
    return out
