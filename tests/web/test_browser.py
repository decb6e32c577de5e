"""Headless Chromium against a real `kehoach serve`: the officer's and the reporter's day.

Saves a screenshot of each main page (under docs/screenshots/ when run with
KEHOACH_SCREENSHOTS=docs/screenshots). Runs on SQLite.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest
from webkit import (
    CHROMIUM,
    OTHER_AGENCY,
    PASSWORDS,
    ROOT,
    SAMPLES,
    SO_VHTTDL,
    csp_recorder,
    logged_in,
    serve,
)
from webkit import new_page as blank_page

# The committed screenshots in docs/ are refreshed with KEHOACH_SCREENSHOTS=docs/screenshots;
# an ordinary test run writes them to a temporary folder and leaves the work tree clean.
SHOTS = ROOT / os.environ.get(
    "KEHOACH_SCREENSHOTS", str(Path(tempfile.gettempdir()) / "kehoach-screenshots")
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`kehoach serve` on a free port with an empty SQLite database and four accounts."""
    from kehoach.services import agencies, users
    from kehoach.services.jurisdictions import find_jurisdiction
    from kehoach.store.db import open_database, session_scope

    data = tmp_path_factory.mktemp("serve")
    url = f"sqlite:///{data / 'kehoach.db'}"
    with session_scope(open_database(url)) as db:
        # Điện Biên's agencies, as an earlier import of its plan would have made them
        dien_bien = find_jurisdiction(db, "Điện Biên")
        agencies.ensure_agencies(db, [SO_VHTTDL, OTHER_AGENCY], dien_bien.id, dien_bien.code)
        for name, role, agency in [
            ("officer", "officer", None),
            ("admin", "admin", None),
            ("reporter", "reporter", SO_VHTTDL),
            ("other", "reporter", OTHER_AGENCY),
        ]:
            users.create_user(
                db,
                name,
                PASSWORDS[name],
                role,
                agency,
                jurisdiction=dien_bien.id if agency else None,
            )
    with serve(url, data) as base:
        yield base


# Every Content-Security-Policy violation any page of the test reports (must stay empty).
CSP_VIOLATIONS: list[str] = []


def new_page(chromium, base: str, username: str | None = None):
    record = csp_recorder(CSP_VIOLATIONS)
    if username:
        return logged_in(chromium, base, username, on_console=record)
    return blank_page(chromium, base, on_console=record)


def shot(page, name: str, *, full_page: bool = True) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


def stat(page, code: str) -> int:
    text = page.locator(f".stat-{code} .n").first.inner_text()
    return int(text.replace(".", ""))


def test_officer_and_reporter_day(server, chromium):
    # -- log in
    login = new_page(chromium, server)
    login.goto("/login")
    assert login.locator("h1").inner_text() == "Đăng nhập"
    shot(login, "01-login")

    officer = new_page(chromium, server, "officer")
    assert officer.url.endswith("/dashboard")

    # -- import the three samples through "Nhập kế hoạch", reviewing each
    for n, sample in enumerate(sorted(SAMPLES.glob("*.txt"))):
        officer.goto("/import")
        officer.set_input_files("#file", str(sample))
        officer.click("main button[type=submit]")
        officer.wait_for_selector("text=Nội dung đọc được")
        if n == 1:
            shot(officer, "04-import-review", full_page=False)  # the review is long
            officer.fill("#doc-number", "25/KH-UBND")
        officer.click("text=Xác nhận và nhập")
        officer.wait_for_selector(".flash-ok")
    officer.goto("/plans")
    assert officer.locator("ul.tree").inner_text().index("80-NQ/TW") < officer.locator(
        "ul.tree"
    ).inner_text().index("14-CTr/TU")
    shot(officer, "02-plans")

    # -- the plan page: search with diacritics folded, through HTMX
    officer.click("text=14-CTr/TU >> nth=0")
    officer.wait_for_selector("#task-table")
    total = officer.locator("#task-table tbody tr").count()
    officer.fill("#f-q", "so hoa")
    officer.wait_for_function(
        f"() => document.querySelectorAll('#task-table tbody tr').length < {total}"
    )
    assert re.search(r"q=so(\+|%20)hoa", officer.url)
    shot(officer, "03-plan")

    # -- find a task of Sở VHTTDL and one of another agency through the API (same session)
    agencies = officer.request.get("/api/agencies").json()
    ids = {a["name"]: a["id"] for a in agencies if a["jurisdiction_name"] == "Điện Biên"}
    mine = officer.request.get(
        f"/api/tasks?agency_id={ids[SO_VHTTDL]}&role=lead&per_page=100"
    ).json()["items"]
    theirs = officer.request.get(
        f"/api/tasks?agency_id={ids[OTHER_AGENCY]}&role=lead&per_page=100"
    ).json()["items"]
    theirs = [t for t in theirs if SO_VHTTDL not in t["lead"] + t["coordinating"]]
    task = next(
        t
        for t in mine
        if t["status"]["code"] in ("not_started", "in_progress", "missing_report", "due_soon")
    )
    foreign = theirs[0]

    # -- correct a field: the task's text; the revision shows who and when
    officer.goto(f"/tasks/{task['id']}")
    officer.select_option("#correct_field", "text")
    officer.fill("#correct_value", task["text"] + " (đã rà soát)")
    officer.click("text=Lưu chỉnh sửa")
    officer.wait_for_selector(".flash-ok")
    assert "(đã rà soát)" in officer.locator("main").inner_text()
    assert "officer" in officer.locator(".revision").first.inner_text()

    # -- dashboard before the report
    officer.goto("/dashboard")
    done_before = stat(officer, "done_on_time") + stat(officer, "done_late")

    # -- the reporter of Sở VHTTDL: my unit, a wrong report, then a right one
    reporter = new_page(chromium, server, "reporter")
    assert reporter.url.endswith("/my-unit")
    assert SO_VHTTDL in reporter.locator("h1").inner_text()
    shot(reporter, "05-my-unit")
    reporter.goto(f"/tasks/{task['id']}")
    reporter.select_option("#status", "hoan_thanh")
    reporter.fill("#percent", "150")
    reporter.click("text=Gửi báo cáo")
    error = reporter.locator("#percent-error")
    assert error.is_visible() and "100" in error.inner_text()
    shot(reporter, "07-report-error")
    reporter.fill("#percent", "100")
    reporter.fill("#done_text", "Đã hoàn thành, có báo cáo kết quả gửi kèm.")
    reporter.click("text=Gửi báo cáo")
    reporter.wait_for_selector(".flash-ok")
    assert "Đã hoàn thành, có báo cáo kết quả" in reporter.locator("table").last.inner_text()
    shot(reporter, "06-task")

    # -- the reporter cannot see or post to another agency's task: page and API
    response = reporter.goto(f"/tasks/{foreign['id']}")
    assert response.status == 404
    assert foreign["text"][:40] not in reporter.content()
    api = reporter.request.get(f"/api/tasks/{foreign['id']}")
    assert api.status == 404 and set(api.json()) == {"error", "field"}
    token = reporter.locator("input[name=csrf_token]").first.get_attribute("value")
    post = reporter.request.post(
        f"/api/tasks/{foreign['id']}/reports",
        data={"status": "hoan_thanh"},
        headers={"X-CSRF-Token": token},
    )
    assert post.status in (403, 404)
    form_post = reporter.request.post(
        f"/tasks/{foreign['id']}/reports", form={"status": "hoan_thanh", "csrf_token": token}
    )
    assert form_post.status in (403, 404)

    # -- the officer sees the status change on the dashboard
    officer.goto("/dashboard")
    assert stat(officer, "done_on_time") + stat(officer, "done_late") == done_before + 1
    shot(officer, "08-dashboard")

    # -- administrator: accounts
    admin = new_page(chromium, server, "admin")
    admin.goto("/users")
    assert "Thêm tài khoản" in admin.locator("main").inner_text()
    shot(admin, "09-users")
    admin.click("header .who a[href='/account']")  # the username: "Tài khoản của tôi"
    admin.wait_for_selector("text=Đổi mật khẩu")
    admin.fill("#token-name", "bảng tính")
    admin.click("text=Tạo mã truy cập")
    assert admin.locator("#new-token").inner_text().startswith("kh_")

    # -- the API's own documentation, served without any CDN
    admin.goto("/api/docs")
    admin.wait_for_selector(".swagger-ui .info .title")
    assert "kehoach API" in admin.locator(".swagger-ui .info").inner_text()
    admin.screenshot(path=str(SHOTS / "10-api-docs.png"))

    # -- every page above ran under the Content-Security-Policy without a violation
    assert CSP_VIOLATIONS == []


