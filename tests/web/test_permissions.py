"""Who may see and do what — at page level and at API level."""

from __future__ import annotations

import pytest
from webkit import OTHER_AGENCY, SO_VHTTDL, as_user

UBND_PLAN = "001_47cec5a30aa91629"


@pytest.fixture(scope="module")
def foreign_task(world):
    """A task of another agency in which Sở VHTTDL has no role."""
    return world.lead_tasks(OTHER_AGENCY)[0]


def test_reporter_cannot_see_another_agencys_task_page(world, foreign_task):
    reporter = as_user(world, "reporter")
    page = reporter.get(f"/tasks/{foreign_task}")
    assert page.status_code == 404
    assert OTHER_AGENCY not in page.text


def test_reporter_cannot_post_to_another_agencys_task(world, foreign_task):
    reporter = as_user(world, "reporter")
    r = reporter.post(f"/tasks/{foreign_task}/reports", {"status": "hoan_thanh", "percent": "100"})
    assert r.status_code in (403, 404)
    other = as_user(world, "other")
    assert "Chưa có báo cáo." in other.get(f"/tasks/{foreign_task}").text


def test_reporter_cannot_see_or_post_to_another_agencys_task_by_api(world, api, foreign_task):
    reporter = api("reporter")
    assert reporter.get(f"/api/tasks/{foreign_task}").status_code == 404
    assert reporter.get(f"/api/tasks/{foreign_task}/reports").status_code == 404
    r = reporter.post(f"/api/tasks/{foreign_task}/reports", json={"status": "hoan_thanh"})
    assert r.status_code in (403, 404)
    assert set(r.json()) == {"error", "field"}


def test_reporter_cannot_report_for_another_agency_on_a_shared_task(world, api):
    reporter = api("reporter")
    task = world.lead_tasks(SO_VHTTDL)[13]
    r = reporter.post(
        f"/api/tasks/{task}/reports",
        json={"status": "dang_trien_khai", "agency_id": world.agencies[OTHER_AGENCY]},
    )
    assert r.status_code in (403, 422)


def test_reporter_lists_only_own_tasks(world, api, foreign_task):
    reporter = api("reporter")
    page = reporter.get("/api/tasks?per_page=500").json()
    ids = {t["id"] for t in page["items"]}
    assert ids and foreign_task not in ids
    assert all(SO_VHTTDL in t["lead"] + t["coordinating"] for t in page["items"])
    other = world.agencies[OTHER_AGENCY]
    assert reporter.get(f"/api/status?agency_id={other}").status_code == 403
    assert reporter.get(f"/api/status/completeness?agency_id={other}").status_code == 403


def test_reporter_plan_page_shows_only_own_tasks(world, foreign_task):
    reporter = as_user(world, "reporter")
    page = reporter.get(f"/plans/{world.plans['002_06834df7b106b0a8']}?per_page=200")
    assert page.status_code == 200
    assert f'href="/tasks/{foreign_task}"' not in page.text


def test_other_reporter_sees_its_task(world, foreign_task):
    other = as_user(world, "other")
    page = other.get(f"/tasks/{foreign_task}")
    assert page.status_code == 200 and "Báo cáo tiến độ" in page.text


def test_viewer_is_read_only(world, api):
    viewer = as_user(world, "viewer")
    task = world.lead_tasks(SO_VHTTDL)[14]
    page = viewer.get(f"/tasks/{task}")
    assert page.status_code == 200 and "Báo cáo tiến độ" not in page.text
    assert viewer.post(f"/tasks/{task}/reports", {"status": "hoan_thanh"}).status_code == 403
    assert viewer.get("/dashboard").status_code == 200
    client = api("viewer")
    assert (
        client.post(f"/api/tasks/{task}/reports", json={"status": "hoan_thanh"}).status_code == 403
    )
    assert (
        client.post(
            f"/api/tasks/{task}/override", json={"status": "overdue", "reason": "x"}
        ).status_code
        == 403
    )


def test_anonymous_sees_public_plans_only(world, browser, api):
    plan = world.plans[UBND_PLAN]
    assert browser.get(f"/plans/{plan}").status_code == 404
    officer = as_user(world, "officer")
    assert officer.post(f"/plans/{plan}/public", {"public": "1"}).status_code == 303
    try:
        page = browser.get(f"/plans/{plan}")
        assert page.status_code == 200 and "Nhiệm vụ" in page.text
        task = world.lead_tasks(SO_VHTTDL)[0]
        assert browser.get(f"/tasks/{task}").status_code in (200, 404)
        anonymous = api(None)
        assert anonymous.get(f"/api/tasks?plan_id={plan}").json()["total"] > 0
        assert (
            anonymous.post(
                f"/api/plans/{plan}/corrections",
                json={"entity": "document", "entity_id": 1, "field": "title", "value": "x"},
            ).status_code
            == 401
        )
    finally:
        officer.post(f"/plans/{plan}/public", {"public": "0"})
    assert browser.get(f"/plans/{plan}").status_code == 404


def test_only_admin_manages_users(world):
    for name in ("officer", "reporter", "viewer"):
        b = as_user(world, name)
        assert b.get("/users").status_code == 403
        assert (
            b.post("/users", {"username": "x", "password": "12345678", "role": "admin"}).status_code
            == 403
        )


def test_disabled_account_loses_its_session(world):
    b = as_user(world, "other")
    admin = as_user(world, "admin")
    uid = world.users["other"].id
    assert admin.post(f"/users/{uid}/active", {"active": "0"}).status_code == 303
    try:
        assert b.get("/my-unit").status_code == 303  # back to the log-in page
    finally:
        admin.post(f"/users/{uid}/active", {"active": "1"})
