"""Tài khoản của tôi: change one's own password, list and revoke one's API tokens."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import RedirectResponse, Response

from kehoach.errors import ValidationError
from kehoach.web.auth import CsrfChecked
from kehoach.web.deps import CurrentUser, Db
from kehoach.web.i18n import _, error_text
from kehoach.web.render import flash, render
from kehoach.web.sessions import keep_after_password_change

router = APIRouter(include_in_schema=False, dependencies=[CsrfChecked])

TokenId = Annotated[int, Path(ge=1, le=2**31 - 1)]
Secret = Annotated[str, Form(max_length=500)]
Name = Annotated[str, Form(max_length=100)]


def account_page(
    request: Request, db, user, *, errors=None, new_token=None, status_code=200
) -> Response:
    """The account page: password form and the user's API tokens."""
    from kehoach.services import users

    context = {
        "title": _("My account"),
        "section": "account",
        "tokens": users.list_tokens(db, user.id),
        "errors": errors or {},
        "new_token": new_token,
    }
    return render(request, "account.html", context, status_code=status_code)


@router.get("/account")
def show_account(request: Request, db: Db, user: CurrentUser) -> Response:
    """The logged-in user's account."""
    return account_page(request, db, user)


@router.post("/account/password")
def change_password(
    request: Request,
    db: Db,
    user: CurrentUser,
    old_password: Secret = "",
    new_password: Secret = "",
    confirm_password: Secret = "",
) -> Response:
    """Change one's own password; this session goes on, the others end."""
    from kehoach.services import users

    try:
        if new_password != confirm_password:
            raise ValidationError(
                "the two new passwords are not the same", field="confirm_password"
            )
        users.change_password(db, user, old_password, new_password)
    except ValidationError as exc:
        db.rollback()
        errors = {exc.field or "new_password": error_text(exc)}
        return account_page(request, db, user, errors=errors, status_code=422)
    keep_after_password_change(request)
    flash(request, _("Your password was changed; your other sessions have ended."))
    return RedirectResponse("/account", status_code=303)


@router.post("/account/tokens")
def create_token(request: Request, db: Db, user: CurrentUser, name: Name = "") -> Response:
    """Make an API token; its value is shown on this page once."""
    from kehoach.services import users

    token = users.create_token(db, user.id, name=name.strip() or "api", actor=user)
    return account_page(request, db, user, new_token=token)


@router.post("/account/tokens/{token_id}/revoke")
def revoke_token(request: Request, token_id: TokenId, db: Db, user: CurrentUser) -> Response:
    """Revoke one of one's own API tokens."""
    from kehoach.services import users

    users.revoke_token(db, token_id, user)
    flash(request, _("The token was revoked; programs using it can no longer connect."))
    return RedirectResponse("/account", status_code=303)
