"""The task table's filters, shared by the plan page, "my unit" and `GET /api/tasks`."""

from __future__ import annotations

import datetime as dt
from dataclasses import astuple, dataclass, fields, replace
from typing import Any
from urllib.parse import urlencode

from sqlalchemy.orm import Session

from kehoach.services.types import UserView

SORTS = ("position", "deadline", "status", "plan")
ROLES = ("lead", "coordinating", "directing")
TIMEFRAME_KINDS = ("window", "recurring", "continuous", "from", "on_request", "unknown")


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.replace("\x00", "").strip()
    return value or None


@dataclass(frozen=True)
class TaskFilters:
    """What the user asked the task table for; `run` calls `services.tasks.list_tasks`."""

    plan_id: int | None = None
    group: str | None = None
    agency_id: int | None = None
    role: str | None = None
    status: str | None = None
    timeframe: str | None = None
    q: str | None = None
    sort: str = "position"
    page: int = 1
    per_page: int = 50

    def __post_init__(self) -> None:
        for name in ("group", "status", "timeframe", "q", "role"):
            object.__setattr__(self, name, _clean(getattr(self, name)))
        if self.sort.lstrip("-") not in SORTS:
            object.__setattr__(self, "sort", "position")

    def run(self, session: Session, user: UserView | None, on: dt.date, cache: Any = None):
        """One page of tasks matching the filters, as the user may see them.

        With `cache` (a `ViewCache`), the page is computed once per data version.
        """
        from kehoach.services import tasks

        def compute():
            return tasks.list_tasks(
                session,
                user=user,
                plan_id=self.plan_id,
                group=self.group,
                agency_id=self.agency_id,
                role=self.role,
                status=self.status,
                timeframe_kind=self.timeframe,
                q=self.q,
                on=on,
                sort=self.sort,
                page=self.page,
                per_page=self.per_page,
            )

        if cache is None:
            return compute()
        from kehoach.web.cache import scope

        return cache.get(session, ("tasks", astuple(self), scope(user), on), compute)

    def query(self, **changes: Any) -> str:
        """The query string for these filters with `changes` applied (None drops a key)."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data.update(changes)
        data.pop("plan_id", None)
        defaults = {"sort": "position", "page": 1, "per_page": 50}
        kept = {k: v for k, v in data.items() if v not in (None, "") and defaults.get(k) != v}
        return urlencode(kept)

    def export_query(self, **extra: Any) -> str:
        """The filters as the export endpoints' query string (`/api/exports/tasks`, ledger)."""
        data = {
            "plan_id": self.plan_id,
            "group": self.group,
            "agency_id": self.agency_id,
            "role": self.role,
            "status": self.status,
            "timeframe": self.timeframe,
            "q": self.q,
            **extra,
        }
        return urlencode({k: v for k, v in data.items() if v not in (None, "")})

    def sorted_by(self, column: str) -> TaskFilters:
        """Filters sorted by `column`, flipping direction when already sorted by it."""
        new = f"-{column}" if self.sort == column else column
        return replace(self, sort=new, page=1)

    def active(self) -> bool:
        """True when any filter (not sort or paging) is set."""
        return any(
            getattr(self, n) is not None
            for n in ("group", "agency_id", "role", "status", "timeframe", "q")
        )


def detail_out(detail: Any):
    """`TaskDetail` -> its API body."""
    from kehoach.web.api.schemas import TaskDetailOut

    return TaskDetailOut.model_validate(detail)
