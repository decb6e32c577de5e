"""Sending reminders once: a row per reminder, inserted before anything is sent.

`run_reminders` is what the scheduler, `kehoach remind` and `kehoach worker` call:

1. plan: `reminders.plan_reminders` lists what is due on the date;
2. record: each reminder is inserted-or-skipped on its unique key (SQLite and
   PostgreSQL `ON CONFLICT DO NOTHING`); only the process whose insert succeeded
   adds the in-app notification — so a reminder is recorded once however many app
   processes and workers compute it, and a restart recomputes nothing new;
3. deliver: rows waiting for e-mail are claimed (an UPDATE that only one process
   wins), grouped into one e-mail per person, sent, and marked `sent` or `failed`
   (retried by later runs up to `remind_max_attempts`). Without an SMTP server or an
   address the row is `in_app`: the bell is its only channel.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session, aliased, sessionmaker

from kehoach.errors import MailError
from kehoach.services.mailer import Mail, Mailer, phrases, render_mail
from kehoach.services.notifications import add_notification
from kehoach.services.reminders import ReminderItem, TaskLine, plan_name, plan_reminders
from kehoach.store.db import session_scope
from kehoach.store.tables import Agency, Document, Plan, Reminder, Task, User, utcnow

CLAIM_LEASE = timedelta(minutes=10)  # a claim older than this was left by a process that died


@dataclass(frozen=True)
class RunSummary:
    """What one run did (or, dry, would do)."""

    on: date
    planned: list[ReminderItem]
    recorded: int = 0
    emailed: int = 0  # reminders delivered by e-mail (several may share one message)
    messages: int = 0
    failed: int = 0
    in_app_only: int = 0
    errors: list[str] = field(default_factory=list)


def _insert(session: Session) -> Any:
    """The dialect's INSERT, which has ON CONFLICT DO NOTHING (SQLite and PostgreSQL)."""
    from sqlalchemy.dialects import postgresql, sqlite

    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert
    return sqlite.insert


def _notification_text(item: ReminderItem, board_line: str = "") -> tuple[str, str]:
    say = phrases()
    return str(say.title(item)).strip(), board_line or str(say.body(item)).strip()


def record_reminders(
    session: Session, items: list[ReminderItem], settings
) -> list[tuple[int, str]]:
    """Insert-or-skip each reminder; add a notification for each one inserted.

    Returns (id, state) of the rows inserted: `pending` (to e-mail) or `in_app`.
    """
    insert = _insert(session)
    email_on = bool(settings.smtp_host)
    new: list[tuple[int, str]] = []
    for item in items:
        state = "pending" if email_on and item.email else "in_app"
        stmt = (
            insert(Reminder)
            .values(
                key=item.key,
                kind=item.kind,
                task_id=item.task_id,
                plan_id=item.plan_id,
                period=item.period,
                agency_id=item.agency_id,
                user_id=item.user_id,
                due=item.due,
                tasks=",".join(str(t.id) for t in item.tasks),
                created_at=utcnow(),
                state=state,
                attempts=0,
                last_error="",
            )
            .on_conflict_do_nothing(index_elements=["key"])
            .returning(Reminder.id)
        )
        rid = session.execute(stmt).scalar()
        if rid is None:
            continue  # another process (or an earlier run) recorded it
        new.append((rid, state))
        line = _digest_line(session, item) if item.kind == "digest" else ""
        title, body = _notification_text(item, line)
        add_notification(session, item.user_id, item.kind, title, body, item.link, rid)
    session.flush()
    return new


def _digest_line(session: Session, item: ReminderItem) -> str:
    from kehoach.services.dashboard import dashboard
    from kehoach.services.users import get_user

    board = dashboard(session, on=item.due, user=get_user(session, item.user_id))
    n = board.counts.counts
    return (
        f"{n.get('overdue', 0)} nhiệm vụ quá hạn, {n.get('due_soon', 0)} sắp đến hạn, "
        f"{len(board.missing_reports)} báo cáo chưa gửi"
    )


def claim(session: Session, settings, now: datetime | None = None) -> list[int]:
    """Take the rows waiting for e-mail that no live process holds; their ids."""
    now = now or utcnow()
    stmt = (
        update(Reminder)
        .where(
            Reminder.state.in_(("pending", "failed")),
            Reminder.attempts < settings.remind_max_attempts,
            Reminder.user_id.in_(select(User.id).where(User.active)),  # not to closed accounts
            or_(Reminder.claimed_at.is_(None), Reminder.claimed_at < now - CLAIM_LEASE),
        )
        .values(claimed_at=now, attempts=Reminder.attempts + 1)
        .returning(Reminder.id)
    )
    return sorted(session.execute(stmt).scalars().all())


