"""`/api/dashboard`, `/api/status`, `/api/my-unit`: computed status on a date."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from kehoach.web.api.inputs import OptId
from kehoach.web.api.schemas import (
    ERRORS,
    AgencySummaryOut,
    CompletenessOut,
    DashboardOut,
    MyUnitOut,
    TaskStatusOut,
)
from kehoach.web.cache import scope, views
from kehoach.web.deps import AppSettings, CurrentUser, Db, On

router = APIRouter(tags=["status"], responses=ERRORS)


@router.get("/dashboard", response_model=DashboardOut)
def dashboard(
    request: Request, db: Db, user: CurrentUser, on: On, plan_id: OptId = None
) -> Response:
    """Status counts, overdue tasks, agencies by completion, reporting completeness, due dates."""
    from kehoach.services import dashboard as svc

    settings = request.app.state.settings
    cache = views(request)

    def board():
        return cache.get(
            db,
            ("dashboard", scope(user), on, plan_id),
            lambda: svc.dashboard(db, on=on, user=user, plan_id=plan_id, settings=settings),
        )

    # the response body too, as the bytes sent: validating and serializing a country's
    # dashboard (every agency, every plan) on each request cost more than the rest of it
    body = cache.get(
        db,
        ("dashboard-json", scope(user), on, plan_id),
        lambda: DashboardOut.model_validate(board()).model_dump_json(by_alias=True).encode(),
    )
    return Response(content=body, media_type="application/json")


@router.get("/status", response_model=list[TaskStatusOut])
def statuses(
    db: Db,
    user: CurrentUser,
    on: On,
    settings: AppSettings,
    plan_id: OptId = None,
    agency_id: OptId = None,
) -> list[TaskStatusOut]:
    """The computed status of every task (of a plan / an agency) on a date."""
    from kehoach.services import status
    from kehoach.web.permissions import visible_agency

    agency_id = visible_agency(user, agency_id)
    found = status.statuses(db, on, plan_id=plan_id, agency_id=agency_id, settings=settings)
    return [
        TaskStatusOut.model_validate({**_attrs(info), "task_id": task_id})
        for task_id, info in sorted(found.items())
    ]


@router.get("/status/agencies", response_model=list[AgencySummaryOut])
def agency_summaries(
    db: Db, user: CurrentUser, on: On, plan_id: OptId = None
) -> list[AgencySummaryOut]:
    """Per agency: status counts, on-time rate, reporting completeness for the current period."""
    from kehoach.services import summaries
    from kehoach.web.permissions import visible_agency

    agency = visible_agency(user, None)
    ids = [agency] if agency is not None else None
    rows = summaries.agency_summaries(db, on, plan_id=plan_id, agency_ids=ids)
    return [AgencySummaryOut.model_validate(r) for r in rows]


@router.get("/status/completeness", response_model=list[CompletenessOut])
def completeness(
    db: Db, user: CurrentUser, on: On, plan_id: OptId = None, agency_id: OptId = None
) -> list[CompletenessOut]:
    """Who has reported for the current period, who late, who not at all."""
    from kehoach.services import summaries
    from kehoach.web.permissions import visible_agency

    agency_id = visible_agency(user, agency_id)
    rows = summaries.completeness(db, on, plan_id=plan_id, agency_id=agency_id)
    return [CompletenessOut.model_validate(r) for r in rows]


@router.get("/my-unit", response_model=MyUnitOut)
def my_unit(request: Request, db: Db, user: CurrentUser, on: On) -> MyUnitOut:
    """The reporter's agency: its tasks and what is due now."""
    from kehoach.services import dashboard as svc

    unit = views(request).get(
        db, ("my_unit", user.agency_id, on), lambda: svc.my_unit(db, user, on=on)
    )
    return MyUnitOut.model_validate(unit)


def _attrs(obj: object) -> dict[str, Any]:
    from dataclasses import asdict, is_dataclass

    if is_dataclass(obj) and not isinstance(obj, type):  # an instance, not the class itself
        return asdict(obj)
    return dict(obj.__dict__)