def test_import_review_steps_and_new_version(server, chromium, tmp_path):
    """Review steps through HTMX (delete, split, add), then the same plan sent again under
    another name: the page asks whether it is a new version, and the answer is kept."""
    from playwright.sync_api import expect

    plan = ROOT / "tests" / "data" / "fixtures" / "variant_ubnd_plan.txt"
    officer = new_page(chromium, server, "officer")
    officer.goto("/import")
    officer.set_input_files("#file", str(plan))
    officer.click("main button[type=submit]")
    officer.wait_for_selector("#review")
    assert officer.locator("#version").count() == 0  # nothing like it stored yet
    second = officer.locator("#review legend strong").all_inner_texts()[1]
    officer.click("#task-0 >> text=Xóa nhiệm vụ này")
    expect(officer.locator("#task-0 legend strong")).to_have_text(second)  # no eval: CSP
    officer.click("#task-0 >> text=Tách")
    officer.fill("#task-0-split", "Phần đầu của nhiệm vụ.\nPhần sau của nhiệm vụ.")
    officer.click("#task-0 >> text=Tách nhiệm vụ")
    officer.wait_for_selector(f"#task-1 legend >> text={second}.2")
    officer.fill("#add-text", "Tổ chức liên hoan nghệ thuật quần chúng.")
    officer.fill("#add-lead", SO_VHTTDL)
    officer.click("#add-task button")
    officer.wait_for_selector("#review legend >> text=+1")
    assert "Đã thực hiện 3 thay đổi" in officer.locator("#review-counts").inner_text()
    officer.click("#confirm")
    officer.wait_for_selector(".flash-ok")
    plan_url = officer.url
    assert "Tổ chức liên hoan nghệ thuật quần chúng." in officer.locator("main").inner_text()

    # -- the same plan again, under another name: a new version of it?
    again = tmp_path / "ke-hoach-ban-sua.txt"
    again.write_bytes(plan.read_bytes() + "\nGhi chú: bản sửa.\n".encode())
    officer.goto("/import")
    officer.set_input_files("#file", str(again))
    officer.click("main button[type=submit]")
    officer.wait_for_selector("#version")
    assert "Đây có phải là phiên bản mới" in officer.locator("#version").inner_text()
    officer.click("#confirm")
    officer.wait_for_selector("#version-error")  # no answer: asked again, nothing stored
    plan_id = plan_url.rsplit("/", 1)[1]
    officer.check(f"#version input[value='{plan_id}']")
    officer.locator("#version").scroll_into_view_if_needed()
    shot(officer, "12-import-new-version", full_page=False)
    officer.click("#confirm")
    officer.wait_for_selector(".flash-ok")
    assert officer.url == plan_url
    assert "tiến độ đã báo cáo được giữ" in officer.locator(".flash-ok").inner_text()
