"""Photos and documents attached to registry entries (heritage sites, intangible heritage,
institutions, villages, surveys): stored once per content by sha256 in the attachments
folder, with the same size and type checks as a report's attachments; images are shown as
thumbnails on the entry's page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kehoach.errors import NotFound, PermissionDenied
from kehoach.services import audit
from kehoach.services.heritage import get_site, may_keep
from kehoach.services.reports import CONTENT_TYPES, checked_upload, store_file
from kehoach.services.types import UserView
from kehoach.store.tables import RegistryFile

ENTITIES = ("heritage_site", "village", "institution", "intangible", "survey")
IMAGES = ("jpg", "png")


@dataclass(frozen=True)
class FileView:
    id: int
    entity: str
    entity_id: int
    name: str
    content_type: str
    size: int
    uploaded_at: datetime

    @property
    def image(self) -> bool:
        return self.content_type.startswith("image/")


def _province(session: Session, entity: str, entity_id: int, user: UserView | None) -> int:
    """The province of an entry `user` may read (NotFound otherwise)."""
    if entity == "heritage_site":
        return get_site(session, entity_id, user).jurisdiction_id
    if entity not in ENTITIES:
        raise NotFound("no registry named {name}", name=entity)
    from kehoach.services.registries import by_entity
    from kehoach.services.registry import get_entry

    return get_entry(session, by_entity(entity), entity_id, user).jurisdiction_id


def _settings(settings):
    if settings is None:
        from kehoach.settings import get_settings

        settings = get_settings()
    return settings


def add_file(
    session: Session, user: UserView | None, entity: str, entity_id: int, name: str,
    data: bytes, settings=None,
) -> FileView:  # fmt: skip
    """Attach a photo or document to an entry (its province's officers)."""
    settings = _settings(settings)
    province = _province(session, entity, entity_id, user)
    if not may_keep(session, province, user):
        raise PermissionDenied("only an officer of the province keeps its registry")
    safe, ext = checked_upload(name, data, settings)
    row = RegistryFile(
        entity=entity, entity_id=entity_id, name=safe,
        content_type=CONTENT_TYPES.get(ext, "application/octet-stream"), size=len(data),
        sha256=store_file(data, settings), uploaded_by=user.id if user and user.id else None,
    )  # fmt: skip
    session.add(row)
    session.flush()
    audit.record(session, user, "attach", entity, entity_id, safe)
    return _view(row)


def _view(f: RegistryFile) -> FileView:
    return FileView(f.id, f.entity, f.entity_id, f.name, f.content_type, f.size, f.uploaded_at)


def list_files(
    session: Session, entity: str, entity_id: int, user: UserView | None
) -> list[FileView]:
    """The files of an entry `user` may read, oldest first."""
    _province(session, entity, entity_id, user)
    rows = session.scalars(
        select(RegistryFile)
        .where(RegistryFile.entity == entity, RegistryFile.entity_id == entity_id)
        .order_by(RegistryFile.id)
    )
    return [_view(f) for f in rows]


def open_file(
    session: Session, file_id: int, user: UserView | None, settings=None
) -> tuple[Path, FileView]:
    """The stored file of an entry `user` may read."""
    hidden = NotFound("no file with id {file_id}", file_id=file_id)
    row = session.get(RegistryFile, file_id)
    if row is None:
        raise hidden
    try:
        _province(session, row.entity, row.entity_id, user)
    except NotFound:
        raise hidden from None
    path = Path(_settings(settings).attachments_dir) / row.sha256
    if not path.exists():
        raise NotFound("the attachment's file is missing from the store")
    return path, _view(row)
