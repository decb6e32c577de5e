"""`kehoach bench web`: latency and throughput of the web app on a province-sized database."""

from pathlib import Path

import typer

from kehoach.cli import bench_app
from kehoach.cli.edge import user_errors


@bench_app.command("web")
def bench_web(
    db: str = typer.Option("both", help="sqlite, postgresql or both."),
    seconds: float = typer.Option(5.0, help="How long to drive each page (wrk -d)."),
    max_requests: int = typer.Option(5000, help="At most this many requests per page."),
    connections: int = typer.Option(8, help="Concurrent connections (wrk -c)."),
    threads: int = typer.Option(2, help="wrk threads."),
    workers: int = typer.Option(2, help="Server worker processes."),
    plans: int = typer.Option(30, help="Plans in the synthetic province."),
    tasks: int = typer.Option(2000, help="Tasks."),
    agencies: int = typer.Option(60, help="Agencies."),
    years: int = typer.Option(5, help="Years of half-year and annual reports."),
    pg_url: str = typer.Option(
        "postgresql+psycopg://postgres@127.0.0.1:5432/test",
        help="PostgreSQL server (a fresh database is made beside it).",
    ),
) -> None:
    """Build a province (30 plans, 2,000 tasks, 60 agencies, ≥ 20,000 reports), serve it and
    measure p50/p95 and req/s of the dashboard, task tables, "my unit" and the API lists.

    Example: kehoach bench web --db both --seconds 5
    """
    from rich.console import Console
    from rich.table import Table

    from kehoach.bench import web as bench

    console = Console(width=max(Console().width, 110))
    sizes = {"plans": plans, "tasks": tasks, "agencies": agencies, "years": years}
    chosen = ["sqlite", "postgresql"] if db == "both" else [db]
    measures, provinces = [], []
    with user_errors():
        for label in chosen:
            if label == "sqlite":
                path = Path("var/bench/web.db")
                path.parent.mkdir(parents=True, exist_ok=True)
                path.unlink(missing_ok=True)
                url = f"sqlite:///{path}"
            elif label == "postgresql":
                url = bench.prepare_postgres(pg_url)
            else:
                raise typer.BadParameter("use sqlite, postgresql or both", param_hint="--db")
            province, rows = bench.bench_database(
                label,
                url,
                sizes=sizes,
                seconds=seconds,
                max_requests=max_requests,
                connections=connections,
                threads=threads,
                workers=workers,
                progress=lambda m: console.print(m, style="dim"),
            )
            provinces.append((label, province))
            measures.extend(rows)
    table = Table(title=f"kehoach web — {connections} connections, {workers} server workers")
    for col in (
        "database",
        "page / endpoint",
        "p50 ms",
        "p95 ms",
        "req/s",
        "requests",
        "failed",
        "first ms",
    ):
        table.add_column(col, justify="left" if col in ("database", "page / endpoint") else "right")
    for m in measures:
        p95 = f"{m.p95_ms:.1f}" if m.p95_ms < 150 else f"[red]{m.p95_ms:.1f}[/red]"
        table.add_row(
            m.database,
            m.name,
            f"{m.p50_ms:.1f}",
            p95,
            f"{m.rps:.0f}",
            str(m.requests),
            str(m.failures),
            f"{m.first_ms:.0f}",
        )
    console.print(table)
    console.print(
        "first ms: the first request after start-up (or after any change), when the "
        "dashboard, plan summary and task pages are computed rather than cached."
    )
    for label, p in provinces:
        console.print(
            f"{label}: {p.plans} plans, {p.tasks} tasks, {p.agencies} agencies, "
            f"{p.reports} reports; status of all tasks computed in "
            f"{p.status_seconds * 1000:.0f} ms"
        )
