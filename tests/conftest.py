"""Shared fixtures: real databases (a SQLite file and the PostgreSQL server) and sample data.

Database fixtures (tests/web may reuse them):

- `db_url`      an empty database at the newest schema, a fresh one per test, parametrised
                over `sqlite` (a file in tmp_path) and `postgresql` (a database created for
                the test session on 127.0.0.1:5432, emptied between tests, dropped at the
                end). Without a PostgreSQL server the postgresql cases are skipped, unless
                `KEHOACH_REQUIRE_POSTGRES=1`, which makes them fail instead.
- `empty_db_url`  a database with no tables at all (same two backends), for migration tests.
- `other_db_url`  a second database with no tables on the same backend as `db_url`.
- `session`     a SQLAlchemy Session on `db_url` (commit when a test needs it).
- `settings`    `Settings(data_dir=tmp_path, database_url=db_url)`.
- `sample_records`  the three expected `PlanRecord`s, by sample file name.
- `imported`    the three sample records imported and committed: file name -> ImportResult.
- `users`       admin, officer, viewer (national) and a reporter of Cao Bằng's Sở VHTTDL
                `UserView`s (needs `imported`).
- `count_queries`  `with count_queries(session) as n: ...; n.count` counts SQL statements.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import hypothesis
import pytest

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = ROOT / "tests" / "data" / "samples" / "expected"
PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432"
PG_ADMIN_DB = "test"
SO_VHTTDL = "Sở Văn hóa, Thể thao và Du lịch"
PASSWORDS = {
    "admin": "admin-pass-1",
    "officer": "officer-pass-1",
    "reporter": "reporter-pass-1",
    "viewer": "viewer-pass-1",
}
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]

# Property tests judge correctness, not speed: a busy machine (the suite on two cores beside
# other work) must not fail them for slow input generation or a slow example.
hypothesis.settings.register_profile(
    "kehoach", deadline=None, suppress_health_check=[hypothesis.HealthCheck.too_slow]
)
hypothesis.settings.load_profile("kehoach")


def postgres_missing() -> str | None:
    """Why PostgreSQL cannot be used here, or None when it can."""
    try:
        import psycopg

        with psycopg.connect(
            f"host=127.0.0.1 port=5432 user=postgres dbname={PG_ADMIN_DB}", connect_timeout=2
        ):
            return None
    except Exception as exc:  # any failure means: no server for these tests
        return f"PostgreSQL is not reachable at 127.0.0.1:5432 ({type(exc).__name__})"


def need_postgres() -> None:
    """Skip (or fail, with KEHOACH_REQUIRE_POSTGRES=1) when PostgreSQL is absent."""
    why = postgres_missing()
    if why is None:
        return
    if os.environ.get("KEHOACH_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"{why}; KEHOACH_REQUIRE_POSTGRES=1 requires it")
    pytest.skip(why)


def create_pg_database(prefix: str = "kehoach_test") -> str:
    """A new empty PostgreSQL database; returns its SQLAlchemy URL."""
    import psycopg

    name = f"{prefix}_{secrets.token_hex(4)}"
    with psycopg.connect(
        f"host=127.0.0.1 user=postgres dbname={PG_ADMIN_DB}", autocommit=True
    ) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{PG_SERVER}/{name}"


def drop_pg_database(url: str) -> None:
    """Drop a database made by `create_pg_database` (closing our pooled connections first)."""
    import psycopg

    from kehoach.store.db import cached_engine

    cached_engine(url).dispose()
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(
        f"host=127.0.0.1 user=postgres dbname={PG_ADMIN_DB}", autocommit=True
    ) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# Test controls, not settings: they stay in the environment.
TEST_CONTROLS = {"KEHOACH_REQUIRE_POSTGRES", "KEHOACH_SCREENSHOTS"}
# Set by `pytest_configure` for the run, kept too.
RUN_ENVIRONMENT = {"KEHOACH_CACHE_DIR"}


def pytest_configure(config: pytest.Config) -> None:
    """The lexicon's parsed copy (`text.datafiles`) kept in a folder of the run's own, removed
    after it: the suite writes nothing into the user's cache and finds nothing there (every
    run starts cold). Set before collection, which imports the modules that read the lexicon,
    and in the environment, so the commands tests start (`kehoach extract`) use it too."""
    folder = tempfile.mkdtemp(prefix="kehoach-test-cache-")
    os.environ["KEHOACH_CACHE_DIR"] = folder
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


@pytest.fixture(scope="session", autouse=True)
def _no_settings_from_the_environment():
    """The suite runs the same whatever `KEHOACH_*` settings the developer's shell exports.

    A test that wants one sets it itself (monkeypatch.setenv); subprocesses started by tests
    (`kehoach serve`) inherit the cleaned environment. Session-scoped, so module fixtures
    that build apps or servers see it too.
    """
    from kehoach.settings import get_settings

    with pytest.MonkeyPatch.context() as mp:
        for name in list(os.environ):
            if name.startswith("KEHOACH_") and name not in TEST_CONTROLS | RUN_ENVIRONMENT:
                mp.delenv(name)
        get_settings.cache_clear()
        yield
    get_settings.cache_clear()


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hashing():
    """Cheap argon2 parameters in tests (production keeps argon2-cffi's defaults)."""
    from argon2 import PasswordHasher

    from kehoach.services import users

    saved = users._hasher
    users._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    yield
    users._hasher = saved


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory) -> Path:
    """A SQLite file migrated once; each test copies it."""
    from kehoach.store.db import cached_engine, upgrade_database

    path = tmp_path_factory.mktemp("template") / "kehoach.db"
    url = f"sqlite:///{path}"
    upgrade_database(url)
    cached_engine(url).dispose()  # checkpoints the WAL into the file
    return path


