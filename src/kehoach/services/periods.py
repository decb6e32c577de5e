"""Reporting periods from a plan's reporting duties (pure functions, no database).

Province practice: the half-year report is due 20/6 and the annual report 30/11;
plans may ask for monthly or quarterly reports. A plan without a periodic duty
uses that default. A period is open for reports from its start until the next
period's due date (after its own due date a report is late).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any

from kehoach.errors import ValidationError

DEFAULT_DUTIES = (("half_year", "06-20"), ("year", "11-30"))
# A day is a day in the server's local time zone — the zone `date.today()` uses, so the
# "today" of a page and the day of a report agree. Run a Vietnamese deployment with
# TZ=Asia/Ho_Chi_Minh: a report sent at 00:30 on 21/6 in Hà Nội is then late for 20/6.
PERIODIC = ("month", "quarter", "half_year", "year")


def local_time(ts: datetime) -> datetime:
    """A timestamp as a naive local time (a naive timestamp is taken as UTC)."""
    if not time.daylight:  # a fixed offset (Vietnam, UTC): plain arithmetic, 10x faster
        offset = ts.utcoffset()
        if offset is not None:
            ts = ts.replace(tzinfo=None) - offset
        return ts - timedelta(seconds=time.timezone)
    if ts.tzinfo is None:
        ts = ts.replace(tzinfo=UTC)
    return ts.astimezone().replace(tzinfo=None)


def local_day(ts: datetime) -> date:
    """The local day of a timestamp (a naive timestamp is taken as UTC)."""
    return local_time(ts).date()


def local_midnight(day: date) -> datetime:
    """The first instant of `day` in local time (aware)."""
    return datetime.combine(day, datetime.min.time()).astimezone()


@dataclass(frozen=True)
class Period:
    """One reporting period: `2026-H1`, `2026`, `2026-Q3`, `2026-07`."""

    code: str
    every: str
    start: date
    end: date
    due: date
    closes: date


def _month_end(year: int, month: int) -> date:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def _due(year: int, month: int, mmdd: str | None, default_day: int) -> date:
    day = default_day
    if mmdd and len(mmdd) == 5:
        try:
            day = int(mmdd[3:])
        except ValueError:
            day = default_day
    return date(year, month, min(day, _month_end(year, month).day))


def _normalize(duties: Iterable[Any]) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for d in duties:
        every = d.every if hasattr(d, "every") else d[0]
        due = d.due if hasattr(d, "due") else d[1]
        if every in PERIODIC and (every, due) not in out:
            out.append((every, due))
    return out or list(DEFAULT_DUTIES)


def _raw_periods(every: str, due: str | None, year: int) -> list[tuple[str, date, date, date]]:
    """(code, start, end, due) for one duty in one year."""
    if every == "year":
        month = int(due[:2]) if due and len(due) == 5 else 11
        return [(f"{year}", date(year, 1, 1), date(year, 12, 31), _due(year, month, due, 30))]
    if every == "half_year":
        first = _due(year, int(due[:2]) if due and len(due) == 5 else 6, due, 20)
        second = date(year, 12, min(first.day, 31))
        return [
            (f"{year}-H1", date(year, 1, 1), date(year, 6, 30), first),
            (f"{year}-H2", date(year, 7, 1), date(year, 12, 31), second),
        ]
    if every == "quarter":
        return [
            (
                f"{year}-Q{q}",
                date(year, 3 * q - 2, 1),
                _month_end(year, 3 * q),
                _due(year, 3 * q, None, 20),
            )
            for q in range(1, 5)
        ]
    # month: due the stated day of each month (default the 20th)
    day_src = f"01-{due[-2:]}" if due else None
    return [
        (f"{year}-{m:02d}", date(year, m, 1), _month_end(year, m), _due(year, m, day_src, 20))
        for m in range(1, 13)
    ]


def plan_periods(duties: Iterable[Any], first_year: int, last_year: int) -> list[Period]:
    """Every reporting period of these duties in the years given, by due date."""
    return list(_periods(tuple(_normalize(duties)), first_year, last_year))


@lru_cache(maxsize=1024)
def _periods(kinds: tuple[tuple[str, str | None], ...], first_year: int, last_year: int):
    has_year = any(e == "year" for e, _ in kinds)
    raw: list[tuple[str, str, date, date, date]] = []
    for every, due in kinds:
        for year in range(first_year, last_year + 1):
            for code, start, end, d in _raw_periods(every, due, year):
                if has_year and code.endswith("-H2"):
                    continue  # the annual report covers the second half
                raw.append((code, every, start, end, d))
    raw.sort(key=lambda r: (r[4], r[0]))
    out: list[Period] = []
    for i, (code, every, start, end, d) in enumerate(raw):
        later = [r[4] for r in raw[i + 1 :] if r[4] > d]
        closes = later[0] if later else d + timedelta(days=180)
        out.append(Period(code, every, start, end, d, closes))
    return tuple(out)


def _around(duties: Iterable[Any], on: date) -> tuple[Period, ...]:
    return _periods(tuple(_normalize(duties)), on.year - 1, on.year + 1)


def _kinds(duties: Iterable[Any]) -> tuple[tuple[str, str | None], ...]:
    """The duties as a hashable key: a tuple of (every, due) pairs is one already (status
    passes those for every task), anything else is normalized."""
    if isinstance(duties, tuple) and all(type(d) is tuple for d in duties):
        return duties
    return tuple(_normalize(duties))


def current_period(duties: Iterable[Any], on: date) -> Period:
    """The period being reported on `on`: the next one due that has started, else the last due."""
    return _current_period(_kinds(duties), on)


@lru_cache(maxsize=4096)  # status asks it for every task of a plan on the same date
def _current_period(kinds: tuple[tuple[str, str | None], ...], on: date) -> Period:
    periods = _around(kinds, on)
    upcoming = [p for p in periods if p.due >= on and p.start <= on]
    if upcoming:
        return upcoming[0]
    return [p for p in periods if p.due < on][-1]


def last_due_period(duties: Iterable[Any], on: date) -> Period | None:
    """The most recent period whose due date is before `on`."""
    return _last_due_period(_kinds(duties), on)


@lru_cache(maxsize=4096)
def _last_due_period(kinds: tuple[tuple[str, str | None], ...], on: date) -> Period | None:
    past = [p for p in _around(kinds, on) if p.due < on]
    return past[-1] if past else None


def open_periods(duties: Iterable[Any], on: date) -> list[Period]:
    """Periods a report may still be filed for on `on` (started, not yet closed)."""
    return [p for p in _around(duties, on) if p.start <= on < p.closes]


def period_by_code(duties: Iterable[Any], code: str) -> Period:
    """The period with this code; `ValidationError(field="period")` when it is not one."""
    try:
        year = int(code[:4])
    except ValueError:
        raise ValidationError(
            "'{code}' is not a reporting period", field="period", code=code
        ) from None
    if not 1945 <= year <= 2200:  # no plan is about other years (and dates cannot hold year 0)
        raise ValidationError("'{code}' is not a reporting period", field="period", code=code)
    for p in plan_periods(duties, year, year + 1):
        if p.code == code:
            return p
    raise ValidationError(
        "'{code}' is not a reporting period of this plan", field="period", code=code
    ) from None
