"""How fast scans are read: a scan's pages repeated to a given count, read by OCR on a
given number of worker processes, timed on the wall clock and in CPU seconds."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from kehoach.errors import InputError


@dataclass(frozen=True)
class OcrBench:
    """The figures of one run."""

    pages: int
    workers: int
    wall: float  # seconds, start to finish (the machine's other load included)
    cpu: float  # CPU seconds of every process that took part
    confidence: float | None

    @property
    def per_page(self) -> float:
        return self.wall / self.pages

    @property
    def idle_wall(self) -> float:
        """What the wall time would be with `workers` cores to ourselves."""
        return self.cpu / self.workers


def repeated_pdf(path: Path, pages: int) -> bytes:
    """A PDF of `pages` pages: the scan's pages, over again as often as needed."""
    import io

    import pypdfium2

    if path.suffix.lower() != ".pdf":
        raise InputError("the benchmark takes a scanned .pdf", where=str(path))
    source = pypdfium2.PdfDocument(path.read_bytes())
    out = pypdfium2.PdfDocument.new()
    order = [i % len(source) for i in range(pages)]
    out.import_pages(source, order)
    buffer = io.BytesIO()
    out.save(buffer)
    out.close()
    source.close()
    return buffer.getvalue()


def bench_ocr(path: Path, pages: int = 30, workers: int = 2, progress=None) -> OcrBench:
    """Read `pages` pages of the scan at `path` with `workers` processes."""
    import hashlib

    from kehoach.intake import scan

    data = repeated_pdf(path, pages)
    sha = hashlib.sha256(data + str(time.time()).encode()).hexdigest()  # never cached
    start = time.perf_counter()
    doc = scan.read_scan(data, path.name, sha, kind="pdf", progress=progress, workers=workers)
    wall = time.perf_counter() - start
    cpu = scan.last_cpu  # the pages' own CPU time, in whichever process read them
    sized = [(p.confidence, len(p.spots)) for p in doc.pages if p.confidence is not None]
    total = sum(n for _, n in sized)
    confidence = sum(c * n for c, n in sized) / total if total else None
    return OcrBench(pages, workers, wall, cpu, confidence)
