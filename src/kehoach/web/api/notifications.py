"""`/api/notifications`: the caller's in-app notifications (the bell), read and marked read."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Path, Query

from kehoach.web.api.inputs import MAX_ID, PageNo
from kehoach.web.api.schemas import ERRORS, Out, PageOut
from kehoach.web.auth import CsrfChecked
from kehoach.web.deps import CurrentUser, Db

router = APIRouter(tags=["notifications"], responses=ERRORS, dependencies=[CsrfChecked])

NotificationId = Annotated[int, Path(ge=1, le=MAX_ID, description="Notification id")]


class NotificationOut(Out):
    id: int
    kind: str
    title: str
    body: str
    link: str
    created_at: dt.datetime
    read_at: dt.datetime | None
    unread: bool


class UnreadOut(Out):
    unread: int


@router.get("/notifications", response_model=PageOut[NotificationOut])
def list_notifications(
    db: Db,
    user: CurrentUser,
    unread: Annotated[bool, Query(description="Only the unread ones")] = False,
    page: PageNo = 1,
    per_page: Annotated[int, Query(ge=1, le=200)] = 30,
) -> PageOut[NotificationOut]:
    """The caller's notifications, newest first."""
    from kehoach.services import notifications

    found = notifications.list_notifications(
        db, user, unread_only=unread, page=page, per_page=per_page
    )
    return PageOut[NotificationOut].model_validate(found)


@router.get("/notifications/unread", response_model=UnreadOut)
def unread_count(db: Db, user: CurrentUser) -> UnreadOut:
    """How many of the caller's notifications are unread (the bell's number)."""
    from kehoach.services import notifications

    return UnreadOut(unread=notifications.unread_count(db, user))


@router.post("/notifications/{notification_id}/read", response_model=NotificationOut)
def mark_read(notification_id: NotificationId, db: Db, user: CurrentUser) -> NotificationOut:
    """Mark one of the caller's notifications read."""
    from kehoach.services import notifications

    return NotificationOut.model_validate(notifications.mark_read(db, user, notification_id))


@router.post("/notifications/read-all", response_model=UnreadOut)
def mark_all_read(db: Db, user: CurrentUser) -> UnreadOut:
    """Mark every notification of the caller read."""
    from kehoach.services import notifications

    notifications.mark_all_read(db, user)
    return UnreadOut(unread=0)
