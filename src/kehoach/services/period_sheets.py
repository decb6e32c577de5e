"""An agency's report for a whole period on one page: all its tasks of a plan, each with
status, progress and text, kept as a draft until submitted; submitting files one progress
report per filled task (`reports.submit_report`, append-only versions). The agency may also
attach its own report as a .docx to the period."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kehoach.errors import KehoachError, NotFound, PermissionDenied, ValidationError
from kehoach.services import audit
from kehoach.services.periods import Period, current_period, local_day, period_by_code
from kehoach.services.reports import MAX_TEXT, REPORT_STATUSES, plan_duties, sanitize_name
from kehoach.services.tasks import TaskRow, rows_for
from kehoach.services.types import UserView
from kehoach.services.visibility import may_edit_plan, plan_condition
from kehoach.store.tables import (
    Agency,
    PeriodSheet,
    PeriodSheetFile,
    Plan,
    ProgressReport,
    Task,
    TaskAgency,
    User,
)

TEXTS = ("done_text", "difficulties", "proposals", "reason")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class SheetEntry:
    """One task's line: what the agency has written so far (draft, else its last report)."""

    row: TaskRow
    role: str  # lead | coordinating
    status: str = ""
    percent: int | None = None
    done_text: str = ""
    difficulties: str = ""
    proposals: str = ""
    reason: str = ""


@dataclass(frozen=True)
class SheetFileView:
    id: int
    name: str
    size: int
    uploaded_at: datetime
    uploaded_by: str | None


@dataclass(frozen=True)
class PeriodSheetView:
    plan_id: int
    agency_id: int
    agency_name: str
    period: Period
    state: str  # new | draft | submitted
    entries: list[SheetEntry]
    updated_at: datetime | None = None
    updated_by: str | None = None
    submitted_at: datetime | None = None
    files: list[SheetFileView] = field(default_factory=list)

    @property
    def filled(self) -> int:
        """How many tasks have a status chosen."""
        return sum(1 for e in self.entries if e.status)


def _agency(user: UserView | None, agency_id: int | None) -> int:
    if user is None or not user.active:
        raise PermissionDenied("log in to report")
    if user.role == "reporter":
        if agency_id is not None and agency_id != user.agency_id:
            raise PermissionDenied("an agency reporter can only report for its own agency")
        if not user.agency_id:
            raise PermissionDenied("your account is not linked to an agency")
        return user.agency_id
    if user.role not in ("admin", "officer"):
        raise PermissionDenied("only an agency's reporter or a plan officer can report")
    if agency_id is None:
        raise ValidationError("choose the agency reporting", field="agency_id")
    return agency_id


def _period(session: Session, plan_id: int, code: str | None, on: date) -> Period:
    duties = plan_duties(session, plan_id)
    return period_by_code(duties, code) if code else current_period(duties, on)


def sheet_periods(session: Session, plan_id: int, on: date | None = None) -> list[Period]:
    """The periods an agency may still report for on `on` (started, not yet closed)."""
    from kehoach.services.periods import open_periods

    return open_periods(plan_duties(session, plan_id), on or date.today())


def _sheet(session: Session, plan_id: int, agency_id: int, period: str) -> PeriodSheet | None:
    return session.scalar(
        select(PeriodSheet).where(
            PeriodSheet.plan_id == plan_id,
            PeriodSheet.agency_id == agency_id,
            PeriodSheet.period == period,
        )
    )


def _tasks(session: Session, plan_id: int, agency_id: int) -> dict[int, str]:
    """The agency's active tasks of the plan (lead or coordinating) -> its role, in order."""
    rows = session.execute(
        select(Task.id, TaskAgency.role)
        .join(TaskAgency, TaskAgency.task_id == Task.id)
        .where(
            Task.plan_id == plan_id,
            Task.active,
            TaskAgency.agency_id == agency_id,
            TaskAgency.role.in_(("lead", "coordinating")),
        )
        .order_by(Task.position, TaskAgency.role.desc())
    ).all()
    out: dict[int, str] = {}
    for task_id, role in rows:
        out.setdefault(task_id, role)  # lead wins (sorted first)
    return out


