"""Happiness-index surveys (Chỉ số Hạnh phúc): a commune's score (0–100) for a period from a
household sample. The figure "% of communes scoring ≥ 70" is computed from them.

No national standard index exists (../shared/reference/culture-indicators.md §3): the score
is whatever the province's survey reports, on its 0–100 scale; THRESHOLD is the plans' 70.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kehoach.services.indicator_math import period_end
from kehoach.services.registry import Field, Registry
from kehoach.store.tables import HappinessSurvey

THRESHOLD = 70.0

REGISTRY = Registry(
    entity="survey",
    model=HappinessSurvey,
    fields=(
        Field("commune_id", "Xã", "commune", required=True),
        Field("period", "Kỳ", "period", required=True, aliases=("ky khao sat",)),
        Field(
            "score",
            "Điểm chỉ số hạnh phúc",
            "number",
            required=True,
            low=0,
            high=100,
            aliases=("diem", "score"),
        ),
        Field(
            "sample_size",
            "Số hộ khảo sát",
            "int",
            required=True,
            low=1,
            high=1_000_000,
            aliases=("co mau", "sample size"),
        ),
        Field("note", "Ghi chú", listed=False),
    ),
    sheet="Khảo sát chỉ số hạnh phúc",
    slug="chi-so-hanh-phuc",
    unique=("commune_id", "period"),
    title=("commune_id", "period"),
)


def registry_series(
    session: Session, rule: str, jurisdiction_id: int, periods: list[str]
) -> dict[str, dict[int | None, tuple[float, float]]]:
    """period -> commune id -> (1 if the commune's score ≥ THRESHOLD else 0, 1), from each
    commune's latest survey that ended within the period (communes not surveyed then are
    not counted: the denominator is the communes surveyed)."""
    surveys = session.execute(
        select(HappinessSurvey.commune_id, HappinessSurvey.period, HappinessSurvey.score)
        .where(HappinessSurvey.jurisdiction_id == jurisdiction_id)
        .order_by(HappinessSurvey.period)
    ).all()
    ends = [(commune, period_end(code), score) for commune, code, score in surveys]
    out: dict[str, dict[int | None, tuple[float, float]]] = {}
    previous = None
    for period in periods:
        end = period_end(period)
        latest: dict[int | None, float] = {}
        for commune, ended, score in ends:  # in period order: the latest wins
            if ended <= end and (previous is None or ended > previous):
                latest[commune] = score
        out[period] = {k: (1.0 if s >= THRESHOLD else 0.0, 1.0) for k, s in latest.items()}
        previous = end
    return out
