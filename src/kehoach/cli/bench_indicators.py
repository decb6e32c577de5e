"""`kehoach bench indicators`: the indicator page and targets panel, timed (aim: p95 < 150 ms)."""

from __future__ import annotations

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
        rows = bench.time_database("demo (sqlite)", demo_url, Path(tmp), repeat, today)
        label = f"province ({province_url.split(':', 1)[0].split('+')[0]})"
        rows += bench.time_database(label, province_url, Path(tmp), repeat, today)
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