def get_period_sheet(
    session: Session,
    plan_id: int,
    user: UserView | None,
    *,
    agency_id: int | None = None,
    period: str | None = None,
    on: date | None = None,
) -> PeriodSheetView:
    """The agency's page for the period: its tasks with the draft, else its latest reports."""
    on = on or date.today()
    agency_id = _agency(user, agency_id)
    if session.scalar(select(Plan.id).where(Plan.id == plan_id, plan_condition(user))) is None:
        raise NotFound("no plan with id {plan_id}", plan_id=plan_id)
    if user is not None and user.role != "reporter" and not may_edit_plan(session, plan_id, user):
        raise PermissionDenied("only officers of the plan's province can report for an agency")
    agency = session.get(Agency, agency_id)
    if agency is None:
        raise NotFound("no agency with id {agency_id}", agency_id=agency_id)
    p = _period(session, plan_id, period, on)
    roles = _tasks(session, plan_id, agency_id)
    if not roles:
        raise NotFound("{agency} has no task in this plan", agency=agency.name)
    sheet = _sheet(session, plan_id, agency_id, p.code)
    draft = json.loads(sheet.entries_json) if sheet else {}
    last: dict[int, ProgressReport] = {}
    for r in session.scalars(
        select(ProgressReport)
        .where(
            ProgressReport.task_id.in_(list(roles)),
            ProgressReport.agency_id == agency_id,
            ProgressReport.period == p.code,
        )
        .order_by(ProgressReport.version)
    ):
        last[r.task_id] = r
    entries = []
    for row in rows_for(session, list(roles), on):
        saved = draft.get(str(row.id))
        if saved is None and row.id in last:
            r = last[row.id]
            saved = {"status": r.status, "percent": r.percent, **{t: getattr(r, t) for t in TEXTS}}
        entries.append(SheetEntry(row, roles[row.id], **(saved or {})))
    files = []
    if sheet is not None:
        files = [
            SheetFileView(f.id, f.name, f.size, f.uploaded_at, name)
            for f, name in session.execute(
                select(PeriodSheetFile, User.username)
                .outerjoin(User, User.id == PeriodSheetFile.uploaded_by)
                .where(PeriodSheetFile.sheet_id == sheet.id)
                .order_by(PeriodSheetFile.id)
            )
        ]
    who = session.get(User, sheet.updated_by) if sheet and sheet.updated_by else None
    return PeriodSheetView(
        plan_id,
        agency_id,
        agency.name,
        p,
        sheet.state if sheet else "new",
        entries,
        sheet.updated_at if sheet else None,
        who.username if who else None,
        sheet.submitted_at if sheet else None,
        files,
    )


def _clean(task_id: int, values: dict) -> dict:
    status = (values.get("status") or "").strip()
    if status and status not in REPORT_STATUSES:
        raise ValidationError(
            "status must be one of {statuses}",
            field=f"status-{task_id}",
            statuses=REPORT_STATUSES,
        )
    raw = values.get("percent")
    percent: int | None = None
    if raw is not None and raw != "":
        try:
            percent = int(raw)
        except (TypeError, ValueError):
            raise ValidationError(
                "the percent done must be a whole number", field=f"percent-{task_id}"
            ) from None
        if not 0 <= percent <= 100:
            raise ValidationError(
                "the percent done must be between 0 and 100", field=f"percent-{task_id}"
            )
    out: dict = {"status": status, "percent": percent}
    for name in TEXTS:
        text = (values.get(name) or "").replace("\x00", "").strip()
        if len(text) > MAX_TEXT:
            raise ValidationError(
                "at most {count} characters", field=f"{name}-{task_id}", count=MAX_TEXT
            )
        out[name] = text
    return out


