"""Headless Chromium: the header's search box finds `số hóa` from `so hoa`, highlighted.

A real `kehoach serve` on a SQLite file holding the samples (indexed as they are imported).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_browser import SHOTS
from webkit import CHROMIUM, EXPECTED, PASSWORDS, logged_in, serve

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

    data = tmp_path_factory.mktemp("serve-search")
    url = f"sqlite:///{data / 'kehoach.db'}"
    with session_scope(open_database(url)) as db:
        for path in sorted(EXPECTED.glob("*.json")):
            record = parse_record(json.loads(path.read_text(encoding="utf-8")))
            importing.import_record(db, record)
        users.create_user(db, "officer", PASSWORDS["officer"], "officer")
    with serve(url, data, {"KEHOACH_REMINDERS_IN_APP": "0"}) as base:
        yield base


def test_header_search_box(server, chromium):
    page = logged_in(chromium, server, "officer", viewport={"width": 1280, "height": 800})
    violations: list[str] = []
    page.on(
        "console", lambda m: violations.append(m.text) if "Content Security" in m.text else None
    )
    page.fill("#header-search", "so hoa di tich")
    page.press("#header-search", "Enter")
    page.wait_for_url("**/search?q=so+hoa+di+tich")
    assert page.locator("h1").inner_text() == "Tìm kiếm"
    results = page.locator("ol.search-results li")
    assert results.count() > 0
    marks = [m.lower() for m in page.locator("ol.search-results mark").all_inner_texts()]
    assert "số" in marks and "hóa" in marks
    assert page.input_value("#header-search") == "so hoa di tich"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "20-search.png"), full_page=True)
    results.first.locator("a").click()
    page.wait_for_load_state()
    assert "/plans/" in page.url or "/tasks/" in page.url
    assert violations == []
