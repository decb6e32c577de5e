"""The emulation pages and `/api/emulation/...` over HTTP: ranking, rule editor with its
Vietnamese errors, bonus/penalty points, scoring, evidence, exports, who sees what."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from openpyxl import load_workbook
from webkit import SO_VHTTDL, as_user

DIEN_BIEN = "002_06834df7b106b0a8"  # the reporters' province (Sở VHTTDL leads tasks in it)
PERIOD = "2026"
ERROR = re.compile(r'class="error"[^>]*>([^<]*)<')


@pytest.fixture(scope="module")
def officer(world):
    return as_user(world, "officer")


def _weights(**changes) -> dict:
    base = {
        "weight_tasks_on_time": "40",
        "weight_reports_on_time": "30",
        "weight_targets_attained": "20",
        "weight_evidence_attached": "10",
    }
    return {**base, **changes}


def test_ranking_rule_points_and_score(world, officer):
    plan = world.plans[DIEN_BIEN]
    page = officer.get(f"/emulation?plan={plan}&period={PERIOD}")
    assert page.status_code == 200, page.text
    assert 'id="ranking"' in page.text and 'id="emulation-chart"' in page.text
    assert "Chưa chấm điểm" in page.text and "Xếp hạng các cơ quan chủ trì" in page.text
    assert "Thi đua" in page.text and SO_VHTTDL in page.text

    bad = officer.post(
        "/emulation/rule", {"plan": plan, "period": PERIOD, **_weights(weight_tasks_on_time="45")}
    )
    assert bad.status_code == 422
    assert ERROR.findall(bad.text) == ["tổng các trọng số phải bằng 100; hiện đang là 105"]
    assert 'value="45"' in bad.text  # what was typed is kept
    negative = officer.post(
        "/emulation/rule",
        {"plan": plan, "period": PERIOD, **_weights(weight_tasks_on_time="-10",
                                                    weight_reports_on_time="80")},
    )  # fmt: skip
    assert negative.status_code == 422
    assert ERROR.findall(negative.text) == ["trọng số không được là số âm"]
    saved = officer.post(
        "/emulation/rule",
        {"plan": plan, "period": PERIOD, **_weights(weight_tasks_on_time="50",
                                                    weight_evidence_attached="0")},
    )  # fmt: skip
    assert saved.status_code == 303

    no_reason = officer.post(
        "/emulation/adjustments",
        {"plan": plan, "period": PERIOD, "agency_id": world.agencies[SO_VHTTDL], "points": "2"},
    )
    assert no_reason.status_code == 422
    assert ERROR.findall(no_reason.text) == ["hãy ghi rõ lý do cộng, trừ điểm"]
    added = officer.post(
        "/emulation/adjustments",
        {
            "plan": plan,
            "period": PERIOD,
            "agency_id": world.agencies[SO_VHTTDL],
            "points": "2",
            "reason": "Số hóa xong hồ sơ di tích cấp tỉnh",
        },
    )
    assert added.status_code == 303

    scored = officer.post("/emulation/score", {"plan": plan, "period": PERIOD})
    assert scored.status_code == 303
    page = officer.get(scored.headers["location"])
    assert "Chấm điểm lúc" in page.text and "phiên bản tiêu chí 1" in page.text
    assert "Số hóa xong hồ sơ di tích cấp tỉnh" in page.text
    assert "Lịch sử chấm điểm" in page.text
    assert f"/api/emulation/plans/{plan}/periods/{PERIOD}/export?format=xlsx" in page.text

    link = re.search(r'href="(/emulation/evidence\?[^"]+)"', page.text).group(1)
    evidence = officer.get(link.replace("&amp;", "&"))
    assert evidence.status_code == 200
    assert "Nhiệm vụ hoàn thành đúng hạn" in evidence.text and 'href="/tasks/' in evidence.text

    xlsx = officer.get(f"/api/emulation/plans/{plan}/periods/{PERIOD}/export?format=xlsx")
    assert xlsx.status_code == 200
    sheet = load_workbook(io.BytesIO(xlsx.content))["Cơ quan"]
    assert any(SO_VHTTDL in str(c.value) for row in sheet.iter_rows() for c in row)
    docx = officer.get(f"/api/emulation/plans/{plan}/periods/{PERIOD}/export?format=docx")
    assert "BẢNG TỔNG HỢP" in [p.text for p in Document(io.BytesIO(docx.content)).paragraphs]


def test_viewer_reads_reporter_sees_its_own_evidence(world):
    plan = world.plans[DIEN_BIEN]
    viewer = as_user(world, "viewer")
    page = viewer.get(f"/emulation?plan={plan}&period={PERIOD}")
    assert page.status_code == 200 and 'id="rule-form"' not in page.text
    assert viewer.post("/emulation/score", {"plan": plan, "period": PERIOD}).status_code == 403
    reporter = as_user(world, "reporter")
    moved = reporter.get(f"/emulation?plan={plan}&period={PERIOD}", follow_redirects=False)
    assert moved.status_code == 303
    assert f"agency={world.agencies[SO_VHTTDL]}" in moved.headers["location"]
    own = reporter.get(moved.headers["location"])
    assert own.status_code == 200 and SO_VHTTDL in own.text
    other = world.agencies["Sở Giáo dục và Đào tạo"]
    seen = reporter.get(f"/emulation/evidence?plan={plan}&period={PERIOD}&agency={other}")
    assert seen.status_code == 404


def test_api(world, api):
    plan = world.plans[DIEN_BIEN]
    base = f"/api/emulation/plans/{plan}/periods/2026-H1"
    officer = api("officer")
    got = officer.get(base)
    assert got.status_code == 200, got.text
    body = got.json()
    assert body["result_id"] is None and body["rule"]["version"] == 0
    assert {"rank", "unit_id", "criteria", "total"} <= set(body["agencies"][0])
    bad = officer.post(
        f"{base}/rules",
        json={"weights": {"tasks_on_time": 50, "reports_on_time": 30, "targets_attained": 20,
                          "evidence_attached": 10}},
    )  # fmt: skip
    assert bad.status_code == 422 and bad.json()["field"] == "weights"
    rule = officer.post(
        f"{base}/rules",
        json={"weights": {"tasks_on_time": 25, "reports_on_time": 25, "targets_attained": 25,
                          "evidence_attached": 25}, "note": "Cân bằng"},
    )  # fmt: skip
    assert rule.status_code == 201 and rule.json()["version"] == 1
    agency = world.agencies[SO_VHTTDL]
    adj = officer.post(
        f"{base}/adjustments", json={"agency_id": agency, "points": -1, "reason": ""}
    )
    assert adj.status_code == 422 and adj.json()["field"] == "reason"
    scored = officer.post(f"{base}/score")
    assert scored.status_code == 201 and scored.json()["rule"]["version"] == 1
    result = scored.json()["result_id"]
    evidence = officer.get(f"{base}/agencies/{agency}")
    assert evidence.status_code == 200
    assert evidence.json()["ranking"]["result_id"] == result
    assert evidence.json()["unit"]["unit_id"] == agency
    rules = officer.get(f"{base}/rules").json()
    assert [r["version"] for r in rules] == [1]
    export = officer.get(f"{base}/export?format=docx")
    assert export.status_code == 200 and export.content[:2] == b"PK"

    reporter = api("reporter")
    assert reporter.get(base).status_code == 403
    assert reporter.get(f"{base}/agencies/{agency}").status_code == 200
    other = world.agencies["Sở Giáo dục và Đào tạo"]
    assert reporter.get(f"{base}/agencies/{other}").status_code == 404
    assert reporter.post(f"{base}/score").status_code == 403
    assert api(None).get(base).status_code == 401
    assert officer.get(f"/api/emulation/plans/{plan}/periods/2026-X").status_code == 422
