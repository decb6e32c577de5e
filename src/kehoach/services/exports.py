"""List exports: what a list page shows (tasks, agencies, progress reports, plans) as XLSX
or CSV, with the same filters and the same visibility as the page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kehoach.errors import ValidationError
from kehoach.services.types import UserView
from kehoach.writers.tables import Column, Table, csv_bytes, xlsx_bytes
from kehoach.writers.vocabulary import REPORT_STATUS_VI, STATUS_VI

FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
LISTS = ("tasks", "agencies", "reports", "plans")


@dataclass(frozen=True)
class Export:
    content: bytes
    filename: str
    media_type: str


def export(table: Table, fmt: str, name: str) -> Export:
    """A table as a file in `fmt` (xlsx or csv)."""
    if fmt not in FORMATS:
        raise ValidationError(f"format must be one of {', '.join(FORMATS)}", field="format")
    content = xlsx_bytes([table]) if fmt == "xlsx" else csv_bytes(table)
    return Export(content, f"{name}.{fmt}", FORMATS[fmt])


def tasks_table(session: Session, user: UserView | None, on: date, **filters) -> Table:
    """The task table with the page's filters, every page of it."""
    from kehoach.services.tasks import all_tasks

    rows = [
        [
            t.plan_id,
            t.key,
            t.group_title or "",
            t.text,
            "; ".join(t.lead),
            "; ".join(t.coordinating),
            "; ".join(t.directing),
            t.timeframe_raw or "",
            t.original_deadline,
            t.deadline,
            STATUS_VI.get(t.status.code, t.status.code),
            t.status.percent,
            t.status.last_activity,
        ]
        for t in all_tasks(session, user=user, on=on, **filters)
    ]
    columns = [
        Column("Kế hoạch", "int", 9),
        Column("Số hiệu", "text", 8),
        Column("Nhóm nhiệm vụ", "text", 30),
        Column("Nội dung nhiệm vụ", "text", 60),
        Column("Cơ quan chủ trì", "text", 26),
        Column("Cơ quan phối hợp", "text", 26),
        Column("Cơ quan chỉ đạo", "text", 20),
        Column("Thời gian thực hiện", "text", 18),
        Column("Thời hạn ban đầu", "date", 13),
        Column("Thời hạn", "date", 13),
        Column("Tình trạng", "text", 18),
        Column("Tiến độ (%)", "int", 10),
        Column("Cập nhật gần nhất", "date", 13),
    ]
    return Table("Nhiệm vụ", columns, rows, [f"Danh sách nhiệm vụ đến ngày {on:%d/%m/%Y}"])


def agencies_table(
    session: Session, user: UserView | None, on: date, plan_id: int | None = None
) -> Table:
    """The dashboard's agencies: lead tasks by status, completion, reporting."""
    from kehoach.services.dashboard import dashboard
    from kehoach.writers.report_tables import AGENCY_COLUMNS, percent

    board = dashboard(session, on=on, user=user, plan_id=plan_id)
    rows = [
        [
            i,
            a.name,
            a.counts.total,
            *(a.counts.counts.get(code, 0) for code, _ in AGENCY_COLUMNS),
            percent(a.completion_rate),
            percent(a.counts.on_time_rate),
            a.expected,
            a.reported,
            a.late_reports,
            a.missing,
        ]
        for i, a in enumerate(board.agencies, 1)
    ]
    columns = [
        Column("STT", "int", 6),
        Column("Cơ quan chủ trì", "text", 40),
        Column("Tổng số nhiệm vụ", "int", 10),
        *(Column(name, "int", 11) for _, name in AGENCY_COLUMNS),
        Column("Tỷ lệ hoàn thành (%)", "number", 12),
        Column("Tỷ lệ đúng hạn (%)", "number", 12),
        Column("Báo cáo phải gửi", "int", 10),
        Column("Đã gửi", "int", 10),
        Column("Gửi muộn", "int", 10),
        Column("Chưa gửi", "int", 10),
    ]
    return Table("Cơ quan", columns, rows, [f"Tình hình thực hiện theo cơ quan đến {on:%d/%m/%Y}"])


