"""`kehoach worker`, `kehoach jobs run|defer`, `kehoach migrate`: the production processes
beside the web app (docs/deployment.md)."""

import typer

from kehoach.cli import app
from kehoach.cli.edge import user_errors
from kehoach.cli.store_cmd import DB_HELP

jobs_app = typer.Typer(help="Background jobs: reminders, backup, search.", no_args_is_help=True)
app.add_typer(jobs_app, name="jobs")


def _settings(db: str | None):
    from kehoach.settings import Settings

    return Settings(database_url=db) if db else Settings()


def uses_queue(settings) -> bool:
    """Whether the worker runs the procrastinate queue (PostgreSQL) or the scheduler."""
    if settings.worker_queue == "scheduler":
        return False
    postgres = settings.database_url.startswith("postgresql")
    return postgres or settings.worker_queue == "procrastinate"


@app.command()
def worker(
    queue: list[str] = typer.Option(
        [], "--queue", help="Only these queues: reminders, backups, maintenance (default all)."
    ),
    once: bool = typer.Option(False, "--once", help="Run the jobs waiting now, then stop."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Run the background jobs apart from the web app: reminders, scheduled backups, search.

    On PostgreSQL a procrastinate queue in the same database (any number of workers);
    on SQLite the in-process scheduler (one worker). Set KEHOACH_REMINDERS_IN_APP=0 for
    the app processes when a worker runs.

    Example: KEHOACH_REMINDERS_IN_APP=0 kehoach worker
    """
    with user_errors():
        settings = _settings(db)
        if uses_queue(settings):
            from kehoach.services.queue import run_worker

            run_worker(settings, queue or None, once)
            return
        from kehoach.services.scheduler import run_forever, run_once

        if once:
            run_once(settings)
            return
        run_forever(settings)


@jobs_app.command("run")
def jobs_run(
    name: str = typer.Argument(..., help="reminders, backup or search."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Run one job now, in this process (e.g. from the host's crontab).

    Example: KEHOACH_BACKUP_DIR=/srv/backups kehoach jobs run backup
    """
    from kehoach.errors import InputError
    from kehoach.services.jobs import JOBS

    with user_errors():
        if name not in JOBS:
            raise InputError(
                "no job named {name}; the jobs are {names}", name=name, names=", ".join(JOBS)
            )
        typer.echo(JOBS[name](_settings(db)))


@jobs_app.command("defer")
def jobs_defer(
    name: str = typer.Argument(..., help="reminders, backup or search."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Queue one run of a job for the workers (PostgreSQL).

    Example: kehoach jobs defer search
    """
    from kehoach.services.queue import defer

    with user_errors():
        job_id = defer(_settings(db), name)
    typer.echo(f"queued job {job_id} ({name})")


@app.command()
def migrate(db: str | None = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Bring the database to the newest schema, then stop (the deployment's migrate-once job).

    Example: kehoach migrate
    """
    from kehoach.store.db import current_revision, upgrade_database

    with user_errors():
        settings = _settings(db)
        before = current_revision(settings.database_url)
        upgrade_database(settings.database_url)
        after = current_revision(settings.database_url)
    typer.echo(f"database at revision {after}" + (f" (was {before})" if before != after else ""))
