"""`kehoach serve`, `kehoach demo`, `kehoach bench web` from the command line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from webkit import ROOT


def kehoach(*args: str, cwd, timeout: float = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("KEHOACH_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "kehoach", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_help_texts_have_examples():
    from typer.testing import CliRunner

    from kehoach.cli import app

    for command in (["serve"], ["demo"], ["bench", "web"]):
        out = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
        assert out.exit_code == 0, out.output
        assert "Example: kehoach" in out.stdout


@pytest.mark.slow  # imports the samples from their text: the whole product, end to end
def test_demo_builds_a_fresh_database_and_prints_accounts(tmp_path):
    out = kehoach("demo", "--no-browser-wait", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    for account in ("admin-demo", "officer-demo", "reporter-demo", "viewer-demo"):
        assert account in out.stdout
    rows = [line for line in out.stdout.splitlines() if "reporter_dienbien" in line]
    assert rows and "reporter-dienbien-demo" in rows[0] and "Điện Biên" in rows[0]
    assert "Cao Bằng" in out.stdout and "Toàn quốc" in out.stdout
    assert (tmp_path / "var" / "demo" / "kehoach.db").exists()
    again = kehoach("demo", "--no-browser-wait", cwd=tmp_path)  # recreated, not added to
    assert again.returncode == 0 and "3 plans imported" in again.stdout


def test_serve_refuses_an_unusable_database(tmp_path):
    # the one command-line test in a process of its own: the installed entry point, for real
    out = kehoach(
        "serve", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none", cwd=tmp_path, timeout=60
    )
    assert out.returncode == 2
    assert out.stderr.startswith("kehoach: cannot open the database")
    assert "Traceback" not in out.stderr


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("wrk") is None, reason="needs wrk")
def test_bench_web_small(tmp_path):
    out = kehoach(
        "bench",
        "web",
        "--db",
        "sqlite",
        "--seconds",
        "1",
        "--max-requests",
        "50",
        "--plans",
        "3",
        "--tasks",
        "60",
        "--agencies",
        "8",
        "--years",
        "1",
        "--workers",
        "1",
        cwd=tmp_path,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    for row in ("dashboard", "plan task table", "my unit", "GET /api/tasks"):
        assert row in out.stdout
    assert "p95 ms" in out.stdout
