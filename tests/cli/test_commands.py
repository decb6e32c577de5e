"""The command line as a whole: what every command shares."""

from collections.abc import Callable, Iterator

import typer

from kehoach.cli import app


def _callbacks(group: typer.Typer) -> Iterator[Callable]:
    for command in group.registered_commands:
        assert command.callback is not None
        yield command.callback
    for sub in group.registered_groups:
        assert sub.typer_instance is not None
        yield from _callbacks(sub.typer_instance)


def test_every_commands_parameters_are_annotated_with_types_not_strings() -> None:
    """Typer builds every command before it runs one, reading each parameter's annotation: a
    string (`from __future__ import annotations`) it compiles and evaluates first, which made
    building them take twice as long; so the command modules do without that import."""
    callbacks = list(_callbacks(app))
    assert len(callbacks) > 30
    for callback in callbacks:
        strings = [name for name, a in callback.__annotations__.items() if isinstance(a, str)]
        assert not strings, f"{callback.__module__}.{callback.__name__}: {strings}"
