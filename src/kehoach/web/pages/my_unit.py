""" "Đơn vị của tôi": an agency reporter's tasks and what is due now."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from kehoach.errors import NotFound
from kehoach.web.cache import views
from kehoach.web.deps import CurrentUser, Db, On
from kehoach.web.filters import TaskFilters
from kehoach.web.i18n import _
from kehoach.web.render import render

router = APIRouter(include_in_schema=False)


@router.get("/my-unit")
def my_unit_page(request: Request, db: Db, user: CurrentUser, on: On) -> Response:
    """Only the user's agency's tasks; the ones without a report for this period first."""
    from kehoach.services import dashboard

    if user.agency_id is None:
        raise NotFound("Your account is not linked to an agency; ask an administrator.")
    unit = views(request).get(
        db, ("my_unit", user.agency_id, on), lambda: dashboard.my_unit(db, user, on=on)
    )
    return render(
        request,
        "my_unit.html",
        {
            "title": _("My unit"),
            "section": "my-unit",
            "unit": unit,
            "on": on,
            "filters": TaskFilters(),
            "base_url": "/my-unit",
        },
    )
