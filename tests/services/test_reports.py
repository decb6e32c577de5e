"""Progress reports: validation next to the field, permissions, versions, attachments."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from kehoach.errors import NotFound, PermissionDenied, ValidationError
from kehoach.services import reports, summaries, tasks
from kehoach.services.agencies import find_agency
from kehoach.services.types import SYSTEM

NOW = datetime(2026, 6, 10, 8, 0, tzinfo=UTC)
PDF = b"%PDF-1.4\n% test\n"


@pytest.fixture
def task_ids(session, users):
    """(a task Sở VHTTDL leads, a task it has no role in, a task it coordinates)."""
    so = find_agency(session, "Sở VHTTDL")
    lead = tasks.list_tasks(session, user=SYSTEM, agency_id=so.id, role="lead").items[0].id
    coord = tasks.list_tasks(session, user=SYSTEM, agency_id=so.id, role="coordinating")
    everything = tasks.list_tasks(session, user=SYSTEM, per_page=500).items
    mine = {
        r.id for r in tasks.list_tasks(session, user=SYSTEM, agency_id=so.id, per_page=500).items
    }
    other = next(r.id for r in everything if r.id not in mine and r.lead)
    return lead, other, coord.items[0].id


def submit(session, user, task_id, **kw):
    args = {"status": "dang_trien_khai", "percent": 30, "now": NOW, **kw}
    return reports.submit_report(session, task_id=task_id, user=user, **args)


def test_reporter_reports_for_own_agency(session, users, task_ids):
    r = submit(session, users["reporter"], task_ids[0], done_text="Đã tổ chức hội nghị")
    assert (r.agency_name, r.role, r.period, r.version) == (
        "Sở Văn hóa, Thể thao và Du lịch",
        "lead",
        "2026-H1",
        1,
    )
    assert r.submitted_by == "reporter" and not r.late


def test_coordinating_agency_adds_a_contribution(session, users, task_ids):
    r = submit(session, users["reporter"], task_ids[2])
    assert r.role == "coordinating"


def test_reporter_cannot_see_or_report_another_agencys_task(session, users, task_ids):
    with pytest.raises(NotFound):
        submit(session, users["reporter"], task_ids[1])
    with pytest.raises(NotFound):
        tasks.get_task(session, task_ids[1], users["reporter"])


def test_reporter_cannot_report_for_another_agency(session, users, task_ids):
    with pytest.raises(PermissionDenied, match="only report for its own agency"):
        submit(session, users["reporter"], task_ids[0], agency_id=1)


def test_viewer_cannot_report(session, users, task_ids):
    with pytest.raises(PermissionDenied):
        submit(session, users["viewer"], task_ids[0])


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"percent": 101}, "percent", "between 0 and 100"),
        ({"percent": -1}, "percent", "between 0 and 100"),
        ({"percent": "abc"}, "percent", "whole number"),
        ({"status": ""}, "status", "choose the status"),
        ({"status": "xong"}, "status", "status must be one of"),
        ({"status": "khong_thuc_hien", "reason": " "}, "reason", "give the reason"),
        (
            {"period": "2025", "now": datetime(2026, 6, 21, tzinfo=UTC)},
            "period",
            "closed on 20/06/2026",
        ),
        ({"period": "2026-Q9"}, "period", "not a reporting period"),
        ({"period": "2027-H1"}, "period", "starts on 01/01/2027"),
        (
            {"status": "hoan_thanh", "percent": 40},
            "percent",
            "the status says completed but the percent done is 40%",
        ),
        ({"status": "chua_trien_khai", "percent": 60}, "percent", "not yet started but"),
    ],
)
def test_validation(session, users, task_ids, changes, field, message):
    with pytest.raises(ValidationError, match=message) as err:
        submit(session, users["reporter"], task_ids[0], **changes)
    assert err.value.field == field


def test_correction_is_a_new_version(session, users, task_ids):
    first = submit(session, users["reporter"], task_ids[0], percent=30)
    second = submit(
        session,
        users["officer"],
        task_ids[0],
        percent=50,
        agency_id=first.agency_id,
        now=NOW.replace(day=15),
    )
    assert (second.version, second.supersedes_id) == (2, first.id)
    history = reports.report_history(session, task_ids[0], users["officer"])
    assert [(h.version, h.percent) for h in history] == [(2, 50), (1, 30)]


def test_late_report_is_marked_late(session, users, task_ids):
    r = submit(
        session,
        users["reporter"],
        task_ids[0],
        period="2026-H1",
        now=datetime(2026, 7, 2, tzinfo=UTC),
    )
    assert r.late


def test_status_follows_reports(session, users, task_ids):
    submit(session, users["reporter"], task_ids[0], status="hoan_thanh", percent=None)
    row = tasks.get_task(session, task_ids[0], users["officer"], on=date(2026, 6, 11)).row
    assert row.status.code in ("done_on_time", "done_late")
    assert row.status.percent == 100


def test_attachment_stored_by_content(session, users, task_ids, settings):
    r = submit(session, users["reporter"], task_ids[0])
    a = reports.add_attachment(
        session, r.id, users["reporter"], "../../etc/Báo cáo.pdf", PDF, settings
    )
    assert a.name == "Báo cáo.pdf" and a.size == len(PDF)
    path, _ = reports.open_attachment(session, a.id, users["officer"], settings)
    assert path.read_bytes() == PDF and path.parent == settings.attachments_dir
    assert reports.report_history(session, task_ids[0], users["officer"])[0].attachments == [a]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("virus.exe", b"MZ...", "not accepted"),
        ("fake.pdf", b"MZ not a pdf", "not a .pdf file"),
        ("empty.pdf", b"", "empty"),
        ("big.pdf", b"%PDF" + b"0" * 2048, "the limit is"),
    ],
)
def test_attachment_checks(session, users, task_ids, settings, name, data, message):
    small = settings.model_copy(update={"max_attachment_bytes": 1024})
    r = submit(session, users["reporter"], task_ids[0])
    with pytest.raises(ValidationError, match=message) as err:
        reports.add_attachment(session, r.id, users["reporter"], name, data, small)
    assert err.value.field == "file"


@pytest.fixture
def vietnam_time():
    """The process's local time zone is Hà Nội's (as a Vietnamese deployment runs)."""
    import os
    import time

    saved = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Ho_Chi_Minh"
    time.tzset()
    yield
    if saved is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = saved
    time.tzset()


@pytest.mark.parametrize(
    ("utc", "late"),
    [
        ("2026-06-20T16:59:00", False),  # 23:59 on 20/6 in Hà Nội
        ("2026-06-20T17:00:00", True),  # 00:00 on 21/6 in Hà Nội, still 20/6 in UTC
    ],
)
def test_lateness_is_judged_on_vietnamese_days(session, users, task_ids, utc, late, monkeypatch):
    import time

    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    when = datetime.fromisoformat(utc).replace(tzinfo=UTC)
    r = submit(session, users["reporter"], task_ids[0], period="2026-H1", now=when)
    assert r.late is late
    rows = {
        row.task_id: row
        for row in summaries.completeness(
            session, date(2026, 7, 1), agency_id=users["reporter"].agency_id
        )
    }
    assert rows[task_ids[0]].late is late


@pytest.mark.parametrize("zone", ["UTC", "Asia/Ho_Chi_Minh", "America/Los_Angeles"])
def test_a_report_just_sent_counts_for_todays_status(session, users, task_ids, zone):
    import os
    import time

    saved = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        reports.submit_report(
            session, task_id=task_ids[0], user=users["reporter"], status="hoan_thanh"
        )
        row = tasks.get_task(session, task_ids[0], users["officer"], on=date.today()).row
        assert row.status.code in ("done_on_time", "done_late")
        assert row.status.reported_this_period
    finally:
        if saved is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = saved
        time.tzset()
