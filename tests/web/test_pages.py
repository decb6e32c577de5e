"""Every page: what it shows, its forms, its errors (TestClient on SQLite and PostgreSQL)."""

from __future__ import annotations

import re

import pytest
from webkit import OTHER_AGENCY, SAMPLES, SO_VHTTDL, as_user

CTR_14 = "000_c6c358976faa1d91"
UBND_PLAN = "001_47cec5a30aa91629"
DIEN_BIEN = "002_06834df7b106b0a8"


@pytest.fixture(scope="module")
def officer(world):
    return as_user(world, "officer")


def test_plans_list_and_document_tree(world, officer):
    page = officer.get("/plans")
    assert page.status_code == 200
    assert "14-CTr/TU" in page.text and "Cây văn bản" in page.text
    # the tree: 80-NQ/TW above 14-CTr/TU
    tree = page.text[page.text.index('class="tree"') :]
    assert tree.index("80-NQ/TW") < tree.index("14-CTr/TU")


def test_plan_page_shows_targets_duties_and_tasks(world, officer):
    page = officer.get(f"/plans/{world.plans[CTR_14]}")
    assert page.status_code == 200
    text = page.text
    assert "Chỉ tiêu" in text and "Nhiệm vụ" in text
    assert "44 nhiệm vụ" in text
    assert 'id="task-table"' in text


def test_task_search_folds_diacritics(world, officer):
    plan = world.plans[CTR_14]
    page = officer.get(f"/plans/{plan}?q=so+hoa")
    assert page.status_code == 200
    ids = re.findall(r'<td class="task-text"><a href="/tasks/(\d+)">', page.text)
    assert 0 < len(ids) < 44, "'so hoa' should find some of the 44 tasks"
    assert "đã lọc" in page.text
    texts = [officer.get(f"/tasks/{task_id}").text.lower() for task_id in ids]
    assert any("số hóa" in text for text in texts)


def test_task_table_htmx_partial(world, officer):
    plan = world.plans[DIEN_BIEN]
    page = officer.get(f"/plans/{plan}?sort=-position", headers={"HX-Request": "true"})
    assert page.status_code == 200
    assert "<html" not in page.text and "<table>" in page.text
    assert 'aria-sort="descending"' in page.text


def test_task_table_filters_by_agency_role_and_paging(world, officer):
    plan = world.plans[DIEN_BIEN]
    agency = world.agencies[SO_VHTTDL]
    page = officer.get(f"/plans/{plan}?agency={agency}&role=lead")
    assert page.status_code == 200
    assert "Trang 1 /" not in page.text or "Trang sau" in page.text
    all_rows = officer.get(f"/plans/{plan}").text
    assert "Trang 1 / 1" not in all_rows  # 47 tasks, 50 per page: no pager at all
    bad = officer.get(f"/plans/{plan}?agency=abc&page=-3&sort=evil")
    assert bad.status_code == 200  # malformed filters are ignored, not errors


def test_status_filter_unknown_code_is_a_clear_error(world, officer):
    page = officer.get(f"/plans/{world.plans[CTR_14]}?status=nonsense")
    assert page.status_code == 422
    assert "tình trạng phải là một trong" in page.text


def test_task_page_shows_agencies_by_role_and_forms_for_officer(world, officer):
    task = world.lead_tasks(SO_VHTTDL)[0]
    page = officer.get(f"/tasks/{task}")
    assert page.status_code == 200
    assert "Chủ trì" in page.text and SO_VHTTDL in page.text
    assert "Gia hạn nhiệm vụ" in page.text and "Điều chỉnh trạng thái" in page.text
    assert "Báo cáo tiến độ" in page.text


def test_unknown_task_is_a_404_page(officer):
    page = officer.get("/tasks/999999")
    assert page.status_code == 404
    assert "Không tìm thấy" in page.text


def test_report_validation_errors_are_shown_next_to_the_field(world):
    reporter = as_user(world, "reporter")
    task = world.lead_tasks(SO_VHTTDL)[1]
    r = reporter.post(f"/tasks/{task}/reports", {"status": "dang_trien_khai", "percent": "150"})
    assert r.status_code == 422
    assert re.search(r'<p class="error" id="percent-error">[^<]+</p>', r.text)
    assert 'value="150"' in r.text  # what was typed is kept
    r = reporter.post(f"/tasks/{task}/reports", {"status": "khong_thuc_hien"})
    assert r.status_code == 422 and 'id="reason-error"' in r.text
    r = reporter.post(f"/tasks/{task}/reports", {"status": ""})
    assert r.status_code == 422 and 'id="status-error"' in r.text
    history = reporter.get(f"/tasks/{task}")
    assert "Chưa có báo cáo." in history.text  # nothing was saved


