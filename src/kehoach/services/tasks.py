"""Tasks: the filtered task table, one task's page, deadline extensions and status overrides."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kehoach.errors import NotFound, PermissionDenied, ValidationError
from kehoach.services import audit
from kehoach.services.periods import Period, open_periods
from kehoach.services.status import STATUS_CODES, StatusInfo, statuses
from kehoach.services.types import SYSTEM, Page, UserView
from kehoach.services.visibility import task_condition
from kehoach.store.db import query
from kehoach.store.tables import (
    Agency,
    DeadlineExtension,
    Document,
    Plan,
    ReportingDuty,
    StatusOverride,
    Task,
    TaskAgency,
    User,
)
from kehoach.text.normalize import fold

SORTS = ("position", "deadline", "status", "plan")
MAX_PER_PAGE = 500
MAX_PAGE = 1_000_000  # beyond any real list; keeps OFFSET within 64 bits


@dataclass(frozen=True)
class TaskRow:
    id: int
    plan_id: int
    plan_title: str | None
    key: str
    group: str | None
    group_title: str | None
    text: str
    directing: list[str]
    lead: list[str]
    coordinating: list[str]
    timeframe_raw: str | None
    timeframe_kind: str
    original_deadline: date | None
    deadline: date | None
    status: StatusInfo
    plan_kind: str = "other"  # the plan's document: a plan is named by kind and number
    plan_number: str | None = None


@dataclass(frozen=True)
class TaskAgencyView:
    agency_id: int
    name: str
    role: str


@dataclass(frozen=True)
class ExtensionView:
    id: int
    task_id: int
    original_end: date | None
    new_end: date
    reason: str
    username: str | None
    at: object


@dataclass(frozen=True)
class OverrideView:
    id: int
    task_id: int
    status: str
    reason: str
    username: str | None
    at: object
    active: bool


@dataclass(frozen=True)
class TaskDetail:
    row: TaskRow
    agencies: list[TaskAgencyView]
    reports: list = field(default_factory=list)  # list[reports.ReportView], newest first
    extensions: list[ExtensionView] = field(default_factory=list)
    override: OverrideView | None = None
    revisions: list = field(default_factory=list)  # list[plans.RevisionView]
    periods: list[Period] = field(default_factory=list)


def _filtered(user, plan_id, group, agency_id, role, timeframe_kind, q):
    stmt = select(Task.id).where(Task.active, task_condition(user))
    if plan_id is not None:
        stmt = stmt.where(Task.plan_id == plan_id)
    if group:
        stmt = stmt.where(Task.group_code == group)
    if timeframe_kind:
        stmt = stmt.where(Task.tf_kind == timeframe_kind)
    if agency_id is not None or role:
        sub = select(TaskAgency.task_id)
        if agency_id is not None:
            sub = sub.where(TaskAgency.agency_id == agency_id)
        if role:
            sub = sub.where(TaskAgency.role == role)
        stmt = stmt.where(Task.id.in_(sub))
    if q and fold(q):
        # the folded phrase: "so hoa" finds "số hóa" and "số hoá", not "cơ sở ... xã hội hóa"
        stmt = stmt.where(Task.search_text.contains(fold(q), autoescape=True))
    return stmt


def _order(sort: str):
    desc = sort.startswith("-")
    name = sort.lstrip("-")
    if name == "deadline":
        cols = [Task.tf_end.is_(None), Task.tf_end, Task.plan_id, Task.position]
    elif name == "plan":
        cols = [Task.plan_id, Task.position]
    else:
        cols = [Task.plan_id, Task.position]
    if desc:
        cols = [c.desc() for c in cols]
    return cols


def rows_for(
    session: Session, ids: list[int], on: date, infos: dict[int, StatusInfo] | None = None
) -> list[TaskRow]:
    """TaskRows for these ids in this order (three queries plus the status ones)."""
    if not ids:
        return []
    tasks = {
        t.id: (t, doc)
        for t, *doc in session.execute(
            select(Task, Document.title, Document.kind, Document.number)
            .join(Plan, Plan.id == Task.plan_id)
            .join(Document, Document.id == Plan.document_id)
            .where(Task.id.in_(ids))
        )
    }
    names: dict[tuple[int, str], list[str]] = defaultdict(list)
    for task_id, role, name in query(
        session,
        select(TaskAgency.task_id, TaskAgency.role, Agency.name)
        .join(Agency, Agency.id == TaskAgency.agency_id)
        .where(TaskAgency.task_id.in_(ids))
        .order_by(TaskAgency.task_id, TaskAgency.role, TaskAgency.position),
    ):
        names[(task_id, role)].append(name)
    if infos is None:
        infos = statuses(session, on, task_ids=ids)
    out = []
    for i in ids:
        if i not in tasks or i not in infos:
            continue
        t, (title, kind, number) = tasks[i]
        info = infos[i]
        out.append(
            TaskRow(
                t.id,
                t.plan_id,
                title,
                t.key,
                t.group_code,
                t.group_title,
                t.text,
                names[(i, "directing")],
                names[(i, "lead")],
                names[(i, "coordinating")],
                t.tf_raw,
                t.tf_kind,
                t.tf_end,
                info.deadline,
                info,
                plan_kind=kind,
                plan_number=number,
            )
        )
    return out


def list_tasks(
    session: Session,
    *,
    user: UserView | None = None,
    plan_id: int | None = None,
    group: str | None = None,
    agency_id: int | None = None,
    role: str | None = None,
    status: str | None = None,
    timeframe_kind: str | None = None,
    q: str | None = None,
    on: date | None = None,
    sort: str = "position",
    page: int = 1,
    per_page: int = 50,
) -> Page[TaskRow]:
    """One page of the tasks `user` may see matching the filters, in a constant query count."""
    on = on or date.today()
    if status is not None and status not in STATUS_CODES:
        raise ValidationError(
            "status must be one of {statuses}", field="status", statuses=STATUS_CODES
        )
    if sort.lstrip("-") not in SORTS:
        raise ValidationError("sort must be one of {sorts}", field="sort", sorts=SORTS)
    page, per_page = min(max(1, page), MAX_PAGE), min(max(1, per_page), MAX_PER_PAGE)
    base = _filtered(user, plan_id, group, agency_id, role, timeframe_kind, q)
    if status is None and sort.lstrip("-") != "status":
        total = session.scalar(select(func.count()).select_from(base.subquery())) or 0
        ids = list(
            session.scalars(
                base.order_by(*_order(sort)).offset((page - 1) * per_page).limit(per_page)
            )
        )
        return Page(rows_for(session, ids, on), total, page, per_page)
    ordered = list(query(session, base.order_by(*_order(sort))).scalars())
    infos = statuses(session, on, plan_id=plan_id)
    ordered = [i for i in ordered if i in infos and (status is None or infos[i].code == status)]
    if sort.lstrip("-") == "status":
        ordered.sort(key=lambda i: STATUS_CODES.index(infos[i].code), reverse=sort[0] == "-")
    chunk = ordered[(page - 1) * per_page : page * per_page]
    return Page(rows_for(session, chunk, on, infos), len(ordered), page, per_page)


def all_tasks(session: Session, **filters) -> list[TaskRow]:
    """Every row of the task table for these `list_tasks` filters (all pages): exports."""
    out: list[TaskRow] = []
    page = 1
    while True:
        found = list_tasks(session, **filters, page=page, per_page=MAX_PER_PAGE)
        out.extend(found.items)
        if page >= found.pages:
            return out
        page += 1


def _task_or_404(session: Session, task_id: int, user: UserView | None) -> Task:
    task = session.scalar(select(Task).where(Task.id == task_id, task_condition(user)))
    if task is None:
        raise NotFound("no task with id {task_id}", task_id=task_id)
    return task


def get_task(
    session: Session, task_id: int, user: UserView | None = None, on: date | None = None
) -> TaskDetail:
    """One task with its agencies, report history, extensions, override and corrections."""
    from kehoach.services.plans import list_revisions
    from kehoach.services.reports import report_history

    on = on or date.today()
    task = _task_or_404(session, task_id, user)
    row = rows_for(session, [task_id], on)[0]
    agencies = [
        TaskAgencyView(a, n, r)
        for a, n, r in session.execute(
            select(TaskAgency.agency_id, Agency.name, TaskAgency.role)
            .join(Agency, Agency.id == TaskAgency.agency_id)
            .where(TaskAgency.task_id == task_id)
            .order_by(TaskAgency.role, TaskAgency.position)
        )
    ]
    extensions = [
        ExtensionView(e.id, e.task_id, e.original_end, e.new_end, e.reason, name, e.created_at)
        for e, name in session.execute(
            select(DeadlineExtension, User.username)
            .outerjoin(User, User.id == DeadlineExtension.user_id)
            .where(DeadlineExtension.task_id == task_id)
            .order_by(DeadlineExtension.id.desc())
        )
    ]
    ovr = session.execute(
        select(StatusOverride, User.username)
        .outerjoin(User, User.id == StatusOverride.user_id)
        .where(StatusOverride.task_id == task_id, StatusOverride.active)
        .order_by(StatusOverride.id.desc())
    ).first()
    override = None
    if ovr is not None:
        o, name = ovr
        override = OverrideView(o.id, o.task_id, o.status, o.reason, name, o.created_at, o.active)
    duties = session.execute(
        select(ReportingDuty.every, ReportingDuty.due).where(ReportingDuty.plan_id == task.plan_id)
    ).all()
    return TaskDetail(
        row=row,
        agencies=agencies,
        reports=report_history(session, task_id, user),
        extensions=extensions,
        override=override,
        revisions=list_revisions(session, "task", task_id),
        periods=open_periods([tuple(d) for d in duties], on),
    )


def _editable_task(session: Session, task_id: int, user: UserView | None) -> Task:
    """A task an officer may change: one of its own jurisdiction's plans."""
    from kehoach.services.visibility import may_edit_plan

    task = _task_or_404(session, task_id, user or SYSTEM)
    if not may_edit_plan(session, task.plan_id, user):
        raise PermissionDenied("this plan belongs to another jurisdiction; you cannot change it")
    return task


