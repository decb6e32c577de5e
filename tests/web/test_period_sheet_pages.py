"""The agency's page for the period over HTTP: draft, a refused submission, submit, a file."""

from __future__ import annotations

import io

import pytest
from docx import Document
from webkit import as_user

UBND_PLAN = "001_47cec5a30aa91629"


@pytest.fixture(scope="module")
def reporter(world):
    return as_user(world, "reporter")


def _docx() -> bytes:
    out = io.BytesIO()
    doc = Document()
    doc.add_paragraph("Báo cáo 6 tháng của Sở Văn hóa, Thể thao và Du lịch")
    doc.save(out)
    return out.getvalue()


def _plan_with_tasks(world, reporter) -> tuple[int, list[int]]:
    import re

    for plan in world.plans.values():
        page = reporter.get(f"/plans/{plan}/period-sheet")
        if page.status_code == 200:
            ids = [int(i) for i in re.findall(r'name="status-(\d+)"', page.text)]
            return plan, ids
    raise AssertionError("the reporter has no plan")


def test_my_unit_links_to_the_period_page(world, reporter):
    page = reporter.get("/my-unit")
    assert "Báo cáo cả kỳ" in page.text and "/period-sheet?period=" in page.text


def test_draft_refused_submit_then_submit(world, reporter):
    plan, ids = _plan_with_tasks(world, reporter)
    a, b = ids[:2]
    draft = reporter.post(
        f"/plans/{plan}/period-sheet",
        {
            "action": "save",
            f"status-{a}": "dang_trien_khai",
            f"percent-{a}": "30",
            f"done_text-{a}": "Đã khảo sát.",
        },
    )
    assert draft.status_code == 303
    page = reporter.get(draft.headers["location"])
    assert "Bản nháp, chưa gửi" in page.text and "Đã khảo sát." in page.text
    refused = reporter.post(
        f"/plans/{plan}/period-sheet",
        {"action": "submit", f"status-{a}": "dang_trien_khai", f"status-{b}": "khong_thuc_hien"},
    )
    assert refused.status_code == 422 and 'role="alert"' in refused.text
    with world.session() as db:
        from kehoach.services.reports import report_history

        assert report_history(db, a, world.users["reporter"]) == []  # nothing filed
    sent = reporter.post(
        f"/plans/{plan}/period-sheet",
        {
            "action": "submit",
            f"status-{a}": "dang_trien_khai",
            f"percent-{a}": "30",
            f"status-{b}": "khong_thuc_hien",
            f"reason-{b}": "Không còn phù hợp.",
        },
    )
    assert sent.status_code == 303
    assert "Đã gửi báo cáo" in reporter.get(sent.headers["location"]).text
    with world.session() as db:
        from kehoach.services.reports import report_history

        assert report_history(db, a, world.users["reporter"])[0].percent == 30
        assert report_history(db, b, world.users["reporter"])[0].reason == "Không còn phù hợp."


def test_attach_and_download_the_agency_docx(world, reporter):
    plan, _ids = _plan_with_tasks(world, reporter)
    token = reporter.csrf(f"/plans/{plan}/period-sheet")
    done = reporter.client.post(
        f"/plans/{plan}/period-sheet/file",
        data={"csrf_token": token},
        files={"file": ("bao-cao.docx", _docx(), "application/octet-stream")},
    )
    assert done.status_code == 303, done.text
    page = reporter.get(done.headers["location"])
    link = page.text.split('href="/period-files/')[1].split('"')[0]
    got = reporter.get(f"/period-files/{link}")
    assert got.status_code == 200 and got.content.startswith(b"PK")
    other = as_user(world, "other")
    assert other.get(f"/period-files/{link}").status_code == 404
    bad = reporter.client.post(
        f"/plans/{plan}/period-sheet/file",
        data={"csrf_token": token},
        files={"file": ("scan.pdf", b"%PDF-1.4", "application/pdf")},
    )
    assert bad.status_code == 422
