"""Engines, sessions and migrations: one place that turns a URL into a working database."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from kehoach.errors import KehoachError

MIGRATIONS = Path(__file__).parent / "migrations"
_CHANGED = "kehoach_changed"
_VERSION = sa.table("data_version", sa.column("id"), sa.column("version"))


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _prepare_sqlite_path(url: str) -> None:
    path = url.split("///", 1)[1] if "///" in url else ""
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)


def make_engine(url: str) -> Engine:
    """A new engine for `url`; SQLite gets foreign keys on and WAL."""
    if url.startswith("sqlite"):
        _prepare_sqlite_path(url)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


@lru_cache(maxsize=16)
def cached_engine(url: str) -> Engine:
    """One engine per URL per process."""
    return make_engine(url)


def _alembic_config(url: str):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade_database(url: str, revision: str = "head") -> None:
    """Bring the database at `url` to `revision` (default the newest), keeping its data."""
    from alembic import command
    from sqlalchemy.exc import OperationalError

    cfg = _alembic_config(url)
    engine = cached_engine(url)
    sqlite = engine.dialect.name == "sqlite"
    try:
        with engine.connect() as conn:
            if sqlite:  # SQLite rebuilds tables to alter them: no FK checks meanwhile
                conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
                conn.commit()
            try:
                with conn.begin():
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, revision)
            finally:
                if sqlite:
                    conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                    conn.commit()
    except OperationalError as exc:
        raise KehoachError(
            f"cannot open the database {engine.url.render_as_string(hide_password=True)}: "
            f"{exc.orig}; check KEHOACH_DATABASE_URL"
        ) from None


@lru_cache(maxsize=1)
def head_revision() -> str | None:
    """The newest migration this code knows (read once: the files do not change)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config("sqlite://")).get_current_head()


def current_revision(url: str) -> str | None:
    """The database's alembic revision, None when it was never migrated."""
    from alembic.runtime.migration import MigrationContext

    with cached_engine(url).connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def open_database(url: str | None = None, migrate: bool = True) -> sessionmaker[Session]:
    """Upgrade the database (default: the settings' URL; not when `migrate` is off: another
    process migrates, e.g. the deployment's migrate-once job) and return a session factory."""
    if url is None:
        from kehoach.settings import get_settings

        url = get_settings().database_url
    if migrate:
        upgrade_database(url)
    return sessionmaker(cached_engine(url), expire_on_commit=False)


def mark_changed(session: Session) -> None:
    """Raise the data version when this session's transaction commits (the services call it
    with every audited change): every process then knows its cached views are stale."""
    session.info[_CHANGED] = True


@event.listens_for(Session, "before_commit")
def _raise_data_version(session: Session) -> None:
    # At commit, not at the change: the row is locked only for the commit, and the new
    # number is seen by other processes exactly when the change is (same transaction).
    # An id from a sequence would not do: ids are taken in one order, commits land in another.
    if session.info.pop(_CHANGED, False):
        session.execute(
            _VERSION.update().where(_VERSION.c.id == 1).values(version=_VERSION.c.version + 1)
        )


_PENDING = itertools.count(1)


def data_version(session: Session) -> int:
    """The number `mark_changed` raises (0 before any change). A session holding changes not
    yet committed gets a new negative number each time: nothing cached matches its view."""
    if session.info.get(_CHANGED):
        return -next(_PENDING)
    return session.scalar(sa.select(_VERSION.c.version).where(_VERSION.c.id == 1)) or 0


@contextmanager
def session_scope(factory: sessionmaker[Session] | str) -> Iterator[Session]:
    """A session whose work is one transaction: committed on success, rolled back on error."""
    if isinstance(factory, str):
        factory = sessionmaker(cached_engine(factory), expire_on_commit=False)
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def query(session: Session, stmt):
    """Run a SELECT of plain columns on the session's connection, without ORM row handling.

    Several times faster for results of thousands of rows; pending changes are flushed
    first so the query sees them.
    """
    session.flush()
    return session.connection().execute(stmt)
