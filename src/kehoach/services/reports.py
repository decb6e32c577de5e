"""Progress reports: submit (append-only versions), history, attachments."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kehoach.errors import N_, Conflict, NotFound, PermissionDenied, ValidationError
from kehoach.services import audit, search
from kehoach.services.periods import current_period, local_day, period_by_code
from kehoach.services.types import UserView
from kehoach.services.visibility import may_edit_plan, task_condition
from kehoach.store.tables import (
    Agency,
    Attachment,
    ProgressReport,
    ReportingDuty,
    Task,
    TaskAgency,
    User,
)
from kehoach.text.numbers import format_number

REPORT_STATUSES = ("chua_trien_khai", "dang_trien_khai", "hoan_thanh", "khong_thuc_hien")
MAX_TEXT = 20_000
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "jpg": "image/jpeg",
    "png": "image/png",
}
MAGIC = {
    "pdf": (b"%PDF",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "jpg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
}


@dataclass(frozen=True)
class AttachmentView:
    id: int
    report_id: int
    name: str
    content_type: str
    size: int
    sha256: str
    uploaded_at: datetime


@dataclass(frozen=True)
class ReportView:
    id: int
    task_id: int
    agency_id: int
    agency_name: str
    role: str
    period: str
    status: str
    percent: int | None
    done_text: str
    difficulties: str
    proposals: str
    reason: str
    submitted_at: datetime
    submitted_by: str | None
    version: int
    supersedes_id: int | None
    late: bool
    attachments: list[AttachmentView] = field(default_factory=list)


def plan_duties(session: Session, plan_id: int) -> list[tuple[str, str | None]]:
    """A plan's reporting duties as (every, due) pairs, what `services.periods` reads."""
    return [
        (e, d)
        for e, d in session.execute(
            select(ReportingDuty.every, ReportingDuty.due).where(ReportingDuty.plan_id == plan_id)
        )
    ]


def _visible_task(session: Session, task_id: int, user: UserView | None) -> Task:
    task = session.scalar(select(Task).where(Task.id == task_id, task_condition(user)))
    if task is None:
        raise NotFound("no task with id {task_id}", task_id=task_id)
    return task


def _percent(value, status: str) -> int | None:
    if value is None or value == "":
        return {"hoan_thanh": 100, "chua_trien_khai": 0}.get(status)
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValidationError("the percent done must be a whole number", field="percent") from None
    if not 0 <= number <= 100:
        raise ValidationError("the percent done must be between 0 and 100", field="percent")
    return number


# the only percent a declared status allows, and what to say when a report says otherwise
PERCENT_OF_STATUS = {
    "hoan_thanh": (
        100,
        N_(
            "the status says completed but the percent done is {percent}%; "
            "set the percent to 100 or choose the status 'under way'"
        ),
    ),
    "chua_trien_khai": (
        0,
        N_(
            "the status says not yet started but the percent done is {percent}%; "
            "set the percent to 0 or choose the status 'under way'"
        ),
    ),
}


def _check_percent_agrees(status: str, percent: int | None) -> None:
    """Refuse a report that says two things: `Completed` at 40%, `Not yet started` at 60%."""
    expected, message = PERCENT_OF_STATUS.get(status, (None, ""))
    if percent is not None and expected is not None and percent != expected:
        raise ValidationError(message, field="percent", percent=percent)


def _text(value: str | None, name: str) -> str:
    value = (value or "").strip()
    if len(value) > MAX_TEXT:
        raise ValidationError("at most {count} characters", field=name, count=MAX_TEXT)
    return value


def _agency_for(user: UserView, agency_id: int | None, leads: list[int], coords: list[int]):
    if user.role == "reporter":
        if agency_id is not None and agency_id != user.agency_id:
            raise PermissionDenied("an agency reporter can only report for its own agency")
        agency_id = user.agency_id
        if agency_id not in leads and agency_id not in coords:
            raise PermissionDenied("your agency is not assigned to this task")
        return agency_id
    if user.role not in ("admin", "officer"):
        raise PermissionDenied("only the assigned agency or a plan officer can report")
    if agency_id is None:
        if not leads:
            raise ValidationError("this task has no lead agency; choose one", field="agency_id")
        return leads[0]
    if agency_id not in leads and agency_id not in coords:
        raise ValidationError("this agency is not assigned to the task", field="agency_id")
    return agency_id


