"""Open data (`dữ liệu mở`): published plans, their targets with figures and their tasks'
statuses, read-only and without login, as JSON and CSV.

Everything here reads as an anonymous visitor (`user=None`), so `visibility` limits it to
public plans: an unpublished plan is `NotFound`. Only the plan's own text, its targets and
each task's status figures go out — never a progress report's text, an override's reason,
an attachment or an account.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kehoach.services.exports import Export, export
from kehoach.services.plans import PlanRow, get_plan, list_plans
from kehoach.store.tables import Plan, ProgressReport, Task
from kehoach.writers.tables import Column, Table
from kehoach.writers.vocabulary import STATUS_VI

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.vi"


@dataclass(frozen=True)
class OpenPlan:
    """A published plan as the open-data page lists it."""

    id: int
    number: str | None
    title: str | None
    issuer: str | None
    date: str | None
    jurisdiction: str | None
    target_count: int
    task_count: int
    updated_at: datetime


def _updated(session: Session, plan_ids: list[int]) -> dict[int, datetime]:
    """The last change to each plan: its import, a task's edit or a report on its tasks."""
    out: dict[int, datetime] = {
        pid: stamp
        for pid, stamp in session.execute(
            select(Plan.id, Plan.imported_at).where(Plan.id.in_(plan_ids))
        )
    }
    for query in (
        select(Task.plan_id, func.max(Task.updated_at)).where(Task.plan_id.in_(plan_ids)),
        select(Task.plan_id, func.max(ProgressReport.submitted_at))
        .join(Task, Task.id == ProgressReport.task_id)
        .where(Task.plan_id.in_(plan_ids)),
    ):
        for plan_id, stamp in session.execute(query.group_by(Task.plan_id)):
            if stamp is not None and stamp > out[plan_id]:
                out[plan_id] = stamp
    return {k: v.astimezone(UTC) for k, v in out.items()}


def _open(row: PlanRow, updated: datetime) -> OpenPlan:
    d = row.document
    return OpenPlan(
        row.id,
        d.number,
        d.title,
        d.issuer,
        d.date,
        row.jurisdiction_name,
        row.target_count,
        row.task_count,
        updated,
    )


def published_plans(session: Session) -> list[OpenPlan]:
    """Every published plan, as an anonymous visitor sees the plan list."""
    rows = [r for r in list_plans(session, user=None) if r.public]
    updated = _updated(session, [r.id for r in rows])
    return [_open(r, updated[r.id]) for r in rows]


def plan_data(session: Session, plan_id: int, on: date | None = None) -> dict:
    """One published plan as a JSON document: licence, last update, targets, task statuses."""
    from kehoach.services.tasks import all_tasks

    on = on or date.today()
    detail = get_plan(session, plan_id, user=None, on=on)  # NotFound unless published
    updated = _updated(session, [plan_id])[plan_id]
    plan = _open(detail.plan, updated)
    return {
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "updated_at": updated.isoformat(),
        "status_on": on.isoformat(),
        "plan": {
            "id": plan.id,
            "number": plan.number,
            "title": plan.title,
            "issuer": plan.issuer,
            "date": plan.date,
            "jurisdiction": plan.jurisdiction,
        },
        "targets": [
            {
                "key": t.key,
                "text": t.text,
                "horizon": t.horizon,
                "section": t.section,
                "metrics": [
                    {"value": m.value, "unit": m.unit, "subject": m.subject, "by": m.by}
                    for m in t.metrics
                ],
            }
            for t in detail.targets
        ],
        "tasks": [
            {
                "key": t.key,
                "group": t.group_title,
                "text": t.text,
                "lead": t.lead,
                "coordinating": t.coordinating,
                "timeframe": t.timeframe_raw,
                "deadline": t.deadline.isoformat() if t.deadline else None,
                "status": t.status.code,
                "percent": t.status.percent,
                "done_on": t.status.done_on.isoformat() if t.status.done_on else None,
            }
            for t in all_tasks(session, user=None, plan_id=plan_id, on=on)
        ],
    }


def _stamp_columns() -> list[Column]:
    return [Column("Giấy phép", "text", 12), Column("Cập nhật lần cuối", "datetime", 16)]


def plan_csv(session: Session, plan_id: int, what: str, on: date | None = None) -> Export:
    """A published plan's `tasks` (with statuses) or `targets` (one row per figure) as CSV;
    every row carries the licence and the last-updated stamp."""
    data = plan_data(session, plan_id, on)
    stamp = [LICENCE, datetime.fromisoformat(data["updated_at"])]
    if what == "targets":
        rows = [
            [
                t["key"],
                t["text"],
                m["value"],
                m["unit"],
                m["subject"],
                m["by"] or t["horizon"],
                *stamp,
            ]
            for t in data["targets"]
            for m in (t["metrics"] or [{"value": None, "unit": None, "subject": None, "by": None}])
        ]
        columns = [
            Column("Số hiệu", "text"),
            Column("Chỉ tiêu", "text", 60),
            Column("Giá trị", "number"),
            Column("Đơn vị", "text"),
            Column("Đối tượng", "text", 30),
            Column("Năm", "int"),
        ]
    else:
        rows = [
            [
                t["key"],
                t["group"] or "",
                t["text"],
                "; ".join(t["lead"]),
                "; ".join(t["coordinating"]),
                t["timeframe"] or "",
                date.fromisoformat(t["deadline"]) if t["deadline"] else None,
                STATUS_VI.get(t["status"], t["status"]),
                t["percent"],
                *stamp,
            ]
            for t in data["tasks"]
        ]
        columns = [
            Column("Số hiệu", "text"),
            Column("Nhóm nhiệm vụ", "text", 30),
            Column("Nội dung nhiệm vụ", "text", 60),
            Column("Cơ quan chủ trì", "text", 26),
            Column("Cơ quan phối hợp", "text", 26),
            Column("Thời gian thực hiện", "text"),
            Column("Thời hạn", "date"),
            Column("Tình trạng", "text"),
            Column("Tiến độ (%)", "int"),
        ]
    table = Table("Dữ liệu mở", columns + _stamp_columns(), rows)
    return export(
        table, "csv", f"ke-hoach-{plan_id}-{'chi-tieu' if what == 'targets' else 'nhiem-vu'}"
    )
