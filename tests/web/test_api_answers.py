"""The API answers a caller who may not see something exactly as if it did not exist, and
answers a reporter the same way wherever it asks about another agency."""

from __future__ import annotations

import pytest
from webkit import OTHER_AGENCY, SO_VHTTDL

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture(scope="module")
def foreign_attachment(world) -> int:
    """An attachment on a report of another agency's task (Sở VHTTDL has no role on it)."""
    from fastapi.testclient import TestClient
    from webkit import PASSWORDS

    client = TestClient(world.app)
    token = client.post("/api/tokens", json={"username": "other", "password": PASSWORDS["other"]})
    client.headers["Authorization"] = f"Bearer {token.json()['token']}"
    task = world.lead_tasks(OTHER_AGENCY)[0]
    report = client.post(f"/api/tasks/{task}/reports", json={"status": "dang_trien_khai"})
    assert report.status_code == 201, report.text
    r = client.post(
        f"/api/reports/{report.json()['id']}/attachments",
        files={"file": ("bien-ban.png", PNG, "image/png")},
    )
    assert r.status_code == 201, r.text
    return r.json()["id"]


def test_a_hidden_attachment_is_answered_like_a_missing_one(world, api, foreign_attachment):
    reporter = api("reporter")
    hidden = reporter.get(f"/api/attachments/{foreign_attachment}")
    missing_id = foreign_attachment + 100_000
    missing = reporter.get(f"/api/attachments/{missing_id}")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == {"error": f"no attachment with id {foreign_attachment}", "field": None}
    assert missing.json() == {"error": f"no attachment with id {missing_id}", "field": None}
    assert api(None).get(f"/api/attachments/{foreign_attachment}").json() == hidden.json()
    assert api("other").get(f"/api/attachments/{foreign_attachment}").content == PNG


def test_a_reporter_asking_for_another_agency_gets_403_from_tasks_and_status(world, api):
    reporter = api("reporter")
    other = world.agencies[OTHER_AGENCY]
    answers = [
        reporter.get(f"/api/tasks?agency_id={other}"),
        reporter.get(f"/api/status?agency_id={other}"),
        reporter.get(f"/api/status/completeness?agency_id={other}"),
    ]
    assert [r.status_code for r in answers] == [403, 403, 403]
    assert len({r.json()["error"] for r in answers}) == 1
    own = world.agencies[SO_VHTTDL]
    tasks = reporter.get(f"/api/tasks?agency_id={own}&per_page=500")
    statuses = reporter.get(f"/api/status?agency_id={own}")
    assert tasks.status_code == statuses.status_code == 200
    assert {t["id"] for t in tasks.json()["items"]} == {s["task_id"] for s in statuses.json()}


def test_officers_and_viewers_may_ask_about_any_agency(world, api):
    other = world.agencies[OTHER_AGENCY]
    for name in ("officer", "viewer"):
        client = api(name)
        assert client.get(f"/api/tasks?agency_id={other}").status_code == 200
        assert client.get(f"/api/status?agency_id={other}").status_code == 200
