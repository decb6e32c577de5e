"""Failed log-ins limited per account and per address, with the wait to tell the user."""

from __future__ import annotations

import pytest

from kehoach.errors import KehoachError, TooManyAttempts
from kehoach.services.login_limits import LoginLimiter


def test_failures_lock_the_account_then_a_success_clears_them(caplog):
    limiter = LoginLimiter("3 per 15 minutes", "100 per minute")
    for _ in range(2):
        limiter.check("chi", "10.0.0.1")
        limiter.failed("chi", "10.0.0.1")
    limiter.succeeded("chi")
    for _ in range(3):
        limiter.check("chi", "10.0.0.1")
        limiter.failed("chi", "10.0.0.1")
    with pytest.raises(TooManyAttempts) as err:
        limiter.check("chi", "10.0.0.2")  # another address: the account is locked anyway
    assert 14 * 60 < err.value.retry_after <= 15 * 60 and err.value.minutes == 15
    assert str(err.value) == "too many failed log-ins; try again in 15 minutes"
    limiter.check("binh", "10.0.0.2")  # other accounts are not
    assert "too many failures for 'chi' from 10.0.0.2" in caplog.text


def test_failures_lock_the_address_across_accounts():
    limiter = LoginLimiter("100 per hour", "2 per 2 minutes")
    limiter.failed("a", "10.0.0.9")
    limiter.failed("b", "10.0.0.9")
    with pytest.raises(TooManyAttempts) as err:
        limiter.check("c", "10.0.0.9")
    assert err.value.minutes == 2
    limiter.check("c", "10.0.0.8")
    limiter.succeeded("c")  # a success elsewhere does not unlock the address
    with pytest.raises(TooManyAttempts):
        limiter.check("c", "10.0.0.9")


@pytest.mark.parametrize(
    ("account", "storage"), [("ten per minute", "memory://"), ("5 per minute", "nowhere://x")]
)
def test_misconfiguration_is_one_clear_message(account, storage):
    with pytest.raises(KehoachError, match="log-in limits are misconfigured"):
        LoginLimiter(account, "5 per minute", storage)


def test_the_database_counts_for_every_process(db_url):
    """Two limiters on one database (two server processes) count the same failures."""
    from kehoach.store.db import open_database

    sessions = open_database(db_url)
    one = LoginLimiter("3 per 15 minutes", "100 per minute", "database", sessions)
    other = LoginLimiter("3 per 15 minutes", "100 per minute", "database", sessions)
    one.failed("chi", "10.0.0.1")
    other.failed("chi", "10.0.0.2")
    one.check("chi", "10.0.0.1")  # two failures: not yet
    other.failed("chi", "10.0.0.3")
    for limiter in (one, other):
        with pytest.raises(TooManyAttempts) as err:
            limiter.check("chi", "10.0.0.4")
        assert 14 * 60 < err.value.retry_after <= 15 * 60
    other.check("binh", "10.0.0.4")
    one.succeeded("chi")  # a right password (seen by one process) clears it for all
    other.check("chi", "10.0.0.4")


def test_the_database_counts_addresses_too(db_url):
    from kehoach.store.db import open_database

    limiter = LoginLimiter("100 per hour", "2 per 2 minutes", "database://", open_database(db_url))
    limiter.failed("a", "10.0.0.9")
    limiter.failed("b", "10.0.0.9")
    with pytest.raises(TooManyAttempts) as err:
        limiter.check("c", "10.0.0.9")
    assert err.value.minutes == 2
    limiter.succeeded("c")  # the address keeps its count
    with pytest.raises(TooManyAttempts):
        limiter.check("c", "10.0.0.9")


def test_database_counting_needs_a_database():
    with pytest.raises(KehoachError, match="log-in limits are misconfigured"):
        LoginLimiter("5 per minute", "5 per minute", "database")
