"""The bell and "Thông báo": reminders recorded for 25/03/2026, read and marked read; the API."""

from __future__ import annotations

import re
from datetime import date

import pytest
from webkit import as_user

HTMX = {"HX-Request": "true"}


@pytest.fixture(scope="module")
def reminded(world):
    """Reminders of 25/03/2026 recorded (no SMTP server: in the app only)."""
    from kehoach.services.reminder_log import run_reminders

    summary = run_reminders(world.app.state.sessions, date(2026, 3, 25), world.settings)
    assert summary.recorded > 0
    return summary


def bell_count(browser) -> int:
    fragment = browser.get("/notifications/bell").text
    found = re.search(r'class="bell-count"[^>]*>(\d+)<', fragment)
    return int(found.group(1)) if found else 0


def test_bell_counts_and_page_lists_in_vietnamese(world, reminded):
    reporter = as_user(world, "reporter")
    page = reporter.get("/plans")
    assert 'hx-get="/notifications/bell"' in page.text and 'href="/notifications"' in page.text
    assert bell_count(reporter) == 1
    page = reporter.get("/notifications")
    assert page.status_code == 200
    assert "<h1>Thông báo</h1>" in page.text
    assert "Nhiệm vụ I.2 sắp đến hạn (31/03/2026)" in page.text
    assert "Đánh dấu đã đọc" in page.text and "Nhắc việc qua e-mail" in page.text


def test_mark_read_with_htmx_refreshes_the_bell(world, reminded):
    reporter = as_user(world, "reporter")
    [nid] = re.findall(r'id="notification-(\d+)"', reporter.get("/notifications?unread=1").text)
    other = as_user(world, "other")
    assert other.post(f"/notifications/{nid}/read").status_code == 404
    done = reporter.post(f"/notifications/{nid}/read", headers=HTMX)
    assert done.status_code == 200
    assert done.headers["HX-Trigger"] == "kehoach:notifications"
    assert "<html" not in done.text and "Đã đọc" in done.text
    assert bell_count(reporter) == 0
    assert "Chưa có thông báo nào." in reporter.get("/notifications?unread=1").text


def test_officer_reads_all(world, reminded):
    officer = as_user(world, "officer")
    assert bell_count(officer) >= 1  # the daily digest
    page = officer.get("/notifications")
    assert "Tổng hợp tình hình thực hiện kế hoạch ngày 25/03/2026" in page.text
    done = officer.post("/notifications/read-all")
    assert done.status_code == 303
    assert bell_count(officer) == 0
    assert "Đã đánh dấu tất cả thông báo là đã đọc." in officer.get("/notifications").text


def test_visitors_have_no_bell(world):
    from webkit import Browser

    visitor = Browser(world.app)
    assert visitor.get("/notifications/bell").text == ""
    assert visitor.get("/notifications").status_code in (302, 303)
    assert "notifications/bell" not in visitor.get("/plans").text


def test_email_address_form(world):
    viewer = as_user(world, "viewer")
    bad = viewer.post("/notifications/email", {"email": "khong phai email"})
    assert bad.status_code == 422
    assert "&#39;khong phai email&#39; không phải là địa chỉ e-mail." in bad.text
    ok = viewer.post("/notifications/email", {"email": "lanhdao@caobang.gov.vn"})
    assert ok.status_code == 303
    page = viewer.get("/notifications")
    assert "Nhắc việc sẽ được gửi đến lanhdao@caobang.gov.vn." in page.text
    assert 'value="lanhdao@caobang.gov.vn"' in page.text
    viewer.post("/notifications/email", {"email": ""})
    assert "Nhắc việc chỉ hiển thị tại đây." in viewer.get("/notifications").text


