"""A database copied to one file and back, on either backend.

SQLite: the online backup API (a consistent copy while the app keeps serving).
PostgreSQL: `pg_dump --format=custom` and `pg_restore`, the server's own tools,
which must be installed (Debian: `postgresql-client`). `services.backup` puts the
file in an archive with the attachments; this module only moves the database.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import MetaData, func, select
from sqlalchemy.engine import make_url

from kehoach.errors import InputError, KehoachError
from kehoach.store.db import cached_engine

SQLITE, POSTGRESQL = "sqlite", "postgresql"
VERSION_TABLE = "alembic_version"


def backend(url: str) -> str:
    """`sqlite` or `postgresql` for a database URL; anything else is refused."""
    name = make_url(url).get_backend_name()
    if name not in (SQLITE, POSTGRESQL):
        raise InputError(f"kehoach backs up SQLite and PostgreSQL databases, not {name}")
    return name


def _sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise InputError("an in-memory SQLite database cannot be backed up or restored")
    return Path(database)


def _reflect(url: str) -> MetaData:
    meta = MetaData()
    meta.reflect(cached_engine(url))
    return meta


def row_counts(url: str) -> dict[str, int]:
    """Rows per table (the migration bookkeeping table left out); {} for a database without
    tables."""
    meta = _reflect(url)
    with cached_engine(url).connect() as conn:
        return {
            name: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for name, table in sorted(meta.tables.items())
            if name != VERSION_TABLE
        }


# What people put in a database. Reference data that migrations or the first start load
# (administrative units, say) does not make a database "hold data".
DATA_TABLES = (
    "documents",
    "plans",
    "tasks",
    "agencies",
    "users",
    "progress_reports",
    "attachments",
    "revisions",
    "audit_log",
)


def tables_with_data(url: str) -> list[str]:
    """The tables of `DATA_TABLES` that hold rows at `url` (none for a database without
    tables)."""
    counts = row_counts(url)
    return [name for name in DATA_TABLES if counts.get(name)]


def is_empty(url: str) -> bool:
    """True when the database holds nobody's data (no plans, accounts, reports, audit …)."""
    return not tables_with_data(url)


def dump_database(url: str, target: Path) -> None:
    """Copy the whole database at `url` into the file `target`."""
    if backend(url) == SQLITE:
        source = _sqlite_path(url)
        if not source.exists():
            raise InputError(f"no SQLite database at {source}")
        _sqlite_copy(source, target)
    else:
        _pg_run("pg_dump", url, ["--format=custom", "--file", str(target)])


def load_database(url: str, source: Path) -> None:
    """Replace the database at `url` with the copy in `source` (made by `dump_database`)."""
    if backend(url) == SQLITE:
        target = _sqlite_path(url)
        target.parent.mkdir(parents=True, exist_ok=True)
        cached_engine(url).dispose()  # no pooled connection keeps the old pages
        _sqlite_copy(source, target)
        cached_engine(url).dispose()
    else:
        _pg_tools_present("pg_restore")
        drop_tables(url)
        cached_engine(url).dispose()
        _pg_run("pg_restore", url, ["--exit-on-error", "--single-transaction", str(source)])


def load_sqlite_copy(url: str, source: Path) -> None:
    """Load a SQLite copy into the PostgreSQL database at `url`, row by row — how a
    province moves from the embedded default to a server. The target gets the copy's
    schema revision first, so every table and column matches."""
    from alembic.runtime.migration import MigrationContext

    from kehoach.store.db import make_engine, upgrade_database

    copy = make_engine(f"sqlite:///{source}")
    try:
        with copy.connect() as conn:
            revision = MigrationContext.configure(conn).get_current_revision()
        drop_tables(url)
        cached_engine(url).dispose()
        upgrade_database(url, revision or "head")
        source_tables = MetaData()
        source_tables.reflect(copy)
        target_tables = _reflect(url)
        with copy.connect() as src, cached_engine(url).begin() as dst:
            # the migrations just loaded reference data (administrative units): the copy's
            # own rows replace it, ids included
            for table in reversed(target_tables.sorted_tables):
                if table.name != VERSION_TABLE and table.name in source_tables.tables:
                    dst.execute(table.delete())
            for table in target_tables.sorted_tables:  # parents before children
                if table.name == VERSION_TABLE or table.name not in source_tables.tables:
                    continue
                rows = src.execute(select(source_tables.tables[table.name]))
                while chunk := rows.fetchmany(2000):
                    dst.execute(table.insert(), [_aware(row._mapping) for row in chunk])
                if "id" in table.c:  # the next id continues after the copied ones
                    dst.exec_driver_sql(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"
                    )
    finally:
        copy.dispose()


def _aware(row) -> dict:
    """SQLite keeps UTC timestamps without their zone; PostgreSQL must be told it is UTC."""
    return {
        k: v.replace(tzinfo=UTC) if isinstance(v, datetime) and v.tzinfo is None else v
        for k, v in row.items()
    }


def drop_tables(url: str) -> None:
    """Drop every table (with its indexes and sequences) so a restore starts from nothing."""
    meta = _reflect(url)
    meta.drop_all(cached_engine(url))


def _sqlite_copy(source: Path, target: Path) -> None:
    """SQLite's online backup API: a consistent copy even while others write."""
    try:
        src = sqlite3.connect(source)
        dst = sqlite3.connect(target)
        try:
            with dst:
                src.backup(dst)
        finally:
            src.close()
            dst.close()
    except sqlite3.DatabaseError as exc:
        raise InputError(f"{source}: not a SQLite database ({exc})") from None


def _pg_tools_present(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        raise KehoachError(
            f"{tool} is not installed; install PostgreSQL's client tools "
            "(Debian: apt-get install postgresql-client) to back up or restore PostgreSQL"
        )
    return found


def _pg_run(tool: str, url: str, args: list[str]) -> None:
    """Run pg_dump/pg_restore on the database of `url` (the password goes by environment)."""
    exe = _pg_tools_present(tool)
    u = make_url(url)
    command = [exe, "--no-owner", "--no-privileges", *args]
    command += ["--dbname", u.database or ""]
    if u.host:
        command += ["--host", u.host]
    if u.port:
        command += ["--port", str(u.port)]
    if u.username:
        command += ["--username", u.username]
    env = {**os.environ, "PGCONNECT_TIMEOUT": "10"}
    if u.password:
        env["PGPASSWORD"] = str(u.password)
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        detail = done.stderr.strip().splitlines()
        raise KehoachError(f"{tool} failed: {detail[-1] if detail else done.returncode}")
