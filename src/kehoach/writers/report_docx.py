"""The period report as a Word document in the layout of the provinces' own reports:
header table, `BÁO CÁO` and its subject, the `Thực hiện …` opening, sections I–IV,
`Nơi nhận:` and the signature in a two-column table, then the appendix of statistics
tables on landscape pages."""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

from docx import Document

from kehoach.text.numbers import format_number
from kehoach.writers.docx_layout import (
    CENTER,
    cell_lines,
    grid_table,
    landscape_section,
    no_borders,
    para,
    setup,
    short_rule,
    widths,
)
from kehoach.writers.report_tables import (
    AGENCY_COLUMNS,
    SUMMARY_HEADING,
    TARGET_HEADING,
    agency_items,
    summary_items,
    target_items,
)

if TYPE_CHECKING:
    from kehoach.services.period_report import PeriodReportData
    from kehoach.services.report_issues import Changes

SECTIONS = (
    "I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ",
    "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
    "III. NHIỆM VỤ CHẬM TIẾN ĐỘ, CHƯA BÁO CÁO",
    "IV. ĐỀ XUẤT, KIẾN NGHỊ",
)
HEADING_LINE = re.compile(r"^(\d+|[IVX]+)\.\s")
SUB_LINE = re.compile(r"^[a-zđ]\)\s")


def n(value: float | int | None) -> str:
    """A figure in Vietnamese notation (`1.250`, `22,5`); empty for None."""
    return "" if value is None else format_number(value)


def reporter_name(data: PeriodReportData) -> str:
    """`Ủy ban nhân dân tỉnh Cao Bằng`: the issuer's lines in sentence case."""
    text = " ".join(data.header.issuer).lower()
    text = text[:1].upper() + text[1:]
    place = data.header.place
    return text.replace(place.lower(), place) if place else text