def test_report_is_saved_and_shown_in_history(world):
    reporter = as_user(world, "reporter")
    task = world.lead_tasks(SO_VHTTDL)[2]
    r = reporter.post(
        f"/tasks/{task}/reports",
        {
            "status": "dang_trien_khai",
            "percent": "40",
            "done_text": "Đã tổ chức hội nghị triển khai",
        },
    )
    assert r.status_code == 303, r.text
    page = reporter.get(f"/tasks/{task}")
    assert "Đã gửi báo cáo." in page.text
    assert "Đã tổ chức hội nghị triển khai" in page.text and "Đang triển khai" in page.text


def test_report_with_attachment_and_forbidden_type(world):
    reporter = as_user(world, "reporter")
    task = world.lead_tasks(SO_VHTTDL)[3]
    token = reporter.csrf("/plans")
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    bad = reporter.client.post(
        f"/tasks/{task}/reports",
        data={"status": "dang_trien_khai", "percent": "10", "csrf_token": token},
        files={"file": ("virus.exe", b"MZ\x90\x00", "application/octet-stream")},
    )
    assert bad.status_code == 422 and 'id="file-error"' in bad.text
    assert "Chưa có báo cáo." in bad.text  # the report was not stored without its file
    ok = reporter.client.post(
        f"/tasks/{task}/reports",
        data={"status": "dang_trien_khai", "percent": "10", "csrf_token": token},
        files={"file": ("bien-ban.pdf", pdf, "application/pdf")},
    )
    assert ok.status_code == 303, ok.text
    page = reporter.get(f"/tasks/{task}").text
    link = re.search(r'href="(/attachments/\d+)">bien-ban.pdf', page)
    assert link
    download = reporter.get(link.group(1))
    assert download.status_code == 200 and download.content == pdf


def test_report_form_needs_csrf(world):
    reporter = as_user(world, "reporter")
    task = world.lead_tasks(SO_VHTTDL)[4]
    r = reporter.post(f"/tasks/{task}/reports", {"status": "hoan_thanh"}, csrf=None)
    assert r.status_code == 403
    r = reporter.post(f"/tasks/{task}/reports", {"status": "hoan_thanh"}, csrf="wrong")
    assert r.status_code == 403


def test_officer_extends_deadline_and_overrides_status(world, officer):
    task = world.lead_tasks(SO_VHTTDL, deadline=True)[-1]
    r = officer.post(f"/tasks/{task}/extend", {"new_end": "2031-12-31", "reason": ""})
    assert r.status_code == 422 and 'id="ext_reason-error"' in r.text
    r = officer.post(f"/tasks/{task}/extend", {"new_end": "not a date", "reason": "x"})
    assert r.status_code == 422 and 'id="new_end-error"' in r.text
    r = officer.post(f"/tasks/{task}/extend", {"new_end": "2031-12-31", "reason": "Chờ kinh phí"})
    assert r.status_code == 303
    page = officer.get(f"/tasks/{task}").text
    assert "31/12/2031" in page and "Chờ kinh phí" in page
    r = officer.post(f"/tasks/{task}/override", {"status": "done_on_time", "reason": "Đã xong"})
    assert r.status_code == 303
    page = officer.get(f"/tasks/{task}").text
    assert "Do cán bộ đặt" in page and "Đã xong" in page
    r = officer.post(f"/tasks/{task}/override", {"clear": "1"})
    assert r.status_code == 303
    assert "Do cán bộ đặt</strong>" not in officer.get(f"/tasks/{task}").text


def test_officer_corrects_task_text_and_sees_revision(world, officer):
    task = world.lead_tasks(SO_VHTTDL)[6]
    r = officer.post(f"/tasks/{task}/correct", {"field": "text", "value": "Nội dung đã sửa"})
    assert r.status_code == 303
    page = officer.get(f"/tasks/{task}").text
    assert "Nội dung đã sửa" in page
    assert "Lịch sử chỉnh sửa" in page and "officer" in page
    r = officer.post(f"/tasks/{task}/correct", {"field": "text", "value": "  "})
    assert r.status_code == 422 and 'id="correct-error"' in r.text


