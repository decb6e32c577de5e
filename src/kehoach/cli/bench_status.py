"""`kehoach bench status`: time the status computation on a province-sized database."""

import typer

from kehoach.cli import bench_app


@bench_app.command("status")
def bench_status(
    db: str | None = typer.Option(
        None, "--db", help="Database URL to build in (default: a fresh SQLite file in a temp dir)."
    ),
    plans: int = typer.Option(30, help="Plans to generate."),
    tasks: int = typer.Option(2000, help="Tasks to generate."),
    agencies: int = typer.Option(60, help="Agencies to generate."),
    years: int = typer.Option(5, help="Years of half-year reports."),
    on: str | None = typer.Option(None, "--date", help="Status date (default today)."),
    repeat: int = typer.Option(5, help="Timed runs; the median and best are printed."),
) -> None:
    """Build a synthetic province and time the status of all tasks on a date (aim: < 0.5 s).

    Example: kehoach bench status --tasks 2000 --years 5
    """
    import tempfile
    from pathlib import Path

    from kehoach.bench.status import time_statuses
    from kehoach.cli.edge import user_errors
    from kehoach.cli.store_cmd import parse_day

    with user_errors(), tempfile.TemporaryDirectory() as tmp:
        day = parse_day(on)
        url = db or f"sqlite:///{Path(tmp) / 'province.db'}"
        sizes = {"plans": plans, "tasks": tasks, "agencies": agencies, "years": years}
        timing = time_statuses(url, **sizes, day=day, repeat=repeat)
        info = timing.province
        print(
            f"built {info.plans} plans, {info.tasks} tasks, {info.agencies} agencies, "
            f"{info.reports} reports in {info.seconds:.2f} s"
        )
        print(
            f"status of {timing.tasks} tasks on {day:%d/%m/%Y}: median "
            f"{timing.median * 1000:.0f} ms, best {min(timing.times) * 1000:.0f} ms "
            f"({len(timing.times)} runs, {url.split(':', 1)[0]})"
        )