def load_items(session: Session, ids: list[int]) -> list[tuple[int, ReminderItem]]:
    """The recorded reminders `ids` with what a message about them shows."""
    lead = aliased(Agency)
    rows = session.execute(
        select(
            Reminder,
            User.username,
            User.email,
            Task.key,
            Task.text,
            Document.number,
            Document.title,
            Plan.source_name,
            lead.name,
        )
        .join(User, User.id == Reminder.user_id)
        .outerjoin(Task, Task.id == Reminder.task_id)
        .outerjoin(Plan, Plan.id == Reminder.plan_id)
        .outerjoin(Document, Document.id == Plan.document_id)
        .outerjoin(lead, lead.id == Reminder.agency_id)
        .where(Reminder.id.in_(ids))
        .order_by(Reminder.user_id, Reminder.id)
    ).all()
    wanted = {int(t) for r, *_ in rows for t in r.tasks.split(",") if t}
    lines = {
        tid: TaskLine(tid, key, text)
        for tid, key, text in session.execute(
            select(Task.id, Task.key, Task.text).where(Task.id.in_(wanted))
        )
    }
    return [
        (
            r.id,
            ReminderItem(
                key=r.key,
                kind=r.kind,
                user_id=r.user_id,
                username=username,
                email=email,
                due=r.due,
                task_id=r.task_id,
                task_key=key,
                task_text=text,
                plan_id=r.plan_id,
                plan_name=plan_name(number, title, source) if r.plan_id else None,
                period=r.period,
                agency_id=r.agency_id,
                agency_name=agency,
                tasks=tuple(lines[int(t)] for t in r.tasks.split(",") if t and int(t) in lines),
            ),
        )
        for r, username, email, key, text, number, title, source, agency in rows
    ]


def _mark(sessions: sessionmaker, ids: list[int], state: str, error: str = "") -> None:
    with session_scope(sessions) as s:
        values: dict = {"state": state, "claimed_at": None, "last_error": error[:1000]}
        if state == "sent":
            values["sent_at"] = utcnow()
        s.execute(update(Reminder).where(Reminder.id.in_(ids)).values(**values))


def _compose(
    session: Session, pairs: list[tuple[int, ReminderItem]], on: date, settings
) -> list[tuple[Mail, list[int]]]:
    """A person's messages with the reminder rows each carries: one for the reminders, one
    for the digest (which tells the escalations of its run)."""
    base = settings.public_base_url.rstrip("/")
    first = pairs[0][1]
    to, name = first.email or "", first.username
    digest = any(i.kind == "digest" for _, i in pairs)
    in_digest = [
        (r, i) for r, i in pairs if i.kind == "digest" or (digest and i.kind == "escalation")
    ]
    plain = [(r, i) for r, i in pairs if (r, i) not in in_digest]
    mails = []
    if plain:
        items = [i for _, i in plain]
        mail = render_mail("reminders.j2", to, name=name, items=items, on=on, base_url=base)
        mails.append((mail, [r for r, _ in plain]))
    if digest:
        from kehoach.services.dashboard import dashboard
        from kehoach.services.users import get_user

        board = dashboard(session, on=on, user=get_user(session, first.user_id))
        escalated = _escalated_recently(session, first.user_id)
        mail = render_mail(
            "digest.j2", to, name=name, board=board, escalations=escalated, on=on, base_url=base
        )
        mails.append((mail, [r for r, _ in in_digest]))
    return mails


def _escalated_recently(session: Session, user_id: int) -> list[ReminderItem]:
    """The escalations the officer was given in the past day."""
    ids = session.scalars(
        select(Reminder.id).where(
            Reminder.kind == "escalation",
            Reminder.user_id == user_id,
            Reminder.created_at >= utcnow() - timedelta(days=1),
        )
    ).all()
    return [item for _, item in load_items(session, list(ids))]


def deliver(sessions: sessionmaker, on: date, settings, summary: dict) -> None:
    """E-mail every claimed reminder, one message per person; record sent / failed."""
    with session_scope(sessions) as s:
        ids = claim(s, settings)
    if not ids:
        return
    with session_scope(sessions) as s:
        loaded = load_items(s, ids)
        by_user: dict[int, list[tuple[int, ReminderItem]]] = defaultdict(list)
        for rid, item in loaded:
            by_user[item.user_id].append((rid, item))
        with Mailer(settings) as mailer:
            for pairs in by_user.values():
                rids = [rid for rid, _ in pairs]
                if not pairs[0][1].email or not mailer.enabled:
                    _mark(sessions, rids, "in_app")
                    summary["in_app_only"] += len(rids)
                    continue
                for mail, told in _compose(s, pairs, on, settings):
                    try:
                        mailer.send(mail)
                    except MailError as exc:
                        _mark(sessions, told, "failed", exc.message)
                        summary["failed"] += len(told)
                        summary["errors"].append(exc.message)
                        continue
                    _mark(sessions, told, "sent")  # each message's rows: none is sent twice
                    summary["messages"] += 1
                    summary["emailed"] += len(told)


def run_reminders(
    sessions: sessionmaker, on: date, settings=None, *, dry_run: bool = False
) -> RunSummary:
    """Plan the reminders of `on`, record the new ones, e-mail what waits (dry: plan only)."""
    if settings is None:
        from kehoach.settings import get_settings

        settings = get_settings()
    with session_scope(sessions) as s:
        planned = plan_reminders(s, on, settings)
    if dry_run:
        return RunSummary(on=on, planned=planned)
    with session_scope(sessions) as s:
        new = record_reminders(s, planned, settings)
    counts: dict = {"emailed": 0, "messages": 0, "failed": 0, "errors": []}
    counts["in_app_only"] = sum(state == "in_app" for _, state in new)
    deliver(sessions, on, settings, counts)
    return RunSummary(on=on, planned=planned, recorded=len(new), **counts)
