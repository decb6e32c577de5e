"""Indicator pages and API: made from a plan's target, values entered by the reporter and
approved by the officer, a spreadsheet with bad rows rejected whole; the heritage registry
and the culture map."""

from __future__ import annotations

import re

from webkit import as_user

DIEN_BIEN = "002_06834df7b106b0a8"


def _make(world, api) -> int:
    """The indicator of Điện Biên's "thôn, bản, tổ dân phố có nhà văn hóa" (72%)."""
    officer = api("officer")
    panel = officer.get(f"/api/plans/{world.plans[DIEN_BIEN]}/targets-panel").json()
    row = next(p for p in panel if (p["subject"] or "").startswith("thôn, bản, tổ dân phố có"))
    made = officer.post(f"/api/plans/{world.plans[DIEN_BIEN]}/metrics/{row['metric_id']}/indicator")
    assert made.status_code == 201, made.text
    return made.json()["id"]


def _communes(world, indicator_id) -> list[tuple[int, str]]:
    from kehoach.services import indicator_values, indicators
    from kehoach.services.types import SYSTEM

    with world.session() as db:
        ind = indicators.get_indicator(db, indicator_id, SYSTEM)
        return [(u.id, u.code) for u in indicator_values.units(db, ind)]


def test_plan_page_button_and_indicator_page(world, api):
    officer = as_user(world, "officer")
    page = officer.get(f"/plans/{world.plans[DIEN_BIEN]}")
    assert "Đo chỉ tiêu này" in page.text
    form = re.search(r'action="(/plans/\d+/metrics/(\d+)/indicator)"', page.text)
    made = officer.post(form.group(1))
    assert made.status_code == 303 and made.headers["location"].startswith("/indicators/")
    shown = officer.get(made.headers["location"])
    assert shown.status_code == 200
    assert 'id="indicator-chart"' in shown.text and "chart.umd.js" in shown.text
    assert "Mường Phăng" in shown.text or "Xã" in shown.text  # the table by commune
    assert officer.get("/indicators").status_code == 200


def test_enter_submit_approve(world, api):
    ind = _make(world, api)
    (unit, _code), *_ = _communes(world, ind)
    reporter = as_user(world, "reporter")
    r = reporter.post(
        f"/indicators/{ind}/values",
        {
            "unit": unit,
            "period": "2026",
            "numerator": "18",
            "denominator": "24",
            "action": "submit",
        },
    )
    assert r.status_code == 303, r.text
    bad = reporter.post(
        f"/indicators/{ind}/values",
        {"unit": unit, "period": "2026", "numerator": "30", "denominator": "24", "action": "save"},
    )
    assert bad.status_code == 422 and "lớn hơn mẫu số" in bad.text
    values = api("officer").get(f"/api/indicators/{ind}/values").json()
    assert [v["state"] for v in values] == ["submitted"]
    officer = as_user(world, "officer")
    ok = officer.post(
        f"/indicators/{ind}/review", {"period": "2026", "action": "approve", "ids": values[0]["id"]}
    )
    assert ok.status_code == 303
    data = api("viewer").get(f"/api/indicators/{ind}").json()
    assert data["latest"]["figure"] == 75.0 and data["latest"]["period"] == "2026"
    assert data["completeness"]["reported"] == 1
    csv = api("officer").get(f"/api/indicators/{ind}/export?format=csv")
    assert csv.status_code == 200 and "Đã duyệt" in csv.content.decode("utf-8-sig")


def test_upload_with_a_bad_row_saves_nothing(world, api):
    ind = _make(world, api)
    (_a, code_a), (_b, code_b), *_ = _communes(world, ind)
    reporter = as_user(world, "reporter")
    body = f"Mã đơn vị,Kỳ,Tử số,Mẫu số\n{code_a},2025,10,20\n{code_b},2025,30,20\n99999,2025,1,2\n"
    r = reporter.post(
        f"/indicators/{ind}/upload",
        files={"file": ("so-lieu.csv", body.encode("utf-8-sig"), "text/csv")},
    )
    assert r.status_code == 422
    assert "2 dòng" in r.text and "lớn hơn mẫu số" in r.text and "99999" in r.text
    assert not [
        v
        for v in api("officer").get(f"/api/indicators/{ind}/values").json()
        if v["period"] == "2025"
    ]


def test_heritage_registry_map_and_open_data(world, api):
    officer = as_user(world, "officer")
    page = officer.get("/heritage")
    province = re.search(r'<option value="(\d+)">Điện Biên</option>', page.text).group(1)
    r = officer.post(
        "/heritage",
        {"province": province, "name": "Di tích Đồi A1", "rank": "quoc_gia_dac_biet",
         "decision_number": "1272/QĐ-TTg", "decision_date": "12/08/2009", "types": "lich_su",
         "latitude": "21.383", "longitude": "103.018", "digitization": "published",
         "digitized_on": "15/03/2026", "public": "1"},
    )  # fmt: skip
    assert r.status_code == 303, r.text
    missing = officer.post(
        "/heritage", {"province": province, "name": "Đình X", "rank": "quoc_gia"}
    )
    assert missing.status_code == 422 and "số quyết định" in missing.text
    shown = officer.get("/map?rank=quoc_gia_dac_biet")
    assert "Di tích Đồi A1" in shown.text and "<circle" in shown.text
    # a national account sees the whole country's 34 provinces under the points
    assert shown.text.count('class="province-outline"') == 34
    assert "Natural Earth" in shown.text
    framed = officer.get(f"/map?province={province}")
    assert framed.status_code == 200 and "Di tích Đồi A1" in framed.text
    assert '<g class="province focus" data-province="11">' in framed.text  # Điện Biên
    assert '<g class="province neighbour" data-province="12">' in framed.text  # Lai Châu
    assert "trước ngày 01/07/2025" not in framed.text.split('data-province="11"')[1][:200]
    public = api(None).get("/api/open/heritage").json()
    assert public[0]["licence"] == "CC BY 4.0" and public[0]["name"] == "Di tích Đồi A1"
    assert api(None).get("/api/heritage/export?format=csv").status_code == 200