def test_api_notifications(world, reminded, api):
    client = api("admin")
    assert client.get("/api/notifications").json()["total"] == 0
    officer = api("officer")
    listing = officer.get("/api/notifications").json()
    assert listing["total"] >= 1 and listing["items"][0]["kind"] in ("digest", "escalation")
    nid = listing["items"][0]["id"]
    assert client.post(f"/api/notifications/{nid}/read").status_code == 404
    read = officer.post(f"/api/notifications/{nid}/read")
    assert read.status_code == 200 and read.json()["unread"] is False
    officer.post("/api/notifications/read-all")
    assert officer.get("/api/notifications/unread").json() == {"unread": 0}
    assert api(None).get("/api/notifications").status_code == 401


def test_plan_reminder_policy_page_and_api(world, api):
    plan = world.plans["001_47cec5a30aa91629"]
    officer = as_user(world, "officer")
    page = officer.get(f"/plans/{plan}")
    assert f'hx-get="/plans/{plan}/reminder-policy"' in page.text
    fragment = officer.get(f"/plans/{plan}/reminder-policy", headers=HTMX)
    assert "Nhắc việc: trước thời hạn 7 ngày, báo cáo lãnh đạo khi quá hạn 14 ngày" in fragment.text
    reporter = as_user(world, "reporter")
    assert "reminder-policy" not in reporter.get(f"/plans/{plan}").text
    assert reporter.get(f"/plans/{plan}/reminder-policy").status_code == 403
    bad = officer.post(f"/plans/{plan}/reminder-policy", {"days_before": "nhiều"})
    assert bad.status_code == 422 and "Nhập số ngày là số nguyên." in bad.text
    ok = officer.post(f"/plans/{plan}/reminder-policy", {"days_before": "10", "officer": "officer"})
    assert ok.status_code == 303
    assert "Đã lưu cài đặt nhắc việc." in officer.get(f"/plans/{plan}").text
    assert "trước thời hạn 10 ngày" in officer.get(f"/plans/{plan}/reminder-policy").text
    client = api("officer")
    assert client.get(f"/api/plans/{plan}/reminder-policy").json() == {
        "plan_id": plan,
        "days_before": 10,
        "escalate_after_days": 14,
        "officer": "officer",
        "own": True,
    }
    put = client.put(f"/api/plans/{plan}/reminder-policy", json={"escalate_after_days": 5})
    assert put.status_code == 200
    assert put.json()["days_before"] == 7 and put.json()["escalate_after_days"] == 5
    wrong = client.put(f"/api/plans/{plan}/reminder-policy", json={"officer": "reporter"})
    assert wrong.status_code == 422 and wrong.json()["field"] == "officer"
    assert api("reporter").get(f"/api/plans/{plan}/reminder-policy").status_code == 403


def test_the_bells_poll_does_not_keep_an_idle_session_alive(world, reminded):
    import base64
    import json
    import time

    def seen(browser) -> float:
        cookie = browser.client.cookies.get("kehoach_session")
        payload = cookie.split(".")[0]
        data = json.loads(base64.b64decode(payload + "=" * (-len(payload) % 4)))
        return data["seen"]

    reporter = as_user(world, "reporter")
    reporter.get("/plans")
    before = seen(reporter)
    time.sleep(1.1)
    assert reporter.get("/notifications/bell").status_code == 200
    assert seen(reporter) == before
    reporter.get("/plans")
    assert seen(reporter) > before


def test_a_report_reminder_opens_the_agencys_period_sheet(world, reminded):
    from kehoach.services.reminder_log import run_reminders

    run_reminders(world.app.state.sessions, date(2026, 6, 15), world.settings)
    reporter = as_user(world, "reporter")
    page = reporter.get("/notifications?unread=1").text
    links = re.findall(r'href="(/plans/\d+/period-sheet\?period=2026-H1)"', page)
    assert links and "Sắp đến hạn gửi báo cáo 6 tháng đầu năm 2026 (20/06/2026)" in page
    sheet = reporter.get(links[0])
    assert sheet.status_code == 200 and "2026-H1" in sheet.text
