"""`kehoach remind` (dry run, send, twice), `kehoach remind-policy`, `kehoach user email`."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from kehoach.cli import app


@pytest.fixture
def run(db_url, users, smtp_server, monkeypatch):
    port, _ = smtp_server
    monkeypatch.setenv("KEHOACH_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("KEHOACH_SMTP_PORT", str(port))
    monkeypatch.setenv("KEHOACH_SMTP_TLS", "none")
    monkeypatch.setenv("KEHOACH_PUBLIC_BASE_URL", "https://kehoach.example.vn")
    monkeypatch.setenv("COLUMNS", "200")  # a wide terminal: table cells unwrapped
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(app, [*args, "--db", db_url])

    return invoke


def test_remind_dry_run_then_send_then_nothing_new(run, smtp_server):
    _, box = smtp_server
    set_address = run("user", "email", "reporter", "phong.vh@example.vn")
    assert set_address.exit_code == 0, set_address.output
    assert "reporter: phong.vh@example.vn" in set_address.output

    dry = run("remind", "--date", "15/6/2026", "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "Reminders on 15/06/2026" in dry.output and "phong.vh@example.vn" in dry.output
    assert "report_due" in dry.output and "(20/06/2026)" in dry.output
    assert box.messages == []

    sent = run("remind", "--date", "2026-06-15")
    assert sent.exit_code == 0, sent.output
    found = re.search(
        r"15/06/2026: (\d+) reminders recorded; 1 e-mails sent \((\d+) reminders\)", sent.output
    )
    assert found and int(found.group(1)) > int(found.group(2)) > 0, sent.output
    [mail] = box.messages  # the officer has no address: its reminders stay in the app
    assert mail["To"] == "phong.vh@example.vn"
    assert "/period-sheet?period=2026-H1" in mail.get_body(("plain",)).get_content()

    again = run("remind", "--date", "2026-06-15")
    assert "0 reminders recorded; 0 e-mails sent" in again.output
    assert len(box.messages) == 1
    nothing = run("remind", "--date", "2026-06-15", "--dry-run")
    assert "nothing to send" in nothing.output


def test_remind_errors_are_one_line(run):
    bad = run("remind", "--date", "31/2/2026")
    assert bad.exit_code == 2
    assert bad.output.strip() == "kehoach: '31/2/2026' is not a date; write 2026-06-30 or 30/6/2026"
    wrong = run("user", "email", "reporter", "not an address")
    assert wrong.exit_code == 2
    assert "kehoach: email: 'not an address' is not an e-mail address" in wrong.output
    nobody = run("user", "email", "ghost", "a@b.vn")
    assert "kehoach: username: no user 'ghost'" in nobody.output


def test_remind_policy(run):
    ok = run("remind-policy", "--plan", "1", "--days-before", "14", "--officer", "officer")
    assert ok.exit_code == 0, ok.output
    assert "plan 1: remind 14 days before, escalate after 14 days; officer officer" in ok.output
    bad = run("remind-policy", "--plan", "1", "--officer", "reporter")
    assert bad.exit_code == 2 and "'reporter' is not an officer's username" in bad.output
    missing = run("remind-policy", "--plan", "999")
    assert missing.exit_code == 2 and "no plan with id 999" in missing.output


@pytest.mark.slow  # a worker process, waited for
def test_worker_runs_at_once_then_waits_for_its_schedule(db_url, users, tmp_path):
    """`kehoach worker` as a separate process: today's reminders (the officer's digest) at once."""
    import os
    import subprocess
    import sys
    import time

    from sqlalchemy import create_engine, text

    if not db_url.startswith("sqlite"):
        pytest.skip("the worker's code is the same on both databases; one process test is enough")
    env = {**os.environ, "KEHOACH_DATA_DIR": str(tmp_path), "KEHOACH_SMTP_HOST": ""}
    proc = subprocess.Popen(
        [sys.executable, "-m", "kehoach", "worker", "--db", db_url],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    engine = create_engine(db_url)
    try:
        deadline = time.monotonic() + 60
        kinds: list = []
        while time.monotonic() < deadline and "digest" not in kinds:
            assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
            time.sleep(0.3)
            with engine.connect() as conn:
                kinds = conn.execute(text("SELECT kind FROM reminders")).scalars().all()
        assert "digest" in kinds
        assert proc.poll() is None  # still waiting for the next scheduled run
    finally:
        proc.terminate()
        proc.wait(10)
        engine.dispose()
