"""What handlers receive: a database session, the current user, role checks, today's date.

Handlers never hold SQL; they take `Db` (a SQLAlchemy session opened for the
request, committed when the handler returns without error) and pass it to
services.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Query, Request
from sqlalchemy.orm import Session

from kehoach.errors import KehoachError, PermissionDenied
from kehoach.services.types import UserView
from kehoach.settings import Settings
from kehoach.web.errors import NotLoggedIn
from kehoach.web.sessions import end_session, session_user_id, still_valid


def get_settings_dep(request: Request) -> Settings:
    """The app's settings object."""
    return request.app.state.settings


READ_ONLY_METHODS = {"GET", "HEAD", "OPTIONS"}


def get_db(request: Request) -> Iterator[Session]:
    """A session for this request: commit when the handler succeeds, roll back on error.

    A GET never changes anything, so its session does not autoflush and is
    rolled back: bookkeeping made while reading (a token's `last_used_at`) must
    not turn every page view into a write transaction that makes readers queue
    for SQLite's write lock.
    """
    from kehoach.store.db import session_scope

    if request.method in READ_ONLY_METHODS:
        session = request.app.state.sessions()
        session.autoflush = False  # nothing a read changes reaches the database
        try:
            yield session
        finally:
            session.rollback()
            session.close()
        return
    with session_scope(request.app.state.sessions) as session:
        yield session


Db = Annotated[Session, Depends(get_db, scope="function")]
AppSettings = Annotated[Settings, Depends(get_settings_dep)]


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return None


def load_user(request: Request, db: Db) -> UserView | None:
    """The logged-in user (session cookie or `Authorization: Bearer` token), or None."""
    from kehoach.services import users

    token = _bearer(request)
    user: UserView | None = None
    if token:
        # A wrong token is an error, not an anonymous request: the caller meant to log in.
        if request.method in READ_ONLY_METHODS:
            # the token's use is recorded in a transaction of its own, so that the read
            # itself stays read-only (no write lock held while a page is computed)
            from kehoach.store.db import session_scope

            with session_scope(request.app.state.sessions) as own:
                user = users.verify_token(own, token)
        else:
            user = users.verify_token(db, token)
    elif (user_id := session_user_id(request)) is not None:
        try:
            user = users.get_user(db, user_id)
        except KehoachError:
            end_session(request)
            user = None
        if user is not None and not still_valid(request, user):
            user = None
    request.state.user = user
    request.state.via_token = bool(token)
    return user


OptionalUser = Annotated[UserView | None, Depends(load_user)]


def require_user(user: OptionalUser) -> UserView:
    """The logged-in user; anonymous visitors are sent to log in."""
    if user is None:
        raise NotLoggedIn()
    return user


CurrentUser = Annotated[UserView, Depends(require_user)]


def require_officer(user: CurrentUser) -> UserView:
    """An administrator or plan officer."""
    from kehoach.services import users

    if not users.can_edit_plan(user):
        raise PermissionDenied("Only a plan officer or an administrator can do this.")
    return user


def require_admin(user: CurrentUser) -> UserView:
    """An administrator."""
    from kehoach.services import users

    if not users.can_manage_users(user):
        raise PermissionDenied("Only an administrator can manage accounts.")
    return user


Officer = Annotated[UserView, Depends(require_officer)]
Admin = Annotated[UserView, Depends(require_admin)]


def today(
    on: Annotated[dt.date | None, Query(description="Compute status as of this date")] = None,
) -> dt.date:
    """The date status is computed for: `?on=YYYY-MM-DD`, else today.

    Today is the server's local day, as in the services (deploy with
    TZ=Asia/Ho_Chi_Minh so that it is the Vietnamese day).
    """
    check_year(on, "on")
    return on or dt.date.today()


FIRST_YEAR, LAST_YEAR = 1945, 2200


def check_year(day: dt.date | None, field: str) -> None:
    """Refuse dates no plan can be about (and that date arithmetic cannot handle)."""
    from kehoach.errors import ValidationError

    if day is not None and not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValidationError("Give a date between 1945 and 2200.", field=field)


On = Annotated[dt.date, Depends(today)]
