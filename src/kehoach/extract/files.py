"""Running extraction over many files and folders, one failure never stopping the rest."""

from __future__ import annotations

import contextlib
import gc
import heapq
import itertools
import os
import queue
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from kehoach.errors import InputError, KehoachError, MissingFile, ReadFailed
from kehoach.intake import SUPPORTED, Document, read_document
from kehoach.intake.document import Progress

if TYPE_CHECKING:
    from concurrent.futures import Future

    # the records' module is loaded with the extraction code, once the reader has been
    # forked: reading needs none of it (it would keep the other core idle a few ms longer)
    from kehoach.model import PlanRecord


def expand_paths(paths: list[Path]) -> tuple[list[Path], list[KehoachError]]:
    """Files named, plus every supported file inside named folders (sorted), a folder's own
    README left out; missing paths apart."""
    files: list[Path] = []
    missing: list[KehoachError] = []
    for p in paths:
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if _plan_file(f)))
        elif p.exists():
            files.append(p)
        else:
            missing.append(MissingFile("no such file or folder", where=str(p)))
    return files, missing


def _plan_file(path: Path) -> bool:
    """A file a folder walk reads: a supported type, and not the folder's README (which
    describes the plans beside it: `README.md` is Markdown, but no plan)."""
    return path.suffix.lower() in SUPPORTED and path.stem.lower() != "readme"


Result = tuple[Path, "PlanRecord | None", Document | None, KehoachError | None]


def extract_one(path: Path, progress: Progress | None = None) -> Result:
    """(path, record, document, error) for one file; exactly one of record/error is set;
    `progress(done, total)` hears of each page of a scan. An error of kehoach's own (a
    bug) comes back as a `ReadFailed` naming the file, like any other reason."""
    from kehoach.extract import extract_document

    try:
        doc = read_document(path, progress=progress)
        return path, extract_document(doc), doc, None
    except KehoachError as exc:
        return path, None, None, _named(exc, path)
    except Exception as exc:
        return path, None, None, internal_error(exc, path)


def _named(exc: KehoachError, path: Path) -> KehoachError:
    """The error said about the file as the user named it (readers know only its name)."""
    if (isinstance(exc, InputError) or exc.where is None) and exc.where != str(path):
        return exc.at(str(path))
    return exc


def internal_error(exc: Exception, path: Path) -> ReadFailed:
    """An unexpected error while reading or extracting a file, as one line naming it."""
    from kehoach.processes import where_failed

    return ReadFailed(
        "could not be read: an error in kehoach ({error}); please report it",
        where=str(path),
        error=where_failed(exc),
    )


def _in_worker(path: Path, documents: bool) -> tuple:
    """`extract_one` in a worker process; the document read travels back only when asked
    for (it is the file's whole text); an error travels as its parts (a `KehoachError`
    does not pickle back with its `where` and values)."""
    path, record, doc, exc = extract_one(path)
    if exc is None:
        return path, record, doc if documents else None, None
    return path, None, None, _error_parts(exc, path)


def _extract_in_worker(path: Path, doc: Document) -> tuple:
    """`extract_one` of a document read already (by the reader), in a worker process."""
    from kehoach.extract import extract_document

    try:
        return path, extract_document(doc), None, None
    except KehoachError as exc:
        return path, None, None, _error_parts(exc, path)
    except Exception as exc:
        return path, None, None, _error_parts(internal_error(exc, path), path)


def _error_parts(exc: KehoachError, path: Path) -> tuple:
    """An error as its parts, to travel between processes (a `KehoachError` does not
    pickle back with its `where` and values); named by the file as the user did."""
    exc = _named(exc, path)
    return type(exc), exc.msgid, getattr(exc, "where", None), exc.params


def _error(parts: tuple) -> KehoachError:
    kind, msgid, where, params = parts
    return kind(msgid, where=where, **params)


