"""Importing a plan record into the store: `kehoach import`, POST /api/plans/import.

Re-importing the same file (same sha256) changes nothing. A corrected version
of a plan keeps the id, reports, extensions and overrides of every task whose
`match_key` (its folded text) is unchanged, and never overwrites a field an
officer corrected (a `revisions` row).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from kehoach.model import PlanRecord
from kehoach.model import Task as TaskRecord
from kehoach.services import audit, search
from kehoach.services.agencies import agency_key, ensure_agencies
from kehoach.services.periods import local_day
from kehoach.services.types import UserView
from kehoach.store.tables import (
    Agency,
    Document,
    DocumentLink,
    Metric,
    Plan,
    ReportingDuty,
    Revision,
    Target,
    Task,
    TaskAgency,
)
from kehoach.store.units import province_code
from kehoach.text.normalize import fold

ROLES = ("directing", "lead", "coordinating")


@dataclass(frozen=True)
class ImportResult:
    plan_id: int
    document_id: int
    name: str
    outcome: str  # created | unchanged | updated
    tasks_added: int = 0
    tasks_kept: int = 0
    tasks_removed: int = 0
    agencies_added: int = 0
    corrections_kept: int = 0


def preview_import(data: bytes, name: str) -> PlanRecord:
    """What kehoach reads in this file, nothing stored (for the review page)."""
    from kehoach.extract import extract_document
    from kehoach.intake import read_bytes

    return extract_document(read_bytes(data, name))


def import_plan(
    session: Session,
    source: Path | str | bytes,
    name: str | None = None,
    user: UserView | None = None,
    *,
    replace_plan_id: int | None = None,
    as_new: bool = False,
    ask: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Extract a document (a path, or bytes with their file name) and store its plan
    (`import_record` says what `replace_plan_id`, `as_new` and `ask` do); `progress(done,
    total)` hears of each page of a scan."""
    from kehoach.extract import extract_file

    if isinstance(source, bytes):
        record = preview_import(source, name or "upload.txt")
    else:
        record = extract_file(source, progress=progress)
    return import_record(
        session, record, user, replace_plan_id=replace_plan_id, as_new=as_new, ask=ask
    )


# Issuer codes of central bodies (the Party Central, the Prime Minister, the Government,
# the National Assembly, ministries `B…`): their numbers are unique nationwide. Numbers of
# provincial bodies (`14-CTr/TU`, `19/KH-UBND`) repeat from province to province.
CENTRAL_CODES = ("TW", "TTG", "CP", "VPCP")


def is_central(number: str) -> bool:
    """True for `80-NQ/TW`, `2640/QĐ-TTg`, `12/TT-BVHTTDL`; False for `14-CTr/TU`."""
    code = number.replace(" ", "").split("/")[-1].split("-")[-1].upper()
    return code in CENTRAL_CODES or code.startswith("QH") or (code[:1] == "B" and len(code) >= 3)


def number_key(number: str | None, province: str | None = None) -> str | None:
    """A document number folded for matching; a provincial number is qualified by its
    province (`14-CTr/TU` of Cao Bằng and of Điện Biên are two documents)."""
    if not number:
        return None
    key = fold(number).replace(" ", "")
    if province and not is_central(number):
        key = f"{key}|{fold(province)}"
    return key


def match_key(text: str) -> str:
    """A stable key of a task's text: unchanged wording keeps the task (and its progress)."""
    return hashlib.sha256(fold(text).encode()).hexdigest()[:40]


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value if len(value) == 10 else f"{value[:7]}-01")
    except ValueError:
        return None


def _previous_plan(session: Session, record: PlanRecord, replace_plan_id: int | None):
    if replace_plan_id is not None:
        from kehoach.errors import NotFound

        plan = session.get(Plan, replace_plan_id)
        if plan is None:
            raise NotFound("no plan with id {plan_id} to replace", plan_id=replace_plan_id)
        return plan
    key = number_key(record.document.number, record.document.province)
    if key:
        plan = session.scalar(
            select(Plan)
            .join(Document, Document.id == Plan.document_id)
            .where(Document.number_key == key)
        )
        if plan is not None:
            return plan
    # no number: the same file name in the same province (a draft corrected and re-sent)
    return session.scalar(
        select(Plan)
        .join(Document, Document.id == Plan.document_id)
        .where(
            Plan.source_name == record.source.name,
            Document.number.is_(None),
            Document.province.is_(None)
            if record.document.province is None
            else Document.province == record.document.province,
        )
        .order_by(Plan.id.desc())
    )


