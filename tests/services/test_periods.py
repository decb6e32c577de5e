"""Reporting periods: the province default, plan duties, and properties for any date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.errors import ValidationError
from kehoach.services.periods import (
    current_period,
    last_due_period,
    open_periods,
    period_by_code,
    plan_periods,
)

D = date.fromisoformat
DUTIES = st.lists(
    st.sampled_from(
        [
            ("half_year", "06-20"),
            ("year", "11-30"),
            ("quarter", None),
            ("month", "10"),
            ("year", "12-15"),
            ("ad_hoc", None),
            ("once", "2026-05-01"),
        ]
    ),
    max_size=3,
)


def test_default_is_half_year_and_year():
    codes = [(p.code, p.due) for p in plan_periods([], 2026, 2026)]
    assert codes == [("2026-H1", D("2026-06-20")), ("2026", D("2026-11-30"))]


@pytest.mark.parametrize(
    ("on", "current", "last"),
    [
        ("2026-03-01", "2026-H1", "2025"),
        ("2026-06-20", "2026-H1", "2025"),
        ("2026-06-21", "2026", "2026-H1"),
        ("2026-12-05", "2026", "2026"),
    ],
)
def test_current_and_last_due(on, current, last):
    assert current_period([], D(on)).code == current
    assert last_due_period([], D(on)).code == last


def test_plan_duties_replace_the_default():
    assert [p.code for p in plan_periods([("quarter", None)], 2026, 2026)] == [
        "2026-Q1",
        "2026-Q2",
        "2026-Q3",
        "2026-Q4",
    ]
    monthly = period_by_code([("month", "10")], "2026-07")
    assert (monthly.due, monthly.closes) == (D("2026-07-10"), D("2026-08-10"))
    half = plan_periods([("half_year", "06-20")], 2026, 2026)
    assert [p.code for p in half] == ["2026-H1", "2026-H2"]


def test_unknown_code():
    with pytest.raises(ValidationError) as err:
        period_by_code([], "2026-Q1")
    assert err.value.field == "period"


# No deadline: a few milliseconds per example, but on a loaded shared machine one can take
# longer than Hypothesis's 200 ms and fail a property that holds (the test checks periods,
# not speed).
@settings(deadline=None)
@given(DUTIES, st.dates(min_value=date(2001, 1, 1), max_value=date(2098, 12, 31)))
def test_any_date_has_a_current_period_open_for_reports(duties, on):
    cur = current_period(duties, on)
    assert cur.start <= on or cur.due < on
    assert cur.due <= cur.closes
    assert all(p.start <= on < p.closes for p in open_periods(duties, on))
    last = last_due_period(duties, on)
    assert last is None or last.due < on
