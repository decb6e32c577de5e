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


def time_database(label: str, url: str, data_dir, repeat: int, on: date) -> list[Row]:
    """Time the pages of the busiest indicator and plan of the database at `url`."""
    from fastapi.testclient import TestClient
    from sqlalchemy import func, select, text

    from kehoach.services import indicator_figures
    from kehoach.services.types import SYSTEM
    from kehoach.settings import Settings
    from kehoach.store.db import session_scope
    from kehoach.store.tables import IndicatorValue
    from kehoach.web.app import create_app

    settings = Settings(
        database_url=url, data_dir=data_dir, secret_key="b" * 40, reminders_in_app=False
    )
    app = create_app(settings)
    with session_scope(app.state.sessions) as db:
        busiest, plan_id = (
            db.execute(
                select(IndicatorValue.indicator_id, func.count())
                .group_by(IndicatorValue.indicator_id)
                .order_by(func.count().desc())
                .limit(1)
            ).one()[0],
            None,
        )
        from kehoach.store.tables import Indicator

        plan_id = db.scalar(select(Indicator.plan_id).where(Indicator.id == busiest))
        token = _token(db)
    client = TestClient(app)
    client.headers["Authorization"] = f"Bearer {token}"  # a national officer sees every plan
    day = on.isoformat()

    def page(path: str):
        def run():
            r = client.get(path)
            assert r.status_code == 200, (path, r.status_code)

        return run

    def panel():
        with session_scope(app.state.sessions) as db:
            indicator_figures.targets_panel(db, plan_id, SYSTEM, on)

    def floor():
        with session_scope(app.state.sessions) as db:
            db.execute(text(ROLLUP_SQL), {"i": busiest, "f": False}).all()

    def panel_floor():
        with session_scope(app.state.sessions) as db:
            db.execute(text(PANEL_SQL), {"p": plan_id, "f": False, "s": str(on.year - 3)}).all()

    def uncached_page():
        from kehoach.web.cache import ViewCache

        app.state.views = ViewCache()  # as after a change: computed, not cached
        indicator_page()

    indicator_page = page(f"/indicators/{busiest}?on={day}")
    panel_api = page(f"/api/plans/{plan_id}/targets-panel?on={day}")
    return [
        Row(label, f"indicator page /indicators/{busiest}, computed", _timed(uncached_page, repeat)),
        Row(label, "  same, cached (no change since)", _timed(indicator_page, repeat)),
        Row(label, f"targets panel (service), plan {plan_id}", _timed(panel, repeat)),
        Row(label, f"GET /api/plans/{plan_id}/targets-panel, cached", _timed(panel_api, repeat)),
        Row(label, "  indicator roll-up as one SQL query (floor)", _timed(floor, repeat)),
        Row(label, "  panel roll-up as one SQL query (floor)", _timed(panel_floor, repeat)),
    ]  # fmt: skip


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
