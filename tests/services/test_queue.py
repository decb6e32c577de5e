"""The worker's queue on PostgreSQL (procrastinate in the app's database)."""

from __future__ import annotations

import pytest

from kehoach.errors import KehoachError
from kehoach.services.queue import conninfo, utc_cron

HANOI = 7 * 3600


def test_schedules_in_hanoi_time_become_utc():
    assert utc_cron("0 7-17 * * *", HANOI) == "0 0,1,2,3,4,5,6,7,8,9,10 * * *"
    assert utc_cron("30 1 * * *", HANOI) == "30 18 * * *"  # 01:30 in Hà Nội: 18:30 UTC
    assert utc_cron("*/5 * * * *", HANOI) == "*/5 * * * *"
    assert utc_cron("0 9 * * 1-5", HANOI) == "0 2 * * 1-5"  # same day: allowed
    assert utc_cron("0 7-17 * * *", 0) == "0 7-17 * * *"


def test_a_schedule_that_would_change_its_days_is_refused():
    with pytest.raises(KehoachError, match="crosses midnight"):
        utc_cron("30 1 * * 1", HANOI)
    with pytest.raises(KehoachError, match="not a crontab line"):
        utc_cron("every morning", HANOI)
    with pytest.raises(KehoachError, match="whole number of hours"):
        utc_cron("0 7 * * *", 5 * 3600 + 1800)


def test_the_queue_needs_postgresql():
    assert (
        conninfo("postgresql+psycopg://u:p@db:5432/kehoach") == "postgresql://u:p@db:5432/kehoach"
    )
    with pytest.raises(KehoachError, match="needs PostgreSQL, not sqlite"):
        conninfo("sqlite:///var/kehoach.db")


@pytest.mark.postgres
def test_a_deferred_backup_is_run_by_the_worker(own_pg_url, tmp_path):
    """`kehoach jobs defer backup` then a worker: the archive appears in KEHOACH_BACKUP_DIR."""
    from kehoach.services.queue import defer, ensure_schema, run_worker
    from kehoach.settings import Settings
    from kehoach.store.db import open_database

    url = own_pg_url
    open_database(url)
    settings = Settings(
        database_url=url, data_dir=tmp_path / "data", backup_dir=str(tmp_path / "backups")
    )
    assert ensure_schema(url) is True and ensure_schema(url) is False
    job_id = defer(settings, "backup")
    assert job_id > 0
    run_worker(settings, ["backups"], once=True)
    made = list((tmp_path / "backups").glob("kehoach-*.tar.gz"))
    assert len(made) == 1
    with pytest.raises(KehoachError, match="no job named nap"):
        defer(settings, "nap")
