"""The facts task status depends on, gathered for many tasks in a constant number of queries.

Five queries whatever the number of tasks: tasks, duties, extensions,
overrides, lead reports (see `relevant_reports`).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import DateTime, func, select, true, type_coerce, union_all
from sqlalchemy.orm import Session, aliased

from kehoach.services.periods import (
    current_period,
    last_due_period,
    local_day,
    local_midnight,
    local_time,
)
from kehoach.services.status import ReportFact, TaskFacts
from kehoach.store.db import query
from kehoach.store.tables import (
    DeadlineExtension,
    Plan,
    ProgressReport,
    ReportingDuty,
    StatusOverride,
    Task,
    TaskAgency,
)

PR = ProgressReport
PR2 = aliased(ProgressReport)
EPOCH = datetime(1900, 1, 1, tzinfo=UTC)  # before any report: the whole history
AT = type_coerce(PR.submitted_at, DateTime())  # plain type: no per-row time-zone conversion


def task_scope(
    plan_id: int | None = None,
    agency_id: int | None = None,
    task_ids: list[int] | None = None,
    agency_roles: tuple[str, ...] = ("lead", "coordinating"),
    plan_ids: list[int] | None = None,
):
    """A select of active task ids matching the filters (used as a subquery)."""
    stmt = select(Task.id).where(Task.active)
    if plan_id is not None:
        stmt = stmt.where(Task.plan_id == plan_id)
    if plan_ids is not None:  # a literal list: read through the (plan_id, …) index
        stmt = stmt.where(Task.plan_id.in_(plan_ids))
    if agency_id is not None:
        stmt = stmt.where(
            Task.id.in_(
                select(TaskAgency.task_id).where(
                    TaskAgency.agency_id == agency_id, TaskAgency.role.in_(agency_roles)
                )
            )
        )
    if task_ids is not None:
        stmt = stmt.where(Task.id.in_(task_ids))
    return stmt


def _as_date(value: datetime | None) -> date | None:
    return local_day(value) if value is not None else None


def gather_facts(
    session: Session, on: date, scope
) -> tuple[dict[int, TaskFacts], dict[int, list[ReportFact]]]:
    """Facts and lead reports of the tasks in `scope`, in five queries."""
    ids = scope
    rows = query(
        session,
        select(
            Task.id,
            Task.plan_id,
            Task.tf_kind,
            Task.tf_start,
            Task.tf_end,
            Task.updated_at,
            Plan.tracked_from,
        )
        .join(Plan, Plan.id == Task.plan_id)
        .where(Task.id.in_(ids)),
    ).all()
    duties: dict[int, list[tuple[str, str | None]]] = defaultdict(list)
    for plan_id, every, due in query(
        session,
        select(ReportingDuty.plan_id, ReportingDuty.every, ReportingDuty.due).order_by(
            ReportingDuty.plan_id, ReportingDuty.position
        ),
    ):
        duties[plan_id].append((every, due))
    until = local_midnight(on + timedelta(days=1))
    extended: dict[int, tuple[date, date]] = {}
    for task_id, new_end, created in query(
        session,
        select(DeadlineExtension.task_id, DeadlineExtension.new_end, DeadlineExtension.created_at)
        .where(DeadlineExtension.task_id.in_(ids))
        .order_by(DeadlineExtension.id),
    ):
        extended[task_id] = (new_end, local_day(created))
    overrides: dict[int, tuple[str, str, date]] = {}
    for task_id, status, reason, created in query(
        session,
        select(
            StatusOverride.task_id,
            StatusOverride.status,
            StatusOverride.reason,
            StatusOverride.created_at,
        )
        .where(StatusOverride.task_id.in_(ids), StatusOverride.active)
        .order_by(StatusOverride.id),
    ):
        overrides[task_id] = (status, reason, local_day(created))
    codes = set()
    for plan_id in {r.plan_id for r in rows}:
        plan_duties = duties.get(plan_id, ())
        codes.add(current_period(plan_duties, on).code)
        prev = last_due_period(plan_duties, on)
        if prev is not None:
            codes.add(prev.code)
    reports = relevant_reports(session, ids, until, codes)
    facts: dict[int, TaskFacts] = {}
    for task_id, plan_id, kind, start, end, updated, tracked in rows:
        ext = extended.get(task_id)
        ovr = overrides.get(task_id)
        updates = [d for d in (_as_date(updated), ext and ext[1], ovr and ovr[2]) if d]
        facts[task_id] = TaskFacts(
            task_id=task_id,
            kind=kind,
            start=start,
            end=end,
            extended_end=ext[0] if ext else None,
            duties=tuple(duties.get(plan_id, ())),
            tracked_from=tracked,
            last_update=max(d for d in updates if d <= on)
            if any(d <= on for d in updates)
            else None,
            override=(ovr[0], ovr[1]) if ovr else None,
        )
    return facts, reports


def relevant_reports(session: Session, ids, until: datetime, codes: set[str]):
    """Per task, the lead reports up to `until` that status looks at, oldest first.

    Status reads the latest report, the trailing run of `hoan_thanh` reports (when the work
    was done) and the reports of the current and previous periods (`codes`). So, per task:
    every report from its latest one that is not `hoan_thanh` on (found backwards through
    the index on task, role and time, so older history is never read), plus the older
    reports of `codes`. The cost stays flat as years of reports accumulate; the result is
    the same as reading the whole history (`task_status` looks at nothing else).
    """
    since = (
        select(func.max(PR2.submitted_at))
        .where(
            PR2.task_id == Task.id,
            PR2.role == "lead",
            PR2.status != "hoan_thanh",
            PR2.submitted_at < until,
        )
        .scalar_subquery()
    )
    # computed once per task before the reports are read (a CTE the planners do not fold
    # into the outer query: folded, PostgreSQL re-ran it for every report of the history)
    bounds = (
        select(Task.id.label("tid"), func.coalesce(since, EPOCH).label("since"))
        .where(Task.id.in_(ids))
        .cte("bounds")
        .prefix_with("MATERIALIZED")
    )
    cols = (PR.task_id, PR.period, PR.status, PR.percent, AT, PR.id)
    recent = (
        PR.task_id == bounds.c.tid,
        PR.role == "lead",
        PR.submitted_at >= bounds.c.since,
        PR.submitted_at < until,
    )
    older = (
        PR.task_id == bounds.c.tid,
        PR.period.in_(sorted(codes)),
        PR.role == "lead",
        PR.submitted_at < bounds.c.since,
    )
    if session.get_bind().dialect.name == "postgresql":
        # per task, an index range (LATERAL; OFFSET 0 keeps the planner from folding it back
        # into a join, which it hashed over the whole table's history)
        parts = [select(*cols).where(*where).offset(0).lateral() for where in (recent, older)]
        stmt = union_all(*(select(part).select_from(bounds).join(part, true()) for part in parts))
    else:  # SQLite loops over the tasks and reads each one's range through an index
        # `role || ''`: not an index term, so the older reports are found by period
        # (task, period index) rather than by reading the task's history (task, role, time)
        older = (*older[:2], PR.role.concat("") == "lead", older[3])
        stmt = union_all(*(select(*cols).where(*where) for where in (recent, older)))
    rows = sorted(query(session, stmt).all(), key=lambda r: (r[4], r[5]))
    out: dict[int, list[ReportFact]] = defaultdict(list)
    for task_id, period, status, percent, at, _id in rows:
        out[task_id].append(ReportFact(period, status, percent, local_time(at)))
    return out
