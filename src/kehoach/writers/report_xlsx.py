"""The period report as a workbook: one sheet per table (summary, agencies, tasks with each
agency's words, targets, changes since the last issue), numbers and dates as such."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kehoach.writers.report_tables import (
    AGENCY_COLUMNS,
    SUMMARY_HEADING,
    TARGET_HEADING,
    agency_items,
    summary_items,
    target_items,
)
from kehoach.writers.tables import Column, Table, xlsx_bytes
from kehoach.writers.vocabulary import REPORT_STATUS_VI, STATUS_VI

if TYPE_CHECKING:
    from kehoach.services.period_report import PeriodReportData
    from kehoach.services.report_issues import Changes


def _summary_columns() -> list[Column]:
    widths = (8, 50, 14, 12, 30)
    kinds = ("text", "text", "text", "number", "text")
    return [Column(h, k, w) for h, k, w in zip(SUMMARY_HEADING, kinds, widths, strict=True)]


def _target_columns() -> list[Column]:
    widths = (6, 60, 12, 12, 12, 30)
    kinds = ("text", "text", "text", "number", "number", "text")
    return [Column(h, k, w) for h, k, w in zip(TARGET_HEADING, kinds, widths, strict=True)]


def report_xlsx(data: PeriodReportData, changes: Changes | None = None) -> bytes:
    """The period report's tables as .xlsx bytes."""
    title = [
        f"Kết quả thực hiện {data.document_name} {data.period_label}",
        f"Số liệu tính đến ngày {data.on:%d/%m/%Y}",
    ]
    summary, _ = summary_items(data)
    targets, _ = target_items(data)
    tasks = []
    for g in data.groups:
        for t in g.tasks:
            r = t.row
            words = "\n".join(f"{w.agency}: {w.text}" for w in t.words)
            declared = "; ".join(REPORT_STATUS_VI.get(w.status, w.status) for w in t.words)
            tasks.append(
                [
                    r.key,
                    r.group_title or "",
                    r.text,
                    "; ".join(r.lead),
                    "; ".join(r.coordinating),
                    r.timeframe_raw or "",
                    r.deadline,
                    STATUS_VI.get(r.status.code, r.status.code),
                    r.status.percent,
                    declared,
                    words,
                ]
            )
    sheets = [
        Table("Tổng hợp", _summary_columns(), summary, title, landscape=False),
        Table(
            "Theo cơ quan",
            [
                Column("STT", "text", 6),
                Column("Cơ quan chủ trì", "text", 40),
                Column("Tổng số", "int", 10),
                *(Column(name, "int", 12) for _, name in AGENCY_COLUMNS),
                Column("Tỷ lệ hoàn thành (%)", "number", 14),
            ],
            agency_items(data),
            title,
        ),
        Table(
            "Nhiệm vụ",
            [
                Column("Số hiệu", "text", 8),
                Column("Nhóm nhiệm vụ", "text", 30),
                Column("Nội dung nhiệm vụ", "text", 60),
                Column("Cơ quan chủ trì", "text", 28),
                Column("Cơ quan phối hợp", "text", 28),
                Column("Thời gian thực hiện", "text", 18),
                Column("Thời hạn", "date", 12),
                Column("Tình trạng", "text", 18),
                Column("Tiến độ (%)", "int", 10),
                Column("Cơ quan báo cáo tình trạng", "text", 18),
                Column("Kết quả cơ quan báo cáo", "text", 60),
            ],
            tasks,
            title,
        ),
        Table("Chỉ tiêu", _target_columns(), targets, title),
    ]
    if changes and changes.previous:
        sheets.append(
            Table(
                "Thay đổi",
                [
                    Column("Nhiệm vụ", "text", 10),
                    Column("Nội dung thay đổi", "text", 36),
                    Column("Trước", "text", 28),
                    Column("Nay", "text", 28),
                ],
                [[c.key, c.what, c.before, c.after] for c in changes.items],
                [
                    "Những thay đổi so với báo cáo đã phát hành ngày "
                    f"{changes.previous.issued_at:%d/%m/%Y %H:%M}"
                ],
            )
        )
    return xlsx_bytes(sheets)
