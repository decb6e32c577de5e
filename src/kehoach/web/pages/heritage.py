""" "Di tích": the heritage registry (list, add, change, import, history) and the culture map."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Path, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from kehoach.errors import RowsRejected, ValidationError
from kehoach.web.api.inputs import MAX_ID
from kehoach.web.auth import CsrfChecked
from kehoach.web.deps import CurrentUser, Db, OptionalUser
from kehoach.web.i18n import _
from kehoach.web.messages import vi_message
from kehoach.web.render import flash, render

router = APIRouter(include_in_schema=False, dependencies=[CsrfChecked])

SiteId = Annotated[int, Path(ge=1, le=MAX_ID)]
Filter = Annotated[str, Query(max_length=40)]
FormText = Annotated[str, Form(max_length=500)]
FIELDS = (
    "name",
    "rank",
    "decision_number",
    "decision_date",
    "commune_id",
    "latitude",
    "longitude",
    "condition",
    "digitization",
    "digitized_on",
)


def _labels() -> dict:
    from kehoach.services import heritage

    return {
        "ranks": heritage.RANK_VI,
        "types": heritage.TYPE_VI,
        "states": heritage.DIGITIZATION_VI,
    }


def _home_province(db, user) -> int | None:
    """The province an officer's registry is (a national officer chooses)."""
    from kehoach.services.jurisdictions import get_jurisdiction

    if user is None or user.jurisdiction_id is None or user.national:
        return None
    unit = get_jurisdiction(db, user.jurisdiction_id)
    return unit.id if unit.level == "province" else unit.parent_id


def _list(request, db, user, rank="", type_="", digitization="", q="", *, errors=None,
          problems=None, form=None, code=200) -> Response:  # fmt: skip
    from kehoach.services import heritage
    from kehoach.services.jurisdictions import list_communes, list_provinces

    sites = heritage.list_sites(
        db,
        user,
        rank=rank or None,
        type_=type_ or None,
        digitization=digitization or None,
        q=q or None,
    )
    province = _home_province(db, user)
    can_keep = user is not None and user.role in ("admin", "officer")
    return render(
        request,
        "heritage.html",
        {
            "title": _("Heritage registry"),
            "section": "map",
            "sites": sites,
            "filters": {"rank": rank, "type": type_, "digitization": digitization, "q": q},
            "can_keep": can_keep,
            "province": province,
            "provinces": [p for p in list_provinces(db) if not p.national]
            if can_keep and province is None
            else [],
            "communes": list_communes(db, province) if can_keep and province else [],
            "errors": {k: vi_message(v) for k, v in (errors or {}).items()},
            "problems": [(r, vi_message(m)) for r, m in problems or []],
            "form": form or {},
            **_labels(),
        },
        status_code=code,
    )


@router.get("/heritage")
def heritage_page(
    request: Request, db: Db, user: OptionalUser, rank: Filter = "", type: Filter = "",
    digitization: Filter = "", q: Filter = "",
) -> Response:  # fmt: skip
    """The registry the caller may read, filtered; the officer's forms to add and import."""
    return _list(request, db, user, rank, type, digitization, q)


async def _form(request: Request) -> dict:
    form = await request.form()
    data: dict[str, object] = {k: str(form.get(k) or "") for k in FIELDS}
    data["types"] = [str(t) for t in form.getlist("types")]
    data["public"] = bool(form.get("public"))
    return data


@router.post("/heritage")
async def add_site(request: Request, db: Db, user: CurrentUser) -> Response:
    """Add a site to the officer's province."""
    from kehoach.services import heritage

    data = await _form(request)
    form = await request.form()
    province = _home_province(db, user) or (
        int(str(form.get("province"))) if str(form.get("province") or "").isdigit() else None
    )
    try:
        site = heritage.save_site(db, user, data, jurisdiction_id=province)
    except ValidationError as exc:
        db.rollback()
        return _list(
            request, db, user, errors={exc.field or "name": exc.message}, form=data, code=422
        )
    flash(request, _("The site was added to the registry."))
    return RedirectResponse(f"/heritage/{site.id}", 303)


