"""Dates one way everywhere: 31/03/2026, a month 03/2026, a yearly due date 20/06."""

import datetime as dt

from kehoach.text.dates import format_date, format_datetime


def test_dates_as_officials_write_them():
    assert format_date(dt.date(2026, 3, 31)) == "31/03/2026"
    assert format_date("2026-03-31") == "31/03/2026"
    assert format_date("2026-03") == "03/2026"
    assert format_date("06-20") == "20/06"
    assert format_date(None) == "" and format_date("") == ""
    assert format_date("Quý I/2026") == "Quý I/2026"  # not a date: as it is
    assert format_datetime(dt.datetime(2026, 6, 20, 14, 5)) == "20/06/2026 14:05"
    assert format_datetime("2026-06-20T14:05:00") == "20/06/2026 14:05"
    assert format_datetime(dt.date(2026, 6, 20)) == "20/06/2026"
