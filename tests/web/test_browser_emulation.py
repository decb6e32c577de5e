"""Headless Chromium on the demo data: the officer opens the 2026 emulation ranking (table and
Chart.js bars), edits the rule (a validation error first, then a new version that leaves the
stored result alone), follows an agency to its evidence; the reporter lands on its own.

A real `kehoach serve` on a SQLite file seeded as `./run demo` does; screenshots as in
test_browser.py.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from test_browser import SHOTS
from webkit import CHROMIUM, DEMO_PASSWORDS, csp_recorder, logged_in, serve

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from kehoach.services import demo
    from kehoach.settings import Settings
    from kehoach.store.db import open_database, session_scope

    data = tmp_path_factory.mktemp("serve-emulation")
    url = f"sqlite:///{data / 'kehoach.db'}"
    with session_scope(open_database(url)) as db:
        demo.seed_demo(db, Settings(data_dir=data, database_url=url), today=date(2026, 12, 1))
    with serve(url, data, {"KEHOACH_REMINDERS_IN_APP": "0"}) as base:
        yield base


def test_ranking_rule_edit_and_evidence(server, chromium):
    violations: list[str] = []
    page = logged_in(
        chromium, server, "officer", DEMO_PASSWORDS["officer"], on_console=csp_recorder(violations)
    )
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

    reporter = logged_in(
        chromium,
        server,
        "reporter",
        DEMO_PASSWORDS["reporter"],
        on_console=csp_recorder(violations),
    )
    reporter.goto("/emulation")
    reporter.wait_for_selector("#points")
    assert reporter.locator("h1").inner_text() == "Sở Văn hóa, Thể thao và Du lịch"
    assert violations == []
