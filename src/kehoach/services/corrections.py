"""Officer corrections of extracted fields (kept as revisions) and publishing a plan."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import get_args

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kehoach.errors import N_, NotFound, PermissionDenied, ValidationError
from kehoach.model import DocKind, TimeframeKind
from kehoach.services import audit, search
from kehoach.services.types import SYSTEM, UserView
from kehoach.store.tables import Agency, Document, Plan, Revision, Target, Task, TaskAgency, User


@dataclass(frozen=True)
class RevisionView:
    id: int
    entity: str
    entity_id: int
    field: str
    old: str | list[str] | None  # agency fields (lead, coordinating, directing): lists
    new: str | list[str] | None
    username: str | None
    at: datetime


def set_public(session: Session, plan_id: int, public: bool, user: UserView | None) -> None:
    """Publish a plan (anyone may see it) or take it back."""
    _officer(user)
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise NotFound("no plan with id {plan_id}", plan_id=plan_id)
    _own_plan(session, plan.id, user)
    if plan.public != public:
        _revise(session, "plan", plan_id, "public", plan.public, public, user)
        plan.public = public


def list_revisions(session: Session, entity: str, entity_id: int) -> list[RevisionView]:
    """Corrections of one record, newest first."""
    return [
        RevisionView(
            r.id,
            r.entity,
            r.entity_id,
            r.field,
            _value_of(r.field, r.old),
            _value_of(r.field, r.new),
            name,
            r.created_at,
        )
        for r, name in session.execute(
            select(Revision, User.username)
            .outerjoin(User, User.id == Revision.user_id)
            .where(Revision.entity == entity, Revision.entity_id == entity_id)
            .order_by(Revision.id.desc())
        )
    ]


def _officer(user: UserView | None) -> None:
    from kehoach.services.users import can_edit_plan

    if user is not None and not can_edit_plan(user):
        raise PermissionDenied("only a plan officer or an administrator can correct a plan")


def _own_plan(session: Session, plan_id: int | None, user: UserView | None) -> None:
    """Officers change only their own jurisdiction's plans (a document no plan holds, such as
    a referenced resolution, only national officers)."""
    from kehoach.services.visibility import may_edit_plan, sees_all

    if user is None or user.id == 0:
        return
    if plan_id is None:
        if not sees_all(user):
            raise PermissionDenied("only a national officer can correct a referenced document")
        return
    if not may_edit_plan(session, plan_id, user):
        raise PermissionDenied("this plan belongs to another jurisdiction; you cannot change it")


def _plan_id_of(session: Session, row) -> int | None:
    if isinstance(row, Document):
        return session.scalar(select(Plan.id).where(Plan.document_id == row.id))
    return row.plan_id


def _text_of(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return json.dumps(list(value), ensure_ascii=False)
    return str(value)


LIST_FIELDS = ("lead", "coordinating", "directing")


def _value_of(field: str, text: str | None):
    """A stored revision value as it was given: agency lists come back as lists."""
    if text is not None and field in LIST_FIELDS:
        try:
            value = json.loads(text)
        except ValueError:
            return text
        return value if isinstance(value, list) else text
    return text


def _reindex(session: Session, entity: str, entity_id: int) -> None:
    """Keep the search index current: a corrected task alone, anything else its whole plan."""
    if entity == "task":
        search.index_tasks(session, [entity_id])
        return
    row = session.get({"document": Document, "target": Target}.get(entity, Document), entity_id)
    plan_id = (
        _plan_id_of(session, row) if row is not None and entity in ("document", "target") else None
    )
    if plan_id is not None:
        search.index_plan(session, plan_id)


def _revise(session, entity, entity_id, name, old, new, user) -> RevisionView:
    rev = Revision(
        entity=entity,
        entity_id=entity_id,
        field=name,
        old=_text_of(old),
        new=_text_of(new),
        user_id=user.id if user and user.id else None,
    )
    session.add(rev)
    session.flush()
    _reindex(session, entity, entity_id)
    audit.record(session, user, "correct", entity, entity_id, f"{name}: {_text_of(new)}")
    return RevisionView(
        rev.id,
        entity,
        entity_id,
        name,
        _value_of(name, rev.old),
        _value_of(name, rev.new),
        user.username if user else None,
        rev.created_at,
    )


EDITABLE = {
    "document": {"kind", "number", "issuer", "province", "date", "title", "signer", "draft"},
    "task": {
        "text",
        "group",
        "group_title",
        "timeframe_raw",
        "timeframe_kind",
        "timeframe_start",
        "timeframe_end",
        "lead",
        "coordinating",
        "directing",
    },
    "target": {"text", "horizon", "section"},
}
NOT_FOUND = {
    "document": N_("no document with id {id}"),
    "task": N_("no task with id {id}"),
    "target": N_("no target with id {id}"),
}
MODELS: dict[str, type[Document] | type[Task] | type[Target]] = {
    "document": Document,
    "task": Task,
    "target": Target,
}
DOC_KINDS: tuple[str, ...] = get_args(DocKind)
TIMEFRAME_KINDS: tuple[str, ...] = get_args(TimeframeKind)
# the columns' sizes (see store.tables)
MAX_LENGTH = {
    "number": 100,
    "issuer": 500,
    "province": 100,
    "signer": 200,
    "group": 50,
    "section": 50,
    "kind": 30,
    "timeframe_kind": 20,
}
TASK_COLUMNS = {
    "group": "group_code",
    "timeframe_raw": "tf_raw",
    "timeframe_kind": "tf_kind",
    "timeframe_start": "tf_start",
    "timeframe_end": "tf_end",
}


def _clean_value(entity: str, name: str, value):
    from kehoach.text.normalize import clean

    if name in ("lead", "coordinating", "directing"):
        items = value if isinstance(value, list | tuple) else str(value or "").split(";")
        from kehoach.services.agencies import canonical_name

        names = [canonical_name(str(v)) for v in items if str(v).strip()]
        if any(len(n) > 500 for n in names):
            raise ValidationError("an agency name has at most 500 characters", field=name)
        return names
    if name == "draft":
        return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
    if name == "horizon":
        if value in (None, ""):
            return None
        try:
            year = int(value)
        except (TypeError, ValueError):
            raise ValidationError("the horizon must be a year", field=name) from None
        if not 1900 <= year <= 2200:
            raise ValidationError("the horizon must be a year", field=name)
        return year
    if name in ("timeframe_start", "timeframe_end"):
        if value in (None, ""):
            return None
        try:
            return value if isinstance(value, date) else _day(str(value))
        except ValueError:
            raise ValidationError("write the date as dd/mm/yyyy", field=name) from None
    value = clean(str(value)) if value is not None else None
    limit = MAX_LENGTH.get(name, 20_000)
    if value and len(value) > limit:
        raise ValidationError("at most {count} characters", field=name, count=limit)
    if name == "date" and value:
        value = _document_date(value)
    if name == "kind" and value not in DOC_KINDS:
        raise ValidationError("kind must be one of {kinds}", field=name, kinds=DOC_KINDS)
    if name == "timeframe_kind" and value not in TIMEFRAME_KINDS:
        raise ValidationError(
            "timeframe kind must be one of {kinds}", field=name, kinds=TIMEFRAME_KINDS
        )
    if name == "text" and not value:
        raise ValidationError("the text cannot be empty", field=name)
    return value or None


def _day(text: str) -> date:
    """`31/03/2026` (as people write it) or `2026-03-31` (as the API sends it)."""
    found = re.fullmatch(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*", text)
    if found:
        day, month, year = (int(g) for g in found.groups())
        return date(year, month, day)
    return date.fromisoformat(text.strip())


def _document_date(text: str) -> str:
    """A document's date as stored (`2026-03-31`, or `2026-03` for a month) from either form."""
    if re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", text):
        return text
    month = re.fullmatch(r"(\d{1,2})[/.-](\d{4})", text)
    if month and 1 <= int(month.group(1)) <= 12:
        return f"{month.group(2)}-{int(month.group(1)):02d}"
    try:
        return _day(text).isoformat()
    except ValueError:
        raise ValidationError("write the date as dd/mm/yyyy (or mm/yyyy)", field="date") from None


