"""Indicator values: entered by the responsible reporter (form or spreadsheet), submitted,
approved by the plan officer. An approved value is never changed: a correction is a new
revision that supersedes it once approved (the history keeps every revision)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kehoach.errors import NotFound, PermissionDenied, ValidationError
from kehoach.services import audit
from kehoach.services.indicator_math import check_figures, check_period, share
from kehoach.services.indicators import IndicatorView, get_indicator, may_define
from kehoach.services.jurisdictions import in_scope
from kehoach.services.types import UserView
from kehoach.store.tables import IndicatorValue, Jurisdiction, User

STATES = ("entered", "submitted", "approved")


@dataclass(frozen=True)
class ValueView:
    id: int
    indicator_id: int
    unit_id: int
    unit_code: str
    unit_name: str
    period: str
    revision: int
    value: float | None
    numerator: float | None
    denominator: float | None
    note: str
    state: str
    superseded: bool
    entered_at: datetime
    entered_by: str | None
    approved_at: datetime | None

    @property
    def figure(self) -> float | None:
        """The value, or the share for a ratio."""
        return self.value if self.value is not None else share(self.numerator, self.denominator)


def may_enter(session: Session, indicator: IndicatorView, user: UserView | None) -> bool:
    """The plan officer, or a reporter of the responsible agency (any when none is named)
    whose jurisdiction holds the indicator's."""
    if indicator.computed:
        return False
    if may_define(session, indicator, user):
        return True
    if user is None or user.role != "reporter" or not user.agency_id:
        return False
    if indicator.agency_id is not None:
        return indicator.agency_id == user.agency_id
    return user.jurisdiction_id is not None and in_scope(
        session, user.jurisdiction_id, indicator.jurisdiction_id
    )


def units(session: Session, indicator: IndicatorView) -> list[Jurisdiction]:
    """The units values are collected for: the province, or its communes (active ones)."""
    if indicator.level == "province":
        one = session.get(Jurisdiction, indicator.jurisdiction_id)
        return [one] if one is not None else []
    return list(
        session.scalars(
            select(Jurisdiction)
            .where(Jurisdiction.parent_id == indicator.jurisdiction_id, Jurisdiction.active)
            .order_by(Jurisdiction.code)
        )
    )


def _unit(session: Session, indicator: IndicatorView, unit_id: int) -> Jurisdiction:
    unit = session.get(Jurisdiction, unit_id)
    ok = unit is not None and (
        unit.id == indicator.jurisdiction_id
        if indicator.level == "province"
        else unit.parent_id == indicator.jurisdiction_id
    )
    if not ok or unit is None:
        raise ValidationError(
            "unit {unit_id} is not a {level} of {place}",
            unit_id=unit_id,
            level=indicator.level,
            place=indicator.jurisdiction_name,
            field="unit",
        )
    return unit


def _not_merged(session: Session, unit: Jurisdiction, period: str) -> None:
    """A unit merged into another takes no figures for periods after the merge."""
    from kehoach.services.indicator_math import period_start
    from kehoach.services.unit_changes import successors

    gone = successors(session, unit.parent_id).get(unit.id) if unit.parent_id else None
    if gone is not None and period_start(period) >= gone[1]:
        into = session.get(Jurisdiction, gone[0])
        raise ValidationError(
            "{name} was merged into {successor} on {day}; enter the figure for {successor}",
            field="unit",
            name=unit.name,
            successor=into.name if into else "",
            day=gone[1],
        )


def _latest(session: Session, indicator_id: int, unit_id: int, period: str):
    return session.scalars(
        select(IndicatorValue)
        .where(
            IndicatorValue.indicator_id == indicator_id,
            IndicatorValue.jurisdiction_id == unit_id,
            IndicatorValue.period == period,
        )
        .order_by(IndicatorValue.revision.desc())
        .limit(1)
    ).first()


def enter_value(
    session: Session,
    indicator_id: int,
    user: UserView | None,
    *,
    unit_id: int,
    period: str,
    value: float | None = None,
    numerator: float | None = None,
    denominator: float | None = None,
    note: str = "",
    submit: bool = False,
    now: datetime | None = None,
) -> ValueView:
    """Enter (or correct) one unit's figure for a period. A draft or submitted figure is
    replaced; an approved one gets a new revision. `submit` sends it for approval."""
    indicator = get_indicator(session, indicator_id, user)
    if not may_enter(session, indicator, user):
        raise PermissionDenied("only the responsible reporter or the plan officer can enter values")
    unit = _unit(session, indicator, unit_id)
    period = check_period(period, indicator.frequency)
    if not unit.active:
        _not_merged(session, unit, period)
    if indicator.kind == "ratio":
        value = None
    else:
        numerator = denominator = None
    check_figures(indicator.kind, value, numerator, denominator, indicator.unit)
    now = now or datetime.now(UTC)
    row = _latest(session, indicator_id, unit_id, period)
    if row is None or row.state == "approved":
        row = IndicatorValue(
            indicator_id=indicator_id,
            jurisdiction_id=unit_id,
            period=period,
            revision=1 if row is None else row.revision + 1,
        )
        session.add(row)
    row.value, row.numerator, row.denominator = value, numerator, denominator
    row.note = note.strip()
    row.state = "submitted" if submit else "entered"
    row.entered_at = now
    row.entered_by = user.id if user and user.id else None
    row.submitted_at = now if submit else None
    session.flush()
    audit.record(session, user, "enter", "indicator_value", row.id, f"{period} r{row.revision}")
    return _views(session, [IndicatorValue.id == row.id])[0]


