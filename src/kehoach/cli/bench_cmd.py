"""`kehoach bench extract` and `kehoach bench ocr`: extraction and OCR throughput."""

from __future__ import annotations

from pathlib import Path

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

    from kehoach.extract.bench import bench_extract as run
    from kehoach.extract.bench import bench_help

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


@bench_app.command("ocr")
def bench_ocr(
    scan: Path = typer.Argument(..., help="A scanned PDF; its pages are repeated to --pages."),
    pages: int = typer.Option(30, "--pages", help="Pages to read."),
    workers: int = typer.Option(2, "--workers", help="Worker processes (cores)."),
) -> None:
    """Time OCR of a scan: --pages pages (the scan's, repeated) on --workers processes.

    Example: kehoach bench ocr ../shared/samples/scans/lc-kh-khoangsan-2026.pdf --pages 30
    """
    from rich.console import Console
    from rich.progress import Progress

    from kehoach.cli.edge import user_errors
    from kehoach.intake.scan_bench import bench_ocr as run

    with user_errors(), Progress(transient=True) as bar:
        job = bar.add_task("Trang", total=pages)
        r = run(scan, pages, workers, lambda done, _total: bar.update(job, completed=done))
    conf = f"{r.confidence:.3f}" if r.confidence is not None else "—"
    Console().print(
        f"kehoach OCR — {r.pages} pages on {r.workers} workers: {r.wall:.1f} s wall "
        f"({r.per_page:.2f} s/page); {r.cpu:.1f} CPU s, i.e. {r.idle_wall:.1f} s on "
        f"{r.workers} idle cores; mean confidence {conf}"
    )
