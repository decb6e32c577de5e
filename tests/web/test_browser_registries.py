"""Headless Chromium on the demo database: Cao Bằng's officer imports a villages table
whose bad row rejects the whole file (the row and the reason shown, nothing saved), adds a
cultural institution with its coordinates and finds it on the culture map. Runs on SQLite
against a real `kehoach serve`."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_browser import CSP_VIOLATIONS, SHOTS
from test_browser_indicators import login
from webkit import CHROMIUM, serve

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`kehoach serve` on the demo data."""
    from datetime import date

    from kehoach.services.demo import seed_demo
    from kehoach.store.db import open_database, session_scope

    data = tmp_path_factory.mktemp("serve-registries")
    url = f"sqlite:///{data / 'kehoach.db'}"
    with session_scope(open_database(url)) as db:
        seed_demo(db, None, date(2026, 12, 2))
    with serve(url, data) as base:
        yield base


def test_import_with_a_bad_row_and_an_institution_on_the_map(server, chromium, tmp_path):
    CSP_VIOLATIONS.clear()
    officer = login(chromium, server, "officer")
    officer.goto("/registries/villages")
    commune = officer.locator("#f-commune option").nth(1)
    commune_id = commune.get_attribute("value")
    code = officer.request.get(f"/api/registries/villages?commune={commune_id}").json()[0][
        "commune_code"
    ]
    table = tmp_path / "thon.csv"
    table.write_text(f"Tên thôn,Loại,Mã xã,Số hộ\nXóm Mới Lập,Xóm,{code},55\nXóm Lạ,Xóm,99999,20\n")
    officer.click("#import > summary")
    officer.set_input_files("#i-file", str(table))
    officer.click("#import button[type=submit]")
    officer.wait_for_selector("#upload-problems")
    problems = officer.locator("#upload-problems").inner_text()
    assert "3" in problems and "99999" in problems
    saved = officer.request.get("/api/registries/villages", params={"q": "Xóm Mới Lập"}).json()
    assert saved == []  # nothing partial saved
    SHOTS.mkdir(parents=True, exist_ok=True)
    officer.screenshot(path=str(SHOTS / "registry-import-rejected.png"), full_page=False)

    officer.goto("/registries/institutions")
    officer.click("details:has(form[action='/registries/institutions']) > summary")
    officer.fill("#r-name", "Nhà văn hóa Trung tâm Thử nghiệm")
    officer.select_option("#r-kind", "nha_van_hoa_xa")
    officer.select_option("#r-commune_id", commune_id)
    officer.check("#r-regular")
    officer.fill("#r-assessed_on", "01/10/2026")
    officer.fill("#r-latitude", "22.70")
    officer.fill("#r-longitude", "106.20")
    officer.click("form[method=post][action='/registries/institutions'] button[type=submit]")
    officer.wait_for_selector(".flash-ok")
    entry = officer.url.rsplit("/", 1)[1]
    officer.goto("/map?layer=institutions&kind=nha_van_hoa_xa")
    square = officer.locator(f"#culture-map rect[data-institution='{entry}']")
    assert square.count() == 1 and "regular" in (square.get_attribute("class") or "")
    officer.goto("/map")
    assert officer.locator("#culture-map circle").count() > 20
    assert officer.locator("#culture-map rect.institution").count() > 20
    officer.screenshot(path=str(SHOTS / "culture-map-institutions.png"), full_page=False)
    officer.context.close()
    assert CSP_VIOLATIONS == []
