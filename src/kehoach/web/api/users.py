"""`/api/users`: accounts, for administrators — list, reset a password, disable, enable."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from kehoach.web.api.inputs import MAX_ID, ActiveIn, PasswordIn
from kehoach.web.api.schemas import ERRORS, UserOut
from kehoach.web.auth import CsrfChecked
from kehoach.web.deps import Admin, Db

router = APIRouter(prefix="/users", tags=["accounts"], responses=ERRORS, dependencies=[CsrfChecked])

UserId = Annotated[int, Path(ge=1, le=MAX_ID, description="User id")]


@router.get("", response_model=list[UserOut])
def list_users(db: Db, admin: Admin) -> list[UserOut]:
    """Every account, by username."""
    from kehoach.services import users

    return [UserOut.model_validate(u) for u in users.list_users(db)]


@router.put("/{user_id}/password", status_code=204)
def set_password(user_id: UserId, body: PasswordIn, db: Db, admin: Admin) -> None:
    """Reset an account's password; the account's sessions end."""
    from kehoach.services import users

    users.set_password(db, user_id, body.password, admin)


@router.put("/{user_id}/active", status_code=204)
def set_active(user_id: UserId, body: ActiveIn, db: Db, admin: Admin) -> None:
    """Disable (`false`) or enable (`true`) an account; a disabled one cannot log in or use
    its tokens. Nobody can disable themselves or the last active administrator (409)."""
    from kehoach.services import users

    users.set_active(db, user_id, body.active, admin)