def _revised(session: Session, entity: str, ids) -> set[tuple[int, str]]:
    rows = session.execute(
        select(Revision.entity_id, Revision.field).where(
            Revision.entity == entity, Revision.entity_id.in_(ids)
        )
    ).all()
    return {(i, f) for i, f in rows}


def _set(row, fields: dict, revised: set[tuple[int, str]], aliases=None) -> int:
    """Set fields on row except corrected ones; return how many corrections were kept."""
    kept = 0
    for name, value in fields.items():
        public = (aliases or {}).get(name, name)
        if row.id is not None and (row.id, public) in revised:
            kept += 1
            continue
        setattr(row, name, value)
    return kept


DOC_FIELDS = ("kind", "number", "issuer", "province", "date", "draft", "title", "signer")


def _document(session: Session, record: PlanRecord, previous: Plan | None) -> tuple[Document, int]:
    info = record.document
    key = number_key(info.number, info.province)
    doc = session.get(Document, previous.document_id) if previous else None
    if doc is None and key:
        doc = session.scalar(select(Document).where(Document.number_key == key))
        if doc is not None and session.scalar(select(Plan.id).where(Plan.document_id == doc.id)):
            from kehoach.errors import Conflict

            raise Conflict(
                "another imported plan already has the number {number}; import this "
                "file as a new version of that plan, or correct its number",
                where="number",
                number=info.number,
            )
    if doc is None:
        doc = Document(kind=info.kind)
        session.add(doc)
    revised = _revised(session, "document", [doc.id]) if doc.id else set()
    kept = _set(doc, {f: getattr(info, f) for f in DOC_FIELDS}, revised)
    doc.placeholder = False
    claim_number(session, doc, number_key(doc.number, doc.province))
    session.flush()
    return doc, kept


def claim_number(session: Session, doc: Document, key: str | None) -> None:
    """Give `doc` its number key; a placeholder holding it is merged into `doc`."""
    if key is not None:
        other = session.scalar(
            select(Document).where(Document.number_key == key, Document.id != doc.id)
            if doc.id
            else select(Document).where(Document.number_key == key)
        )
        if other is not None and other is not doc:
            if not other.placeholder:
                from kehoach.errors import Conflict

                raise Conflict(
                    "another imported document already has the number {number}; "
                    "import this file as a corrected version of that plan instead",
                    where="number",
                    number=doc.number,
                )
            session.flush()
            session.execute(
                update(DocumentLink)
                .where(DocumentLink.target_id == other.id)
                .values(target_id=doc.id)
            )
            session.delete(other)
            session.flush()
    doc.number_key = key


def _links(session: Session, doc: Document, record: PlanRecord) -> None:
    session.execute(delete(DocumentLink).where(DocumentLink.document_id == doc.id))
    for pos, ref in enumerate(record.document.implements):
        key = number_key(ref.number, record.document.province)
        target = session.scalar(select(Document).where(Document.number_key == key)) if key else None
        if target is None:
            target = Document(
                kind=ref.kind,
                number=ref.number,
                number_key=key,
                issuer=ref.issuer,
                date=ref.date,
                placeholder=True,
            )
            session.add(target)
            session.flush()
        if target.id != doc.id:
            session.add(DocumentLink(document_id=doc.id, target_id=target.id, position=pos))


