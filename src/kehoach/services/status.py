"""Task status for a date, computed from the task, its reports and the date.

`task_status` is a pure function; `statuses` gathers the facts for many tasks
in a constant number of queries and applies it. Status is never stored.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date, datetime
from threading import Lock

from sqlalchemy import select
from sqlalchemy.orm import Session

from kehoach.services.periods import current_period, last_due_period

STATUS_CODES = (
    "not_started",
    "in_progress",
    "due_soon",
    "overdue",
    "done_on_time",
    "done_late",
    "missing_report",
    "not_applicable",
)
DONE = ("done_on_time", "done_late")
PERIODIC_KINDS = ("recurring", "continuous", "unknown", "from")


@dataclass(frozen=True)
class TaskFacts:
    """What status depends on, besides the reports and the date."""

    task_id: int
    kind: str  # timeframe kind
    start: date | None = None
    end: date | None = None  # the original deadline
    extended_end: date | None = None  # the latest extension, if any
    duties: tuple[tuple[str, str | None], ...] = ()
    tracked_from: date = date(2000, 1, 1)  # periods due before this need no report
    last_update: date | None = None  # import, extension, override: activity besides reports
    override: tuple[str, str] | None = None  # (status, reason)


@dataclass(frozen=True)
class ReportFact:
    """One lead-agency report version; `submitted_at.date()` must be its local day
    (`status_facts` passes naive local times, see `periods.local_time`)."""

    period: str
    status: str
    percent: int | None
    submitted_at: datetime


@dataclass(frozen=True)
class StatusInfo:
    code: str
    computed: str
    overridden: bool = False
    override_reason: str | None = None
    deadline: date | None = None
    original_deadline: date | None = None
    extended: bool = False
    stalled: bool = False
    last_activity: date | None = None
    percent: int | None = None
    done_on: date | None = None
    period: str | None = None
    reported_this_period: bool = False
    on_time_original: bool | None = None  # against the original deadline; None: not yet known
    report_status: str | None = field(default=None)  # the latest declared status


def _done_on(reps: list[ReportFact]) -> date | None:
    """First day of the trailing run of `hoan_thanh` reports."""
    first = None
    for r in reversed(reps):
        if r.status != "hoan_thanh":
            break
        first = r.submitted_at.date()
    return first


def _window(facts: TaskFacts, reps: list[ReportFact], on: date, soon: int) -> str:
    latest = reps[-1] if reps else None
    deadline = facts.extended_end or facts.end
    if latest is not None and latest.status == "hoan_thanh":
        done = _done_on(reps)
        late = deadline is not None and done is not None and done > deadline
        return "done_late" if late else "done_on_time"
    if deadline is not None and on > deadline:
        return "overdue"
    if facts.start and on < facts.start and latest is None:
        return "not_started"
    if deadline is not None and (deadline - on).days <= soon:
        return "due_soon"
    if latest is not None and (latest.status == "dang_trien_khai" or (latest.percent or 0) > 0):
        return "in_progress"
    return "not_started"


def _periodic(facts: TaskFacts, reps: list[ReportFact], on: date, soon: int) -> str:
    if facts.kind == "from" and facts.start and on < facts.start:
        return "not_started"
    cur = current_period(facts.duties, on)
    prev = last_due_period(facts.duties, on)
    by_period = {r.period: r for r in reps}  # later versions win
    mine = by_period.get(cur.code)
    if mine is not None:
        if mine.status == "hoan_thanh":
            return "done_on_time" if mine.submitted_at.date() <= cur.due else "done_late"
        return "in_progress" if mine.status == "dang_trien_khai" else "not_started"
    if (
        prev is not None
        and prev.due >= facts.tracked_from
        and (facts.start is None or prev.end >= facts.start)
        and prev.code not in by_period
    ):
        return "missing_report"
    if cur.due >= facts.tracked_from and (cur.due - on).days <= soon:
        return "due_soon"
    latest = reps[-1] if reps else None
    if latest is not None and latest.status in ("dang_trien_khai", "hoan_thanh"):
        return "in_progress"
    return "not_started"


def task_status(
    facts: TaskFacts,
    reports: list[ReportFact],
    on: date,
    due_soon_days: int = 30,
    stalled_days: int = 60,
) -> StatusInfo:
    """The status of one task on `on` from its facts and its lead agency's reports."""
    reps = sorted((r for r in reports if r.submitted_at.date() <= on), key=lambda r: r.submitted_at)
    latest = reps[-1] if reps else None
    declared_na = latest is not None and latest.status == "khong_thuc_hien"
    if declared_na or (facts.kind == "on_request" and latest is None):
        computed = "not_applicable"
    elif facts.kind in ("window", "on_request"):
        computed = _window(facts, reps, on, due_soon_days)
    else:
        computed = _periodic(facts, reps, on, due_soon_days)

    period = None
    reported = False
    if facts.kind not in ("window", "on_request") or facts.duties:
        cur = current_period(facts.duties, on)
        period = cur.code
        reported = any(r.period == cur.code for r in reps)

    done_on = _done_on(reps) if computed in DONE else None
    on_time = None
    if facts.kind == "window" and facts.end is not None:
        if done_on is not None:
            on_time = done_on <= facts.end
        elif on > facts.end and computed != "not_applicable":
            on_time = False
    elif computed in DONE:
        on_time = computed == "done_on_time"

    activity = [d for d in (latest and latest.submitted_at.date(), facts.last_update) if d]
    last_activity = max(activity) if activity else None
    stalled = (
        computed not in (*DONE, "not_applicable")
        and last_activity is not None
        and (on - last_activity).days > stalled_days
    )
    code = computed
    if facts.override is not None:
        code = facts.override[0]
    return StatusInfo(
        code=code,
        computed=computed,
        overridden=facts.override is not None,
        override_reason=facts.override[1] if facts.override else None,
        deadline=facts.extended_end or facts.end,
        original_deadline=facts.end,
        extended=facts.extended_end is not None and facts.extended_end != facts.end,
        stalled=stalled,
        last_activity=last_activity,
        percent=latest.percent if latest else None,
        done_on=done_on,
        period=period,
        reported_this_period=reported,
        on_time_original=on_time,
        report_status=latest.status if latest else None,
    )


