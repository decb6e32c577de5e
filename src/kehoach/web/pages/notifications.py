"""The bell in the header and "Thông báo": a user's reminders, read and marked read."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from kehoach.errors import ValidationError
from kehoach.web.auth import CsrfChecked
from kehoach.web.deps import CurrentUser, Db, OptionalUser
from kehoach.web.i18n import _
from kehoach.web.render import flash, render

router = APIRouter(include_in_schema=False, dependencies=[CsrfChecked])

NotificationId = Annotated[int, Path(ge=1, le=2**31 - 1)]
CHANGED = "kehoach:notifications"  # an HX-Trigger event: the bell refreshes its count


def _page(request: Request, db, user, unread: bool, page: int, errors=None, status_code=200):
    from kehoach.services import notifications

    return render(
        request,
        "notifications.html",
        {
            "title": _("Notifications"),
            "section": "notifications",
            "items": notifications.list_notifications(db, user, unread_only=unread, page=page),
            "unread": unread,
            "unread_count": notifications.unread_count(db, user),
            "email": notifications.get_email(db, user),
            "errors": errors or {},
        },
        status_code=status_code,
    )


@router.get("/notifications/bell")
def bell(request: Request, db: Db, user: OptionalUser) -> Response:
    """The bell's unread count (an HTMX fragment, refreshed every minute)."""
    from kehoach.services import notifications

    if user is None:
        return HTMLResponse("")
    count = notifications.unread_count(db, user)
    # not `render`: a poll must not take the flash messages meant for the next page
    return request.app.state.templates.TemplateResponse(
        request, "_bell.html", {"bell_count": count}
    )


@router.get("/notifications")
def notifications_page(
    request: Request,
    db: Db,
    user: CurrentUser,
    unread: Annotated[bool, Query()] = False,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> Response:
    """The user's notifications, newest first (`?unread=1`: unread only)."""
    return _page(request, db, user, unread, page)


@router.post("/notifications/{notification_id}/read")
def mark_read(
    request: Request, notification_id: NotificationId, db: Db, user: CurrentUser
) -> Response:
    """Mark one notification read; HTMX gets the item back, a plain form the page."""
    from kehoach.services import notifications

    item = notifications.mark_read(db, user, notification_id)
    if request.headers.get("hx-request"):
        response = render(request, "_notification.html", {"n": item})
        response.headers["HX-Trigger"] = CHANGED
        return response
    return RedirectResponse("/notifications", status_code=303)


@router.post("/notifications/read-all")
def mark_all_read(request: Request, db: Db, user: CurrentUser) -> Response:
    """Mark every notification read."""
    from kehoach.services import notifications

    notifications.mark_all_read(db, user)
    flash(request, _("All notifications were marked as read."))
    return RedirectResponse("/notifications", status_code=303)


@router.post("/notifications/email")
def set_email(
    request: Request,
    db: Db,
    user: CurrentUser,
    email: Annotated[str, Form(max_length=400)] = "",
) -> Response:
    """The address the user's reminders are e-mailed to (empty: in the app only)."""
    from kehoach.services import notifications

    try:
        saved = notifications.set_email(db, user.id, email, user)
    except ValidationError:
        db.rollback()
        message = _("'%(value)s' is not an e-mail address.") % {"value": email}
        return _page(request, db, user, False, 1, {"email": message}, status_code=422)
    flash(
        request,
        _("Reminders will be e-mailed to %(email)s.") % {"email": saved}
        if saved
        else _("Reminders will be shown here only."),
    )
    return RedirectResponse("/notifications", status_code=303)
