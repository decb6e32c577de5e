"""An agency's one-page report for the period: draft, submit, attach its own .docx."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from docx import Document

from kehoach.errors import NotFound, PermissionDenied, ValidationError
from kehoach.services import period_sheets, plans, reports
from kehoach.services.period_sheets import get_period_sheet, save_period_sheet

NOW = datetime(2026, 6, 10, 3, 0, tzinfo=UTC)


@pytest.fixture
def reporter(users):
    return users["reporter"]


@pytest.fixture
def plan_id(session, reporter):
    return plans.list_plans(session, user=reporter)[0].id


def _docx() -> bytes:
    out = io.BytesIO()
    doc = Document()
    doc.add_paragraph("Báo cáo của Sở Văn hóa, Thể thao và Du lịch")
    doc.save(out)
    return out.getvalue()


def test_draft_then_submit(session, reporter, plan_id):
    sheet = get_period_sheet(session, plan_id, reporter, on=NOW.date())
    assert sheet.state == "new" and sheet.period.code == "2026-H1" and len(sheet.entries) >= 2
    first, second = sheet.entries[0].row.id, sheet.entries[1].row.id
    draft = save_period_sheet(
        session,
        plan_id,
        reporter,
        {first: {"status": "dang_trien_khai", "percent": "40", "done_text": "Đang làm."}},
        now=NOW,
    )
    assert draft.state == "draft" and draft.filled == 1
    assert reports.report_history(session, first, reporter) == []  # a draft files nothing
    again = get_period_sheet(session, plan_id, reporter, on=NOW.date())
    assert again.entries[0].percent == 40 and again.entries[0].done_text == "Đang làm."
    done = save_period_sheet(
        session,
        plan_id,
        reporter,
        {second: {"status": "hoan_thanh", "done_text": "Xong."}},
        submit=True,
        now=NOW,
    )
    assert done.state == "submitted" and done.submitted_at == NOW
    filed = reports.report_history(session, first, reporter)
    assert [(r.status, r.percent, r.period) for r in filed] == [("dang_trien_khai", 40, "2026-H1")]
    assert reports.report_history(session, second, reporter)[0].percent == 100


def test_a_bad_line_files_nothing(session, reporter, plan_id):
    sheet = get_period_sheet(session, plan_id, reporter, on=NOW.date())
    a, b = sheet.entries[0].row.id, sheet.entries[1].row.id
    with pytest.raises(ValidationError) as info:
        save_period_sheet(
            session,
            plan_id,
            reporter,
            {a: {"status": "hoan_thanh"}, b: {"status": "khong_thuc_hien"}},
            submit=True,
            now=NOW,
        )
    assert info.value.field == f"reason-{b}" and "reason" in info.value.message
    session.rollback()
    assert reports.report_history(session, a, reporter) == []
    with pytest.raises(ValidationError, match="between 0 and 100"):
        save_period_sheet(session, plan_id, reporter, {a: {"percent": "140"}}, now=NOW)
    with pytest.raises(ValidationError, match="at least one task"):
        save_period_sheet(session, plan_id, reporter, {}, submit=True, now=NOW)


def test_only_own_agency(session, users, reporter, plan_id):
    with pytest.raises(PermissionDenied):
        get_period_sheet(session, plan_id, reporter, agency_id=reporter.agency_id + 1)
    with pytest.raises(PermissionDenied):
        get_period_sheet(session, plan_id, users["viewer"], agency_id=reporter.agency_id)
    officer_view = get_period_sheet(
        session, plan_id, users["officer"], agency_id=reporter.agency_id, on=NOW.date()
    )
    foreign = next(
        t.id
        for t in plans_tasks(session, users["officer"], plan_id)
        if t.id not in {e.row.id for e in officer_view.entries}
    )
    with pytest.raises(ValidationError, match="not one of this agency's tasks"):
        save_period_sheet(session, plan_id, reporter, {foreign: {"status": "hoan_thanh"}}, now=NOW)


def plans_tasks(session, user, plan_id):
    from kehoach.services.tasks import list_tasks

    return list_tasks(session, user=user, plan_id=plan_id, per_page=500).items


def test_attach_the_agency_docx(session, reporter, plan_id, settings, users):
    view = period_sheets.attach_period_file(
        session, plan_id, reporter, "bao-cao-6-thang.docx", _docx(), settings=settings
    )
    assert view.name == "bao-cao-6-thang.docx"
    sheet = get_period_sheet(session, plan_id, reporter)
    assert [f.name for f in sheet.files] == ["bao-cao-6-thang.docx"]
    path, _ = period_sheets.open_period_file(session, view.id, users["officer"], settings)
    assert path.read_bytes().startswith(b"PK")
    with pytest.raises(NotFound):
        period_sheets.open_period_file(session, view.id, None, settings)
    with pytest.raises(ValidationError, match=r"\.docx"):
        period_sheets.attach_period_file(
            session, plan_id, reporter, "scan.pdf", b"%PDF-1.4", settings=settings
        )
    with pytest.raises(ValidationError, match=r"not a \.docx"):
        period_sheets.attach_period_file(
            session, plan_id, reporter, "x.docx", b"hello", settings=settings
        )
