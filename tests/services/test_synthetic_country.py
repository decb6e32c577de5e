"""The synthetic country of `kehoach bench seed`, at the tiny scale, on both backends."""

from __future__ import annotations

from datetime import date

import pytest

from kehoach.services import synthetic_country as country
from kehoach.services.status import task_status
from kehoach.store.db import open_database, session_scope


def _seed(url: str, seed: int = 1):
    with session_scope(open_database(url)) as db:
        info = country.seed_country(db, country.scale_for("tiny"), seed)
    with session_scope(url) as db:
        return info, country.fingerprint(db)


def test_the_same_seed_gives_the_same_database(db_url, other_db_url):
    info, first = _seed(db_url)
    _, again = _seed(other_db_url)
    assert first == again
    scale = country.SCALES["tiny"]
    assert info.provinces == scale.provinces
    assert info.plans == scale.provinces * scale.plans
    assert info.tasks == first["tasks"] == scale.provinces * scale.plans * scale.tasks
    assert info.reports == first["reports"] > info.tasks  # several half-years each
    assert info.indicators == scale.provinces * scale.indicators
    assert info.values == first["values"] == info.communes * scale.indicators * scale.years * 2
    assert info.sites == first["sites"] == scale.sites
    assert info.accounts == first["accounts"] == scale.provinces * scale.accounts


def test_another_seed_gives_other_data(db_url, other_db_url):
    _, one = _seed(db_url, seed=1)
    _, two = _seed(other_db_url, seed=2)
    assert one["sha256"] != two["sha256"]


def test_a_seeded_database_is_usable_and_refuses_a_second_seed(db_url):
    from kehoach.errors import KehoachError
    from kehoach.services import plans, users
    from kehoach.services.types import SYSTEM

    _seed(db_url)
    with session_scope(db_url) as db:
        listed = plans.list_plans(db, user=SYSTEM)
        assert len(listed) == 4 and all(p.task_count == 12 for p in listed)
        account = users.authenticate(db, "bench-01-001", country.BENCH_PASSWORD)
        assert account.role == "officer"
        created = users.create_user(db, "after-seed", "after-seed-pw-1", "viewer")
        assert created.id > 0  # the id sequences went past the hand-written ids
        with pytest.raises(KehoachError):
            country.seed_country(db, country.scale_for("tiny"), 1)


def test_statuses_read_only_recent_reports_yet_match_the_whole_history(db_url):
    """The history-flat lookup gives what reading every report gives, on any date."""
    from sqlalchemy import select

    from kehoach.services.periods import local_time
    from kehoach.services.status import ReportFact, clear_status_cache, statuses
    from kehoach.services.status_facts import gather_facts, task_scope
    from kehoach.settings import Settings
    from kehoach.store.tables import ProgressReport as PR

    _seed(db_url)
    settings = Settings(database_url=db_url)
    with session_scope(db_url) as db:
        every = db.execute(
            select(PR.task_id, PR.period, PR.status, PR.percent, PR.submitted_at)
            .where(PR.role == "lead")
            .order_by(PR.submitted_at, PR.id)
        ).all()
        for on in (date(2024, 6, 1), date(2025, 6, 25), date(2025, 12, 31), date(2026, 12, 2)):
            clear_status_cache()
            got = statuses(db, on, settings=settings)
            facts, _ = gather_facts(db, on, task_scope())
            for tid, f in facts.items():
                reps = [
                    ReportFact(p, s, pc, local_time(at)) for t, p, s, pc, at in every if t == tid
                ]
                assert got[tid] == task_status(f, reps, on), (tid, on)
