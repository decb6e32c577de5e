"""`/compare` and `/api/compare`: Cao Bằng's and Điện Biên's plans for 80-NQ/TW side by side."""

from __future__ import annotations

from webkit import as_user

CB, DB = "000_c6c358976faa1d91", "002_06834df7b106b0a8"


def _document(api) -> int:
    found = api("officer").get("/api/compare").json()
    assert found[0]["document"]["number"] == "80-NQ/TW"
    return found[0]["document"]["id"]


def test_api_aligns_targets_and_tasks(world, api):
    doc = _document(api)
    plans = [world.plans[CB], world.plans[DB]]
    r = api("officer").get(f"/api/compare/{doc}", params={"plans": plans})
    assert r.status_code == 200, r.text
    side = r.json()["sides"][0]
    targets = {(p["left"]["key"], p["right"]["key"]): p for p in side["targets"]["pairs"]}
    grdp = targets[("t7:1", "t11:1")]
    assert (grdp["left"]["value"], grdp["right"]["value"], grdp["reason"]) == (2, 5, "metric")
    assert any(i["key"] == "t3:2" for i in side["targets"]["only_left"])
    task = next(p for p in side["tasks"]["pairs"] if p["left"]["key"] == "VII.4")
    assert "Sở Văn hóa, Thể thao và Du lịch" in task["right"]["lead"]
    # anonymous visitors see no plan (none public); a reporter cannot decide
    assert api(None).get("/api/compare").json() == []
    assert api(None).get(f"/api/compare/{doc}").status_code == 404
    body = {
        "kind": "task",
        "left_plan_id": plans[0],
        "left_key": "VII.4",
        "right_plan_id": plans[1],
        "right_key": "VII.42",
        "decision": "broken",
    }
    assert api("viewer").post("/api/compare/decisions", json=body).status_code == 403
    bad = api("officer").post("/api/compare/decisions", json={**body, "left_key": "Z.1"})
    assert bad.status_code == 422 and bad.json()["field"] == "key"
    ok = api("officer").post("/api/compare/decisions", json={**body, "decision": "confirmed"})
    assert ok.status_code == 200 and ok.json()["decision"] == "confirmed"
    again = api("officer").get(f"/api/compare/{doc}", params={"plans": plans}).json()
    pair = next(p for p in again["sides"][0]["tasks"]["pairs"] if p["left"]["key"] == "VII.4")
    assert pair["reason"] == "confirmed"


def test_page_shows_both_provinces_and_decides_through_htmx(world, api):
    doc = _document(api)
    officer = as_user(world, "officer")
    page = officer.get("/compare")
    assert page.status_code == 200
    assert "Cao Bằng" in page.text and "Điện Biên" in page.text
    assert 'class="num differs"' in page.text  # 2% vs 5% of GRDP
    assert "Chỉ có ở Cao Bằng" in page.text and "Chỉ có ở Điện Biên" in page.text
    form = {
        "document": doc,
        "plans": [world.plans[CB], world.plans[DB]],
        "kind": "target",
        "left_plan_id": world.plans[CB],
        "left_key": "t7:1",
        "right_plan_id": world.plans[DB],
        "right_key": "t11:1",
        "decision": "broken",
    }
    r = officer.post("/compare/decide", form, headers={"HX-Request": "true"})
    assert r.status_code == 200, r.text
    assert r.text.lstrip().startswith("<section") or "<section" in r.text
    assert 'data-left="t7:1" data-right="t11:1" data-reason' not in r.text  # broken
    assert "Các cặp đã tách" in r.text
    no_csrf = officer.post("/compare/decide", form, csrf=None)
    assert no_csrf.status_code in (400, 403)
    plain = officer.post("/compare/decide", {**form, "decision": "confirmed"})
    assert plain.status_code == 303 and plain.headers["location"].startswith("/compare?document=")
    one = officer.get("/compare", params={"document": doc, "plans": [world.plans[CB]]})
    assert one.status_code == 422 and "hãy chọn ít nhất hai kế hoạch" in one.text
    assert 'name="plans"' in one.text  # the form again
    viewer = as_user(world, "viewer").get("/compare")
    assert viewer.status_code == 200 and "/compare/decide" not in viewer.text
    reporter = as_user(world, "reporter").get("/compare")  # its agency's plan only: no pair
    assert reporter.status_code == 200 and 'id="compare-none"' in reporter.text