def _own_rows(session: Session, value_ids: list[int], user, check) -> list[IndicatorValue]:
    rows = list(session.scalars(select(IndicatorValue).where(IndicatorValue.id.in_(value_ids))))
    if len(rows) != len(set(value_ids)):
        raise NotFound("no such value")
    for indicator_id in {r.indicator_id for r in rows}:
        indicator = get_indicator(session, indicator_id, user)
        if not check(session, indicator, user):
            raise PermissionDenied("only the plan officer can do this")
    return rows


def submit_values(
    session: Session, value_ids: list[int], user: UserView | None, now: datetime | None = None
) -> int:
    """Send entered values for approval; how many were sent."""
    rows = _own_rows(session, value_ids, user, may_enter)
    count = 0
    for row in rows:
        if row.state == "entered":
            row.state, row.submitted_at = "submitted", now or datetime.now(UTC)
            audit.record(session, user, "submit", "indicator_value", row.id, row.period)
            count += 1
    session.flush()
    return count


def approve_values(
    session: Session, value_ids: list[int], user: UserView | None, now: datetime | None = None
) -> int:
    """Approve submitted values (the plan officer); an earlier approved revision of the same
    unit and period is superseded. How many were approved."""
    rows = _own_rows(session, value_ids, user, may_define)
    count = 0
    for row in rows:
        if row.state != "submitted":
            raise ValidationError(
                "only a submitted value can be approved ({period}: {state})",
                period=row.period,
                state=row.state,
                field="state",
            )
        previous = session.scalars(
            select(IndicatorValue).where(
                IndicatorValue.indicator_id == row.indicator_id,
                IndicatorValue.jurisdiction_id == row.jurisdiction_id,
                IndicatorValue.period == row.period,
                IndicatorValue.state == "approved",
                IndicatorValue.superseded.is_(False),
            )
        ).all()
        for old in previous:
            old.superseded = True
        row.state, row.approved_at = "approved", now or datetime.now(UTC)
        row.approved_by = user.id if user and user.id else None
        audit.record(session, user, "approve", "indicator_value", row.id, row.period)
        count += 1
    session.flush()
    return count


def return_value(session: Session, value_id: int, user: UserView | None, note: str = "") -> None:
    """Send a submitted value back to its reporter (entered again, with the officer's note)."""
    (row,) = _own_rows(session, [value_id], user, may_define)
    if row.state != "submitted":
        raise ValidationError("only a submitted value can be returned", field="state")
    row.state = "entered"
    if note.strip():
        row.note = f"{row.note}\n{note.strip()}".strip()
    audit.record(session, user, "return", "indicator_value", row.id, note.strip())
    session.flush()


def _views(session: Session, where: list) -> list[ValueView]:
    v = IndicatorValue
    rows = session.execute(
        select(
            v.id,
            v.indicator_id,
            v.jurisdiction_id,
            Jurisdiction.code,
            Jurisdiction.name,
            v.period,
            v.revision,
            v.value,
            v.numerator,
            v.denominator,
            v.note,
            v.state,
            v.superseded,
            v.entered_at,
            User.username,
            v.approved_at,
        )
        .join(Jurisdiction, Jurisdiction.id == IndicatorValue.jurisdiction_id)
        .outerjoin(User, User.id == IndicatorValue.entered_by)
        .where(*where)
        .order_by(IndicatorValue.period, Jurisdiction.code, IndicatorValue.revision)
    ).all()
    return [ValueView(*row) for row in rows]


def list_values(
    session: Session,
    indicator_id: int,
    user: UserView | None,
    *,
    period: str | None = None,
    state: str | None = None,
    history: bool = False,
) -> list[ValueView]:
    """The values of an indicator (of a period, in a state); without `history` only each
    unit's newest revision, with it every revision (the audit trail)."""
    get_indicator(session, indicator_id, user)
    where = [IndicatorValue.indicator_id == indicator_id]
    if period:
        where.append(IndicatorValue.period == period)
    if state:
        where.append(IndicatorValue.state == state)
    rows = _views(session, where)
    if history:
        return rows
    newest: dict[tuple[int, str], ValueView] = {}
    for row in rows:  # ordered by revision: the last one wins
        newest[(row.unit_id, row.period)] = row
    return list(newest.values())
