"""Scans: a PDF of page images, or image files, read by OCR into a `Document`.

Pages are recognised in parallel, one process per core (`scan_page` on each),
and put together in page order: text lines as lines, tables as `Table` blocks,
a table that runs on over the next page joined into one (its repeated header
dropped, a row split by the page break put back together). A page that gives
nothing usable (blank, another language, unreadable, damaged) is left out with
a warning naming it; the other pages are still read.
"""

from __future__ import annotations

import os
import time
from collections import OrderedDict
from dataclasses import replace

from rapidfuzz.distance import Indel

from kehoach.errors import N_, EmptyDocument, ReadFailed
from kehoach.intake.document import Block, Document, Progress, ScannedPage, Spot, Table
from kehoach.intake.pdf_columns import Grid as _Grid  # a table being put together over pages
from kehoach.intake.pdf_columns import continue_grid
from kehoach.intake.pdf_paragraphs import TextLine, hang_of, join_paragraphs
from kehoach.intake.scan_page import Line, PageText, recased_wrap, spots
from kehoach.processes import Stopped, Tracked, completed, end_now, how_ended, worker_setup
from kehoach.text.normalize import fold

_CACHE: OrderedDict[str, Document] = OrderedDict()  # the web page reads an upload more than once
_CACHE_SIZE = 4
last_cpu = 0.0  # CPU seconds the pages of the last scan read took, over all workers


def read_scan(
    data: bytes,
    name: str,
    sha256: str,
    *,
    kind: str,
    progress: Progress | None = None,
    workers: int | None = None,
) -> Document:
    """Read a scanned PDF (`kind="pdf"`) or an image file (`kind="image"`) by OCR."""
    from kehoach.intake.tesseract import check_installed

    cached = _CACHE.get(sha256)
    if cached is not None:
        _CACHE.move_to_end(sha256)
        return replace(cached, name=name)
    check_installed(name)
    source = _open(kind, data, name)  # checked here: a file that cannot be read fails at once
    count = len(source)
    source.close()
    pages = _recognise(kind, data, count, progress, workers, name)
    global last_cpu
    last_cpu = sum(p.cpu for p in pages)
    doc = _document(pages, name, sha256, "pdf" if kind == "pdf" else "image")
    _CACHE[sha256] = doc
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return doc


def _open(kind: str, data: bytes, name: str = ""):
    from kehoach.intake.images import ImageFrames, PdfPages

    return PdfPages(data, name) if kind == "pdf" else ImageFrames(data, name)


