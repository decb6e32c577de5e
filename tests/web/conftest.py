"""Web fixtures: an app on a real database (SQLite file, PostgreSQL) with the samples imported.

`world` is built once per test module and database: the three sample plans
(their expected records, so the data is stable), and five accounts — admin,
officer and viewer (national), reporters of Điện Biên's Sở VHTTDL and of another agency.
Tests that change data use tasks no other test in the module touches.
Shared helpers live in `webkit.py`.
"""

from __future__ import annotations

import secrets
import shutil

import pytest
from webkit import ARGS, CHROMIUM, PASSWORDS, Browser, World, build_world, need_postgres

DATABASES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(scope="module", params=DATABASES)
def web_db_url(request, tmp_path_factory):
    """An empty database URL: a SQLite file, or a fresh PostgreSQL database dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'web.db'}"
        return
    need_postgres()
    import psycopg

    name = f"kehoach_web_{secrets.token_hex(4)}"
    with psycopg.connect("host=127.0.0.1 user=postgres dbname=test", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    from kehoach.store.db import cached_engine

    cached_engine(f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}").dispose()
    with psycopg.connect("host=127.0.0.1 user=postgres dbname=test", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def _sqlite_world(tmp_path_factory) -> World:
    """The world built once per test session on a SQLite file (modules get copies)."""
    from kehoach.store.db import cached_engine

    folder = tmp_path_factory.mktemp("world")
    url = f"sqlite:///{folder / 'web.db'}"
    built = build_world(url, folder / "data")
    cached_engine(url).dispose()  # checkpoints the WAL into the file
    return built


@pytest.fixture(scope="module")
def world(request, web_db_url, tmp_path_factory) -> World:
    """The app with the samples and accounts, once per module and database.

    On SQLite each module gets a copy of a file built once per session, with an app of
    its own on it: the same rows and ids, without importing the samples again.
    """
    data_dir = tmp_path_factory.mktemp("data")
    if not web_db_url.startswith("sqlite"):
        return build_world(web_db_url, data_dir)
    from dataclasses import replace

    from kehoach.settings import Settings
    from kehoach.web.app import create_app

    template: World = request.getfixturevalue("_sqlite_world")
    source = template.settings.database_url.removeprefix("sqlite:///")
    shutil.copy(source, web_db_url.removeprefix("sqlite:///"))
    settings = Settings(database_url=web_db_url, data_dir=data_dir, secret_key="t" * 40)
    return replace(template, app=create_app(settings), settings=settings)


@pytest.fixture
def browser(world):
    """An anonymous visitor; call `.login(name)` to log in."""
    return Browser(world.app)


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


@pytest.fixture(scope="module")
def chromium():
    """Debian's headless Chromium for the browser tests that serve the app themselves."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()
