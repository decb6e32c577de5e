"""Task cells that list several tasks as dash items (`- Tổ chức A; - Kiểm tra B.`).

A calendar table keys its rows by period (`Tháng 3 | - A; - B | …`): the row is a month,
not a task, so each item is a task of that month. In any table, a row whose agency cell
lists as many dash items as the task cell (`- Phòng X - Trung tâm Y`) pairs them item by
item, so there too each item is a task. An agency cell that lists no such match gives its
agencies to every item of the row.
"""

from __future__ import annotations

import re

from kehoach.extract.agencies import starts_with_agency

# a cell opening with an item mark
_OPENS_ITEM = re.compile(r"^\s*[-–•]\s*(?=\S)")
# a task item begins at a mark that ends the item before it (`…; - B`, `…. - B`) or opens a
# line; a dash inside an item (`Ngày Thương binh - Liệt sĩ`) ends nothing
_TASK_ITEM_START = re.compile(r"(?:(?<=[;.])\s+|\s*\n\s*)[-–•]\s+(?=\S)")
# in an agency cell any spaced dash may begin an item; whether it does is for the name that
# follows to tell (`Phòng Kế hoạch - Tài chính` is one name)
_AGENCY_ITEM_START = re.compile(r"\s+[-–•]\s+(?=\S)")
_PERIOD_NUMBER = re.compile(r"\b(?:\d{1,2}|[IVX]{1,4})\b")


def task_items(cell: str) -> list[str]:
    """The dash items of a task cell, as written; [] unless the cell opens with one."""
    m = _OPENS_ITEM.match(cell)
    if m is None:
        return []
    items = _TASK_ITEM_START.split(cell[m.end() :])
    return [item.strip() for item in items if item.strip()]


def agency_items(cell: str) -> list[str]:
    """The dash items of an agency cell (each a name or a `;` list of names); [] unless the
    cell opens with one. A dash begins an item only where a body's name follows it."""
    m = _OPENS_ITEM.match(cell)
    if m is None:
        return []
    rest = cell[m.end() :]
    items: list[str] = []
    start = 0
    for dash in _AGENCY_ITEM_START.finditer(rest):
        if starts_with_agency(rest[dash.end() :]):
            items.append(rest[start : dash.start()])
            start = dash.end()
    items.append(rest[start:])
    return [item.strip() for item in items if item.strip()]


def period_key(cell: str) -> str | None:
    """A calendar row's key for its tasks' ids: the period's number (`Tháng 3` gives `3`,
    `Quý II` gives `II`), else the initials of its words (`Thường xuyên` gives `TX`)."""
    m = _PERIOD_NUMBER.search(cell)
    if m:
        return m.group(0)
    return "".join(w[0] for w in cell.split() if w[:1].isalpha()).upper() or None


def item_rows(
    row: list[str], text: int, agencies: list[int], *, by_period: bool
) -> list[list[str]]:
    """The row as one row per task item of its task cell (column `text`), each agency cell
    (columns `agencies`) cut to that item's part when it lists one part per item, else
    whole for every item. The row alone when its task cell lists fewer than two items, or
    when the table is no calendar (`by_period`) and no agency cell pairs its items."""
    items = task_items(row[text]) if 0 <= text < len(row) else []
    if len(items) < 2:
        return [row]
    parts = {c: agency_items(row[c]) for c in agencies if 0 <= c < len(row)}
    if not by_period and not any(len(p) == len(items) for p in parts.values()):
        return [row]
    out = []
    for k, item in enumerate(items):
        cut = list(row)
        cut[text] = item
        for c, p in parts.items():
            if len(p) == len(items):
                cut[c] = p[k]
        out.append(cut)
    return out
