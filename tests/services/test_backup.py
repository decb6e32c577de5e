"""Backups: a database with plans, reports, attachments and audit entries, backed up and
restored into an empty database on the same backend, finds everything again."""

from __future__ import annotations

import io
import shutil
import tarfile
from pathlib import Path

import pytest

from kehoach.errors import Conflict, InputError, KehoachError
from kehoach.services import audit, backup, plans, reports, tasks, users
from kehoach.services.types import SYSTEM
from kehoach.settings import Settings
from kehoach.store.db import session_scope

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def filled(session, users, settings):
    """The samples, the accounts, two reports with an attachment each, committed."""
    reporter = users["reporter"]
    mine = tasks.list_tasks(session, user=reporter, role="lead", per_page=5).items
    for task, (name, data) in zip(mine[:2], [("bien-ban.pdf", PDF), ("anh.png", PNG)], strict=True):
        report = reports.submit_report(
            session, task_id=task.id, user=reporter, status="dang_trien_khai", percent=40
        )
        reports.add_attachment(session, report.id, reporter, name, data, settings)
    session.commit()
    return settings


@pytest.fixture
def empty_target(other_db_url, tmp_path):
    """Settings for an empty database of the same backend, with its own data folder."""
    return Settings(database_url=other_db_url, data_dir=tmp_path / "restored")


def snapshot(settings: Settings) -> dict:
    """Everything the test expects back: plans, tasks, reports, attachments' bytes, audit."""
    with session_scope(settings.database_url) as s:
        plan_rows = plans.list_plans(s, SYSTEM)
        task_rows = tasks.list_tasks(s, user=SYSTEM, per_page=500).items
        history = {t.id: reports.report_history(s, t.id, user=SYSTEM) for t in task_rows}
        files = {
            a.id: reports.open_attachment(s, a.id, user=SYSTEM, settings=settings)[0].read_bytes()
            for hist in history.values()
            for r in hist
            for a in r.attachments
        }
        return {
            "plans": [(p.id, p.document.title, p.task_count) for p in plan_rows],
            "tasks": [(t.id, t.text) for t in task_rows],
            "reports": {
                t: [(r.id, r.status, r.percent) for r in hist]
                for t, hist in history.items()
                if hist
            },
            "attachments": files,
            "audit": [(a.id, a.action, a.entity, a.entity_id, a.at) for a in audit.recent(s, 1000)],
            "users": [(u.username, u.role, u.active) for u in users.list_users(s)],
        }


def test_restore_into_an_empty_database_finds_everything(filled, empty_target, tmp_path):
    before = snapshot(filled)
    assert len(before["attachments"]) == 2 and len(before["reports"]) == 2
    archive = tmp_path / "backup.tar.gz"
    made = backup.backup(filled, archive)
    assert made.counts["plans"] == 3 and made.attachments == 2 and made.size > 0
    assert backup.read_manifest(archive).revision == made.revision

    restored = backup.restore(empty_target, archive)
    assert restored.counts == made.counts
    after = snapshot(empty_target)
    assert after["audit"][0][1:3] == ("restore", "database")  # the restore itself, on top
    after["audit"] = after["audit"][1:]
    assert after == before
    assert sorted(p.name for p in empty_target.attachments_dir.iterdir()) == sorted(
        p.name for p in filled.attachments_dir.iterdir()
    )
    # the restored database works: an account logs in, a report can be added
    with session_scope(empty_target.database_url) as s:
        reporter = users.authenticate(s, "reporter", "reporter-pass-1")
        task = next(iter(before["reports"]))
        reports.submit_report(s, task_id=task, user=reporter, status="hoan_thanh", percent=100)


def test_a_migrated_but_unused_database_counts_as_empty(filled, empty_target, tmp_path):
    """`kehoach serve` was started once on the new machine: the tables exist, no data."""
    from kehoach.store.db import open_database

    open_database(empty_target.database_url)
    archive = tmp_path / "backup.tar.gz"
    backup.backup(filled, archive)
    assert backup.restore(empty_target, archive).counts["plans"] == 3