def _targets(session: Session, plan: Plan, record: PlanRecord) -> int:
    old = {t.key: t for t in session.scalars(select(Target).where(Target.plan_id == plan.id))}
    revised = _revised(session, "target", [t.id for t in old.values()])
    if old:
        session.execute(delete(Metric).where(Metric.target_id.in_([t.id for t in old.values()])))
    kept = 0
    rows = []
    for pos, t in enumerate(record.targets):
        row = old.pop(t.id, None)
        if row is None:
            row = Target(plan_id=plan.id, key=t.id)
            session.add(row)
        kept += _set(row, {"text": t.text, "horizon": t.horizon, "section": t.section}, revised)
        row.position = pos
        rows.append((row, t))
    for row in old.values():  # targets no longer in the document
        session.delete(row)
    session.flush()  # one batch: new targets get their ids
    session.add_all(
        Metric(
            target_id=row.id,
            value=float(m.value),
            unit=m.unit,
            subject=m.subject,
            by_year=m.by,
            position=i,
        )
        for row, t in rows
        for i, m in enumerate(t.metrics)
    )
    return kept


def search_text(key: str, text: str, agencies: list[str]) -> str:
    """What the task search matches against: folded key, text and agency names."""
    return fold(" ".join([key, text, *agencies]))


def _task_fields(t: TaskRecord) -> dict:
    tf = t.timeframe
    return {
        "key": t.id,
        "group_code": t.group,
        "group_title": t.group_title,
        "text": t.text,
        "tf_raw": tf.raw,
        "tf_kind": tf.kind,
        "tf_start": _date(tf.start),
        "tf_end": _date(tf.end),
        "tf_every": tf.every,
    }


TASK_ALIASES = {
    "group_code": "group",
    "tf_raw": "timeframe_raw",
    "tf_kind": "timeframe_kind",
    "tf_start": "timeframe_start",
    "tf_end": "timeframe_end",
}


def _tasks(session: Session, plan: Plan, record: PlanRecord, agency_ids: dict[str, int]):
    old = list(session.scalars(select(Task).where(Task.plan_id == plan.id).order_by(Task.id)))
    by_key: dict[str, list[Task]] = {}
    for row in old:
        by_key.setdefault(row.match_key, []).append(row)
    revised = _revised(session, "task", [t.id for t in old])
    added = kept_tasks = kept = 0
    now = datetime.now(UTC)
    rows: list[tuple[Task, TaskRecord]] = []
    for pos, t in enumerate(record.tasks):
        mk = match_key(t.text)
        candidates = by_key.get(mk) or []
        found = candidates.pop(0) if candidates else None
        if found is None:
            row = Task(plan_id=plan.id, match_key=mk, created_at=now)
            session.add(row)
            added += 1
        else:
            row = found
            kept_tasks += 1
        kept += _set(row, _task_fields(t), revised, TASK_ALIASES)
        row.position, row.active, row.updated_at = pos, True, now
        if (row.id, "text") not in revised:
            row.search_text = search_text(t.id, t.text, [*t.directing, *t.lead, *t.coordinating])
        rows.append((row, t))
    # agencies of tasks whose agencies no officer corrected are replaced by the document's
    corrected = {row.id for row, _ in rows if any((row.id, r) in revised for r in ROLES)}
    kept += sum((i, r) in revised for i in corrected for r in ROLES)
    stale = [row.id for row, _ in rows if row.id is not None and row.id not in corrected]
    if stale:
        session.execute(delete(TaskAgency).where(TaskAgency.task_id.in_(stale)))
    session.flush()  # one batch: new tasks get their ids
    session.add_all(
        TaskAgency(task_id=row.id, agency_id=agency_ids[agency_key(name)], role=role, position=i)
        for row, t in rows
        if row.id not in corrected
        for role in ROLES
        for i, name in enumerate(getattr(t, role))
    )
    seen = {row.id for row, _ in rows}
    removed = 0
    for row in old:
        if row.id not in seen and row.active:
            row.active = False
            removed += 1
    return added, kept_tasks, removed, kept


def _duties(session: Session, plan: Plan, record: PlanRecord, agency_ids: dict[str, int]) -> None:
    session.execute(delete(ReportingDuty).where(ReportingDuty.plan_id == plan.id))
    for pos, d in enumerate(record.reporting):
        session.add(
            ReportingDuty(
                plan_id=plan.id,
                every=d.every,
                due=d.due,
                position=pos,
                to_agency_id=agency_ids.get(agency_key(d.to)) if d.to else None,
                via_agency_id=agency_ids.get(agency_key(d.via)) if d.via else None,
            )
        )


