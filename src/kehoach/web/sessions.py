"""What a browser session holds and when it ends.

The signed session cookie (Starlette's `SessionMiddleware`) keeps the user's id,
when they logged in (`auth_at`) and when they were last seen (`seen`), as epoch
seconds. A session ends when the user has been idle longer than
`settings.session_idle_minutes`, twelve hours after the log-in however active
they were, when their password changed after they logged
in (a change or an administrator's reset logs them out everywhere else), or when
the account is disabled.
"""

from __future__ import annotations

import secrets
import time

from fastapi import Request

from kehoach.services.types import UserView
from kehoach.web.i18n import _
from kehoach.web.render import flash

SESSION_MAX_AGE = 12 * 3600  # one working day, however active: then log in again
# Requests a page makes by itself (the bell's count, polled every minute) are not the
# user's activity: they must not keep an idle session alive.
PASSIVE_PATHS = frozenset({"/notifications/bell"})


def start_session(request: Request, user: UserView) -> None:
    """Remember the user in the session cookie; rotate the CSRF token."""
    now = time.time()
    request.session.clear()
    request.session["user_id"] = user.id
    request.session["auth_at"] = now
    request.session["seen"] = now
    request.session["csrf"] = secrets.token_urlsafe(32)


def keep_after_password_change(request: Request) -> None:
    """The session that changed its own password goes on (the others end)."""
    if "session" in request.scope and request.session.get("user_id"):
        request.session["auth_at"] = time.time()


def session_user_id(request: Request) -> int | None:
    """The user id of a live session, or None; an idle session ends here (and says so)."""
    if "session" not in request.scope:
        return None
    session = request.session
    try:
        user_id = int(session.get("user_id") or 0)
        seen = float(session.get("seen") or 0)
    except (TypeError, ValueError):
        user_id = 0
    if not user_id:
        return None
    idle = request.app.state.settings.session_idle_minutes * 60
    now = time.time()
    if now - seen > idle:
        end_session(request, _("Your session ended after a long idle time; log in again."))
        return None
    # the cookie is re-sent with each response, so its own max-age would slide forever
    if now - float(session.get("auth_at") or 0) > SESSION_MAX_AGE:
        end_session(request, _("Your session has lasted a full day; log in again."))
        return None
    if request.url.path not in PASSIVE_PATHS:
        session["seen"] = now
    return user_id


def still_valid(request: Request, user: UserView) -> bool:
    """False (and the session ended) when the account is disabled or its password changed."""
    changed = user.password_changed_at
    started = float(request.session.get("auth_at") or 0)
    if not user.active:
        end_session(request)
        return False
    if changed is not None and changed.timestamp() > started:
        end_session(request, _("The password of this account was changed; log in again."))
        return False
    return True


def end_session(request: Request, message: str | None = None) -> None:
    """Forget the user; keep a message for the log-in page."""
    request.session.clear()
    if message:
        flash(request, message, "error")
