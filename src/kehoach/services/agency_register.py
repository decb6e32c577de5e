"""The agency register: officers see where each agency is used, rename it, merge two, and
mark a phrase the reader took for a unit (`các cơ quan liên quan`) as not an agency.

A rename and a merge leave aliases (the old spelling in the agency's jurisdiction),
so the next import of a plan that writes the old name lands on the agency it became.
A merge moves everything (task links, reports, reporting duties, accounts, aliases)
and is written to the audit log. An officer manages its own jurisdiction's agencies
(and its communes'); national ones only a national officer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from kehoach.errors import Conflict, PermissionDenied, ValidationError
from kehoach.services import audit, search
from kehoach.services.agencies import AgencyRow, agency_key, get_agency, scope_of
from kehoach.services.types import UserView
from kehoach.store.tables import (
    Agency,
    AgencyAlias,
    Document,
    Jurisdiction,
    Plan,
    ProgressReport,
    ReportingDuty,
    SearchEntry,
    Task,
    TaskAgency,
    User,
)
from kehoach.text.normalize import clean, fold

KINDS = ("agency", "group")
MAX_NAME = 500


@dataclass(frozen=True)
class RegisterRow:
    """One agency in the register, with how much uses it."""

    id: int
    name: str
    kind: str
    jurisdiction_id: int
    jurisdiction_name: str
    tasks: int  # active tasks that name it (any role)
    reports: int
    users: int
    aliases: int


@dataclass(frozen=True)
class AgencyUse:
    task_id: int
    plan_id: int
    plan_title: str | None
    task_key: str
    task_text: str
    role: str


@dataclass(frozen=True)
class AgencyUsage:
    agency: RegisterRow
    tasks: list[AgencyUse]
    usernames: list[str]
    aliases: list[str]
    history: list[audit.AuditView] = field(default_factory=list)  # renames, merges, kind


def _count(column, *where):
    return select(column, func.count()).where(*where).group_by(column)


def list_register(
    session: Session,
    user: UserView | None,
    *,
    q: str | None = None,
    jurisdiction_id: int | None = None,
    kind: str | None = None,
    ids: list[int] | None = None,
) -> list[RegisterRow]:
    """The agencies `user` may see (its jurisdiction's and the national ones), with usage
    counts; `q` folds diacritics, `kind` is `agency` or `group` (not an agency)."""
    stmt = (
        select(Agency.id, Agency.name, Agency.kind, Agency.jurisdiction_id, Jurisdiction.name)
        .join(Jurisdiction, Jurisdiction.id == Agency.jurisdiction_id)
        .where(scope_of(user))
        .order_by(Agency.name, Jurisdiction.name, Agency.id)
    )
    if q and fold(q):
        key = fold(q)
        named = select(AgencyAlias.agency_id).where(
            AgencyAlias.fold_key.contains(key, autoescape=True)
        )
        stmt = stmt.where(Agency.fold_key.contains(key, autoescape=True) | Agency.id.in_(named))
    if jurisdiction_id is not None:
        stmt = stmt.where(Agency.jurisdiction_id == jurisdiction_id)
    if kind in KINDS:
        stmt = stmt.where(Agency.kind == kind)
    if ids is not None:
        stmt = stmt.where(Agency.id.in_(ids))
    rows = session.execute(stmt).all()
    tasks: dict[int, int] = dict(
        session.execute(
            select(TaskAgency.agency_id, func.count(func.distinct(TaskAgency.task_id)))
            .join(Task, (Task.id == TaskAgency.task_id) & Task.active)
            .group_by(TaskAgency.agency_id)
        )
        .tuples()
        .all()
    )
    reports: dict[int, int] = dict(session.execute(_count(ProgressReport.agency_id)).tuples().all())
    users: dict[int, int] = dict(
        session.execute(_count(User.agency_id, User.agency_id.is_not(None))).tuples().all()
    )
    aliases: dict[int, int] = dict(session.execute(_count(AgencyAlias.agency_id)).tuples().all())
    return [
        RegisterRow(
            i, n, k, j, jn, tasks.get(i, 0), reports.get(i, 0), users.get(i, 0), aliases.get(i, 0)
        )
        for i, n, k, j, jn in rows
    ]


def register_row(session: Session, agency_id: int, user: UserView | None) -> RegisterRow:
    """One agency of the register (NotFound outside the user's jurisdiction)."""
    get_agency(session, agency_id, user)  # NotFound outside the user's jurisdiction
    return list_register(session, None, ids=[agency_id])[0]


def agency_usage(session: Session, agency_id: int, user: UserView | None) -> AgencyUsage:
    """Where an agency is used: its tasks (by plan), accounts and other spellings."""
    row = register_row(session, agency_id, user)
    uses = [
        AgencyUse(tid, pid, title, key, text, role)
        for tid, pid, title, key, text, role in session.execute(
            select(Task.id, Task.plan_id, Document.title, Task.key, Task.text, TaskAgency.role)
            .join(TaskAgency, TaskAgency.task_id == Task.id)
            .join(Plan, Plan.id == Task.plan_id)
            .join(Document, Document.id == Plan.document_id)
            .where(TaskAgency.agency_id == agency_id, Task.active)
            .order_by(Task.plan_id, Task.position, TaskAgency.role)
        )
    ]
    usernames = list(
        session.scalars(
            select(User.username).where(User.agency_id == agency_id).order_by(User.username)
        )
    )
    aliases = list(
        session.scalars(
            select(AgencyAlias.name)
            .where(AgencyAlias.agency_id == agency_id)
            .order_by(AgencyAlias.name)
        )
    )
    history = audit.recent(session, 20, entity="agency", entity_id=agency_id)
    return AgencyUsage(row, uses, usernames, aliases, history)


def _manage(session: Session, agency_id: int, user: UserView | None) -> Agency:
    """The agency, if `user` (an officer) may change it."""
    from kehoach.services.users import can_edit_plan

    if user is not None and user.id != 0 and not can_edit_plan(user):
        raise PermissionDenied("only a plan officer or an administrator can change agencies")
    row: AgencyRow = get_agency(session, agency_id, user)
    agency = session.get(Agency, row.id)
    assert agency is not None
    if user is not None and user.id != 0 and not user.national:
        unit = session.get(Jurisdiction, agency.jurisdiction_id)
        if unit is not None and unit.level == "national":
            raise PermissionDenied("only a national officer can change a national agency")
    return agency


def _remember(session: Session, agency: Agency, name: str, key: str) -> None:
    """Keep `name` as another spelling of `agency` in its jurisdiction."""
    if key == agency.fold_key:
        return
    old = session.scalar(
        select(AgencyAlias).where(
            AgencyAlias.jurisdiction_id == agency.jurisdiction_id, AgencyAlias.fold_key == key
        )
    )
    if old is None:
        session.add(
            AgencyAlias(
                jurisdiction_id=agency.jurisdiction_id, fold_key=key, name=name, agency_id=agency.id
            )
        )
    else:
        old.agency_id = agency.id


def _refresh_search(session: Session, agency_ids: list[int]) -> None:
    """Tasks' search text holds agency names: rebuild it for the tasks naming these
    (and the search index: the agencies' own entries and those tasks')."""
    from kehoach.services.importing import search_text

    search.index_agencies(session, agency_ids)
    ids = list(
        session.scalars(
            select(TaskAgency.task_id).where(TaskAgency.agency_id.in_(agency_ids)).distinct()
        )
    )
    if not ids:
        return
    names: dict[int, list[str]] = {}
    for tid, name in session.execute(
        select(TaskAgency.task_id, Agency.name)
        .join(Agency, Agency.id == TaskAgency.agency_id)
        .where(TaskAgency.task_id.in_(ids))
        .order_by(TaskAgency.task_id, TaskAgency.role, TaskAgency.position)
    ):
        names.setdefault(tid, []).append(name)
    for task in session.scalars(select(Task).where(Task.id.in_(ids))):
        task.search_text = search_text(task.key, task.text, names.get(task.id, []))
    session.flush()
    search.index_tasks(session, ids)


def rename_agency(
    session: Session, agency_id: int, name: str, user: UserView | None
) -> RegisterRow:
    """Give an agency another name; the old one stays as an alias for later imports."""
    agency = _manage(session, agency_id, user)
    name = clean(name or "")
    if not name:
        raise ValidationError("give the agency's new name", field="name")
    if len(name) > MAX_NAME:
        raise ValidationError(
            "an agency name has at most {count} characters", field="name", count=MAX_NAME
        )
    key = agency_key(name)
    other = session.scalar(
        select(Agency.id).where(
            Agency.jurisdiction_id == agency.jurisdiction_id,
            Agency.fold_key == key,
            Agency.id != agency.id,
        )
    )
    if other is not None:
        raise Conflict(
            "another agency of this jurisdiction is already named '{name}'; merge the two instead",
            where="name",
            name=name,
        )
    old_name, old_key = agency.name, agency.fold_key
    session.execute(
        delete(AgencyAlias).where(
            AgencyAlias.jurisdiction_id == agency.jurisdiction_id, AgencyAlias.fold_key == key
        )
    )
    agency.name, agency.fold_key = name, key
    _remember(session, agency, old_name, old_key)
    session.flush()
    _refresh_search(session, [agency.id])
    audit.record(session, user, "rename", "agency", agency.id, f"{old_name} → {name}")
    return register_row(session, agency.id, None)


def merge_agencies(
    session: Session, agency_id: int, into_id: int, user: UserView | None
) -> RegisterRow:
    """Merge agency `agency_id` into `into_id` (same jurisdiction): its tasks, reports,
    reporting duties, accounts and aliases follow, its name becomes an alias, it is gone."""
    source = _manage(session, agency_id, user)
    target = _manage(session, into_id, user)
    if source.id == target.id:
        raise ValidationError("choose another agency to merge into", field="into")
    if source.jurisdiction_id != target.jurisdiction_id:
        raise ValidationError(
            "the two agencies belong to different jurisdictions; only one jurisdiction's "
            "agencies can be merged",
            field="into",
        )
    # a task naming both in one role keeps one link, the target's
    both = set(
        session.execute(
            select(TaskAgency.task_id, TaskAgency.role).where(TaskAgency.agency_id == target.id)
        )
        .tuples()
        .all()
    )
    dup = [
        link_id
        for link_id, task_id, role in session.execute(
            select(TaskAgency.id, TaskAgency.task_id, TaskAgency.role).where(
                TaskAgency.agency_id == source.id
            )
        )
        if (task_id, role) in both
    ]
    if dup:
        session.execute(delete(TaskAgency).where(TaskAgency.id.in_(dup)))
    for model, column in (
        (TaskAgency, TaskAgency.agency_id),
        (ProgressReport, ProgressReport.agency_id),
        (User, User.agency_id),
    ):
        session.execute(update(model).where(column == source.id).values(agency_id=target.id))
    for column in (ReportingDuty.to_agency_id, ReportingDuty.via_agency_id):
        session.execute(
            update(ReportingDuty).where(column == source.id).values({column.key: target.id})
        )
    session.execute(
        update(AgencyAlias).where(AgencyAlias.agency_id == source.id).values(agency_id=target.id)
    )
    session.flush()
    name, key = source.name, source.fold_key
    session.execute(
        update(SearchEntry).where(SearchEntry.agency_id == source.id).values(agency_id=target.id)
    )
    session.execute(
        delete(SearchEntry).where(SearchEntry.kind == "agency", SearchEntry.entity_id == source.id)
    )
    session.delete(source)
    session.flush()
    _remember(session, target, name, key)
    session.flush()
    _refresh_search(session, [target.id])
    # names only: the detail is shown on the agency's page
    audit.record(session, user, "merge", "agency", target.id, f"{name} → {target.name}")
    return register_row(session, target.id, None)


def set_kind(session: Session, agency_id: int, kind: str, user: UserView | None) -> RegisterRow:
    """Mark an agency as `group` (not an agency: kept on its tasks as text, listed nowhere
    as a unit) or back as `agency`."""
    if kind not in KINDS:
        raise ValidationError("kind must be one of {kinds}", field="kind", kinds=KINDS)
    agency = _manage(session, agency_id, user)
    if kind == "group":
        users = session.scalar(
            select(func.count()).select_from(User).where(User.agency_id == agency.id)
        )
        if users:
            raise Conflict(
                "accounts belong to this agency; move them to another agency first", where="kind"
            )
    if agency.kind != kind:
        agency.kind = kind
        session.flush()
        action = "mark_group" if kind == "group" else "mark_agency"
        audit.record(session, user, action, "agency", agency.id, agency.name)
    return register_row(session, agency.id, None)
