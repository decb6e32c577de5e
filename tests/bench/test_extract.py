"""`kehoach bench extract`'s folder pass: text files and scans (OCR) are timed apart."""

from pathlib import Path

import pytest

from kehoach.bench.extract import bench_files, bench_tesseract, split_scans
from kehoach.intake.scan_bench import repeated_pdf
from kehoach.intake.tesseract import tessdata

FIXTURES = Path(__file__).parents[1] / "data" / "fixtures"


def test_scans_are_told_from_text_files_with_their_pages() -> None:
    files = [
        FIXTURES / "002_table.pdf",
        FIXTURES / "000_table.docx",
        FIXTURES / "pipe_table.md",
        FIXTURES / "scan.pdf",
        FIXTURES / "scans" / "damaged.png",
    ]
    texts, scans = split_scans(files)
    assert texts == files[:3]
    assert [(p.name, pages >= 1) for p, pages in scans] == [
        ("scan.pdf", True),
        ("damaged.png", True),
    ]


def test_a_first_pass_times_the_extract_command_itself() -> None:
    files = [FIXTURES / "000_table.docx", FIXTURES / "pipe_table.md", FIXTURES / "empty.txt"]
    row = bench_files(files, jobs=2)
    assert (row.files, row.jobs) == (3, 2)
    assert len(row.failed) == 1 and "empty.txt" in row.failed[0]
    # `kehoach extract --out DIR` in a fresh interpreter, timed apart from the pass and its
    # start-up (each its own run: on a loaded machine their sum can exceed it)
    assert row.command_s > 0 and row.start_s > 0 and row.seconds > 0


@pytest.mark.slow
@pytest.mark.skipif(tessdata() is None, reason="Tesseract's Vietnamese model is not installed")
def test_a_scans_pass_counts_its_page_workers_and_tesseract_alone_is_its_anchor(tmp_path):
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(repeated_pdf(FIXTURES / "scans" / "decision_wrap_scan.pdf", 6))
    row = bench_files([scan], jobs=2)
    assert row.failed == [] and row.files == 1
    # one file: read in the pass's own process, its six pages by page workers, whose CPU
    # counts (it was left out: the pass's own process read nothing but the record, some
    # 0.2 s; six pages of Tesseract take 2.5-4 s)
    assert row.cpu_s > 1.0 and row.command_s > 0
    floor = bench_tesseract([scan], jobs=2)
    assert floor is not None and floor > 0
