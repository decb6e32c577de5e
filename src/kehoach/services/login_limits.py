"""Failed log-ins limited per account and per client address (the `limits` package).

Only failures count: a person who types the right password is never slowed. Once an
account or an address has used up its failures in the window, every attempt — even
with the right password — is refused with `TooManyAttempts` until the window moves on,
so a guesser learns nothing. The counts live where `settings.login_limit_storage`
says: `memory://` for one server process, a shared store (e.g. `redis://…`) when
several processes must count together.
"""

from __future__ import annotations

import logging
import math
import time

from limits import RateLimitItem, parse, storage, strategies

from kehoach.errors import KehoachError, TooManyAttempts

log = logging.getLogger("kehoach.login")


class LoginLimiter:
    """Counts failed log-ins and refuses attempts beyond the limits."""

    def __init__(
        self,
        per_account: str = "10 per 15 minutes",
        per_address: str = "50 per 15 minutes",
        storage_uri: str = "memory://",
    ) -> None:
        try:
            self.per_account: RateLimitItem = parse(per_account)
            self.per_address: RateLimitItem = parse(per_address)
            store = storage.storage_from_string(storage_uri)
        except (ValueError, storage.ConfigurationError) as exc:
            raise KehoachError(
                "the log-in limits are misconfigured ({reason}); write them as "
                "'10 per 15 minutes' and the storage as memory:// or redis://host:6379",
                reason=exc,
            ) from None
        # a moving window where the store supports one: no burst of attempts at a window's edge
        if isinstance(store, storage.MovingWindowSupport):
            self.limiter: strategies.RateLimiter = strategies.MovingWindowRateLimiter(store)
        else:
            self.limiter = strategies.FixedWindowRateLimiter(store)

    @classmethod
    def from_settings(cls, settings) -> LoginLimiter:
        """The limiter the settings describe."""
        return cls(
            settings.login_limit_account,
            settings.login_limit_address,
            settings.login_limit_storage,
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
            if not self.limiter.test(item, kind, key):
                reset = self.limiter.get_window_stats(item, kind, key).reset_time
                waits.append(math.ceil(reset - time.time()))
        if waits:
            # an operator sees guessing in the log (the username as typed, not a password)
            log.warning("log-in refused: too many failures for %r from %s", username, address)
            raise TooManyAttempts(max(waits))

    def failed(self, username: str, address: str | None) -> None:
        """Count one failed attempt against the account and the address."""
        for item, kind, key in self._keys(username, address):
            self.limiter.hit(item, kind, key)

    def succeeded(self, username: str) -> None:
        """A right password clears the account's failures (the address keeps its count)."""
        self.limiter.clear(self.per_account, "login-account", username.strip())