def save_period_sheet(
    session: Session,
    plan_id: int,
    user: UserView,
    entries: dict[int, dict],
    *,
    agency_id: int | None = None,
    period: str | None = None,
    submit: bool = False,
    now: datetime | None = None,
) -> PeriodSheetView:
    """Keep the page as a draft; with `submit`, file one report per task with a status.

    A failed submission files nothing (the caller's transaction is rolled back)."""
    from kehoach.services.reports import submit_report

    now = now or datetime.now(UTC)
    view = get_period_sheet(
        session, plan_id, user, agency_id=agency_id, period=period, on=local_day(now)
    )
    known = {e.row.id: e for e in view.entries}
    stranger = next((t for t in entries if t not in known), None)
    if stranger is not None:
        raise ValidationError(
            "task {task} is not one of this agency's tasks in the plan", task=stranger
        )
    merged = {
        str(e.row.id): {
            "status": e.status,
            "percent": e.percent,
            **{t: getattr(e, t) for t in TEXTS},
        }
        for e in view.entries
    }
    for task_id, values in entries.items():
        merged[str(task_id)] = _clean(task_id, values)
    sheet = _sheet(session, plan_id, view.agency_id, view.period.code)
    if sheet is None:
        sheet = PeriodSheet(plan_id=plan_id, agency_id=view.agency_id, period=view.period.code)
        session.add(sheet)
    sheet.entries_json = json.dumps(merged, ensure_ascii=False)
    sheet.updated_at, sheet.updated_by = now, user.id or None
    sheet.state = "draft"
    if submit:
        filled = [(int(t), v) for t, v in merged.items() if v["status"]]
        if not filled:
            raise ValidationError("choose the status of at least one task", field="status")
        for task_id, v in filled:
            try:
                submit_report(
                    session,
                    task_id=task_id,
                    user=user,
                    agency_id=view.agency_id,
                    period=view.period.code,
                    now=now,
                    **v,
                )
            except ValidationError as exc:
                # the field names the task's line, where the page shows the message
                raise ValidationError(
                    exc.message, field=f"{exc.field or 'status'}-{task_id}"
                ) from None
        sheet.state, sheet.submitted_at, sheet.submitted_by = "submitted", now, user.id or None
    session.flush()
    audit.record(
        session,
        user,
        "submit_period" if submit else "save_period",
        "plan",
        plan_id,
        f"{view.period.code} agency {view.agency_id}",
    )
    return get_period_sheet(
        session,
        plan_id,
        user,
        agency_id=view.agency_id,
        period=view.period.code,
        on=local_day(now),
    )


def attach_period_file(
    session: Session,
    plan_id: int,
    user: UserView,
    name: str,
    data: bytes,
    *,
    agency_id: int | None = None,
    period: str | None = None,
    settings=None,
) -> SheetFileView:
    """Attach the agency's own report (.docx) to its page for the period."""
    from kehoach.services.reports import store_file

    if settings is None:
        from kehoach.settings import get_settings

        settings = get_settings()
    view = get_period_sheet(session, plan_id, user, agency_id=agency_id, period=period)
    safe = sanitize_name(name)
    if not safe.lower().endswith(".docx"):
        raise ValidationError("attach the agency's report as a Word file (.docx)", field="file")
    if not data.startswith(b"PK\x03\x04"):
        raise ValidationError("the file's content is not a .docx file", field="file")
    if len(data) > settings.max_attachment_bytes:
        limit = settings.max_attachment_bytes / 1048576
        raise ValidationError("the file is larger than {mb} MB", field="file", mb=f"{limit:.0f}")
    sha = store_file(data, settings)
    sheet = _sheet(session, plan_id, view.agency_id, view.period.code)
    if sheet is None:
        sheet = PeriodSheet(
            plan_id=plan_id,
            agency_id=view.agency_id,
            period=view.period.code,
            updated_by=user.id or None,
        )
        session.add(sheet)
        session.flush()
    row = PeriodSheetFile(
        sheet_id=sheet.id,
        name=safe,
        content_type=DOCX_TYPE,
        size=len(data),
        sha256=sha,
        uploaded_by=user.id or None,
    )
    session.add(row)
    session.flush()
    audit.record(session, user, "attach_period", "plan", plan_id, f"{view.period.code} {safe}")
    return SheetFileView(row.id, row.name, row.size, row.uploaded_at, user.username)


def open_period_file(
    session: Session, file_id: int, user: UserView | None, settings=None
) -> tuple[Path, SheetFileView]:
    """A period file the user may see: its agency's reporters, officers, viewers."""
    from kehoach.services.visibility import scope_condition

    if settings is None:
        from kehoach.settings import get_settings

        settings = get_settings()
    found = session.execute(
        select(PeriodSheetFile, PeriodSheet.agency_id, PeriodSheet.plan_id)
        .join(PeriodSheet, PeriodSheet.id == PeriodSheetFile.sheet_id)
        .where(PeriodSheetFile.id == file_id)
    ).first()
    if found is None:
        raise NotFound("no file with id {file_id}", file_id=file_id)
    f, agency_id, plan_id = found
    own = user is not None and user.role == "reporter" and user.agency_id == agency_id
    visible = session.scalar(select(Plan.id).where(Plan.id == plan_id, plan_condition(user)))
    staff = session.scalar(select(Plan.id).where(Plan.id == plan_id, scope_condition(user)))
    if not visible or not (own or staff):
        raise NotFound("no file with id {file_id}", file_id=file_id)
    path = Path(settings.attachments_dir) / f.sha256
    if not path.exists():
        raise KehoachError("the file is missing from the store")
    return path, SheetFileView(f.id, f.name, f.size, f.uploaded_at, None)
