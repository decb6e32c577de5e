"""Extraction throughput over the shipped samples, repeated to a given size."""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path


@dataclass(frozen=True)
class BenchRow:
    """One measured figure."""

    name: str
    documents: int
    megabytes: float
    seconds: float

    @property
    def mb_per_s(self) -> float:
        return self.megabytes / self.seconds if self.seconds else float("inf")


def sample_files() -> list[Path]:
    """The shipped sample documents (all text families)."""
    root = Path(str(resources.files("kehoach.data").joinpath("samples")))
    return sorted(p for p in root.rglob("*.txt"))


def bench_extract(megabytes: float = 20.0) -> list[BenchRow]:
    """Extract the samples over and over until `megabytes` of text went through; one row per
    sample family and a total, timed in CPU seconds of this process (one core)."""
    from kehoach.extract import extract_document
    from kehoach.intake import read_bytes

    files = [(p.name, p.read_bytes()) for p in sample_files()]
    for name, data in files:  # warm up: lazy imports, compiled regexes, loaded tables
        extract_document(read_bytes(data, name))
    per_round = sum(len(d) for _, d in files)
    rounds = max(1, int(megabytes * 1e6 / per_round + 0.999))
    rows: list[BenchRow] = []
    total_s = 0.0
    for name, data in files:
        start = time.process_time()
        for _ in range(rounds):
            extract_document(read_bytes(data, name))
        spent = time.process_time() - start
        total_s += spent
        rows.append(BenchRow(name, rounds, rounds * len(data) / 1e6, spent))
    rows.append(BenchRow("all samples", rounds * len(files), rounds * per_round / 1e6, total_s))
    return rows


def bench_help(runs: int = 5) -> float:
    """Median wall seconds of `kehoach --help` in a fresh interpreter."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kehoach", "--help"], capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


@dataclass(frozen=True)
class PdfRow:
    """Our PDF intake against pdfplumber's text-and-tables pass over the same file."""

    name: str
    pages: int
    ours_s: float  # best wall seconds of `kehoach.intake.pdf.read` (lines and tables)
    plumber_s: float | None  # best wall seconds of pdfplumber extract_text + extract_tables

    @property
    def ratio(self) -> float | None:
        return self.plumber_s / self.ours_s if self.plumber_s and self.ours_s else None


def _data(folder: str) -> Path:
    return Path(str(resources.files("kehoach.data").joinpath(folder)))


def sample_pdfs() -> list[Path]:
    """The shipped benchmark PDF: a real plan printed to PDF by LibreOffice (16 pages,
    portrait and landscape, a ruled table with repeated headers, white shading)."""
    return sorted(_data("bench").glob("*.pdf"))


def bench_pdf(path: Path, rounds: int = 3) -> PdfRow:
    """Wall time of our intake and of pdfplumber's `extract_text()` + `extract_tables()` on
    every page of the same file, in this run, alternating; the best of `rounds` each."""
    import hashlib

    from kehoach.intake import pdf

    data = path.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    pages = len(pdf.read_pages(data, path.name))
    ours: list[float] = []
    plumber: list[float] = []
    for _ in range(rounds):
        start = time.perf_counter()
        pdf.read(data, path.name, sha)
        ours.append(time.perf_counter() - start)
        spent = _plumber_pass(data)
        if spent is not None:
            plumber.append(spent)
    return PdfRow(path.name, pages, min(ours), min(plumber) if plumber else None)


def _plumber_pass(data: bytes) -> float | None:
    """pdfplumber's own text and tables of every page (None when it is not installed: it is
    only the yardstick, a development dependency)."""
    try:
        import pdfplumber
    except ImportError:
        return None
    import io

    start = time.perf_counter()
    with pdfplumber.open(io.BytesIO(data)) as doc:
        for page in doc.pages:
            page.extract_text()
            page.extract_tables()
    return time.perf_counter() - start


