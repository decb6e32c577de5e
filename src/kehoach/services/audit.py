"""The audit log: who changed what, when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kehoach.services.types import UserView
from kehoach.store.db import data_version as read_version
from kehoach.store.db import mark_changed
from kehoach.store.tables import AuditLog, User


@dataclass(frozen=True)
class AuditView:
    id: int
    at: datetime
    username: str | None
    action: str
    entity: str
    entity_id: int | None
    detail: str


def record(
    session: Session,
    user: UserView | None,
    action: str,
    entity: str,
    entity_id: int | None,
    detail: str = "",
) -> None:
    """Append one audit row (flushed with the caller's transaction); the data version rises
    when that transaction commits."""
    mark_changed(session)
    session.add(
        AuditLog(
            user_id=user.id if user and user.id else None,
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=detail,
        )
    )


def recent(
    session: Session, limit: int = 50, entity: str | None = None, entity_id: int | None = None
) -> list[AuditView]:
    """The newest audit rows first (of one record, given `entity` and `entity_id`)."""
    stmt = select(AuditLog, User.username).outerjoin(User, User.id == AuditLog.user_id)
    if entity is not None:
        stmt = stmt.where(AuditLog.entity == entity, AuditLog.entity_id == entity_id)
    rows = session.execute(stmt.order_by(AuditLog.id.desc()).limit(limit)).all()
    return [
        AuditView(a.id, a.at, name, a.action, a.entity, a.entity_id, a.detail) for a, name in rows
    ]


def data_version(session) -> int:
    """A number that changes whenever anything is changed through the services.

    Every change writes an `audit_log` row, which raises the `data_version` row when its
    transaction commits; so the number identifies the state of the data in every process
    (for caching computed pages between changes). One primary-key read, whatever the size.
    """
    return read_version(session)
