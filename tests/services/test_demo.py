"""Demo data: the samples with accounts and reports; the synthetic province."""

from __future__ import annotations

import time
from datetime import date

import pytest

from kehoach.services import demo, status, users


def test_seed_demo(session):
    info = demo.seed_demo(session, today=date(2026, 7, 1))
    assert len(info.plan_ids) == 3
    assert [a[0] for a in info.accounts] == ["admin", "officer", "reporter", "viewer"]
    for username, password, role in info.accounts:
        assert users.authenticate(session, username, password).role == role
    reporter = users.authenticate(session, "reporter", "reporter-demo")
    assert reporter.agency_name == demo.DEMO_AGENCY
    again = demo.seed_demo(session, today=date(2026, 7, 1))  # idempotent
    assert again.plan_ids == info.plan_ids


def test_build_province_small(session):
    info = demo.build_province(
        session, plans=3, tasks=150, agencies=12, years=2, today=date(2026, 7, 1)
    )
    assert (info.plans, info.tasks, info.agencies) == (3, 150, 12)
    assert info.reports > 150
    found = status.statuses(session, date(2026, 7, 1))
    assert len(found) == 150


@pytest.mark.slow
def test_build_province_full_size_is_fast(session, db_url):
    if not db_url.startswith("sqlite"):
        return  # timed on SQLite, the default store
    info = demo.build_province(session, today=date(2026, 11, 25))
    assert (info.plans, info.tasks, info.agencies) == (30, 2000, 60)
    assert info.reports >= 20_000
    assert info.seconds < 60
    start = time.perf_counter()
    found = status.statuses(session, date(2026, 11, 25))
    elapsed = time.perf_counter() - start
    assert len(found) == 2000
    assert elapsed < 2.0  # aim 0.5 s; generous for slow CI machines
