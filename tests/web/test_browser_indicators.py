"""Headless Chromium on the demo database (`kehoach demo`'s content): a reporter enters a
commune's figure and sends it for approval, uploads an XLSX whose bad row rejects the whole
file, the officer approves the figure; the chart is drawn (Chart.js, under the CSP) and the
culture map shows the heritage sites. Runs on SQLite against a real `kehoach serve`."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_browser import CSP_VIOLATIONS, SHOTS
from webkit import ARGS, CHROMIUM, DEMO_PASSWORDS, csp_recorder, logged_in, serve

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`kehoach serve` on the demo data (Cao Bằng's officer and reporter)."""
    from datetime import date

    from kehoach.services.demo import seed_demo
    from kehoach.store.db import open_database, session_scope

    data = tmp_path_factory.mktemp("serve-indicators")
    url = f"sqlite:///{data / 'kehoach.db'}"
    with session_scope(open_database(url)) as db:
        seed_demo(db, None, date(2026, 12, 2))
    with serve(url, data) as base:
        yield base


def login(chromium, base: str, username: str):
    """`username` of the demo, its pages' CSP violations kept in `CSP_VIOLATIONS`."""
    return logged_in(
        chromium, base, username, DEMO_PASSWORDS[username], on_console=csp_recorder(CSP_VIOLATIONS)
    )


def bad_xlsx(path: Path, good: str, bad: str) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Mã đơn vị", "Tên đơn vị", "Kỳ", "Tử số", "Mẫu số", "Ghi chú"])
    sheet.append([good, "", "2025", 12, 20, ""])
    sheet.append([bad, "", "2025", 25, 20, "sai"])
    book.save(path)
    return path


def test_enter_upload_approve_chart_and_map(server, tmp_path):
    from playwright.sync_api import sync_playwright

    CSP_VIOLATIONS.clear()
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            reporter = login(chromium, server, "reporter")
            found = reporter.request.get("/api/indicators").json()
            houses = next(
                i for i in found
                if i["name"].startswith("Xóm, tổ dân phố có nhà văn hóa") and i["jurisdiction_name"] == "Cao Bằng"
            )  # fmt: skip
            reporter.goto(f"/indicators/{houses['id']}?period=2026")
            reporter.wait_for_selector("#indicator-chart[data-drawn='1']")  # Chart.js drew it
            options = reporter.locator("#e-unit option")
            unit = options.nth(options.count() - 1).get_attribute("value")
            reporter.select_option("#e-unit", unit)
            reporter.fill("#e-num", "17")
            reporter.fill("#e-den", "20")
            reporter.fill("#e-note", "Biên bản kiểm tra ngày 20/11/2026")
            reporter.click("#entry button[value=submit]")
            reporter.wait_for_selector(".flash-ok")
            row = reporter.locator(f"#unit-{unit}")
            assert "85%" in row.inner_text() and "Chờ duyệt" in row.inner_text()

            # an XLSX with one bad row: rejected whole, the row and the reason named
            codes = reporter.locator("table.units tbody tr td:nth-child(2)")
            good, bad = codes.nth(0).inner_text(), codes.nth(1).inner_text()
            reporter.set_input_files(
                "#upload-file", str(bad_xlsx(tmp_path / "so-lieu.xlsx", good, bad))
            )
            reporter.click("form[action$='/upload'] button[type=submit]")
            reporter.wait_for_selector("#upload-problems")
            problems = reporter.locator("#upload-problems").inner_text()
            assert "3" in problems and "tử số (25) lớn hơn mẫu số (20)" in problems
            after = reporter.request.get(
                f"/api/indicators/{houses['id']}/values?period=2025"
            ).json()
            assert not [v for v in after if v["unit_code"] == good and v["numerator"] == 12]
            SHOTS.mkdir(parents=True, exist_ok=True)
            reporter.screenshot(path=str(SHOTS / "indicator-upload-rejected.png"), full_page=False)

            # the officer approves the figure the reporter sent
            officer = login(chromium, server, "officer")
            officer.goto(f"/indicators/{houses['id']}?period=2026")
            officer.check(f"#unit-{unit} input[type=checkbox]")
            officer.click("button[value=approve]")
            officer.wait_for_selector(".flash-ok")
            assert "Đã duyệt" in officer.locator(f"#unit-{unit}").inner_text()
            officer.wait_for_selector("#indicator-chart[data-drawn='1']")
            officer.screenshot(path=str(SHOTS / "indicator.png"), full_page=False)

            # the dashboard's targets panel and the culture map
            officer.goto("/dashboard")
            officer.wait_for_selector("#targets-panel .light")
            officer.goto("/map?rank=quoc_gia_dac_biet")
            assert officer.locator("#culture-map circle").count() >= 3
            officer.goto("/map")
            assert officer.locator("#culture-map circle").count() > 20
            # Cao Bằng's outline frames the view, its neighbours drawn lightly around it
            outline = officer.locator(
                "#culture-map g.province.focus[data-province='04'] path.province-outline"
            )
            assert outline.count() == 1
            box = outline.bounding_box()
            frame = officer.locator("#culture-map").bounding_box()
            assert box and frame
            assert box["width"] > 0.8 * frame["width"] or box["height"] > 0.8 * frame["height"]
            assert officer.locator("#culture-map g.province.neighbour").count() >= 3
            assert "Natural Earth" in officer.locator(".map-attribution").inner_text()
            officer.screenshot(path=str(SHOTS / "culture-map.png"), full_page=False)
        finally:
            chromium.close()
    assert CSP_VIOLATIONS == []
