"""Pages run a constant number of SQL queries: no N+1 as plans, tasks and reports grow."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from webkit import SO_VHTTDL, as_user

PAGES = [
    "/plans",
    "/plans/{plan}",
    "/plans/{plan}?q=van+hoa&sort=deadline",
    "/plans/{plan}?status=overdue",
    "/dashboard",
    "/my-unit",
    "/tasks/{task}",
    "/api/tasks?per_page=50",
    "/api/plans",
    "/api/dashboard",
    "/api/agencies",
]


@contextmanager
def counting(world):
    """Count the SQL statements sent while inside the block."""
    from sqlalchemy import event

    from kehoach.store.db import cached_engine

    engine = cached_engine(world.settings.database_url)
    seen: list[str] = []

    def on_execute(conn, cursor, statement, *args):
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", on_execute)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", on_execute)


def measure(world, reporter, officer, plan: int, task: int) -> dict[str, int]:
    counts = {}
    for template in PAGES:
        path = template.format(plan=plan, task=task)
        client = reporter if path == "/my-unit" else officer
        world.app.state.views.clear()  # count the work of computing the page, not a cache hit
        with counting(world) as seen:
            r = client.get(path)
        assert r.status_code == 200, (path, r.status_code)
        counts[path] = len(seen)
    return counts


def grow(world, size: int, seed: int) -> None:
    """More data: a synthetic province's plans, tasks, agencies and reports."""
    from kehoach.services.demo import build_province

    with world.session() as db:
        build_province(db, plans=4, tasks=size, agencies=15, years=3, seed=seed)


@pytest.mark.slow
def test_query_count_does_not_grow_with_data(world):
    officer = as_user(world, "officer")
    reporter = as_user(world, "reporter")
    plan = world.plans["002_06834df7b106b0a8"]
    task = world.lead_tasks(SO_VHTTDL)[0]
    # first make every list non-empty (an empty list skips its queries), then grow 4x
    grow(world, 150, seed=7)
    before = measure(world, reporter, officer, plan, task)
    grow(world, 600, seed=8)
    after = measure(world, reporter, officer, plan, task)
    assert after == before
    # the plan page, the heaviest, also shows its targets' indicator figures and the import
    # review's corrections: a fixed cost, not one that grows with data (checked above)
    assert max(before.values()) <= 45, before


def test_computed_views_are_cached_until_something_changes(world):
    officer = as_user(world, "officer")
    officer.get("/dashboard")
    with counting(world) as seen:
        assert officer.get("/dashboard").status_code == 200
    cached = len(seen)
    assert cached <= 6, seen  # the session's user, the data version, nothing recomputed
    reporter = as_user(world, "reporter")
    task = world.lead_tasks(SO_VHTTDL)[20]
    r = reporter.post(f"/tasks/{task}/reports", {"status": "dang_trien_khai", "percent": "5"})
    assert r.status_code == 303
    with counting(world) as seen:
        assert officer.get("/dashboard").status_code == 200
    assert len(seen) > cached  # a report was filed: the dashboard is computed again
