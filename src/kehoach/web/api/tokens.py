"""`/api/tokens` and `/api/me`: API token authentication, one's own tokens and password."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request

from kehoach.services.types import TokenView
from kehoach.web.api.inputs import MAX_ID, LoginIn, PasswordChangeIn
from kehoach.web.api.schemas import ERRORS, ErrorOut, TokenOut, UserOut
from kehoach.web.auth import CsrfChecked, authenticate
from kehoach.web.deps import CurrentUser, Db

router = APIRouter(tags=["accounts"], responses=ERRORS, dependencies=[CsrfChecked])

TokenId = Annotated[int, Path(ge=1, le=MAX_ID, description="API token id")]
LIMITED: dict[int | str, dict[str, Any]] = {
    429: {"model": ErrorOut, "description": "Too many failed log-ins; see Retry-After"}
}


@router.post("/tokens", response_model=TokenOut, status_code=201, responses=LIMITED)
def create_token(request: Request, body: LoginIn, db: Db) -> TokenOut:
    """Exchange a username and password for an API token (`Authorization: Bearer …`).

    Failed attempts are limited per account and per client address (429 with Retry-After).
    """
    from kehoach.services import users

    user = authenticate(request, db, body.username, body.password)
    token = users.create_token(db, user.id, name="api", actor=user)
    return TokenOut(token=token, user=UserOut.model_validate(user))


@router.get("/tokens", response_model=list[TokenView])
def list_tokens(db: Db, user: CurrentUser) -> list[TokenView]:
    """The caller's own API tokens, newest first (names and dates; never the tokens)."""
    from kehoach.services import users

    return users.list_tokens(db, user.id)


@router.delete("/tokens/{token_id}", status_code=204)
def revoke_token(token_id: TokenId, db: Db, user: CurrentUser) -> None:
    """Revoke one of the caller's tokens (another's is a 404, like a token that never was)."""
    from kehoach.services import users

    users.revoke_token(db, token_id, user)


@router.get("/me", response_model=UserOut)
def me(user: CurrentUser) -> UserOut:
    """The account the request is authenticated as."""
    return UserOut.model_validate(user)


@router.post("/me/password", status_code=204)
def change_password(request: Request, body: PasswordChangeIn, db: Db, user: CurrentUser) -> None:
    """Change the caller's password (the current one is required); other sessions end."""
    from kehoach.services import users
    from kehoach.web.sessions import keep_after_password_change

    users.change_password(db, user, body.old_password, body.new_password)
    keep_after_password_change(request)
