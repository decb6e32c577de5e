"""The one place where the CLI turns library errors into a line for the user."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import typer

from kehoach.errors import KehoachError

T = TypeVar("T")


def error_line(exc: KehoachError) -> str:
    """`kehoach: FILE: message` — one line, no traceback; an error raised with no message
    says what kind of error it was rather than nothing."""
    message = " ".join(str(getattr(exc, "message", exc)).splitlines()).strip()
    message = message or f"{type(exc).__name__} (no reason given)"
    where = getattr(exc, "where", None)
    return f"kehoach: {where}: {message}" if where else f"kehoach: {message}"


def report(exc: KehoachError) -> None:
    """Print a library error as one line on stderr."""
    print(error_line(exc), file=sys.stderr)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn a `KehoachError` raised inside into a one-line message and exit code 2."""
    try:
        yield
    except KehoachError as exc:
        report(exc)
        raise typer.Exit(exc.exit_code) from None


def attempt(fn: Callable[[], T]) -> tuple[T | None, KehoachError | None]:
    """Run fn; return (result, None) or (None, the user error it raised)."""
    try:
        return fn(), None
    except KehoachError as exc:
        return None, exc


# Set by a command that leaves nothing open when it returns (no file, connection or thread):
# the console script then ends the process at once, and the system frees its memory whole,
# rather than Python tearing down every object it made (a batch's reference data and
# caches: ~10 ms at the end of `kehoach extract`, a few percent of a folder's run).
_ends_at_once = False


def end_at_once() -> None:
    """Let the console script end the process at once when this command returns."""
    global _ends_at_once
    _ends_at_once = True


def ends_at_once() -> bool:
    return _ends_at_once
