"""The country's figure of one indicator: the provinces' indicators of the same code summed
over all their communes, per period (numerators and denominators, never an average of
percentages), in one GROUP BY over the covering roll-up index."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kehoach.services.indicator_math import share
from kehoach.services.indicators import visible
from kehoach.services.types import UserView
from kehoach.store.tables import Indicator, IndicatorValue, Plan


@dataclass(frozen=True)
class CodeFigure:
    period: str
    figure: float | None  # the share (%) for ratios, the sum for plain values
    numerator: float | None
    denominator: float | None
    units: int  # communes (or provinces) whose approved values make it
    indicators: int  # provinces' indicators of the code that have values this period


def rollup_by_code(session: Session, code: str, user: UserView | None) -> list[CodeFigure]:
    """Per period, oldest first, the approved current values of every indicator of `code`
    that `user` may see (the country's figure for a national account)."""
    ids = (
        select(Indicator.id)
        .outerjoin(Plan, Plan.id == Indicator.plan_id)
        .where(Indicator.code == code, visible(user))
    )
    rows = session.execute(
        select(
            IndicatorValue.period,
            func.sum(IndicatorValue.numerator),
            func.sum(IndicatorValue.denominator),
            func.sum(IndicatorValue.value),
            func.count(),
            func.count(func.distinct(IndicatorValue.indicator_id)),
        )
        .where(
            IndicatorValue.indicator_id.in_(ids),
            IndicatorValue.state == "approved",
            IndicatorValue.superseded.is_(False),
        )
        .group_by(IndicatorValue.period)
        .order_by(IndicatorValue.period)
    ).all()
    out = []
    for period, num, den, total, count, inds in rows:
        ratio = den is not None and num is not None
        figure = share(num, den) if ratio else total
        out.append(CodeFigure(period, figure, num, den, count, inds))
    return out