def test_restore_refuses_a_target_with_data_unless_forced(filled, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    backup.backup(filled, archive)
    with pytest.raises(Conflict, match=r"already holds data .* add --force to replace it"):
        backup.restore(filled, archive)
    with session_scope(filled.database_url) as s:  # a change after the backup …
        users.create_user(s, "late", "late-pass-1", "viewer")
    backup.restore(filled, archive, force=True)  # … is gone after a forced restore
    with session_scope(filled.database_url) as s:
        assert "late" not in {u.username for u in users.list_users(s)}
        assert len(plans.list_plans(s, SYSTEM)) == 3


@pytest.mark.parametrize(
    "db_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)
def test_a_postgresql_backup_is_refused_by_sqlite(filled, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    backup.backup(filled, archive)
    other = Settings(database_url=f"sqlite:///{tmp_path / 'x.db'}", data_dir=tmp_path / "x")
    with pytest.raises(InputError, match=r"holds a postgresql database .* give --db a postgresql"):
        backup.restore(other, archive)


@pytest.mark.parametrize("damage", ["not-an-archive", "no-manifest", "damaged-attachment"])
def test_a_bad_archive_changes_nothing(filled, empty_target, tmp_path, damage):
    archive = tmp_path / "backup.tar.gz"
    backup.backup(filled, archive)
    bad = tmp_path / "bad.tar.gz"
    if damage == "not-an-archive":
        bad.write_bytes(b"hello")
    else:
        with tarfile.open(archive) as src, tarfile.open(bad, "w:gz") as dst:
            for member in src.getmembers():
                data = src.extractfile(member)
                if damage == "no-manifest" and member.name == "manifest.json":
                    continue
                if damage == "damaged-attachment" and member.name.startswith("attachments/"):
                    member.size = 3
                    data = io.BytesIO(b"bad")
                dst.addfile(member, data)
    with pytest.raises(InputError, match=r"bad\.tar\.gz"):
        backup.restore(empty_target, bad)
    assert not empty_target.attachments_dir.exists()
    from kehoach.store.backup import is_empty

    assert is_empty(empty_target.database_url)


def test_missing_file_and_folder_target(filled, tmp_path):
    with pytest.raises(InputError, match="no such backup file"):
        backup.restore(filled, tmp_path / "nope.tar.gz")
    with pytest.raises(InputError, match="is a folder"):
        backup.backup(filled, tmp_path)


def test_postgresql_without_pg_dump_is_one_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # a machine without PostgreSQL's client tools
    assert shutil.which("pg_dump") is None
    settings = Settings(database_url="postgresql+psycopg://nobody@127.0.0.1:1/x", data_dir=tmp_path)
    with pytest.raises(KehoachError, match=r"pg_dump is not installed.*postgresql-client"):
        backup.backup(settings, tmp_path / "b.tar.gz")
    assert not list(Path(tmp_path).glob("b.tar.gz*"))


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize(
    "empty_db_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)
def test_a_sqlite_backup_moves_onto_postgresql(filled, empty_db_url, tmp_path):
    """A province outgrowing the embedded database restores its SQLite backup on a server."""
    before = snapshot(filled)
    archive = tmp_path / "backup.tar.gz"
    backup.backup(filled, archive)
    target = Settings(database_url=empty_db_url, data_dir=tmp_path / "server")
    backup.restore(target, archive)
    after = snapshot(target)
    assert after["audit"][0][1:3] == ("restore", "database")
    after["audit"] = after["audit"][1:]
    assert after == before
    with session_scope(target.database_url) as s:  # new rows take the next ids
        added = users.create_user(s, "newcomer", "newcomer-pass", "viewer")
        assert added.id == max(u.id for u in users.list_users(s))
        first = next(iter(before["reports"]))
        reporter = users.authenticate(s, "reporter", "reporter-pass-1")
        report = reports.submit_report(s, task_id=first, user=reporter, status="hoan_thanh")
        assert report.id > max(r[0] for hist in before["reports"].values() for r in hist)
        assert audit.recent(s, 1)[0].at.tzinfo is not None
