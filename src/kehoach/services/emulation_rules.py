"""Emulation scoring rules (versioned, per plan and period) and officers' bonus/penalty points.

A rule is a set of weights over the criteria below, summing to 100. Changing a rule adds a
new version; a stored result names the version it was scored under, so it never changes when
the rule does. Until an officer saves one, a plan's period is scored under `DEFAULT_WEIGHTS`
(stored as version 1 the first time the period is scored).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kehoach.errors import NotFound, PermissionDenied, ValidationError
from kehoach.services import audit
from kehoach.services.indicator_math import period_end, period_frequency
from kehoach.services.periods import Period
from kehoach.services.types import UserView
from kehoach.services.visibility import may_edit_plan, scope_condition
from kehoach.store.tables import (
    Agency,
    EmulationAdjustment,
    EmulationRule,
    Plan,
    Task,
    TaskAgency,
    User,
)

# what an agency is scored on, in the order the ranking shows them
CRITERIA = ("tasks_on_time", "reports_on_time", "targets_attained", "evidence_attached")
# a council's usual emphasis: doing the tasks on time first, then reporting, then figures
DEFAULT_WEIGHTS = {
    "tasks_on_time": 40.0,
    "reports_on_time": 30.0,
    "targets_attained": 20.0,
    "evidence_attached": 10.0,
}
MAX_ADJUSTMENT = 20.0  # points one decision may add or take away


@dataclass(frozen=True)
class RuleView:
    """One version of a rule; `id` None and `version` 0: the default, not yet stored."""

    id: int | None
    plan_id: int
    period: str
    version: int
    weights: dict[str, float]
    note: str
    created_at: datetime | None
    created_by: str | None


@dataclass(frozen=True)
class AdjustmentView:
    """Points an officer added to (or took from) an agency, and why."""

    id: int
    agency_id: int
    agency_name: str
    points: float
    reason: str
    created_at: datetime
    created_by: str | None


def scoring_window(code: str) -> Period:
    """The days a scoring period covers: `2026` the year, `2026-H1` the half, `2026-Q3`."""
    code = (code or "").strip().upper()
    end = period_end(code)
    every = period_frequency(code)
    if every == "year":
        start = date(end.year, 1, 1)
    elif every == "half":
        start = date(end.year, 1 if end.month == 6 else 7, 1)
    else:
        start = date(end.year, end.month - 2, 1)
    return Period(code, every, start, end, end, end)


def plan_in_scope(session: Session, plan_id: int, user: UserView | None) -> Plan:
    """The plan when `user` (staff) may see its emulation: its own jurisdiction's plans."""
    plan = session.scalar(select(Plan).where(Plan.id == plan_id, scope_condition(user)))
    if plan is None:
        raise NotFound("no plan with id {plan_id}", plan_id=plan_id)
    return plan


def check_editor(session: Session, plan_id: int, user: UserView | None) -> None:
    plan_in_scope(session, plan_id, user)
    if (
        user is None
        or user.role not in ("admin", "officer")
        or not may_edit_plan(session, plan_id, user)
    ):
        raise PermissionDenied("Only a plan officer or an administrator can do this.")


def check_weights(raw: Mapping[str, object]) -> dict[str, float]:
    """Weights as numbers: each given, not negative, together 100 (ValidationError naming the
    field `weight_<criterion>` otherwise)."""
    out: dict[str, float] = {}
    for code in CRITERIA:
        value = raw.get(code)
        name = f"weight_{code}"
        if value is None or (isinstance(value, str) and not value.strip()):
            raise ValidationError("enter a weight for every criterion", field=name)
        try:
            number = float(str(value).strip().replace(",", "."))
        except ValueError:
            raise ValidationError(
                "'{value}' is not a number", field=name, value=str(value)
            ) from None
        if not math.isfinite(number):
            raise ValidationError("'{value}' is not a number", field=name, value=str(value))
        if number < 0:
            raise ValidationError("a weight cannot be negative", field=name)
        out[code] = number
    total = sum(out.values())
    if abs(total - 100) > 0.001:
        raise ValidationError(
            "the weights must add up to 100; now they add up to {total}",
            field="weights",
            total=f"{total:g}".replace(".", ","),
        )
    return out


def _view(row: EmulationRule, username: str | None) -> RuleView:
    raw = json.loads(row.weights_json)
    weights = {k: float(raw[k]) for k in CRITERIA if k in raw}  # in the ranking's order
    return RuleView(
        row.id,
        row.plan_id,
        row.period,
        row.version,
        weights,
        row.note,
        row.created_at,
        username,
    )


def default_rule(plan_id: int, period: str) -> RuleView:
    """The rule used until an officer saves one (not stored)."""
    return RuleView(None, plan_id, period, 0, dict(DEFAULT_WEIGHTS), "", None, None)


def rule_versions(session: Session, plan_id: int, period: str) -> list[RuleView]:
    """Every stored version of the plan's rule for the period, newest first."""
    rows = session.execute(
        select(EmulationRule, User.username)
        .outerjoin(User, User.id == EmulationRule.created_by)
        .where(EmulationRule.plan_id == plan_id, EmulationRule.period == period)
        .order_by(EmulationRule.version.desc())
    ).all()
    return [_view(r, name) for r, name in rows]


def current_rule(session: Session, plan_id: int, period: str) -> RuleView:
    """The newest stored version, else the default (not stored)."""
    versions = rule_versions(session, plan_id, period)
    return versions[0] if versions else default_rule(plan_id, period)


