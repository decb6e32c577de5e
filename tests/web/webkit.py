"""What the web tests share: the sample world, a form-filling client, the accounts.

(Its own module, not `conftest`, so tests import it unambiguously beside the
project's root conftest.)
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kehoach.model import parse_record

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = ROOT / "tests" / "data" / "samples" / "expected"
SAMPLES = ROOT / "src" / "kehoach" / "data" / "samples"
PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
SO_VHTTDL = "Sở Văn hóa, Thể thao và Du lịch"
OTHER_AGENCY = "Sở Giáo dục và Đào tạo"
PASSWORDS = {
    "admin": "admin-pass-1",
    "officer": "officer-pass-1",
    "reporter": "reporter-pass-1",
    "other": "other-pass-1",
    "viewer": "viewer-pass-1",
}
DEMO_PASSWORDS = {"officer": "officer-demo", "reporter": "reporter-demo"}  # `kehoach demo`


def need_postgres() -> None:
    """Skip without a PostgreSQL server (fail instead with KEHOACH_REQUIRE_POSTGRES=1)."""
    if _pg_available():
        return
    why = "PostgreSQL is not reachable on 127.0.0.1:5432"
    if os.environ.get("KEHOACH_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"{why}; KEHOACH_REQUIRE_POSTGRES=1 requires it")
    pytest.skip(why)


def _pg_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(
            "host=127.0.0.1 port=5432 user=postgres dbname=test", connect_timeout=2
        ):
            return True
    except Exception:
        return False


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
                db,
                user=self.users["admin"],
                agency_id=self.agencies[agency],
                role="lead",
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
    from kehoach.services.jurisdictions import find_jurisdiction
    from kehoach.settings import Settings
    from kehoach.web.app import create_app

    settings = Settings(database_url=db_url, data_dir=data_dir, secret_key="t" * 40)
    app = create_app(settings)
    world = World(app=app, settings=settings)
    with world.session() as db:
        for path in sorted(EXPECTED.glob("*.json")):
            if not (SAMPLES / f"{path.stem}.txt").exists():
                continue  # other provinces' records only measure the reader
            record = parse_record(json.loads(path.read_text(encoding="utf-8")))
            world.plans[path.stem] = importing.import_record(db, record).plan_id
        home = find_jurisdiction(db, "Điện Biên").id
        other = agencies.find_agency(db, OTHER_AGENCY, home)
        for key, role, agency in [
            ("admin", "admin", None),
            ("officer", "officer", None),
            ("reporter", "reporter", SO_VHTTDL),
            ("other", "reporter", other.id),
            ("viewer", "viewer", None),
        ]:
            world.users[key] = users.create_user(
                db, key, PASSWORDS[key], role, agency, jurisdiction=home if agency else None
            )
        every = agencies.list_agencies(db, groups=True)
        # a name both provinces use means Điện Biên's agency here (its plan has most tasks)
        world.agencies = {a.name: a.id for a in every if a.jurisdiction_id != home}
        world.agencies.update((a.name, a.id) for a in every if a.jurisdiction_id == home)
    return world


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


def as_user(world: World, name: str) -> Browser:
    """A browser logged in as one of the accounts."""
    b = Browser(world.app)
    r = b.login(name)
    assert r.status_code == 303, r.text
    return b


# -- the browser tests: a real `kehoach serve` and Debian's headless Chromium

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}
# Reports every Content-Security-Policy violation to the console (see `csp_recorder`).
REPORT_CSP = """document.addEventListener("securitypolicyviolation", (e) =>
  console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} on ${location.pathname}`))"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, proc: subprocess.Popen, log=None, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"kehoach serve exited: {log.read_text() if log else ''}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError("kehoach serve did not start")


def serve_env(data_dir: Path, extra_env: dict[str, str] | None = None) -> dict[str, str]:
    """The environment `kehoach` runs in for a browser test: its data folder, a secret key."""
    return {
        **os.environ,
        "KEHOACH_DATA_DIR": str(data_dir),
        "KEHOACH_SECRET_KEY": "s" * 40,
        **(extra_env or {}),
    }


@contextmanager
def serve(url: str, data_dir: Path, extra_env: dict[str, str] | None = None) -> Iterator[str]:
    """`kehoach serve` on `url` and a free port until the block ends; gives its base URL.

    Its output goes to `data_dir/serve.log` (a file, not a pipe: the access log never blocks).
    """
    port = free_port()
    log_path = data_dir / "serve.log"
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "kehoach", "serve", "--port", str(port), "--db", url],
            env=serve_env(data_dir, extra_env),
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            wait_for(port, proc, log_path)
            yield f"http://127.0.0.1:{port}"
        finally:
            proc.terminate()
            proc.wait(10)


def csp_recorder(violations: list[str]) -> Callable:
    """A console handler keeping the page's Content-Security-Policy violations in `violations`."""
    return lambda m: (
        violations.append(m.text)
        if "Content Security Policy" in m.text or m.text.startswith("CSP violation")
        else None
    )


def new_page(chromium, base: str, *, viewport: dict = VIEWPORT, on_console=None):
    """A page in a fresh context on `base`; `on_console` also gets CSP violations reported."""
    context = chromium.new_context(viewport=viewport, base_url=base, locale="vi-VN")
    if on_console is not None:
        context.add_init_script(REPORT_CSP)
    page = context.new_page()
    if on_console is not None:
        page.on("console", on_console)
    return page


def logged_in(
    chromium,
    base: str,
    username: str,
    password: str | None = None,
    viewport: dict = VIEWPORT,
    on_console=None,
):
    """A new page logged in through the form (`password`: PASSWORDS[username] unless given)."""
    page = new_page(chromium, base, viewport=viewport, on_console=on_console)
    page.goto("/login")
    page.fill("#username", username)
    page.fill("#password", password or PASSWORDS[username])
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: not url.split("?")[0].endswith("/login"))
    return page
