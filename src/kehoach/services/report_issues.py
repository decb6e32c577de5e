"""Issuing a period report: the file (DOCX, XLSX or PDF), a stored record of who issued it,
when, and the data it showed; a later issue of the same period lists what changed since."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kehoach.errors import NotFound, PermissionDenied, ValidationError
from kehoach.services import audit
from kehoach.services.period_report import PeriodReportData, period_report
from kehoach.services.report_texts import report_row
from kehoach.services.types import UserView
from kehoach.store.tables import ReportIssue, User
from kehoach.writers.vocabulary import STATUS_VI

FORMATS = ("docx", "xlsx", "pdf")
MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


@dataclass(frozen=True)
class IssueView:
    id: int
    format: str
    on: date
    issued_at: datetime
    issued_by: str | None
    sha256: str  # of the data snapshot
    file_name: str | None = None


@dataclass(frozen=True)
class Change:
    key: str  # the task key, or "" for the report as a whole
    what: str  # Vietnamese: "Tình trạng", "Tiến độ", "Báo cáo mới", …
    before: str
    after: str


@dataclass(frozen=True)
class Changes:
    previous: IssueView | None  # the issue compared with (None: first issue)
    items: list[Change] = field(default_factory=list)


@dataclass(frozen=True)
class IssuedReport:
    data: PeriodReportData
    content: bytes
    filename: str
    media_type: str
    issue: IssueView
    changes: Changes


def snapshot(data: PeriodReportData) -> dict:
    """The facts a report states, comparable between two issues."""
    tasks = {}
    for g in data.groups:
        for t in g.tasks:
            tasks[t.row.key] = {
                "status": t.row.status.code,
                "percent": t.row.status.percent,
                "reported": sorted({w.agency for w in t.words}),
            }
    return {
        "on": data.on.isoformat(),
        "counts": dict(sorted(data.counts.counts.items())),
        "reported": data.reporting.reported,
        "missing": data.reporting.missing,
        "tasks": tasks,
        # the narrative counts as changed only when the officer's own text changed
        "results_text": data.results_text if data.results_edited else None,
        "proposals_text": data.proposals_text if data.proposals_edited else None,
    }


def _digest(snap: dict) -> tuple[str, str]:
    text = json.dumps(snap, ensure_ascii=False, sort_keys=True)
    return text, hashlib.sha256(text.encode()).hexdigest()


def compare(before: dict, after: dict) -> list[Change]:
    """What changed between two snapshots, task by task, then the narrative."""
    out: list[Change] = []
    old_tasks, new_tasks = before.get("tasks", {}), after.get("tasks", {})
    for key, new in new_tasks.items():
        old = old_tasks.get(key)
        if old is None:
            out.append(Change(key, "Nhiệm vụ mới trong kế hoạch", "", STATUS_VI[new["status"]]))
            continue
        if old["status"] != new["status"]:
            out.append(
                Change(
                    key,
                    "Tình trạng",
                    STATUS_VI.get(old["status"], old["status"]),
                    STATUS_VI.get(new["status"], new["status"]),
                )
            )
        if old["percent"] != new["percent"] and new["percent"] is not None:
            before_pct = "" if old["percent"] is None else f"{old['percent']}%"
            out.append(Change(key, "Tiến độ", before_pct, f"{new['percent']}%"))
        added = [a for a in new["reported"] if a not in old["reported"]]
        if added:
            out.append(Change(key, "Báo cáo mới của cơ quan", "", "; ".join(added)))
    for key in old_tasks:
        if key not in new_tasks:
            out.append(Change(key, "Nhiệm vụ không còn trong kế hoạch", key, ""))
    for name, label in (("results_text", "Phần I"), ("proposals_text", "Phần IV")):
        if before.get(name) != after.get(name):
            out.append(Change("", f"{label}: nội dung đã chỉnh sửa", "", ""))
    return out


def _issue_view(row: ReportIssue, username: str | None) -> IssueView:
    return IssueView(
        row.id,
        row.format,
        row.on_date,
        row.issued_at,
        username,
        row.snapshot_sha256,
        row.file_name,
    )


def list_issues(session: Session, plan_id: int, period: str) -> list[IssueView]:
    """Every issue of this period's report, newest first."""
    from kehoach.store.tables import PeriodReport

    return [
        _issue_view(r, u)
        for r, u in session.execute(
            select(ReportIssue, User.username)
            .join(PeriodReport, PeriodReport.id == ReportIssue.report_id)
            .outerjoin(User, User.id == ReportIssue.issued_by)
            .where(PeriodReport.plan_id == plan_id, PeriodReport.period == period)
            .order_by(ReportIssue.id.desc())
        )
    ]


