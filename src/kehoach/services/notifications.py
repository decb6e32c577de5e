"""In-app notifications: what the bell in the header counts and the notifications page lists.

A notification belongs to one user; only that user reads it or marks it read
(anyone else gets `NotFound`). Reading one is not an audited change: it must not
invalidate the computed views the audit log versions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from kehoach.errors import NotFound
from kehoach.services import audit
from kehoach.services.mailer import check_address
from kehoach.services.types import Page, UserView
from kehoach.store.tables import Notification, User, utcnow

MAX_PER_PAGE = 200


@dataclass(frozen=True)
class NotificationView:
    id: int
    kind: str
    title: str
    body: str
    link: str
    created_at: datetime
    read_at: datetime | None

    @property
    def unread(self) -> bool:
        """Not read yet."""
        return self.read_at is None


def _view(n: Notification) -> NotificationView:
    return NotificationView(n.id, n.kind, n.title, n.body, n.link, n.created_at, n.read_at)


def add_notification(
    session: Session,
    user_id: int,
    kind: str,
    title: str,
    body: str = "",
    link: str = "",
    reminder_id: int | None = None,
) -> None:
    """Put a message under a user's bell."""
    session.add(
        Notification(
            user_id=user_id, kind=kind, title=title, body=body, link=link, reminder_id=reminder_id
        )
    )


def unread_count(session: Session, user: UserView) -> int:
    """How many of the user's notifications are unread."""
    return (
        session.scalar(
            select(func.count(Notification.id)).where(
                Notification.user_id == user.id, Notification.read_at.is_(None)
            )
        )
        or 0
    )


def list_notifications(
    session: Session, user: UserView, *, unread_only: bool = False, page: int = 1, per_page=30
) -> Page[NotificationView]:
    """The user's notifications, newest first."""
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    page = max(1, min(page, 1_000_000))
    where = [Notification.user_id == user.id]
    if unread_only:
        where.append(Notification.read_at.is_(None))
    total = session.scalar(select(func.count(Notification.id)).where(*where)) or 0
    rows = session.scalars(
        select(Notification)
        .where(*where)
        .order_by(Notification.created_at.desc(), Notification.id.desc())
        .offset((page - 1) * per_page)
        .limit(per_page)
    ).all()
    return Page([_view(n) for n in rows], total, page, per_page)


def _own(session: Session, user: UserView, notification_id: int) -> Notification:
    n = session.get(Notification, notification_id)
    if n is None or n.user_id != user.id:
        raise NotFound("no notification with id {notification_id}", notification_id=notification_id)
    return n


def mark_read(session: Session, user: UserView, notification_id: int) -> NotificationView:
    """Mark one of the user's notifications read (reading it twice keeps the first time)."""
    n = _own(session, user, notification_id)
    if n.read_at is None:
        n.read_at = utcnow()
        session.flush()
    return _view(n)


def mark_all_read(session: Session, user: UserView) -> int:
    """Mark every unread notification of the user read; how many were."""
    result = session.execute(
        update(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
    return int(getattr(result, "rowcount", 0) or 0)


def get_email(session: Session, user: UserView) -> str | None:
    """Where the user's reminders are e-mailed (None: in the app only)."""
    return session.scalar(select(User.email).where(User.id == user.id))


def set_email(
    session: Session, user: int | str, email: str | None, actor: UserView | None
) -> str | None:
    """Set (or with an empty value, remove) the address a user's reminders are e-mailed to.

    `user` is an id or a username.
    """
    if isinstance(user, int):
        row = session.get(User, user)
    else:
        row = session.scalar(select(User).where(User.username == user.strip()))
    if row is None:
        raise NotFound("no user '{username}'", where="username", username=user)
    row.email = check_address(email) if email and email.strip() else None
    audit.record(session, actor, "set_email", "user", row.id)
    return row.email
