"""Computed figures of indicators: the province's roll-up of its communes (sums of numerators
and denominators in SQL, never an average of percentages), attainment, the trajectory to the
deadline, reporting completeness, the table by commune, and a plan's targets panel.

Only approved, current revisions count in the figures; the table by commune shows every
unit's newest revision whatever its state.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kehoach.errors import NotFound
from kehoach.services.indicator_math import (
    Trajectory,
    attainment,
    current_period,
    period_end,
    periods_between,
    share,
    trajectory,
)
from kehoach.services.indicator_values import ValueView, list_values, units
from kehoach.services.indicators import IndicatorView, get_indicator, list_indicators
from kehoach.services.types import SYSTEM, UserView
from kehoach.services.visibility import plan_condition
from kehoach.store.tables import Indicator, IndicatorValue, Jurisdiction, Metric, Plan, Target

FIRST_REGISTRY_YEAR = 2020  # registry-computed series start here (or at the baseline)


@dataclass(frozen=True)
class Figure:
    period: str
    end: date
    figure: float | None  # the share (ratio) or the rolled-up value
    numerator: float | None
    denominator: float | None
    units: int  # how many units' values make it
    attainment: float | None


@dataclass(frozen=True)
class Completeness:
    period: str
    expected: int
    reported: int  # submitted or approved
    missing: list[str]  # unit names

    @property
    def rate(self) -> float | None:
        """Share of units that reported, 0..100."""
        return 100.0 * self.reported / self.expected if self.expected else None


@dataclass(frozen=True)
class UnitRow:
    unit_id: int
    code: str
    name: str
    value: ValueView | None  # the newest revision for the period, any state
    merged_from: tuple[str, ...] = ()  # communes merged into this one whose figures count


@dataclass(frozen=True)
class IndicatorFigures:
    indicator: IndicatorView
    series: list[Figure]  # oldest first
    latest: Figure | None
    trajectory: Trajectory
    period: str  # the period the completeness and the table are about
    completeness: Completeness | None  # None for registry-computed indicators
    by_unit: list[UnitRow]


def _figure(indicator: IndicatorView, period: str, num, den, value, count) -> Figure:
    figure = share(num, den) if indicator.kind == "ratio" else value
    return Figure(
        period,
        period_end(period),
        figure,
        num,
        den,
        count,
        attainment(figure, indicator.target_value, indicator.direction),
    )


def rollups(
    session: Session,
    indicators: list[IndicatorView],
    on: date | None = None,
    since: str | None = None,
) -> dict[int, list[Figure]]:
    """indicator id -> its figures per period, oldest first: one GROUP BY query for every
    entered indicator (periods from `since` on, when given), the registry for computed ones."""
    out: dict[int, list[Figure]] = {i.id: [] for i in indicators}
    entered = {i.id: i for i in indicators if not i.computed}
    if entered:
        rows = session.execute(
            select(
                IndicatorValue.indicator_id,
                IndicatorValue.period,
                func.sum(IndicatorValue.numerator),
                func.sum(IndicatorValue.denominator),
                func.sum(IndicatorValue.value),
                func.avg(IndicatorValue.value),
                func.count(),
            )
            .where(
                IndicatorValue.indicator_id.in_(list(entered)),
                IndicatorValue.state == "approved",
                IndicatorValue.superseded.is_(False),
                IndicatorValue.period >= (since or ""),
            )
            .group_by(IndicatorValue.indicator_id, IndicatorValue.period)
        ).all()
        for ind_id, period, num, den, total, mean, count in rows:
            ind = entered[ind_id]
            value = mean if ind.aggregate == "mean" else total
            out[ind_id].append(_figure(ind, period, num, den, value, count))
    for ind in indicators:
        if ind.computed:
            out[ind.id] = [
                _figure(ind, p, *_sum_cells(cells, ind), len(cells))
                for p, cells in _registry(session, ind, on, since).items()
            ]
        out[ind.id].sort(key=lambda f: f.end)
    return out


def _sum_cells(cells: dict, ind: IndicatorView) -> tuple[float, float, float | None]:
    num = sum(n for n, _ in cells.values())
    den = sum(d for _, d in cells.values())
    return num, den, num if ind.kind == "value" else None


def _registry(
    session: Session, ind: IndicatorView, on: date | None, since: str | None = None
) -> dict:
    from kehoach.services.registries import series

    on = on or date.today()
    first = FIRST_REGISTRY_YEAR
    if ind.baseline_period:
        first = min(first, period_end(ind.baseline_period).year)
    if since:  # the targets panel needs the last few years only
        first = max(first, int(since[:4]))
    last = min(on, ind.deadline) if ind.deadline else on
    periods = periods_between(
        date(first, 1, 1), period_end(current_period(last, ind.frequency)), ind.frequency
    )
    return series(session, ind.source, ind.jurisdiction_id, periods)


def trajectory_of(ind: IndicatorView, series: list[Figure], on: date) -> Trajectory:
    """The trajectory of an indicator's figures (the current period's counts too)."""
    points = [(f.end, f.figure) for f in series if f.figure is not None]
    baseline = (
        (period_end(ind.baseline_period), ind.baseline_value)
        if ind.baseline_period and ind.baseline_value is not None
        else None
    )
    return trajectory(
        points, ind.target_value, ind.deadline, on, direction=ind.direction, baseline=baseline
    )


def completeness(
    session: Session,
    ind: IndicatorView,
    period: str,
    values: list[ValueView] | None = None,
    every: list | None = None,
) -> Completeness:
    """Which units have not submitted (or had approved) a value for the period."""
    every = units(session, ind) if every is None else every
    if values is None:
        values = list_values(session, ind.id, SYSTEM, period=period)
    done = {v.unit_id for v in values if v.state in ("submitted", "approved") or v.revision > 1}
    missing = [u.name for u in every if u.id not in done]
    return Completeness(period, len(every), len(every) - len(missing), missing)


def indicator_figures(
    session: Session,
    indicator_id: int,
    user: UserView | None,
    *,
    on: date | None = None,
    period: str | None = None,
) -> IndicatorFigures:
    """Everything the indicator page shows: series, trajectory, completeness, table by unit."""
    on = on or date.today()
    ind = get_indicator(session, indicator_id, user)
    series = rollups(session, [ind], on)[ind.id]
    latest = next((f for f in reversed(series) if f.figure is not None), None)
    if period is None:
        period = latest.period if latest else current_period(on, ind.frequency)
    if ind.computed:
        cells = _registry(session, ind, on).get(period, {})
        names = {
            j.id: (j.code, j.name)
            for j in session.scalars(
                select(Jurisdiction).where(Jurisdiction.id.in_([k for k in cells if k]))
            )
        }
        rows = [
            UnitRow(k, names[k][0], names[k][1], _computed_value(ind, k, period, n, d))
            for k, (n, d) in cells.items()
            if k in names
        ]
        rows.sort(key=lambda r: r.code)
        return IndicatorFigures(
            ind, series, latest, trajectory_of(ind, series, on), period, None, rows
        )
    values = list_values(session, ind.id, user, period=period)
    every = units(session, ind)
    table = _with_merged(session, ind, every, values)
    return IndicatorFigures(
        ind,
        series,
        latest,
        trajectory_of(ind, series, on),
        period,
        completeness(session, ind, period, values, every),
        table,
    )


def _with_merged(
    session: Session, ind: IndicatorView, every: list, values: list[ValueView]
) -> list[UnitRow]:
    """The table by unit: a merged commune's figures of the period counted in the row of
    the commune it was merged into (summed with that commune's own)."""
    from kehoach.services.unit_changes import successors

    by_id = {v.unit_id: v for v in values}
    later = successors(session, ind.jurisdiction_id) if ind.level == "commune" else {}
    folded: dict[int, list[ValueView]] = {}
    for v in values:
        if v.unit_id in later:
            folded.setdefault(later[v.unit_id][0], []).append(v)
    rows = []
    for u in every:
        own, gone = by_id.get(u.id), folded.get(u.id, [])
        if not gone:
            rows.append(UnitRow(u.id, u.code, u.name, own))
            continue
        parts = [*gone, *([own] if own else [])]
        rows.append(
            UnitRow(u.id, u.code, u.name, _sum_values(ind, u, parts),
                    tuple(v.unit_name for v in gone))
        )  # fmt: skip
    return rows


def _sum_values(ind: IndicatorView, unit, parts: list[ValueView]) -> ValueView:
    """One figure of several units' values (sums of numerators and denominators)."""
    from dataclasses import replace

    def total(attr: str) -> float | None:
        got = [getattr(v, attr) for v in parts if getattr(v, attr) is not None]
        return sum(got) if got else None

    order = ("entered", "submitted", "approved")
    state = min((v.state for v in parts), key=order.index)
    first = parts[-1]
    return replace(
        first, id=first.id if len(parts) == 1 else 0, unit_id=unit.id, unit_code=unit.code,
        unit_name=unit.name, value=total("value"), numerator=total("numerator"),
        denominator=total("denominator"), state=state,
    )  # fmt: skip


def unit_series(
    session: Session, indicator_id: int, unit_id: int, user: UserView | None
) -> list[Figure]:
    """One commune's figures per period (approved values), with those of the communes merged
    into it: a commune's history includes its predecessors'."""
    from kehoach.services.unit_changes import predecessors

    ind = get_indicator(session, indicator_id, user)
    ids = [unit_id, *predecessors(session, ind.jurisdiction_id).get(unit_id, [])]
    rows = session.execute(
        select(
            IndicatorValue.period,
            func.sum(IndicatorValue.numerator),
            func.sum(IndicatorValue.denominator),
            func.sum(IndicatorValue.value),
            func.count(),
        )
        .where(
            IndicatorValue.indicator_id == indicator_id,
            IndicatorValue.jurisdiction_id.in_(ids),
            IndicatorValue.state == "approved",
            IndicatorValue.superseded.is_(False),
        )
        .group_by(IndicatorValue.period)
    ).all()
    out = [_figure(ind, p, num, den, value, count) for p, num, den, value, count in rows]
    return sorted(out, key=lambda f: f.end)


def _computed_value(
    ind: IndicatorView, unit: int, period: str, num: float, den: float
) -> ValueView:
    from datetime import UTC, datetime

    return ValueView(
        0, ind.id, unit, "", "", period, 1,
        num if ind.kind == "value" else None,
        num if ind.kind == "ratio" else None,
        den if ind.kind == "ratio" else None,
        "", "approved", False, datetime.now(UTC), None, None,
    )  # fmt: skip


@dataclass(frozen=True)
class PanelRow:
    target_id: int
    target_key: str
    target_text: str
    metric_id: int
    metric_value: float
    metric_unit: str | None
    subject: str | None
    indicator: IndicatorView | None
    latest: Figure | None
    trajectory: Trajectory | None


def targets_panel(
    session: Session, plan_id: int, user: UserView | None, on: date | None = None
) -> list[PanelRow]:
    """Every target metric of a plan with its indicator's latest figure and traffic light
    (three queries whatever the plan's size, plus one per registry-computed indicator)."""
    on = on or date.today()
    rows = session.execute(
        select(Target, Metric, Indicator.id)
        .join(Metric, Metric.target_id == Target.id)
        .join(Plan, Plan.id == Target.plan_id)
        .outerjoin(Indicator, Indicator.metric_id == Metric.id)
        .where(Target.plan_id == plan_id, plan_condition(user))
        .order_by(Target.position, Metric.position)
    ).all()
    # an empty answer: a plan without target figures, or one the user may not see
    if (
        not rows
        and session.scalar(select(Plan.id).where(Plan.id == plan_id, plan_condition(user))) is None
    ):
        raise NotFound("no plan with id {plan_id}", plan_id=plan_id)
    measured = any(ind_id is not None for _, _, ind_id in rows)
    indicators = (
        {i.id: i for i in list_indicators(session, user, plan_id=plan_id)} if measured else {}
    )
    by_metric = {i.metric_id: i for i in indicators.values() if i.metric_id is not None}
    # the latest figure and the trend need the last few periods only: read three years
    # (codes sort as periods do: 2024 < 2024-H1 < 2024-Q3 < 2025), the rest only when empty
    figures = rollups(session, list(indicators.values()), on, since=str(on.year - 3))
    empty = [i for i in indicators.values() if not figures[i.id]]
    if empty:
        figures.update(rollups(session, empty, on))
    out = []
    for target, metric, _ind in rows:
        ind = by_metric.get(metric.id)
        series = figures.get(ind.id, []) if ind else []
        latest = next((f for f in reversed(series) if f.figure is not None), None)
        out.append(
            PanelRow(
                target.id,
                target.key,
                target.text,
                metric.id,
                metric.value,
                metric.unit,
                metric.subject,
                ind,
                latest,
                trajectory_of(ind, series, on) if ind else None,
            )
        )
    return out