def _officer(user: UserView | None) -> None:
    from kehoach.services.users import can_edit_plan

    if user is not None and not can_edit_plan(user):
        raise PermissionDenied("only a plan officer or an administrator can do this")


def extend_deadline(
    session: Session, task_id: int, new_end: date, reason: str, user: UserView | None
) -> ExtensionView:
    """Extend a task's deadline; the original deadline is kept (on-time rate uses it)."""
    _officer(user)
    task = _editable_task(session, task_id, user)
    if not (reason or "").strip():
        raise ValidationError("give the reason for the extension", field="reason")
    if task.tf_end is None:
        raise ValidationError(
            "this task has no deadline to extend (it is recurring, continuous or undated); "
            "correct its timeframe instead",
            field="new_end",
        )
    if new_end <= task.tf_end:
        raise ValidationError(
            "the new deadline must be after the original one ({deadline})",
            field="new_end",
            deadline=task.tf_end,
        )
    ext = DeadlineExtension(
        task_id=task_id,
        original_end=task.tf_end,
        new_end=new_end,
        reason=reason.strip(),
        user_id=user.id if user and user.id else None,
    )
    session.add(ext)
    session.flush()
    audit.record(session, user, "extend_deadline", "task", task_id, f"{new_end} — {reason}")
    return ExtensionView(
        ext.id,
        task_id,
        ext.original_end,
        new_end,
        ext.reason,
        user.username if user else None,
        ext.created_at,
    )


