"""`kehoach bench scale`: the national-scale figures on a seeded database, with their floors."""

from pathlib import Path

import typer

from kehoach.cli import bench_app


@bench_app.command("scale")
def bench_scale(
    db: str = typer.Option(..., "--db", help="A database seeded by `kehoach bench seed`."),
    json_out: Path | None = typer.Option(None, "--json", help="Also write the figures here."),
    repeat: int = typer.Option(30, help="Timed runs of each in-process figure."),
    web: bool = typer.Option(True, "--web/--no-web", help="Drive the pages with wrk."),
    seconds: float = typer.Option(10.0, help="How long wrk drives each page."),
    connections: int = typer.Option(50, help="Concurrent connections (wrk -c)."),
    workers: int = typer.Option(2, help="Server worker processes."),
    extract_mb: float = typer.Option(2.0, "--extract-mb", help="Text for the extraction figure."),
) -> None:
    """Median and p95 of: extraction, import of one plan, status of a province's tasks on a
    date (3, 6 and 10 years of reports), one indicator rolled up over a province's and the
    country's communes, the dashboard, plan page and API lists under load — each beside one
    hand-written SQL query answering the same question (the floor), with the ratio.

    Example: kehoach bench seed --scale national --db postgresql &&
    kehoach bench scale --db postgresql+psycopg://postgres@127.0.0.1:5432/kehoach_bench_national
    """
    from rich.console import Console
    from rich.table import Table

    from kehoach.bench import scale as bench
    from kehoach.cli.edge import user_errors

    console = Console(width=max(Console().width, 120))
    with user_errors():
        report = bench.run_all(
            db, repeat=repeat, web=web, seconds=seconds, connections=connections,
            workers=workers, extract_mb=extract_mb,
            progress=lambda m: console.print(m, style="dim"),
        )  # fmt: skip
    s = report.sizes
    table = Table(
        title=f"kehoach at scale — {report.database}: {s['provinces']} provinces, "
        f"{s['tasks']:,} tasks, {s['progress_reports']:,} reports, "
        f"{s['indicator_values']:,} indicator values"
    )
    for col in ("figure", "p50 ms", "p95 ms", "req/s", "floor p50", "× floor", "target", "met"):
        table.add_column(col, justify="left" if col in ("figure", "target") else "right")
    for f in report.figures:
        met = "—" if f.met is None else ("[green]yes[/green]" if f.met else "[red]no[/red]")
        table.add_row(
            f.name,
            f"{f.p50_ms:.1f}",
            f"{f.p95_ms:.1f}",
            f"{f.rps:.0f}" if f.rps is not None else "",
            f"{f.floor_p50_ms:.1f}" if f.floor_p50_ms is not None else "",
            f"{f.ratio:.1f}" if f.ratio is not None else "",
            f.target,
            met,
        )
    console.print(table)
    m = report.machine
    console.print(
        f"{m['cpu']}, {m['cores']} cores; {m['database']}; Python {m['python']}; load average "
        f"{m['load_average'][0]} before, {m['load_average_after'][0]} after"
    )
    if json_out is not None:
        bench.write_json(report, json_out)
        console.print(f"figures written to {json_out}")
