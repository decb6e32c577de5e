"""`/open-data`: published plans as open data, without login (JSON and CSV downloads).

Read-only GETs for anonymous visitors: the service reads as `user=None`, so an unpublished
plan is a 404 whoever asks (an officer uses the plan pages instead).
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Request
from fastapi.responses import JSONResponse, Response

from kehoach.web.api.inputs import PlanId
from kehoach.web.deps import Db
from kehoach.web.i18n import _
from kehoach.web.render import render

router = APIRouter(include_in_schema=False)


@router.get("/open-data")
def open_data(request: Request, db: Db) -> Response:
    """The published plans with their downloads, the licence and the last update of each."""
    from kehoach.services import open_data as service

    return render(
        request,
        "open_data.html",
        {
            "title": _("Open data"),
            "section": "open-data",
            "plans": service.published_plans(db),
            "licence": service.LICENCE,
            "licence_url": service.LICENCE_URL,
        },
    )


@router.get("/open-data/plans/{plan_id}.json")
def plan_json(plan_id: PlanId, db: Db) -> Response:
    """A published plan, its targets with figures and its tasks' statuses, as JSON."""
    from kehoach.services import open_data as service

    return JSONResponse(service.plan_data(db, plan_id))


@router.get("/open-data/plans/{plan_id}/{what}.csv")
def plan_csv(
    plan_id: PlanId, what: Annotated[Literal["tasks", "targets"], Path()], db: Db
) -> Response:
    """A published plan's tasks (with statuses) or targets as CSV."""
    from kehoach.services import open_data as service

    found = service.plan_csv(db, plan_id, what)
    return Response(
        found.content,
        media_type=found.media_type,
        headers={"Content-Disposition": f'attachment; filename="{found.filename}"'},
    )
