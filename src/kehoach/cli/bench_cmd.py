"""`kehoach bench extract` and `kehoach bench ocr`: extraction and OCR throughput."""

from pathlib import Path

import typer

from kehoach.cli import bench_app


@bench_app.command("extract")
def bench_extract(
    megabytes: float = typer.Option(20.0, "--mb", help="Text to push through, in MB."),
    folders: list[Path] = typer.Option(
        [], "--folder", help="Folders of plans for the first-pass figure (default: the samples)."
    ),
    jobs: int = typer.Option(2, "--jobs", "-j", help="Worker processes for the folder pass."),
    runs: int = typer.Option(
        5, "--runs", help="First passes over the folder (each in a fresh interpreter)."
    ),
) -> None:
    """Extraction throughput: the samples repeated to --mb of text (CPU time, one core); one
    first pass over --folder spread over --jobs processes (wall time; text, .docx and
    text-layer PDFs, then scans, which are OCR, apart in pages/s); our PDF intake against
    pdfplumber's own text-and-tables pass on the same file (wall time, same run).

    Example: kehoach bench extract --folder ../shared/samples --jobs 2
    """
    from rich.console import Console

    from kehoach.bench import extract as bench

    passes, scans = bench.bench_folder(folders or bench.sample_folders(), jobs, runs)
    pdfs = [bench.bench_pdf(p) for p in _pdfs(folders) or bench.sample_pdfs()]
    rows = bench.bench_extract(megabytes)
    console = Console()
    for table in _tables(rows, passes, pdfs):
        console.print(table)
    for failure in passes[0].failed + scans.failed:
        console.print(f"  failed: {failure}")
    if scans.files:
        console.print(_scan_table(scans))
    console.print(
        f"kehoach --help: {bench.bench_help() * 1000:.0f} ms (median of 5, fresh interpreter)"
    )


def _pdfs(folders: list[Path]) -> list[Path]:
    """Text-layer PDFs under the folders (scans, which need OCR, left out)."""
    from kehoach.errors import KehoachError
    from kehoach.intake.pdf import pages_without_text

    found = []
    for path in sorted(p for f in folders for p in f.rglob("*.pdf")):
        try:
            if not pages_without_text(path.read_bytes(), path.name):
                found.append(path)
        except KehoachError:
            continue
    return found


def _tables(rows, passes, pdfs) -> list:
    from rich.table import Table

    one = Table(title=f"kehoach extract — {rows[-1].megabytes:.1f} MB of text, CPU time, one core")
    for col in ("document", "runs", "MB", "CPU s", "MB/s"):
        one.add_column(col, justify="right" if col != "document" else "left")
    for r in rows:
        one.add_row(
            r.name, str(r.documents), f"{r.megabytes:.1f}", f"{r.seconds:.2f}", f"{r.mb_per_s:.2f}"
        )
    first = _first_pass_table(passes)
    pdf = Table(title="PDF intake against pdfplumber text + tables, same file, same run, wall time")
    for col in ("file", "pages", "kehoach s", "pages/s", "pdfplumber s", "pages/s", "× faster"):
        pdf.add_column(col, justify="right" if col != "file" else "left")
    for r in pdfs:
        theirs = r.plumber_s
        pdf.add_row(
            r.name,
            str(r.pages),
            f"{r.ours_s:.3f}",
            f"{r.pages / r.ours_s:.0f}",
            f"{theirs:.3f}" if theirs else "—",
            f"{r.pages / theirs:.1f}" if theirs else "—",
            f"{r.ratio:.1f}" if r.ratio else "(pdfplumber not installed)",
        )
    return [one, first, pdf]


def _first_pass_table(passes):
    """The first passes over the folder, one figure a row (it reads in a narrow terminal):
    the median pass (by its wall time with the start-up), the others' range beside it."""
    from rich.table import Table

    mid = passes[len(passes) // 2]
    first = Table(
        title=f"first pass over the folder, text (.txt, .docx, text-layer PDF) — "
        f"{mid.jobs} processes",
        caption=f"{mid.files} files ({len(mid.failed)} failed), {mid.megabytes:.2f} MB; the "
        f"median of {len(passes)} passes, each in a fresh interpreter",
    )
    for col in ("", "wall s", "MB/s", f"MB/s in {len(passes)} passes"):
        first.add_column(col, justify="right" if col else "left")

    def spread(rate) -> str:
        rates = sorted(rate(r) for r in passes)
        return f"{rates[0]:.2f} – {rates[-1]:.2f}"

    first.add_row("start-up (load, start the workers; Word/PDF reading starts)",
                  f"{mid.start_s:.2f}", "", "")  # fmt: skip
    first.add_row("documents (first file to last record)", f"{mid.seconds:.2f}",
                  f"{mid.mb_per_s:.2f}", spread(lambda r: r.mb_per_s))  # fmt: skip
    first.add_row("[b]start-up and documents[/b]", f"{mid.start_s + mid.seconds:.2f}",
                  f"[b]{mid.total_mb_per_s:.2f}[/b]", spread(lambda r: r.total_mb_per_s))  # fmt: skip
    first.add_row("kehoach extract --out DIR, interpreter start to exit", f"{mid.command_s:.2f}",
                  f"{mid.command_mb_per_s:.2f}", spread(lambda r: r.command_mb_per_s))  # fmt: skip
    first.add_row("CPU s: start-up, one process", f"{mid.start_cpu_s:.2f}", "", "")
    first.add_row("CPU s: documents, all processes", f"{mid.cpu_s:.2f}", "", "")
    first.add_row("on free cores (start-up CPU + documents CPU / processes)", "",
                  f"{mid.free_mb_per_s:.2f}", spread(lambda r: r.free_mb_per_s))  # fmt: skip
    return first


def _scan_table(scans):
    """The scans' pass, one figure a row: the command's wall time beside Tesseract's alone
    on the same pages (its floor: every page read whole, nothing levelled, no table cell
    read apart)."""
    from rich.table import Table

    table = Table(
        title=f"first pass over the folder, scans (OCR) — {scans.jobs} processes",
        caption=f"{scans.files} files ({len(scans.failed)} failed), {scans.pages} pages",
    )
    table.add_column("")
    table.add_column("wall s", justify="right")
    table.add_column("pages/s", justify="right")
    floor = scans.tesseract_s
    table.add_row("documents (first file to last record)", f"{scans.seconds:.2f}",
                  f"{scans.pages_per_s:.2f}")  # fmt: skip
    table.add_row("[b]kehoach extract --out DIR, interpreter start to exit[/b]",
                  f"[b]{scans.command_s:.2f}[/b]",
                  f"{scans.pages / scans.command_s:.2f}" if scans.command_s else "")  # fmt: skip
    table.add_row("Tesseract alone: each page read whole (nothing levelled, no cell apart)",
                  f"{floor:.2f}" if floor else "—",
                  f"{scans.pages / floor:.2f}" if floor else "")  # fmt: skip
    if floor:
        table.add_row("kehoach extract ÷ Tesseract alone", f"{scans.command_s / floor:.2f}", "")
    table.add_row("CPU s: documents, all processes (page workers too)", f"{scans.cpu_s:.1f}", "")
    return table


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
