"""`/api/tasks/{id}/reports` and attachments: progress reports, append-only."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Path, UploadFile
from fastapi.responses import FileResponse

from kehoach.web.api.inputs import MAX_ID, ReportId, ReportIn, TaskId
from kehoach.web.api.schemas import ERRORS, AttachmentOut, ReportOut
from kehoach.web.auth import CsrfChecked
from kehoach.web.deps import AppSettings, CurrentUser, Db, OptionalUser

router = APIRouter(tags=["reports"], responses=ERRORS, dependencies=[CsrfChecked])


@router.get("/tasks/{task_id}/reports", response_model=list[ReportOut])
def report_history(task_id: TaskId, db: Db, user: OptionalUser) -> list[ReportOut]:
    """Every report on the task, newest first, all versions."""
    from kehoach.services import reports

    return [ReportOut.model_validate(r) for r in reports.report_history(db, task_id, user=user)]


@router.post("/tasks/{task_id}/reports", response_model=ReportOut, status_code=201)
def submit_report(task_id: TaskId, body: ReportIn, db: Db, user: CurrentUser) -> ReportOut:
    """Submit progress for a period (a second report for the same period is a new version)."""
    from kehoach.services import reports

    report = reports.submit_report(
        db,
        task_id=task_id,
        user=user,
        status=body.status,
        percent=body.percent,
        period=body.period,
        agency_id=body.agency_id,
        done_text=body.done_text,
        difficulties=body.difficulties,
        proposals=body.proposals,
        reason=body.reason,
    )
    return ReportOut.model_validate(report)


@router.post("/reports/{report_id}/attachments", response_model=AttachmentOut, status_code=201)
async def add_attachment(
    report_id: ReportId,
    db: Db,
    user: CurrentUser,
    settings: AppSettings,
    file: Annotated[UploadFile, File(description="Evidence: pdf, docx, xlsx, jpg, png")],
) -> AttachmentOut:
    """Attach a file to a report (size- and type-checked)."""
    from starlette.concurrency import run_in_threadpool

    from kehoach.errors import ValidationError
    from kehoach.services import reports

    data = await file.read(settings.max_attachment_bytes + 1)
    if len(data) > settings.max_attachment_bytes:
        limit = settings.max_attachment_bytes // (1024 * 1024)
        raise ValidationError("The file is larger than {mb} MB.", field="file", mb=limit)
    attachment = await run_in_threadpool(
        reports.add_attachment, db, report_id, user, file.filename or "file", data, settings
    )
    return AttachmentOut.model_validate(attachment)


@router.get("/attachments/{attachment_id}", response_class=FileResponse)
def open_attachment(
    attachment_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    db: Db,
    user: OptionalUser,
    settings: AppSettings,
) -> FileResponse:
    """Download an attachment (same visibility as its task)."""
    from kehoach.services import reports

    path, att = reports.open_attachment(db, attachment_id, user=user, settings=settings)
    return FileResponse(
        path, media_type=att.content_type or "application/octet-stream", filename=att.name
    )