@pytest.fixture(scope="session")
def _pg_session_db():
    """One PostgreSQL database for the test session, migrated once, dropped at the end."""
    need_postgres()
    from kehoach.store.db import upgrade_database

    url = create_pg_database()
    upgrade_database(url)
    yield url
    drop_pg_database(url)


def _empty_pg(url: str) -> None:
    """Delete every row and restart the ids (much faster than TRUNCATE for small tables)."""
    from sqlalchemy import text

    from kehoach.store.db import cached_engine
    from kehoach.store.tables import Base

    # the administrative units are reference data loaded by the migration: kept. So is the
    # data version's row: its number only rises, so no view an earlier test cached in this
    # process (keyed by database URL and version) can match this test's data.
    kept = {"jurisdictions", "data_version"}
    tables = [t for t in Base.metadata.sorted_tables if t.name not in kept]
    with cached_engine(url).begin() as conn:
        for table in reversed(tables):
            conn.execute(table.delete())
        for table in tables:
            conn.execute(text(f"ALTER SEQUENCE {table.name}_id_seq RESTART WITH 1"))


@dataclass
class Prepared:
    """A SQLite file made once per test session, copied for each test that wants its data."""

    path: Path
    imported: dict = field(default_factory=dict)  # sample file name -> ImportResult
    users: dict = field(default_factory=dict)  # role -> UserView


# databases that already hold what a test's fixtures ask for: url -> what they hold
_PREPARED: dict[str, Prepared] = {}


def _prepare(template: Path, folder: Path, with_users: bool) -> Prepared:
    """The samples imported (and the accounts added) into a copy of the migrated template."""
    from sqlalchemy.orm import sessionmaker

    from kehoach.store.db import cached_engine

    path = folder / "kehoach.db"
    shutil.copy(template, path)
    url = f"sqlite:///{path}"
    engine = cached_engine(url)
    with sessionmaker(engine, expire_on_commit=False)() as session:
        prepared = Prepared(path, imported=_import_samples(session, _records()))
        if with_users:
            prepared.users = _add_users(session)
    engine.dispose()  # checkpoints the WAL into the file
    return prepared


@pytest.fixture(scope="session")
def _sqlite_imported(_sqlite_template, tmp_path_factory) -> Prepared:
    """The three samples imported once per test session (tests get a copy of the file)."""
    return _prepare(_sqlite_template, tmp_path_factory.mktemp("imported"), with_users=False)


@pytest.fixture(scope="session")
def _sqlite_users(_sqlite_template, tmp_path_factory) -> Prepared:
    """The samples and the four accounts, once per test session."""
    return _prepare(_sqlite_template, tmp_path_factory.mktemp("users"), with_users=True)


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    """An empty database at the newest schema (SQLite file or PostgreSQL).

    On SQLite, a test that also asks for `imported` (or `users`) gets a copy of a file
    where that was done once for the whole session: the same rows and ids, without
    importing the samples again for every test.
    """
    if request.param == "sqlite":
        from kehoach.store.db import cached_engine

        prepared = None
        if "users" in request.fixturenames:
            prepared = request.getfixturevalue("_sqlite_users")
        elif "imported" in request.fixturenames:
            prepared = request.getfixturevalue("_sqlite_imported")
        source = prepared.path if prepared else request.getfixturevalue("_sqlite_template")
        path = tmp_path / "kehoach.db"
        shutil.copy(source, path)
        url = f"sqlite:///{path}"
        if prepared:
            _PREPARED[url] = prepared
        yield url
        _PREPARED.pop(url, None)
        cached_engine(url).dispose()
        return
    url = request.getfixturevalue("_pg_session_db")
    _empty_pg(url)
    yield url


