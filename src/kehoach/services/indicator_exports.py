"""Data out: an indicator's figures and the heritage registry as tables (XLSX/CSV through
`writers.tables`) and as open data (the published ones, with their licence)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from sqlalchemy.orm import Session

from kehoach.services.heritage import DIGITIZATION_VI, RANK_VI, TYPE_VI, list_sites
from kehoach.services.indicator_figures import indicator_figures, rollups
from kehoach.services.indicator_values import list_values
from kehoach.services.indicators import get_indicator, list_indicators
from kehoach.services.types import UserView
from kehoach.writers.tables import Column, Table

OPEN_LICENCE = "CC BY 4.0"  # open data published by the province (Creative Commons Attribution)
STATE_VI = {"entered": "Đã nhập", "submitted": "Đã gửi", "approved": "Đã duyệt"}


def indicator_table(session: Session, indicator_id: int, user: UserView | None) -> Table:
    """Every unit's newest figure of every period, then the province's roll-up per period."""
    ind = get_indicator(session, indicator_id, user)
    if ind.computed:
        figures = indicator_figures(session, indicator_id, user)
        rows = [
            [r.code, r.name, figures.period, r.value.value, r.value.numerator, r.value.denominator,
             r.value.figure, "Từ sổ đăng ký", 1, ""]
            for r in figures.by_unit if r.value is not None
        ]  # fmt: skip
        series = figures.series
    else:
        rows = [
            [v.unit_code, v.unit_name, v.period, v.value, v.numerator, v.denominator, v.figure,
             STATE_VI[v.state], v.revision, v.note]
            for v in list_values(session, indicator_id, user)
        ]  # fmt: skip
        series = rollups(session, [ind])[ind.id]
    rows += [
        ["", f"{ind.jurisdiction_name} (tổng hợp)", f.period, None if ind.kind == "ratio" else f.figure,
         f.numerator, f.denominator, f.figure, "Đã duyệt", None, f"{f.units} đơn vị"]
        for f in series
    ]  # fmt: skip
    target = "" if ind.target_value is None else f"{ind.target_value:g} {ind.unit}"
    return Table(
        sheet="Số liệu",
        columns=[
            Column("Mã đơn vị", "text", 10),
            Column("Đơn vị", "text", 30),
            Column("Kỳ", "text", 9),
            Column("Giá trị", "number", 10),
            Column("Tử số", "number", 10),
            Column("Mẫu số", "number", 10),
            Column("Kết quả", "number", 10),
            Column("Trạng thái", "text", 12),
            Column("Lần sửa", "int", 8),
            Column("Ghi chú", "text", 30),
        ],
        rows=rows,
        title=[ind.name, f"Chỉ tiêu: {target}; hạn: {ind.deadline or ''}; {ind.jurisdiction_name}"],
    )


def heritage_table(session: Session, user: UserView | None, **filters) -> Table:
    """The registry as the import reads it back (same headings)."""
    rows = [
        [s.name, ", ".join(TYPE_VI[t] for t in s.types), RANK_VI[s.rank], s.decision_number or "",
         s.decision_date, s.commune_code or "", s.commune or "", s.province, s.latitude, s.longitude,
         s.condition, DIGITIZATION_VI[s.digitization], s.digitized_on]
        for s in list_sites(session, user, **filters)
    ]  # fmt: skip
    return Table(
        sheet="Di tích",
        columns=[
            Column("Tên di tích", "text", 30),
            Column("Loại hình", "text", 20),
            Column("Xếp hạng", "text", 14),
            Column("Số quyết định", "text", 16),
            Column("Ngày quyết định", "date", 12),
            Column("Mã xã", "text", 8),
            Column("Xã", "text", 18),
            Column("Tỉnh", "text", 12),
            Column("Vĩ độ", "number", 10),
            Column("Kinh độ", "number", 10),
            Column("Tình trạng", "text", 20),
            Column("Số hóa", "text", 16),
            Column("Ngày số hóa", "date", 12),
        ],
        rows=rows,
        title=["Sổ đăng ký di tích"],
    )


def open_indicators(session: Session, on: date | None = None) -> list[dict]:
    """Published indicators with their province's figures per period (anonymous view)."""
    inds = [i for i in list_indicators(session, None) if i.public]
    figures = rollups(session, inds, on)
    return [
        {
            **asdict(i),
            "licence": OPEN_LICENCE,
            "series": [
                {
                    "period": f.period,
                    "figure": f.figure,
                    "numerator": f.numerator,
                    "denominator": f.denominator,
                    "units": f.units,
                }
                for f in figures[i.id]
            ],
        }
        for i in inds
    ]


def open_heritage(session: Session) -> list[dict]:
    """Published heritage sites (anonymous view), each with the licence."""
    return [
        {**asdict(s), "types": list(s.types), "licence": OPEN_LICENCE}
        for s in list_sites(session, None)
    ]
