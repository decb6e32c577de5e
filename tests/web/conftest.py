"""Web fixtures: an app on a real database (SQLite file, PostgreSQL) with the samples imported.

`world` is built once per test module and database: the three sample plans
(their expected records, so the data is stable), and five accounts — admin,
officer, a reporter of Sở VHTTDL, a reporter of another agency, a viewer.
Tests that change data use tasks no other test in the module touches.
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kehoach.model import PlanRecord

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = ROOT / "tests" / "data" / "samples" / "expected"
SAMPLES = ROOT / "src" / "kehoach" / "data" / "samples"
PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
SO_VHTTDL = "Sở Văn hóa, Thể thao và Du lịch"
OTHER_AGENCY = "Sở Giáo dục và Đào tạo"
PASSWORDS = {
    "admin": "admin-pass-1", "officer": "officer-pass-1", "reporter": "reporter-pass-1",
    "other": "other-pass-1", "viewer": "viewer-pass-1",
}


def _pg_available() -> bool:
    try:
        import psycopg

        with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=test",
                             connect_timeout=2):
            return True
    except Exception:
        return False


DATABASES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(scope="module", params=DATABASES)
def web_db_url(request, tmp_path_factory):
    """An empty database URL: a SQLite file, or a fresh PostgreSQL database dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'web.db'}"
        return
    if not _pg_available():
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
    import psycopg

    name = f"kehoach_web_{secrets.token_hex(4)}"
    with psycopg.connect("host=127.0.0.1 user=postgres dbname=test", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    from kehoach.store.db import cached_engine

    cached_engine(f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}").dispose()
    with psycopg.connect("host=127.0.0.1 user=postgres dbname=test", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass
class World:
    """The app and what was put in it."""

    app: object
    settings: object
    plans: dict[str, int] = field(default_factory=dict)  # sample file name -> plan id
    users: dict[str, object] = field(default_factory=dict)  # key of PASSWORDS -> UserView
    agencies: dict[str, int] = field(default_factory=dict)  # name -> id

    def lead_tasks(self, agency: str, *, alone: bool = True, deadline: bool = False) -> list[int]:
        """Ids of tasks `agency` leads; `alone`: where Sở VHTTDL has no role (unless it is it)."""
        from kehoach.services import tasks

        with self.session() as db:
            rows = tasks.list_tasks(
                db, user=self.users["admin"], agency_id=self.agencies[agency], role="lead",
                per_page=200,
            ).items
        out = []
        for row in rows:
            others = row.lead + row.coordinating + row.directing
            if alone and agency != SO_VHTTDL and SO_VHTTDL in others:
                continue
            if deadline and row.original_deadline is None:
                continue
            out.append(row.id)
        return out

    def session(self):
        """A session on the app's database (commits on exit)."""
        from kehoach.store.db import session_scope

        return session_scope(self.app.state.sessions)


def build_world(db_url: str, data_dir: Path) -> World:
    """Create the app on `db_url`, import the samples and add the accounts."""
    from kehoach.services import agencies, importing, users
    from kehoach.settings import Settings
    from kehoach.web.app import create_app

    settings = Settings(database_url=db_url, data_dir=data_dir, secret_key="t" * 40)
    app = create_app(settings)
    world = World(app=app, settings=settings)
    with world.session() as db:
        for path in sorted(EXPECTED.glob("*.json")):
            record = PlanRecord.model_validate(json.loads(path.read_text(encoding="utf-8")))
            world.plans[path.stem] = importing.import_record(db, record).plan_id
        other = agencies.find_agency(db, OTHER_AGENCY)
        for key, role, agency in [
            ("admin", "admin", None), ("officer", "officer", None),
            ("reporter", "reporter", SO_VHTTDL), ("other", "reporter", other.id),
            ("viewer", "viewer", None),
        ]:
            world.users[key] = users.create_user(db, key, PASSWORDS[key], role, agency)
        world.agencies = {a.name: a.id for a in agencies.list_agencies(db)}
    return world


@pytest.fixture(scope="module")
def world(web_db_url, tmp_path_factory) -> World:
    """The app with the samples and accounts, once per module and database."""
    return build_world(web_db_url, tmp_path_factory.mktemp("data"))


CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


class Browser:
    """A TestClient that logs in through the form and sends the page's CSRF token."""

    def __init__(self, app) -> None:
        from fastapi.testclient import TestClient

        self.client = TestClient(app, raise_server_exceptions=False, follow_redirects=False)

    def csrf(self, path: str = "/login") -> str:
        """The session's CSRF token, read from a page's form."""
        page = self.client.get(path)
        match = CSRF_RE.search(page.text)
        assert match, f"no CSRF token on {path}"
        return match.group(1)

    def login(self, username: str, password: str | None = None):
        token = self.csrf("/login")
        password = password or PASSWORDS[username]
        return self.client.post(
            "/login", data={"username": username, "password": password, "csrf_token": token}
        )

    def get(self, path: str, **kw):
        return self.client.get(path, **kw)

    def post(self, path: str, data: dict | None = None, *, csrf: str | None = "auto", **kw):
        """POST a form; `csrf="auto"` adds the session's token, None sends none."""
        data = dict(data or {})
        if csrf == "auto":
            data["csrf_token"] = self.csrf("/plans")
        elif csrf is not None:
            data["csrf_token"] = csrf
        return self.client.post(path, data=data, **kw)


@pytest.fixture
def browser(world):
    """An anonymous visitor; call `.login(name)` to log in."""
    return Browser(world.app)


def as_user(world: World, name: str) -> Browser:
    """A browser logged in as one of the accounts."""
    b = Browser(world.app)
    r = b.login(name)
    assert r.status_code == 303, r.text
    return b


@pytest.fixture
def api(world):
    """A function giving an httpx-like client authenticated by an API token for an account."""
    from fastapi.testclient import TestClient

    def make(name: str | None):
        client = TestClient(world.app, raise_server_exceptions=False)
        if name is not None:
            r = client.post("/api/tokens", json={"username": name, "password": PASSWORDS[name]})
            assert r.status_code == 201, r.text
            client.headers["Authorization"] = f"Bearer {r.json()['token']}"
        return client

    return make
