"""The dashboard: status counts, overdue work, agencies by completion, reporting completeness."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from markupsafe import Markup

from kehoach.web.cache import scope, views
from kehoach.web.deps import CurrentUser, Db, On
from kehoach.web.i18n import _
from kehoach.web.render import render

router = APIRouter(include_in_schema=False)

CHART_ROWS = 15


@router.get("/dashboard")
def dashboard_page(
    request: Request,
    db: Db,
    user: CurrentUser,
    on: On,
    plan: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
) -> Response:
    """Everything a leader asks about, for one date (default today)."""
    from kehoach.services import dashboard, plans

    settings = request.app.state.settings

    def body() -> Markup:
        """The page's content: the same for everyone who sees the same plans, so rendered
        once per data version (a country's dashboard lists every plan and agency)."""
        board = views(request).get(
            db,
            ("dashboard", scope(user), on, plan),
            lambda: dashboard.dashboard(db, on=on, user=user, plan_id=plan, settings=settings),
        )
        chart = [
            (a.name, a.completion_rate or 0.0, f"{round((a.completion_rate or 0) * 100)}%")
            for a in board.agencies[:CHART_ROWS]
        ]
        targets, targets_plan = _targets(request, db, user, on, plan, board)
        context = {
            "board": board,
            "on": on,
            "chart": chart,
            "plan_id": plan,
            "targets": targets,
            "targets_plan": targets_plan,
            "plans": views(request).get(
                db, ("plans", scope(user)), lambda: plans.list_plans(db, user=user)
            ),
        }
        env = request.app.state.templates.env
        return Markup(env.get_template("_dashboard_body.html").render(context))

    html = views(request).get(db, ("dashboard-html", scope(user), on, plan), body)
    return render(
        request,
        "dashboard.html",
        {"title": _("Dashboard"), "section": "dashboard", "body": html},
    )


def _targets(request: Request, db, user, on, plan: int | None, board) -> tuple[list, str]:
    """The targets panel: the chosen plan's targets, else those of the first plan shown
    that has indicators (cached per data version, like the rest of the dashboard)."""
    from kehoach.services import indicator_figures, indicators

    candidates = [plan] if plan else [p.plan_id for p in board.plans]
    measured = {i.plan_id for i in indicators.list_indicators(db, user)}
    chosen = next((p for p in candidates if p in measured), plan)
    if chosen is None:
        return [], ""
    rows = views(request).get(
        db,
        ("targets-panel", scope(user), on, chosen),
        lambda: indicator_figures.targets_panel(db, chosen, user, on),
    )
    title = next((p.title for p in board.plans if p.plan_id == chosen), "") or ""
    return rows, title
