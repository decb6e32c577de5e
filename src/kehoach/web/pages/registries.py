"""The culture registries besides heritage sites — villages, cultural institutions, intangible
heritage, happiness surveys — one set of pages driven by each registry's fields (list and
search per commune, add, change, import, history, attached photos and documents); merged and
renamed communes (`/units`)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, File, Path, Query, Request, UploadFile
from fastapi.responses import FileResponse, RedirectResponse, Response

from kehoach.errors import N_, NotFound, RowsRejected, ValidationError
from kehoach.web.api.inputs import MAX_ID
from kehoach.web.auth import CsrfChecked
from kehoach.web.deps import AppSettings, CurrentUser, Db, OptionalUser
from kehoach.web.i18n import _
from kehoach.web.messages import vi_message
from kehoach.web.render import flash, render

router = APIRouter(include_in_schema=False, dependencies=[CsrfChecked])

Name = Annotated[str, Path(pattern="^[a-z_]{1,20}$")]
EntryId = Annotated[int, Path(ge=1, le=MAX_ID)]
Filter = Annotated[str, Query(max_length=40)]
TITLES = {
    "villages": N_("Villages and street groups"),
    "institutions": N_("Cultural institutions"),
    "intangible": N_("Intangible heritage"),
    "happiness": N_("Happiness-index surveys"),
}
# where an entity's page is, to come back after attaching a file
PAGES = {
    "heritage_site": "/heritage",
    "village": "/registries/villages",
    "institution": "/registries/institutions",
    "intangible": "/registries/intangible",
    "survey": "/registries/happiness",
}


def _home_province(db, user) -> int | None:
    from kehoach.web.pages.heritage import _home_province as home

    return home(db, user)


def _registry(name: str):
    from kehoach.services.registries import registry

    return registry(name)


def _province_choice(db, user, form) -> int | None:
    province = _home_province(db, user)
    if province is None and str(form.get("province") or "").isdigit():
        province = int(str(form.get("province")))
    return province


def _choices(db, user, reg, province: int | None) -> dict:
    """What the forms offer: the province's communes and villages, the provinces to choose."""
    from kehoach.services.jurisdictions import list_communes
    from kehoach.services.registry import list_entries
    from kehoach.services.villages import REGISTRY as VILLAGES

    needs_villages = any(f.kind == "village" for f in reg.fields)
    return {
        "communes": list_communes(db, province) if province else [],
        "villages": list_entries(db, VILLAGES, user, jurisdiction_id=province)
        if province and needs_villages
        else [],
    }


def _list(request, db, user, name: str, params: dict, *, errors=None, problems=None,
          form=None, code=200, province: int | None = None) -> Response:  # fmt: skip
    from kehoach.services.jurisdictions import list_provinces
    from kehoach.services.registry import list_entries

    reg = _registry(name)
    filters = {f.key: params.get(f.key) or None for f in reg.filters}
    commune = params.get("commune") or ""
    chosen = params.get("province") or ""
    province = province or _home_province(db, user) or (int(chosen) if chosen.isdigit() else None)
    entries = list_entries(
        db, reg, user, q=params.get("q") or None, jurisdiction_id=province,
        commune_id=int(commune) if commune.isdigit() else None, **filters,
    )  # fmt: skip
    can_keep = user is not None and user.role in ("admin", "officer")
    choices = _choices(db, user, reg, province)
    return render(
        request,
        "registry.html",
        {
            "title": _(TITLES[name]),
            "section": "map",
            "name": name,
            "reg": reg,
            "entries": entries,
            "params": params,
            "province": province,
            "all_provinces": [p for p in list_provinces(db) if not p.national]
            if _home_province(db, user) is None
            else [],
            "can_keep": can_keep and province is not None,
            "errors": {k: vi_message(v) for k, v in (errors or {}).items()},
            "problems": [(r, vi_message(m)) for r, m in problems or []],
            "form": form or {},
            "titles": TITLES,
            **choices,
        },
        status_code=code,
    )


@router.get("/registries/{name}")
def registry_page(request: Request, name: Name, db: Db, user: OptionalUser,
                  q: Filter = "", commune: Filter = "",
                  province: Filter = "") -> Response:  # fmt: skip
    """A registry's entries the caller may read (searched, filtered, per commune)."""
    reg = _registry(name)
    params = {"q": q, "commune": commune, "province": province}
    for f in reg.filters:
        params[f.key] = str(request.query_params.get(f.key, ""))[:40]
    return _list(request, db, user, name, params)


