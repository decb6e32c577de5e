"""`/api/search?q=`: the search box as JSON (what the caller may see, best first)."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from kehoach.web.api.inputs import OptText
from kehoach.web.api.schemas import ERRORS
from kehoach.web.deps import Db, OptionalUser

router = APIRouter(prefix="/search", tags=["search"], responses=ERRORS)


class SearchHitOut(BaseModel):
    """One result; `pieces` is its text split into [text, matched] pairs."""

    kind: str
    entity_id: int
    plan_id: int | None
    url: str
    text: str
    pieces: list[tuple[str, bool]]


@router.get("", response_model=list[SearchHitOut])
def search(db: Db, user: OptionalUser, q: OptText = None) -> list[SearchHitOut]:
    """Documents, targets, tasks, progress reports and agencies matching every word of `q`
    (diacritics ignored: `so hoa` finds `số hóa`), best first, limited to what the caller
    may see; at most 50."""
    from kehoach.services import search as service

    q = (q or "").replace("\x00", "")
    return [
        SearchHitOut(
            kind=h.kind,
            entity_id=h.entity_id,
            plan_id=h.plan_id,
            url=h.url,
            text="".join(p for p, _ in h.pieces),
            pieces=list(h.pieces),
        )
        for h in service.search(db, q, user)
    ]
