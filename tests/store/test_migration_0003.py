"""Migration 0003 on a database made by the previous release (tests/data/release_0002.db,
see tests/data/make_release_0002_db.py): shared agencies are split by province, task links,
reports and accounts follow their plan's province, and nothing is lost. The same rows are
copied into a PostgreSQL database at revision 0002 and upgraded there too."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "release_0002.db"
SO = "Sở Văn hóa, Thể thao và Du lịch"
COUNTED = ("plans", "tasks", "task_agencies", "progress_reports", "users", "reporting_duties")


def _counts(conn) -> dict[str, int]:
    return {t: conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one() for t in COUNTED}


def _copy_into(url: str) -> None:
    """The fixture's rows into an empty database at revision 0002 (ids kept)."""
    from kehoach.store.db import cached_engine, upgrade_database

    upgrade_database(url, "0002")
    source = sa.create_engine(f"sqlite:///{FIXTURE}")
    old, new = sa.MetaData(), sa.MetaData()
    old.reflect(source)
    engine = cached_engine(url)
    new.reflect(engine)
    with source.connect() as src, engine.begin() as dst:
        for table in old.sorted_tables:
            if table.name == "alembic_version":
                continue
            rows = [dict(r._mapping) for r in src.execute(table.select())]
            if rows:
                dst.execute(new.tables[table.name].insert(), rows)
        for table in new.sorted_tables:
            if "id" in table.c:
                dst.execute(
                    sa.text(
                        f"SELECT setval('{table.name}_id_seq', "
                        f"(SELECT coalesce(max(id), 1) FROM {table.name}))"
                    )
                )
    source.dispose()


@pytest.fixture
def old_db(empty_db_url, tmp_path):
    """A database at revision 0002 holding the previous release's data."""
    if empty_db_url.startswith("sqlite"):
        path = tmp_path / "old.db"
        shutil.copy(FIXTURE, path)
        return f"sqlite:///{path}"
    _copy_into(empty_db_url)
    return empty_db_url


def test_fixture_is_the_previous_release():
    engine = sa.create_engine(f"sqlite:///{FIXTURE}")
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == "0002"
        shared = conn.execute(
            sa.text("SELECT count(*) FROM agencies WHERE name = :n"), {"n": SO}
        ).scalar()
    engine.dispose()
    assert shared == 1  # one Sở VHTTDL for both provinces, as the old release had it


def test_upgrade_splits_shared_agencies(old_db):
    from kehoach.store.db import cached_engine, current_revision, upgrade_database

    engine = cached_engine(old_db)
    with engine.connect() as conn:
        before = _counts(conn)
        reports_before = conn.execute(
            sa.text("SELECT id, task_id, percent FROM progress_reports ORDER BY id")
        ).all()
    upgrade_database(old_db)
    assert current_revision(old_db) == "0003" or current_revision(old_db) > "0003"
    with engine.connect() as conn:
        assert _counts(conn) == before  # nothing lost
        q = sa.text
        places = dict(
            conn.execute(
                q(
                    "SELECT j.name, a.id FROM agencies a JOIN jurisdictions j "
                    "ON j.id = a.jurisdiction_id WHERE a.name = :n"
                ),
                {"n": SO},
            ).all()
        )
        assert set(places) == {"Cao Bằng", "Điện Biên"}
        # every task link and report names an agency of its plan's province (or national)
        wrong = conn.execute(
            q(
                "SELECT count(*) FROM task_agencies ta JOIN tasks t ON t.id = ta.task_id "
                "JOIN plans p ON p.id = t.plan_id JOIN agencies a ON a.id = ta.agency_id "
                "JOIN jurisdictions j ON j.id = a.jurisdiction_id "
                "WHERE a.jurisdiction_id <> p.jurisdiction_id AND j.level = 'province'"
            )
        ).scalar()
        assert wrong == 0
        reports = conn.execute(
            q(
                "SELECT r.id, r.task_id, r.percent, j.name FROM progress_reports r "
                "JOIN agencies a ON a.id = r.agency_id "
                "JOIN jurisdictions j ON j.id = a.jurisdiction_id ORDER BY r.id"
            )
        ).all()
        assert [tuple(r[:3]) for r in reports] == [tuple(r) for r in reports_before]
        assert sorted(r[3] for r in reports) == ["Cao Bằng", "Cao Bằng", "Điện Biên", "Điện Biên"]
        accounts = {
            u: (a, j)
            for u, a, j in conn.execute(
                q(
                    "SELECT u.username, u.agency_id, j.name FROM users u "
                    "JOIN jurisdictions j ON j.id = u.jurisdiction_id"
                )
            )
        }
        # the reporter who reported most on Cao Bằng stays there, the other follows Điện Biên
        assert accounts["reporter"] == (places["Cao Bằng"], "Cao Bằng")
        assert accounts["reporter_db"] == (places["Điện Biên"], "Điện Biên")
        assert accounts["officer"] == (None, "Toàn quốc")
        plans = conn.execute(
            q(
                "SELECT j.name FROM plans p JOIN jurisdictions j ON j.id = p.jurisdiction_id "
                "ORDER BY p.id"
            )
        ).scalars()
        assert list(plans) == ["Cao Bằng", "Cao Bằng", "Điện Biên"]


def test_upgraded_database_works(old_db):
    from kehoach.services import tasks, users
    from kehoach.store.db import cached_engine, session_scope, upgrade_database

    upgrade_database(old_db)
    with session_scope(old_db) as db:
        reporter = users.authenticate(db, "reporter", "reporter-pass-1")
        assert reporter.jurisdiction_name == "Cao Bằng" and not reporter.national
        mine = tasks.list_tasks(db, user=reporter, per_page=200).items
        assert mine and {t.plan_id for t in mine} <= {1, 2}
        officer = users.authenticate(db, "officer", "officer-pass-1")
        assert officer.national
        assert tasks.list_tasks(db, user=officer, per_page=1).total == 44 + 20 + 47
    cached_engine(old_db).dispose()