def rule_by_id(session: Session, rule_id: int) -> RuleView:
    row = session.execute(
        select(EmulationRule, User.username)
        .outerjoin(User, User.id == EmulationRule.created_by)
        .where(EmulationRule.id == rule_id)
    ).one()
    return _view(*row)


def _store(
    session: Session,
    plan_id: int,
    period: str,
    weights: dict[str, float],
    user: UserView | None,
    note: str,
) -> RuleView:
    last = session.scalar(
        select(func.max(EmulationRule.version)).where(
            EmulationRule.plan_id == plan_id, EmulationRule.period == period
        )
    )
    row = EmulationRule(
        plan_id=plan_id,
        period=period,
        version=(last or 0) + 1,
        weights_json=json.dumps(weights, sort_keys=True),
        note=note,
        created_by=user.id if user and user.id else None,
    )
    session.add(row)
    session.flush()
    detail = f"{period} v{row.version}: " + ", ".join(f"{k}={weights[k]:g}" for k in CRITERIA)
    audit.record(session, user, "emulation_rule.save", "emulation_rule", row.id, detail)
    return rule_by_id(session, row.id)


def stored_rule(session: Session, plan_id: int, period: str, user: UserView | None) -> RuleView:
    """The current version, storing the default as version 1 when none is stored yet."""
    rule = current_rule(session, plan_id, period)
    if rule.id is not None:
        return rule
    return _store(session, plan_id, period, dict(DEFAULT_WEIGHTS), user, "")


def save_rule(
    session: Session,
    plan_id: int,
    period: str,
    weights: Mapping[str, object],
    user: UserView | None,
    note: str = "",
) -> RuleView:
    """A new version of the rule (an officer of the plan's jurisdiction); results already
    stored keep the version they were scored under."""
    window = scoring_window(period)
    check_editor(session, plan_id, user)
    checked = check_weights(weights)
    return _store(session, plan_id, window.code, checked, user, (note or "").strip()[:1000])


def list_adjustments(session: Session, plan_id: int, period: str) -> list[AdjustmentView]:
    """The active bonus/penalty points of a plan's period, oldest first."""
    rows = session.execute(
        select(EmulationAdjustment, Agency.name, User.username)
        .join(Agency, Agency.id == EmulationAdjustment.agency_id)
        .outerjoin(User, User.id == EmulationAdjustment.created_by)
        .where(
            EmulationAdjustment.plan_id == plan_id,
            EmulationAdjustment.period == period,
            EmulationAdjustment.active,
        )
        .order_by(EmulationAdjustment.id)
    ).all()
    return [
        AdjustmentView(a.id, a.agency_id, name, a.points, a.reason, a.created_at, username)
        for a, name, username in rows
    ]


def lead_agencies(session: Session, plan_id: int) -> dict[int, str]:
    """The agencies that lead at least one active task of the plan: id -> name."""
    rows = session.execute(
        select(Agency.id, Agency.name)
        .join(TaskAgency, TaskAgency.agency_id == Agency.id)
        .join(Task, Task.id == TaskAgency.task_id)
        .where(
            Task.plan_id == plan_id,
            Task.active,
            TaskAgency.role == "lead",
            Agency.kind == "agency",
        )
        .distinct()
    ).all()
    return dict(sorted(((i, n) for i, n in rows), key=lambda r: r[1]))


def add_adjustment(
    session: Session,
    plan_id: int,
    period: str,
    agency_id: int,
    points: object,
    reason: str,
    user: UserView | None,
) -> AdjustmentView:
    """Bonus (positive) or penalty (negative) points for a lead agency, with a reason (audited).
    They count in the next scoring; a stored result is not changed."""
    window = scoring_window(period)
    check_editor(session, plan_id, user)
    try:
        value = float(str(points).strip().replace(",", "."))
    except ValueError:
        raise ValidationError(
            "'{value}' is not a number", field="points", value=str(points)
        ) from None
    if not math.isfinite(value) or value == 0 or abs(value) > MAX_ADJUSTMENT:
        raise ValidationError(
            "the points must be between -{limit} and {limit}, not 0",
            field="points",
            limit=f"{MAX_ADJUSTMENT:g}",
        )
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("give the reason for these points", field="reason")
    if agency_id not in lead_agencies(session, plan_id):
        raise ValidationError("choose an agency that leads a task of this plan", field="agency_id")
    row = EmulationAdjustment(
        plan_id=plan_id,
        period=window.code,
        agency_id=agency_id,
        points=value,
        reason=reason[:2000],
        created_by=user.id if user and user.id else None,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        user,
        "emulation_adjustment.add",
        "emulation_adjustment",
        row.id,
        f"{window.code} agency {agency_id}: {value:+g} — {reason[:200]}",
    )
    return next(a for a in list_adjustments(session, plan_id, window.code) if a.id == row.id)


def remove_adjustment(
    session: Session, plan_id: int, adjustment_id: int, user: UserView | None
) -> None:
    """Withdraw points given earlier (kept, marked inactive; audited)."""
    check_editor(session, plan_id, user)
    row = session.get(EmulationAdjustment, adjustment_id)
    if row is None or row.plan_id != plan_id or not row.active:
        raise NotFound("no adjustment with id {adjustment_id}", adjustment_id=adjustment_id)
    row.active = False
    audit.record(
        session, user, "emulation_adjustment.remove", "emulation_adjustment", row.id, row.period
    )