# Statuses of recent requests, keyed by the data's version: every change a service makes
# writes an audit row and raises the shared `data_version` row at commit, so it changes
# (in every process) whenever any fact status depends on does. One primary-key read checks
# it; a dashboard hit costs no recomputation.
_CACHE: OrderedDict[tuple, dict[int, StatusInfo]] = OrderedDict()
_CACHE_SIZE = 32
_LOCK = Lock()


def clear_status_cache() -> None:
    """Forget cached statuses (after writing to the database other than through services)."""
    with _LOCK:
        _CACHE.clear()


def _data_version(session: Session) -> int:
    from kehoach.services.audit import data_version

    return data_version(session)


def statuses(
    session: Session,
    on: date,
    plan_id: int | None = None,
    agency_id: int | None = None,
    task_ids: list[int] | None = None,
    settings=None,
    jurisdiction_id: int | None = None,
) -> dict[int, StatusInfo]:
    """Status of every active task matching the filters on `on` (task id -> StatusInfo)."""
    if settings is None:
        from kehoach.settings import get_settings

        settings = get_settings()
    from kehoach.services.status_facts import gather_facts, task_scope

    key = (
        str(session.get_bind().engine.url),
        on,
        plan_id,
        agency_id,
        tuple(task_ids) if task_ids is not None else None,
        jurisdiction_id,
        settings.due_soon_days,
        settings.stalled_days,
        _data_version(session),
    )
    with _LOCK:
        hit = _CACHE.get(key)
        if hit is not None:
            _CACHE.move_to_end(key)
            return dict(hit)
    plan_ids = None
    if jurisdiction_id is not None:  # the plans of one jurisdiction (a province's own)
        from kehoach.store.db import query
        from kehoach.store.tables import Plan

        where = Plan.jurisdiction_id == jurisdiction_id
        plan_ids = list(query(session, select(Plan.id).where(where)).scalars())
    scope = task_scope(plan_id, agency_id, task_ids, plan_ids=plan_ids)
    facts, reports = gather_facts(session, on, scope)
    found = {
        tid: task_status(f, reports.get(tid, []), on, settings.due_soon_days, settings.stalled_days)
        for tid, f in facts.items()
    }
    with _LOCK:
        _CACHE[key] = found
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return dict(found)