def override_status(
    session: Session, task_id: int, status: str, reason: str, user: UserView | None
) -> OverrideView:
    """Replace the computed status by `status`, with a reason; shown as an override."""
    _officer(user)
    _editable_task(session, task_id, user)
    if status not in STATUS_CODES:
        raise ValidationError(
            "status must be one of {statuses}", field="status", statuses=STATUS_CODES
        )
    if not (reason or "").strip():
        raise ValidationError("give the reason for the override", field="reason")
    for old in session.scalars(
        select(StatusOverride).where(StatusOverride.task_id == task_id, StatusOverride.active)
    ):
        old.active = False
    row = StatusOverride(
        task_id=task_id,
        status=status,
        reason=reason.strip(),
        user_id=user.id if user and user.id else None,
    )
    session.add(row)
    session.flush()
    audit.record(session, user, "override_status", "task", task_id, f"{status} — {reason}")
    return OverrideView(
        row.id, task_id, status, row.reason, user.username if user else None, row.created_at, True
    )


def clear_override(session: Session, task_id: int, user: UserView | None) -> None:
    """Go back to the computed status (the override stays in the history)."""
    _officer(user)
    _editable_task(session, task_id, user)
    for old in session.scalars(
        select(StatusOverride).where(StatusOverride.task_id == task_id, StatusOverride.active)
    ):
        old.active = False
    audit.record(session, user, "clear_override", "task", task_id)
