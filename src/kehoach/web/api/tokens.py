"""`/api/tokens` and `/api/me`: API token authentication."""

from __future__ import annotations

from fastapi import APIRouter

from kehoach.web.api.inputs import LoginIn
from kehoach.web.api.schemas import ERRORS, TokenOut, UserOut
from kehoach.web.auth import CsrfChecked
from kehoach.web.deps import CurrentUser, Db

router = APIRouter(tags=["accounts"], responses=ERRORS, dependencies=[CsrfChecked])


@router.post("/tokens", response_model=TokenOut, status_code=201)
def create_token(body: LoginIn, db: Db) -> TokenOut:
    """Exchange a username and password for an API token (`Authorization: Bearer …`)."""
    from kehoach.services import users

    user = users.authenticate(db, body.username, body.password)
    token = users.create_token(db, user.id, name="api", actor=user)
    return TokenOut(token=token, user=UserOut.model_validate(user))


@router.get("/me", response_model=UserOut)
def me(user: CurrentUser) -> UserOut:
    """The account the request is authenticated as."""
    return UserOut.model_validate(user)