@dataclass(frozen=True)
class FolderRow:
    """One first pass of `kehoach extract` over files, in a fresh interpreter."""

    files: int
    failed: list[str]  # names of the files that could not be read, and why
    megabytes: float  # bytes of the files read
    start_s: float  # wall time to load what every document needs and start the workers
    seconds: float  # wall time of the documents, first file to last record
    cpu_s: float  # CPU time the documents took, all workers together
    jobs: int
    start_cpu_s: float = 0.0  # CPU time of the start-up (one process, before the fork)
    pages: int = 0  # pages of the files (scans)
    # wall time of `kehoach extract --out DIR` over the files, interpreter start to exit
    command_s: float = 0.0
    # scans: wall time of Tesseract alone reading their pages whole (`bench_tesseract`)
    tesseract_s: float | None = None

    @property
    def mb_per_s(self) -> float:
        return self.megabytes / self.seconds if self.seconds else float("inf")

    @property
    def free_mb_per_s(self) -> float:
        """What the start-up and the documents' CPU time give on `jobs` free cores (the
        machine may be shared: then wall time counts other people's work too)."""
        spent = self.start_cpu_s + self.cpu_s / self.jobs
        return self.megabytes / spent if spent else float("inf")

    @property
    def total_mb_per_s(self) -> float:
        """Counting the start-up too."""
        spent = self.start_s + self.seconds
        return self.megabytes / spent if spent else float("inf")

    @property
    def command_mb_per_s(self) -> float:
        """`kehoach extract --out DIR` on the files, from launching the interpreter to its
        exit: what a person running it on the folder waits for."""
        return self.megabytes / self.command_s if self.command_s else float("inf")

    @property
    def pages_per_s(self) -> float:
        spent = self.start_s + self.seconds
        return self.pages / spent if spent else float("inf")


_FOLDER_RUN = """
import json, resource, sys, time
from pathlib import Path
from kehoach.extract.files import extract_many, start_workers
files = [Path(p) for p in sys.argv[2:]]
jobs = min(int(sys.argv[1]), len(files))
start, cpu = time.perf_counter(), time.process_time()
workers = start_workers(jobs, files) if jobs > 1 else None
ready, start_cpu = time.perf_counter(), time.process_time() - cpu
cpu = time.process_time()
done = [(p, exc) for p, _, _, exc in extract_many(files, jobs=jobs, workers=workers)]
end = time.perf_counter()
if workers is None:  # this process, and a scan's page workers (ended with their scan)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = time.process_time() - cpu + usage.ru_utime + usage.ru_stime
else:  # the workers' own CPU time (and their page workers'), once they have ended
    workers.shutdown(wait=True)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime
size = sum(p.stat().st_size for p, exc in done if exc is None)
failed = [str(exc) for _, exc in done if exc is not None]
print(json.dumps([len(done), failed, size / 1e6, ready - start, end - ready, cpu, start_cpu]))
"""


def bench_files(files: list[Path], jobs: int = 2) -> FolderRow:
    """Extract every file once, spread over `jobs` processes, in a fresh interpreter (no
    document read before, nothing loaded or cached): the wall time of starting the workers
    (what every document needs, loaded once before they fork; the Word and PDF files are
    being read meanwhile, by a reader process started first) and of the documents, first
    file to last record; and, apart, of `kehoach extract --out DIR` itself, from launching
    the interpreter to its exit; what a document alone needs (the OCR repair model, the
    Word and PDF readers) is loaded by the process that meets it."""
    import json

    if not files:
        return FolderRow(0, [], 0.0, 0.0, 0.0, 0.0, jobs)
    out = subprocess.run(
        [sys.executable, "-c", _FOLDER_RUN, str(jobs), *map(str, files)],
        capture_output=True,
        text=True,
        check=True,
    )
    command_s = _command_pass(files, jobs)
    count, failed, megabytes, start_s, seconds, cpu_s, start_cpu = json.loads(
        out.stdout.strip().splitlines()[-1]
    )
    return FolderRow(
        count, failed, megabytes, start_s, seconds, cpu_s, jobs, start_cpu, command_s=command_s
    )


