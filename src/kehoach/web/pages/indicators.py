""" "Chỉ tiêu": indicators made from a plan's targets — the page (chart, table by commune,
entry, approval, spreadsheet upload), the list, and the button on the plan page."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, File, Form, Path, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from kehoach.errors import PermissionDenied, RowsRejected, ValidationError
from kehoach.web.api.inputs import MAX_ID, PlanId
from kehoach.web.auth import CsrfChecked
from kehoach.web.deps import CurrentUser, Db, On, OptionalUser
from kehoach.web.i18n import _
from kehoach.web.messages import vi_message
from kehoach.web.render import flash, render

router = APIRouter(include_in_schema=False, dependencies=[CsrfChecked])

IndicatorId = Annotated[int, Path(ge=1, le=MAX_ID)]
PeriodQ = Annotated[str | None, Query(max_length=10)]
Number = Annotated[str, Form(max_length=40)]
Note = Annotated[str, Form(max_length=2000)]


def _float(text: str, field: str) -> float | None:
    from kehoach.services.indicator_math import parse_number

    return parse_number(text, field)


def chart_data(figures) -> str:
    """What `static/indicator-chart.js` draws: periods, figures, target line (JSON)."""
    ind = figures.indicator
    return json.dumps(
        {
            "labels": [f.period for f in figures.series],
            "values": [None if f.figure is None else round(f.figure, 2) for f in figures.series],
            "target": ind.target_value,
            "unit": ind.unit,
            "valueLabel": _("Figure"),
            "targetLabel": _("Target"),
        },
        ensure_ascii=False,
    )


def _page(
    request, db, user, indicator_id, on, period, *, problems=None, errors=None, code=200,
    entry_unit=None,
):  # fmt: skip
    from kehoach.services import indicator_figures, indicator_values, indicators
    from kehoach.web.cache import scope, views

    # computed once per data version (every change writes the audit log), like the dashboard
    figures = views(request).get(
        db,
        ("indicator", indicator_id, scope(user), on, period),
        lambda: indicator_figures.indicator_figures(db, indicator_id, user, on=on, period=period),
    )
    ind = figures.indicator
    return render(
        request,
        "indicator.html",
        {
            "title": ind.name,
            "section": "indicators",
            "f": figures,
            "ind": ind,
            "chart": chart_data(figures),
            "can_enter": user is not None and indicator_values.may_enter(db, ind, user),
            "can_define": user is not None and indicators.may_define(db, ind, user),
            "entry_unit": entry_unit,
            "problems": [(row, vi_message(reason)) for row, reason in problems or []],
            "errors": {k: vi_message(v) for k, v in (errors or {}).items()},
            "history": indicator_values.list_values(
                db, ind.id, user, period=figures.period, history=True
            )
            if user
            else [],
        },
        status_code=code,
    )


@router.get("/indicators")
def indicators_page(request: Request, db: Db, user: OptionalUser, on: On) -> Response:
    """Every indicator the caller sees, with its latest figure and traffic light."""
    from kehoach.services import indicator_figures, indicators

    rows = indicators.list_indicators(db, user)
    figures = indicator_figures.rollups(db, rows, on)
    items = []
    for ind in rows:
        series = figures[ind.id]
        latest = next((f for f in reversed(series) if f.figure is not None), None)
        items.append((ind, latest, indicator_figures.trajectory_of(ind, series, on)))
    return render(
        request,
        "indicators.html",
        {"title": _("Indicators"), "section": "indicators", "items": items},
    )


@router.get("/indicators/{indicator_id}")
def indicator_page(
    request: Request,
    indicator_id: IndicatorId,
    db: Db,
    user: OptionalUser,
    on: On,
    period: PeriodQ = None,
) -> Response:
    """Figure vs target over time, trajectory, completeness, the table by commune."""
    return _page(request, db, user, indicator_id, on, period)


@router.post("/plans/{plan_id}/metrics/{metric_id}/indicator")
def make_indicator(
    request: Request, plan_id: PlanId, metric_id: IndicatorId, db: Db, user: CurrentUser
) -> Response:
    """Turn a target metric into an indicator (the officer's button on the plan page)."""
    from kehoach.services import indicators

    ind = indicators.from_metric(db, metric_id, user)
    flash(request, _("The target is now measured by an indicator."))
    return RedirectResponse(f"/indicators/{ind.id}", status_code=303)


@router.post("/indicators/{indicator_id}/values")
def enter_value(
    request: Request,
    indicator_id: IndicatorId,
    db: Db,
    user: CurrentUser,
    on: On,
    unit: Annotated[int, Form(ge=1, le=MAX_ID)],
    period: Annotated[str, Form(max_length=10)],
    value: Number = "",
    numerator: Number = "",
    denominator: Number = "",
    note: Note = "",
    action: Annotated[str, Form(max_length=10)] = "save",
) -> Response:
    """Enter one unit's figure (save as a draft, or send for approval)."""
    from kehoach.services import indicator_values

    try:
        indicator_values.enter_value(
            db,
            indicator_id,
            user,
            unit_id=unit,
            period=period,
            value=_float(value, "value"),
            numerator=_float(numerator, "numerator"),
            denominator=_float(denominator, "denominator"),
            note=note,
            submit=action == "submit",
        )
    except ValidationError as exc:
        db.rollback()
        return _page(
            request, db, user, indicator_id, on, period,
            errors={"entry": exc.message}, code=422, entry_unit=unit,
        )  # fmt: skip
    flash(request, _("Sent for approval.") if action == "submit" else _("Saved."))
    return RedirectResponse(f"/indicators/{indicator_id}?period={period}#unit-{unit}", 303)


@router.post("/indicators/{indicator_id}/review")
def review_values(
    request: Request,
    indicator_id: IndicatorId,
    db: Db,
    user: CurrentUser,
    period: Annotated[str, Form(max_length=10)],
    action: Annotated[str, Form(max_length=10)],
    ids: Annotated[list[int], Form()],
) -> Response:
    """Submit (reporter), approve or return (officer) the chosen values."""
    from kehoach.services import indicator_values

    if action == "approve":
        count = indicator_values.approve_values(db, ids, user)
        flash(request, _("%(n)s values approved.") % {"n": count})
    elif action == "submit":
        count = indicator_values.submit_values(db, ids, user)
        flash(request, _("%(n)s values sent for approval.") % {"n": count})
    elif action == "return":
        for value_id in ids:
            indicator_values.return_value(db, value_id, user)
        flash(request, _("%(n)s values returned to the reporter.") % {"n": len(ids)})
    else:
        raise ValidationError("unknown action", field="action")
    return RedirectResponse(f"/indicators/{indicator_id}?period={period}", 303)


@router.post("/indicators/{indicator_id}/upload")
async def upload(
    request: Request,
    indicator_id: IndicatorId,
    db: Db,
    user: CurrentUser,
    on: On,
    file: Annotated[UploadFile, File()],
    submit: Annotated[str, Form(max_length=5)] = "",
) -> Response:
    """Values from a filled-in template: every row checked, all saved or none."""
    from kehoach.services import indicator_upload

    data = await file.read()
    try:
        result = indicator_upload.upload_values(
            db, indicator_id, user, data, file.filename or "upload.xlsx", submit=bool(submit)
        )
    except RowsRejected as exc:
        db.rollback()
        return _page(request, db, user, indicator_id, on, None, problems=exc.problems, code=422)
    except ValidationError as exc:
        db.rollback()
        return _page(
            request, db, user, indicator_id, on, None, errors={"file": exc.message}, code=422
        )
    flash(request, _("%(n)s values saved from the file.") % {"n": result.saved})
    return RedirectResponse(f"/indicators/{indicator_id}", 303)


@router.get("/indicators/{indicator_id}/template")
def template(
    indicator_id: IndicatorId, db: Db, user: CurrentUser, on: On, period: PeriodQ = None
) -> Response:
    """The XLSX to fill in: one row per unit of the period."""
    from kehoach.services import indicator_upload, indicators
    from kehoach.services.indicator_math import current_period

    ind = indicators.get_indicator(db, indicator_id, user)
    content, name = indicator_upload.template(
        db, indicator_id, user, period or current_period(on, ind.frequency)
    )
    return Response(
        content,
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.post("/indicators/{indicator_id}/definition")
def define(
    request: Request,
    indicator_id: IndicatorId,
    db: Db,
    user: CurrentUser,
    target_value: Number = "",
    deadline: Annotated[str, Form(max_length=10)] = "",
    baseline_value: Number = "",
    baseline_period: Annotated[str, Form(max_length=10)] = "",
    level: Annotated[str, Form(max_length=10)] = "commune",
    kind: Annotated[str, Form(max_length=10)] = "ratio",
    frequency: Annotated[str, Form(max_length=10)] = "year",
    public: Annotated[str, Form(max_length=5)] = "",
    source: Annotated[str, Form(max_length=30)] = "",
) -> Response:
    """The officer's definition: target, deadline, baseline, level, kind, frequency, and
    where the figures come from (entered, or computed from a registry)."""
    from datetime import date

    from kehoach.services import indicators

    if user.role not in ("admin", "officer"):
        raise PermissionDenied("only an officer of the plan's jurisdiction can do this")
    try:
        day = date.fromisoformat(deadline) if deadline else None
    except ValueError:
        raise ValidationError(
            "deadline '{deadline}' is not a date", field="deadline", deadline=deadline
        ) from None
    indicators.update_indicator(
        db,
        indicator_id,
        user,
        kind=kind,
        level=level,
        frequency=frequency,
        target_value=_float(target_value, "target_value"),
        deadline=day,
        baseline_value=_float(baseline_value, "baseline_value"),
        baseline_period=baseline_period.strip() or None,
        public=bool(public),
        **({"source": source} if source else {}),
    )
    flash(request, _("Saved."))
    return RedirectResponse(f"/indicators/{indicator_id}", 303)
