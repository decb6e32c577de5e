"""The one settings object: defaults, environment, refusing unsafe production settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.errors import KehoachError
from kehoach.settings import MIN_SECRET_LENGTH, Settings, get_settings


def test_defaults(monkeypatch):
    for name in ("KEHOACH_DATABASE_URL", "KEHOACH_DATA_DIR", "KEHOACH_ENV"):
        monkeypatch.delenv(name, raising=False)
    s = Settings()
    assert s.database_url == f"sqlite:///{Path('var') / 'kehoach.db'}"
    assert (s.due_soon_days, s.stalled_days) == (30, 60)
    assert s.max_attachment_bytes == 10 * 1024 * 1024
    assert set(s.allowed_attachment_types) == {"pdf", "docx", "xlsx", "jpg", "png"}


def test_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("KEHOACH_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("KEHOACH_DUE_SOON_DAYS", "14")
    s = Settings()
    assert s.database_url == f"sqlite:///{tmp_path / 'kehoach.db'}"
    assert s.due_soon_days == 14
    assert s.attachments_dir == tmp_path / "attachments"


def test_production_refuses_the_default_secret(monkeypatch):
    monkeypatch.setenv("KEHOACH_ENV", "production")
    monkeypatch.delenv("KEHOACH_SECRET_KEY", raising=False)
    with pytest.raises(KehoachError, match="KEHOACH_SECRET_KEY is the development default"):
        Settings()


def test_production_refuses_a_short_secret(monkeypatch):
    monkeypatch.setenv("KEHOACH_ENV", "production")
    monkeypatch.setenv("KEHOACH_SECRET_KEY", "x" * (MIN_SECRET_LENGTH - 1))
    with pytest.raises(KehoachError, match=f"shorter than {MIN_SECRET_LENGTH} characters"):
        Settings()
    monkeypatch.setenv("KEHOACH_SECRET_KEY", "x" * MIN_SECRET_LENGTH)
    assert Settings().env == "production"


def test_get_settings_is_cached():
    get_settings.cache_clear()
    assert get_settings() is get_settings()
    get_settings.cache_clear()


def test_login_limits_and_idle_time_are_checked(monkeypatch):
    s = Settings()
    assert (s.login_limit_account, s.login_limit_address) == (
        "10 per 15 minutes",
        "50 per 15 minutes",
    )
    assert s.login_limit_storage == "database" and s.session_idle_minutes == 60
    monkeypatch.setenv("KEHOACH_LOGIN_LIMIT_ACCOUNT", "ten a minute")
    with pytest.raises(KehoachError, match="KEHOACH_LOGIN_LIMIT_ACCOUNT is 'ten a minute'"):
        Settings()
    monkeypatch.setenv("KEHOACH_LOGIN_LIMIT_ACCOUNT", "5/minute")
    monkeypatch.setenv("KEHOACH_SESSION_IDLE_MINUTES", "0")
    with pytest.raises(KehoachError, match="KEHOACH_SESSION_IDLE_MINUTES must be more than 0"):
        Settings()
