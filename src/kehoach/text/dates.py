"""Dates as Vietnamese officials write them, one way everywhere (pages, messages, terminal).

`31/03/2026` for a day, `03/2026` for a month-only date (`2026-03` in a record),
`20/06` for a yearly due date (`06-20` in a reporting duty).
"""

from __future__ import annotations

import datetime as dt
import re

from kehoach.errors import DAY, DAY_TIME

_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEARLY = re.compile(r"(\d{2})-(\d{2})")


def format_date(value: dt.date | dt.datetime | str | None) -> str:
    """`2026-06-20` -> `20/06/2026`, `2026-03` -> `03/2026`, `06-20` -> `20/06`; empty for
    None; any other text as it is."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        text = value
        if month := _MONTH.fullmatch(text):
            return f"{month.group(2)}/{month.group(1)}"
        if yearly := _YEARLY.fullmatch(text):
            return f"{yearly.group(2)}/{yearly.group(1)}"
        try:
            value = dt.date.fromisoformat(text[:10])
        except ValueError:
            return text
    return value.strftime(DAY)


def format_datetime(value: dt.datetime | dt.date | str | None) -> str:
    """`20/06/2026 14:05` for a timestamp (a plain date as `format_date` writes it)."""
    if isinstance(value, str) and value:
        text = value
        try:
            value = dt.datetime.fromisoformat(text)
        except ValueError:
            return text
    if isinstance(value, dt.datetime):
        return value.strftime(DAY_TIME)
    return format_date(value)


def parse_day(value: object) -> dt.date | None:
    """A day from a form (`31/03/2026`, or ISO with or without a time) or a spreadsheet cell
    (a date or datetime); None when empty. Raises ValueError for anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for fmt, size in (("%d/%m/%Y", None), ("%Y-%m-%d", 10)):
        try:
            return dt.datetime.strptime(text[:size] if size else text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)
