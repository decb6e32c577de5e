"""`kehoach bench seed`: the synthetic country loaded into a fresh database, with a progress bar."""

from __future__ import annotations

from pathlib import Path

from kehoach.bench.web import prepare_postgres
from kehoach.errors import KehoachError

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def database_url(db: str, scale: str) -> str:
    """`sqlite` (a fresh file var/bench/<scale>.db), `postgresql` (a fresh database
    kehoach_bench_<scale> on 127.0.0.1), or an empty database's URL as given."""
    if db == "sqlite":
        path = Path("var/bench") / f"{scale}.db"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        return f"sqlite:///{path}"
    if db == "postgresql":
        return prepare_postgres(PG_SERVER, f"kehoach_bench_{scale.replace('-', '_')}")
    if "://" not in db:
        raise KehoachError("use sqlite, postgresql or a database URL, not {db}", db=db)
    return db


def seed(url: str, scale_name: str, provinces: int | None, seed_value: int, console=None):
    """Load the synthetic country at `url`; returns its `CountryInfo`."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from kehoach.services import synthetic_country as country
    from kehoach.store.db import open_database, session_scope

    scale = country.scale_for(scale_name, provinces)
    sessions = open_database(url)
    with session_scope(sessions) as db:
        country.check_empty(db)  # before any progress bar is drawn
        communes = sum(len(p[3]) for p in country.provinces_of(db, scale))
    totals = country.expected_rows(scale, communes)
    columns = (TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed:,} rows"),
               TimeElapsedColumn())  # fmt: skip
    with Progress(*columns, console=console, transient=False) as bar:
        jobs = {step: bar.add_task(step, total=total) for step, total in totals.items()}

        def advance(step: str, rows: int) -> None:
            bar.update(jobs[step], advance=rows)

        with session_scope(sessions) as db:
            info = country.seed_country(db, scale, seed_value, advance)
        for job in jobs.values():
            bar.update(job, total=bar.tasks[job].completed or 1)
    with session_scope(sessions) as db:
        country.settle(db)
    return info
