"""The jobs on a schedule (APScheduler): the reminders inside the app process, or every
periodic job (`services.jobs`: reminders, backups, search rebuild) in `kehoach worker`.

The app starts a background scheduler unless `reminders_in_app` is off; in
production it is switched off and `kehoach worker` runs beside the app — on SQLite with
this scheduler, on PostgreSQL with the procrastinate queue (`services.queue`). Either
way, and however many processes run it, a reminder is sent once (`reminder_log`).
"""

from __future__ import annotations

import logging
from datetime import date

from kehoach.errors import KehoachError

log = logging.getLogger("kehoach.reminders")


def trigger(settings):
    """The job's CronTrigger from `remind_schedule` (a crontab line, server time zone)."""
    return cron(settings.remind_schedule, "KEHOACH_REMIND_SCHEDULE")


def cron(line: str, variable: str):
    """A CronTrigger from a crontab line (server time zone); a bad line names its variable."""
    from apscheduler.triggers.cron import CronTrigger

    try:
        return CronTrigger.from_crontab(line)
    except ValueError as exc:
        raise KehoachError(
            "{variable} '{schedule}' is not a crontab line ({reason}); write e.g. '0 7-17 * * *'",
            variable=variable,
            schedule=line,
            reason=exc,
        ) from None


SCHEDULE_VARIABLES = {
    "reminders": "KEHOACH_REMIND_SCHEDULE",
    "backup": "KEHOACH_BACKUP_SCHEDULE",
    "search": "KEHOACH_SEARCH_REBUILD_SCHEDULE",
}


def run_once(settings, on: date | None = None):
    """One run of the reminder job for `on` (default today); its summary."""
    from kehoach.services.reminder_log import run_reminders
    from kehoach.store.db import open_database

    summary = run_reminders(open_database(settings.database_url), on or date.today(), settings)
    log.info(
        "reminders %s: %d recorded, %d e-mails, %d failed",
        summary.on.isoformat(),
        summary.recorded,
        summary.messages,
        summary.failed,
    )
    for error in summary.errors:
        log.warning("reminders: %s", error)
    return summary


def _job(settings) -> None:
    # a failing run must not stop the scheduler: the next run retries
    try:
        run_once(settings)
    except Exception:
        log.exception("the reminder job failed; it runs again at the next scheduled time")


def _add_job(scheduler, settings) -> None:
    # one run at a time; runs missed while the process slept are run once, within an hour
    scheduler.add_job(
        _job,
        trigger(settings),
        args=[settings],
        id="reminders",
        max_instances=1,
        coalesce=True,
        misfire_grace_time=3600,
    )


def start_background(settings):
    """Start the job in a background thread of this process (None when switched off)."""
    if not settings.reminders_in_app:
        return None
    from apscheduler.schedulers.background import BackgroundScheduler

    scheduler = BackgroundScheduler(daemon=True)
    _add_job(scheduler, settings)
    scheduler.start()
    return scheduler


def _periodic(name: str, settings) -> None:
    from kehoach.services.jobs import JOBS

    try:
        log.info("%s", JOBS[name](settings))
    except Exception:
        log.exception("the %s job failed; it runs again at the next scheduled time", name)


def run_forever(settings) -> None:
    """The worker without a queue: the reminders now, then every periodic job
    (`jobs.schedules`) on its schedule until interrupted."""
    from apscheduler.schedulers.blocking import BlockingScheduler

    from kehoach.services.jobs import schedules

    scheduler = BlockingScheduler()
    _add_job(scheduler, settings)
    for name, line in schedules(settings).items():
        if name != "reminders":
            scheduler.add_job(
                _periodic,
                cron(line, SCHEDULE_VARIABLES[name]),
                args=[name, settings],
                id=name,
                max_instances=1,
                coalesce=True,
                misfire_grace_time=3600,
            )
    run_once(settings)
    try:
        scheduler.start()
    except (KeyboardInterrupt, SystemExit):
        scheduler.shutdown(wait=False)
