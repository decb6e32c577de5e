"""The pure arithmetic of indicators: periods, checks, attainment, trajectory."""

from __future__ import annotations

from datetime import date

import pytest

from kehoach.errors import ValidationError
from kehoach.services.indicator_math import (
    attainment,
    check_figures,
    check_period,
    current_period,
    period_end,
    periods_between,
    share,
    trajectory,
)


def test_periods():
    assert period_end("2026") == date(2026, 12, 31)
    assert period_end("2026-H1") == date(2026, 6, 30)
    assert period_end("2026-Q3") == date(2026, 9, 30)
    assert check_period(" 2026-h2 ", "half") == "2026-H2"
    assert current_period(date(2026, 7, 1), "half") == "2026-H2"
    assert periods_between(date(2025, 1, 1), date(2026, 6, 30), "half") == [
        "2025-H1",
        "2025-H2",
        "2026-H1",
    ]
    with pytest.raises(ValidationError, match="not a year period"):
        check_period("2026-H1", "year")
    with pytest.raises(ValidationError, match="unknown period"):
        period_end("2026-13")


def test_figure_checks():
    check_figures("ratio", None, 3, 4, "%")
    with pytest.raises(ValidationError, match="larger than the denominator"):
        check_figures("ratio", None, 5, 4, "%")
    with pytest.raises(ValidationError, match="above 100%"):
        check_figures("value", 101, None, None, "%")
    check_figures("value", 101, None, None, "di tích")
    assert share(1, 4) == 25.0
    assert share(1, 0) is None


def test_attainment_and_direction():
    assert attainment(45, 90) == 50.0
    assert attainment(4, 2, "down") == 50.0
    assert attainment(None, 90) is None


def test_trajectory():
    deadline = date(2030, 12, 31)
    rising = [(date(2024, 12, 31), 60.0), (date(2025, 12, 31), 70.0), (date(2026, 12, 31), 80.0)]
    assert trajectory(rising, 100, deadline, date(2027, 1, 10)).code == "on_track"
    slow = [(date(2024, 12, 31), 60.0), (date(2025, 12, 31), 61.0), (date(2026, 12, 31), 62.0)]
    assert trajectory(slow, 100, deadline, date(2027, 1, 10)).code == "off_track"
    nearly = [(date(2025, 12, 31), 60.0), (date(2026, 12, 31), 67.0)]
    result = trajectory(nearly, 100, deadline, date(2027, 1, 10))
    assert result.code == "at_risk" and result.light == "amber"
    assert trajectory(rising, 80, deadline, date(2027, 1, 10)).code == "achieved"
    assert trajectory([], 80, deadline, date(2027, 1, 10)).light == "grey"
    late = trajectory(slow, 100, date(2026, 12, 31), date(2027, 1, 10))
    assert late.code == "off_track"
    # one period and a baseline make a trend
    one = trajectory(
        [(date(2026, 12, 31), 80.0)], 100, deadline, date(2027, 1, 1),
        baseline=(date(2024, 12, 31), 60.0),
    )  # fmt: skip
    assert one.code == "on_track"
