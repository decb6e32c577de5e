"""Tables as XLSX (one sheet per table) and CSV: real numbers and dates, frozen headings,
print setup. Every list export, the ledger and the report's spreadsheet go through here."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

KINDS = ("text", "int", "number", "percent", "date", "datetime")
INVALID_SHEET_CHARS = str.maketrans({c: " " for c in "[]:*?/\\"})


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = "text"  # one of KINDS; percent values are fractions (0.5 = 50 %)
    width: float = 14  # in characters


@dataclass(frozen=True)
class Table:
    """One sheet: an optional title block, one heading row, rows of plain values."""

    sheet: str
    columns: list[Column]
    rows: Sequence[Sequence[Any]]
    title: list[str] = field(default_factory=list)  # lines above the heading (bold first)
    landscape: bool = True
    bold_rows: frozenset[int] = frozenset()  # indexes into rows (group headings)


def _cell_value(value: Any, kind: str) -> Any:
    if value is None or value == "":
        return None
    if kind == "datetime" and isinstance(value, datetime):
        return value.replace(tzinfo=None)  # Excel has no time zones; values are local already
    return value


def xlsx_bytes(tables: list[Table]) -> bytes:
    """An .xlsx workbook with one sheet per table."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    thin = Side(style="thin", color="808080")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    used: set[str] = set()
    for table in tables:
        name = table.sheet.translate(INVALID_SHEET_CHARS)[:31] or "Sheet"
        while name in used:
            name = f"{name[:28]} {len(used)}"
        used.add(name)
        ws = book.create_sheet(name)
        row = 1
        for i, line in enumerate(table.title):
            ws.cell(row=row, column=1, value=line).font = Font(
                name="Times New Roman", bold=i == 0, italic=i > 0, size=13 if i == 0 else 12
            )
            row += 1
        if table.title:
            row += 1
        head = row
        for c, col in enumerate(table.columns, 1):
            cell = ws.cell(row=head, column=c, value=col.name)
            cell.font = Font(name="Times New Roman", bold=True, size=12)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = box
            ws.column_dimensions[get_column_letter(c)].width = col.width
        for index, values in enumerate(table.rows):
            row += 1
            bold = index in table.bold_rows
            for c, (col, value) in enumerate(zip(table.columns, values, strict=False), 1):
                cell = ws.cell(row=row, column=c, value=_cell_value(value, col.kind))
                cell.font = Font(name="Times New Roman", size=12, bold=bold)
                cell.border = box
                wrap = col.kind == "text"
                cell.alignment = Alignment(vertical="top", wrap_text=wrap)
                if col.kind == "date":
                    cell.number_format = "DD/MM/YYYY"
                elif col.kind == "datetime":
                    cell.number_format = "DD/MM/YYYY HH:MM"
                elif col.kind == "percent":
                    cell.number_format = "0.0%"
                elif col.kind == "int":
                    cell.number_format = "#,##0"
                elif col.kind == "number":
                    cell.number_format = "#,##0.##"
        ws.freeze_panes = ws.cell(row=head + 1, column=1)
        ws.print_title_rows = f"{head}:{head}"
        ws.auto_filter.ref = f"A{head}:{get_column_letter(len(table.columns))}{max(row, head)}"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape" if table.landscape else "portrait"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.5
        ws.oddFooter.center.text = "Trang &P/&N"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _csv_value(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if kind == "percent" and isinstance(value, int | float):
        return f"{value * 100:.1f}".replace(".", ",")
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


def csv_bytes(table: Table) -> bytes:
    """The table as CSV in UTF-8 with a byte-order mark, so Excel shows Vietnamese correctly."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([c.name for c in table.columns])
    for values in table.rows:
        writer.writerow(
            [_csv_value(v, c.kind) for c, v in zip(table.columns, values, strict=False)]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")
