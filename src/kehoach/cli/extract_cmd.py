"""`kehoach extract` and `kehoach eval`: read plan documents into plan records."""

import json
import sys
from enum import StrEnum
from pathlib import Path

import typer

from kehoach.cli import app
from kehoach.cli.edge import end_at_once, report, user_errors
from kehoach.errors import KehoachError, ReadFailed


class Format(StrEnum):
    json = "json"
    table = "table"


@app.command()
def extract(
    paths: list[Path] = typer.Argument(
        ..., help="Files or folders (.txt .md .docx .pdf; scans: .pdf .png .jpg .tiff)."
    ),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write NAME.json per input here."),
    fmt: Format = typer.Option(Format.json, "--format", "-f", help="json or table."),
    show_repairs: bool = typer.Option(False, "--show-repairs", help="List OCR repairs made."),
    jobs: int = typer.Option(
        0, "--jobs", "-j", help="Worker processes for several files (default: one per core)."
    ),
) -> None:
    """Read plan documents and print their plan records (kehoach.plan/1).

    One file prints one JSON object; several print one record per line (JSON Lines).
    OCR repairs (--show-repairs) go to stderr, so stdout stays JSON.

    Example: kehoach extract ke-hoach.docx --format table
    """
    from kehoach.extract.files import expand_paths, extract_many
    from kehoach.processes import Stopped, exit_now, stop_on_signals

    stop_on_signals()  # a time limit's SIGTERM names the files not read, as Ctrl-C does
    end_at_once()  # the records are written and the workers ended when it returns
    files, missing = expand_paths(paths)
    for gone in missing:
        report(gone)
    failed = bool(missing)
    if out:
        out.mkdir(parents=True, exist_ok=True)
        names = _record_names(files)
    results = extract_many(
        files, progress=_shows_progress(files), jobs=jobs or None, documents=show_repairs
    )
    finished = 0
    try:
        for path, record, doc, exc in results:
            finished += 1
            if exc is not None or record is None:
                report(
                    exc or ReadFailed("no record was made, and no reason given", where=str(path))
                )
                failed = True
                continue
            for warning in doc.warnings if doc is not None else []:  # pages left out of a scan
                print(f"kehoach: {path}: {warning}", file=sys.stderr)
            if show_repairs and doc is not None:
                from kehoach.cli.render import print_repairs

                print_repairs(doc)
            data = record.to_json()
            if out:
                (out / names[path]).write_text(
                    json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
                )
            elif fmt is Format.table:
                from kehoach.cli.render import print_record

                print_record(record)
            elif len(files) == 1:
                print(json.dumps(data, ensure_ascii=False, indent=2))
            else:
                print(json.dumps(data, ensure_ascii=False))
    except (Stopped, KeyboardInterrupt) as stop:
        exit_now(stopped(stop, files[finished:]))
    if failed:
        raise typer.Exit(2)


def _shows_progress(files: list[Path]) -> bool:
    """A progress bar at a terminal, for several files or one that may be a scan (a bar for
    each of its pages); not for one typed file, read in a fraction of a second: its bar
    would only flash, and loading and drawing it cost more CPU than reading the file."""
    from kehoach.intake.document import IMAGE_SUFFIXES

    if not sys.stderr.isatty():
        return False
    return len(files) > 1 or any(p.suffix.lower() in (".pdf", *IMAGE_SUFFIXES) for p in files)


def stopped(stop: BaseException, unread: list[Path]) -> int:
    """Each file not read named, with the signal that stopped the run (and, for the scan
    being read, how many of its pages were); the exit code a signal gives (128 + its
    number)."""
    from kehoach.processes import signal_name, stop_handled, stop_signal

    stop_handled()
    signum = stop_signal(stop)
    pages = getattr(stop, "pages", None)
    for i, path in enumerate(unread):
        how = f"stopped by {signal_name(signum)}"
        if i == 0 and pages:
            how += f" after {pages[0]} of {pages[1]} pages"
        print(f"kehoach: {path}: not read: {how}", file=sys.stderr)
    return 128 + signum


@app.command("eval")
def evaluate(
    samples: Path = typer.Argument(..., help="Folder of plan documents."),
    expected: Path = typer.Argument(..., help="Folder of expected NAME.json records."),
) -> None:
    """Compare extraction with expected records and print the accuracy figures.

    Example: kehoach eval ../shared/samples ../shared/samples/expected
    """
    from kehoach.cli.render import print_scores
    from kehoach.extract.evaluate import evaluate_folder
    from kehoach.processes import Stopped, exit_now, stop_on_signals

    stop_on_signals()
    failed: list[KehoachError] = []
    try:
        with user_errors():
            rows = evaluate_folder(samples, expected, failed)
    except (Stopped, KeyboardInterrupt) as stop:
        exit_now(stopped(stop, [getattr(stop, "where", samples)]))
    if rows or not failed:
        print_scores(rows)
    for error in failed:
        report(error)
    if failed:
        raise typer.Exit(2)


def _record_names(files: list[Path]) -> dict[Path, str]:
    """Each file's record name in --out: `NAME.json` by its stem; when two files share a stem
    (one plan as .txt, .docx and .pdf) by its file name, `NAME.docx.json`; when two share
    that too (folders of their own), with the folders' names first."""
    from collections import Counter

    stems = Counter(p.stem for p in files)
    names = Counter(p.name for p in files)
    out = {}
    for p in files:
        if stems[p.stem] == 1:
            out[p] = f"{p.stem}.json"
        elif names[p.name] == 1:
            out[p] = f"{p.name}.json"
        else:
            out[p] = _named_by_folders(p, [q for q in files if q.name == p.name])
    return out


def _named_by_folders(path: Path, same: list[Path]) -> str:
    """`FOLDER-NAME.json`, with as many of the file's folders as tell it from the others of
    the same name (`a/x/plan.txt` and `b/x/plan.txt`: `a-x-plan.txt.json`), so no record is
    written over another."""
    for depth in range(1, len(path.parts)):
        folders = {q: "-".join(q.parts[-depth - 1 : -1]) for q in same}
        if len(set(folders.values())) == len(set(same)):
            return f"{folders[path]}-{path.name}.json"
    return f"{same.index(path) + 1}-{path.name}.json"
