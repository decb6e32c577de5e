"""Accounts, roles, passwords (argon2), API tokens and permission checks."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kehoach.errors import Conflict, NotFound, PermissionDenied, ValidationError
from kehoach.services import audit
from kehoach.services.agencies import find_agencies, unknown_agency
from kehoach.services.types import TokenView, UserView
from kehoach.store.tables import Agency, ApiToken, Jurisdiction, User

ROLES = ("admin", "officer", "reporter", "viewer")
MIN_PASSWORD = 8
_hasher = None


def _ph():
    global _hasher
    if _hasher is None:
        from argon2 import PasswordHasher

        _hasher = PasswordHasher()
    return _hasher


def hash_password(password: str) -> str:
    """An argon2id hash of the password."""
    return _ph().hash(password)


def _view(user: User, agency_name: str | None, place: str | None, level: str | None) -> UserView:
    return UserView(
        user.id,
        user.username,
        user.role,
        user.agency_id,
        agency_name,
        user.active,
        user.jurisdiction_id,
        place,
        level == "national",
        password_changed_at=user.password_changed_at,
    )


def _select():
    return (
        select(User, Agency.name, Jurisdiction.name, Jurisdiction.level)
        .outerjoin(Agency, Agency.id == User.agency_id)
        .outerjoin(Jurisdiction, Jurisdiction.id == User.jurisdiction_id)
    )


def _load(session: Session, where) -> UserView | None:
    row = session.execute(_select().where(where)).first()
    return _view(*row) if row else None


def _agency(session: Session, agency: str | int | None, jurisdiction) -> Agency | None:
    """The account's agency: by id, or by name (within `jurisdiction` when one is given)."""
    if agency is None or agency == "":
        return None
    if isinstance(agency, int):
        row = session.get(Agency, agency)
        if row is None:
            raise ValidationError("no agency with id {agency_id}", field="agency", agency_id=agency)
    else:
        found = find_agencies(session, agency, jurisdiction.id if jurisdiction else None)
        if not found:
            raise unknown_agency(session, agency, ValidationError, field="agency")
        if len(found) > 1:
            places = ", ".join(a.jurisdiction_name or "?" for a in found)
            raise ValidationError(
                "'{name}' is an agency of several jurisdictions ({places}); "
                "give its province (--province)",
                field="agency",
                name=agency,
                places=places,
            )
        row = session.get(Agency, found[0].id)
    assert row is not None
    if row.kind != "agency":
        raise ValidationError(
            "'{name}' is marked as not an agency; an account cannot belong to it",
            field="agency",
            name=row.name,
        )
    return row


def create_user(
    session: Session,
    username: str,
    password: str,
    role: str,
    agency: str | int | None = None,
    actor: UserView | None = None,
    jurisdiction: str | int | None = None,
) -> UserView:
    """Add an account. A reporter belongs to an agency (and sees its tasks); others to a
    jurisdiction (a province name or code, `toàn quốc`; national when not given)."""
    from kehoach.services.jurisdictions import find_jurisdiction

    username = username.strip()
    if not username:
        raise ValidationError("a username is required", field="username")
    if len(username) > 100:
        raise ValidationError("a username has at most 100 characters", field="username")
    if role not in ROLES:
        raise ValidationError("role must be one of {roles}", field="role", roles=ROLES)
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            "the password must have at least {count} characters",
            field="password",
            count=MIN_PASSWORD,
        )
    place = find_jurisdiction(session, jurisdiction) if jurisdiction not in (None, "") else None
    unit = _agency(session, agency, place)
    if role == "reporter" and unit is None:
        raise ValidationError("a reporter must belong to an agency: give --agency", field="agency")
    if role == "reporter" and unit is not None:
        jurisdiction_id = unit.jurisdiction_id
    else:
        jurisdiction_id = place.id if place else find_jurisdiction(session, None).id
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise Conflict(
            "the username '{username}' is taken; choose another",
            where="username",
            username=username,
        )
    user = User(
        username=username,
        password_hash=hash_password(password),
        role=role,
        agency_id=unit.id if unit else None,
        jurisdiction_id=jurisdiction_id,
    )
    session.add(user)
    try:
        session.flush()
    except IntegrityError:
        raise Conflict(
            "the username '{username}' is taken; choose another",
            where="username",
            username=username,
        ) from None
    audit.record(session, actor, "create", "user", user.id, f"{username} ({role})")
    return get_user(session, user.id)


def get_user(session: Session, user_id: int) -> UserView:
    """One account."""
    view = _load(session, User.id == user_id)
    if view is None:
        raise NotFound("no user with id {user_id}", user_id=user_id)
    return view


def find_user(session: Session, username: str) -> UserView:
    """The account with this username; `NotFound` naming it otherwise."""
    view = _load(session, User.username == username.strip())
    if view is None:
        raise NotFound(
            "no user named '{username}'; `kehoach user list` shows them", username=username.strip()
        )
    return view


def list_users(session: Session) -> list[UserView]:
    """All accounts by username."""
    rows = session.execute(_select().order_by(User.username)).all()
    return [_view(*row) for row in rows]


def authenticate(session: Session, username: str, password: str) -> UserView:
    """The account for these credentials; `PermissionDenied` for any failure (same message)."""
    from argon2.exceptions import InvalidHashError, VerifyMismatchError

    user = session.scalar(select(User).where(User.username == username.strip()))
    denied = PermissionDenied("wrong username or password")
    if user is None or not user.active:
        hash_password(password)  # same time either way
        raise denied
    try:
        _ph().verify(user.password_hash, password)
    except (VerifyMismatchError, InvalidHashError):
        raise denied from None
    if _ph().check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return get_user(session, user.id)


