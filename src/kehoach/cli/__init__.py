"""The `kehoach` command: thin commands over the library.

Each command module registers its commands on `app`; heavy libraries are
imported inside the command bodies so `kehoach --help` answers at once. The
command modules do without `from __future__ import annotations`: typer reads
every command's annotations before it runs one, and compiles and evaluates
each that is a string first (half of building the commands).
"""

from __future__ import annotations

import gc

# Importing typer, the standard library it brings and the command modules makes tens of
# thousands of objects that live as long as the process, and next to no garbage: the cyclic
# collector would only walk them over and over (some 40 collections, 4-8 ms of a command's
# start, where no other core has work). Once they are made they are frozen (see the end), so
# that no later collection walks them either.
gc.disable()

import typer

app = typer.Typer(
    name="kehoach",
    help="Đọc và theo dõi kế hoạch phát triển văn hóa. "
    "Reads Vietnamese culture-development plans and tracks their implementation.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
bench_app = typer.Typer(help="Benchmarks: throughput and latency figures.", no_args_is_help=True)
app.add_typer(bench_app, name="bench")

# Registration order is the order in --help.
from kehoach.cli import (
    backup_cmd,  # noqa: F401
    bench_cmd,  # noqa: F401
    bench_web,  # noqa: F401
    compare_cmd,  # noqa: F401
    emulation_cmd,  # noqa: F401
    extract_cmd,  # noqa: F401
    jurisdiction_cmd,  # noqa: F401
    remind_cmd,  # noqa: F401
    report_cmd,  # noqa: F401
    search_cmd,  # noqa: F401
    store_cmd,  # noqa: F401
    user_cmd,  # noqa: F401
    web_cmd,  # noqa: F401
    worker_cmd,  # noqa: F401
)


def main() -> None:
    """Entry point of the console script."""
    from kehoach.cli.edge import ends_at_once

    try:
        app()
    except SystemExit as done:
        if ends_at_once() and (done.code is None or isinstance(done.code, int)):
            from kehoach.processes import exit_now

            exit_now(done.code or 0)
        raise


from kehoach.cli import bench_indicators, bench_scale, bench_seed, bench_status  # noqa: F401

gc.freeze()
gc.enable()
