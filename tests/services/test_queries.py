"""No N+1: the task table, the dashboard and statuses take as many queries at any size."""

from __future__ import annotations

from datetime import date

from kehoach.services import dashboard, status, tasks
from kehoach.services.demo import build_province
from kehoach.services.types import SYSTEM

ON = date(2026, 7, 1)


def calls(session, count_queries) -> dict[str, int]:
    out = {}
    runs = {
        "list_tasks": lambda: tasks.list_tasks(session, user=SYSTEM, on=ON, per_page=50),
        "list_tasks_status": lambda: tasks.list_tasks(
            session, user=SYSTEM, on=ON, status="missing_report"
        ),
        "list_tasks_q": lambda: tasks.list_tasks(session, user=SYSTEM, on=ON, q="so hoa"),
        "statuses": lambda: status.statuses(session, ON),
        "dashboard": lambda: dashboard.dashboard(session, on=ON, user=SYSTEM),
    }
    for name, run in runs.items():
        with count_queries(session) as n:
            run()
        out[name] = n.count
    return out


def test_query_counts_do_not_grow_with_data(session, imported, count_queries):
    small = calls(session, count_queries)
    build_province(session, plans=4, tasks=300, agencies=25, years=3, today=ON)
    big = calls(session, count_queries)
    assert big == small
    assert small["statuses"] <= 6
    assert small["list_tasks"] <= 10
