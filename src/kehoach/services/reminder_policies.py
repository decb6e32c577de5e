"""A plan's own reminder settings: days before a due date, escalation delay, plan officer.

Absent or empty values fall back to the settings (`remind_days_before`,
`escalate_after_days`); without an officer, escalations go to whoever imported the
plan, else to every officer (`reminders._Context.plan_officers`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kehoach.errors import NotFound, PermissionDenied, ValidationError
from kehoach.services import audit
from kehoach.services.types import UserView
from kehoach.services.users import get_user, list_users
from kehoach.services.visibility import may_edit_plan
from kehoach.store.tables import Plan, ReminderPolicy, User

OFFICER_ROLES = ("officer", "admin")


@dataclass(frozen=True)
class PolicyView:
    plan_id: int
    days_before: int  # effective values (the plan's own, else the settings')
    escalate_after_days: int
    officer_id: int | None
    officer: str | None
    own: bool  # the plan has its own policy


def _check_editor(session: Session, plan_id: int, user: UserView | None) -> None:
    if not may_edit_plan(session, plan_id, user):
        raise PermissionDenied("only an officer of the plan's own jurisdiction can do this")


def officer_choices(session: Session, plan_id: int) -> list[str]:
    """Usernames of the active officers who may follow up this plan (its jurisdiction's)."""
    return [
        u.username
        for u in list_users(session)
        if u.active and u.role in OFFICER_ROLES and may_edit_plan(session, plan_id, u)
    ]


def get_policy(
    session: Session, plan_id: int, settings=None, user: UserView | None = None
) -> PolicyView:
    """A plan's reminder policy with the settings' defaults filled in (one query; with `user`,
    PermissionDenied unless that officer may change the plan)."""
    if user is not None:
        _check_editor(session, plan_id, user)
    if settings is None:
        from kehoach.settings import get_settings

        settings = get_settings()
    row = session.execute(
        select(
            Plan.id,
            ReminderPolicy.id,
            ReminderPolicy.days_before,
            ReminderPolicy.escalate_after_days,
            User.id,
            User.username,
        )
        .outerjoin(ReminderPolicy, ReminderPolicy.plan_id == Plan.id)
        .outerjoin(User, User.id == ReminderPolicy.officer_id)
        .where(Plan.id == plan_id)
    ).first()
    if row is None:
        raise NotFound("no plan with id {plan_id}", plan_id=plan_id)
    _, own, before, after, officer_id, officer = row
    return PolicyView(
        plan_id=plan_id,
        days_before=settings.remind_days_before if before is None else before,
        escalate_after_days=settings.escalate_after_days if after is None else after,
        officer_id=officer_id,
        officer=officer,
        own=own is not None,
    )


def set_policy(
    session: Session,
    plan_id: int,
    user: UserView | None,
    *,
    days_before: int | None = None,
    escalate_after_days: int | None = None,
    officer: str | None = None,
    settings=None,
) -> PolicyView:
    """Give a plan its own reminder days, escalation delay or officer (None keeps the default)."""
    if session.get(Plan, plan_id) is None:
        raise NotFound("no plan with id {plan_id}", plan_id=plan_id)
    _check_editor(session, plan_id, user)
    if days_before is not None and not 0 <= days_before <= 30:
        raise ValidationError("remind between 0 and 30 days before a due date", field="days_before")
    if escalate_after_days is not None and not 1 <= escalate_after_days <= 365:
        raise ValidationError("escalate after 1 to 365 days overdue", field="escalate_after_days")
    officer_id = None
    if officer:
        found = session.scalar(select(User.id).where(User.username == officer.strip()))
        view = get_user(session, found) if found is not None else None
        if view is None or view.role not in OFFICER_ROLES or not view.active:
            raise ValidationError(
                "'{officer}' is not an officer's username", field="officer", officer=officer
            )
        if not may_edit_plan(session, plan_id, view):
            raise ValidationError(
                "'{officer}' is an officer of another jurisdiction than this plan's",
                field="officer",
                officer=officer,
            )
        officer_id = view.id
    own = session.scalar(select(ReminderPolicy).where(ReminderPolicy.plan_id == plan_id))
    if own is None:
        own = ReminderPolicy(plan_id=plan_id)
        session.add(own)
    own.days_before = days_before
    own.escalate_after_days = escalate_after_days
    own.officer_id = officer_id
    session.flush()
    audit.record(
        session,
        user,
        "set_policy",
        "plan",
        plan_id,
        f"days_before={days_before} escalate_after_days={escalate_after_days} officer={officer}",
    )
    return get_policy(session, plan_id, settings)
