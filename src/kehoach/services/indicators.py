"""Indicators: a plan's target metrics made measurable (definition, target, deadline, baseline).

Who sees an indicator: whoever sees its plan (`visibility.plan_condition`), or anyone when it
is public. Who defines one: an officer who may change the plan (`may_edit_plan`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import false, or_, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from kehoach.errors import NotFound, PermissionDenied, ValidationError
from kehoach.services import audit
from kehoach.services.indicator_math import (
    AGGREGATES,
    DIRECTIONS,
    FREQUENCIES,
    KINDS,
    LEVELS,
    check_period,
)
from kehoach.services.jurisdictions import within
from kehoach.services.types import UserView
from kehoach.services.visibility import may_edit_plan, plan_condition
from kehoach.store.tables import Agency, Indicator, Jurisdiction, Metric, Plan, Target
from kehoach.text.normalize import fold

# registry rules an indicator can be computed by instead of entered values
SOURCES = (
    "entered",
    "heritage_digitized",
    "heritage_ranked",
    "intangible_digitized",
    "intangible_listed",
    "village_cultural_houses",
    "institutions_regular",
    "happiness_70",
)
_COMMUNE_WORDS = ("xa", "phuong", "thon", "ban", "xom", "to dan pho", "gia dinh", "thiet che")


@dataclass(frozen=True)
class IndicatorView:
    id: int
    plan_id: int | None
    target_id: int | None
    jurisdiction_id: int
    jurisdiction_name: str
    agency_id: int | None
    agency_name: str | None
    code: str | None
    name: str
    kind: str
    unit: str
    direction: str
    level: str
    frequency: str
    aggregate: str
    target_value: float | None
    deadline: date | None
    baseline_value: float | None
    baseline_period: str | None
    source: str
    public: bool
    metric_id: int | None = None

    @property
    def computed(self) -> bool:
        """Figures come from a registry, not from entered values."""
        return self.source != "entered"


def _select():
    agency = aliased(Agency)
    return (
        select(Indicator, Jurisdiction.name, agency.name)
        .join(Jurisdiction, Jurisdiction.id == Indicator.jurisdiction_id)
        .outerjoin(agency, agency.id == Indicator.agency_id)
        .outerjoin(Plan, Plan.id == Indicator.plan_id)
    )


def _view(row) -> IndicatorView:
    i, place, agency = row
    return IndicatorView(
        i.id,
        i.plan_id,
        i.target_id,
        i.jurisdiction_id,
        place,
        i.agency_id,
        agency,
        i.code,
        i.name,
        i.kind,
        i.unit,
        i.direction,
        i.level,
        i.frequency,
        i.aggregate,
        i.target_value,
        i.deadline,
        i.baseline_value,
        i.baseline_period,
        i.source,
        i.public,
        i.metric_id,
    )


def visible(user: UserView | None):
    """A WHERE condition on `Indicator` (joined with its plan): what `user` may read —
    public ones, those of the plans it sees, and — for a reporter — those its agency reports
    and its jurisdiction's (the figures it may be asked for)."""
    mine: ColumnElement[bool] = false()
    if user is not None and user.active and user.role == "reporter" and user.agency_id:
        mine = or_(Indicator.agency_id == user.agency_id)
        if user.jurisdiction_id is not None:
            mine = or_(mine, Indicator.jurisdiction_id.in_(within(user.jurisdiction_id)))
    return or_(Indicator.public, plan_condition(user), mine)


def list_indicators(
    session: Session, user: UserView | None, *, plan_id: int | None = None
) -> list[IndicatorView]:
    """The indicators `user` may see (of one plan), in the plan's target order."""
    stmt = _select().where(visible(user))
    if plan_id is not None:
        stmt = stmt.where(Indicator.plan_id == plan_id)
    rows = session.execute(stmt.order_by(Indicator.plan_id, Indicator.id)).all()
    return [_view(r) for r in rows]


def get_indicator(session: Session, indicator_id: int, user: UserView | None) -> IndicatorView:
    """One indicator; NotFound when it does not exist or `user` may not see it."""
    row = session.execute(
        _select().where(Indicator.id == indicator_id, visible(user))
    ).one_or_none()
    if row is None:
        raise NotFound("no indicator with id {indicator_id}", indicator_id=indicator_id)
    return _view(row)


def may_define(session: Session, indicator: IndicatorView, user: UserView | None) -> bool:
    """May `user` change the definition or approve values (the plan's officer)?"""
    if user is not None and user.id != 0 and user.role not in ("admin", "officer"):
        return False
    if indicator.plan_id is None:
        return user is None or user.id == 0 or user.national
    return may_edit_plan(session, indicator.plan_id, user)


