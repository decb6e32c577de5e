"""The task table: filters, folded text search, visibility, extensions, overrides."""

from __future__ import annotations

from datetime import date

import pytest

from kehoach.errors import NotFound, PermissionDenied, ValidationError
from kehoach.services import tasks
from kehoach.services.agencies import find_agency
from kehoach.services.types import SYSTEM
from kehoach.text.normalize import fold

ON = date(2026, 7, 1)


@pytest.mark.parametrize("q", ["so hoa", "SỐ HOÁ", "số hóa", "so  hoa"])
def test_search_folds_diacritics_and_tone_placement(session, imported, q):
    page = tasks.list_tasks(session, user=SYSTEM, q=q, on=ON, per_page=200)
    assert page.total > 0
    assert all("so hoa" in fold(r.text) for r in page.items)


def test_search_matches_agency_names(session, imported):
    page = tasks.list_tasks(session, user=SYSTEM, q="cong an tinh", on=ON)
    assert page.total > 0
    assert all(
        any("Công an" in n for n in r.lead + r.coordinating + r.directing)
        or "công an" in r.text.lower()
        for r in page.items
    )


def test_filters(session, imported):
    plan_id = imported["002_06834df7b106b0a8.txt"].plan_id
    everything = tasks.list_tasks(session, user=SYSTEM, plan_id=plan_id, per_page=500, on=ON)
    assert everything.total == 47
    group = tasks.list_tasks(session, user=SYSTEM, plan_id=plan_id, group="I", on=ON)
    assert group.total and all(r.group == "I" for r in group.items)
    kind = tasks.list_tasks(session, user=SYSTEM, plan_id=plan_id, timeframe_kind="recurring")
    assert kind.total and all(r.timeframe_kind == "recurring" for r in kind.items)
    so = find_agency(session, "Sở VHTTDL")
    lead = tasks.list_tasks(session, user=SYSTEM, agency_id=so.id, role="lead", on=ON)
    assert lead.total and all(so.name in r.lead for r in lead.items)
    for code in {r.status.code for r in everything.items}:
        page = tasks.list_tasks(session, user=SYSTEM, plan_id=plan_id, status=code, on=ON)
        assert page.total == sum(r.status.code == code for r in everything.items)


def test_paging_and_sorting(session, imported):
    first = tasks.list_tasks(session, user=SYSTEM, per_page=10, page=1, on=ON)
    second = tasks.list_tasks(session, user=SYSTEM, per_page=10, page=2, on=ON)
    assert first.total == 111 and first.pages == 12
    assert not {r.id for r in first.items} & {r.id for r in second.items}
    by_deadline = tasks.list_tasks(session, user=SYSTEM, sort="deadline", per_page=500).items
    deadlines = [r.original_deadline for r in by_deadline if r.original_deadline]
    assert deadlines == sorted(deadlines)
    by_status = tasks.list_tasks(session, user=SYSTEM, sort="status", per_page=500, on=ON)
    assert by_status.total == 111
    with pytest.raises(ValidationError) as err:
        tasks.list_tasks(session, user=SYSTEM, sort="colour")
    assert err.value.field == "sort"


def test_reporter_sees_only_its_agency(session, users):
    reporter = users["reporter"]
    page = tasks.list_tasks(session, user=reporter, per_page=500, on=ON)
    assert page.total > 0
    assert all(reporter.agency_name in r.lead + r.coordinating for r in page.items)


def test_anonymous_sees_public_plans_only(session, imported, users):
    assert tasks.list_tasks(session, user=None).total == 0
    from kehoach.services import plans

    plan_id = imported["000_c6c358976faa1d91.txt"].plan_id
    plans.set_public(session, plan_id, True, users["officer"])
    assert tasks.list_tasks(session, user=None).total == 44
    assert [p.id for p in plans.list_plans(session, None)] == [plan_id]


def test_extension_and_override(session, imported, users):
    officer = users["officer"]
    row = next(
        r for r in tasks.list_tasks(session, user=SYSTEM, per_page=500).items if r.original_deadline
    )
    with pytest.raises(ValidationError) as err:
        tasks.extend_deadline(session, row.id, row.original_deadline, "x", officer)
    assert err.value.field == "new_end"
    with pytest.raises(ValidationError):
        tasks.extend_deadline(session, row.id, date(2031, 1, 1), " ", officer)
    with pytest.raises(PermissionDenied):
        tasks.extend_deadline(session, row.id, date(2031, 1, 1), "Thiếu kinh phí", users["viewer"])
    tasks.extend_deadline(session, row.id, date(2031, 1, 1), "Thiếu kinh phí", officer)
    tasks.override_status(session, row.id, "not_applicable", "Đã gộp nhiệm vụ", officer)
    detail = tasks.get_task(session, row.id, officer, on=ON)
    assert detail.row.deadline == date(2031, 1, 1)
    assert detail.row.original_deadline == row.original_deadline
    assert detail.row.status.overridden and detail.row.status.code == "not_applicable"
    assert detail.extensions[0].username == "officer"
    assert detail.override.reason == "Đã gộp nhiệm vụ"
    tasks.clear_override(session, row.id, officer)
    assert not tasks.get_task(session, row.id, officer, on=ON).row.status.overridden


def test_only_a_deadline_can_be_extended(session, imported, users):
    row = next(
        r
        for r in tasks.list_tasks(session, user=SYSTEM, per_page=500).items
        if r.timeframe_kind == "recurring"
    )
    with pytest.raises(ValidationError, match="no deadline to extend"):
        tasks.extend_deadline(session, row.id, date(2031, 1, 1), "x", users["officer"])


def test_get_task_unknown(session, imported):
    with pytest.raises(NotFound):
        tasks.get_task(session, 999999, SYSTEM)


def test_status_cache_sees_every_change(session, users):
    from datetime import UTC, datetime

    from kehoach.services import reports, status

    officer = users["officer"]
    row = next(
        r
        for r in tasks.list_tasks(session, user=SYSTEM, per_page=500).items
        if r.original_deadline and r.lead
    )
    first = status.statuses(session, ON)[row.id]
    assert status.statuses(session, ON)[row.id] == first
    tasks.extend_deadline(session, row.id, date(2031, 1, 1), "Chờ kinh phí", officer)
    assert status.statuses(session, ON)[row.id].deadline == date(2031, 1, 1)
    reports.submit_report(
        session,
        task_id=row.id,
        user=officer,
        status="dang_trien_khai",
        percent=35,
        now=datetime(2026, 6, 1, tzinfo=UTC),
    )
    assert status.statuses(session, ON)[row.id].percent == 35
    tasks.override_status(session, row.id, "done_on_time", "Đã xong", officer)
    assert status.statuses(session, ON)[row.id].overridden
    session.rollback()
    assert status.statuses(session, ON)[row.id] == first


def test_absurd_page_numbers_give_an_empty_page(session, imported):
    page = tasks.list_tasks(session, user=SYSTEM, page=10**20, per_page=10**9)
    assert page.items == [] and page.total == 111