def _agency_names(record: PlanRecord) -> list[str]:
    names = [n for t in record.tasks for r in ROLES for n in getattr(t, r)]
    names += [n for d in record.reporting for n in (d.to, d.via) if n]
    return names


def _jurisdiction(session: Session, previous: Plan | None, doc: Document, user) -> int:
    """The plan's jurisdiction: kept on a re-import (an officer may have corrected it), else
    the province its document names; an officer imports only into its own jurisdiction."""
    from kehoach.errors import PermissionDenied
    from kehoach.services.jurisdictions import in_scope, national_id, plan_jurisdiction_id

    jurisdiction_id = (
        previous.jurisdiction_id if previous else plan_jurisdiction_id(session, doc.province)
    )
    if user is None or user.id == 0 or user.national or user.jurisdiction_id is None:
        return jurisdiction_id
    if jurisdiction_id == national_id(session) and previous is None:
        return user.jurisdiction_id  # the document names no province: the officer's own
    if not in_scope(session, user.jurisdiction_id, jurisdiction_id):
        if not doc.province:
            raise PermissionDenied(
                "this plan belongs to another jurisdiction; you work for {mine}",
                mine=user.jurisdiction_name,
            )
        raise PermissionDenied(
            "this plan belongs to {province}; you work for {mine}",
            province=doc.province,
            mine=user.jurisdiction_name,
        )
    return jurisdiction_id


def import_record(
    session: Session,
    record: PlanRecord,
    user: UserView | None = None,
    *,
    replace_plan_id: int | None = None,
    as_new: bool = False,
    ask: bool = False,
) -> ImportResult:
    """Store a plan record (new, unchanged, or a corrected version of a stored plan).

    `replace_plan_id` names the plan this is a new version of; `as_new` makes it a new
    plan whatever it looks like; with `ask`, a record that looks like a stored plan (same
    number, issuer and date, or alike text) and neither is given raises
    `versions.VersionQuestion` instead of being stored. Without any, a corrected version
    is recognised by its number (or, unnumbered, by its file name)."""
    same = session.scalar(select(Plan).where(Plan.sha256 == record.source.sha256))
    if same is not None and replace_plan_id in (None, same.id):
        return ImportResult(same.id, same.document_id, record.source.name, "unchanged")
    if ask:
        from kehoach.services.versions import ask_about_versions

        ask_about_versions(session, record, replace_plan_id, as_new, user)
    previous = None if as_new else _previous_plan(session, record, replace_plan_id)
    doc, kept = _document(session, record, previous)
    jurisdiction_id = _jurisdiction(session, previous, doc, user)
    before = session.scalar(select(func.count()).select_from(Agency)) or 0
    agency_ids = ensure_agencies(
        session, _agency_names(record), jurisdiction_id, province_code(doc.province)
    )
    agencies_added = (session.scalar(select(func.count()).select_from(Agency)) or 0) - before
    _links(session, doc, record)
    now = datetime.now(UTC)
    plan = previous or Plan(document_id=doc.id, public=False)
    plan.jurisdiction_id = jurisdiction_id
    plan.source_name, plan.sha256 = record.source.name, record.source.sha256
    plan.format = record.source.format
    plan.record_json = json.dumps(record.to_json(), ensure_ascii=False)
    plan.imported_at = now
    plan.imported_by = user.id if user and user.id else None
    if previous is None:
        plan.tracked_from = _date(record.document.date) or local_day(now)
        session.add(plan)
    session.flush()
    kept += _targets(session, plan, record)
    added, kept_tasks, removed, kept_fields = _tasks(session, plan, record, agency_ids)
    _duties(session, plan, record, agency_ids)
    outcome = "updated" if previous else "created"
    audit.record(session, user, "import", "plan", plan.id, f"{record.source.name} ({outcome})")
    session.flush()
    search.index_plan(session, plan.id)
    search.index_agencies(session, sorted(set(agency_ids.values())))
    return ImportResult(
        plan.id,
        doc.id,
        record.source.name,
        outcome,
        added,
        kept_tasks,
        removed,
        agencies_added,
        kept + kept_fields,
    )
