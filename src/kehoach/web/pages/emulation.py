"""Thi đua: the emulation ranking of a plan's period (table, bar chart, communes), one
agency's evidence, the rule editor, officers' bonus/penalty points, scoring and exports."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from kehoach.errors import ValidationError
from kehoach.web.auth import CsrfChecked
from kehoach.web.deps import CurrentUser, Db, Officer, On
from kehoach.web.i18n import _, error_text
from kehoach.web.render import flash, render

router = APIRouter(include_in_schema=False, dependencies=[CsrfChecked])

PlanQ = Annotated[int | None, Query(ge=1, le=2**31 - 1)]
PeriodQ = Annotated[str | None, Query(max_length=10)]
PlanF = Annotated[int, Form(ge=1, le=2**31 - 1)]
PeriodF = Annotated[str, Form(max_length=10)]


def _periods(on) -> list[str]:
    years = (on.year, on.year - 1)
    return [code for y in years for code in (f"{y}", f"{y}-H1", f"{y}-H2")]


def _choose(db, user, plan: int | None, period: str | None, on) -> tuple[list, int | None, str]:
    from kehoach.services.emulation import scoring_plans

    plans = scoring_plans(db, user)
    if plan is None and plans:
        plan = plans[0][0]
    return plans, plan, (period or str(on.year)).strip().upper()


def _ranking_page(
    request: Request,
    db,
    user,
    plan: int | None,
    period: str,
    on,
    *,
    result: int | None = None,
    errors: dict[str, str] | None = None,
    form: dict | None = None,
    code: int = 200,
) -> Response:
    from kehoach.services.emulation import ranking
    from kehoach.services.emulation_rules import lead_agencies, rule_versions

    plans, plan, period = _choose(db, user, plan, period, on)
    data = ranking(db, plan, period, user, result_id=result) if plan else None
    chart = None
    if data is not None and data.agencies:
        chart = json.dumps(
            {
                "labels": [u.name for u in data.agencies],
                "values": [u.total for u in data.agencies],
                "label": _("Total points"),
            },
            ensure_ascii=False,
        )
    return render(
        request,
        "emulation.html",
        {
            "title": _("Emulation"),
            "section": "emulation",
            "plans": plans,
            "plan_id": plan,
            "period": period,
            "periods": _periods(on),
            "data": data,
            "chart": chart,
            "versions": rule_versions(db, plan, period) if plan else [],
            "agencies": lead_agencies(db, plan) if plan else {},
            "errors": errors or {},
            "form": form or {},
        },
        status_code=code,
    )


@router.get("/emulation")
def emulation_page(
    request: Request,
    db: Db,
    user: CurrentUser,
    on: On,
    plan: PlanQ = None,
    period: PeriodQ = None,
    result: PlanQ = None,
) -> Response:
    """The ranking; a reporter is taken to its own agency's evidence."""
    if user.role == "reporter":
        from kehoach.services.emulation import reporter_plans

        mine = reporter_plans(db, user)
        chosen = plan if plan in mine else (mine[0] if mine else None)
        if chosen is None or user.agency_id is None:
            return render(
                request,
                "emulation.html",
                {"title": _("Emulation"), "section": "emulation", "data": None, "plans": []},
            )
        when = (period or str(on.year)).strip().upper()
        return RedirectResponse(
            f"/emulation/evidence?plan={chosen}&period={when}&agency={user.agency_id}", 303
        )
    return _ranking_page(request, db, user, plan, period or "", on, result=result)


@router.get("/emulation/evidence")
def evidence_page(
    request: Request,
    db: Db,
    user: CurrentUser,
    on: On,
    plan: Annotated[int, Query(ge=1, le=2**31 - 1)],
    agency: Annotated[int, Query(ge=1, le=2**31 - 1)],
    period: PeriodQ = None,
    result: PlanQ = None,
) -> Response:
    """Everything behind one agency's points, criterion by criterion."""
    from kehoach.services.emulation import agency_evidence

    when = (period or str(on.year)).strip().upper()
    found = agency_evidence(db, plan, when, agency, user, result_id=result)
    return render(
        request,
        "emulation_evidence.html",
        {
            "title": _("Emulation evidence"),
            "section": "emulation",
            "data": found.ranking,
            "unit": found.unit,
        },
    )


@router.post("/emulation/rule")
async def save_rule(
    request: Request, db: Db, user: Officer, on: On, plan: PlanF, period: PeriodF
) -> Response:
    """A new version of the rule; a bad weight re-shows the form with the reason."""
    from kehoach.services.emulation_rules import CRITERIA, save_rule

    form = await request.form()
    weights = {c: form.get(f"weight_{c}") for c in CRITERIA}
    note = str(form.get("note") or "")[:1000]
    try:
        rule = save_rule(db, plan, period, weights, user, note)
    except ValidationError as exc:
        db.rollback()
        values = {f"weight_{c}": str(v or "") for c, v in weights.items()}
        return _ranking_page(
            request,
            db,
            user,
            plan,
            period,
            on,
            errors={exc.field or "weights": error_text(exc)},
            form={**values, "note": note},
            code=422,
        )
    flash(request, _("Rule version %(version)s was saved.") % {"version": rule.version})
    return RedirectResponse(f"/emulation?plan={plan}&period={rule.period}", 303)


@router.post("/emulation/adjustments")
def add_points(
    request: Request,
    db: Db,
    user: Officer,
    on: On,
    plan: PlanF,
    period: PeriodF,
    agency_id: Annotated[str, Form(max_length=12)] = "",
    points: Annotated[str, Form(max_length=20)] = "",
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """Bonus or penalty points for an agency, with a reason."""
    from kehoach.services.emulation_rules import add_adjustment

    try:
        if not agency_id.isdigit():
            raise ValidationError(
                "choose an agency that leads a task of this plan", field="agency_id"
            )
        add_adjustment(db, plan, period, int(agency_id), points, reason, user)
    except ValidationError as exc:
        db.rollback()
        return _ranking_page(
            request,
            db,
            user,
            plan,
            period,
            on,
            errors={exc.field or "points": error_text(exc)},
            form={"agency_id": agency_id, "points": points, "reason": reason},
            code=422,
        )
    flash(request, _("The points were added; they count from the next scoring."))
    return RedirectResponse(f"/emulation?plan={plan}&period={period.strip().upper()}", 303)


@router.post("/emulation/score")
def score(request: Request, db: Db, user: Officer, plan: PlanF, period: PeriodF) -> Response:
    """Score the period under the current rule and keep the result."""
    from kehoach.services.emulation import score_period

    found = score_period(db, plan, period, user)
    flash(request, _("The period was scored and the result kept."))
    return RedirectResponse(f"/emulation?plan={plan}&period={found.period}", 303)
