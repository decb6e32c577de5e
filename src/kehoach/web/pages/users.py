"""Accounts, for administrators: list, add, enable/disable, reset a password."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import RedirectResponse, Response

from kehoach.errors import Conflict, ValidationError
from kehoach.web.auth import CsrfChecked
from kehoach.web.deps import Admin, Db
from kehoach.web.i18n import _, error_text
from kehoach.web.render import flash, render

router = APIRouter(include_in_schema=False, dependencies=[CsrfChecked])

UserId = Annotated[int, Path(ge=1, le=2**31 - 1)]
Text = Annotated[str, Form(max_length=200)]


def users_page(request: Request, db, errors=None, form=None, status_code=200) -> Response:
    """The accounts list with the "add account" form."""
    from kehoach.services import agencies, jurisdictions, users

    return render(
        request,
        "users.html",
        {
            "title": _("Users"),
            "section": "users",
            "users": users.list_users(db),
            "agencies": agencies.list_agencies(db),
            "provinces": jurisdictions.list_provinces(db),
            "roles": users.ROLES,
            "errors": errors or {},
            "form": form or {},
        },
        status_code=status_code,
    )


@router.get("/users")
def list_users(request: Request, db: Db, user: Admin) -> Response:
    """All accounts."""
    return users_page(request, db)


@router.post("/users")
def add_user(
    request: Request,
    db: Db,
    user: Admin,
    username: Text = "",
    password: Text = "",
    role: Text = "",
    agency: Text = "",
    jurisdiction: Text = "",
) -> Response:
    """Add an account; a reporter belongs to an agency, others to a province (or all)."""
    from kehoach.services import users

    agency_ref: int | str | None = int(agency) if agency.isdigit() else (agency or None)
    place: int | str | None = int(jurisdiction) if jurisdiction.isdigit() else None
    try:
        users.create_user(db, username, password, role, agency_ref, actor=user, jurisdiction=place)
    except (ValidationError, Conflict) as exc:
        db.rollback()
        field = getattr(exc, "field", None) or exc.where or "username"
        form = {"username": username, "role": role, "agency": agency, "jurisdiction": jurisdiction}
        return users_page(request, db, {field: error_text(exc)}, form, status_code=422)
    flash(request, _("The account %(name)s was added.") % {"name": username})
    return RedirectResponse("/users", status_code=303)


@router.post("/users/{user_id}/active")
def set_active(
    request: Request, user_id: UserId, db: Db, user: Admin, active: Text = ""
) -> Response:
    """Enable or disable an account."""
    from kehoach.services import users

    try:
        users.set_active(db, user_id, active == "1", user)
    except Conflict as exc:
        db.rollback()
        flash(request, error_text(exc), "error")
        return RedirectResponse("/users", status_code=303)
    flash(request, _("Saved."))
    return RedirectResponse("/users", status_code=303)


@router.post("/users/{user_id}/password")
def set_password(
    request: Request, user_id: UserId, db: Db, user: Admin, password: Text = ""
) -> Response:
    """Give an account a new password."""
    from kehoach.services import users

    try:
        users.set_password(db, user_id, password, user)
    except ValidationError as exc:
        db.rollback()
        return users_page(request, db, {f"password-{user_id}": error_text(exc)}, status_code=422)
    flash(request, _("The password was changed."))
    return RedirectResponse("/users", status_code=303)
