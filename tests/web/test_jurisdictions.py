"""Each province its own, through the API and the pages: a reporter of Cao Bằng's Sở VHTTDL
cannot see or report on Điện Biên's tasks, an officer sees only its province's plans, a
national viewer sees all; the agency register merges, renames and retires agencies."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from webkit import SO_VHTTDL, Browser

PASSWORD = "province-pass-1"
CTR_14, DIEN_BIEN = "000_c6c358976faa1d91", "002_06834df7b106b0a8"


@pytest.fixture(scope="module")
def accounts(world):
    """A reporter of Cao Bằng's Sở VHTTDL and an officer of each province."""
    from kehoach.services import users

    with world.session() as db:
        return {
            "so_caobang": users.create_user(
                db, "so_caobang", PASSWORD, "reporter", SO_VHTTDL, jurisdiction="Cao Bằng"
            ),
            "officer_caobang": users.create_user(
                db, "officer_caobang", PASSWORD, "officer", jurisdiction="Cao Bằng"
            ),
            "officer_dienbien": users.create_user(
                db, "officer_dienbien", PASSWORD, "officer", jurisdiction="tỉnh Điện Biên"
            ),
        }


def client(world, username: str, password: str = PASSWORD) -> TestClient:
    c = TestClient(world.app, raise_server_exceptions=False)
    r = c.post("/api/tokens", json={"username": username, "password": password})
    assert r.status_code == 201, r.text
    c.headers["Authorization"] = f"Bearer {r.json()['token']}"
    return c


def dien_bien_task(world) -> int:
    """A task Điện Biên's Sở VHTTDL leads (the world's reporter belongs to it)."""
    return world.lead_tasks(SO_VHTTDL)[0]


def test_reporter_of_cao_bang_cannot_reach_dien_bien_tasks(world, accounts):
    task = dien_bien_task(world)
    cao_bang = client(world, "so_caobang")
    assert cao_bang.get(f"/api/tasks/{task}").status_code == 404
    r = cao_bang.post(f"/api/tasks/{task}/reports", json={"status": "dang_trien_khai"})
    assert r.status_code == 404 and set(r.json()) == {"error", "field"}
    listed = cao_bang.get("/api/tasks", params={"per_page": 200}).json()["items"]
    assert listed and task not in {t["id"] for t in listed}
    assert {t["plan_id"] for t in listed} <= {world.plans["001_47cec5a30aa91629"]}
    # the same name in Điện Biên is another agency: its reporter sees the task
    assert client(world, "reporter", "reporter-pass-1").get(f"/api/tasks/{task}").status_code == 200
    me = cao_bang.get("/api/my-unit").json()
    assert me["agency"]["jurisdiction_name"] == "Cao Bằng"


def test_reporter_page_is_404_too(world, accounts):
    task = dien_bien_task(world)
    b = Browser(world.app)
    assert b.login("so_caobang", PASSWORD).status_code == 303
    assert b.get(f"/tasks/{task}").status_code == 404
    r = b.post(f"/tasks/{task}/reports", {"status": "dang_trien_khai", "percent": "10"})
    assert r.status_code in (403, 404)


def test_officers_see_their_province_national_viewer_all(world, accounts):
    def plans(c):
        return {p["id"]: p["jurisdiction_name"] for p in c.get("/api/plans").json()}

    assert set(plans(client(world, "officer_caobang")).values()) == {"Cao Bằng"}
    assert set(plans(client(world, "officer_dienbien")).values()) == {"Điện Biên"}
    everything = plans(client(world, "viewer", "viewer-pass-1"))
    assert sorted(everything.values()) == ["Cao Bằng", "Cao Bằng", "Điện Biên"]
    cao_bang = client(world, "officer_caobang")
    assert cao_bang.get(f"/api/plans/{world.plans[DIEN_BIEN]}").status_code == 404
    assert cao_bang.get(f"/api/tasks/{dien_bien_task(world)}").status_code == 404
    board = cao_bang.get("/api/dashboard", params={"on": "2026-07-01"}).json()
    assert board["counts"]["total"] == 44 + 20
    names = {a["jurisdiction_name"] for a in cao_bang.get("/api/agencies").json()}
    assert "Điện Biên" not in names
    page = Browser(world.app)
    page.login("officer_dienbien", PASSWORD)
    assert page.get(f"/plans/{world.plans[CTR_14]}").status_code == 404
    assert "Điện Biên" in page.get("/plans").text


