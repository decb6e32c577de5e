"""No N+1: the task table, the dashboard and statuses take as many queries at any size."""

from __future__ import annotations

from datetime import UTC, date, datetime

from kehoach.services import dashboard, plans, status, tasks
from kehoach.services.demo import build_province
from kehoach.services.types import SYSTEM

ON = date(2026, 7, 1)


def calls(session, count_queries, reporter, task_id) -> dict[str, int]:
    out = {}
    runs = {
        "list_tasks": lambda: tasks.list_tasks(session, user=SYSTEM, on=ON, per_page=50),
        "list_tasks_status": lambda: tasks.list_tasks(
            session, user=SYSTEM, on=ON, status="missing_report"
        ),
        "list_tasks_q": lambda: tasks.list_tasks(session, user=SYSTEM, on=ON, q="so hoa"),
        "statuses": lambda: status.statuses(session, ON),
        "dashboard": lambda: dashboard.dashboard(session, on=ON, user=SYSTEM),
        "dashboard_reporter": lambda: dashboard.dashboard(session, on=ON, user=reporter),
        "my_unit": lambda: dashboard.my_unit(session, reporter, on=ON),
        "get_task": lambda: tasks.get_task(session, task_id, SYSTEM, on=ON),
        "list_plans": lambda: plans.list_plans(session, SYSTEM, on=ON),
        "get_plan": lambda: plans.get_plan(session, 1, SYSTEM, on=ON),
    }
    for name, run in runs.items():
        status.clear_status_cache()  # count the computation, not a cache hit
        with count_queries(session) as n:
            run()
        out[name] = n.count
    return out


def test_query_counts_do_not_grow_with_data(session, users, count_queries):
    from kehoach.services import reports

    reporter = users["reporter"]
    task_id = tasks.list_tasks(session, user=reporter, on=ON).items[0].id
    reports.submit_report(
        session,
        task_id=task_id,
        user=reporter,
        status="dang_trien_khai",
        percent=20,
        now=datetime(2026, 6, 1, tzinfo=UTC),
    )
    small = calls(session, count_queries, reporter, task_id)
    build_province(session, plans=4, tasks=300, agencies=25, years=3, today=ON)
    big = calls(session, count_queries, reporter, task_id)
    assert big == small
    assert small["statuses"] <= 6
    assert small["list_tasks"] <= 10
