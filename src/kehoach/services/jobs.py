"""The background jobs, whatever runs them: the worker's queue (procrastinate, on PostgreSQL)
or the in-process scheduler (APScheduler, on SQLite). Each is a plain function of the settings.

- `reminders`: the reminder job (`services.reminder_log`), sent once however many run it.
- `backup`: `kehoach backup` into `KEHOACH_BACKUP_DIR`, keeping the newest `KEHOACH_BACKUP_KEEP`.
- `search`: rebuild the search index from the data (the services keep it current on every
  write; this repairs it after data was loaded around them).
"""

from __future__ import annotations

import logging
import re
from datetime import datetime
from pathlib import Path

from kehoach.errors import InputError

log = logging.getLogger("kehoach.jobs")
BACKUP_NAME = re.compile(r"^kehoach-\d{4}-\d{2}-\d{2}-\d{4}\.tar\.gz$")


def reminders(settings) -> str:
    """One run of the reminder job for today; its summary as a line."""
    from kehoach.services.scheduler import run_once

    s = run_once(settings)
    return (
        f"reminders {s.on:%d/%m/%Y}: {s.recorded} recorded, {s.messages} e-mails, {s.failed} failed"
    )


def backup(settings, now: datetime | None = None) -> str:
    """A dated backup into `settings.backup_dir`, then the oldest beyond `backup_keep` removed."""
    from kehoach.services.backup import backup as run

    folder = settings.backup_folder
    if folder is None:
        raise InputError("KEHOACH_BACKUP_DIR is not set; scheduled backups need a folder")
    now = now or datetime.now()
    info = run(settings, folder / f"kehoach-{now:%Y-%m-%d-%H%M}.tar.gz")
    removed = rotate(folder, settings.backup_keep)
    log.info("backup %s (%d bytes); %d old backups removed", info.path, info.size, len(removed))
    return f"backup {info.path.name}: {info.size} bytes; {len(removed)} old removed"


def rotate(folder: Path, keep: int) -> list[Path]:
    """Remove the oldest scheduled backups (by name: they are dated) beyond the newest `keep`;
    other files in the folder are never touched."""
    ours = sorted(p for p in Path(folder).iterdir() if BACKUP_NAME.match(p.name))
    old = ours[: max(len(ours) - keep, 0)]
    for path in old:
        path.unlink()
    return old


def search(settings) -> str:
    """Rebuild the search index; how many entries it holds."""
    from kehoach.services.search import rebuild
    from kehoach.store.db import open_database, session_scope

    with session_scope(open_database(settings.database_url, settings.migrate_on_start)) as session:
        count = rebuild(session)
    return f"search index: {count} entries"


JOBS = {"reminders": reminders, "backup": backup, "search": search}


def schedules(settings) -> dict[str, str]:
    """Each periodic job's crontab line (jobs switched off left out)."""
    found = {"reminders": settings.remind_schedule}
    if settings.backup_folder is not None and settings.backup_schedule:
        found["backup"] = settings.backup_schedule
    if settings.search_rebuild_schedule:
        found["search"] = settings.search_rebuild_schedule
    return found