def reports_table(
    session: Session,
    user: UserView | None,
    plan_id: int | None = None,
    period: str | None = None,
    agency_id: int | None = None,
) -> Table:
    """Progress reports received (every version), newest first, as the user may see them."""
    from kehoach.services.reports import report_views
    from kehoach.services.visibility import task_condition
    from kehoach.store.tables import ProgressReport, Task

    stmt = (
        select(ProgressReport.id)
        .join(Task, Task.id == ProgressReport.task_id)
        .where(task_condition(user))
    )
    if plan_id is not None:
        stmt = stmt.where(Task.plan_id == plan_id)
    if period:
        stmt = stmt.where(ProgressReport.period == period)
    if agency_id is not None:
        stmt = stmt.where(ProgressReport.agency_id == agency_id)
    ids = list(session.scalars(stmt))
    keys: dict[int, str] = (
        {
            task_id: key
            for task_id, key in session.execute(
                select(Task.id, Task.key)
                .join(ProgressReport, ProgressReport.task_id == Task.id)
                .where(ProgressReport.id.in_(ids))
            )
        }
        if ids
        else {}
    )
    rows = [
        [
            r.period,
            keys.get(r.task_id, ""),
            r.agency_name,
            "Chủ trì" if r.role == "lead" else "Phối hợp",
            REPORT_STATUS_VI.get(r.status, r.status),
            r.percent,
            r.done_text or r.reason,
            r.difficulties,
            r.proposals,
            r.submitted_at.astimezone().replace(tzinfo=None),
            r.submitted_by or "",
            r.version,
            "Muộn" if r.late else "",
        ]
        for r in report_views(session, ids)
    ]
    columns = [
        Column("Kỳ báo cáo", "text", 10),
        Column("Nhiệm vụ", "text", 8),
        Column("Cơ quan", "text", 30),
        Column("Vai trò", "text", 10),
        Column("Tình trạng báo cáo", "text", 16),
        Column("Tiến độ (%)", "int", 10),
        Column("Kết quả thực hiện", "text", 60),
        Column("Khó khăn, vướng mắc", "text", 40),
        Column("Đề xuất, kiến nghị", "text", 40),
        Column("Gửi lúc", "datetime", 17),
        Column("Người gửi", "text", 14),
        Column("Lần", "int", 6),
        Column("Gửi muộn", "text", 9),
    ]
    return Table("Báo cáo", columns, rows, ["Báo cáo tiến độ của các cơ quan"])


def _day(text: str | None) -> date | str | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return text  # a partial date as the document wrote it


def plans_table(session: Session, user: UserView | None) -> Table:
    """The plans the user may see."""
    from kehoach.services.plans import list_plans
    from kehoach.writers.vocabulary import DOC_KIND_VI

    rows = [
        [
            p.id,
            DOC_KIND_VI.get(p.document.kind, p.document.kind),
            p.document.number or "",
            _day(p.document.date),
            p.document.issuer or "",
            p.document.province or "",
            p.document.title or p.source_name,
            p.task_count,
            p.target_count,
        ]
        for p in list_plans(session, user=user)
    ]
    columns = [
        Column("Mã", "int", 6),
        Column("Loại văn bản", "text", 14),
        Column("Số hiệu", "text", 16),
        Column("Ngày ban hành", "date", 13),
        Column("Cơ quan ban hành", "text", 26),
        Column("Tỉnh", "text", 12),
        Column("Trích yếu", "text", 60),
        Column("Số nhiệm vụ", "int", 10),
        Column("Số chỉ tiêu", "int", 10),
    ]
    return Table("Kế hoạch", columns, rows, ["Danh sách kế hoạch"])
