"""`kehoach bench indicators`: the indicator page and targets panel, timed (aim: p95 < 150 ms)."""

from datetime import date

import typer

from kehoach.cli import bench_app


@bench_app.command("indicators")
def bench_indicators(
    db: str | None = typer.Option(
        None, "--db", help="An empty database URL for the province-sized set (default: SQLite)."
    ),
    indicators: int = typer.Option(40, help="Indicators of the province-sized set."),
    years: int = typer.Option(10, help="Years of half-year values."),
    province: str = typer.Option("79", help="Province code (79: TP. Hồ Chí Minh, 168 communes)."),
    repeat: int = typer.Option(30, help="Timed runs of each row."),
) -> None:
    """Time the indicator page and the targets panel on the demo database and on a
    province-sized one, next to the roll-up as one SQL query (the floor).

    Example: kehoach bench indicators --repeat 30
    """
    import tempfile
    from datetime import date
    from pathlib import Path

    from rich.console import Console
    from rich.table import Table

    from kehoach.bench import indicators as bench
    from kehoach.cli.edge import user_errors

    console = Console()
    today = date(2026, 12, 2)  # fixed, so that runs compare
    with user_errors(), tempfile.TemporaryDirectory() as tmp:
        demo_url = f"sqlite:///{Path(tmp) / 'demo.db'}"
        bench.build_demo(demo_url, today)
        province_url = db or f"sqlite:///{Path(tmp) / 'province.db'}"
        info = bench.build_province(province_url, indicators, years, province)
        rows = time_database("demo (sqlite)", demo_url, Path(tmp), repeat, today)
        label = f"province ({province_url.split(':', 1)[0].split('+')[0]})"
        rows += time_database(label, province_url, Path(tmp), repeat, today)
    table = Table(title=f"kehoach indicators — {repeat} runs each, in process")
    for name in ("database", "page / query", "p50 ms", "p95 ms"):
        table.add_column(name, justify="right" if "ms" in name else "left")
    for row in rows:
        table.add_row(row.database, row.what, f"{row.p50:.1f}", f"{row.p95:.1f}")
    console.print(table)
    console.print(
        f"province: {info.communes} communes, {info.indicators} indicators, "
        f"{info.values} values ({years} years of half-years), built in {info.seconds:.1f} s"
    )


def time_database(label: str, url: str, data_dir, repeat: int, on: date) -> list:
    """Time the pages of the busiest indicator and plan of the database at `url`."""
    from fastapi.testclient import TestClient

    from kehoach.bench.indicators import PANEL_SQL, ROLLUP_SQL, Row, _timed, _token
    from kehoach.services import indicator_figures
    from kehoach.services.demo_indicators import busiest_indicator, raw_query
    from kehoach.services.types import SYSTEM
    from kehoach.settings import Settings
    from kehoach.store.db import session_scope
    from kehoach.web.app import create_app

    settings = Settings(
        database_url=url, data_dir=data_dir, secret_key="b" * 40, reminders_in_app=False
    )
    app = create_app(settings)
    with session_scope(app.state.sessions) as db:
        busiest, plan_id = busiest_indicator(db)
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
            raw_query(db, ROLLUP_SQL, {"i": busiest, "f": False})

    def panel_floor():
        with session_scope(app.state.sessions) as db:
            raw_query(db, PANEL_SQL, {"p": plan_id, "f": False, "s": str(on.year - 3)})

    def uncached_page():
        app.state.views = type(app.state.views)()  # as after a change: computed, not cached
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