@router.post("/heritage/import")
async def import_sites(
    request: Request, db: Db, user: CurrentUser, file: Annotated[UploadFile, File()]
) -> Response:
    """Sites from an XLSX/CSV table; a bad row rejects the file."""
    from kehoach.services import heritage

    form = await request.form()
    province = _home_province(db, user) or (
        int(str(form.get("province"))) if str(form.get("province") or "").isdigit() else None
    )
    if province is None:
        raise ValidationError("choose the province", field="province")
    try:
        count = heritage.import_sites(db, user, province, await file.read(), file.filename or "")
    except RowsRejected as exc:
        db.rollback()
        return _list(request, db, user, problems=exc.problems, code=422)
    except ValidationError as exc:
        db.rollback()
        return _list(request, db, user, errors={"file": exc.message}, code=422)
    flash(request, _("%(n)s sites added.") % {"n": count})
    return RedirectResponse("/heritage", 303)


def _site_page(request, db, user, site_id, *, errors=None, code=200) -> Response:
    from kehoach.services import heritage, registry_files
    from kehoach.services.jurisdictions import list_communes

    site = heritage.get_site(db, site_id, user)
    can_keep = heritage.may_keep(db, site.jurisdiction_id, user) if user else False
    return render(
        request,
        "heritage_site.html",
        {
            "title": site.name,
            "section": "map",
            "site": site,
            "history": heritage.site_history(db, site_id, user),
            "files": registry_files.list_files(db, "heritage_site", site_id, user),
            "can_keep": can_keep,
            "communes": list_communes(db, site.jurisdiction_id) if can_keep else [],
            "errors": {k: vi_message(v) for k, v in (errors or {}).items()},
            **_labels(),
        },
        status_code=code,
    )


@router.get("/heritage/{site_id}")
def site_page(request: Request, site_id: SiteId, db: Db, user: OptionalUser) -> Response:
    """One site: its record, the officer's form, its history."""
    return _site_page(request, db, user, site_id)


@router.post("/heritage/{site_id}")
async def change_site(request: Request, site_id: SiteId, db: Db, user: CurrentUser) -> Response:
    """Change a site; every changed field is kept in its history."""
    from kehoach.services import heritage

    data = await _form(request)
    try:
        heritage.save_site(db, user, data, site_id=site_id)
    except ValidationError as exc:
        db.rollback()
        return _site_page(
            request, db, user, site_id, errors={exc.field or "name": exc.message}, code=422
        )
    flash(request, _("Saved."))
    return RedirectResponse(f"/heritage/{site_id}", 303)


@router.get("/map")
def culture_map(
    request: Request, db: Db, user: OptionalUser, rank: Filter = "", type: Filter = "",
    digitization: Filter = "", layer: Filter = "", kind: Filter = "", regular: Filter = "",
    province: Filter = "",
) -> Response:  # fmt: skip
    """Heritage sites and cultural institutions by their coordinates, drawn as SVG on the
    server (works offline) over the province outlines; `layer`: sites, institutions or
    both; `province` (a jurisdiction id): the province shown, else the account's own, else
    the whole country."""
    from kehoach.services import culture_map as drawing
    from kehoach.services import heritage
    from kehoach.services.institutions import KINDS
    from kehoach.services.institutions import REGISTRY as INSTITUTIONS
    from kehoach.services.jurisdictions import list_provinces
    from kehoach.services.province_outlines import load_outlines, viewed_province
    from kehoach.services.registry import list_entries

    viewed = (
        None
        if province == "all"  # the whole country, for any account
        else viewed_province(db, user, int(province) if province.isdigit() else None)
    )
    where = viewed.id if viewed else None
    sites = (
        heritage.list_sites(
            db,
            user,
            jurisdiction_id=where,
            rank=rank or None,
            type_=type or None,
            digitization=digitization or None,
        )
        if layer != "institutions"
        else []
    )
    places = (
        list_entries(
            db,
            INSTITUTIONS,
            user,
            jurisdiction_id=where,
            kind=kind or None,
            regular=regular or None,
        )
        if layer != "sites"
        else []
    )
    return render(
        request,
        "culture_map.html",
        {
            "title": _("Culture map"),
            "section": "map",
            "view": drawing.draw(
                sites,
                institutions=places,
                shapes=load_outlines(),
                focus=viewed.code if viewed else None,
            ),
            "viewed": viewed,
            "all_provinces": [p for p in list_provinces(db) if not p.national],
            "count": len(sites),
            "places": len(places),
            "filters": {
                "rank": rank,
                "type": type,
                "digitization": digitization,
                "layer": layer,
                "kind": kind,
                "regular": regular,
                "province": viewed.id if viewed else None,
            },
            "kinds": KINDS,
            **_labels(),
        },
    )