def changes_since(session: Session, data: PeriodReportData) -> Changes:
    """What changed since the last issue of this period's report."""
    from kehoach.store.tables import PeriodReport

    found = session.execute(
        select(ReportIssue, User.username)
        .join(PeriodReport, PeriodReport.id == ReportIssue.report_id)
        .outerjoin(User, User.id == ReportIssue.issued_by)
        .where(PeriodReport.plan_id == data.plan_id, PeriodReport.period == data.period.code)
        .order_by(ReportIssue.id.desc())
        .limit(1)
    ).first()
    if found is None:
        return Changes(None)
    row, username = found
    return Changes(
        _issue_view(row, username), compare(json.loads(row.snapshot_json), snapshot(data))
    )


def render(data: PeriodReportData, fmt: str, changes: Changes | None = None) -> bytes:
    """The report's file in one format (no record kept)."""
    if fmt == "docx":
        from kehoach.writers.report_docx import report_docx

        return report_docx(data, changes)
    if fmt == "xlsx":
        from kehoach.writers.report_xlsx import report_xlsx

        return report_xlsx(data, changes)
    if fmt == "pdf":
        from kehoach.writers.pdf import docx_to_pdf
        from kehoach.writers.report_docx import report_docx

        return docx_to_pdf(report_docx(data, changes))
    raise ValidationError(f"format must be one of {', '.join(FORMATS)}", field="format")


def file_name(data: PeriodReportData, fmt: str) -> str:
    number = (data.document.number or f"ke-hoach-{data.plan_id}").replace("/", "-")
    return f"bao-cao-{number}-{data.period.code}.{fmt}"


def issue_report(
    session: Session,
    plan_id: int,
    period: str,
    user: UserView | None,
    fmt: str = "docx",
    *,
    on: date | None = None,
    today: date | None = None,
    settings=None,
) -> IssuedReport:
    """Produce the period report as a file and record it as issued (who, when, which data);
    the file is kept, so the issue can be downloaded again exactly as it was sent."""
    from kehoach.services.reports import store_file
    from kehoach.services.users import can_edit_plan
    from kehoach.services.visibility import may_edit_plan

    if fmt not in FORMATS:
        raise ValidationError(f"format must be one of {', '.join(FORMATS)}", field="format")
    if user is not None and not (can_edit_plan(user) and may_edit_plan(session, plan_id, user)):
        raise PermissionDenied("only a plan officer or an administrator can issue the report")
    data = period_report(session, plan_id, period, user, on=on, today=today)
    changes = changes_since(session, data)
    content = render(data, fmt, changes)
    text, sha = _digest(snapshot(data))
    if settings is None:
        from kehoach.settings import get_settings

        settings = get_settings()
    name = file_name(data, fmt)
    row = ReportIssue(
        report_id=report_row(session, plan_id, data.period.code).id,
        format=fmt,
        on_date=data.on,
        snapshot_json=text,
        snapshot_sha256=sha,
        file_name=name,
        file_sha256=store_file(content, settings),
        issued_by=(user.id or None) if user else None,
    )
    session.add(row)
    session.flush()
    audit.record(session, user, "issue_report", "plan", plan_id, f"{data.period.code} {fmt}")
    view = _issue_view(row, user.username if user and user.id else None)
    return IssuedReport(data, content, name, MEDIA_TYPES[fmt], view, changes)


def open_issue(
    session: Session, plan_id: int, issue_id: int, user: UserView | None, settings=None
) -> tuple[Path, IssueView, str]:
    """The file of an earlier issue (path, description, media type), as it was issued."""
    from kehoach.services.visibility import scope_condition
    from kehoach.store.tables import PeriodReport, Plan

    if settings is None:
        from kehoach.settings import get_settings

        settings = get_settings()
    found = session.execute(
        select(ReportIssue, User.username)
        .join(PeriodReport, PeriodReport.id == ReportIssue.report_id)
        .join(Plan, Plan.id == PeriodReport.plan_id)
        .outerjoin(User, User.id == ReportIssue.issued_by)
        .where(ReportIssue.id == issue_id, Plan.id == plan_id, scope_condition(user))
    ).first()
    if found is None or not found[0].file_sha256:
        raise NotFound(f"no issued report with id {issue_id}")
    row, username = found
    path = Path(settings.attachments_dir) / row.file_sha256
    if not path.exists():
        raise NotFound("the issued file is missing from the store")
    return path, _issue_view(row, username), MEDIA_TYPES.get(row.format, "application/octet-stream")
