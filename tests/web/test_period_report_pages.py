"""The period report page, its API, the ledger and the list exports over HTTP."""

from __future__ import annotations

import csv
import io

import pytest
from docx import Document
from openpyxl import load_workbook
from webkit import as_user

CTR_14 = "000_c6c358976faa1d91"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(scope="module")
def officer(world):
    return as_user(world, "officer")


def test_plan_page_links_to_report_ledger_and_exports(world, officer):
    plan = world.plans[CTR_14]
    page = officer.get(f"/plans/{plan}?status=not_started")
    assert f'href="/plans/{plan}/report' in page.text and "Báo cáo kỳ" in page.text
    assert f"/api/plans/{plan}/ledger?format=xlsx" in page.text
    assert "/api/exports/tasks?plan_id=" in page.text and "status=not_started" in page.text


def test_report_page_edit_then_issue(world, officer):
    plan = world.plans[CTR_14]
    page = officer.get(f"/plans/{plan}/report?period=2026-H1")
    assert page.status_code == 200, page.text
    assert "6 tháng đầu năm 2026" in page.text and 'name="results_text"' in page.text
    saved = officer.post(
        f"/plans/{plan}/report/texts",
        {
            "period": "2026-H1",
            "results_text": "1. Kết quả chung\nĐã triển khai đồng bộ.",
            "number": "77/BC-UBND",
        },
    )
    assert saved.status_code == 303
    page = officer.get(f"/plans/{plan}/report?period=2026-H1")
    assert "Đã triển khai đồng bộ." in page.text and "đã sửa" in page.text
    issued = officer.post(f"/plans/{plan}/report/issue", {"period": "2026-H1", "format": "docx"})
    assert issued.status_code == 200
    assert "attachment" in issued.headers["content-disposition"]
    doc = Document(io.BytesIO(issued.content))
    assert "77/BC-UBND" in doc.tables[0].cell(0, 0).text
    assert "Đã triển khai đồng bộ." in [p.text for p in doc.paragraphs]
    page = officer.get(f"/plans/{plan}/report?period=2026-H1")
    assert "Đã phát hành" in page.text and "Thay đổi từ lần phát hành" in page.text
    link = page.text.split(f'href="/plans/{plan}/report/issues/')[1].split('"')[0]
    again = officer.get(f"/plans/{plan}/report/issues/{link}")
    assert again.status_code == 200 and again.content == issued.content


def test_report_page_is_for_officers_and_viewers(world):
    plan = world.plans[CTR_14]
    reporter = as_user(world, "reporter")
    assert reporter.get(f"/plans/{plan}/report?period=2026-H1").status_code in (403, 404)
    viewer = as_user(world, "viewer")
    page = viewer.get(f"/plans/{plan}/report?period=2026-H1")
    assert page.status_code == 200 and 'name="results_text"' not in page.text
    denied = viewer.post(f"/plans/{plan}/report/issue", {"period": "2026-H1"})
    assert denied.status_code == 403


def test_api_period_report(world, api):
    plan = world.plans[CTR_14]
    officer = api("officer")
    got = officer.get(f"/api/plans/{plan}/period-report", params={"period": "2026-H1"})
    assert got.status_code == 200, got.text
    body = got.json()
    assert body["period_label"] == "6 tháng đầu năm 2026" and body["counts"]["total"] == 44
    put = officer.put(
        f"/api/plans/{plan}/period-report/texts",
        json={"period": "2026-H1", "proposals_text": "1. Đề xuất\n- Bố trí kinh phí."},
    )
    assert put.status_code == 200 and put.json()["proposals_edited"] is True
    xlsx = officer.post(
        f"/api/plans/{plan}/period-report", params={"period": "2026-H1", "format": "xlsx"}
    )
    assert xlsx.status_code == 200 and xlsx.headers["content-type"] == XLSX
    assert "Tổng hợp" in load_workbook(io.BytesIO(xlsx.content)).sheetnames
    bad = officer.post(f"/api/plans/{plan}/period-report", params={"period": "2026-H7"})
    assert bad.status_code == 422
    viewer = api("viewer").post(f"/api/plans/{plan}/period-report", params={"period": "2026-H1"})
    assert viewer.status_code == 403


def test_api_ledger_and_exports(world, api):
    plan = world.plans[CTR_14]
    officer = api("officer")
    book = officer.get(f"/api/plans/{plan}/ledger", params={"status": "not_started"})
    assert book.status_code == 200 and book.headers["content-type"] == XLSX
    rows = list(load_workbook(io.BytesIO(book.content)).worksheets[0].iter_rows(values_only=True))
    assert rows[3][0] == "STT" and all(r[6] == "Chưa bắt đầu" for r in rows[4:] if r[0].isdigit())
    assert api(None).get(f"/api/plans/{plan}/ledger").status_code == 404  # not public
    for what in ("tasks", "agencies", "reports", "plans"):
        got = officer.get(f"/api/exports/{what}", params={"format": "csv", "plan_id": plan})
        assert got.status_code == 200, (what, got.text)
        head = next(csv.reader(io.StringIO(got.content.decode("utf-8-sig"))))
        assert head and all(head)
    tasks = officer.get("/api/exports/tasks", params={"plan_id": plan, "q": "so hoa"})
    ws = load_workbook(io.BytesIO(tasks.content)).worksheets[0]
    assert 0 < ws.max_row - 3 < 44
    mine = api("reporter").get("/api/exports/tasks", params={"format": "csv"}).content
    everything = officer.get("/api/exports/tasks", params={"format": "csv"}).content
    assert 1 < len(mine.splitlines()) < len(everything.splitlines())  # own agency's tasks only
