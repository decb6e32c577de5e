"""Headless Chromium on the demo data: the officer opens the 2026 emulation ranking (table and
Chart.js bars), edits the rule (a validation error first, then a new version that leaves the
stored result alone), follows an agency to its evidence; the reporter lands on its own.

A real `kehoach serve` on a SQLite file seeded as `./run demo` does; screenshots as in
test_browser.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from test_browser import CHROMIUM, REPORT_CSP, SHOTS, free_port, wait_for

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium"),
]
PASSWORDS = {"officer": "officer-demo", "reporter": "reporter-demo"}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from kehoach.services import demo
    from kehoach.settings import Settings
    from kehoach.store.db import open_database, session_scope

    data = tmp_path_factory.mktemp("serve-emulation")
    url = f"sqlite:///{data / 'kehoach.db'}"
    with session_scope(open_database(url)) as db:
        demo.seed_demo(db, Settings(data_dir=data, database_url=url), today=date(2026, 12, 1))
    env = {
        **os.environ,
        "KEHOACH_DATA_DIR": str(data),
        "KEHOACH_SECRET_KEY": "e" * 40,
        "KEHOACH_REMINDERS_IN_APP": "0",
    }
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kehoach", "serve", "--port", str(port), "--db", url],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for(port, proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(10)


def logged_in(chromium, base: str, username: str, violations: list[str]):
    context = chromium.new_context(
        viewport={"width": 1280, "height": 900}, base_url=base, locale="vi-VN"
    )
    context.add_init_script(REPORT_CSP)
    page = context.new_page()
    page.on(
        "console",
        lambda m: (
            violations.append(m.text)
            if "Content Security Policy" in m.text or m.text.startswith("CSP violation")
            else None
        ),
    )
    page.goto("/login")
    page.fill("#username", username)
    page.fill("#password", PASSWORDS[username])
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: not url.split("?")[0].endswith("/login"))
    return page


def test_ranking_rule_edit_and_evidence(server, chromium):
    violations: list[str] = []
    page = logged_in(chromium, server, "officer", violations)
    page.click("nav >> text=Thi đua")
    page.wait_for_selector("#ranking")
    assert page.locator("h1").inner_text() == "Thi đua"
    page.wait_for_selector("#emulation-chart[data-drawn='1']")
    assert "Chấm điểm lúc" in page.locator("#result-state").inner_text()
    assert "phiên bản tiêu chí 1" in page.locator("#result-state").inner_text()
    rows = page.locator("#ranking tbody tr")
    assert rows.count() >= 2
    assert rows.first.locator("td").first.inner_text() == "1"
    assert page.locator("#commune-ranking tbody tr").count() > 10
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "30-emulation.png"), full_page=False)

    # a rule that does not add up to 100 is refused in Vietnamese, what was typed kept
    page.fill("#weight_tasks_on_time", "50")
    page.click("#rule-form button[type=submit]")
    page.wait_for_selector("#weights-error")
    assert "tổng các trọng số phải bằng 100" in page.locator("#weights-error").inner_text()
    assert page.input_value("#weight_tasks_on_time") == "50"
    page.fill("#weight_evidence_attached", "0")
    page.click("#rule-form button[type=submit]")
    page.wait_for_selector(".flash-ok")
    assert "phiên bản 2" in page.locator(".flash-ok").inner_text()
    # the stored result keeps the version it was scored under
    assert "phiên bản tiêu chí 1" in page.locator("#result-state").inner_text()
    assert "Phiên bản 2" in page.locator("#rule-h + p").inner_text()

    first = page.locator("#ranking tbody tr").first
    name = first.locator("td a").inner_text()
    first.locator("td a").click()
    page.wait_for_selector("#points")
    assert page.locator("h1").inner_text() == name
    assert "Xếp thứ 1/" in page.locator("#sum-h").inner_text()
    assert page.locator("#c-tasks_on_time table").count() == 1
    page.screenshot(path=str(SHOTS / "31-emulation-evidence.png"), full_page=True)

    reporter = logged_in(chromium, server, "reporter", violations)
    reporter.goto("/emulation")
    reporter.wait_for_selector("#points")
    assert reporter.locator("h1").inner_text() == "Sở Văn hóa, Thể thao và Du lịch"
    assert violations == []
