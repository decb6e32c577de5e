"""The facts task status depends on, gathered for many tasks in a constant number of queries.

Five queries whatever the number of tasks: tasks, duties, extensions,
overrides, lead reports (see `relevant_reports`).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta

from sqlalchemy import DateTime, select, type_coerce
from sqlalchemy.orm import Session

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
AT = type_coerce(PR.submitted_at, DateTime())  # plain type: no per-row time-zone conversion


def task_scope(
    plan_id: int | None = None,
    agency_id: int | None = None,
    task_ids: list[int] | None = None,
    agency_roles: tuple[str, ...] = ("lead", "coordinating"),
):
    """A select of active task ids matching the filters (used as a subquery)."""
    stmt = select(Task.id).where(Task.active)
    if plan_id is not None:
        stmt = stmt.where(Task.plan_id == plan_id)
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
    """Per task, its lead reports up to `until`, oldest first.

    One plain query; measured faster than window functions picking only the rows
    status needs (latest, trailing completions, the periods looked at) on SQLite
    at 5 and 15 years of history. `codes` is kept for such a narrowing later.
    """
    out: dict[int, list[ReportFact]] = defaultdict(list)
    for task_id, period, status, percent, at in query(
        session,
        select(PR.task_id, PR.period, PR.status, PR.percent, AT)
        .where(PR.task_id.in_(ids), PR.role == "lead", PR.submitted_at < until)
        .order_by(PR.submitted_at, PR.id),
    ):
        out[task_id].append(ReportFact(period, status, percent, local_time(at)))
    return out
