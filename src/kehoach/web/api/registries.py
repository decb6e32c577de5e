"""`/api/registries/…`: the culture registries (villages, institutions, intangible heritage,
happiness surveys) as JSON and as XLSX/CSV/JSON exports; `/api/open/registries/…` their
published entries with the licence; `/api/units/…`: merged and renamed communes and a
commune's figures with those of the communes merged into it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from kehoach.web.api.indicators import Format, IndicatorId, _file, _plain
from kehoach.web.api.inputs import MAX_ID
from kehoach.web.api.schemas import ERRORS
from kehoach.web.auth import CsrfChecked
from kehoach.web.deps import Db, OptionalUser

router = APIRouter(tags=["registries"], responses=ERRORS, dependencies=[CsrfChecked])

Name = Annotated[str, Path(pattern="^(villages|institutions|intangible|happiness)$")]
UnitId = Annotated[int, Path(ge=1, le=MAX_ID, description="Commune id")]
Search = Annotated[str | None, Query(max_length=40)]
Commune = Annotated[int | None, Query(ge=1, le=MAX_ID)]


def _filters(request: Request, reg) -> dict:
    return {f.key: str(request.query_params.get(f.key, ""))[:40] or None for f in reg.filters}


@router.get("/registries/{name}")
def entries(request: Request, name: Name, db: Db, user: OptionalUser, q: Search = None,
            commune: Commune = None) -> list[dict]:  # fmt: skip
    """A registry's entries the caller may read (search `q`, `commune` id, choice filters)."""
    from kehoach.services.registries import registry
    from kehoach.services.registry import list_entries

    reg = registry(name)
    found = list_entries(db, reg, user, q=q, commune_id=commune, **_filters(request, reg))
    return _plain(found)


@router.get("/registries/{name}/export")
def export(name: Name, db: Db, user: OptionalUser, format: Format = "xlsx") -> Response:
    """The registry as XLSX, CSV or JSON (the columns the import reads)."""
    from kehoach.services.registries import registry
    from kehoach.services.registry import export_rows, export_table

    reg = registry(name)
    if format == "json":
        headings, rows = export_rows(db, reg, user)
        return JSONResponse(_plain([dict(zip(headings, r, strict=True)) for r in rows]))
    return _file(export_table(db, reg, user), format, reg.slug)


@router.get("/open/registries/{name}", tags=["open data"])
def open_entries(name: Name, db: Db) -> list[dict]:
    """A registry's published entries (anonymous view), the licence in each."""
    from kehoach.services.indicator_exports import OPEN_LICENCE
    from kehoach.services.registries import registry
    from kehoach.services.registry import list_entries

    return [{**_plain(e), "licence": OPEN_LICENCE} for e in list_entries(db, registry(name), None)]


@router.get("/units/{unit_id}/changes")
def unit_changes(unit_id: UnitId, db: Db, user: OptionalUser) -> list[dict]:
    """The merges and renames of a province's communes (`unit_id`: the province)."""
    from kehoach.services import unit_changes as changes

    return _plain(changes.list_changes(db, unit_id))


@router.get("/indicators/{indicator_id}/units/{unit_id}/series")
def unit_series(indicator_id: IndicatorId, unit_id: UnitId, db: Db,
                user: OptionalUser) -> list[dict]:  # fmt: skip
    """One commune's approved figures per period, with those of the communes merged into it."""
    from kehoach.services.indicator_figures import unit_series as series

    return _plain(series(db, indicator_id, unit_id, user))
