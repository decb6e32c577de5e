"""The reminder schedule: who must be reminded of what on a date.

Derived from the computed status and reporting completeness (never a second
reckoning of due dates): N days before a task's deadline or a report's due date,
from the day after a miss, when a task has had no update for `stalled_days`; after
M days overdue the directing body and the plan officer are told instead; officers
get a daily digest. Each reminder goes to one person and is named by a key
(kind, task or task+period, user, due date) that `reminder_log` records once.

A reminder about a task goes only to accounts of an agency named on that task
(reporters of its lead or coordinating agencies; leaders of its directing body)
and to officers — never to another agency.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kehoach.services.status import DONE, statuses
from kehoach.services.summaries import completeness
from kehoach.store.db import query
from kehoach.store.tables import (
    Agency,
    Document,
    Jurisdiction,
    Plan,
    Reminder,
    ReminderPolicy,
    Task,
    TaskAgency,
    User,
)

KINDS = ("due_soon", "report_due", "overdue", "report_missed", "stalled", "escalation", "digest")
# Roles of a directing body's accounts that are told of an escalation: those that may see
# every task (a reporter account of the directing body sees only the tasks it leads).
LEADER_ROLES = ("viewer", "officer", "admin")
CLOSED = (*DONE, "not_applicable")


@dataclass(frozen=True)
class TaskLine:
    """A task named in a reporting-duty reminder."""

    id: int
    key: str
    text: str


@dataclass(frozen=True)
class ReminderItem:
    """One reminder to one person, with what a message about it shows."""

    key: str
    kind: str
    user_id: int
    username: str
    email: str | None
    due: date
    task_id: int | None = None
    task_key: str | None = None
    task_text: str | None = None
    plan_id: int | None = None
    plan_name: str | None = None
    period: str | None = None
    agency_id: int | None = None
    agency_name: str | None = None
    tasks: tuple[TaskLine, ...] = ()  # a reporting duty's tasks still to report

    @property
    def link(self) -> str:
        """The page the reminder is about (relative to the app's base URL)."""
        if self.task_id:
            return f"/tasks/{self.task_id}"
        if self.kind == "escalation" and self.plan_id:
            return f"/plans/{self.plan_id}"
        if self.tasks and self.plan_id and self.period:  # the agency's page for the period
            return f"/plans/{self.plan_id}/period-sheet?period={self.period}"
        return "/my-unit" if self.tasks else "/dashboard"


def plan_name(number: str | None, title: str | None, source: str | None = None) -> str:
    """A plan as people name it: its number and title."""
    parts = [p for p in (number, title) if p]
    return " — ".join(parts) if parts else (source or "")


@dataclass(frozen=True)
class _Person:
    id: int
    username: str
    email: str | None
    role: str
    agency_id: int | None
    jurisdiction_id: int | None = None
    national: bool = False


class _Context:
    """Everything the schedule reads besides status: people, tasks, agencies, plans, policies."""

    def __init__(self, session: Session, task_ids: list[int], settings) -> None:
        self.settings = settings
        people = [
            _Person(uid, name, email, role, agency, place, level == "national")
            for uid, name, email, role, agency, place, level in query(
                session,
                select(
                    User.id,
                    User.username,
                    User.email,
                    User.role,
                    User.agency_id,
                    User.jurisdiction_id,
                    Jurisdiction.level,
                )
                .outerjoin(Jurisdiction, Jurisdiction.id == User.jurisdiction_id)
                .where(User.active)
                .order_by(User.id),
            )
        ]
        self.people = {p.id: p for p in people}
        self.reporters: dict[int, list[_Person]] = defaultdict(list)
        self.leaders: dict[int, list[_Person]] = defaultdict(list)
        for p in people:
            if p.agency_id is not None and p.role == "reporter":
                self.reporters[p.agency_id].append(p)
            elif p.agency_id is not None and p.role in LEADER_ROLES:
                self.leaders[p.agency_id].append(p)
        self.officers = [p for p in people if p.role == "officer"]
        self.tasks = {
            r.id: r
            for r in query(
                session,
                select(Task.id, Task.key, Task.text, Task.plan_id, Task.tf_kind).where(
                    Task.id.in_(task_ids)
                ),
            )
        }
        self.agencies: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        self.agency_names: dict[int, str] = {}
        for tid, aid, role, name in query(
            session,
            select(TaskAgency.task_id, TaskAgency.agency_id, TaskAgency.role, Agency.name)
            .join(Agency, Agency.id == TaskAgency.agency_id)
            .where(TaskAgency.task_id.in_(task_ids))
            .order_by(TaskAgency.task_id, TaskAgency.role, TaskAgency.position),
        ):
            self.agencies[tid][role].append(aid)
            self.agency_names[aid] = name
        self.plans: dict[int, tuple[str, int | None]] = {}
        self.places: dict[int, tuple[int | None, int | None]] = {}  # plan: its unit, its parent
        for pid, number, title, source, imported_by, place, parent in query(
            session,
            select(
                Plan.id,
                Document.number,
                Document.title,
                Plan.source_name,
                Plan.imported_by,
                Plan.jurisdiction_id,
                Jurisdiction.parent_id,
            )
            .join(Document, Document.id == Plan.document_id)
            .outerjoin(Jurisdiction, Jurisdiction.id == Plan.jurisdiction_id),
        ):
            self.plans[pid] = (plan_name(number, title, source), imported_by)
            self.places[pid] = (place, parent)
        self.policies = {p.plan_id: p for p in session.scalars(select(ReminderPolicy)).all()}

    def days_before(self, plan_id: int) -> int:
        own = self.policies.get(plan_id)
        if own is not None and own.days_before is not None:
            return own.days_before
        return self.settings.remind_days_before

    def escalate_after(self, plan_id: int) -> int:
        own = self.policies.get(plan_id)
        if own is not None and own.escalate_after_days is not None:
            return own.escalate_after_days
        return self.settings.escalate_after_days

    def covers(self, person: _Person, plan_id: int) -> bool:
        """Does the person's jurisdiction hold the plan (national, its unit, or its province)?"""
        place, parent = self.places.get(plan_id, (None, None))
        return person.national or (
            person.jurisdiction_id is not None and person.jurisdiction_id in (place, parent)
        )

    def plan_officers(self, plan_id: int) -> list[_Person]:
        """The plan's officer: its policy's, else who imported it, else the officers of its
        jurisdiction — never an officer of another province."""
        own = self.policies.get(plan_id)
        for uid in (own.officer_id if own else None, self.plans.get(plan_id, ("", None))[1]):
            person = self.people.get(uid) if uid else None
            if (
                person is not None
                and person.role in ("officer", "admin")
                and self.covers(person, plan_id)
            ):
                return [person]
        return [p for p in self.officers if self.covers(p, plan_id)]

    def item(self, kind: str, person: _Person, due: date, task_id: int, **kw) -> ReminderItem:
        task = self.tasks[task_id]
        period = kw.get("period")
        subject = f"t{task_id}" + (f":{period}" if period else "")
        agency_id = kw.get("agency_id")
        return ReminderItem(
            key=f"{kind}|{subject}|u{person.id}|{due.isoformat()}",
            kind=kind,
            user_id=person.id,
            username=person.username,
            email=person.email,
            due=due,
            task_id=task_id,
            task_key=task.key,
            task_text=task.text,
            plan_id=task.plan_id,
            plan_name=self.plans.get(task.plan_id, ("", None))[0],
            period=period,
            agency_id=agency_id,
            agency_name=self.agency_names.get(agency_id) if agency_id else None,
        )

    def told_of(self, task_id: int) -> list[_Person]:
        """Who hears of a task escalated: its directing body's leaders and the plan officer."""
        people: dict[int, _Person] = {}
        plan_id = self.tasks[task_id].plan_id
        for aid in self.agencies[task_id].get("directing", []):
            for p in self.leaders.get(aid, []):
                if self.covers(p, plan_id):  # a leader is told only of what it may see
                    people.setdefault(p.id, p)
        for p in self.plan_officers(self.tasks[task_id].plan_id):
            people.setdefault(p.id, p)
        return list(people.values())

    def escalations(self, task_id: int, due: date, agency_id: int | None):
        return [
            self.item("escalation", p, due, task_id, agency_id=agency_id)
            for p in self.told_of(task_id)
        ]

    def duty_item(
        self, kind: str, person: _Person, plan_id: int, period: str, due: date, agency_id: int
    ) -> ReminderItem:
        """A reporting-duty reminder: one plan's report for one period, one agency."""
        return ReminderItem(
            key=f"{kind}|p{plan_id}:{period}:a{agency_id}|u{person.id}|{due.isoformat()}",
            kind=kind,
            user_id=person.id,
            username=person.username,
            email=person.email,
            due=due,
            plan_id=plan_id,
            plan_name=self.plans.get(plan_id, ("", None))[0],
            period=period,
            agency_id=agency_id,
            agency_name=self.agency_names.get(agency_id),
        )

    def line(self, task_id: int) -> TaskLine:
        task = self.tasks[task_id]
        return TaskLine(task_id, task.key, task.text)


def _deadline_items(ctx: _Context, on: date, infos) -> list[ReminderItem]:
    """Fixed-deadline tasks: coming due, missed, escalated; and stalled tasks."""
    out: list[ReminderItem] = []
    for tid, info in infos.items():
        task = ctx.tasks.get(tid)
        if task is None or info.code in CLOSED:
            continue
        named = ctx.agencies[tid]
        lead = named.get("lead", [])
        responsible = lead + [a for a in named.get("coordinating", []) if a not in lead]
        if task.tf_kind in ("window", "on_request") and info.deadline is not None:
            days = (info.deadline - on).days
            late = -days
            kind = None
            if 0 <= days <= ctx.days_before(task.plan_id):
                kind = "due_soon"
            elif info.code == "overdue" and late >= ctx.escalate_after(task.plan_id):
                out += ctx.escalations(tid, info.deadline, lead[0] if lead else None)
            elif info.code == "overdue":
                kind = "overdue"
            if kind is not None:
                for aid in responsible:
                    out += [
                        ctx.item(kind, p, info.deadline, tid, agency_id=aid)
                        for p in ctx.reporters.get(aid, [])
                    ]
        if info.stalled and info.last_activity is not None:
            for aid in lead:
                out += [
                    ctx.item("stalled", p, info.last_activity, tid, agency_id=aid)
                    for p in ctx.reporters.get(aid, [])
                ]
    return out


def _report_items(ctx: _Context, on: date, rows) -> list[ReminderItem]:
    """Reports of the review period not yet sent — coming due, missed, escalated — one
    reminder per plan, period, late agency and person, listing the tasks it concerns."""
    found: dict[str, tuple[ReminderItem, list[TaskLine]]] = {}

    def add(item: ReminderItem, task_id: int) -> None:
        found.setdefault(item.key, (item, []))[1].append(ctx.line(task_id))

    for r in rows:
        if not r.missing or r.task_id not in ctx.tasks:
            continue
        days = (r.due - on).days
        if days < 0 and -days >= ctx.escalate_after(r.plan_id):
            # a directing body's leader hears only of the tasks its agency directs
            for p in ctx.told_of(r.task_id):
                add(
                    ctx.duty_item("escalation", p, r.plan_id, r.period, r.due, r.agency_id),
                    r.task_id,
                )
            continue
        if 0 <= days <= ctx.days_before(r.plan_id):
            kind = "report_due"
        elif days < 0:
            kind = "report_missed"
        else:
            continue
        for p in ctx.reporters.get(r.agency_id, []):
            add(ctx.duty_item(kind, p, r.plan_id, r.period, r.due, r.agency_id), r.task_id)
    return [replace(item, tasks=tuple(lines)) for item, lines in found.values()]


def _digest_items(ctx: _Context, on: date) -> list[ReminderItem]:
    return [
        ReminderItem(
            key=f"digest|day|u{p.id}|{on.isoformat()}",
            kind="digest",
            user_id=p.id,
            username=p.username,
            email=p.email,
            due=on,
        )
        for p in ctx.officers
    ]


def plan_reminders(
    session: Session, on: date, settings=None, *, include_recorded: bool = False
) -> list[ReminderItem]:
    """Every reminder due on `on` that has not been recorded yet (by person, kind, due date)."""
    if settings is None:
        from kehoach.settings import get_settings

        settings = get_settings()
    infos = statuses(session, on, settings=settings)
    ctx = _Context(session, list(infos), settings)
    rows = completeness(session, on)
    found: dict[str, ReminderItem] = {}
    for item in (
        *_deadline_items(ctx, on, infos),
        *_report_items(ctx, on, rows),
        *_digest_items(ctx, on),
    ):
        found.setdefault(item.key, item)
    if not include_recorded:
        keys = list(found)
        for i in range(0, len(keys), 500):
            for key in query(
                session, select(Reminder.key).where(Reminder.key.in_(keys[i : i + 500]))
            ).scalars():
                found.pop(key, None)
    order = {k: i for i, k in enumerate(KINDS)}
    return sorted(
        found.values(),
        key=lambda r: (r.username, order[r.kind], r.due, r.task_key or "", r.key),
    )
