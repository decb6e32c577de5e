"""`kehoach bench indicators`: the indicator page and the targets panel timed on the demo
database and on a province-sized one, next to the same roll-up as one raw SQL query (the
floor: what the database alone needs)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

ROLLUP_SQL = (
    "SELECT period, SUM(numerator), SUM(denominator), COUNT(*) FROM indicator_values "
    "WHERE indicator_id = :i AND state = 'approved' AND superseded = :f "
    "GROUP BY period ORDER BY period"
)


PANEL_SQL = (
    "SELECT v.indicator_id, v.period, SUM(v.numerator), SUM(v.denominator), SUM(v.value) "
    "FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id "
    "WHERE i.plan_id = :p AND v.state = 'approved' AND v.superseded = :f AND v.period >= :s "
    "GROUP BY v.indicator_id, v.period"
)


@dataclass(frozen=True)
class Row:
    database: str
    what: str
    times: list[float]

    @property
    def p50(self) -> float:
        """Median, ms."""
        return statistics.median(self.times) * 1000

    @property
    def p95(self) -> float:
        """95th percentile, ms."""
        ordered = sorted(self.times)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] * 1000


def _timed(run: Callable[[], object], repeat: int) -> list[float]:
    run()  # warm up: templates compiled, statements cached
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        out.append(time.perf_counter() - start)
    return out


def _token(db) -> str:
    """An API token of a national officer (made once per database)."""
    import secrets

    from kehoach.errors import NotFound
    from kehoach.services import users

    try:
        officer = users.find_user(db, "bench_officer")
    except NotFound:
        officer = users.create_user(db, "bench_officer", secrets.token_urlsafe(16), "officer")
    return users.create_token(db, officer.id, "bench")


def build_demo(url: str, today: date) -> None:
    """The demo database (`kehoach demo`'s content) at `url`."""
    from kehoach.services.demo import seed_demo
    from kehoach.store.db import open_database, session_scope

    with session_scope(open_database(url)) as db:
        seed_demo(db, None, today)


def build_province(url: str, indicators: int, years: int, province: str):
    """A province-sized data set at `url`: every commune, `indicators`, `years` of half-years."""
    from kehoach.services.demo_indicators import build_indicator_province
    from kehoach.store.db import open_database, session_scope

    with session_scope(open_database(url)) as db:
        return build_indicator_province(db, province=province, indicators=indicators, years=years)
