"""The errors a person can see. Each carries a message a user can act on.

The library raises these; the CLI and the web app each turn them into a
one-line message / a page / JSON in exactly one place.

A message is an English format string (the msgid) plus its values:
`NotFound("no task with id {task_id}", task_id=2)`. The CLI prints it in
English (`exc.message`); the web app looks the msgid up in its Vietnamese
catalogue and fills in the same values (`kehoach.web.i18n.error_text`).
`python -m kehoach.web.catalogue` extracts the msgids of every raise site, so
write the message as a literal string, never an f-string.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

# how a day and a moment are written to people, in messages and everywhere else
# (`kehoach.text.dates` formats with these)
DAY = "%d/%m/%Y"
DAY_TIME = "%d/%m/%Y %H:%M"


def N_(message: str) -> str:
    """Mark a msgid for the catalogue without translating it (it is translated where shown)."""
    return message


def format_value(value: Any) -> str:
    """A message value as both languages write it: dates `31/03/2026`, lists joined by `, `."""
    if isinstance(value, dt.datetime):
        return value.strftime(DAY_TIME)
    if isinstance(value, dt.date):
        return value.strftime(DAY)
    if isinstance(value, list | tuple):
        return ", ".join(format_value(v) for v in value)
    return str(value)


def fill(template: str, params: dict[str, Any]) -> str:
    """`template` with `{name}` replaced by the formatted values (no values: as it is)."""
    if not params:
        return template
    return template.format(**{k: format_value(v) for k, v in params.items()})


class KehoachError(Exception):
    """Base of every error meant for a user, not a developer."""

    exit_code = 2

    def __init__(self, message: str, *, where: str | None = None, **params: Any) -> None:
        self.msgid = message
        self.params = params
        self.message = fill(message, params)
        self.where = where
        super().__init__(f"{where}: {self.message}" if where else self.message)

    def at(self, where: str) -> KehoachError:
        """The same error, said about `where` (a file as the user named it)."""
        clone = type(self).__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone.where = where
        Exception.__init__(clone, f"{where}: {self.message}")
        return clone


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


class ReadFailed(InputError):
    """A file that could not be read for a reason that is not the file's: the process
    reading it ended (killed when memory ran out, a crash in a native library), or an
    error in kehoach itself."""


class ValidationError(KehoachError):
    """A value a user entered is not acceptable; `field` names it."""

    def __init__(self, message: str, *, field: str | None = None, **params: Any) -> None:
        self.field = field
        super().__init__(message, where=field, **params)


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
        super().__init__(
            N_("too many failed log-ins; try again in {minutes} minutes"), minutes=minutes
        )

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
