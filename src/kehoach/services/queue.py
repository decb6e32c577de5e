"""The worker's queue on PostgreSQL: procrastinate, in the app's own database.

Each job of `services.jobs` is a procrastinate task on its own queue (`reminders`,
`backups`, `maintenance`), so one worker can take them all or a deployment can give the
backups to a worker that has the backup volume (compose: the `backup` service). Periodic
jobs are deferred by whichever worker is running, once per scheduled time however many
run (procrastinate keeps the deferral in `procrastinate_periodic_defers`).

procrastinate reads crontab lines in UTC; ours are in the server's time zone (`TZ`, as
the in-process scheduler reads them), so the hours are moved by the zone's offset here.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from sqlalchemy import text

from kehoach.errors import KehoachError

log = logging.getLogger("kehoach.worker")
QUEUES = {"reminders": "reminders", "backup": "backups", "search": "maintenance"}
SCHEMA_LOCK = 80_131  # pg_advisory_xact_lock key: two workers starting never both create it


def conninfo(database_url: str) -> str:
    """The libpq connection string of a SQLAlchemy PostgreSQL URL."""
    from sqlalchemy.engine import make_url

    url = make_url(database_url)
    if url.get_backend_name() != "postgresql":
        raise KehoachError(
            "the procrastinate queue needs PostgreSQL, not {backend}; on SQLite the worker "
            "uses the in-process scheduler (KEHOACH_WORKER_QUEUE=auto)",
            backend=url.get_backend_name(),
        )
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def utc_cron(line: str, offset_seconds: int | None = None) -> str:
    """A crontab line in the server's time zone as the same line in UTC.

    Only whole-hour zones (Việt Nam: +7) are moved, and a line whose days are restricted
    must not cross midnight (its days would change): such a line is refused.
    """
    import croniter  # type: ignore[import-untyped]

    if offset_seconds is None:
        offset_seconds = -time.timezone if not time.localtime().tm_isdst else -time.altzone
    if offset_seconds % 3600:
        raise KehoachError(
            "the server's time zone is not a whole number of hours from UTC; "
            "write the schedules for TZ=UTC"
        )
    try:
        fields, _ = croniter.croniter.expand(line)
    except (ValueError, KeyError, croniter.CroniterError) as exc:
        raise KehoachError(
            "'{schedule}' is not a crontab line ({reason}); write e.g. '0 7-17 * * *'",
            schedule=line,
            reason=exc,
        ) from None
    shift = offset_seconds // 3600
    if not shift or fields[1] == ["*"]:
        return line
    hours = [int(h) - shift for h in fields[1]]
    crosses = any(h < 0 or h > 23 for h in hours)
    if crosses and any(f != ["*"] for f in fields[2:]):
        raise KehoachError(
            "the schedule '{schedule}' limits the days and crosses midnight in UTC; "
            "write it for TZ=UTC",
            schedule=line,
        )
    parts = line.split()
    parts[1] = ",".join(str(h % 24) for h in sorted({h % 24 for h in hours}))
    return " ".join(parts)


def make_app(settings) -> Any:
    """The procrastinate app: every job a task, the scheduled ones periodic."""
    import procrastinate

    from kehoach.services.jobs import JOBS, schedules

    app = procrastinate.App(
        connector=procrastinate.PsycopgConnector(conninfo=conninfo(settings.database_url))
    )
    scheduled = schedules(settings)
    for name, job in JOBS.items():

        def run(timestamp: int | None = None, _job=job, _name=name) -> str:
            # a failure is logged and kept by procrastinate (state "failed"); the next
            # scheduled time runs it again
            result = _job(settings)
            log.info("%s: %s", _name, result)
            return result

        task = app.task(name=f"kehoach.{name}", queue=QUEUES[name])(run)
        if name in scheduled:
            app.periodic(cron=utc_cron(scheduled[name]), periodic_id=name)(task)
    return app


def ensure_schema(database_url: str) -> bool:
    """Create procrastinate's tables in the database unless they are there; True if created."""
    from procrastinate.schema import SchemaManager

    from kehoach.store.db import cached_engine

    with cached_engine(database_url).begin() as conn:
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})
        if conn.scalar(text("SELECT to_regclass('procrastinate_jobs')")) is not None:
            return False
        # straight to psycopg, without parameters: the schema's text holds `%` signs
        raw = conn.connection.driver_connection
        assert raw is not None  # an open connection's
        raw.execute(SchemaManager.get_schema())
    return True


def run_worker(settings, queues: list[str] | None = None, once: bool = False) -> None:
    """Run the worker on `queues` (default all); `once`: the jobs waiting now, then stop."""
    if ensure_schema(settings.database_url):
        log.info("created the job queue's tables")
    app = make_app(settings)
    app.run_worker(
        queues=queues or sorted(set(QUEUES.values())),
        wait=not once,
        install_signal_handlers=not once,
        delete_jobs="successful",
    )


def defer(settings, name: str) -> int:
    """Queue one run of a job for the worker; the job's id."""
    from kehoach.services.jobs import JOBS

    if name not in JOBS:
        raise KehoachError(
            "no job named {name}; the jobs are {names}", name=name, names=", ".join(JOBS)
        )
    ensure_schema(settings.database_url)
    app = make_app(settings)
    with app.open():
        return app.tasks[f"kehoach.{name}"].defer()
