"""Indicator values from a spreadsheet (XLSX or CSV): the template, and the upload checked
row by row. One bad row rejects the whole file (`RowsRejected` lists each row and why);
nothing partial is saved."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from sqlalchemy.orm import Session

from kehoach.errors import PermissionDenied, RowsRejected, ValidationError
from kehoach.services.indicator_math import check_figures, check_period, fmt, parse_number
from kehoach.services.indicator_values import enter_value, may_enter, units
from kehoach.services.indicators import IndicatorView, get_indicator
from kehoach.services.types import UserView
from kehoach.text.normalize import fold as unit_key
from kehoach.writers.tables import Column, Table, xlsx_bytes

# heading (folded) -> field; Vietnamese headings first, English accepted
HEADINGS = {
    "ma don vi": "code",
    "ma xa": "code",
    "ma": "code",
    "code": "code",
    "unit code": "code",
    "ky": "period",
    "ky bao cao": "period",
    "period": "period",
    "gia tri": "value",
    "value": "value",
    "tu so": "numerator",
    "numerator": "numerator",
    "mau so": "denominator",
    "denominator": "denominator",
    "ghi chu": "note",
    "note": "note",
}
MAX_ROWS = 20_000


@dataclass(frozen=True)
class UploadResult:
    indicator_id: int
    saved: int
    submitted: bool


def template(
    session: Session, indicator_id: int, user: UserView | None, period: str
) -> tuple[bytes, str]:
    """An XLSX with one row per unit (code and name filled in) to be completed."""
    indicator = get_indicator(session, indicator_id, user)
    period = check_period(period, indicator.frequency)
    if indicator.kind == "ratio":
        figures = [Column("Tử số", "number", 12), Column("Mẫu số", "number", 12)]
    else:
        figures = [Column("Giá trị", "number", 12)]
    table = Table(
        sheet="Số liệu",
        columns=[
            Column("Mã đơn vị", "text", 12),
            Column("Tên đơn vị", "text", 30),
            Column("Kỳ", "text", 10),
            *figures,
            Column("Ghi chú", "text", 30),
        ],
        rows=[
            [u.code, u.name, period, *([None] * len(figures)), ""]
            for u in units(session, indicator)
        ],
        title=[
            indicator.name,
            f"Chỉ tiêu {indicator.code or indicator.id}, đơn vị: {indicator.unit}",
        ],
    )
    return xlsx_bytes([table]), f"chi-tieu-{indicator.id}-{period}.xlsx"


def read_rows(data: bytes, name: str) -> list[tuple[int, dict[str, str]]]:
    """(row number as the spreadsheet shows it, {field: text}) of each non-empty row."""
    return read_rows_with(data, name, HEADINGS, required=("code", "period"))


def read_rows_with(
    data: bytes, name: str, headings: dict[str, str], required: tuple[str, ...]
) -> list[tuple[int, dict[str, str]]]:
    """Rows under the first row holding every `required` heading (folded `headings`)."""
    lower = name.lower()
    if lower.endswith(".csv"):
        text = data.decode("utf-8-sig", errors="replace")
        grid = [[c.strip() for c in row] for row in csv.reader(io.StringIO(text))]
    elif lower.endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds on a damaged file
            raise ValidationError(
                "{name}: not a readable XLSX file", field="file", name=name
            ) from exc
        sheet = book.worksheets[0]
        grid = [
            ["" if c is None else _cell(c) for c in row]
            for row in sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 10)
        ]
    else:
        raise ValidationError("{name}: upload an .xlsx or .csv file", field="file", name=name)
    for index, row in enumerate(grid):
        fields = [headings.get(unit_key(c)) if c else None for c in row]
        if all(f in fields for f in required):
            out = []
            for number, cells in enumerate(grid[index + 1 :], start=index + 2):
                record = {f: cells[i] for i, f in enumerate(fields) if f and i < len(cells)}
                if any(v.strip() for v in record.values()):
                    out.append((number, record))
            return out
    wanted = ", ".join(k for k, v in headings.items() if v in required and " " in k)
    raise ValidationError(
        "{name}: no heading row naming {wanted} (download the template)",
        field="file",
        name=name,
        wanted=wanted,
    )


def _cell(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _number(text: str | None, what: str) -> float | None:
    return parse_number(text, what)


def upload_values(
    session: Session,
    indicator_id: int,
    user: UserView | None,
    data: bytes,
    name: str,
    *,
    submit: bool = False,
) -> UploadResult:
    """Check every row, then save them all (or none: RowsRejected names each bad row)."""
    indicator = get_indicator(session, indicator_id, user)
    if not may_enter(session, indicator, user):
        raise PermissionDenied("only the responsible reporter or the plan officer can enter values")
    rows = read_rows(data, name)
    if not rows:
        raise ValidationError("{name}: the table has no rows", field="file", name=name)
    by_code = {u.code: u for u in units(session, indicator)}
    problems: list[tuple[int, str]] = []
    seen: dict[tuple[str, str], int] = {}
    good: list[dict] = []
    for number, record in rows:
        try:
            good.append(_check_row(indicator, record, by_code, seen, number))
        except ValidationError as exc:
            problems.append((number, exc.message))
    if problems:
        raise RowsRejected(problems)
    for row in good:
        enter_value(session, indicator_id, user, submit=submit, **row)
    return UploadResult(indicator_id, len(good), submit)


def _check_row(
    indicator: IndicatorView, record: dict[str, str], by_code: dict, seen: dict, number: int
) -> dict:
    code = (record.get("code") or "").strip()
    if code.isdigit() and indicator.level == "commune":
        code = code.zfill(5)
    unit = by_code.get(code)
    if unit is None:
        where = "commune" if indicator.level == "commune" else "province"
        raise ValidationError(
            "unknown {level} code '{code}' for {place}",
            field="code",
            level=where,
            code=code,
            place=indicator.jurisdiction_name,
        )
    period = check_period(record.get("period") or "", indicator.frequency)
    key = (code, period)
    if key in seen:
        raise ValidationError(
            "duplicate of row {row} ({code}, {period})",
            field="code",
            row=seen[key],
            code=code,
            period=period,
        )
    seen[key] = number
    value = _number(record.get("value"), "value")
    numerator = _number(record.get("numerator"), "numerator")
    denominator = _number(record.get("denominator"), "denominator")
    if (
        indicator.kind == "ratio"
        and numerator is None
        and denominator is None
        and value is not None
    ):
        if value > 100:
            raise ValidationError(
                "a share cannot be above 100% (got {value})", field="value", value=fmt(value)
            )
        raise ValidationError(
            "write the numerator and denominator, not a share ({value})",
            field="value",
            value=fmt(value),
        )
    check_figures(indicator.kind, value, numerator, denominator, indicator.unit)
    return {
        "unit_id": unit.id,
        "period": period,
        "value": value,
        "numerator": numerator,
        "denominator": denominator,
        "note": record.get("note") or "",
    }
