"""Logging in and out, and the CSRF token that every POST form must carry.

Sessions are Starlette's signed cookies (itsdangerous, `settings.secret_key`).
Each session holds a random CSRF token; a form without it, or with another,
gets a 403 page. API calls authenticated by `Authorization: Bearer …` carry
no cookie, so they need no CSRF token.
"""

from __future__ import annotations

import secrets
from typing import Annotated
from urllib.parse import urlparse

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from kehoach.errors import PermissionDenied, TooManyAttempts
from kehoach.services.types import UserView
from kehoach.web.deps import Db, OptionalUser
from kehoach.web.errors import CsrfFailed
from kehoach.web.i18n import _
from kehoach.web.render import flash, render
from kehoach.web.sessions import start_session

CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def csrf_token(request: Request) -> str:
    """This session's CSRF token (created on first use)."""
    if "session" not in request.scope:
        return ""
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


async def check_csrf(request: Request) -> None:
    """Refuse a state-changing request whose CSRF token is missing or wrong."""
    if request.method not in UNSAFE_METHODS:
        return
    if request.headers.get("authorization", "").lower().startswith("bearer "):
        return
    session = request.session if "session" in request.scope else {}
    if request.url.path.startswith("/api/") and not session.get("user_id"):
        return  # an API call that a cookie does not authenticate cannot be forged by a page
    expected = session.get("csrf")
    sent = request.headers.get(CSRF_HEADER)
    if not sent:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()
            value = form.get(CSRF_FIELD)
            sent = value if isinstance(value, str) else None
    if not expected or not sent or not secrets.compare_digest(str(expected), str(sent)):
        raise CsrfFailed()


CsrfChecked = Depends(check_csrf)

router = APIRouter(include_in_schema=False, dependencies=[CsrfChecked])


def _safe_next(target: str | None) -> str:
    """Only same-site paths may follow a log-in (no open redirect)."""
    if not target:
        return "/"
    parsed = urlparse(target)
    if parsed.scheme or parsed.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


def authenticate(request: Request, db, username: str, password: str) -> UserView:
    """Check a log-in through the users service, within the failed-log-in limits.

    Raises `TooManyAttempts` while the account or the client's address is locked, and
    `PermissionDenied` for a wrong username or password (which counts as a failure).
    """
    from kehoach.services import users

    limiter = request.app.state.login_limiter
    address = request.client.host if request.client else None
    limiter.check(username, address)
    try:
        user = users.authenticate(db, username, password)
    except PermissionDenied:
        limiter.failed(username, address)
        raise
    limiter.succeeded(username, db)
    return user


@router.get("/login")
def login_page(request: Request, user: OptionalUser, next: str = "/") -> Response:
    """The log-in form."""
    if user is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    return render(request, "login.html", {"title": _("Log in"), "next": _safe_next(next)})


@router.post("/login")
def login(
    request: Request,
    db: Db,
    username: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    """Check the password (within the failed-log-in limits) and start a session."""
    context = {"title": _("Log in"), "next": _safe_next(next), "username": username}
    try:
        user = authenticate(request, db, username.strip(), password)
    except TooManyAttempts as exc:
        context["error"] = _("Too many failed log-ins. Try again in %(minutes)d minutes.") % {
            "minutes": exc.minutes
        }
        response = render(request, "login.html", context, status_code=429)
        response.headers["Retry-After"] = str(exc.retry_after)
        return response
    except PermissionDenied:
        context["error"] = _("Wrong username or password.")
        return render(request, "login.html", context, status_code=401)
    start_session(request, user)
    request.state.user = user
    flash(request, _("Welcome, %(name)s.") % {"name": user.username})
    target = _safe_next(next)
    if target == "/" and user.role == "reporter":
        target = "/my-unit"
    return RedirectResponse(target, status_code=303)


@router.post("/logout")
def logout(request: Request) -> Response:
    """End the session."""
    request.session.clear()
    return RedirectResponse("/login", status_code=303)
