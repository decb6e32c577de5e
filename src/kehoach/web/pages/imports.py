""" "Nhập kế hoạch": upload a document, review what was read beside its text, correct, confirm."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from kehoach.errors import InputError, ValidationError
from kehoach.web.auth import CsrfChecked
from kehoach.web.deps import AppSettings, Db, Officer
from kehoach.web.i18n import _
from kehoach.web.render import flash, render

router = APIRouter(include_in_schema=False, dependencies=[CsrfChecked])

MAX_UPLOAD = 20 * 1024 * 1024


def _upload_form(request: Request, error: str | None = None, status_code: int = 200) -> Response:
    return render(
        request,
        "import.html",
        {
            "title": _("Import plan"),
            "section": "import",
            "errors": {"file": error} if error else {},
        },
        status_code=status_code,
    )


@router.get("/import")
def import_page(request: Request, user: Officer) -> Response:
    """The upload form."""
    return _upload_form(request)


@router.post("/import")
async def upload(
    request: Request,
    user: Officer,
    settings: AppSettings,
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    """Read the uploaded document (nothing stored yet) and show it for review."""
    from kehoach.services import importing, web_support

    if file is None or not file.filename:
        return _upload_form(request, _("Choose a document to upload."), 422)
    data = await file.read(MAX_UPLOAD + 1)
    try:
        token = web_support.stage_upload(settings.data_dir, data, file.filename)
        record = await run_in_threadpool(importing.preview_import, data, file.filename)
        lines = await run_in_threadpool(web_support.source_lines, data, file.filename)
    except (ValidationError, InputError) as exc:
        return _upload_form(request, _(exc.message), 422)
    return _review(request, token, record, lines, {})


def _review(request, token, record, lines, errors, status_code=200) -> Response:
    return render(
        request,
        "import_review.html",
        {
            "title": _("Review the plan"),
            "section": "import",
            "token": token,
            "record": record,
            "lines": lines,
            "errors": errors,
            # fields OCR was unsure of, by field path (`tasks[3].lead`)
            "doubts": {d.field: d for d in record.ocr.low_confidence} if record.ocr else {},
        },
        status_code=status_code,
    )


@router.get("/import/{token}/page/{page}.png")
def page_picture(
    user: Officer, settings: AppSettings, token: str, page: int, box: str = "0,0,0,0"
) -> Response:
    """The part of a scanned page a doubtful field was read from, for the review page."""
    from kehoach.services import web_support

    png = web_support.page_picture(settings.data_dir, token, page, box)
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})


@router.post("/import/confirm")
async def confirm(request: Request, db: Db, user: Officer, settings: AppSettings) -> Response:
    """Store the reviewed record (all of it or nothing) and open the plan."""
    from kehoach.services import importing, web_support

    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    token = form.pop("token", "")
    data, name = web_support.load_upload(settings.data_dir, token)
    record = await run_in_threadpool(importing.preview_import, data, name)

    def store():
        try:
            reviewed = web_support.apply_review(record, form)
            return importing.import_record(db, reviewed, user), None
        except ValidationError as exc:
            db.rollback()
            return None, exc

    result, error = await run_in_threadpool(store)
    if error is not None:
        lines = web_support.source_lines(data, name)
        return _review(
            request,
            token,
            record,
            lines,
            {error.field or "form": _(error.message)},
            status_code=422,
        )
    web_support.discard_upload(settings.data_dir, token)
    messages = {
        "created": _("The plan was imported."),
        "unchanged": _("This file was imported before; nothing changed."),
        "updated": _("The plan was updated; reported progress was kept."),
    }
    flash(request, messages.get(result.outcome, _("The plan was imported.")))
    return RedirectResponse(f"/plans/{result.plan_id}", status_code=303)
