"""The one settings object, read from the environment (`KEHOACH_*`) and checked at start-up."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
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
    # a session ends after this long without a request (it lasts a working day at most)
    session_idle_minutes: float = 60
    # failed log-ins allowed per account and per client address ("limits" notation), and
    # where they are counted: `database` (the app's database, shared by every server
    # process), memory:// (one process only) or a `limits` store such as redis://host:6379
    login_limit_account: str = "10 per 15 minutes"
    login_limit_address: str = "50 per 15 minutes"
    login_limit_storage: str = "database"
    public_base_url: str = "http://127.0.0.1:8000"  # links in e-mails point here
    # Several app processes behind a proxy: only one job migrates the database (the app then
    # waits for it, /readyz saying "behind"), and the client's address (for the log-in
    # limits and the access log) is read from X-Forwarded-For sent by these proxy addresses.
    migrate_on_start: bool = True
    forwarded_allow_ips: str = "127.0.0.1"
    # Reminders (services.reminders): N days before a due date (a plan may set its own),
    # escalation to the directing body and the plan officer after M days overdue.
    remind_days_before: int = Field(default=7, ge=0, le=30)
    escalate_after_days: int = Field(default=14, ge=1, le=365)
    # The reminder job runs inside the app process unless this is off (then run
    # `kehoach worker` beside it); when, as a crontab line in the server's time zone.
    reminders_in_app: bool = True
    remind_schedule: str = "0 7-17 * * *"
    remind_max_attempts: int = Field(default=5, ge=1)
    # The worker (`kehoach worker`): on PostgreSQL a procrastinate queue in the same
    # database ("auto"), on SQLite the in-process scheduler; "scheduler" forces the latter.
    worker_queue: Literal["auto", "procrastinate", "scheduler"] = "auto"
    # Scheduled backups (`kehoach backup` into backup_dir, the newest backup_keep kept);
    # no folder: none. The search index rebuilt on its own schedule ("" = never).
    backup_dir: str = ""
    backup_schedule: str = "30 1 * * *"
    backup_keep: int = Field(default=14, ge=1)
    search_rebuild_schedule: str = ""
    # E-mail (services.mailer); no host: reminders are shown in the app only.
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_user: str = ""
    smtp_password: SecretStr = SecretStr("")
    smtp_tls: Literal["starttls", "ssl", "none"] = "starttls"
    smtp_sender: str = "kehoach <no-reply@localhost>"
    smtp_timeout: float = 20.0

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
    def backup_folder(self) -> Path | None:
        """Where scheduled backups go (None: no scheduled backups)."""
        return Path(self.backup_dir) if self.backup_dir.strip() else None

    @property
    def attachments_dir(self) -> Path:
        """Where uploaded files are stored, one file per sha256."""
        return self.data_dir / "attachments"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings (cached; `get_settings.cache_clear()` re-reads the environment)."""
    return Settings()
