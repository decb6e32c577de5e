"""Is this app process ready to serve? What `GET /readyz` answers for the proxy and the
orchestrator: the database answers, its schema is at the newest migration, and the shared
folder for uploaded files can be written.

Only yes/no per check goes out (no URL, revision or path), so the answer tells an
outsider nothing about the installation.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

log = logging.getLogger("kehoach.health")


@dataclass(frozen=True)
class Readiness:
    """Each check's outcome ("ok" or a one-word reason) and whether all passed."""

    database: str
    migrations: str
    files: str

    @property
    def ready(self) -> bool:
        return self.database == self.migrations == self.files == "ok"


def readiness(database_url: str, data_dir: Path) -> Readiness:
    """Check the database, its migrations and the files folder; never raises."""
    from alembic.runtime.migration import MigrationContext

    from kehoach.store.db import cached_engine, head_revision

    database = migrations = "unreachable"
    try:
        with cached_engine(database_url).connect() as conn:
            conn.execute(text("SELECT 1"))
            database = "ok"
            current = MigrationContext.configure(conn).get_current_revision()
            migrations = "ok" if current == head_revision() else "behind"
    except Exception as exc:  # any failure means: not ready; the reason goes to the log only
        log.warning("readiness: the database is not usable: %s", type(exc).__name__)
    folder = Path(data_dir)
    files = "ok" if folder.is_dir() and os.access(folder, os.W_OK | os.X_OK) else "unwritable"
    return Readiness(database, migrations, files)
