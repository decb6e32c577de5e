"""The task page: details, agencies, status, report history, report form, officer actions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import FileResponse, RedirectResponse, Response

from kehoach.errors import ValidationError
from kehoach.web.api.inputs import MAX_ID, TaskId
from kehoach.web.auth import CsrfChecked
from kehoach.web.deps import AppSettings, CurrentUser, Db, Officer, On, OptionalUser, check_year
from kehoach.web.i18n import _, error_text, vnumber
from kehoach.web.render import flash, render

router = APIRouter(include_in_schema=False, dependencies=[CsrfChecked])

LongText = Annotated[str, Form(max_length=20_000)]
ShortText = Annotated[str, Form(max_length=200)]


def task_page(
    request: Request,
    db,
    user,
    task_id: int,
    on: dt.date,
    *,
    errors: dict[str, str] | None = None,
    form: dict[str, Any] | None = None,
    status_code: int = 200,
) -> Response:
    """Render the task page (also after a rejected form, with the errors beside the fields)."""
    from kehoach.services import tasks, users

    detail = tasks.get_task(db, task_id, user=user, on=on)
    may_report = user is not None and users.can_report(user, detail)
    return render(
        request,
        "task.html",
        {
            "title": detail.row.text[:80],
            "section": "plans",
            "detail": detail,
            "t": detail.row,
            "on": on,
            "errors": errors or {},
            "form": form or {},
            "may_report": may_report,
            "may_edit": user is not None and users.can_edit_plan(user),
        },
        status_code=status_code,
    )


@router.get("/tasks/{task_id}")
def show_task(request: Request, task_id: TaskId, db: Db, user: OptionalUser, on: On) -> Response:
    """The task page."""
    return task_page(request, db, user, task_id, on)


@router.post("/tasks/{task_id}/reports")
async def submit_report(
    request: Request,
    task_id: TaskId,
    db: Db,
    user: CurrentUser,
    on: On,
    settings: AppSettings,
    status: ShortText = "",
    percent: ShortText = "",
    period: ShortText = "",
    agency_id: ShortText = "",
    done_text: LongText = "",
    difficulties: LongText = "",
    proposals: LongText = "",
    reason: LongText = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    """Submit a report (and its attachment) in one transaction; show errors next to the fields."""
    from starlette.concurrency import run_in_threadpool

    form = {
        "status": status,
        "percent": percent,
        "period": period,
        "agency_id": agency_id,
        "done_text": done_text,
        "difficulties": difficulties,
        "proposals": proposals,
        "reason": reason,
    }
    data = b""
    if file is not None and file.filename:
        data = await file.read(settings.max_attachment_bytes + 1)

    def work() -> Response:
        try:
            _save_report(db, user, task_id, form, file.filename if file else None, data, settings)
        except ValidationError as exc:
            db.rollback()  # all of it or none: a rejected attachment drops the report too
            errors = {exc.field or "form": error_text(exc)}
            return task_page(
                request, db, user, task_id, on, errors=errors, form=form, status_code=422
            )
        flash(request, _("Your report was saved."))
        return RedirectResponse(f"/tasks/{task_id}", status_code=303)

    return await run_in_threadpool(work)


def _parse_percent(text: str) -> int | None:
    text = text.strip().rstrip("%").strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise ValidationError(
            "Enter the percent done as a whole number from 0 to 100.", field="percent"
        ) from None


def _parse_id(text: str, field: str) -> int | None:
    if not text.strip():
        return None
    try:
        value = int(text)
    except ValueError:
        raise ValidationError("Choose one from the list.", field=field) from None
    if not 0 < value <= MAX_ID:
        raise ValidationError("Choose one from the list.", field=field)
    return value


def _save_report(db, user, task_id, form, filename, data, settings) -> None:
    from kehoach.services import reports

    if data and len(data) > settings.max_attachment_bytes:
        limit = vnumber(round(settings.max_attachment_bytes / 2**20, 2))
        raise ValidationError("The file is larger than {mb} MB.", field="file", mb=limit)
    report = reports.submit_report(
        db,
        task_id=task_id,
        user=user,
        status=form["status"],
        percent=_parse_percent(form["percent"]),
        period=form["period"] or None,
        agency_id=_parse_id(form["agency_id"], "agency_id"),
        done_text=form["done_text"],
        difficulties=form["difficulties"],
        proposals=form["proposals"],
        reason=form["reason"],
    )
    if filename:
        reports.add_attachment(db, report.id, user, filename, data, settings)


@router.post("/tasks/{task_id}/extend")
def extend_deadline(
    request: Request,
    task_id: TaskId,
    db: Db,
    user: Officer,
    on: On,
    new_end: ShortText = "",
    reason: LongText = "",
) -> Response:
    """Extend the deadline with a reason (the original deadline is kept)."""
    from kehoach.services import tasks

    def act() -> None:
        try:
            end = dt.date.fromisoformat(new_end.strip())
        except ValueError:
            raise ValidationError("Enter the new deadline as a date.", field="new_end") from None
        check_year(end, "new_end")
        tasks.extend_deadline(db, task_id, end, reason, user)

    return _officer_action(
        request,
        db,
        user,
        task_id,
        on,
        act,
        done=_("The deadline was extended."),
        form={"new_end": new_end, "ext_reason": reason},
        field_of=lambda f: "ext_reason" if f == "reason" else (f or "new_end"),
    )


@router.post("/tasks/{task_id}/override")
def override_status(
    request: Request,
    task_id: TaskId,
    db: Db,
    user: Officer,
    on: On,
    status: ShortText = "",
    reason: LongText = "",
    clear: ShortText = "",
) -> Response:
    """Set the status by hand with a reason, or go back to the computed status."""
    from kehoach.services import tasks

    if clear:
        tasks.clear_override(db, task_id, user)
        flash(request, _("The status is computed again."))
        return RedirectResponse(f"/tasks/{task_id}", status_code=303)
    return _officer_action(
        request,
        db,
        user,
        task_id,
        on,
        lambda: tasks.override_status(db, task_id, status, reason, user),
        done=_("The status was set."),
        form={"ovr_status": status, "ovr_reason": reason},
        field_of=lambda f: {"reason": "ovr_reason", "status": "ovr_status"}.get(
            f or "", "ovr_status"
        ),
    )


@router.post("/tasks/{task_id}/correct")
def correct_task(
    request: Request,
    task_id: TaskId,
    db: Db,
    user: Officer,
    on: On,
    field: ShortText = "",
    value: LongText = "",
) -> Response:
    """Correct an extracted field of the task (kept as a revision with who and when)."""
    from kehoach.services import plans, tasks

    tasks.get_task(db, task_id, user=user)
    parsed: Any = value
    if field in ("lead", "coordinating", "directing"):
        parsed = [part.strip() for part in value.replace("\n", ";").split(";") if part.strip()]
    return _officer_action(
        request,
        db,
        user,
        task_id,
        on,
        lambda: plans.correct_field(db, "task", task_id, field, parsed, user),
        done=_("The correction was saved."),
        form={"correct_field": field, "correct_value": value},
        field_of=lambda f: "correct",
    )


def _officer_action(
    request: Request,
    db,
    user,
    task_id: int,
    on,
    action: Callable[[], object],
    *,
    done: str,
    form: dict[str, str],
    field_of: Callable[[str | None], str],
) -> Response:
    """Run an officer's change to a task: on success a message and back to the task; on a
    rejected value nothing is kept and the page comes back with the message by its field."""
    try:
        action()
    except ValidationError as exc:
        db.rollback()
        return task_page(
            request,
            db,
            user,
            task_id,
            on,
            errors={field_of(exc.field): error_text(exc)},
            form=form,
            status_code=422,
        )
    flash(request, done)
    return RedirectResponse(f"/tasks/{task_id}", status_code=303)


@router.get("/attachments/{attachment_id}")
def download(attachment_id: int, db: Db, user: OptionalUser, settings: AppSettings) -> Response:
    """Download an attachment (same visibility as its task)."""
    from kehoach.errors import NotFound
    from kehoach.services import reports

    if not 0 < attachment_id <= MAX_ID:
        raise NotFound("No such attachment.")
    path, att = reports.open_attachment(db, attachment_id, user=user, settings=settings)
    return FileResponse(
        path, media_type=att.content_type or "application/octet-stream", filename=att.name
    )
