"""The emulation council's table (`Bảng tổng hợp kết quả chấm điểm thi đua`) as a workbook
and as a Word document in the layout of the period report (header table, title, the table,
signature of the council's chairman)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

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
from kehoach.writers.tables import Column, Table, xlsx_bytes

if TYPE_CHECKING:
    from kehoach.services.emulation import Ranking, UnitScore

CRITERION_VI = {
    "tasks_on_time": "Nhiệm vụ hoàn thành đúng hạn",
    "reports_on_time": "Báo cáo đúng hạn",
    "targets_attained": "Chỉ tiêu đạt được",
    "evidence_attached": "Có minh chứng kèm theo",
}
COMMUNE_CRITERION_VI = {
    "reports_on_time": "Báo cáo số liệu chỉ tiêu",
    "targets_attained": "Chỉ tiêu đạt được",
}
COUNCIL = "HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG"


def period_words(code: str) -> str:
    """`năm 2026`, `6 tháng đầu năm 2026`, `quý III năm 2026`."""
    year, _, part = code.partition("-")
    if not part:
        return f"năm {year}"
    if part == "H1":
        return f"6 tháng đầu năm {year}"
    if part == "H2":
        return f"6 tháng cuối năm {year}"
    roman = ("I", "II", "III", "IV")[int(part[1:]) - 1]
    return f"quý {roman} năm {year}"


def title(data: Ranking) -> str:
    return f"Kết quả chấm điểm thi đua thực hiện {data.plan_name} {period_words(data.period)}"


def _rule_line(data: Ranking) -> str:
    weights = "; ".join(
        f"{CRITERION_VI[c]} {format_number(w)} điểm" for c, w in data.rule.weights.items()
    )
    version = f"phiên bản {data.rule.version}" if data.rule.version else "mặc định"
    return f"Tiêu chí chấm điểm ({version}): {weights}. Số liệu tính đến ngày {data.on:%d/%m/%Y}."


def _criteria(data: Ranking, communes: bool = False) -> list[str]:
    names = COMMUNE_CRITERION_VI if communes else CRITERION_VI
    return list(names)


def _row(u: UnitScore, codes: list[str]) -> list:
    points = {c.code: c.points for c in u.criteria}
    return [u.rank, u.name, *(points.get(c) for c in codes), u.adjustment, u.total]


def emulation_xlsx(data: Ranking) -> bytes:
    """The table as .xlsx: agencies, then communes (when they reported)."""
    head = [title(data), _rule_line(data)]
    codes = _criteria(data)
    sheets = [
        Table(
            "Cơ quan",
            [
                Column("Xếp hạng", "int", 9),
                Column("Cơ quan chủ trì", "text", 40),
                *(Column(CRITERION_VI[c], "number", 14) for c in codes),
                Column("Điểm cộng, trừ", "number", 12),
                Column("Tổng điểm", "number", 12),
            ],
            [_row(u, codes) for u in data.agencies],
            head,
        )
    ]
    if data.communes:
        ccodes = _criteria(data, communes=True)
        sheets.append(
            Table(
                "Xã, phường",
                [
                    Column("Xếp hạng", "int", 9),
                    Column("Xã, phường", "text", 36),
                    *(Column(COMMUNE_CRITERION_VI[c], "number", 16) for c in ccodes),
                    Column("Điểm cộng, trừ", "number", 12),
                    Column("Tổng điểm", "number", 12),
                ],
                [_row(u, ccodes) for u in data.communes],
                head,
            )
        )
    return xlsx_bytes(sheets)


def _n(value) -> str:
    return "" if value is None else format_number(value)


def _header(doc, data: Ranking) -> None:
    table = doc.add_table(rows=1, cols=2)
    no_borders(table)
    left, right = table.rows[0].cells
    cell_lines(
        left,
        [
            (f"UBND TỈNH {data.province.upper()}".strip(), {"size": 13}),
            (COUNCIL, {"bold": True, "size": 13}),
        ],
    )
    short_rule(left, 2.2, 8.0)
    cell_lines(
        right,
        [
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", {"bold": True, "size": 13}),
            ("Độc lập - Tự do - Hạnh phúc", {"bold": True, "size": 14}),
        ],
    )
    short_rule(right, 6.2, 9.0)
    p = right.add_paragraph()
    p.alignment = CENTER
    run = p.add_run(f"{data.province}, ngày {data.on.day} tháng {data.on.month} năm {data.on.year}")
    run.italic = True
    from kehoach.writers.docx_layout import set_font

    set_font(run, 14)
    widths(table, (8.0, 9.0))


def _table(doc, units: list[UnitScore], codes: list[str], names: dict[str, str], who: str):
    rows = [[str(u.rank), u.name, *(_n(p) for p in _row(u, codes)[2:])] for u in units]
    grid_table(
        doc,
        ("Xếp hạng", who, *(names[c] for c in codes), "Điểm cộng, trừ", "Tổng điểm"),
        rows,
        (1.8, 7.5, *([3.0] * len(codes)), 2.4, 2.4),
    )


def emulation_docx(data: Ranking) -> bytes:
    """The council's table as .docx (A4 landscape for the table)."""
    from docx import Document

    doc = Document()
    setup(doc)
    _header(doc, data)
    para(doc, "BẢNG TỔNG HỢP", bold=True, align=CENTER, indent=False, before=18)
    para(doc, title(data), bold=True, align=CENTER, indent=False, before=0)
    short_rule(doc, 3.0, 16.0)
    para(doc, _rule_line(data), before=12)
    para(
        doc,
        "Tiêu chí không phát sinh đối với một đơn vị thì trọng số được chia lại cho các tiêu "
        "chí còn lại theo tỷ lệ; điểm cộng, trừ do Hội đồng quyết định, có ghi rõ lý do.",
    )
    landscape_section(doc)
    para(doc, "Biểu 1", bold=True, align=CENTER, indent=False)
    para(doc, "Kết quả chấm điểm các cơ quan chủ trì", bold=True, align=CENTER, indent=False)
    _table(doc, data.agencies, _criteria(data), CRITERION_VI, "Cơ quan chủ trì")
    reasons = [(u.name, a) for u in data.agencies for a in u.adjustments]
    if reasons:
        para(doc, "Điểm cộng, trừ và lý do:", bold=True, before=12)
        for name, a in reasons:
            sign = "+" if a.points > 0 else ""
            para(doc, f"- {name}: {sign}{_n(a.points)} điểm — {a.reason}")
    para(doc, "Biểu 2", bold=True, align=CENTER, indent=False, before=12)
    para(doc, "Kết quả chấm điểm các xã, phường", bold=True, align=CENTER, indent=False)
    if data.communes:
        _table(
            doc, data.communes, _criteria(data, communes=True), COMMUNE_CRITERION_VI, "Xã, phường"
        )
    else:
        para(doc, "Các xã, phường chưa báo cáo số liệu chỉ tiêu của kỳ này.", italic=True)
    table = doc.add_table(rows=1, cols=2)
    no_borders(table)
    cell_lines(
        table.rows[0].cells[1],
        [
            ("TM. HỘI ĐỒNG", {"bold": True, "size": 14, "before": 12}),
            ("CHỦ TỊCH", {"bold": True, "size": 14}),
        ],
    )
    widths(table, (13.0, 12.0))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