def _check_password(password: str, field: str = "password") -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            "the password must have at least {count} characters", field=field, count=MIN_PASSWORD
        )


def _replace_password(user: User, password: str) -> None:
    user.password_hash = hash_password(password)
    # sessions started before now end: a changed password logs the account out elsewhere
    user.password_changed_at = datetime.now(UTC)


def set_password(session: Session, user_id: int, password: str, actor: UserView | None) -> None:
    """Replace an account's password (an administrator's reset); its sessions end."""
    _check_password(password)
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("no user with id {user_id}", user_id=user_id)
    _replace_password(user, password)
    audit.record(session, actor, "set_password", "user", user_id)


def change_password(session: Session, user: UserView, old: str, new: str) -> UserView:
    """A user changes their own password, proving the old one; other sessions end."""
    from argon2.exceptions import InvalidHashError, VerifyMismatchError

    row = session.get(User, user.id)
    if row is None or not row.active:
        raise PermissionDenied("this account cannot change its password")
    try:
        _ph().verify(row.password_hash, old)
    except (VerifyMismatchError, InvalidHashError):
        raise ValidationError("the current password is wrong", field="old_password") from None
    _check_password(new, field="new_password")
    if new == old:
        raise ValidationError(
            "the new password is the same as the current one", field="new_password"
        )
    _replace_password(row, new)
    audit.record(session, user, "change_password", "user", user.id)
    return get_user(session, user.id)


def set_active(session: Session, user_id: int, active: bool, actor: UserView | None) -> None:
    """Enable or disable an account (its sessions and tokens stop working while disabled).

    An administrator cannot disable their own account, nor the last active administrator,
    so that someone can always manage the accounts.
    """
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("no user with id {user_id}", user_id=user_id)
    if not active:
        if actor is not None and actor.id == user_id:
            raise Conflict("you cannot disable your own account", where="active")
        others = session.scalar(
            select(func.count(User.id)).where(User.role == "admin", User.active, User.id != user_id)
        )
        if user.role == "admin" and user.active and not others:
            raise Conflict(
                "this is the last active administrator; enable or add another first",
                where="active",
            )
    user.active = active
    audit.record(session, actor, "activate" if active else "deactivate", "user", user_id)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(
    session: Session, user_id: int, name: str = "api", actor: UserView | None = None
) -> str:
    """A new API token for the user; the plaintext is returned once, only its hash is kept."""
    get_user(session, user_id)
    token = "kh_" + secrets.token_urlsafe(32)
    row = ApiToken(user_id=user_id, name=(name or "api")[:100], token_hash=_token_hash(token))
    session.add(row)
    session.flush()
    audit.record(session, actor, "create", "api_token", row.id, name)
    return token


def verify_token(session: Session, token: str) -> UserView:
    """The active account owning this token; `PermissionDenied` otherwise."""
    row = session.scalar(
        select(ApiToken).where(ApiToken.token_hash == _token_hash(token), ~ApiToken.revoked)
    )
    if row is None:
        raise PermissionDenied("invalid or revoked API token")
    user = get_user(session, row.user_id)
    if not user.active:
        raise PermissionDenied("the account of this token is disabled")
    now = datetime.now(UTC)
    last = row.last_used_at
    if last is None or now - last > timedelta(minutes=5):  # not a write per API request
        row.last_used_at = now
    return user


def list_tokens(session: Session, user_id: int) -> list[TokenView]:
    """An account's API tokens, newest first (never the token itself: only its hash is kept)."""
    rows = session.scalars(
        select(ApiToken).where(ApiToken.user_id == user_id).order_by(ApiToken.id.desc())
    ).all()
    return [TokenView(t.id, t.name, t.created_at, t.last_used_at, t.revoked) for t in rows]


def revoke_token(session: Session, token_id: int, actor: UserView | None) -> None:
    """Stop a token from working: its owner or an administrator (None: the command line)."""
    row = session.get(ApiToken, token_id)
    if row is None or not (actor is None or can_manage_users(actor) or row.user_id == actor.id):
        raise NotFound(
            "no API token with id {token_id}", token_id=token_id
        )  # another's token: not even its id
    if not row.revoked:
        row.revoked = True
        audit.record(session, actor, "revoke", "api_token", token_id)


def can_edit_plan(user: UserView | None) -> bool:
    """Administrators and plan officers edit plans and follow up."""
    return user is not None and user.active and user.role in ("admin", "officer")


def can_manage_users(user: UserView | None) -> bool:
    """Only administrators manage accounts."""
    return user is not None and user.active and user.role == "admin"


def _agency_ids(task: Any, roles: tuple[str, ...]) -> set[int]:
    return {a.agency_id for a in getattr(task, "agencies", []) if a.role in roles}


def can_report(user: UserView | None, task: Any, agency_id: int | None = None) -> bool:
    """May `user` report on `task` (a TaskDetail) for `agency_id` (default: the user's own)?

    Officers and administrators may report for any agency named on the task; a
    reporter only for its own agency, and only when that agency leads or
    coordinates the task.
    """
    if user is None or not user.active:
        return False
    named = _agency_ids(task, ("lead", "coordinating"))
    if user.role in ("admin", "officer"):
        return agency_id is None or agency_id in named
    if user.role == "reporter":
        if agency_id is not None and agency_id != user.agency_id:
            return False
        return user.agency_id in named
    return False


def can_see_task(user: UserView | None, agency_ids: set[int], public: bool) -> bool:
    """Reporters see their agency's tasks; officers, admins and viewers their jurisdiction's
    (this check knows no plan: use `visibility.task_condition` for the jurisdiction)."""
    if user is None or not user.active:
        return public
    if user.role == "reporter":
        return user.agency_id in agency_ids or public
    return True
