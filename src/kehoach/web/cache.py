"""Computed views (dashboard, "my unit", plan summary) kept between changes.

Status is computed from reports and the date, never stored (architecture
principle), and computing it for a province takes a few hundred ms. Between two
changes the answer is the same, so each worker process keeps recent answers
keyed by what the user may see, the date and `audit.data_version` —
any change anywhere makes every entry stale.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from kehoach.services.types import UserView

T = TypeVar("T")
MAX_ENTRIES = 512
WAIT_SECONDS = 10.0


def scope(user: UserView | None) -> Hashable:
    """What a user may see: everything (national), one jurisdiction's plans, one agency's
    tasks (each + public plans), or public plans."""
    if user is None:
        return "public"
    if user.role == "reporter":
        return ("agency", user.agency_id)
    if not user.national:
        return ("jurisdiction", user.jurisdiction_id)
    return "all"


class ViewCache:
    """A small LRU of computed views, valid for one data version."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self._entries: OrderedDict[Hashable, tuple[int, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict[Hashable, threading.Lock] = {}
        self.max_entries = max_entries

    def get(self, session: Any, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached value for `key` at the current data version, else `compute()`."""
        from kehoach.services.audit import data_version

        version = data_version(session)
        hit = self._lookup(key, version)
        if hit is not None:
            return hit[0]
        with self._lock:
            computing = self._computing.setdefault(key, threading.Lock())
        # Many requests missing at once: one computes, the others wait for it — but never
        # for long, so a slow or stuck computation cannot hold every other request.
        waited = computing.acquire(timeout=WAIT_SECONDS)
        try:
            hit = self._lookup(key, version)
            if hit is not None:
                return hit[0]
            value = compute()
            self._store(key, version, value)
        finally:
            if waited:
                computing.release()
        return value

    def _lookup(self, key: Hashable, version: int) -> tuple[Any] | None:
        with self._lock:
            hit = self._entries.get(key)
            if hit is not None and hit[0] == version:
                self._entries.move_to_end(key)
                return (hit[1],)
        return None

    def _store(self, key: Hashable, version: int, value: Any) -> None:
        with self._lock:
            self._entries[key] = (version, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                old, _ = self._entries.popitem(last=False)
                self._computing.pop(old, None)

    def clear(self) -> None:
        """Forget everything."""
        with self._lock:
            self._entries.clear()


def views(request: Any) -> ViewCache:
    """The app's cache."""
    return request.app.state.views
