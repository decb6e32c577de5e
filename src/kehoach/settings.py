"""The one settings object, read from the environment (`KEHOACH_*`) and checked at start-up."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from kehoach.errors import KehoachError

DEV_SECRET = "dev-secret-change-me"
MIN_SECRET_LENGTH = 32


class Settings(BaseSettings):
    """Everything configurable: `KEHOACH_DATABASE_URL`, `KEHOACH_DATA_DIR`, …"""

    model_config = SettingsConfigDict(env_prefix="KEHOACH_", extra="ignore")

    env: str = "development"
    data_dir: Path = Path("./var")
    database_url: str = ""  # empty: sqlite:///<data_dir>/kehoach.db
    secret_key: str = DEV_SECRET
    due_soon_days: int = 30
    stalled_days: int = 60
    max_attachment_bytes: int = 10 * 1024 * 1024
    allowed_attachment_types: tuple[str, ...] = ("pdf", "docx", "xlsx", "jpg", "png")
    public_base_url: str = "http://127.0.0.1:8000"
    # a session ends after this long without a request (it lasts a working day at most)
    session_idle_minutes: float = 60
    # failed log-ins allowed per account and per client address ("limits" notation), and
    # where they are counted: memory:// (one process) or a shared store such as
    # redis://host:6379 when several server processes run
    login_limit_account: str = "10 per 15 minutes"
    login_limit_address: str = "50 per 15 minutes"
    login_limit_storage: str = "memory://"

    @model_validator(mode="after")
    def _fill_and_check(self) -> Settings:
        if not self.database_url:
            self.database_url = f"sqlite:///{self.data_dir / 'kehoach.db'}"
        from limits import parse

        for name in ("login_limit_account", "login_limit_address"):
            try:
                parse(getattr(self, name))
            except ValueError:
                raise KehoachError(
                    f"KEHOACH_{name.upper()} is {getattr(self, name)!r}; "
                    "write it as e.g. '10 per 15 minutes'"
                ) from None
        if self.session_idle_minutes <= 0:
            raise KehoachError("KEHOACH_SESSION_IDLE_MINUTES must be more than 0")
        if self.env == "production":
            if self.secret_key == DEV_SECRET:
                raise KehoachError(
                    "KEHOACH_SECRET_KEY is the development default; set a random secret "
                    f"of at least {MIN_SECRET_LENGTH} characters before running in production"
                )
            if len(self.secret_key) < MIN_SECRET_LENGTH:
                raise KehoachError(
                    f"KEHOACH_SECRET_KEY is shorter than {MIN_SECRET_LENGTH} characters; "
                    "use e.g. `python -c 'import secrets; print(secrets.token_hex(32))'`"
                )
        return self

    @property
    def attachments_dir(self) -> Path:
        """Where uploaded files are stored, one file per sha256."""
        return self.data_dir / "attachments"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings (cached; `get_settings.cache_clear()` re-reads the environment)."""
    return Settings()
