"""Headless Chromium: an agency reporter fills the page for the whole period over two sittings
(draft, then submitted) and attaches its .docx; the officer opens the period report page.

Runs on SQLite against a real `kehoach serve`; screenshots as in test_browser.py.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from test_browser import SHOTS
from webkit import ARGS, CHROMIUM, PASSWORDS, SAMPLES, SO_VHTTDL, logged_in, serve

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`kehoach serve` with the three samples imported, a national officer and the reporter of
    Cao Bằng's Sở VHTTDL."""
    from kehoach.services import importing, users
    from kehoach.store.db import open_database, session_scope

    data = tmp_path_factory.mktemp("serve-period")
    url = f"sqlite:///{data / 'kehoach.db'}"
    with session_scope(open_database(url)) as db:
        for sample in sorted(SAMPLES.glob("*.txt")):
            importing.import_plan(db, sample)
        users.create_user(db, "officer", PASSWORDS["officer"], "officer")
        users.create_user(
            db, "reporter", PASSWORDS["reporter"], "reporter", SO_VHTTDL, jurisdiction="Cao Bằng"
        )
    with serve(url, data) as base:
        yield base


def docx_file(tmp_path: Path) -> Path:
    from docx import Document

    doc = Document()
    doc.add_paragraph("Báo cáo kết quả thực hiện của Sở Văn hóa, Thể thao và Du lịch")
    out = io.BytesIO()
    doc.save(out)
    path = tmp_path / "bao-cao-so-vhttdl.docx"
    path.write_bytes(out.getvalue())
    return path


def test_reporter_fills_the_period_page(server, tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            reporter = logged_in(chromium, server, "reporter")
            reporter.goto("/my-unit")
            reporter.click("#sheets-h + p + ul a >> nth=0")
            reporter.wait_for_selector("#sheet-form")
            assert "Chưa bắt đầu" in reporter.locator("#sheet-state").inner_text()
            selects = reporter.locator("#sheet-form select[id^=status-]")
            assert selects.count() >= 2
            first = selects.nth(0).get_attribute("id").split("-")[1]
            second = selects.nth(1).get_attribute("id").split("-")[1]

            # first sitting: one task half done, kept as a draft
            reporter.select_option(f"#status-{first}", "dang_trien_khai")
            reporter.fill(f"#percent-{first}", "45")
            reporter.fill(f"#done_text-{first}", "Đã tổ chức hội nghị triển khai.")
            reporter.click("text=Lưu nháp")
            reporter.wait_for_selector(".flash-ok")
            assert "Bản nháp" in reporter.locator("#sheet-state").inner_text()

            # second sitting: the draft is still there; finish and submit
            reporter.reload()
            assert reporter.input_value(f"#percent-{first}") == "45"
            assert reporter.input_value(f"#done_text-{first}") == "Đã tổ chức hội nghị triển khai."
            reporter.select_option(f"#status-{second}", "hoan_thanh")
            reporter.fill(f"#done_text-{second}", "Đã hoàn thành, có báo cáo kèm theo.")
            reporter.set_input_files("#sheet-file", str(docx_file(tmp_path)))
            reporter.click("text=Gửi báo cáo")
            reporter.wait_for_selector("a[href^='/period-files/']")
            assert "Đã gửi báo cáo" in reporter.locator("#sheet-state").inner_text()
            SHOTS.mkdir(parents=True, exist_ok=True)
            reporter.screenshot(path=str(SHOTS / "period-sheet.png"), full_page=False)

            # the reports were filed, one per task, as the per-task pages show
            history = reporter.request.get(f"/api/tasks/{first}/reports").json()
            assert [(r["status"], r["percent"]) for r in history] == [("dang_trien_khai", 45)]
            done = reporter.request.get(f"/api/tasks/{second}/reports").json()
            assert done[0]["status"] == "hoan_thanh" and done[0]["percent"] == 100

            # the officer's period report page shows what was received
            officer = logged_in(chromium, server, "officer")
            plan = reporter.url.split("/plans/")[1].split("/")[0]
            period = reporter.url.split("period=")[1].split("&")[0]
            officer.goto(f"/plans/{plan}/report?period={period}")
            officer.wait_for_selector("#received-h")
            assert "Đã hoàn thành, có báo cáo kèm theo." in officer.locator("main").inner_text()
            officer.screenshot(path=str(SHOTS / "period-report-page.png"), full_page=False)
        finally:
            chromium.close()
