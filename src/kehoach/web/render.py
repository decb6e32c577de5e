"""Rendering pages: the template plus what every page shows (user, CSRF token, flashes)."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from kehoach.web.i18n import _
from kehoach.web.labels import ROLE

ROLE_LABELS = ROLE  # (the name other modules know)


def role_label(role: str | None) -> str:
    """A role's name in the UI language."""
    return _(ROLE_LABELS.get(role or "", role or ""))


def flash(request: Request, message: str, kind: str = "ok") -> None:
    """Keep a message for the next page this session sees."""
    if "session" not in request.scope:
        return
    request.session.setdefault("flashes", [])
    request.session["flashes"] = [*request.session["flashes"], [kind, message]]


def _pop_flashes(request: Request) -> list[list[str]]:
    if "session" not in request.scope:
        return []
    return request.session.pop("flashes", [])


def render(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
) -> HTMLResponse:
    """Render `template` with the page context every template may use."""
    from kehoach.web.auth import csrf_token

    ctx: dict[str, Any] = {
        "user": getattr(request.state, "user", None),
        "csrf_token": csrf_token(request),
        "flashes": _pop_flashes(request),
        "role_label": role_label,
        "title": None,
        "section": None,
    }
    ctx.update(context or {})
    templates = request.app.state.templates
    return templates.TemplateResponse(request, template, ctx, status_code=status_code)