def submit_report(
    session: Session,
    *,
    task_id: int,
    user: UserView,
    status: str,
    percent: int | str | None = None,
    period: str | None = None,
    agency_id: int | None = None,
    done_text: str = "",
    difficulties: str = "",
    proposals: str = "",
    reason: str = "",
    now: datetime | None = None,
) -> ReportView:
    """Record one agency's progress on a task for a period (a new version if one exists)."""
    if user is None or not user.active:
        raise PermissionDenied("log in to report")
    now = now or datetime.now(UTC)
    task = _visible_task(session, task_id, user)
    if not task.active:
        raise Conflict(
            "this task is no longer in the plan (a newer version of the document dropped it); "
            "its history is kept but it takes no new reports"
        )
    roles = session.execute(
        select(TaskAgency.agency_id, TaskAgency.role, Agency.kind)
        .join(Agency, Agency.id == TaskAgency.agency_id)
        .where(TaskAgency.task_id == task_id)
        .order_by(TaskAgency.position)
    ).all()
    leads = [a for a, r, kind in roles if r == "lead" and kind == "agency"]
    coords = [a for a, r, kind in roles if r == "coordinating" and kind == "agency"]
    if user.role != "reporter" and not may_edit_plan(session, task.plan_id, user):
        raise PermissionDenied("only an officer of the plan's jurisdiction can report for it")
    agency_id = _agency_for(user, agency_id, leads, coords)
    if not status:
        raise ValidationError("choose the status of the task", field="status")
    if status not in REPORT_STATUSES:
        raise ValidationError(
            "status must be one of {statuses}", field="status", statuses=REPORT_STATUSES
        )
    pct = _percent(percent, status)
    reason = _text(reason, "reason")
    _check_percent_agrees(status, pct)
    if status == "khong_thuc_hien" and not reason:
        raise ValidationError("give the reason why the task is not carried out", field="reason")
    duties = plan_duties(session, task.plan_id)
    today = local_day(now)
    p = period_by_code(duties, period) if period else current_period(duties, today)
    if today >= p.closes:
        raise ValidationError(
            "the reporting period {period} closed on {closed}; "
            "report for the current period {current}",
            field="period",
            period=p.code,
            closed=p.closes,
            current=current_period(duties, today).code,
        )
    if today < p.start:
        raise ValidationError(
            "the reporting period {period} starts on {start}",
            field="period",
            period=p.code,
            start=p.start,
        )
    previous = session.scalar(
        select(ProgressReport)
        .where(
            ProgressReport.task_id == task_id,
            ProgressReport.agency_id == agency_id,
            ProgressReport.period == p.code,
        )
        .order_by(ProgressReport.version.desc())
        .limit(1)
    )
    row = ProgressReport(
        task_id=task_id,
        agency_id=agency_id,
        role="lead" if agency_id in leads else "coordinating",
        period=p.code,
        status=status,
        percent=pct,
        done_text=_text(done_text, "done_text"),
        difficulties=_text(difficulties, "difficulties"),
        proposals=_text(proposals, "proposals"),
        reason=reason,
        submitted_at=now,
        submitted_by=user.id or None,
        version=previous.version + 1 if previous else 1,
        supersedes_id=previous.id if previous else None,
    )
    session.add(row)
    session.flush()
    search.index_report(session, row, task.plan_id)
    audit.record(session, user, "report", "task", task_id, f"{p.code} {status} v{row.version}")
    return _views(session, [row.id])[0]


def _views(session: Session, ids: list[int]) -> list[ReportView]:
    rows = session.execute(
        select(ProgressReport, Agency.name, User.username, Task.plan_id)
        .join(Agency, Agency.id == ProgressReport.agency_id)
        .join(Task, Task.id == ProgressReport.task_id)
        .outerjoin(User, User.id == ProgressReport.submitted_by)
        .where(ProgressReport.id.in_(ids))
        .order_by(ProgressReport.submitted_at.desc(), ProgressReport.id.desc())
    ).all()
    files: dict[int, list[AttachmentView]] = defaultdict(list)
    for a in session.scalars(
        select(Attachment).where(Attachment.report_id.in_(ids)).order_by(Attachment.id)
    ):
        files[a.report_id].append(_attachment_view(a))
    duties: dict[int, list] = {}
    out = []
    for r, agency, username, plan_id in rows:
        if plan_id not in duties:
            duties[plan_id] = plan_duties(session, plan_id)
        try:
            late = local_day(r.submitted_at) > period_by_code(duties[plan_id], r.period).due
        except ValidationError:
            late = False
        out.append(
            ReportView(
                r.id,
                r.task_id,
                r.agency_id,
                agency,
                r.role,
                r.period,
                r.status,
                r.percent,
                r.done_text,
                r.difficulties,
                r.proposals,
                r.reason,
                r.submitted_at,
                username,
                r.version,
                r.supersedes_id,
                late,
                files[r.id],
            )
        )
    return out


