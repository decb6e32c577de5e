"""`/api/agencies`: one record per agency across all plans."""

from __future__ import annotations

from fastapi import APIRouter, Request

from kehoach.web.api.inputs import AgencyId, OptText
from kehoach.web.api.schemas import ERRORS, AgencyOut
from kehoach.web.cache import views
from kehoach.web.deps import Db

router = APIRouter(prefix="/agencies", tags=["agencies"], responses=ERRORS)


@router.get("", response_model=list[AgencyOut])
def list_agencies(request: Request, db: Db, q: OptText = None) -> list[AgencyOut]:
    """Agencies with how many tasks each leads, coordinates and directs; `q` ignores diacritics."""
    from kehoach.services import agencies

    q = q.replace("\x00", "") if q else None
    rows = views(request).get(db, ("agencies", q), lambda: agencies.list_agencies(db, q=q))
    return [AgencyOut.model_validate(a) for a in rows]


@router.get("/{agency_id}", response_model=AgencyOut)
def get_agency(agency_id: AgencyId, db: Db) -> AgencyOut:
    """One agency."""
    from kehoach.services import agencies

    return AgencyOut.model_validate(agencies.get_agency(db, agency_id))
