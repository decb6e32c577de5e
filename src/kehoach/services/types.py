"""Value types shared by several services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a longer list."""

    items: list[T]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        """How many pages the whole list fills (at least 1)."""
        return max(1, -(-self.total // self.per_page))


@dataclass(frozen=True)
class UserView:
    """A user as the rest of the system sees it (no password hash)."""

    id: int
    username: str
    role: str
    agency_id: int | None
    agency_name: str | None
    active: bool
    # what the account sees: its jurisdiction (a reporter's is its agency's); `national`
    # accounts see every plan, others their province's (or commune's) own
    jurisdiction_id: int | None = None
    jurisdiction_name: str | None = None
    national: bool = False
    password_changed_at: datetime | None = None  # sessions started earlier have ended


@dataclass(frozen=True)
class TokenView:
    """An API token as its owner sees it: a name and dates, never the token."""

    id: int
    name: str
    created_at: datetime
    last_used_at: datetime | None
    revoked: bool


# The acting user of command-line and system actions (never stored as a user id).
SYSTEM = UserView(
    id=0,
    username="system",
    role="admin",
    agency_id=None,
    agency_name=None,
    active=True,
    national=True,
)
