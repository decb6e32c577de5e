""" "Cơ quan": the officers' agency register — usage, rename, merge, not an agency."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import RedirectResponse, Response

from kehoach.errors import Conflict, ValidationError
from kehoach.web.auth import CsrfChecked
from kehoach.web.deps import Db, Officer
from kehoach.web.i18n import _, error_text
from kehoach.web.render import flash, render

router = APIRouter(include_in_schema=False, dependencies=[CsrfChecked])

AgencyId = Annotated[int, Path(ge=1, le=2**31 - 1)]
Text = Annotated[str, Form(max_length=500)]
Search = Annotated[str, Query(max_length=200)]


@router.get("/agencies")
def register_page(
    request: Request,
    db: Db,
    user: Officer,
    q: Search = "",
    jurisdiction: Search = "",
    kind: Search = "",
) -> Response:
    """Every agency the officer manages, with how much uses it; search and filter."""
    from kehoach.services import agency_register

    place = int(jurisdiction) if jurisdiction.isdigit() else None
    every = agency_register.list_register(db, user)
    rows = agency_register.list_register(
        db, user, q=q.replace("\x00", "") or None, jurisdiction_id=place, kind=kind or None
    )
    places = sorted({(r.jurisdiction_id, r.jurisdiction_name) for r in every}, key=lambda p: p[1])
    return render(
        request,
        "agencies.html",
        {
            "title": _("Agencies"),
            "section": "agencies",
            "rows": rows,
            "places": places,
            "q": q,
            "jurisdiction": place,
            "kind": kind,
        },
    )


def usage_page(request: Request, db, user, agency_id: int, errors=None, status_code=200):
    """One agency: where it is used, and the officer's actions on it."""
    from kehoach.services import agency_register

    usage = agency_register.agency_usage(db, agency_id, user)
    others = [
        r
        for r in agency_register.list_register(
            db, user, jurisdiction_id=usage.agency.jurisdiction_id
        )
        if r.id != agency_id
    ]
    return render(
        request,
        "agency.html",
        {
            "title": usage.agency.name,
            "section": "agencies",
            "usage": usage,
            "others": others,
            "errors": errors or {},
        },
        status_code=status_code,
    )


@router.get("/agencies/{agency_id}")
def agency_page(request: Request, agency_id: AgencyId, db: Db, user: Officer) -> Response:
    """Where an agency is used: tasks by plan, accounts, other spellings."""
    return usage_page(request, db, user, agency_id)


def _act(request: Request, db, user, agency_id: int, action, done: str, field: str) -> Response:
    try:
        row = action()
    except (ValidationError, Conflict) as exc:
        db.rollback()
        return usage_page(request, db, user, agency_id, {field: error_text(exc)}, 422)
    flash(request, done)
    return RedirectResponse(f"/agencies/{row.id}", status_code=303)


@router.post("/agencies/{agency_id}/rename")
def rename(
    request: Request, agency_id: AgencyId, db: Db, user: Officer, name: Text = ""
) -> Response:
    """Give the agency another name (the old one is kept for later imports)."""
    from kehoach.services import agency_register

    return _act(
        request,
        db,
        user,
        agency_id,
        lambda: agency_register.rename_agency(db, agency_id, name, user),
        _("The agency was renamed."),
        "name",
    )


@router.post("/agencies/{agency_id}/merge")
def merge(
    request: Request, agency_id: AgencyId, db: Db, user: Officer, into: Text = ""
) -> Response:
    """Merge this agency into another one of the same jurisdiction."""
    from kehoach.services import agency_register

    def action():
        if not into.isdigit():
            raise ValidationError("Choose the agency to merge into.", field="into")
        return agency_register.merge_agencies(db, agency_id, int(into), user)

    return _act(request, db, user, agency_id, action, _("The agencies were merged."), "into")


@router.post("/agencies/{agency_id}/kind")
def set_kind(
    request: Request, agency_id: AgencyId, db: Db, user: Officer, kind: Text = ""
) -> Response:
    """Mark the name as not an agency (a group phrase), or as an agency again."""
    from kehoach.services import agency_register

    return _act(
        request,
        db,
        user,
        agency_id,
        lambda: agency_register.set_kind(db, agency_id, kind, user),
        _("Saved."),
        "kind",
    )