def _lcfirst(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def subject(data: PeriodReportData) -> str:
    return f"Kết quả thực hiện {data.document_name} {data.period_label}"


def _header_table(doc, data: PeriodReportData) -> None:
    h = data.header
    table = doc.add_table(rows=1, cols=2)
    no_borders(table)
    left, right = table.rows[0].cells
    issuer = [(line, {"bold": True, "size": 13}) for line in h.issuer]
    cell_lines(left, issuer)
    short_rule(left, 2.2, 6.0)
    cell_lines_add(left, f"Số:        {h.number}", size=13)
    cell_lines(
        right,
        [
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", {"bold": True, "size": 13}),
            ("Độc lập - Tự do - Hạnh phúc", {"bold": True, "size": 14}),
        ],
    )
    short_rule(right, 6.2, 10.0)
    issued = data.issued
    cell_lines_add(
        right,
        f"{h.place}, ngày      tháng {issued.month} năm {issued.year}",
        size=14,
        italic=True,
    )
    widths(table, (6.0, 10.0))


def cell_lines_add(cell, text: str, *, size: float, italic: bool = False) -> None:
    p = cell.add_paragraph()
    p.alignment = CENTER
    p.paragraph_format.space_before = p.paragraph_format.space_after = 0
    p.paragraph_format.first_line_indent = 0
    run = p.add_run(text)
    run.italic = italic
    from kehoach.writers.docx_layout import set_font

    set_font(run, size)


def _narrative(doc, text: str) -> None:
    """Officer-editable text: `1. …` lines are bold sub-headings, `a) …` italic, the rest body."""
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if HEADING_LINE.match(line):
            para(doc, line, bold=True)
        elif SUB_LINE.match(line):
            para(doc, line, italic=True)
        else:
            para(doc, line)


def _targets(doc, data: PeriodReportData) -> None:
    if not data.targets:
        para(doc, "Kế hoạch không đề ra chỉ tiêu định lượng.")
        return
    para(
        doc,
        f"Kế hoạch đề ra {len(data.targets)} chỉ tiêu; số liệu theo kế hoạch và số liệu mới "
        "nhất đã cập nhật như sau:",
    )
    items, bold = target_items(data)
    rows = [
        [stt, name, unit, n(value), n(got), note] for stt, name, unit, value, got, note in items
    ]
    grid_table(
        doc,
        TARGET_HEADING,
        rows,
        (1.2, 6.9, 2.0, 1.7, 1.7, 2.5),
        bold_rows=bold,
    )


def _shortfalls(doc, data: PeriodReportData) -> None:
    overdue = [s for s in data.shortfalls if s.overdue]
    missing = [s for s in data.shortfalls if s.missing]
    late = [s for s in data.shortfalls if s.late]
    para(doc, "1. Nhiệm vụ quá hạn chưa hoàn thành", bold=True)
    if not overdue:
        para(doc, f"Đến ngày {data.on:%d/%m/%Y}, không có nhiệm vụ quá hạn.")
    for s in overdue:
        items = "; ".join(
            f"{r.key} (hạn {r.deadline:%d/%m/%Y})" if r.deadline else r.key for r in s.overdue
        )
        para(doc, f"- {s.agency}: {len(s.overdue)} nhiệm vụ — {items}.")
    para(doc, f"2. Cơ quan chưa báo cáo kỳ {data.period_label}", bold=True)
    if not missing:
        para(doc, "Các cơ quan đã báo cáo đầy đủ.")
    for s in missing:
        keys = ", ".join(c.task_key for c in s.missing)
        para(doc, f"- {s.agency}: chưa báo cáo {len(s.missing)} nhiệm vụ ({keys}).")
    if late:
        para(doc, f"3. Báo cáo gửi sau hạn {data.period.due:%d/%m/%Y}", bold=True)
        for s in late:
            keys = ", ".join(c.task_key for c in s.late)
            para(doc, f"- {s.agency}: {len(s.late)} báo cáo ({keys}).")


def _signature(doc, data: PeriodReportData) -> None:
    table = doc.add_table(rows=1, cols=2)
    no_borders(table)
    left, right = table.rows[0].cells
    lines = [("Nơi nhận:", {"bold": True, "italic": True, "size": 12, "align": 0})]
    recipients = data.header.recipients
    for i, r in enumerate(recipients):
        end = "." if i == len(recipients) - 1 else ";"
        lines.append((f"- {r.rstrip(';.')}{end}", {"size": 11, "align": 0}))
    cell_lines(left, lines)
    title = [(line, {"bold": True, "size": 14}) for line in data.header.signer_title]
    blanks = [("", {"size": 14})] * 4
    cell_lines(right, [*title, *blanks, (data.header.signer, {"bold": True, "size": 14})])
    widths(table, (7.5, 8.5))


def _appendix(doc, data: PeriodReportData, changes: Changes | None) -> None:
    landscape_section(doc)
    para(doc, "PHỤ LỤC", bold=True, align=CENTER, indent=False)
    para(
        doc,
        f"SỐ LIỆU THỐNG KÊ KẾT QUẢ THỰC HIỆN {data.period_label.upper()}",
        bold=True,
        align=CENTER,
        indent=False,
        before=0,
    )
    para(
        doc,
        f"(Kèm theo Báo cáo số        {data.header.number} ngày     tháng {data.issued.month} "
        f"năm {data.issued.year} của {reporter_name(data)})",
        italic=True,
        align=CENTER,
        indent=False,
        before=0,
    )
    para(doc, "Biểu 1", bold=True, align=CENTER, indent=False, before=12)
    para(doc, "Tổng hợp kết quả thực hiện nhiệm vụ", bold=True, align=CENTER, indent=False)
    para(doc, f"(Số liệu tính đến ngày {data.on:%d/%m/%Y})", italic=True, align=CENTER)
    items, bold = summary_items(data)
    rows = [[stt, name, unit, n(value), note] for stt, name, unit, value, note in items]
    grid_table(
        doc,
        SUMMARY_HEADING,
        rows,
        (1.6, 12.0, 3.0, 3.0, 6.0),
        bold_rows=bold,
        group_heading=(2, 3, "Kết quả thống kê"),
    )
    para(doc, "Biểu 2", bold=True, align=CENTER, indent=False, before=12)
    para(
        doc,
        "Tình hình thực hiện nhiệm vụ theo cơ quan chủ trì",
        bold=True,
        align=CENTER,
        indent=False,
    )
    grid_table(
        doc,
        (
            "STT",
            "Cơ quan chủ trì",
            "Tổng số",
            *(name for _, name in AGENCY_COLUMNS),
            "Tỷ lệ hoàn thành (%)",
        ),
        [[*(n(v) if isinstance(v, int | float) else v for v in row)] for row in agency_items(data)],
        (1.2, 7.0, 1.7, 2.0, 2.0, 2.0, 2.0, 1.8, 2.0, 1.9, 2.1),
        group_heading=(3, 3 + len(AGENCY_COLUMNS) - 1, "Chia theo tình trạng (nhiệm vụ)"),
    )
    if changes and changes.previous:
        para(doc, "Biểu 3", bold=True, align=CENTER, indent=False, before=12)
        para(
            doc,
            "Những thay đổi so với báo cáo đã phát hành ngày "
            f"{changes.previous.issued_at:%d/%m/%Y %H:%M}",
            bold=True,
            align=CENTER,
            indent=False,
        )
        rows = [
            [str(i), c.key, c.what, c.before, c.after] for i, c in enumerate(changes.items, 1)
        ] or [["", "", "Không có thay đổi", "", ""]]
        grid_table(
            doc,
            ("STT", "Nhiệm vụ", "Nội dung thay đổi", "Trước", "Nay"),
            rows,
            (1.2, 2.5, 8.0, 7.0, 7.0),
            left_columns={2, 3, 4},
        )


def report_docx(data: PeriodReportData, changes: Changes | None = None) -> bytes:
    """The period report as .docx bytes."""
    doc = Document()
    setup(doc)
    _header_table(doc, data)
    para(doc, "BÁO CÁO", bold=True, align=CENTER, indent=False, before=18)
    para(doc, subject(data), bold=True, align=CENTER, indent=False, before=0)
    short_rule(doc, 3.0, 16.0)
    title = data.document.title or ""
    about = f" {_lcfirst(title)}" if title else ""
    para(
        doc,
        f"Thực hiện {data.document_name}{about}, {reporter_name(data)} báo cáo kết quả thực "
        f"hiện {data.period_label} như sau:",
        before=12,
    )
    para(doc, SECTIONS[0], bold=True)
    _narrative(doc, data.results_text)
    para(doc, SECTIONS[1], bold=True)
    _targets(doc, data)
    para(doc, SECTIONS[2], bold=True)
    _shortfalls(doc, data)
    para(doc, SECTIONS[3], bold=True)
    _narrative(doc, data.proposals_text)
    para(
        doc,
        f"Trên đây là báo cáo kết quả thực hiện {data.document_name} {data.period_label} "
        f"của {reporter_name(data)}./.",
        after=12,
    )
    _signature(doc, data)
    _appendix(doc, data, changes)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
