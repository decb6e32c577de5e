"""The dashboard: status counts, overdue work, agencies by completion, reporting completeness."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

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
    board = views(request).get(
        db,
        ("dashboard", scope(user), on, plan),
        lambda: dashboard.dashboard(db, on=on, user=user, plan_id=plan, settings=settings),
    )
    chart = [
        (a.name, a.completion_rate or 0.0, f"{round((a.completion_rate or 0) * 100)}%")
        for a in board.agencies[:CHART_ROWS]
    ]
    return render(
        request,
        "dashboard.html",
        {
            "title": _("Dashboard"),
            "section": "dashboard",
            "board": board,
            "on": on,
            "chart": chart,
            "plan_id": plan,
            "plans": views(request).get(
                db, ("plans", scope(user)), lambda: plans.list_plans(db, user=user)
            ),
        },
    )
