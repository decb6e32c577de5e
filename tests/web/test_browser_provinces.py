"""Headless Chromium: two provinces on one server. A reporter of Cao Bằng's Sở VHTTDL cannot
open or report on Điện Biên's tasks; an officer cleans its agency register in the browser
(three spellings of `Các Sở, ban, ngành` merged and retired, `(2)` retired) and the
dashboard chart then shows none of them. Runs on SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest
from webkit import CHROMIUM, SAMPLES, SO_VHTTDL, logged_in, serve

PASSWORD = "province-pass-1"
SPELLINGS = ["Các Sở, ban, ngành", "Các sở, ban, ngành tỉnh", "Các Sở, ban ngành"]
JUNK = "(2)"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium"),
]


def _seed(url: str) -> dict[str, int]:
    """Both provinces' plans, their accounts, and the reader's noise on Cao Bằng's tasks:
    the spellings and `(2)` lead a task each and report it done, so they top the chart."""
    from kehoach.services import importing, plans, reports, tasks, users
    from kehoach.services.types import SYSTEM
    from kehoach.store.db import open_database, session_scope

    with session_scope(open_database(url)) as db:
        for path in sorted(SAMPLES.glob("*.txt")):
            importing.import_plan(db, path)
        for name, role, agency, province in [
            ("officer_cb", "officer", None, "Cao Bằng"),
            ("so_cb", "reporter", SO_VHTTDL, "Cao Bằng"),
            ("so_db", "reporter", SO_VHTTDL, "Điện Biên"),
            ("viewer_all", "viewer", None, "toàn quốc"),
        ]:
            users.create_user(db, name, PASSWORD, role, agency, jurisdiction=province)
        cao_bang, _, dien_bien = plans.list_plans(db, SYSTEM)
        rows = tasks.list_tasks(db, user=SYSTEM, plan_id=cao_bang.id, per_page=10).items
        for row, name in zip(rows[-4:], [*SPELLINGS, JUNK], strict=True):
            plans.correct_field(db, "task", row.id, "lead", [name], SYSTEM)
            reports.submit_report(db, task_id=row.id, user=SYSTEM, status="hoan_thanh")
        so_db = users.authenticate(db, "so_db", PASSWORD)
        theirs = tasks.list_tasks(
            db, user=so_db, agency_id=so_db.agency_id, role="lead", per_page=1
        ).items[0]
        return {"dien_bien_task": theirs.id, "dien_bien_plan": dien_bien.id}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    data = tmp_path_factory.mktemp("provinces")
    url = f"sqlite:///{data / 'kehoach.db'}"
    facts = _seed(url)
    with serve(url, data) as base:
        yield base, facts


def chart_names(page) -> list[str]:
    page.goto("/dashboard")
    return page.eval_on_selector_all(
        "svg.chart text > title", "titles => titles.map(t => t.textContent)"
    )


def test_a_cao_bang_reporter_cannot_reach_dien_bien(served, chromium):
    base, facts = served
    page = logged_in(chromium, base, "so_cb", PASSWORD)
    assert "Cao Bằng" in page.locator(".who").inner_text()
    task = facts["dien_bien_task"]
    assert page.goto(f"/tasks/{task}").status == 404
    assert page.request.get(f"/api/tasks/{task}").status == 404
    token = page.locator("input[name=csrf_token]").first.get_attribute("value")
    post = page.request.post(
        f"/api/tasks/{task}/reports",
        data={"status": "dang_trien_khai"},
        headers={"X-CSRF-Token": token},
    )
    assert post.status == 404
    form = page.request.post(
        f"/tasks/{task}/reports", form={"status": "dang_trien_khai", "csrf_token": token}
    )
    assert form.status in (403, 404)
    assert page.goto(f"/plans/{facts['dien_bien_plan']}").status == 404
    # Điện Biên's own reporter opens it
    assert logged_in(chromium, base, "so_db", PASSWORD).goto(f"/tasks/{task}").status == 200


def test_officer_sees_its_province_national_viewer_all(served, chromium):
    base, facts = served
    officer = logged_in(chromium, base, "officer_cb", PASSWORD)
    officer.goto("/plans")
    assert officer.locator("main table tbody tr").count() == 2
    assert officer.goto(f"/plans/{facts['dien_bien_plan']}").status == 404
    viewer = logged_in(chromium, base, "viewer_all", PASSWORD)
    viewer.goto("/plans")
    assert viewer.locator("main table tbody tr").count() == 3


def test_merge_and_retire_in_the_register(served, chromium):
    base, _ = served
    officer = logged_in(chromium, base, "officer_cb", PASSWORD)
    before = chart_names(officer)
    assert set(SPELLINGS) | {JUNK} <= set(before)
    # find the spellings by a search without diacritics
    officer.goto("/agencies")
    officer.fill("#a-q", "cac so, ban")
    officer.click("main form.filters button[type=submit]")
    listed = officer.locator("#agency-register tbody a").all_inner_texts()
    assert set(SPELLINGS) <= set(listed)
    for spelling in SPELLINGS[1:]:  # merge the other two into the first
        officer.goto("/agencies?q=cac+so")
        officer.click(f"#agency-register a:text-is('{spelling}')")
        officer.select_option("#merge-into", label=SPELLINGS[0])
        officer.click("form[action$='/merge'] button[type=submit]")
        officer.wait_for_selector(".flash-ok")
        assert officer.locator("h1").inner_text().startswith(SPELLINGS[0])
    kept = officer.locator("main").inner_text()  # the old spellings, kept for later imports
    assert all(spelling in kept for spelling in SPELLINGS[1:])
    assert "Gộp vào cơ quan này" in kept  # the merges, in the agency's history
    # a group phrase, not a unit: retire it, and `(2)` too
    officer.click("form[action$='/kind'] button[type=submit]")
    officer.wait_for_selector(".flash-ok")
    assert "Không phải cơ quan" in officer.locator("h1").inner_text()
    officer.goto("/agencies?q=(2)")
    officer.click(f"#agency-register a:text-is('{JUNK}')")
    officer.click("form[action$='/kind'] button[type=submit]")
    officer.wait_for_selector(".flash-ok")
    after = chart_names(officer)
    assert not (set(SPELLINGS) | {JUNK}) & set(after)
    assert after  # the chart still has the real agencies
    # the phrases stay on their tasks as text; the agency filter and new-user list drop them
    officer.goto("/plans")
    officer.click("main table tbody a >> nth=0")
    options = officer.locator("#f-agency option").all_inner_texts()
    assert JUNK not in options and SPELLINGS[0] not in options