def default_jobs() -> int:
    """Worker processes for a batch: one per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def extract_many(
    files: list[Path],
    *,
    progress: bool = False,
    jobs: int | None = None,
    workers=None,
    documents: bool = False,
) -> Iterator[Result]:
    """Yield (path, record, document, error) per file, in the order given; exactly one of
    record/error is set. Several files are spread over `jobs` worker processes (default:
    one per core), the largest first so the cores finish together; `workers` (from
    `start_workers`) are used, and left running, when given. From workers the document
    read comes back only with `documents=True` (else None)."""
    from kehoach.processes import raise_lost_stop

    jobs = min(jobs or default_jobs(), len(files))
    bar = None
    if progress:
        from rich.console import Console
        from rich.progress import Progress

        bar = Progress(console=Console(stderr=True), transient=True)  # stdout is the records'
    own = workers is None and jobs > 1
    pool = start_workers(jobs, files) if own else workers  # forked before the bar's thread starts
    try:
        if bar is not None:
            bar.start()
            task = bar.add_task("Đang đọc", total=len(files))
        results = (
            _pooled(pool, files, documents)
            if pool is not None
            else (extract_one(p, page_progress(bar, p)) for p in files)
        )
        for result in results:
            raise_lost_stop()  # at the latest, a lost stop ends the batch after this file
            yield result
            if bar is not None:
                bar.advance(task)
    except BaseException:  # stopped (SIGTERM, Ctrl-C) or left early: files being read are
        if own and pool is not None:  # not waited for
            pool.end_now()
        raise
    finally:
        if bar is not None:
            bar.stop()
        if own and pool is not None:
            pool.shutdown(cancel_futures=True)


def page_progress(bar, path: Path) -> Progress | None:
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


# Word and PDF files need only intake (no extraction code, no OCR judging: they were typed)
# and reading them is much of a batch's work: a reader process starts on them at once, while
# this process loads the extraction code, which would otherwise keep the other core idle.
_READ_AHEAD = (".docx", ".pdf")


class Workers:
    """Worker processes for a batch (see `start_workers`); `shutdown` ends them all."""

    def __init__(
        self,
        pool,
        pool_context,
        jobs: int,
        reader=None,
        results=None,
        ahead: tuple[Path, ...] = (),
    ) -> None:
        self.pool = pool
        self.jobs = jobs
        self.pool_context = pool_context  # a `Tracked` context: its processes are the pool's
        self.reader = reader  # a process reading the `ahead` files, or None
        self.results = results  # the queue its documents come back on
        self.ahead = ahead

    def documents_read(self) -> Iterator[tuple[Path, Document | None, tuple | None]]:
        """(path, document, error parts) of each file read ahead, as the reader finishes
        it; the files it did not get to (it died) come back with neither."""
        pending = set(self.ahead)
        while pending:
            try:
                path, doc, err = self.results.get(timeout=1.0)
            except queue.Empty:
                if self.reader.is_alive():
                    continue
                break
            pending.discard(path)
            yield path, doc, err
        for path in pending:
            yield path, None, None

    def end_now(self) -> None:
        """End every worker at once, the files they are reading not waited for."""
        from kehoach.processes import end_now

        end_now(self.pool, self.pool_context.processes)
        if self.reader is not None and self.reader.is_alive():
            self.reader.terminate()

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.pool.shutdown(wait=wait, cancel_futures=cancel_futures)
        if self.reader is not None:
            # still running only when the batch was left early: what it still reads is not
            # wanted, and it could wait for ever to hand over what it has read
            if self.reader.is_alive():
                self.reader.terminate()
            self.reader.join()


def start_workers(jobs: int, files: list[Path] | tuple[Path, ...] = ()) -> Workers:
    """`jobs` worker processes, started and ready: what every document needs is loaded once,
    before they fork, and shared. The Word and PDF files among `files` are read meanwhile by
    a reader process of their own, started first; `extract_many` takes its documents."""
    context = _context()
    ahead = tuple(
        sorted(
            {p for p in files if p.suffix.lower() in _READ_AHEAD},  # a file named twice: once
            key=lambda p: p.stat().st_size if p.exists() else 0,
            reverse=True,
        )
    )
    reader = results = None
    if ahead:
        # a process with a queue, not a pool: a pool's thread here would be forked into the
        # workers below; the queue's feeding thread runs in the reader
        results = context.Queue()
        reader = context.Process(target=_read_ahead, args=(ahead, results), name="kehoach-reader")
        reader.start()
    # imported once the reader runs: it needs none of it; ctypes is `worker_setup`'s, imported
    # here once for all the workers rather than in each of them (a core's 1.5 ms apiece)
    import ctypes  # noqa: F401
    from concurrent.futures import ProcessPoolExecutor

    from kehoach.processes import Tracked, worker_setup

    # what is loaded stays for the life of the workers: a collection while loading would
    # find nothing to free, and the collector need not look at it again in each of them
    # (writing its marks would copy the shared pages)
    gc.disable()
    try:
        _load_reference_data()
    finally:
        gc.enable()
    gc.freeze()
    pool_context = Tracked(context)
    pool = ProcessPoolExecutor(
        max_workers=jobs, mp_context=pool_context.as_context, initializer=worker_setup
    )
    for future in [pool.submit(os.getpid) for _ in range(jobs)]:
        future.result()
    return Workers(pool, pool_context, jobs, reader, results, ahead)


def _context():
    """fork: the workers start with what this process has already imported and loaded (a
    batch runs from the command line, whose only threads are the pools' own)."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _read_ahead(paths: tuple[Path, ...], results) -> None:
    """The reader process: each file read and put on `results` as (path, document, None), or
    (path, None, error parts) when it cannot be read."""
    from kehoach.processes import worker_setup

    worker_setup()
    for path in paths:
        try:
            results.put((path, read_document(path), None))
        except KehoachError as exc:
            results.put((path, None, _error_parts(exc, path)))
        except Exception as exc:
            results.put((path, None, _error_parts(internal_error(exc, path), path)))
    results.close()
    results.join_thread()  # everything sent before the process ends


# A few lines of a plan: reading them loads what every document needs (the agency register,
# the syllable tables, the OCR detector, compiled patterns) once, before the workers fork,
# so they share it instead of each loading its own copy. The OCR repair model is not among
# them: only OCR'd text needs it, and the worker that meets some loads it.
_PRIMER = """ỦY BAN NHÂN DÂN TỈNH CAO BẰNG
Số: 1/KH-UBND
KẾ HOẠCH
Thực hiện Nghị quyết số 80-NQ/TW của Bộ Chính trị
I. MỤC TIÊU
Phấn đấu đến năm 2030, 100% xã có nhà văn hóa.
II. NHIỆM VỤ
1. Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Tài chính xây dựng đề án; năm 2026.
III. TỔ CHỨC THỰC HIỆN
Các sở báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12 hằng năm.
"""


def _load_reference_data() -> None:
    from kehoach.extract import extract_document
    from kehoach.intake import read_bytes
    from kehoach.text.ocr_judge import looks_like_ocr

    with contextlib.suppress(KehoachError):  # the primer is a plan; nothing to report
        extract_document(read_bytes(_PRIMER.encode(), "primer.txt"))
    # too short for intake to judge it, so judge it here: every text file is judged, and this
    # loads the syllable and telltale tables the judging needs once, not once per worker
    looks_like_ocr(_PRIMER)
    # the agency register's fuzzy look-up (a misspelt name), which most plans meet: its
    # library is imported once here, not in each worker
    import rapidfuzz.fuzz
    import rapidfuzz.process  # noqa: F401


# OCR'd text costs several times more a byte than typed text: the repair, and the repair
# model its worker loads first. Judged on the file's head only: a hint for the order, worked
# out in this process while the workers wait for their first file, so kept short (4 KB tells
# the samples and test plans apart as 16 KB does, in a quarter of the time).
_OCR_COST = 8
_HEAD = 4096


def _cost(path: Path) -> int:
    """What reading a file is expected to cost, in typed-text bytes (for the order only)."""
    from kehoach.text.ocr_judge import looks_like_ocr

    try:
        size = path.stat().st_size
        if path.suffix.lower() not in (".txt", ".md"):
            return size
        with path.open("rb") as f:
            head = f.read(_HEAD).decode("utf-8", "ignore")
    except OSError:
        return 0
    return size * _OCR_COST if looks_like_ocr(head) else size


def _doc_cost(doc: Document) -> int:
    """What extracting a document read ahead is expected to cost, in typed-text bytes (its
    lines' characters: a plan's Vietnamese takes about as many bytes as characters, give or
    take a third; for the order only)."""
    return sum(len(line) for line in doc.lines)


def _by_name(files: list[Path]) -> dict[Path, tuple[Path, ...]]:
    """Each file's group: the files of its name (stem), each once. Files of one name are most
    often one plan in several forms (`plan.txt`, `plan.docx`, `plan.pdf`), which one worker
    reads in turn, the text file first: each after the first finds much of its work in the
    caches the first one filled (a plan's .docx and .pdf after its .txt take a third of its
    time; the other way round, twice as long in all)."""
    stems: dict[str, dict[Path, None]] = {}
    for path in files:
        stems.setdefault(path.stem, {})[path] = None
    return {path: tuple(group) for group in stems.values() for path in group}


# A group's files as a worker is given them: each with its document when it was read ahead.
Items = list[tuple[Path, Document | None]]


def _in_worker_many(items: Items, documents: bool) -> list[tuple]:
    """The files of a group in turn, in a worker process: `_extract_in_worker` for a document
    read ahead, `_in_worker` for a file to read here."""
    return [
        _in_worker(path, documents) if doc is None else _extract_in_worker(path, doc)
        for path, doc in items
    ]


class _Feed:
    """The groups of files waiting for a worker, the costliest first, and those being read:
    one group a free worker, so that a file read ahead, whose document comes back late,
    still goes by its cost and not after all the others, and the workers finish together."""

    def __init__(self, pool, jobs: int, documents: bool, wake: queue.SimpleQueue) -> None:
        self.pool = pool
        self.jobs = jobs
        self.documents = documents
        self.wake = wake  # told of each group finished
        self.waiting: list[tuple[int, int, Items]] = []
        self.running: set[Future] = set()
        # each file's group's future; None: the pool broke before the group went
        self.futures: dict[Path, Future | None] = {}
        self.order = itertools.count()  # of equal costs, the first added goes first

    def add(self, items: Items) -> None:
        cost = sum(_cost(path) if doc is None else _doc_cost(doc) for path, doc in items)
        heapq.heappush(self.waiting, (-cost, next(self.order), items))

    def launch(self) -> None:
        from concurrent.futures.process import BrokenProcessPool

        self.running = {f for f in self.running if not f.done()}
        while self.waiting and len(self.running) < self.jobs:
            _, _, items = heapq.heappop(self.waiting)
            try:
                future = self.pool.submit(_in_worker_many, items, self.documents)
            except BrokenProcessPool:  # a worker died: the files are read alone later
                future = None
            self.futures.update((path, future) for path, _ in items)
            if future is not None:
                self.running.add(future)
                future.add_done_callback(lambda _: self.wake.put(None))

    def settled(self, path: Path) -> bool:
        """Whether the file is done with (or never went: the pool broke)."""
        if path not in self.futures:
            return False
        future = self.futures[path]
        return future is None or future.done()


def _pass_on(workers: Workers, events: queue.SimpleQueue) -> None:
    for item in workers.documents_read():
        events.put(item)


class _Groups:
    """The groups of files (`_by_name`) waiting for the reader: a group goes to `feed` once
    the reader has given back each of its files that it reads (`ahead`); a file it could
    not read is left out. A group with none of its files read ahead goes at once."""

    def __init__(self, files: list[Path], ahead: set[Path], feed: _Feed) -> None:
        self.feed = feed
        self.of = _by_name(files)
        self.unread = {g: set(g) & ahead for g in self.of.values()}
        self.given: dict[tuple[Path, ...], dict[Path, Document | None]] = {
            g: {p: None for p in g if p not in ahead} for g in self.of.values()
        }
        for group, waits in self.unread.items():
            if not waits:
                feed.add([(p, None) for p in group])

    def came_back(self, path: Path, doc: Document | None, readable: bool = True) -> None:
        """The reader is done with `path`: its document (None: not got to), or no document
        (`readable` False); the group goes once nothing of it is left to come back."""
        group = self.of[path]
        self.unread[group].discard(path)
        if readable:
            self.given[group][path] = doc
        if not self.unread[group] and self.given[group]:
            self.feed.add(sorted(self.given[group].items(), key=lambda item: item[1] is not None))


def _pooled(workers: Workers, files: list[Path], documents: bool) -> Iterator[Result]:
    from concurrent.futures.process import BrokenProcessPool

    from kehoach.processes import raise_lost_stop

    events: queue.SimpleQueue = queue.SimpleQueue()  # documents read ahead; groups finished
    feed = _Feed(workers.pool, workers.jobs, documents, events)
    groups = _Groups(files, set(workers.ahead), feed)
    feed.launch()
    if workers.ahead:  # the reader's documents, passed on as they come by a thread of this process
        threading.Thread(
            target=_pass_on, args=(workers, events), name="kehoach-read-ahead", daemon=True
        ).start()
    read: dict[Path, Document] = {}
    failed: dict[Path, KehoachError] = {}
    results: dict[Path, tuple] = {}
    for path in files:
        while path not in failed and not feed.settled(path):
            try:
                item = events.get(timeout=0.5)
            except queue.Empty:
                item = None
            raise_lost_stop()
            if item is not None:
                done, doc, err = item
                if err is not None:
                    failed[done] = _error(err)
                    groups.came_back(done, None, readable=False)
                else:  # read, or not got to (then read by the worker, as any other file)
                    if doc is not None and documents:  # kept only when the caller wants it
                        read[done] = doc
                    groups.came_back(done, doc)
            feed.launch()
        if path in failed:
            yield path, None, None, failed[path]
            continue
        future = feed.futures[path]
        if future is None:
            yield _alone(path, documents)
            continue
        if path not in results:
            try:
                results.update((r[0], r) for r in future.result())
            except BrokenProcessPool:  # a worker died: which file killed it is not known
                yield _alone(path, documents)
                continue
            except Exception as exc:  # the results could not come back (pickling, say)
                yield path, None, None, internal_error(exc, path)
                continue
        path, record, doc, err = results[path]
        if err is None:
            yield path, record, read.get(path, doc) if documents else doc, None
        else:
            yield path, None, None, _error(err)


def _alone(path: Path, documents: bool) -> Result:
    """A file read again in a process of its own, after a worker died while it was being
    read or waiting: if this process dies too, the file is the one that kills it, and is
    named with how its process ended (killed when memory ran out, a crash)."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from kehoach.processes import Tracked, how_ended, worker_setup

    context = Tracked(_context())
    pool = ProcessPoolExecutor(1, context.as_context, initializer=worker_setup)
    try:
        path, record, doc, err = pool.submit(_in_worker, path, documents).result()
    except BrokenProcessPool:
        how, killed = how_ended(context.processes)
        if killed:
            return (
                path,
                None,
                None,
                ReadFailed(
                    "the process reading it was killed ({how}), most often because memory ran out",
                    where=str(path),
                    how=how,
                ),
            )
        return (
            path,
            None,
            None,
            ReadFailed(
                "the process reading it ended unexpectedly ({how})", where=str(path), how=how
            ),
        )
    except Exception as exc:
        return path, None, None, internal_error(exc, path)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return path, record, doc, None if err is None else _error(err)
