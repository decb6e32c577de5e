"""Dashboard, my unit, summaries: counts, on-time rate, reporting completeness."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from kehoach.errors import PermissionDenied
from kehoach.services import dashboard, reports, summaries, tasks
from kehoach.services.types import SYSTEM

ON = date(2026, 7, 1)


def test_dashboard_counts_everything(session, users):
    d = dashboard.dashboard(session, on=ON, user=users["officer"])
    assert d.counts.total == 111
    assert sum(d.counts.counts.values()) == 111
    assert len(d.plans) == 3 and d.agencies
    assert all(r.status.code == "overdue" for r in d.overdue)
    assert all(r.missing for r in d.missing_reports)


def test_reporter_dashboard_is_its_agency_only(session, users):
    d = dashboard.dashboard(session, on=ON, user=users["reporter"])
    mine = tasks.list_tasks(session, user=users["reporter"], per_page=500, on=ON)
    assert d.counts.total == mine.total
    assert [a.name for a in d.agencies] == [users["reporter"].agency_name]


def test_anonymous_dashboard_is_empty_without_public_plans(session, users):
    assert dashboard.dashboard(session, on=ON, user=None).counts.total == 0


def test_completeness_from_submission_times(session, users):
    reporter = users["reporter"]
    before = {
        (r.task_id, r.agency_id): r
        for r in summaries.completeness(session, ON, agency_id=reporter.agency_id)
    }
    assert before and all(r.missing for r in before.values())
    (t1, _), (t2, _) = list(before)[:2]
    period = before[(t1, reporter.agency_id)].period
    reports.submit_report(
        session,
        task_id=t1,
        user=reporter,
        status="dang_trien_khai",
        percent=10,
        period=period,
        now=datetime(2026, 6, 1, tzinfo=UTC),
    )
    reports.submit_report(
        session,
        task_id=t2,
        user=reporter,
        status="dang_trien_khai",
        percent=10,
        period=period,
        now=datetime(2026, 6, 25, tzinfo=UTC),
    )
    after = {
        r.task_id: r for r in summaries.completeness(session, ON, agency_id=reporter.agency_id)
    }
    assert not after[t1].missing and not after[t1].late
    assert not after[t2].missing and after[t2].late
    agency = summaries.agency_summaries(session, ON, agency_ids=[reporter.agency_id])[0]
    assert (agency.reported, agency.late_reports, agency.on_time_reports) == (2, 1, 1)
    assert agency.missing == agency.expected - 2


def test_on_time_rate_uses_the_original_deadline(session, users):
    officer = users["officer"]
    row = next(
        r
        for r in tasks.list_tasks(session, user=SYSTEM, per_page=500, on=ON).items
        if r.original_deadline == date(2026, 3, 31) and r.lead
    )
    plan_before = summaries.plan_summaries(session, ON, [row.plan_id])[0].counts
    tasks.extend_deadline(session, row.id, date(2026, 12, 31), "Chờ kinh phí", officer)
    reports.submit_report(
        session,
        task_id=row.id,
        user=officer,
        status="hoan_thanh",
        now=datetime(2026, 6, 15, tzinfo=UTC),
    )
    info = tasks.get_task(session, row.id, officer, on=ON).row.status
    assert info.code == "done_on_time" and info.on_time_original is False
    plan_after = summaries.plan_summaries(session, ON, [row.plan_id])[0].counts
    assert plan_after.counts.get("done_on_time", 0) == plan_before.counts.get("done_on_time", 0) + 1
    assert plan_after.on_time_rate == plan_before.on_time_rate


def test_my_unit(session, users):
    unit = dashboard.my_unit(session, users["reporter"], on=ON)
    assert unit.agency.name == users["reporter"].agency_name
    assert unit.tasks and {r.id for r in unit.due_now} <= {r.id for r in unit.tasks}
    assert all(not r.status.reported_this_period for r in unit.due_now)
    with pytest.raises(PermissionDenied):
        dashboard.my_unit(session, users["viewer"], on=ON)


def test_reporter_sees_figures_of_its_own_tasks_only(session, users, imported):
    from kehoach.services import plans

    reporter = users["reporter"]
    mine = tasks.list_tasks(session, user=reporter, per_page=500, on=ON).items
    plan_id = mine[0].plan_id
    in_plan = [r for r in mine if r.plan_id == plan_id]
    detail = plans.get_plan(session, plan_id, reporter, on=ON)
    assert detail.summary.counts.total == len(in_plan)
    listed = {p.id: p for p in plans.list_plans(session, reporter, on=ON)}
    assert sum(listed[plan_id].status_counts.values()) == len(in_plan)
    everyone = plans.get_plan(session, plan_id, users["officer"], on=ON)
    assert everyone.summary.counts.total > len(in_plan)