def test_the_same_answer_for_every_province_is_not_cached_across(world, accounts):
    cb = client(world, "officer_caobang").get("/api/dashboard", params={"on": "2026-07-02"})
    db = client(world, "officer_dienbien").get("/api/dashboard", params={"on": "2026-07-02"})
    assert cb.json()["counts"]["total"] != db.json()["counts"]["total"]


def test_agency_register_api(world, accounts):
    officer = client(world, "officer_dienbien")
    rows = officer.get("/api/agencies/register", params={"q": "lien quan"}).json()
    assert rows and {r["jurisdiction_name"] for r in rows} == {"Điện Biên"}
    group = next(r for r in rows if r["name"] == "các cơ quan liên quan")
    r = officer.patch(f"/api/agencies/{group['id']}", json={"kind": "group"})
    assert r.status_code == 200 and r.json()["kind"] == "group"
    listed = {a["name"] for a in officer.get("/api/agencies").json()}
    assert "các cơ quan liên quan" not in listed
    usage = officer.get(f"/api/agencies/{group['id']}/usage").json()
    assert usage["tasks"] and usage["agency"]["kind"] == "group"
    # a Cao Bằng officer cannot touch Điện Biên's agencies
    other = client(world, "officer_caobang")
    assert other.patch(f"/api/agencies/{group['id']}", json={"kind": "agency"}).status_code == 404
    # merging two agencies of different provinces is refused
    cao_bang_so = [
        a
        for a in client(world, "viewer", "viewer-pass-1")
        .get("/api/agencies", params={"q": "so van hoa"})
        .json()
    ]
    ids = {a["jurisdiction_name"]: a["id"] for a in cao_bang_so}
    r = client(world, "admin", "admin-pass-1").post(
        f"/api/agencies/{ids['Cao Bằng']}/merge", json={"into": ids["Điện Biên"]}
    )
    assert r.status_code == 422 and r.json()["field"] == "into"
    reporter = client(world, "so_caobang")
    assert reporter.get("/api/agencies/register").status_code == 403


def test_register_page(world, accounts):
    page = Browser(world.app)
    page.login("officer_caobang", PASSWORD)
    html = page.get("/agencies", params={"q": "so van hoa"}).text
    assert "Sở Văn hóa, Thể thao và Du lịch" in html and "Điện Biên" not in html
    assert page.get("/agencies/999999").status_code == 404


def test_moving_a_plan(world, accounts):
    plan = world.plans["001_47cec5a30aa91629"]
    cao_bang = client(world, "officer_caobang")
    r = cao_bang.put(f"/api/plans/{plan}/jurisdiction", json={"jurisdiction": "Điện Biên"})
    assert r.status_code == 403  # out of its own province
    admin = client(world, "admin", "admin-pass-1")
    r = admin.put(f"/api/plans/{plan}/jurisdiction", json={"jurisdiction": "Atlantis"})
    assert r.status_code == 422 and r.json()["field"] == "jurisdiction"
    r = admin.put(f"/api/plans/{plan}/jurisdiction", json={"jurisdiction": "Điện Biên"})
    assert r.status_code == 200 and r.json()["jurisdiction_name"] == "Điện Biên"
    assert cao_bang.get(f"/api/plans/{plan}").status_code == 404
    page = Browser(world.app)
    page.login("officer_dienbien", PASSWORD)
    assert "Điện Biên" in page.get(f"/plans/{plan}").text
    r = admin.put(f"/api/plans/{plan}/jurisdiction", json={"jurisdiction": "04"})
    assert r.json()["jurisdiction_name"] == "Cao Bằng"
