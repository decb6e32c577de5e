"""`kehoach bench extract`: extraction throughput."""

from __future__ import annotations

import typer

from kehoach.cli import bench_app


@bench_app.command("extract")
def bench_extract(
    megabytes: float = typer.Option(20.0, "--mb", help="Text to push through, in MB."),
) -> None:
    """Extraction throughput over the samples repeated to --mb of text (one core).

    Example: kehoach bench extract --mb 20
    """
    from rich.console import Console
    from rich.table import Table

    from kehoach.bench.extract import bench_extract as run
    from kehoach.bench.extract import bench_help

    rows = run(megabytes)
    t = Table(title=f"kehoach extract — {rows[-1].megabytes:.1f} MB of text, CPU time on one core")
    for col in ("document", "runs", "MB", "CPU s", "MB/s"):
        t.add_column(col, justify="right" if col != "document" else "left")
    for r in rows:
        t.add_row(
            r.name, str(r.documents), f"{r.megabytes:.1f}", f"{r.seconds:.2f}", f"{r.mb_per_s:.2f}"
        )
    console = Console()
    console.print(t)
    console.print(f"kehoach --help: {bench_help() * 1000:.0f} ms (median of 5, fresh interpreter)")
