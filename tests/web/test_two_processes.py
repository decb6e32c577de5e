"""Two app processes behind one PostgreSQL database (the deployment: replicas behind a proxy).

A change made through one process is seen through the other at once: a renamed agency, a
submitted report in the cached dashboard and statuses, a password reset ending the
sessions the other process holds, failed log-ins counted together.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from datetime import date

import httpx
import pytest
from webkit import CSRF_RE, PASSWORDS, SO_VHTTDL, build_world, need_postgres

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
SECRET = "s" * 40


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(url: str, data_dir, port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "KEHOACH_SECRET_KEY": SECRET,
        "KEHOACH_DATA_DIR": str(data_dir),  # the shared folder for uploads
        "KEHOACH_REMINDERS_IN_APP": "0",  # the worker's job
        "KEHOACH_MIGRATE_ON_START": "0",  # the migrate-once job's
        "KEHOACH_LOGIN_LIMIT_ACCOUNT": "3 per 15 minutes",
    }
    cmd = [sys.executable, "-m", "kehoach", "serve", "--port", str(port), "--db", url]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_ready(proc: subprocess.Popen, base: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        try:
            if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    pytest.fail(f"{base} was not ready within 60 s")


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    """The sample world on a fresh PostgreSQL database, served by two processes."""
    import secrets

    import psycopg

    from kehoach.store.db import cached_engine

    need_postgres()
    name = f"kehoach_pair_{secrets.token_hex(4)}"
    with psycopg.connect("host=127.0.0.1 user=postgres dbname=test", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    data_dir = tmp_path_factory.mktemp("shared")
    procs: list[subprocess.Popen] = []
    try:
        world = build_world(url, data_dir)
        ports = [free_port(), free_port()]
        procs = [start(url, data_dir, port) for port in ports]
        bases = [f"http://127.0.0.1:{port}" for port in ports]
        for proc, base in zip(procs, bases, strict=True):
            wait_ready(proc, base)
        yield world, bases
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(15)
        cached_engine(url).dispose()
        with psycopg.connect("host=127.0.0.1 user=postgres dbname=test", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def token(base: str, name: str) -> dict[str, str]:
    r = httpx.post(f"{base}/api/tokens", json={"username": name, "password": PASSWORDS[name]})
    assert r.status_code == 201, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


def test_a_rename_through_one_is_seen_through_the_other(pair):
    world, (a, b) = pair
    officer = token(a, "officer")
    agency = world.agencies[SO_VHTTDL]
    assert httpx.get(f"{b}/api/agencies/{agency}", headers=officer).json()["name"] == SO_VHTTDL
    r = httpx.patch(
        f"{a}/api/agencies/{agency}", json={"name": "Sở Văn hóa và Thể thao"}, headers=officer
    )
    assert r.status_code == 200, r.text
    seen = httpx.get(f"{b}/api/agencies/{agency}", headers=officer).json()["name"]
    assert seen == "Sở Văn hóa và Thể thao"
    httpx.patch(f"{a}/api/agencies/{agency}", json={"name": SO_VHTTDL}, headers=officer)


def test_a_report_through_one_reaches_the_others_cached_views(pair):
    world, (a, b) = pair
    viewer = token(b, "viewer")
    task = world.lead_tasks(SO_VHTTDL)[3]
    params = {"on": date.today().isoformat()}  # the report counts from today

    def status_on_b() -> str:
        rows = httpx.get(f"{b}/api/status", params=params, headers=viewer).json()
        return next(row["code"] for row in rows if row["task_id"] == task)

    def dashboard_on_b() -> dict:
        r = httpx.get(f"{b}/api/dashboard", params=params, headers=viewer)
        assert r.status_code == 200, r.text
        return r.json()

    before, board = status_on_b(), dashboard_on_b()
    assert status_on_b() == before and dashboard_on_b() == board  # now cached in b
    r = httpx.post(
        f"{a}/api/tasks/{task}/reports",
        json={"status": "hoan_thanh", "percent": 100, "done_text": "Xong"},
        headers=token(a, "reporter"),
    )
    assert r.status_code == 201, r.text
    assert before not in ("done_on_time", "done_late")
    assert status_on_b() in ("done_on_time", "done_late")
    assert dashboard_on_b() != board


def test_a_password_reset_through_one_ends_sessions_on_the_other(pair):
    world, (a, b) = pair
    with httpx.Client(follow_redirects=False) as browser:  # one cookie jar, both processes
        page = browser.get(f"{a}/login")
        csrf = CSRF_RE.search(page.text).group(1)
        r = browser.post(
            f"{a}/login",
            data={"username": "viewer", "password": PASSWORDS["viewer"], "csrf_token": csrf},
        )
        assert r.status_code == 303, r.text
        assert browser.get(f"{b}/dashboard").status_code == 200  # the session works on b too
        time.sleep(0.05)  # the reset is later than the log-in
        r = httpx.put(
            f"{a}/api/users/{world.users['viewer'].id}/password",
            json={"password": "viewer-pass-2"},
            headers=token(a, "admin"),
        )
        assert r.status_code == 204, r.text
        refused = browser.get(f"{b}/dashboard")
        assert refused.status_code in (302, 303) and "/login" in refused.headers["location"]
    restore = {"password": PASSWORDS["viewer"]}
    uid = world.users["viewer"].id
    httpx.put(f"{a}/api/users/{uid}/password", json=restore, headers=token(a, "admin"))


def test_failed_log_ins_are_counted_across_processes(pair):
    _world, (a, b) = pair
    for base in (a, b, a):
        r = httpx.post(f"{base}/api/tokens", json={"username": "other", "password": "x" * 8})
        assert r.status_code == 403
    r = httpx.post(f"{b}/api/tokens", json={"username": "other", "password": PASSWORDS["other"]})
    assert r.status_code == 429  # locked, even with the right password, on either process
    assert "15" in r.json()["error"]
