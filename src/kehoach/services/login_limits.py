"""Failed log-ins limited per account and per client address (the `limits` package).

Only failures count: a person who types the right password is never slowed. Once an
account or an address has used up its failures in the window, every attempt — even
with the right password — is refused with `TooManyAttempts` until the window moves on,
so a guesser learns nothing. The counts live where `settings.login_limit_storage`
says: `database` (the default: the app's own database, table `login_failures`, so every
server process behind the proxy counts the same failures), `memory://` for one process,
or a `limits` store such as `redis://host:6379`.
"""

from __future__ import annotations

import logging
import math
import time
from datetime import UTC, datetime, timedelta

from limits import RateLimitItem, parse, storage, strategies
from sqlalchemy import delete, select

from kehoach.errors import KehoachError, TooManyAttempts
from kehoach.store.db import session_scope
from kehoach.store.tables import LoginFailure

log = logging.getLogger("kehoach.login")
DATABASE = "database"


class DatabaseWindow:
    """A moving window of failures kept as rows of `login_failures`, shared by every process.

    The same three questions `limits`' strategies answer, in one short transaction each.
    """

    def __init__(self, sessions) -> None:
        self.sessions = sessions

    def locked_for(self, item: RateLimitItem, kind: str, key: str) -> float | None:
        """Seconds until the key may try again, None while fewer failures than the limit lie
        inside the window."""
        now = datetime.now(UTC)
        window = timedelta(seconds=item.get_expiry())
        with session_scope(self.sessions) as session:
            ats = session.scalars(
                select(LoginFailure.at)
                .where(
                    LoginFailure.kind == kind,
                    LoginFailure.key == key,
                    LoginFailure.at > now - window,
                )
                .order_by(LoginFailure.at.desc())
                .limit(item.amount)
            ).all()
        if len(ats) < item.amount:
            return None
        # the limit-th newest failure leaves the window first that brings the count below it
        return max((ats[-1] + window - now).total_seconds(), 1.0)

    def hit(self, item: RateLimitItem, kind: str, key: str) -> None:
        """Count one failure; failures older than the window are forgotten on the way."""
        now = datetime.now(UTC)
        with session_scope(self.sessions) as session:
            session.execute(
                delete(LoginFailure).where(
                    LoginFailure.kind == kind,
                    LoginFailure.key == key,
                    LoginFailure.at <= now - timedelta(seconds=item.get_expiry()),
                )
            )
            session.add(LoginFailure(kind=kind, key=key[:200], at=now))

    def clear(self, item: RateLimitItem, kind: str, key: str, session=None) -> None:
        """Forget the failures of one key, in `session` when the caller has one open: on
        SQLite a second connection would wait on the caller's own write (a rehashed password)."""
        forget = delete(LoginFailure).where(LoginFailure.kind == kind, LoginFailure.key == key)
        if session is not None:
            session.execute(forget)
            return
        with session_scope(self.sessions) as own:
            own.execute(forget)


class LoginLimiter:
    """Counts failed log-ins and refuses attempts beyond the limits."""

    def __init__(
        self,
        per_account: str = "10 per 15 minutes",
        per_address: str = "50 per 15 minutes",
        storage_uri: str = "memory://",
        sessions=None,
    ) -> None:
        """`storage_uri` "database" counts in the database `sessions` (a session factory) opens."""
        self.shared: DatabaseWindow | None = None
        try:
            self.per_account: RateLimitItem = parse(per_account)
            self.per_address: RateLimitItem = parse(per_address)
            if storage_uri.removesuffix("://") == DATABASE:
                if sessions is None:
                    raise ValueError("no database to count in")
                self.shared = DatabaseWindow(sessions)
                return
            store = storage.storage_from_string(storage_uri)
        except (ValueError, storage.ConfigurationError) as exc:
            raise KehoachError(
                "the log-in limits are misconfigured ({reason}); write them as "
                "'10 per 15 minutes' and the storage as database, memory:// or "
                "redis://host:6379",
                reason=exc,
            ) from None
        # a moving window where the store supports one: no burst of attempts at a window's edge
        if isinstance(store, storage.MovingWindowSupport):
            self.limiter: strategies.RateLimiter = strategies.MovingWindowRateLimiter(store)
        else:
            self.limiter = strategies.FixedWindowRateLimiter(store)

    @classmethod
    def from_settings(cls, settings, sessions=None) -> LoginLimiter:
        """The limiter the settings describe (`sessions`: the app's database)."""
        return cls(
            settings.login_limit_account,
            settings.login_limit_address,
            settings.login_limit_storage,
            sessions,
        )

    def _keys(self, username: str, address: str | None) -> list[tuple[RateLimitItem, str, str]]:
        keys = [(self.per_account, "login-account", username.strip())]
        if address:
            keys.append((self.per_address, "login-address", address))
        return keys

    def check(self, username: str, address: str | None) -> None:
        """Raise `TooManyAttempts` (with the wait) when the account or address is locked."""
        waits = []
        for item, kind, key in self._keys(username, address):
            if self.shared is not None:
                seconds = self.shared.locked_for(item, kind, key)
                if seconds is not None:
                    waits.append(math.ceil(seconds))
            elif not self.limiter.test(item, kind, key):
                reset = self.limiter.get_window_stats(item, kind, key).reset_time
                waits.append(math.ceil(reset - time.time()))
        if waits:
            # an operator sees guessing in the log (the username as typed, not a password)
            log.warning("log-in refused: too many failures for %r from %s", username, address)
            raise TooManyAttempts(max(waits))

    def failed(self, username: str, address: str | None) -> None:
        """Count one failed attempt against the account and the address."""
        for item, kind, key in self._keys(username, address):
            if self.shared is not None:
                self.shared.hit(item, kind, key)
            else:
                self.limiter.hit(item, kind, key)

    def succeeded(self, username: str, session=None) -> None:
        """A right password clears the account's failures (the address keeps its count);
        `session`: the request's own, when it is open (the clearing commits with it)."""
        if self.shared is not None:
            self.shared.clear(self.per_account, "login-account", username.strip(), session)
        else:
            self.limiter.clear(self.per_account, "login-account", username.strip())
