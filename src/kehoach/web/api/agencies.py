"""`/api/agencies`: agencies of the caller's jurisdiction, and the officers' agency register
(usage, rename, merge, mark as not an agency); `/api/jurisdictions`: provinces and communes."""

from __future__ import annotations

from fastapi import APIRouter, Request

from kehoach.web.api.inputs import AgencyChangeIn, AgencyId, MergeIn, OptId, OptText
from kehoach.web.api.schemas import (
    ERRORS,
    AgencyOut,
    AgencyUsageOut,
    JurisdictionOut,
    RegisterRowOut,
)
from kehoach.web.auth import CsrfChecked
from kehoach.web.cache import scope, views
from kehoach.web.deps import Db, Officer, OptionalUser

router = APIRouter(
    prefix="/agencies", tags=["agencies"], responses=ERRORS, dependencies=[CsrfChecked]
)
places = APIRouter(prefix="/jurisdictions", tags=["agencies"], responses=ERRORS)


@router.get("", response_model=list[AgencyOut])
def list_agencies(
    request: Request,
    db: Db,
    user: OptionalUser,
    q: OptText = None,
    jurisdiction_id: OptId = None,
) -> list[AgencyOut]:
    """Agencies of the caller's jurisdiction and national ones, with how many tasks each
    leads, coordinates and directs; `q` ignores diacritics. Phrases marked as not an
    agency are left out."""
    from kehoach.services import agencies

    q = q.replace("\x00", "") if q else None
    rows = views(request).get(
        db,
        ("agencies", q, jurisdiction_id, scope(user)),
        lambda: agencies.list_agencies(db, q=q, user=user, jurisdiction_id=jurisdiction_id),
    )
    return [AgencyOut.model_validate(a) for a in rows]


@router.get("/register", response_model=list[RegisterRowOut])
def agency_register(
    db: Db,
    user: Officer,
    q: OptText = None,
    jurisdiction_id: OptId = None,
    kind: OptText = None,
) -> list[RegisterRowOut]:
    """The agency register: every agency the officer manages, with its usage counts;
    `kind=group` lists the phrases marked as not an agency."""
    from kehoach.services import agency_register

    q = q.replace("\x00", "") if q else None
    rows = agency_register.list_register(db, user, q=q, jurisdiction_id=jurisdiction_id, kind=kind)
    return [RegisterRowOut.model_validate(r) for r in rows]


@router.get("/{agency_id}", response_model=AgencyOut)
def get_agency(agency_id: AgencyId, db: Db, user: OptionalUser) -> AgencyOut:
    """One agency."""
    from kehoach.services import agencies

    return AgencyOut.model_validate(agencies.get_agency(db, agency_id, user))


@router.get("/{agency_id}/usage", response_model=AgencyUsageOut)
def agency_usage(agency_id: AgencyId, db: Db, user: Officer) -> AgencyUsageOut:
    """Where an agency is used: its tasks, accounts and other spellings."""
    from kehoach.services import agency_register

    return AgencyUsageOut.model_validate(agency_register.agency_usage(db, agency_id, user))


@router.patch("/{agency_id}", response_model=RegisterRowOut)
def change_agency(
    agency_id: AgencyId, body: AgencyChangeIn, db: Db, user: Officer
) -> RegisterRowOut:
    """Rename an agency (the old name stays as an alias) and/or mark it as not an agency
    (`kind: "group"`) or back (`"agency"`)."""
    from kehoach.services import agency_register

    row = None
    if body.name is not None:
        row = agency_register.rename_agency(db, agency_id, body.name, user)
    if body.kind is not None:
        row = agency_register.set_kind(db, agency_id, body.kind, user)
    if row is None:
        row = agency_register.register_row(db, agency_id, user)
    return RegisterRowOut.model_validate(row)


@router.post("/{agency_id}/merge", response_model=RegisterRowOut)
def merge_agency(agency_id: AgencyId, body: MergeIn, db: Db, user: Officer) -> RegisterRowOut:
    """Merge this agency into `into`: tasks, reports, accounts and aliases follow, and the
    merge is recorded in the audit log. Returns the agency that stays."""
    from kehoach.services import agency_register

    return RegisterRowOut.model_validate(
        agency_register.merge_agencies(db, agency_id, body.into, user)
    )


@places.get("", response_model=list[JurisdictionOut])
def list_jurisdictions(db: Db) -> list[JurisdictionOut]:
    """The nation and the 34 provinces (communes: `GET /api/jurisdictions/{id}/communes`)."""
    from kehoach.services import jurisdictions

    return [JurisdictionOut.model_validate(j) for j in jurisdictions.list_provinces(db)]


@places.get("/{jurisdiction_id}/communes", response_model=list[JurisdictionOut])
def list_communes(jurisdiction_id: AgencyId, db: Db) -> list[JurisdictionOut]:
    """A province's communes, wards and special zones."""
    from kehoach.services import jurisdictions

    return [
        JurisdictionOut.model_validate(j) for j in jurisdictions.list_communes(db, jurisdiction_id)
    ]
