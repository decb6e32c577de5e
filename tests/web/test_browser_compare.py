"""Headless Chromium: the comparison page for 80-NQ/TW, confirming and breaking a match.

A real `kehoach serve` on a SQLite file holding the samples; Cao Bằng's 14-CTr/TU and
Điện Biên's draft both implement 80-NQ/TW.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_browser import SHOTS
from webkit import CHROMIUM, EXPECTED, PASSWORDS, SAMPLES, logged_in, serve

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from kehoach.model import parse_record
    from kehoach.services import importing, users
    from kehoach.store.db import open_database, session_scope

    data = tmp_path_factory.mktemp("serve-compare")
    url = f"sqlite:///{data / 'kehoach.db'}"
    with session_scope(open_database(url)) as db:
        for path in sorted(EXPECTED.glob("*.json")):
            if not (SAMPLES / f"{path.stem}.txt").exists():
                continue
            record = parse_record(json.loads(path.read_text(encoding="utf-8")))
            importing.import_record(db, record)
        users.create_user(db, "officer", PASSWORDS["officer"], "officer")
    with serve(url, data, {"KEHOACH_REMINDERS_IN_APP": "0"}) as base:
        yield base


def test_compare_confirm_and_break(server, chromium):
    page = logged_in(chromium, server, "officer", viewport={"width": 1280, "height": 800})
    violations: list[str] = []
    page.on(
        "console", lambda m: violations.append(m.text) if "Content Security" in m.text else None
    )
    page.click("nav a[href='/compare']")
    page.wait_for_url("**/compare")
    assert page.locator("h1").inner_text() == "So sánh giữa các tỉnh"
    side = page.locator("section.compare-side").first
    assert "Cao Bằng" in side.locator("h2").inner_text()
    assert "Điện Biên" in side.locator("h2").inner_text()
    grdp = side.locator("table.compare-targets tr[data-left='t7:1'][data-right='t11:1']")
    assert grdp.locator("td.differs").count() >= 2  # 2% vs 5% of GRDP
    assert "Cùng chỉ số" in grdp.inner_text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "21-compare.png"), full_page=True)

    # confirm a task pair: the section is swapped in place, the pair now says so
    task = side.locator("table.compare-tasks tr[data-left='VII.4']")
    task.locator("form.confirm button").click()
    confirmed = page.locator(
        "section.compare-side table.compare-tasks tr[data-left='VII.4'][data-reason='confirmed']"
    )
    confirmed.wait_for()
    assert "Đã xác nhận" in confirmed.inner_text()

    # break the GRDP pair: it leaves the table and is listed among broken pairs
    page.locator(
        "section.compare-side table.compare-targets tr[data-left='t7:1'] form.break button"
    ).click()
    page.locator("section.compare-side details.compare-broken li[data-left='t7:1']").wait_for(
        state="attached"
    )
    assert (
        page.locator("table.compare-targets tr[data-left='t7:1'][data-right='t11:1']").count() == 0
    )

    # both decisions survive a reload (kept, recomputed with them)
    page.reload()
    assert (
        page.locator("table.compare-tasks tr[data-left='VII.4'][data-reason='confirmed']").count()
        == 1
    )
    assert (
        page.locator("table.compare-targets tr[data-left='t7:1'][data-right='t11:1']").count() == 0
    )
    assert not violations, violations
