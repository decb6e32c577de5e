"""Headless Chromium: the bell counts a reporter's reminders; the notifications page marks them read.

A real `kehoach serve` on a SQLite file holding the samples and the reminders
of 25/03/2026 (recorded by `kehoach remind`, as the worker would). The in-app
job is switched off so that nothing else changes the counts meanwhile.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from test_browser import SHOTS
from webkit import CHROMIUM, EXPECTED, PASSWORDS, SO_VHTTDL, logged_in, serve, serve_env

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium"),
]
BTG = "Ban Tuyên giáo và Dân vận Tỉnh ủy"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from kehoach.model import parse_record
    from kehoach.services import importing, users
    from kehoach.store.db import open_database, session_scope

    data = tmp_path_factory.mktemp("serve-bell")
    url = f"sqlite:///{data / 'kehoach.db'}"
    with session_scope(open_database(url)) as db:
        for path in sorted(EXPECTED.glob("*.json")):
            record = parse_record(json.loads(path.read_text(encoding="utf-8")))
            importing.import_record(db, record)
        # plan 002, whose tasks fall due 31/03/2026, is Điện Biên's
        db_ = "Điện Biên"
        users.create_user(db, "reporter", PASSWORDS["reporter"], "reporter", SO_VHTTDL, None, db_)
        users.create_user(db, "other", PASSWORDS["other"], "reporter", BTG, None, db_)
        users.create_user(db, "officer", PASSWORDS["officer"], "officer")
    quiet = {"KEHOACH_REMINDERS_IN_APP": "0", "KEHOACH_SMTP_HOST": ""}
    env = serve_env(data, quiet)
    remind = subprocess.run(
        [sys.executable, "-m", "kehoach", "remind", "--date", "2026-03-25", "--db", url],
        env=env,
        capture_output=True,
    )
    assert remind.returncode == 0, remind.stderr
    with serve(url, data, quiet) as base:
        yield base


VIEWPORT = {"width": 1280, "height": 800}


def test_bell_and_notifications(server, chromium):
    reporter = logged_in(chromium, server, "reporter", viewport=VIEWPORT)
    bell = reporter.locator("a.bell")
    bell.locator(".bell-count").wait_for()
    assert bell.locator(".bell-count").inner_text() == "1"
    assert "1 thông báo chưa đọc" in bell.inner_text()

    bell.click()
    reporter.wait_for_url("**/notifications")
    assert reporter.locator("h1").inner_text() == "Thông báo"
    item = reporter.locator("li.notification.unread")
    assert item.count() == 1
    assert "Nhiệm vụ I.2 sắp đến hạn (31/03/2026)" in item.inner_text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    reporter.screenshot(path=str(SHOTS / "11-notifications.png"), full_page=True)

    # mark it read through HTMX: the item changes in place, the bell's count goes
    item.locator("button", has_text="Đánh dấu đã đọc").click()
    reporter.locator("li.notification:not(.unread)").wait_for()
    reporter.locator("a.bell .bell-count").wait_for(state="detached")
    assert "Không có thông báo chưa đọc" in reporter.locator("a.bell").inner_text()

    # the link opens the task, which the reporter's agency leads
    reporter.click("li.notification .n-title a")
    reporter.wait_for_load_state()
    assert "/tasks/" in reporter.url and "I.2" in reporter.locator("main").inner_text()

    # a reporter of another agency was told about its own tasks only
    other = logged_in(chromium, server, "other", viewport=VIEWPORT)
    other.goto("/notifications")
    texts = other.locator("li.notification").all_inner_texts()
    assert len(texts) == 2 and all("I.2" not in t for t in texts)
    assert {t.split("\n")[0] for t in texts} == {
        "Nhiệm vụ I.1 sắp đến hạn (31/03/2026)",
        "Nhiệm vụ I.5 sắp đến hạn (31/03/2026)",
    }

    # the officer: the daily digest; "mark all as read" empties the bell
    officer = logged_in(chromium, server, "officer", viewport=VIEWPORT)
    officer.goto("/notifications")
    assert (
        "Tổng hợp tình hình thực hiện kế hoạch ngày 25/03/2026"
        in officer.locator("main").inner_text()
    )
    officer.click("text=Đánh dấu tất cả là đã đọc")
    officer.wait_for_selector(".flash-ok")
    officer.locator("a.bell .bell-count").wait_for(state="detached")

    # the officer gives a plan its own reminder days on the plan page
    officer.goto("/plans/3")
    policy = officer.locator("#reminder-policy details")
    policy.wait_for()
    assert "trước thời hạn 7 ngày" in policy.inner_text()
    policy.locator("summary").click()
    officer.fill("#rp-before", "10")
    officer.select_option("#rp-officer", "officer")
    officer.click("#reminder-policy button[type=submit]")
    officer.wait_for_selector(".flash-ok")
    officer.locator("#reminder-policy details").wait_for()
    assert "trước thời hạn 10 ngày" in officer.locator("#reminder-policy").inner_text()
