"""The start page sends each person where their work is."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import RedirectResponse

from kehoach.web.deps import OptionalUser

router = APIRouter(include_in_schema=False)


@router.get("/")
def home(user: OptionalUser) -> RedirectResponse:
    """Reporters to their unit, other accounts to the dashboard, visitors to the plans."""
    if user is None:
        return RedirectResponse("/plans", status_code=303)
    if user.role == "reporter":
        return RedirectResponse("/my-unit", status_code=303)
    return RedirectResponse("/dashboard", status_code=303)
