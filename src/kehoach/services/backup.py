"""`kehoach backup` and `kehoach restore`: the database and the attachments in one file.

The archive is a gzip'd tar holding `manifest.json` (what, when, which schema
revision, rows per table), the database copy (`store.backup`: SQLite's backup API
or `pg_dump`) and `attachments/<sha256>` for every stored file. A restore checks
the whole archive before it touches anything, restores into the same backend (or moves
a SQLite backup onto PostgreSQL, row by row), refuses a target that already holds
data unless forced, brings an older backup up to the current schema, and records
itself in the audit log.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kehoach.errors import Conflict, InputError
from kehoach.settings import Settings
from kehoach.store import backup as store_backup
from kehoach.store.db import current_revision, session_scope, upgrade_database

FORMAT = "kehoach-backup/1"
MANIFEST = "manifest.json"
DATABASE = {"sqlite": "database.sqlite", "postgresql": "database.pgdump"}
ATTACHMENT = re.compile(r"attachments/([0-9a-f]{64})")


@dataclass(frozen=True)
class BackupInfo:
    """What a backup holds (read from its manifest)."""

    path: Path
    backend: str
    revision: str | None
    created_at: str
    counts: dict[str, int]
    attachments: int
    size: int  # bytes of the archive


def backup(settings: Settings, path: Path) -> BackupInfo:
    """Write the database of `settings` and its attachments to the archive `path`."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path} is a folder; give a file name such as kehoach-backup.tar.gz")
    url = settings.database_url
    kind = store_backup.backend(url)
    files = _attachment_files(Path(settings.attachments_dir))
    with tempfile.TemporaryDirectory(prefix="kehoach-backup-") as tmp:
        copy = Path(tmp) / DATABASE[kind]
        store_backup.dump_database(url, copy)
        manifest = {
            "format": FORMAT,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "backend": kind,
            "revision": current_revision(url),
            "counts": store_backup.row_counts(url),
            "attachments": sorted(files),
        }
        partial = path.with_name(path.name + ".partial")  # never a half-written backup
        path.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(partial, "w:gz") as tar:
            _add_bytes(tar, MANIFEST, json.dumps(manifest, indent=2).encode())
            tar.add(copy, arcname=DATABASE[kind])
            for name, file in sorted(files.items()):
                tar.add(file, arcname=f"attachments/{name}")
        partial.replace(path)
    return _info(path, manifest)


def read_manifest(path: Path) -> BackupInfo:
    """What the archive at `path` holds, without restoring it."""
    with _open(path) as tar:
        return _info(Path(path), _manifest(tar, path))


def restore(settings: Settings, path: Path, *, force: bool = False) -> BackupInfo:
    """Put the archive's database and attachments into the place `settings` names.

    Refuses (`Conflict`) a database or attachments folder that already holds data,
    unless `force`: then the database is replaced and the archive's files are added.
    """
    path = Path(path)
    url = settings.database_url
    kind = store_backup.backend(url)
    folder = Path(settings.attachments_dir)
    with _open(path) as tar, tempfile.TemporaryDirectory(prefix="kehoach-restore-") as tmp:
        manifest = _manifest(tar, path)
        source_kind = manifest["backend"]
        if source_kind != kind and (source_kind, kind) != ("sqlite", "postgresql"):
            raise InputError(
                f"this backup holds a {source_kind} database and cannot be restored "
                f"into {kind}; give --db a {source_kind} URL",
                where=str(path),
            )
        _check_revision(manifest.get("revision"), path)
        if not force:
            _refuse_non_empty(url, folder)
        # unpack and check everything first: a bad archive changes nothing
        staged = Path(tmp)
        copy = staged / DATABASE[source_kind]
        _extract(tar, DATABASE[source_kind], copy, path)
        for name in manifest["attachments"]:
            target = staged / "attachments" / name
            _extract(tar, f"attachments/{name}", target, path)
            if hashlib.sha256(target.read_bytes()).hexdigest() != name:
                raise InputError(f"attachment {name} is damaged", where=str(path))
        if source_kind == kind:
            store_backup.load_database(url, copy)
        else:  # a SQLite backup moves onto a PostgreSQL server
            store_backup.load_sqlite_copy(url, copy)
        folder.mkdir(parents=True, exist_ok=True)
        for name in manifest["attachments"]:
            shutil.copyfile(staged / "attachments" / name, folder / name)
    upgrade_database(url)  # a backup made by an older release
    from kehoach.services import audit

    with session_scope(url) as session:
        detail = f"{path.name} ({manifest['created_at']})"
        audit.record(session, None, "restore", "database", None, detail)
    return _info(path, manifest)


def _attachment_files(folder: Path) -> dict[str, Path]:
    if not folder.is_dir():
        return {}
    return {
        p.name: p
        for p in folder.iterdir()
        if p.is_file() and ATTACHMENT.fullmatch(f"attachments/{p.name}")
    }


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    import io

    entry = tarfile.TarInfo(name)
    entry.size = len(data)
    entry.mtime = int(datetime.now(UTC).timestamp())
    tar.addfile(entry, io.BytesIO(data))


def _open(path: Path) -> tarfile.TarFile:
    if not Path(path).is_file():
        raise InputError("no such backup file", where=str(path))
    try:
        return tarfile.open(path, "r:gz")
    except (tarfile.TarError, OSError):
        raise InputError("not a kehoach backup (not a .tar.gz archive)", where=str(path)) from None


def _manifest(tar: tarfile.TarFile, path: Path) -> dict:
    try:
        member = tar.extractfile(MANIFEST)
        manifest = json.loads(member.read()) if member else None
    except (KeyError, ValueError, tarfile.TarError):
        manifest = None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise InputError("not a kehoach backup (no manifest)", where=str(path))
    return manifest


def _extract(tar: tarfile.TarFile, name: str, target: Path, path: Path) -> None:
    """Copy one member out by its exact name (never a path the archive chooses)."""
    try:
        member = tar.getmember(name)
        source = tar.extractfile(member) if member.isfile() else None
    except (KeyError, tarfile.TarError):
        source = None
    if source is None:
        raise InputError(f"the backup is missing {name}", where=str(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    with source, target.open("wb") as out:
        shutil.copyfileobj(source, out)


def _check_revision(revision: str | None, path: Path) -> None:
    """A backup from a newer kehoach (an unknown schema revision) is refused."""
    from alembic.script import ScriptDirectory

    from kehoach.store.db import MIGRATIONS

    if revision is None:
        return
    scripts = ScriptDirectory(str(MIGRATIONS))
    try:
        known = scripts.get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for an unknown id
        known = False
    if not known:
        raise InputError(
            f"the backup's database is at schema revision {revision}, which this kehoach "
            "does not know; restore it with the newer kehoach that made it",
            where=str(path),
        )


def _refuse_non_empty(url: str, folder: Path) -> None:
    filled = store_backup.tables_with_data(url)
    files = _attachment_files(folder)
    if filled or files:
        what = f"{len(filled)} tables with rows" if filled else f"{len(files)} attachments"
        raise Conflict(
            f"the target already holds data ({what}); restore into an empty database, "
            "or add --force to replace it"
        )


def _info(path: Path, manifest: dict) -> BackupInfo:
    return BackupInfo(
        path=path,
        backend=manifest["backend"],
        revision=manifest.get("revision"),
        created_at=manifest["created_at"],
        counts=dict(manifest.get("counts", {})),
        attachments=len(manifest.get("attachments", [])),
        size=path.stat().st_size,
    )