async def _form(request: Request, reg) -> dict:
    form = await request.form()
    data: dict[str, object] = {}
    for f in reg.fields:
        if f.kind == "communes":  # ids from the form: ints (a table gives codes or names)
            data[f.key] = [int(str(v)) for v in form.getlist(f.key) if str(v).isdigit()]
        elif f.kind in ("commune", "village"):
            text = str(form.get(f.key) or "")
            data[f.key] = int(text) if text.isdigit() and len(text) < 10 else ""
        elif f.kind == "bool":
            data[f.key] = bool(form.get(f.key))
        else:
            data[f.key] = str(form.get(f.key) or "")[:2000]
    data["public"] = bool(form.get("public"))
    return data


@router.post("/registries/{name}")
async def add_entry(request: Request, name: Name, db: Db, user: CurrentUser) -> Response:
    """Add an entry to the officer's province."""
    from kehoach.services.registry import save_entry

    reg = _registry(name)
    data = await _form(request, reg)
    province = _province_choice(db, user, await request.form())
    try:
        entry = save_entry(db, reg, user, data, jurisdiction_id=province)
    except ValidationError as exc:
        db.rollback()
        return _list(request, db, user, name, {}, errors={exc.field or "name": exc.message},
                     form=data, code=422, province=province)  # fmt: skip
    flash(request, _("Saved."))
    return RedirectResponse(f"/registries/{name}/{entry.id}", 303)


@router.post("/registries/{name}/import")
async def import_entries(
    request: Request, name: Name, db: Db, user: CurrentUser, file: Annotated[UploadFile, File()]
) -> Response:
    """Entries from an XLSX/CSV table; one bad row rejects the file, nothing is saved."""
    from kehoach.services.registry import import_entries as read

    reg = _registry(name)
    province = _province_choice(db, user, await request.form())
    if province is None:
        raise ValidationError("choose the province", field="province")
    try:
        count = read(db, reg, user, province, await file.read(), file.filename or "")
    except RowsRejected as exc:
        db.rollback()
        return _list(request, db, user, name, {}, problems=exc.problems, code=422,
                     province=province)  # fmt: skip
    except ValidationError as exc:
        db.rollback()
        return _list(request, db, user, name, {}, errors={"file": exc.message}, code=422,
                     province=province)  # fmt: skip
    flash(request, _("%(n)s entries added.") % {"n": count})
    return RedirectResponse(f"/registries/{name}?province={province}", 303)


def _entry_page(request, db, user, name: str, entry_id: int, *, errors=None,
                code=200) -> Response:  # fmt: skip
    from kehoach.services import registry_files
    from kehoach.services.heritage import may_keep
    from kehoach.services.registry import get_entry, history

    reg = _registry(name)
    entry = get_entry(db, reg, entry_id, user)
    can_keep = may_keep(db, entry.jurisdiction_id, user) if user else False
    return render(
        request,
        "registry_entry.html",
        {
            "title": entry.title,
            "section": "map",
            "name": name,
            "reg": reg,
            "entry": entry,
            "history": history(db, reg, entry_id, user),
            "files": registry_files.list_files(db, reg.entity, entry_id, user),
            "can_keep": can_keep,
            "errors": {k: vi_message(v) for k, v in (errors or {}).items()},
            "titles": TITLES,
            **(_choices(db, user, reg, entry.jurisdiction_id) if can_keep else {}),
        },
        status_code=code,
    )


@router.get("/registries/{name}/{entry_id}")
def entry_page(request: Request, name: Name, entry_id: EntryId, db: Db,
               user: OptionalUser) -> Response:  # fmt: skip
    """One entry: its record, the officer's form, its files and history."""
    return _entry_page(request, db, user, name, entry_id)


@router.post("/registries/{name}/{entry_id}")
async def change_entry(request: Request, name: Name, entry_id: EntryId, db: Db,
                       user: CurrentUser) -> Response:  # fmt: skip
    """Change an entry; every changed field is kept in its history."""
    from kehoach.services.registry import save_entry

    reg = _registry(name)
    data = await _form(request, reg)
    try:
        save_entry(db, reg, user, data, entry_id=entry_id)
    except ValidationError as exc:
        db.rollback()
        return _entry_page(request, db, user, name, entry_id,
                           errors={exc.field or "name": exc.message}, code=422)  # fmt: skip
    flash(request, _("Saved."))
    return RedirectResponse(f"/registries/{name}/{entry_id}", 303)