def _command_pass(files: list[Path], jobs: int) -> float:
    """Wall time of `kehoach extract --out DIR` itself over `files`, in a fresh interpreter:
    the command line's own start (typer, the commands' modules) and the records written
    count, as they do for the person who runs it."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="kehoach-bench-") as out:
        command = [sys.executable, "-m", "kehoach", "extract", "--jobs", str(jobs)]
        launched = time.perf_counter()
        subprocess.run([*command, "--out", out, *map(str, files)], capture_output=True, check=False)
        return time.perf_counter() - launched


def split_scans(files: list[Path]) -> tuple[list[Path], list[tuple[Path, int]]]:
    """(text files: .txt/.md, .docx, PDFs with a text layer; scans with their page counts:
    page images and PDFs whose pages are pictures). Scans are OCR, timed apart."""
    from kehoach.errors import KehoachError
    from kehoach.intake.document import IMAGE_SUFFIXES
    from kehoach.intake.pdf import pages_without_text, read_pages

    texts: list[Path] = []
    scans: list[tuple[Path, int]] = []
    for path in files:
        suffix = path.suffix.lower()
        if suffix in IMAGE_SUFFIXES:
            scans.append((path, _frames(path)))
            continue
        if suffix == ".pdf":
            try:
                data = path.read_bytes()
                if pages_without_text(data, path.name):
                    scans.append((path, len(read_pages(data, path.name))))
                    continue
            except KehoachError:
                pass  # the pass itself names what is wrong with it
        texts.append(path)
    return texts, scans


def _frames(path: Path) -> int:
    from kehoach.intake.images import ImageFrames

    try:
        return len(ImageFrames(path.read_bytes(), path.name))
    except Exception:  # the OCR pass names what is wrong with it
        return 1


def bench_folder(
    paths: list[Path], jobs: int = 2, runs: int = 1
) -> tuple[list[FolderRow], FolderRow]:
    """The first pass over the plans under `paths` (files or folders; a folder's README is
    no plan): text files in a fresh interpreter, `runs` times (each a first pass), sorted by
    their wall time with the start-up; scans (OCR) once, in another; the scans' row counts
    their pages."""
    from dataclasses import replace

    from kehoach.extract.files import expand_paths

    files, _missing = expand_paths(paths)
    texts, scans = split_scans(files)
    scan_row = bench_files([p for p, _ in scans], jobs)
    rows = sorted(
        (bench_files(texts, jobs) for _ in range(max(1, runs))),
        key=lambda r: r.start_s + r.seconds,
    )
    tesseract_s = bench_tesseract([p for p, _ in scans], jobs)
    return rows, replace(scan_row, pages=sum(n for _, n in scans), tesseract_s=tesseract_s)


def bench_tesseract(scans: list[Path], jobs: int = 2) -> float | None:
    """The anchor for scans: wall seconds of Tesseract alone reading every page of `scans`
    whole (rendered as kehoach renders it, one `Recognize` a page, nothing levelled, no
    tables found or cells read), spread over `jobs` processes; None without Tesseract."""
    from concurrent.futures import ProcessPoolExecutor

    from kehoach.intake.tesseract import tessdata

    if not scans or tessdata() is None:
        return None
    pages = [(p, i) for p in scans for i in range(_page_count(p))]
    start = time.perf_counter()
    with ProcessPoolExecutor(max(1, min(jobs, len(pages)))) as pool:
        list(pool.map(_tesseract_page, pages))
    return time.perf_counter() - start


def _page_count(path: Path) -> int:
    from kehoach.intake.images import ImageFrames, PdfPages

    try:
        data = path.read_bytes()
        source = PdfPages(data) if path.suffix.lower() == ".pdf" else ImageFrames(data)
        return len(source)
    except Exception:  # the scan pass names what is wrong with it
        return 0


_PLAIN = None  # Tesseract as it comes, in a worker of `bench_tesseract`


def _tesseract_page(job: tuple[Path, int]) -> int:
    import cv2
    import tesserocr

    from kehoach.intake.images import ImageFrames, PdfPages
    from kehoach.intake.tesseract import LANGUAGE, tessdata

    global _PLAIN
    if _PLAIN is None:
        _PLAIN = tesserocr.PyTessBaseAPI(path=tessdata(), lang=LANGUAGE)
    path, index = job
    data = path.read_bytes()
    source = PdfPages(data) if path.suffix.lower() == ".pdf" else ImageFrames(data)
    image, dpi = source.page(index)
    grey = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    h, w = grey.shape
    _PLAIN.SetImageBytes(grey.tobytes(), w, h, 1, w)
    _PLAIN.SetSourceResolution(dpi)
    return len(_PLAIN.GetUTF8Text() or "")


def sample_folders() -> list[Path]:
    """The shipped samples (text, OCR'd text) and the benchmark PDF."""
    return [_data("samples"), _data("bench")]
