"""The errors a person can see. Each carries a message a user can act on.

The library raises these; the CLI and the web app each turn them into a
one-line message / a page / JSON in exactly one place.
"""

from __future__ import annotations


class KehoachError(Exception):
    """Base of every error meant for a user, not a developer."""

    exit_code = 2

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.message = message
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class InputError(KehoachError):
    """A file or argument that kehoach cannot use."""


class MissingFile(InputError):
    """The path does not exist."""


class UnsupportedFormat(InputError):
    """The file's extension or content is not a document kehoach reads."""


class EmptyDocument(InputError):
    """The file holds no text."""


class LegacyEncoding(InputError):
    """Text in a pre-Unicode Vietnamese 8-bit encoding (TCVN3, VNI)."""


class NoPlanStructure(InputError):
    """The text was read but holds nothing that looks like a plan."""


class NeedsOcr(InputError):
    """A PDF with no text layer (a scan)."""


class ValidationError(KehoachError):
    """A value a user entered is not acceptable; `field` names it."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        self.field = field
        super().__init__(message, where=field)


class NotFound(KehoachError):
    """A record that does not exist (or that the user may not see)."""


class PermissionDenied(KehoachError):
    """The user may not do this."""


class Conflict(KehoachError):
    """The action clashes with what is already stored."""


class TooManyAttempts(PermissionDenied):
    """Too many failed log-ins for an account or from an address; try again later."""

    def __init__(self, retry_after: int) -> None:
        self.retry_after = max(1, retry_after)  # seconds
        minutes = -(-self.retry_after // 60)
        super().__init__(f"too many failed log-ins; try again in {minutes} minutes")

    @property
    def minutes(self) -> int:
        """Whole minutes to wait, rounded up."""
        return -(-self.retry_after // 60)


class MailError(KehoachError):
    """An e-mail could not be handed to the SMTP server (it is retried later)."""


class MissingTool(KehoachError):
    """A program kehoach needs for this action is not installed."""


class RowsRejected(ValidationError):
    """An uploaded table with bad rows: nothing was saved; `problems` lists (row, reason)."""

    def __init__(self, problems: list[tuple[int, str]], *, field: str = "file") -> None:
        self.problems = problems
        first = "; ".join(f"row {row}: {reason}" for row, reason in problems[:3])
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        super().__init__(
            f"{len(problems)} rows rejected, nothing was saved: {first}{more}", field=field
        )
