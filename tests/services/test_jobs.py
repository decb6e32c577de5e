"""The background jobs as plain functions: a dated backup, the oldest removed beyond the count."""

from __future__ import annotations

from datetime import datetime

import pytest

from kehoach.errors import InputError
from kehoach.services import jobs
from kehoach.settings import Settings


def test_scheduled_backups_are_dated_and_rotated(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "notes.txt").write_text("not ours")
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'k.db'}",
        data_dir=tmp_path / "data",
        backup_dir=str(folder),
        backup_keep=2,
    )
    from kehoach.store.db import open_database

    open_database(settings.database_url)
    for day in (1, 2, 3):
        line = jobs.backup(settings, datetime(2026, 12, day, 1, 30))
        assert line.startswith(f"backup kehoach-2026-12-0{day}-0130.tar.gz")
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        "kehoach-2026-12-02-0130.tar.gz",
        "kehoach-2026-12-03-0130.tar.gz",
        "notes.txt",
    ]
    assert jobs.schedules(settings) == {"reminders": "0 7-17 * * *", "backup": "30 1 * * *"}


def test_no_backup_folder_no_scheduled_backup(tmp_path):
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'k.db'}", data_dir=tmp_path)
    assert "backup" not in jobs.schedules(settings)
    with pytest.raises(InputError, match="KEHOACH_BACKUP_DIR is not set"):
        jobs.backup(settings)
