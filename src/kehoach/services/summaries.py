"""Per-plan and per-agency summaries: status counts, on-time rate, reporting completeness.

Completeness is judged for each plan's review period: the period most recently
due (who has not reported by the due date, who reported after it — from the
submission time), or the current period when none is due yet.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kehoach.services.periods import Period, current_period, last_due_period, local_day
from kehoach.services.status import DONE, StatusInfo, statuses
from kehoach.store.db import query
from kehoach.store.tables import (
    Agency,
    Document,
    Plan,
    ProgressReport,
    ReportingDuty,
    Task,
    TaskAgency,
)


@dataclass(frozen=True)
class StatusCounts:
    total: int
    counts: dict[str, int]
    on_time_rate: float | None  # done by the original deadline, of those decided
    stalled: int = 0
    overridden: int = 0


@dataclass(frozen=True)
class CompletenessRow:
    plan_id: int
    period: str
    due: date
    agency_id: int
    agency_name: str
    task_id: int
    task_key: str
    task_text: str
    submitted_at: datetime | None
    late: bool
    missing: bool


@dataclass(frozen=True, kw_only=True)
class Reporting:
    """Reporting completeness for a review period (shared by plan and agency summaries)."""

    expected: int = 0
    reported: int = 0
    on_time_reports: int = 0
    late_reports: int = 0
    missing: int = 0


@dataclass(frozen=True)
class PlanSummary(Reporting):
    plan_id: int
    title: str | None
    counts: StatusCounts
    period: Period | None


@dataclass(frozen=True)
class AgencySummary(Reporting):
    agency_id: int
    name: str
    counts: StatusCounts
    completion_rate: float | None = field(default=None, kw_only=True)  # done / lead tasks


def count_statuses(infos: Iterable[StatusInfo]) -> StatusCounts:
    """Counts by status code, on-time rate against the original deadlines, stalled, overridden."""
    counts: dict[str, int] = defaultdict(int)
    total = stalled = overridden = on_time = decided = 0
    for info in infos:
        total += 1
        counts[info.code] += 1
        stalled += info.stalled
        overridden += info.overridden
        if info.on_time_original is not None:
            decided += 1
            on_time += info.on_time_original
    rate = on_time / decided if decided else None
    return StatusCounts(total, dict(counts), rate, stalled, overridden)


REVIEW_AHEAD_DAYS = 30  # from this close to its due date, the coming period is the one chased


def review_period(duties, on: date, tracked_from: date) -> Period:
    """The period completeness is judged for on `on`: the current one once its due date is
    near (officers chase the report due at the end of the month), else the latest one due,
    else the current one."""
    current = current_period(duties, on)
    if on <= current.due and (current.due - on).days <= REVIEW_AHEAD_DAYS:
        return current
    last = last_due_period(duties, on)
    if last is not None and last.due >= tracked_from:
        return last
    return current


def expected_in(kind: str, start: date | None, end: date | None, p: Period) -> bool:
    """Whether a task with this timeframe owes a report for period `p`."""
    if kind == "on_request":
        return False
    if start is not None and start > p.end:
        return False
    return not (kind == "window" and end is not None and end < p.start)


def completeness(
    session: Session,
    on: date,
    plan_id: int | None = None,
    agency_id: int | None = None,
    task_ids: list[int] | None = None,
    period: Period | None = None,
) -> list[CompletenessRow]:
    """One row per (task, lead agency) expected to report for its plan's review period
    (or for `period`, when given: a period report looks at its own period)."""
    duties: dict[int, list] = defaultdict(list)
    for pid, every, due in query(
        session, select(ReportingDuty.plan_id, ReportingDuty.every, ReportingDuty.due)
    ):
        duties[pid].append((every, due))
    stmt = (
        select(
            Task.id,
            Task.plan_id,
            Task.key,
            Task.text,
            Task.tf_kind,
            Task.tf_start,
            Task.tf_end,
            Plan.tracked_from,
            TaskAgency.agency_id,
            Agency.name,
        )
        .join(Plan, Plan.id == Task.plan_id)
        .join(TaskAgency, (TaskAgency.task_id == Task.id) & (TaskAgency.role == "lead"))
        .join(Agency, (Agency.id == TaskAgency.agency_id) & (Agency.kind == "agency"))
        .where(Task.active)
        .order_by(Task.plan_id, Task.position, TaskAgency.position)
    )
    if plan_id is not None:
        stmt = stmt.where(Task.plan_id == plan_id)
    if agency_id is not None:
        stmt = stmt.where(TaskAgency.agency_id == agency_id)
    if task_ids is not None:
        stmt = stmt.where(Task.id.in_(task_ids))
    rows = query(session, stmt).all()
    periods: dict[int, Period] = {}
    for r in rows:
        if r.plan_id not in periods and period is not None:
            periods[r.plan_id] = period
        elif r.plan_id not in periods:
            periods[r.plan_id] = review_period(duties.get(r.plan_id, []), on, r.tracked_from)
    codes = {p.code for p in periods.values()}
    first: dict[tuple[int, int, str], datetime] = {}
    closed: dict[int, datetime] = {}
    if rows:
        rq = select(
            ProgressReport.task_id,
            ProgressReport.agency_id,
            ProgressReport.period,
            func.min(ProgressReport.submitted_at),
        ).where(ProgressReport.period.in_(codes), ProgressReport.role == "lead")
        if plan_id is not None:
            rq = rq.where(
                ProgressReport.task_id.in_(select(Task.id).where(Task.plan_id == plan_id))
            )
        for t, a, p, at in query(
            session,
            rq.group_by(ProgressReport.task_id, ProgressReport.agency_id, ProgressReport.period),
        ):
            first[(t, a, p)] = at
        cq = select(ProgressReport.task_id, func.min(ProgressReport.submitted_at)).where(
            ProgressReport.role == "lead",
            ProgressReport.status.in_(("hoan_thanh", "khong_thuc_hien")),
        )
        for t, at in query(session, cq.group_by(ProgressReport.task_id)):
            closed[t] = at
    out = []
    for r in rows:
        p = periods[r.plan_id]
        if not expected_in(r.tf_kind, r.tf_start, r.tf_end, p):
            continue
        if r.id in closed and local_day(closed[r.id]) < p.start:
            continue
        at = first.get((r.id, r.agency_id, p.code))
        if at is not None and local_day(at) > on:
            at = None
        out.append(
            CompletenessRow(
                r.plan_id,
                p.code,
                p.due,
                r.agency_id,
                r.name,
                r.id,
                r.key,
                r.text,
                at,
                late=at is not None and local_day(at) > p.due,
                missing=at is None,
            )
        )
    return out


def reporting_of(rows: Iterable[CompletenessRow]) -> Reporting:
    """Expected, received (on time, late) and missing reports among completeness rows."""
    rows = list(rows)
    reported = sum(not r.missing for r in rows)
    late = sum(r.late for r in rows)
    return Reporting(
        expected=len(rows),
        reported=reported,
        on_time_reports=reported - late,
        late_reports=late,
        missing=len(rows) - reported,
    )


def plan_summaries(
    session: Session,
    on: date,
    plan_ids: list[int] | None = None,
    settings=None,
    *,
    infos: dict[int, StatusInfo] | None = None,
    rows: list[CompletenessRow] | None = None,
) -> list[PlanSummary]:
    """Per plan: status counts, on-time rate and reporting completeness.

    `infos` / `rows` (statuses and completeness already computed) save recomputing them.
    """
    stmt = select(Plan.id, Document.title).join(Document, Document.id == Plan.document_id)
    if plan_ids is not None:
        stmt = stmt.where(Plan.id.in_(plan_ids))
    plans = query(session, stmt.order_by(Plan.id)).all()
    only = plan_ids[0] if plan_ids and len(plan_ids) == 1 else None
    if infos is None:
        infos = statuses(session, on, plan_id=only, settings=settings)
    plan_of = dict(query(session, select(Task.id, Task.plan_id).where(Task.active)).all())
    by_plan: dict[int, list[StatusInfo]] = defaultdict(list)
    for tid, info in infos.items():
        by_plan[plan_of[tid]].append(info)
    if rows is None:
        rows = completeness(session, on, plan_id=only)
    by_plan_rows: dict[int, list[CompletenessRow]] = defaultdict(list)
    for r in rows:
        by_plan_rows[r.plan_id].append(r)
    duties: dict[int, list] = defaultdict(list)
    tracked = dict(query(session, select(Plan.id, Plan.tracked_from)).all())
    for pid, every, due in query(
        session, select(ReportingDuty.plan_id, ReportingDuty.every, ReportingDuty.due)
    ):
        duties[pid].append((every, due))
    out = []
    for pid, title in plans:
        rep = reporting_of(by_plan_rows[pid])
        period = review_period(duties.get(pid, []), on, tracked[pid])
        out.append(PlanSummary(pid, title, count_statuses(by_plan[pid]), period, **rep.__dict__))
    return out


def agency_summaries(
    session: Session,
    on: date,
    plan_id: int | None = None,
    agency_ids: list[int] | None = None,
    settings=None,
    *,
    infos: dict[int, StatusInfo] | None = None,
    rows: list[CompletenessRow] | None = None,
) -> list[AgencySummary]:
    """Per lead agency: status counts of its tasks, on-time rate, completion, reporting."""
    if infos is None:
        infos = statuses(session, on, plan_id=plan_id, settings=settings)
    stmt = (
        select(TaskAgency.agency_id, Agency.name, TaskAgency.task_id)
        .join(Agency, (Agency.id == TaskAgency.agency_id) & (Agency.kind == "agency"))
        .where(TaskAgency.role == "lead")
    )
    if agency_ids is not None:
        stmt = stmt.where(TaskAgency.agency_id.in_(agency_ids))
    names: dict[int, str] = {}
    by_agency: dict[int, list[StatusInfo]] = defaultdict(list)
    for aid, name, tid in query(session, stmt):
        if tid in infos:
            names[aid] = name
            by_agency[aid].append(infos[tid])
    by_rows: dict[int, list[CompletenessRow]] = defaultdict(list)
    if rows is None:
        rows = completeness(session, on, plan_id=plan_id)
    for r in rows:
        by_rows[r.agency_id].append(r)
    out = []
    for aid, items in by_agency.items():
        counts = count_statuses(items)
        done = sum(counts.counts.get(c, 0) for c in DONE)
        rep = reporting_of(by_rows[aid])
        out.append(
            AgencySummary(
                aid,
                names[aid],
                counts,
                **rep.__dict__,
                completion_rate=done / counts.total if counts.total else None,
            )
        )
    out.sort(key=lambda a: (-(a.completion_rate or 0), a.name))
    return out
