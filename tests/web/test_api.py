"""The JSON API: every endpoint, paging and filters, errors as {"error", "field"}."""

from __future__ import annotations

import pytest
from webkit import OTHER_AGENCY, SAMPLES, SO_VHTTDL

CTR_14 = "000_c6c358976faa1d91"
UBND_PLAN = "001_47cec5a30aa91629"


@pytest.fixture(scope="module")
def officer_api(world):
    from fastapi.testclient import TestClient
    from webkit import PASSWORDS

    client = TestClient(world.app, raise_server_exceptions=False)
    r = client.post("/api/tokens", json={"username": "officer", "password": PASSWORDS["officer"]})
    client.headers["Authorization"] = f"Bearer {r.json()['token']}"
    return client


def test_openapi_and_docs(officer_api):
    spec = officer_api.get("/api/openapi.json").json()
    paths = spec["paths"]
    for path in (
        "/api/plans",
        "/api/plans/tree",
        "/api/plans/{plan_id}",
        "/api/plans/import",
        "/api/tasks",
        "/api/tasks/{task_id}",
        "/api/tasks/{task_id}/reports",
        "/api/agencies",
        "/api/status",
        "/api/dashboard",
        "/api/my-unit",
    ):
        assert path in paths, path
    assert not any(p.startswith("/plans") for p in paths)  # pages are not in the API
    docs = officer_api.get("/api/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
    assert "cdn" not in docs.text.lower()  # vendored: works on a closed network
    assert officer_api.get("/static/swagger/swagger-ui-bundle.js").status_code == 200


def test_plans_tree_and_detail(world, officer_api):
    plans = officer_api.get("/api/plans").json()
    assert {p["id"] for p in plans} >= set(world.plans.values())
    tree = officer_api.get("/api/plans/tree").json()
    root = next(n for n in tree if n["document"]["number"] == "80-NQ/TW")
    assert root["children"][0]["document"]["number"] == "14-CTr/TU"
    detail = officer_api.get(f"/api/plans/{world.plans[CTR_14]}").json()
    assert len(detail["targets"]) == 11 and detail["plan"]["task_count"] == 44


def test_tasks_paging_filters_and_sort(world, officer_api):
    plan = world.plans[CTR_14]
    first = officer_api.get(f"/api/tasks?plan_id={plan}&per_page=10").json()
    assert first["total"] == 44 and first["pages"] == 5 and len(first["items"]) == 10
    last = officer_api.get(f"/api/tasks?plan_id={plan}&per_page=10&page=5").json()
    assert len(last["items"]) == 4
    found = officer_api.get("/api/tasks", params={"q": "so hoa", "plan_id": plan}).json()
    assert 0 < found["total"] < 44
    agency = world.agencies[SO_VHTTDL]
    led = officer_api.get(f"/api/tasks?agency_id={agency}&role=lead&per_page=200").json()
    assert all(SO_VHTTDL in t["lead"] for t in led["items"])
    desc = officer_api.get(f"/api/tasks?plan_id={plan}&sort=-position").json()
    assert desc["items"][0]["id"] != first["items"][0]["id"]
    by_status = officer_api.get(f"/api/tasks?plan_id={plan}&status=not_started").json()
    assert all(t["status"]["code"] == "not_started" for t in by_status["items"])


def test_task_errors_name_the_field(officer_api):
    r = officer_api.get("/api/tasks?status=nonsense")
    assert r.status_code == 422 and r.json()["field"] == "status"
    r = officer_api.get("/api/tasks?page=0")
    assert r.status_code == 422 and r.json()["field"] == "page"
    r = officer_api.get("/api/tasks?on=not-a-date")
    assert r.status_code == 422 and r.json()["field"] == "on"
    r = officer_api.get("/api/tasks/999999")
    assert r.status_code == 404 and r.json() == {"error": "no task with id 999999", "field": None}


def test_report_submit_and_history(world, api):
    reporter = api("reporter")
    task = world.lead_tasks(SO_VHTTDL)[10]
    r = reporter.post(f"/api/tasks/{task}/reports", json={"status": "hoan_thanh", "percent": 120})
    assert r.status_code == 422 and r.json()["field"] == "percent"
    r = reporter.post(
        f"/api/tasks/{task}/reports",
        json={"status": "hoan_thanh", "percent": 100, "done_text": "Xong"},
    )
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["status"] == "hoan_thanh" and body["agency_name"] == SO_VHTTDL
    again = reporter.post(
        f"/api/tasks/{task}/reports",
        json={"status": "hoan_thanh", "percent": 100, "done_text": "Xong hẳn"},
    )
    assert again.json()["version"] == 2 and again.json()["supersedes_id"] == body["id"]
    history = reporter.get(f"/api/tasks/{task}/reports").json()
    assert [h["version"] for h in history][:2] == [2, 1]
    r = reporter.post(f"/api/tasks/{task}/reports", json={"status": "hoan_thanh", "bogus": 1})
    assert r.status_code == 422 and r.json()["field"] == "bogus"


def test_attachment_api(world, api):
    reporter = api("reporter")
    task = world.lead_tasks(SO_VHTTDL)[11]
    report = reporter.post(f"/api/tasks/{task}/reports", json={"status": "dang_trien_khai"}).json()
    r = reporter.post(
        f"/api/reports/{report['id']}/attachments",
        files={"file": ("a.exe", b"MZ", "application/octet-stream")},
    )
    assert r.status_code == 422 and r.json()["field"] == "file"
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
    r = reporter.post(
        f"/api/reports/{report['id']}/attachments", files={"file": ("anh.png", png, "image/png")}
    )
    assert r.status_code == 201, r.text
    got = reporter.get(f"/api/attachments/{r.json()['id']}")
    assert got.status_code == 200 and got.content == png


def test_extension_override_and_correction(world, officer_api):
    task = world.lead_tasks(SO_VHTTDL, deadline=True)[-2]
    r = officer_api.post(
        f"/api/tasks/{task}/extensions", json={"new_end": "2031-06-30", "reason": "Điều chỉnh"}
    )
    assert r.status_code == 201, r.text
    r = officer_api.post(f"/api/tasks/{task}/override", json={"status": "overdue", "reason": ""})
    assert r.status_code == 422 and r.json()["field"] == "reason"
    r = officer_api.post(
        f"/api/tasks/{task}/override", json={"status": "overdue", "reason": "Chậm"}
    )
    assert r.status_code == 201
    status = officer_api.get(f"/api/tasks/{task}").json()["row"]["status"]
    assert status["overridden"] and status["code"] == "overdue"
    assert officer_api.delete(f"/api/tasks/{task}/override").status_code == 204
    r = officer_api.post(
        f"/api/tasks/{task}/corrections",
        json={
            "entity": "task",
            "entity_id": task,
            "field": "lead",
            "value": [SO_VHTTDL, OTHER_AGENCY],
        },
    )
    assert r.status_code == 201, r.text
    detail = officer_api.get(f"/api/tasks/{task}").json()
    assert OTHER_AGENCY in detail["row"]["lead"]
    assert detail["revisions"][0]["username"] == "officer"


def test_plan_correction_and_public_flag(world, officer_api, api):
    plan = world.plans[UBND_PLAN]
    detail = officer_api.get(f"/api/plans/{plan}").json()
    doc = detail["plan"]["document"]["id"]
    r = officer_api.post(
        f"/api/plans/{plan}/corrections",
        json={
            "entity": "document",
            "entity_id": doc,
            "field": "signer",
            "value": "Người ký đã sửa",
        },
    )
    assert r.status_code == 201
    revs = officer_api.get(f"/api/plans/{plan}/revisions").json()
    assert revs[0]["new"] == "Người ký đã sửa"
    anonymous = api(None)
    assert anonymous.get(f"/api/plans/{plan}").status_code == 404
    assert officer_api.put(f"/api/plans/{plan}/public", json={"public": True}).status_code == 204
    assert anonymous.get(f"/api/plans/{plan}").status_code == 200
    assert plan in {p["id"] for p in anonymous.get("/api/plans").json()}
    assert officer_api.put(f"/api/plans/{plan}/public", json={"public": False}).status_code == 204


def test_import_api(officer_api, api):
    data = (SAMPLES / f"{CTR_14}.txt").read_bytes()
    r = officer_api.post("/api/plans/import", files={"file": (f"{CTR_14}.txt", data)})
    assert r.status_code == 201, r.text
    assert r.json()["outcome"] in ("unchanged", "updated")
    r = officer_api.post("/api/plans/import", files={"file": ("x.txt", b"")})
    assert r.status_code == 422 and r.json()["field"] == "file"
    r = api("reporter").post("/api/plans/import", files={"file": ("x.txt", data)})
    assert r.status_code == 403


def test_agencies(world, officer_api):
    rows = officer_api.get("/api/agencies").json()
    assert SO_VHTTDL in {a["name"] for a in rows}
    folded = officer_api.get("/api/agencies", params={"q": "so van hoa"}).json()
    assert [a["name"] for a in folded] == [SO_VHTTDL, SO_VHTTDL]  # one per province
    assert {a["jurisdiction_name"] for a in folded} == {"Cao Bằng", "Điện Biên"}
    one = officer_api.get(f"/api/agencies/{world.agencies[SO_VHTTDL]}").json()
    assert one["lead_tasks"] > 0
    assert officer_api.get("/api/agencies/999999").status_code == 404


def test_status_dashboard_my_unit(world, officer_api, api):
    statuses = officer_api.get(f"/api/status?plan_id={world.plans[CTR_14]}&on=2026-07-01").json()
    assert len(statuses) == 44 and {"task_id", "code", "deadline"} <= set(statuses[0])
    board = officer_api.get("/api/dashboard?on=2026-07-01").json()
    assert board["counts"]["total"] >= 111
    assert officer_api.get("/api/status/agencies").status_code == 200
    assert officer_api.get("/api/status/completeness").status_code == 200
    unit = api("reporter").get("/api/my-unit").json()
    assert unit["agency"]["name"] == SO_VHTTDL
    assert officer_api.get("/api/my-unit").status_code == 403  # no agency