def test_officer_corrects_document_field(world, officer):
    plan = world.plans[UBND_PLAN]
    page = officer.get(f"/plans/{plan}").text
    doc_id = re.search(
        r'name="entity" value="document">\s*<input type="hidden" name="entity_id" '
        r'value="(\d+)"',
        page,
    ).group(1)
    r = officer.post(
        f"/plans/{plan}/correct",
        {"entity": "document", "entity_id": doc_id, "field": "number", "value": "25/KH-UBND"},
    )
    assert r.status_code == 303
    page = officer.get(f"/plans/{plan}").text
    assert "25/KH-UBND" in page and "Lịch sử chỉnh sửa" in page


def test_reporter_cannot_use_officer_forms(world):
    reporter = as_user(world, "reporter")
    task = world.lead_tasks(SO_VHTTDL)[7]
    assert (
        reporter.post(f"/tasks/{task}/extend", {"new_end": "2031-01-01", "reason": "x"}).status_code
        == 403
    )
    r = reporter.post(f"/tasks/{task}/correct", {"field": "text", "value": "x"})
    assert r.status_code == 403
    assert "Gia hạn nhiệm vụ" not in reporter.get(f"/tasks/{task}").text


def test_my_unit_shows_only_own_agency(world):
    reporter = as_user(world, "reporter")
    page = reporter.get("/my-unit")
    assert page.status_code == 200
    assert "Đơn vị của tôi" in page.text and SO_VHTTDL in page.text
    ids = {int(i) for i in re.findall(r'href="/tasks/(\d+)"', page.text)}
    assert ids and ids <= set(world.lead_tasks(SO_VHTTDL)) | _coordinated(world, SO_VHTTDL)
    assert not ids & set(world.lead_tasks(OTHER_AGENCY))


def _coordinated(world, agency):
    from kehoach.services import tasks

    with world.session() as db:
        page = tasks.list_tasks(
            db, user=world.users["admin"], agency_id=world.agencies[agency], per_page=500
        )
    return {t.id for t in page.items}


def test_my_unit_without_agency_explains(world, officer):
    page = officer.get("/my-unit")
    assert page.status_code == 404
    assert "chưa gắn với đơn vị" in page.text


def test_dashboard(world, officer):
    page = officer.get("/dashboard?on=2026-12-15")
    assert page.status_code == 200
    text = page.text
    for heading in (
        "Tổng quan",
        "Nhiệm vụ quá hạn",
        "Mức độ hoàn thành theo đơn vị",
        "Tình hình báo cáo kỳ hiện tại",
        "Sắp đến hạn",
    ):
        assert heading in text
    assert '<svg class="chart"' in text
    assert 'value="2026-12-15"' in text


def test_dashboard_rejects_bad_date(officer):
    assert officer.get("/dashboard?on=yesterday").status_code == 422


def test_import_page_flow(world, officer):
    assert "Nhập kế hoạch" in officer.get("/import").text
    token = officer.csrf("/import")
    # the UBND plan has no number: under another file name it is a new plan
    data = (SAMPLES / f"{UBND_PLAN}.txt").read_bytes() + b"\n"
    review = officer.client.post(
        "/import",
        data={"csrf_token": token},
        files={"file": ("ke-hoach-moi.txt", data, "text/plain")},
    )
    assert review.status_code == 200, review.text
    assert "Văn bản gốc" in review.text and "Nội dung đọc được" in review.text
    # the same text is stored already: the page asks whether this is a new version of it
    assert "Đây có phải là phiên bản mới của một kế hoạch đã lưu?" in review.text
    upload = re.search(r'name="token" value="([0-9a-f]{64})"', review.text).group(1)
    form = {"csrf_token": token, "token": upload, "doc.title": "Kế hoạch đã kiểm tra"}
    unanswered = officer.client.post("/import/confirm", data=form)
    assert unanswered.status_code == 422
    assert "Hãy chọn: văn bản này là phiên bản mới" in unanswered.text
    r = officer.client.post("/import/confirm", data={**form, "version": "new"})
    assert r.status_code == 303, r.text
    plan_page = officer.get(r.headers["location"])
    assert "Kế hoạch đã kiểm tra" in plan_page.text


