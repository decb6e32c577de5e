"""Which period reporting completeness is judged for."""

from datetime import date

from kehoach.services.summaries import review_period

HALF_AND_YEAR = [("half_year", "06-20"), ("year", "11-30")]


def test_the_report_coming_due_is_the_one_chased() -> None:
    assert review_period(HALF_AND_YEAR, date(2026, 11, 25), date(2026, 1, 1)).code == "2026"
    assert review_period(HALF_AND_YEAR, date(2026, 6, 1), date(2026, 1, 1)).code == "2026-H1"


def test_between_due_dates_the_last_one_due_is_reviewed() -> None:
    assert review_period(HALF_AND_YEAR, date(2026, 8, 1), date(2026, 1, 1)).code == "2026-H1"


def test_before_anything_was_due_the_current_period() -> None:
    assert review_period(HALF_AND_YEAR, date(2026, 3, 1), date(2026, 1, 1)).code == "2026-H1"
