"""The period report's tables as raw values (numbers stay numbers); the DOCX writer formats
them the Vietnamese way, the XLSX writer stores them as they are."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kehoach.services.period_report import PeriodReportData

Row = tuple[str, str, str, float | int | None, str]  # STT, Chỉ tiêu, Đơn vị tính, Số liệu, Ghi chú
# STT, Chỉ tiêu, Đơn vị tính, Kế hoạch, Đạt được, Ghi chú
TargetRow = tuple[str, str, str, float | int | None, float | None, str]

STATUS_ROWS = (
    ("done_on_time", "Hoàn thành đúng hạn"),
    ("done_late", "Hoàn thành chậm so với thời hạn"),
    ("in_progress", "Đang thực hiện"),
    ("due_soon", "Sắp đến hạn (trong 30 ngày)"),
    ("overdue", "Quá hạn, chưa hoàn thành"),
    ("not_started", "Chưa bắt đầu"),
    ("missing_report", "Thiếu báo cáo kỳ này"),
    ("not_applicable", "Không áp dụng, không thực hiện"),
)
AGENCY_COLUMNS = (
    ("done_on_time", "Hoàn thành đúng hạn"),
    ("done_late", "Hoàn thành chậm"),
    ("in_progress", "Đang thực hiện"),
    ("due_soon", "Sắp đến hạn"),
    ("overdue", "Quá hạn"),
    ("not_started", "Chưa bắt đầu"),
    ("missing_report", "Thiếu báo cáo"),
)
SUMMARY_HEADING = ("STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú")


def percent(rate: float | None) -> float | None:
    """A fraction as a percentage rounded to one decimal (0.6667 -> 66.7)."""
    return None if rate is None else round(rate * 100, 1)


def summary_items(data: PeriodReportData) -> tuple[list[Row], set[int]]:
    """Appendix table 1: tasks by status, on-time rate, reports received; bold row indexes."""
    c, r = data.counts, data.reporting
    rows: list[Row] = [("1", "Tổng số nhiệm vụ", "Nhiệm vụ", c.total, "")]
    for i, (code, name) in enumerate(STATUS_ROWS, 1):
        rows.append((f"1.{i}", name, "Nhiệm vụ", c.counts.get(code, 0), ""))
    rows.append(
        ("2", "Tỷ lệ hoàn thành đúng hạn", "%", percent(c.on_time_rate), "So với thời hạn ban đầu")
    )
    rows.append(("3", "Báo cáo kỳ của cơ quan chủ trì", "", None, data.period.code))
    rows.append(("3.1", "Số báo cáo phải gửi", "Báo cáo", r.expected, ""))
    rows.append(("3.2", "Đã gửi đúng hạn", "Báo cáo", r.on_time_reports, ""))
    rows.append(("3.3", "Gửi sau hạn", "Báo cáo", r.late_reports, ""))
    rows.append(("3.4", "Chưa gửi", "Báo cáo", r.missing, ""))
    return rows, {0, len(STATUS_ROWS) + 1, len(STATUS_ROWS) + 2}


def agency_items(data: PeriodReportData) -> list[list]:
    """Appendix table 2: STT, agency, total, counts by AGENCY_COLUMNS, completion (%)."""
    out: list[list] = []
    for i, a in enumerate(sorted(data.agencies, key=lambda a: a.name), 1):
        counts = [a.counts.counts.get(code, 0) for code, _ in AGENCY_COLUMNS]
        out.append([str(i), a.name, a.counts.total, *counts, percent(a.completion_rate)])
    return out


def target_items(data: PeriodReportData) -> tuple[list[TargetRow], set[int]]:
    """Targets: one row per target, one per figure beneath it (`1.1`, `1.2`); bold rows.
    Each row: STT, target, unit, planned figure, latest approved figure, note (deadline and
    the period of the latest figure)."""
    rows: list[TargetRow] = []
    bold: set[int] = set()
    for i, t in enumerate(data.targets, 1):
        note = f"Đến năm {t.horizon}" if t.horizon else ""
        if len(t.metrics) == 1:
            m = t.metrics[0]
            got, period = _latest(data, t.id, 0)
            by = f"Đến năm {m.by}" if m.by else note
            rows.append((str(i), t.text, m.unit or "", m.value, got, _join(by, period)))
            continue
        bold.add(len(rows))
        rows.append((str(i), t.text, "", None, None, note))
        for j, m in enumerate(t.metrics, 1):
            got, period = _latest(data, t.id, j - 1)
            by = f"Đến năm {m.by}" if m.by else ""
            rows.append(
                (f"{i}.{j}", m.subject or "", m.unit or "", m.value, got, _join(by, period))
            )
    return rows, bold


TARGET_HEADING = ("STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Đạt được", "Ghi chú")


def _latest(data: PeriodReportData, target_id: int, index: int) -> tuple[float | None, str]:
    found = data.latest.get((target_id, index))
    if found is None:
        return None, ""
    figure, period = found
    return round(figure, 1), f"Số liệu kỳ {period} đã duyệt"


def _join(*parts: str) -> str:
    return "; ".join(p for p in parts if p)
