"""The follow-up book (`sổ theo dõi`) of a plan: every task in the paper ledger's column
order, with its latest progress in the agencies' words, as a spreadsheet.

`ledger_xlsx(session, plan_id, user, **filters)` is what a scheduled e-mail attaches.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kehoach.errors import ValidationError
from kehoach.services.period_report import document_name
from kehoach.services.plans import get_plan
from kehoach.services.tasks import TaskRow, all_tasks
from kehoach.services.types import UserView
from kehoach.store.tables import Agency, ProgressReport
from kehoach.writers.tables import Column, Table, csv_bytes, xlsx_bytes
from kehoach.writers.vocabulary import STATUS_VI

COLUMNS = (
    Column("STT", "text", 6),
    Column("Nội dung nhiệm vụ", "text", 60),
    Column("Cơ quan chủ trì", "text", 26),
    Column("Cơ quan phối hợp", "text", 26),
    Column("Thời hạn", "date", 14),
    Column("Tiến độ/Kết quả", "text", 50),
    Column("Tình trạng", "text", 18),
    Column("Ghi chú", "text", 28),
)
FILTERS = ("group", "agency_id", "role", "status", "timeframe_kind", "q", "sort")


@dataclass(frozen=True)
class LedgerRow:
    number: str  # "1", "2", … for tasks; the group code ("I") for a group heading
    text: str
    lead: str
    coordinating: str
    deadline: date | str | None  # a date when the task has one, else the timeframe as written
    progress: str
    status: str
    note: str
    heading: bool = False


@dataclass(frozen=True)
class Ledger:
    plan_id: int
    title: str
    on: date
    rows: list[LedgerRow]


def _progress(session: Session, task_ids: list[int], on: date) -> dict[int, str]:
    """Each task's latest report per agency (lead first): `60% — Sở X: what it did`."""
    from kehoach.services.periods import local_day

    latest: dict[tuple[int, int], tuple] = {}
    for r, name in session.execute(
        select(ProgressReport, Agency.name)
        .join(Agency, Agency.id == ProgressReport.agency_id)
        .where(ProgressReport.task_id.in_(task_ids))
        .order_by(ProgressReport.submitted_at, ProgressReport.id)
    ):
        if local_day(r.submitted_at) <= on:
            latest[(r.task_id, r.agency_id)] = (r, name)
    lines: dict[int, list[tuple[bool, str]]] = defaultdict(list)
    for (task_id, _), (r, name) in latest.items():
        pct = f"{r.percent}% — " if r.percent is not None else ""
        text = r.done_text or r.reason or ""
        when = local_day(r.submitted_at).strftime("%d/%m/%Y")
        lines[task_id].append((r.role != "lead", f"{pct}{name} ({when}): {text}".rstrip(": ")))
    return {t: "\n".join(line for _, line in sorted(v)) for t, v in lines.items()}


def _note(row: TaskRow) -> str:
    s = row.status
    notes = []
    if s.extended and s.original_deadline:
        notes.append(f"Gia hạn (thời hạn ban đầu {s.original_deadline:%d/%m/%Y})")
    if s.overridden:
        notes.append(f"Tình trạng do cán bộ theo dõi xác định: {s.override_reason or ''}".strip())
    if s.stalled:
        notes.append("Lâu không cập nhật")
    if row.timeframe_raw and row.deadline is None:
        notes.append(row.timeframe_raw)
    return "; ".join(notes)


def ledger(
    session: Session,
    plan_id: int,
    user: UserView | None,
    *,
    on: date | None = None,
    **filters,
) -> Ledger:
    """The plan's follow-up book as of `on`, with the task table's filters."""
    on = on or date.today()
    unknown = set(filters) - set(FILTERS)
    if unknown:
        name = sorted(unknown)[0]
        raise ValidationError(f"the ledger has no filter '{name}'", field=name)
    detail = get_plan(session, plan_id, user=user)
    given = {k: v for k, v in filters.items() if v not in (None, "")}
    tasks = all_tasks(session, user=user, plan_id=plan_id, on=on, **given)
    progress = _progress(session, [t.id for t in tasks], on) if tasks else {}
    rows: list[LedgerRow] = []
    group: str | None = None
    by_position = filters.get("sort") in (None, "", "position")
    for n, t in enumerate(tasks, 1):
        if by_position and t.group and t.group != group:
            group = t.group
            rows.append(LedgerRow(t.group, t.group_title or "", "", "", None, "", "", "", True))
        rows.append(
            LedgerRow(
                str(n),
                f"{t.text} ({t.key})",
                "; ".join(t.lead),
                "; ".join(t.coordinating),
                t.deadline or t.timeframe_raw,
                progress.get(t.id, ""),
                STATUS_VI.get(t.status.code, t.status.code),
                _note(t),
            )
        )
    doc = detail.plan.document
    return Ledger(plan_id, document_name(doc), on, rows)


def ledger_table(book: Ledger) -> Table:
    """The ledger as a table of the paper ledger's columns."""
    return Table(
        "Sổ theo dõi",
        list(COLUMNS),
        [
            [r.number, r.text, r.lead, r.coordinating, r.deadline, r.progress, r.status, r.note]
            for r in book.rows
        ],
        [
            "SỔ THEO DÕI THỰC HIỆN NHIỆM VỤ",
            f"{book.title} — tình hình đến ngày {book.on:%d/%m/%Y}",
        ],
        bold_rows=frozenset(i for i, r in enumerate(book.rows) if r.heading),
    )


def ledger_xlsx(
    session: Session, plan_id: int, user: UserView | None, *, on: date | None = None, **filters
) -> bytes:
    """The follow-up book as .xlsx bytes (the attachment of a scheduled ledger e-mail)."""
    return xlsx_bytes([ledger_table(ledger(session, plan_id, user, on=on, **filters))])


def ledger_csv(
    session: Session, plan_id: int, user: UserView | None, *, on: date | None = None, **filters
) -> bytes:
    """The follow-up book as CSV bytes."""
    return csv_bytes(ledger_table(ledger(session, plan_id, user, on=on, **filters)))