def default_workers() -> int:
    """Processes to read pages with: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _recognise(
    kind: str,
    data: bytes,
    count: int,
    progress: Progress | None,
    workers: int | None,
    name: str = "",
) -> list[PageText]:
    """Every page recognised, in page order; pages spread over worker processes. A worker
    that dies (killed when memory ran out, a crash in Tesseract) fails the document with
    how it died; a stop (SIGTERM, Ctrl-C) ends the workers at once and says how far the
    reading got (`pages` on the exception: pages read, pages in all)."""
    workers = min(workers or default_workers(), count)
    done: list[PageText] = []
    if workers <= 1:
        _start(kind, data)
        try:
            for index in range(count):
                done.append(_page(index))
                if progress:
                    progress(len(done), count)
        except (KeyboardInterrupt, Stopped) as stop:
            stop.pages = (len(done), count)  # type: ignore[union-attr]
            raise
        finally:
            _stop()
        return done
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # fork is quick and needs no importable __main__, but is unsafe once threads run (the
    # web server's): forkserver then
    alone = threading.active_count() == 1
    context = Tracked(multiprocessing.get_context("fork" if alone else "forkserver"))
    pool = ProcessPoolExecutor(
        workers, context.as_context, initializer=_start, initargs=(kind, data, True)
    )
    try:
        futures = [pool.submit(_page, index) for index in range(count)]
        for future in completed(futures):
            done.append(future.result())
            if progress:
                progress(len(done), count)
    except BrokenProcessPool:
        how, killed = how_ended(context.processes)
        pool.shutdown(wait=True, cancel_futures=True)
        values = {"how": how, "done": len(done), "total": count}
        if killed:
            raise ReadFailed(
                "the scan could not be read: the process reading its pages was killed ({how}), "
                "most often because memory ran out; {done} of {total} pages were read",
                where=name,
                **values,
            ) from None
        raise ReadFailed(
            "the scan could not be read: the process reading its pages ended unexpectedly "
            "({how}); {done} of {total} pages were read",
            where=name,
            **values,
        ) from None
    except BaseException as stop:  # a stop, or an error here: the pages are not waited for
        end_now(pool, context.processes)
        if isinstance(stop, KeyboardInterrupt | Stopped):
            stop.pages = (len(done), count)  # type: ignore[union-attr]
        raise
    pool.shutdown(wait=True)
    return sorted(done, key=lambda p: p.number)


_SOURCE = None  # the document being read, in this (worker) process


def _start(kind: str, data: bytes, worker: bool = False) -> None:
    global _SOURCE
    if worker:
        # (not cv2.setNumThreads: in a process forked from one whose OpenCV threads have
        # run, it waits for ever on their condition variables)
        worker_setup()  # ends with the process that started it; Ctrl-C is that one's
        # Leptonica writes its complaints (`box outside rectangle`) straight to fd 2
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)
    _SOURCE = _open(kind, data)


def _stop() -> None:
    global _SOURCE
    if _SOURCE is not None:
        _SOURCE.close()
        _SOURCE = None


def _page(index: int) -> PageText:
    """Page `index` recognised; a page that cannot be rendered or read becomes a note."""
    import cv2

    from kehoach.intake.scan_page import read_page
    from kehoach.intake.tesseract import engine

    assert _SOURCE is not None
    start = time.process_time()
    try:
        image, dpi = _SOURCE.page(index)
        if dpi > 300:  # finer than OCR needs: only slower
            image = cv2.resize(
                image, None, fx=300 / dpi, fy=300 / dpi, interpolation=cv2.INTER_AREA
            )
            dpi = 300
        page = read_page(image, index + 1, dpi, engine())
    except Exception as exc:  # a damaged page must not stop the others
        text = str(exc).strip().splitlines()[0][:100] if str(exc).strip() else type(exc).__name__
        page = PageText(index + 1, 0, 0, 0, note=f"it could not be read ({text})")
    page.cpu = time.process_time() - start
    return page


def _document(pages: list[PageText], name: str, sha256: str, fmt: str) -> Document:
    blocks: list[str | _Grid] = []
    for items in join_paragraphs([_placed(p) for p in pages], recased_wrap):
        for i, item in enumerate(items):
            if isinstance(item, str):
                blocks.append(str(item))
                continue
            item.ends_page = i == len(items) - 1
            prev = blocks[-1] if blocks else None
            if i == 0 and isinstance(prev, _Grid) and prev.ends_page and prev.width == item.width:
                continue_grid(prev, item, same_row=_same_row)
            else:
                blocks.append(item)
    out: list[Block] = [
        Table(rows=b.rows, spans=b.spans, page=b.page) if isinstance(b, _Grid) else b
        for b in blocks
    ]
    warnings = [f"page {p.number} left out: {p.note}" for p in pages if p.note]
    if not out:
        if len(pages) == 1:
            note = pages[0].note or N_("no text was found")  # one of labels.OCR_NOTE
            raise EmptyDocument(note, where=name)
        notes = "; ".join(f"page {p.number}: {p.note}" for p in pages if p.note)
        raise EmptyDocument("no page could be read ({notes})", where=name, notes=notes)
    scanned = [
        ScannedPage(
            number=p.number,
            confidence=p.confidence,
            width=p.width,
            height=p.height,
            dpi=p.dpi,
            angle=p.angle,
            note=p.note,
            spots=tuple(
                Spot(s.text, round(s.confidence, 3), p.number, s.box) for s in spots(p.items)
            ),
        )
        for p in pages
    ]
    return Document(
        name=name,
        format=fmt,
        sha256=sha256,
        blocks=out,
        ocr=True,
        pages=scanned,
        warnings=warnings,
    )


def _placed(page: PageText) -> list[TextLine | _Grid]:
    """A page's lines where they stand on paper (in points, as the PDF reader places them,
    so wrapped lines join into paragraphs by the same rules) and its tables as grids."""
    scale = 72 / page.dpi if page.dpi else 1.0
    out: list[TextLine | _Grid] = []
    for item in page.items:
        if isinstance(item, Line):
            x0, y0, x1, y1 = (v * scale for v in item.box)
            second = item.second * scale if item.second is not None else None
            out.append(
                TextLine.at(
                    item.text, x0, x1, y0, y1, page.width * scale, hang_of(item.text, second)
                )
            )
        else:
            out.append(
                _Grid([list(r) for r in item.rows], [list(s) for s in item.spans], page.number)
            )
    return out


def _same_row(a: list[str], b: list[str]) -> bool:
    """Two readings of the same row (a header repeated on the next page): OCR rarely reads
    a row twice the same, so nearly equal is equal."""
    return Indel.normalized_similarity(fold(" ".join(a)), fold(" ".join(b))) >= 0.85


def page_picture(data: bytes, name: str, page: int, box: tuple[int, int, int, int]) -> bytes:
    """A PNG of part of a scan's page as OCR saw it (levelled), `box` with a margin around:
    what a person checks a doubtful field against."""
    import cv2

    from kehoach.intake.images import IMAGE_SUFFIXES
    from kehoach.intake.scan_image import prepare

    kind = "image" if name.lower().endswith(IMAGE_SUFFIXES) else "pdf"
    source = _open(kind, data, name)
    if not 1 <= page <= len(source):
        raise EmptyDocument("the scan has no page {page}", where=name, page=page)
    image, _dpi = source.page(page - 1)
    grey, _angle = prepare(image)
    h, w = grey.shape
    x0, y0, x1, y1 = box
    margin = 30
    crop = grey[
        max(0, y0 - margin) : min(h, y1 + margin), max(0, x0 - margin) : min(w, x1 + margin)
    ]
    _, png = cv2.imencode(".png", crop if crop.size else grey)
    return png.tobytes()