def correct_field(
    session: Session, entity: str, entity_id: int, field: str, value, user: UserView | None
) -> RevisionView:
    """Correct one extracted field; kept as a revision, never overwritten by a re-import."""
    _officer(user)
    if entity not in EDITABLE:
        raise ValidationError(
            "entity must be one of {entities}", field="entity", entities=list(EDITABLE)
        )
    if field not in EDITABLE[entity]:
        raise ValidationError(
            "'{name}' cannot be corrected; choose one of {names}",
            field="field",
            name=field,
            names=sorted(EDITABLE[entity]),
        )
    row = session.get(MODELS[entity], entity_id)
    if row is None:
        raise NotFound(NOT_FOUND[entity], id=entity_id)
    plan_id = _plan_id_of(session, row)
    _own_plan(session, plan_id, user)
    new = _clean_value(entity, field, value)
    if isinstance(row, Task) and field in ("lead", "coordinating", "directing"):
        return _correct_agencies(session, row, field, new, user or SYSTEM)
    column = TASK_COLUMNS.get(field, field) if entity == "task" else field
    old = getattr(row, column)
    setattr(row, column, new)
    if isinstance(row, Document) and field in ("number", "province"):
        from kehoach.services.importing import claim_number, number_key

        claim_number(session, row, number_key(row.number, row.province))
    if isinstance(row, Document) and field == "province" and plan_id is not None:
        from kehoach.services.plan_moves import follow_province

        follow_province(session, plan_id, new, user)
    if isinstance(row, Task) and field == "text":
        _refresh_search(session, row)
    return _revise(session, entity, entity_id, field, old, new, user)


def _refresh_search(session: Session, task: Task) -> None:
    from kehoach.services.importing import search_text

    names = list(
        session.scalars(
            select(Agency.name)
            .join(TaskAgency, TaskAgency.agency_id == Agency.id)
            .where(TaskAgency.task_id == task.id)
        )
    )
    task.search_text = search_text(task.key, task.text, names)


def _correct_agencies(session, task: Task, role: str, names: list[str], user) -> RevisionView:
    from kehoach.services.agencies import agency_key, ensure_agencies

    old = list(
        session.scalars(
            select(Agency.name)
            .join(TaskAgency, TaskAgency.agency_id == Agency.id)
            .where(TaskAgency.task_id == task.id, TaskAgency.role == role)
            .order_by(TaskAgency.position)
        )
    )
    from kehoach.services.plan_moves import plan_place

    ids = ensure_agencies(session, names, *plan_place(session, task.plan_id))
    session.execute(
        delete(TaskAgency).where(TaskAgency.task_id == task.id, TaskAgency.role == role)
    )
    for i, name in enumerate(names):
        session.add(
            TaskAgency(task_id=task.id, agency_id=ids[agency_key(name)], role=role, position=i)
        )
    session.flush()
    _refresh_search(session, task)
    return _revise(session, "task", task.id, role, old, names, user if user.id else None)
