"""Everything the dashboard and the "my unit" page show, each in one call."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kehoach.errors import PermissionDenied
from kehoach.services.agencies import AgencyRow, get_agency
from kehoach.services.periods import Period, current_period
from kehoach.services.status import DONE, statuses
from kehoach.services.summaries import (
    AgencySummary,
    CompletenessRow,
    PlanSummary,
    StatusCounts,
    agency_summaries,
    completeness,
    count_statuses,
    plan_summaries,
)
from kehoach.services.tasks import TaskRow, rows_for
from kehoach.services.types import UserView
from kehoach.services.visibility import home_condition, sees_all
from kehoach.store.db import query
from kehoach.store.tables import Plan, ReportingDuty, Task, TaskAgency

UPCOMING_DAYS = 60


@dataclass(frozen=True)
class Dashboard:
    on: date
    counts: StatusCounts
    overdue: list[TaskRow]
    agencies: list[AgencySummary]
    plans: list[PlanSummary]
    missing_reports: list[CompletenessRow]
    upcoming: list[TaskRow]
    stalled: list[TaskRow]


@dataclass(frozen=True)
class MyUnit:
    agency: AgencyRow
    tasks: list[TaskRow]
    due_now: list[TaskRow]
    period_by_plan: dict[int, Period]
    summary: AgencySummary | None


def dashboard(
    session: Session,
    *,
    on: date,
    user: UserView | None = None,
    plan_id: int | None = None,
    settings=None,
) -> Dashboard:
    """Status counts, overdue tasks, agencies by completion, completeness, upcoming deadlines."""
    agency_id = None
    plan_ids = None
    if not sees_all(user):
        if user is not None and user.role == "reporter" and user.agency_id:
            agency_id = user.agency_id
        else:
            plan_ids = list(query(session, select(Plan.id).where(home_condition(user))).scalars())
    if plan_id is not None:
        plan_ids = [plan_id] if plan_ids is None or plan_id in plan_ids else []
    task_ids = None
    if plan_ids is not None and plan_id is None:
        task_ids = list(
            query(session, select(Task.id).where(Task.plan_id.in_(plan_ids), Task.active)).scalars()
        )
    infos = statuses(
        session, on, plan_id=plan_id, agency_id=agency_id, task_ids=task_ids, settings=settings
    )
    if plan_ids == []:
        infos = {}
    overdue = sorted(
        (i for i, s in infos.items() if s.code == "overdue"),
        key=lambda i: (infos[i].deadline or on, i),
    )[:20]
    soon = on + timedelta(days=UPCOMING_DAYS)
    upcoming = sorted(
        (
            i
            for i, s in infos.items()
            if s.deadline and on <= s.deadline <= soon and s.code not in (*DONE, "not_applicable")
        ),
        key=lambda i: (infos[i].deadline, i),
    )[:20]
    stalled = sorted(
        (i for i, s in infos.items() if s.stalled), key=lambda i: (infos[i].last_activity or on, i)
    )[:20]
    rows = {r.id: r for r in rows_for(session, sorted({*overdue, *upcoming, *stalled}), on, infos)}
    if agency_id is not None:
        plan_ids = sorted(
            set(query(session, select(Task.plan_id).where(Task.id.in_(list(infos)))).scalars())
        )
    reporting = completeness(session, on, plan_id=plan_id, agency_id=agency_id, task_ids=task_ids)
    plans = plan_summaries(session, on, plan_ids, settings=settings, infos=infos, rows=reporting)
    agencies = agency_summaries(
        session,
        on,
        plan_id=plan_id,
        agency_ids=[agency_id] if agency_id else None,
        settings=settings,
        infos=infos,
        rows=reporting,
    )
    missing = [r for r in reporting if r.missing][:50]
    return Dashboard(
        on=on,
        counts=count_statuses(infos.values()),
        overdue=[rows[i] for i in overdue],
        agencies=agencies,
        plans=plans,
        missing_reports=missing,
        upcoming=[rows[i] for i in upcoming],
        stalled=[rows[i] for i in stalled],
    )


def my_unit(
    session: Session, user: UserView, *, on: date, agency_id: int | None = None, settings=None
) -> MyUnit:
    """A reporter's agency: its tasks (lead or coordinating) and those still to report now."""
    if user is None:
        raise PermissionDenied("log in to see your unit's tasks")
    if user.role == "reporter":
        agency_id = user.agency_id
    if agency_id is None:
        raise PermissionDenied("only an agency reporter has a unit; officers choose an agency")
    agency = get_agency(session, agency_id, user)
    infos = statuses(session, on, agency_id=agency_id, settings=settings)
    ids = list(
        query(
            session,
            select(Task.id).where(Task.id.in_(list(infos))).order_by(Task.plan_id, Task.position),
        ).scalars()
    )
    rows = rows_for(session, ids, on, infos)
    lead = set(
        query(
            session,
            select(TaskAgency.task_id).where(
                TaskAgency.agency_id == agency_id, TaskAgency.role == "lead"
            ),
        ).scalars()
    )
    duties: dict[int, list] = {}
    for pid, every, due in query(
        session, select(ReportingDuty.plan_id, ReportingDuty.every, ReportingDuty.due)
    ):
        duties.setdefault(pid, []).append((every, due))
    periods = {r.plan_id: current_period(duties.get(r.plan_id, []), on) for r in rows}
    due_now = [
        r
        for r in rows
        if r.id in lead
        and not r.status.reported_this_period
        and r.status.code not in (*DONE, "not_applicable")
        and r.timeframe_kind != "on_request"
    ]
    summary = agency_summaries(session, on, agency_ids=[agency_id], settings=settings)
    return MyUnit(agency, rows, due_now, periods, summary[0] if summary else None)
