"""An agency's page for the period: all its tasks of a plan in one form, kept as a draft
until submitted; the agency's own report (.docx) attached to the period."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import FileResponse, RedirectResponse, Response

from kehoach.errors import ValidationError
from kehoach.web.api.inputs import MAX_ID, PlanId
from kehoach.web.auth import CsrfChecked
from kehoach.web.deps import AppSettings, CurrentUser, Db, OptionalUser
from kehoach.web.i18n import _
from kehoach.web.render import flash, render

router = APIRouter(include_in_schema=False, dependencies=[CsrfChecked])

FIELDS = ("status", "percent", "done_text", "difficulties", "proposals", "reason")
PeriodQ = Annotated[str | None, Query(max_length=10)]
AgencyQ = Annotated[int | None, Query(ge=1, le=MAX_ID)]


def _page(request, db, user, plan_id, agency, period, *, errors=None, status_code=200):
    from kehoach.services.period_sheets import get_period_sheet, sheet_periods
    from kehoach.services.plans import get_plan

    sheet = get_period_sheet(db, plan_id, user, agency_id=agency, period=period)
    detail = get_plan(db, plan_id, user=user)
    return render(
        request,
        "period_sheet.html",
        {
            "title": _("Report for the period"),
            "section": "my-unit",
            "sheet": sheet,
            "plan": detail.plan,
            "periods": sheet_periods(db, plan_id),
            "errors": errors or {},
            "agency_q": f"&agency={agency}" if agency and user.role != "reporter" else "",
        },
        status_code=status_code,
    )


@router.get("/plans/{plan_id}/period-sheet")
def period_sheet_page(
    request: Request,
    plan_id: PlanId,
    db: Db,
    user: CurrentUser,
    period: PeriodQ = None,
    agency: AgencyQ = None,
) -> Response:
    """The agency's tasks of the plan for the period, with what it has written so far."""
    return _page(request, db, user, plan_id, agency, period)


@router.post("/plans/{plan_id}/period-sheet")
async def save_period_sheet(
    request: Request, plan_id: PlanId, db: Db, user: CurrentUser
) -> Response:
    """Save the page as a draft, or submit it (one report per task with a status)."""
    from starlette.concurrency import run_in_threadpool

    from kehoach.services import period_sheets

    settings = request.app.state.settings
    form = await request.form()
    upload = form.get("file")
    data, filename = b"", ""
    if upload is not None and not isinstance(upload, str) and upload.filename:
        data = await upload.read(settings.max_attachment_bytes + 1)
        filename = upload.filename
    period = str(form.get("period") or "")[:10] or None
    agency = _int(form.get("agency"))
    submit = form.get("action") == "submit"
    entries: dict[int, dict] = {}
    for key, value in form.multi_items():
        name, _sep, task = str(key).rpartition("-")
        if name in FIELDS and task.isdigit() and len(task) < 10:
            entries.setdefault(int(task), {})[name] = str(value)[:20_000]

    def work() -> Response:
        where = f"/plans/{plan_id}/period-sheet?period={period or ''}"
        where += f"&agency={agency}" if agency and user.role != "reporter" else ""
        try:
            period_sheets.save_period_sheet(
                db, plan_id, user, entries, agency_id=agency, period=period, submit=submit
            )
            if filename:
                period_sheets.attach_period_file(
                    db,
                    plan_id,
                    user,
                    filename,
                    data,
                    agency_id=agency,
                    period=period,
                    settings=settings,
                )
        except ValidationError as exc:
            db.rollback()  # nothing filed; keep what was typed as the draft
            period_sheets.save_period_sheet(
                db, plan_id, user, _without_bad(entries, exc), agency_id=agency, period=period
            )
            db.commit()
            return _page(
                request,
                db,
                user,
                plan_id,
                agency,
                period,
                errors={exc.field or "form": _(exc.message)},
                status_code=422,
            )
        flash(request, _("The report was submitted.") if submit else _("The draft was saved."))
        return RedirectResponse(where, status_code=303)

    return await run_in_threadpool(work)


def _int(value) -> int | None:
    try:
        number = int(str(value)) if value else None
    except ValueError:
        return None
    return number if number and 0 < number <= MAX_ID else None


def _without_bad(entries: dict[int, dict], exc: ValidationError) -> dict[int, dict]:
    """The entries minus the value that was refused as a draft value (a bad percent)."""
    field = exc.field or ""
    name, _sep, task = field.rpartition("-")
    if name == "percent" and task.isdigit() and int(task) in entries:
        entries = {**entries, int(task): {**entries[int(task)], "percent": ""}}
    if name == "status" and task.isdigit() and int(task) in entries:
        entries = {**entries, int(task): {**entries[int(task)], "status": ""}}
    return entries


@router.post("/plans/{plan_id}/period-sheet/file")
async def attach_file(
    request: Request,
    plan_id: PlanId,
    db: Db,
    user: CurrentUser,
    settings: AppSettings,
    file: Annotated[UploadFile, File()],
    period: Annotated[str, Form(max_length=10)] = "",
    agency: Annotated[str, Form(max_length=12)] = "",
) -> Response:
    """Attach the agency's own report (.docx) to the period."""
    from starlette.concurrency import run_in_threadpool

    from kehoach.services import period_sheets

    data = await file.read(settings.max_attachment_bytes + 1)
    agency_id = _int(agency)
    await run_in_threadpool(
        period_sheets.attach_period_file,
        db,
        plan_id,
        user,
        file.filename or "report.docx",
        data,
        agency_id=agency_id,
        period=period or None,
        settings=settings,
    )
    flash(request, _("The file was attached."))
    where = f"/plans/{plan_id}/period-sheet?period={period}"
    where += f"&agency={agency_id}" if agency_id and user.role != "reporter" else ""
    return RedirectResponse(where, status_code=303)


@router.get("/period-files/{file_id}")
def download(
    file_id: int,
    db: Db,
    user: OptionalUser,
    settings: AppSettings,
) -> Response:
    """Download an agency's period report file."""
    from kehoach.errors import NotFound
    from kehoach.services.period_sheets import DOCX_TYPE, open_period_file

    if not 0 < file_id <= MAX_ID:
        raise NotFound("No such file.")
    path, view = open_period_file(db, file_id, user, settings)
    return FileResponse(path, media_type=DOCX_TYPE, filename=view.name)