def _guess(subject: str, unit: str, text: str = "") -> tuple[str, str, str]:
    """(kind, level, source) a metric most likely means (`text`: its target's sentence)."""
    folded = fold(subject)
    kind = "ratio" if unit.strip() == "%" else "value"
    level = "commune" if any(f" {w} " in f" {folded} " for w in _COMMUNE_WORDS) else "province"
    source = "entered"
    if "hanh phuc" in folded and kind == "ratio":
        return kind, "commune", "happiness_70"
    if "phi vat the" in folded and "so hoa" in folded:
        return kind, "commune", "intangible_digitized"
    if "phi vat the" in folded and "danh muc" in folded and kind == "value":
        return kind, "commune", "intangible_listed"
    if "di tich" in folded or "di san" in folded:
        digitized = "so hoa" in folded or "so hoa" in fold(text)
        if digitized and "phi vat the" not in folded and "tu bo" not in folded:
            source, level = "heritage_digitized", "commune"
        elif "xep hang" in folded and kind == "value":
            source, level = "heritage_ranked", "commune"
    return kind, level, source


def from_metric(
    session: Session, metric_id: int, user: UserView | None, *, today: date | None = None
) -> IndicatorView:
    """Make an indicator of a target metric (its subject, unit, value, year); the existing
    one when it was made already. PermissionDenied unless `user` may change the plan."""
    row = session.execute(
        select(Metric, Target, Plan)
        .join(Target, Target.id == Metric.target_id)
        .join(Plan, Plan.id == Target.plan_id)
        .where(Metric.id == metric_id, plan_condition(user))
    ).one_or_none()
    if row is None:
        raise NotFound("no target metric with id {metric_id}", metric_id=metric_id)
    metric, target, plan = row
    if not may_edit_plan(session, plan.id, user):
        raise PermissionDenied("only an officer of the plan's jurisdiction can do this")
    existing = session.scalar(select(Indicator.id).where(Indicator.metric_id == metric_id))
    if existing is not None:
        return get_indicator(session, existing, user)
    subject = (metric.subject or target.text).strip()
    unit = (metric.unit or "").strip() or "%"
    kind, level, source = _guess(subject, unit, target.text)
    year = metric.by_year or target.horizon or (today or date.today()).year
    indicator = Indicator(
        plan_id=plan.id,
        target_id=target.id,
        metric_id=metric.id,
        jurisdiction_id=plan.jurisdiction_id,
        code=f"{target.key}.{metric.position + 1}",
        name=subject[:1].upper() + subject[1:],
        kind=kind,
        unit="%" if kind == "ratio" else unit,
        direction="up",
        level=level,
        frequency="year",
        aggregate="sum",
        target_value=metric.value,
        deadline=date(year, 12, 31),
        source=source,
        public=plan.public,
        created_by=user.id if user and user.id else None,
    )
    session.add(indicator)
    session.flush()
    audit.record(session, user, "create", "indicator", indicator.id, indicator.name)
    return get_indicator(session, indicator.id, user)


EDITABLE = (
    "name",
    "code",
    "kind",
    "unit",
    "direction",
    "level",
    "frequency",
    "aggregate",
    "target_value",
    "deadline",
    "baseline_value",
    "baseline_period",
    "agency_id",
    "public",
    "source",
)
_CHOICES = {
    "source": SOURCES,
    "kind": KINDS,
    "direction": DIRECTIONS,
    "level": LEVELS,
    "frequency": FREQUENCIES,
    "aggregate": AGGREGATES,
}


def update_indicator(
    session: Session, indicator_id: int, user: UserView | None, **changes
) -> IndicatorView:
    """Change the definition (fields of EDITABLE); each change is audited."""
    view = get_indicator(session, indicator_id, user)
    if not may_define(session, view, user):
        raise PermissionDenied("only an officer of the plan's jurisdiction can do this")
    row = session.get(Indicator, indicator_id)
    assert row is not None
    for field, value in changes.items():
        if field not in EDITABLE:
            raise ValidationError("'{name}' cannot be changed", field=field, name=field)
        if field in _CHOICES and value not in _CHOICES[field]:
            raise ValidationError(
                "{name} must be one of {choices}",
                field=field,
                name=field,
                choices=", ".join(_CHOICES[field]),
            )
        if field == "name" and not str(value or "").strip():
            raise ValidationError("the name cannot be empty", field="name")
        if field == "baseline_period" and value:
            value = check_period(value, changes.get("frequency", row.frequency))
        if field == "agency_id" and value is not None:
            agency = session.get(Agency, value)
            if agency is None or agency.jurisdiction_id != row.jurisdiction_id:
                raise ValidationError("choose an agency of the plan's province", field=field)
        old = getattr(row, field)
        if old != value:
            setattr(row, field, value)
            audit.record(session, user, "update", "indicator", row.id, f"{field}: {old} → {value}")
    session.flush()
    return get_indicator(session, indicator_id, user)


def by_metric(session: Session, metric_ids: list[int]) -> dict[int, int]:
    """metric id -> indicator id, for the plan page's buttons."""
    if not metric_ids:
        return {}
    rows = session.execute(
        select(Indicator.metric_id, Indicator.id).where(Indicator.metric_id.in_(metric_ids))
    ).all()
    return {m: i for m, i in rows if m is not None}
