"""Running extraction over many files and folders, one failure never stopping the rest."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kehoach.errors import InputError, KehoachError, MissingFile
from kehoach.intake import SUPPORTED, Document, read_document
from kehoach.model import PlanRecord


def expand_paths(paths: list[Path]) -> tuple[list[Path], list[KehoachError]]:
    """Files named, plus every supported file inside named folders (sorted); missing paths apart."""
    files: list[Path] = []
    missing: list[KehoachError] = []
    for p in paths:
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.suffix.lower() in SUPPORTED))
        elif p.exists():
            files.append(p)
        else:
            missing.append(MissingFile("no such file or folder", where=str(p)))
    return files, missing


def extract_many(
    files: list[Path], *, progress: bool = False
) -> Iterator[tuple[Path, PlanRecord | None, Document | None, KehoachError | None]]:
    """Yield (path, record, document, error) per file; exactly one of record/error is set."""
    from kehoach.extract import extract_document

    bar = None
    if progress:
        from rich.progress import Progress

        bar = Progress(transient=True)
        bar.start()
        task = bar.add_task("Đang đọc", total=len(files))
    try:
        for path in files:
            try:
                doc = read_document(path, progress=page_progress(bar, path))
                yield path, extract_document(doc), doc, None
            except KehoachError as exc:
                if isinstance(exc, InputError) and exc.where != str(path):
                    exc = type(exc)(exc.message, where=str(path))  # name the file as the user did
                yield path, None, None, exc
            if bar is not None:
                bar.advance(task)
    finally:
        if bar is not None:
            bar.stop()


def page_progress(bar, path: Path):
    """A per-page progress callback for a scan (a second bar under the files' bar)."""
    if bar is None:
        return None
    pages = None

    def advance(done: int, total: int) -> None:
        nonlocal pages
        if pages is None:
            pages = bar.add_task(f"{path.name}: trang", total=total)
        bar.update(pages, completed=done)
        if done >= total:
            bar.remove_task(pages)

    return advance