def report_history(
    session: Session, task_id: int, user: UserView | None = None
) -> list[ReportView]:
    """Every report version on a task, newest first."""
    from kehoach.services.types import SYSTEM

    _visible_task(session, task_id, user if user is not None else SYSTEM)
    ids = list(session.scalars(select(ProgressReport.id).where(ProgressReport.task_id == task_id)))
    return _views(session, ids)


def _attachment_view(a: Attachment) -> AttachmentView:
    return AttachmentView(
        a.id, a.report_id, a.name, a.content_type, a.size, a.sha256, a.uploaded_at
    )


def sanitize_name(name: str) -> str:
    """A safe file name: no folders, no control or shell characters, at most 120 characters."""
    name = unicodedata.normalize("NFC", name or "").replace("\\", "/").split("/")[-1]
    name = re.sub(r"[^\w.\- ()]+", "_", name).strip(" ._")
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    stem = stem[:100] or "file"
    return f"{stem}.{ext[:10]}" if ext else stem


def checked_upload(name: str, data: bytes, settings) -> tuple[str, str]:
    """The file's safe name and extension, once its type, size and content are acceptable
    (the same rules for report attachments and registry files)."""
    safe = sanitize_name(name)
    ext = safe.rpartition(".")[2].lower() if "." in safe else ""
    ext = "jpg" if ext == "jpeg" else ext
    allowed = tuple(settings.allowed_attachment_types)
    if ext not in allowed:
        raise ValidationError(
            "files of type '.{ext}' are not accepted; send {allowed}",
            field="file",
            ext=ext or "?",
            allowed=allowed,
        )
    if not data:
        raise ValidationError("the file is empty", field="file")
    limit = settings.max_attachment_bytes
    if len(data) > limit:
        raise ValidationError(
            "the file is {size} MB; the limit is {limit} MB",
            field="file",
            size=format_number(round(len(data) / 1048576, 1)),
            limit=format_number(round(limit / 1048576)),
        )
    if ext in MAGIC and not data.startswith(MAGIC[ext]):
        raise ValidationError("the file's content is not a .{ext} file", field="file", ext=ext)
    return safe, ext


def store_file(data: bytes, settings) -> str:
    """Keep a file's bytes once per content in the attachments folder; its sha256."""
    sha = hashlib.sha256(data).hexdigest()
    folder = Path(settings.attachments_dir)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / sha
    if not target.exists():
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".upload-")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
    return sha


def add_attachment(
    session: Session, report_id: int, user: UserView, name: str, data: bytes, settings=None
) -> AttachmentView:
    """Attach a file to a report; size- and type-checked, stored once per content."""
    if settings is None:
        from kehoach.settings import get_settings

        settings = get_settings()
    report = session.get(ProgressReport, report_id)
    if report is None:
        raise NotFound("no report with id {report_id}", report_id=report_id)
    _visible_task(session, report.task_id, user)
    if user.role == "reporter" and user.agency_id != report.agency_id:
        raise PermissionDenied("you can only attach files to your own agency's reports")
    if user.role not in ("admin", "officer", "reporter"):
        raise PermissionDenied("only the reporting agency or a plan officer can attach files")
    safe, ext = checked_upload(name, data, settings)
    sha = store_file(data, settings)
    row = Attachment(
        report_id=report_id,
        name=safe,
        content_type=CONTENT_TYPES.get(ext, "application/octet-stream"),
        size=len(data),
        sha256=sha,
        uploaded_by=user.id or None,
    )
    session.add(row)
    session.flush()
    audit.record(session, user, "attach", "report", report_id, safe)
    return _attachment_view(row)


def open_attachment(
    session: Session, attachment_id: int, user: UserView | None = None, settings=None
) -> tuple[Path, AttachmentView]:
    """The stored file of an attachment the user may see, with its description."""
    if settings is None:
        from kehoach.settings import get_settings

        settings = get_settings()
    # one answer for "does not exist" and "not yours to see": the answer must not tell
    # a caller which attachments exist or which task they belong to
    hidden = NotFound("no attachment with id {attachment_id}", attachment_id=attachment_id)
    a = session.get(Attachment, attachment_id)
    report = session.get(ProgressReport, a.report_id) if a is not None else None
    if a is None or report is None:
        raise hidden
    try:
        _visible_task(session, report.task_id, user)
    except NotFound:
        raise hidden from None
    path = Path(settings.attachments_dir) / a.sha256
    if not path.exists():
        raise NotFound("the attachment's file is missing from the store")
    return path, _attachment_view(a)


def report_views(session: Session, ids: list[int]) -> list[ReportView]:
    """Reports by id, newest first (the caller has checked the user may see their tasks)."""
    return _views(session, ids) if ids else []
