"""`/search?q=`: the header's search box — documents, targets, tasks, reports, agencies."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from kehoach.web.api.inputs import OptText
from kehoach.web.deps import Db, OptionalUser
from kehoach.web.i18n import _
from kehoach.web.render import render

router = APIRouter(include_in_schema=False)


@router.get("/search")
def search_page(request: Request, db: Db, user: OptionalUser, q: OptText = None) -> Response:
    """Results the caller may see, best first, with the matching words marked."""
    from kehoach.services import search

    q = (q or "").replace("\x00", "").strip()
    hits = search.search(db, q, user) if q else []
    return render(
        request,
        "search.html",
        {"title": _("Search"), "section": "search", "q": q, "hits": hits},
    )