@pytest.fixture(params=BACKENDS)
def empty_db_url(request, tmp_path):
    """A database with no tables at all (SQLite file or a new PostgreSQL database)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    need_postgres()
    url = create_pg_database("kehoach_mig")
    yield url
    drop_pg_database(url)


@pytest.fixture
def own_pg_url():
    """A PostgreSQL database of this test's own, empty (no tables), dropped afterwards: for
    tests that add tables of their own (the job queue's) or must see a database nobody else
    wrote to. (Tests ask for it as a fixture: `from conftest import …` would find whichever
    conftest module pytest imported first under that name, e.g. tests/web/conftest.py.)"""
    need_postgres()
    url = create_pg_database()
    yield url
    drop_pg_database(url)


@pytest.fixture
def other_db_url(db_url, tmp_path):
    """A second database with no tables, on the same backend as `db_url` (restore targets)."""
    if db_url.startswith("sqlite"):
        from kehoach.store.db import cached_engine

        url = f"sqlite:///{tmp_path / 'other' / 'kehoach.db'}"
        yield url
        cached_engine(url).dispose()
        return
    url = create_pg_database("kehoach_other")
    yield url
    drop_pg_database(url)


@pytest.fixture
def settings(db_url, tmp_path):
    """Settings pointing at the test database and a data folder in tmp_path."""
    from kehoach.settings import Settings

    return Settings(data_dir=tmp_path / "data", database_url=db_url)


@pytest.fixture
def session(db_url):
    """A session on the test database."""
    from sqlalchemy.orm import sessionmaker

    from kehoach.store.db import cached_engine

    factory = sessionmaker(cached_engine(db_url), expire_on_commit=False)
    with factory() as s:
        yield s
        s.rollback()


def _records() -> dict:
    """The three expected plan records, by sample file name (stable, unlike the extractor):
    the shipped samples' (the other provinces' plans in expected/ only measure the reader)."""
    from kehoach.model import parse_record

    shipped = ROOT / "src" / "kehoach" / "data" / "samples"
    return {
        p.stem + ".txt": parse_record(json.loads(p.read_text(encoding="utf-8")))
        for p in sorted(EXPECTED.glob("*.json"))
        if (shipped / f"{p.stem}.txt").exists()
    }


def _import_samples(session, records: dict) -> dict:
    from kehoach.services.importing import import_record

    out = {name: import_record(session, rec) for name, rec in records.items()}
    session.commit()
    return out


def _add_users(session) -> dict:
    from kehoach.services.users import create_user

    out = {
        role: create_user(
            session,
            role,
            PASSWORDS[role],
            role,
            agency=SO_VHTTDL if role == "reporter" else None,
            jurisdiction="Cao Bằng" if role == "reporter" else None,
        )
        for role in PASSWORDS
    }
    session.commit()
    return out


@pytest.fixture(scope="session")
def sample_records():
    """The three expected plan records, by sample file name (stable, unlike the extractor)."""
    return _records()


@pytest.fixture
def imported(db_url, session, sample_records):
    """The three samples imported and committed: file name -> ImportResult."""
    prepared = _PREPARED.get(db_url)
    if prepared is not None:  # a copy of the session's imported file (see `db_url`)
        return prepared.imported
    return _import_samples(session, sample_records)


@pytest.fixture
def users(db_url, session, imported):
    """admin, officer, reporter (Sở VHTTDL) and viewer accounts."""
    prepared = _PREPARED.get(db_url)
    if prepared is not None and prepared.users:
        return prepared.users
    return _add_users(session)


class QueryCounter:
    count = 0
    statements: list[str]

    def __init__(self) -> None:
        self.statements = []


@pytest.fixture
def count_queries():
    """A context manager counting the SQL statements a session's engine runs."""
    from sqlalchemy import event

    @contextmanager
    def counting(session):
        engine = session.get_bind()
        counter = QueryCounter()

        def on_execute(conn, cursor, statement, *args):
            counter.count += 1
            counter.statements.append(statement)

        event.listen(engine, "before_cursor_execute", on_execute)
        try:
            yield counter
        finally:
            event.remove(engine, "before_cursor_execute", on_execute)

    return counting


class Mailbox:
    """What a local SMTP server received: parsed messages, in order."""

    def __init__(self) -> None:
        self.messages: list = []
        self.refuse = False  # answer every message with a temporary failure

    async def handle_DATA(self, server, session, envelope):
        import email
        from email import policy

        if self.refuse:
            return "451 try again later"
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"

    def to(self, address: str) -> list:
        """The messages sent to `address`."""
        return [m for m in self.messages if m["To"] == address]

    @staticmethod
    def text(message) -> str:
        """The plain-text part of a message."""
        return message.get_body(preferencelist=("plain",)).get_content()

    @staticmethod
    def html(message) -> str:
        """The HTML part of a message."""
        return message.get_body(preferencelist=("html",)).get_content()


@pytest.fixture
def smtp_server():
    """A local SMTP server (aiosmtpd) on a free port: yields (port, Mailbox)."""
    import socket

    from aiosmtpd.controller import Controller

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    yield port, box
    controller.stop()
