"""`/api/indicators`: indicators, their values (enter, approve), figures and exports;
`/api/heritage`: the registry; `/api/open/…`: published data, read-only, with its licence."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from kehoach.web.api.inputs import MAX_ID, PlanId
from kehoach.web.api.schemas import ERRORS
from kehoach.web.auth import CsrfChecked
from kehoach.web.deps import CurrentUser, Db, On, OptionalUser

router = APIRouter(tags=["indicators"], responses=ERRORS, dependencies=[CsrfChecked])

IndicatorId = Annotated[int, Path(ge=1, le=MAX_ID, description="Indicator id")]
MetricId = Annotated[int, Path(ge=1, le=MAX_ID, description="Target metric id")]
Format = Annotated[str, Query(pattern="^(xlsx|csv|json)$")]
PeriodQ = Annotated[str | None, Query(max_length=10)]
Filter = Annotated[str | None, Query(max_length=40)]


class ValueIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    unit_id: int = Field(ge=1, le=MAX_ID, description="the commune (or province) id")
    period: str = Field(max_length=10, description="2026, 2026-H1 or 2026-Q3")
    value: float | None = Field(default=None, ge=0, le=1e15)
    numerator: float | None = Field(default=None, ge=0, le=1e15)
    denominator: float | None = Field(default=None, ge=0, le=1e15)
    note: str = Field(default="", max_length=2000)
    submit: bool = False


class IdsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ids: list[Annotated[int, Field(ge=1, le=MAX_ID)]] = Field(max_length=5000)


def _plain(value: Any) -> Any:
    """A service value as JSON-ready data (dates as ISO strings)."""
    if hasattr(value, "__dataclass_fields__"):
        data = asdict(value)
        for key in ("computed",):
            if hasattr(value, key):
                data[key] = getattr(value, key)
        if hasattr(value, "light"):
            data["light"] = value.light
        return _plain(data)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


@router.get("/indicators")
def list_indicators(
    db: Db, user: OptionalUser, plan_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None
) -> list[dict]:
    """The indicators the caller sees (of one plan)."""
    from kehoach.services import indicators

    return _plain(indicators.list_indicators(db, user, plan_id=plan_id))


@router.get("/indicators/{indicator_id}")
def indicator(
    indicator_id: IndicatorId, db: Db, user: OptionalUser, on: On, period: PeriodQ = None
) -> dict:
    """Definition, figures per period, trajectory, completeness and the table by unit."""
    from kehoach.services import indicator_figures

    return _plain(indicator_figures.indicator_figures(db, indicator_id, user, on=on, period=period))


@router.post("/plans/{plan_id}/metrics/{metric_id}/indicator", status_code=201)
def make_indicator(plan_id: PlanId, metric_id: MetricId, db: Db, user: CurrentUser) -> dict:
    """Turn a target metric into an indicator (the existing one when it was made already)."""
    from kehoach.services import indicators

    return _plain(indicators.from_metric(db, metric_id, user))


@router.get("/plans/{plan_id}/targets-panel")
def targets_panel(
    request: Request, plan_id: PlanId, db: Db, user: OptionalUser, on: On
) -> list[dict]:
    """Every target metric of the plan with its latest figure and traffic light."""
    from kehoach.services import indicator_figures
    from kehoach.web.cache import scope, views

    return views(request).get(
        db,
        ("targets-panel-json", scope(user), on, plan_id),
        lambda: _plain(indicator_figures.targets_panel(db, plan_id, user, on)),
    )


@router.post("/indicators/{indicator_id}/values", status_code=201)
def enter_value(indicator_id: IndicatorId, body: ValueIn, db: Db, user: CurrentUser) -> dict:
    """Enter a unit's figure for a period (a new revision when it was approved)."""
    from kehoach.services import indicator_values

    return _plain(indicator_values.enter_value(db, indicator_id, user, **body.model_dump()))


@router.get("/indicators/{indicator_id}/values")
def values(
    indicator_id: IndicatorId, db: Db, user: CurrentUser, period: PeriodQ = None,
    history: bool = False,
) -> list[dict]:  # fmt: skip
    """Each unit's newest revision (`history`: every revision)."""
    from kehoach.services import indicator_values

    return _plain(
        indicator_values.list_values(db, indicator_id, user, period=period, history=history)
    )


@router.post("/indicator-values/submit")
def submit(body: IdsIn, db: Db, user: CurrentUser) -> dict:
    """Send entered values for approval."""
    from kehoach.services import indicator_values

    return {"submitted": indicator_values.submit_values(db, body.ids, user)}


@router.post("/indicator-values/approve")
def approve(body: IdsIn, db: Db, user: CurrentUser) -> dict:
    """Approve submitted values (the plan officer)."""
    from kehoach.services import indicator_values

    return {"approved": indicator_values.approve_values(db, body.ids, user)}


def _file(table, fmt: str, name: str) -> Response:
    from kehoach.services.exports import export

    out = export(table, fmt, name)
    return Response(
        out.content,
        media_type=out.media_type,
        headers={"Content-Disposition": f'attachment; filename="{out.filename}"'},
    )


@router.get("/indicators/{indicator_id}/export")
def export_indicator(
    indicator_id: IndicatorId, db: Db, user: OptionalUser, format: Format = "xlsx"
) -> Response:
    """The indicator's figures by unit and period, and the province's, as XLSX, CSV or JSON."""
    from kehoach.services import indicator_exports

    table = indicator_exports.indicator_table(db, indicator_id, user)
    if format == "json":
        names = [c.name for c in table.columns]
        return JSONResponse(_plain([dict(zip(names, r, strict=True)) for r in table.rows]))
    return _file(table, format, f"chi-tieu-{indicator_id}")


@router.get("/heritage")
def heritage_sites(
    db: Db, user: OptionalUser, rank: Filter = None, type: Filter = None,
    digitization: Filter = None,
) -> list[dict]:  # fmt: skip
    """Heritage sites the caller may read, filtered."""
    from kehoach.services import heritage

    return _plain(heritage.list_sites(db, user, rank=rank, type_=type, digitization=digitization))


@router.get("/heritage/export")
def export_heritage(db: Db, user: OptionalUser, format: Format = "xlsx") -> Response:
    """The registry as XLSX, CSV or JSON (the columns the import reads)."""
    from kehoach.services import indicator_exports

    table = indicator_exports.heritage_table(db, user)
    if format == "json":
        names = [c.name for c in table.columns]
        return JSONResponse(_plain([dict(zip(names, r, strict=True)) for r in table.rows]))
    return _file(table, format, "di-tich")


@router.get("/open/indicators", tags=["open data"])
def open_indicators(db: Db, on: On) -> list[dict]:
    """Published indicators with the province's figures per period (licence in each)."""
    from kehoach.services import indicator_exports

    return _plain(indicator_exports.open_indicators(db, on))


@router.get("/open/heritage", tags=["open data"])
def open_heritage(db: Db) -> list[dict]:
    """Published heritage sites (licence in each)."""
    from kehoach.services import indicator_exports

    return _plain(indicator_exports.open_heritage(db))