def test_import_rejects_empty_and_unsupported(officer):
    token = officer.csrf("/import")
    r = officer.client.post(
        "/import", data={"csrf_token": token}, files={"file": ("x.txt", b"   ", "text/plain")}
    )
    assert r.status_code == 422 and 'id="file-error"' in r.text
    r = officer.client.post(
        "/import",
        data={"csrf_token": token},
        files={"file": ("x.exe", b"MZ", "application/octet-stream")},
    )
    assert r.status_code == 422 and 'id="file-error"' in r.text
    r = officer.client.post("/import/confirm", data={"csrf_token": token, "token": "../../etc"})
    assert r.status_code == 404


def test_import_page_is_for_officers(world):
    assert as_user(world, "reporter").get("/import").status_code == 403
    assert as_user(world, "viewer").get("/import").status_code == 403


def test_users_admin_page(world):
    admin = as_user(world, "admin")
    page = admin.get("/users")
    assert page.status_code == 200 and "Thêm tài khoản" in page.text
    r = admin.post("/users", {"username": "newrep", "password": "short", "role": "reporter"})
    assert r.status_code == 422 and 'id="password-error"' in r.text
    r = admin.post(
        "/users",
        {
            "username": "newrep",
            "password": "long-enough-1",
            "role": "reporter",
            "agency": str(world.agencies[SO_VHTTDL]),
        },
    )
    assert r.status_code == 303
    assert "newrep" in admin.get("/users").text
    assert as_user(world, "officer").get("/users").status_code == 403


def test_static_files_and_vendored_htmx(browser):
    assert browser.get("/static/kehoach.css").status_code == 200
    js = browser.get("/static/htmx.min.js")
    assert js.status_code == 200 and b"htmx" in js.content[:2000]


def test_pages_use_no_cdn(world, officer):
    for path in ("/plans", f"/plans/{world.plans[CTR_14]}", "/dashboard"):
        text = officer.get(path).text
        assert "cdn" not in text.lower() and "https://" not in text


def test_unknown_page_is_a_404_page(browser):
    page = browser.get("/no-such-page")
    assert page.status_code == 404 and "Trang này không tồn tại." in page.text


def test_officer_corrects_a_target(world, officer):
    plan = world.plans[CTR_14]
    page = officer.get(f"/plans/{plan}").text
    target = re.search(
        r'name="entity" value="target"><input type="hidden" name="entity_id" '
        r'value="(\d+)"',
        page,
    ).group(1)
    r = officer.post(
        f"/plans/{plan}/correct",
        {"entity": "target", "entity_id": target, "field": "horizon", "value": "2035"},
    )
    assert r.status_code == 303, r.text
    r = officer.post(
        f"/plans/{plan}/correct",
        {"entity": "target", "entity_id": target, "field": "horizon", "value": "abc"},
    )
    assert r.status_code == 422
    r = officer.post(
        f"/plans/{plan}/correct",
        {"entity": "target", "entity_id": "999999", "field": "text", "value": "x"},
    )
    assert r.status_code == 422  # not a target of this plan


def test_report_for_an_unknown_or_closed_period_is_refused_next_to_the_field(world):
    reporter = as_user(world, "reporter")
    task = world.lead_tasks(SO_VHTTDL)[8]
    for period in ("2019-H1", "not-a-period"):
        r = reporter.post(
            f"/tasks/{task}/reports",
            {"status": "dang_trien_khai", "percent": "10", "period": period},
        )
        assert r.status_code == 422, period
        assert 'id="period-error"' in r.text


def test_attachment_too_large_keeps_nothing(world):
    reporter = as_user(world, "reporter")
    task = world.lead_tasks(SO_VHTTDL)[9]
    token = reporter.csrf("/plans")
    saved = world.settings.max_attachment_bytes
    world.settings.max_attachment_bytes = 64
    try:
        r = reporter.client.post(
            f"/tasks/{task}/reports",
            data={"status": "dang_trien_khai", "percent": "10", "csrf_token": token},
            files={"file": ("big.pdf", b"%PDF-1.4\n" + b"0" * 200, "application/pdf")},
        )
    finally:
        world.settings.max_attachment_bytes = saved
    assert r.status_code == 422
    assert re.search(r'id="file-error">[^<]*MB', r.text)
    assert 'value="10"' in r.text  # the form keeps what was typed
    assert "Chưa có báo cáo." in reporter.get(f"/tasks/{task}").text