@router.post("/files/{entity}/{entity_id}")
async def attach(request: Request, entity: Name, entity_id: EntryId, db: Db, user: CurrentUser,
                 settings: AppSettings, file: Annotated[UploadFile, File()]) -> Response:  # fmt: skip
    """Attach a photo or document to a registry entry."""
    from kehoach.services import registry_files

    if entity not in PAGES:
        raise NotFound("no registry named {name}", name=entity)
    data = await file.read(settings.max_attachment_bytes + 1)
    registry_files.add_file(db, user, entity, entity_id, file.filename or "", data, settings)
    flash(request, _("The file was attached."))
    return RedirectResponse(f"{PAGES[entity]}/{entity_id}", 303)


@router.get("/files/{file_id}")
def registry_file(file_id: EntryId, db: Db, user: OptionalUser, settings: AppSettings) -> Response:
    """A registry entry's file (images shown in the page, other files downloaded)."""
    from kehoach.services import registry_files

    path, f = registry_files.open_file(db, file_id, user, settings)
    disposition = "inline" if f.image else "attachment"
    return FileResponse(path, media_type=f.content_type, filename=f.name,
                        content_disposition_type=disposition)  # fmt: skip


def _units_page(request, db, user, province: int | None, *, errors=None,
                code=200) -> Response:  # fmt: skip
    from kehoach.services import unit_changes
    from kehoach.services.jurisdictions import list_communes, list_provinces

    home = _home_province(db, user)
    province = home or province
    return render(
        request,
        "unit_changes.html",
        {
            "title": _("Merged and renamed communes"),
            "section": "map",
            "province": province,
            "all_provinces": [p for p in list_provinces(db) if not p.national]
            if home is None
            else [],
            "changes": unit_changes.list_changes(db, province) if province else [],
            "communes": list_communes(db, province) if province else [],
            "can_keep": user is not None and user.role in ("admin", "officer"),
            "errors": {k: vi_message(v) for k, v in (errors or {}).items()},
        },
        status_code=code,
    )


@router.get("/units")
def units_page(request: Request, db: Db, user: CurrentUser, province: Filter = "") -> Response:
    """The merges and renames of a province's communes, and the forms to record one."""
    return _units_page(request, db, user, int(province) if province.isdigit() else None)


def _day(text: str) -> dt.date:
    from kehoach.services.registry import day

    found = day(text, "Ngày hiệu lực")
    if found is None:
        raise ValidationError("{heading} is required", field="effective", heading="Ngày hiệu lực")
    return found


@router.post("/units/merge")
async def merge(request: Request, db: Db, user: CurrentUser) -> Response:
    """Record a merge: communes A, B → C from a date."""
    from kehoach.services import unit_changes

    form = await request.form()
    try:
        ids = [int(str(v)) for v in form.getlist("from_ids") if str(v).isdigit()]
        into = str(form.get("into_id") or "")
        if not into.isdigit():
            raise ValidationError("choose the commune they were merged into", field="into_id")
        unit_changes.merge_units(db, user, ids, int(into), _day(str(form.get("effective") or "")),
                                 str(form.get("decision") or "")[:500])  # fmt: skip
    except ValidationError as exc:
        db.rollback()
        return _units_page(request, db, user, _posted_province(form), errors={"merge": exc.message},
                           code=422)  # fmt: skip
    flash(request, _("Saved."))
    return RedirectResponse(f"/units?province={_posted_province(form) or ''}", 303)


@router.post("/units/rename")
async def rename(request: Request, db: Db, user: CurrentUser) -> Response:
    """Record a commune's new name."""
    from kehoach.services import unit_changes

    form = await request.form()
    try:
        unit = str(form.get("unit_id") or "")
        if not unit.isdigit():
            raise ValidationError("choose the commune", field="unit_id")
        unit_changes.rename_unit(db, user, int(unit), str(form.get("name") or "")[:200],
                                 _day(str(form.get("effective") or "")),
                                 str(form.get("decision") or "")[:500])  # fmt: skip
    except ValidationError as exc:
        db.rollback()
        return _units_page(request, db, user, _posted_province(form),
                           errors={"rename": exc.message}, code=422)  # fmt: skip
    flash(request, _("Saved."))
    return RedirectResponse(f"/units?province={_posted_province(form) or ''}", 303)


def _posted_province(form) -> int | None:
    text = str(form.get("province") or "")
    return int(text) if text.isdigit() else None
