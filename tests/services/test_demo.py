"""Demo data: the samples with accounts and reports; the synthetic province."""

from __future__ import annotations

from datetime import date

import pytest

from kehoach.services import demo, plans, status, users


def test_seed_demo(session):
    info = demo.seed_demo(session, today=date(2026, 7, 1))
    assert len(info.plan_ids) == 3
    assert [a.username for a in info.accounts] == [
        "admin",
        "officer",
        "reporter",
        "officer_dienbien",
        "reporter_dienbien",
        "viewer",
        "ministry",
    ]
    for a in info.accounts:
        account = users.authenticate(session, a.username, a.password)
        assert (account.role, account.agency_name) == (a.role, a.agency)
        assert account.jurisdiction_name == a.province
        assert account.national == (a.province == "Toàn quốc")
    cao_bang = users.authenticate(session, "reporter", "reporter-demo")
    dien_bien = users.authenticate(session, "reporter_dienbien", "reporter-dienbien-demo")
    assert cao_bang.agency_name == dien_bien.agency_name == demo.DEMO_AGENCY
    assert cao_bang.agency_id != dien_bien.agency_id  # each province its own Sở VHTTDL
    mine = plans.list_plans(session, users.authenticate(session, "officer", "officer-demo"))
    assert {p.jurisdiction_name for p in mine} == {"Cao Bằng"} and len(mine) == 2
    from kehoach.services import notifications

    officer = users.authenticate(session, "officer", "officer-demo")
    bell = notifications.unread_count(session, officer)
    assert bell >= 1  # today's digest and escalations are under the officer's bell
    again = demo.seed_demo(session, today=date(2026, 7, 1))  # idempotent
    assert again.plan_ids == info.plan_ids
    assert notifications.unread_count(session, officer) == bell


def test_build_province_small(session):
    info = demo.build_province(
        session, plans=3, tasks=150, agencies=12, years=2, today=date(2026, 7, 1)
    )
    assert (info.plans, info.tasks, info.agencies) == (3, 150, 12)
    assert info.reports > 150
    found = status.statuses(session, date(2026, 7, 1))
    assert len(found) == 150


@pytest.mark.slow
def test_build_province_full_size(session, db_url):
    """The benchmark's province (`kehoach bench status` times it: speed is measured there,
    not asserted here) builds whole and every task gets a status."""
    if not db_url.startswith("sqlite"):
        return  # the full-size build is the benchmark's, on SQLite, the default store
    info = demo.build_province(session, today=date(2026, 11, 25))
    assert (info.plans, info.tasks, info.agencies) == (30, 2000, 60)
    assert info.reports >= 20_000
    found = status.statuses(session, date(2026, 11, 25))
    assert len(found) == 2000
