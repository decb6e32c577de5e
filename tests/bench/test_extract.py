"""`kehoach bench extract`'s folder pass: text files and scans (OCR) are timed apart."""

from pathlib import Path

from kehoach.bench.extract import bench_files, split_scans

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
    # `kehoach extract --out DIR` in a fresh interpreter: more than the pass's own parts
    assert row.command_s > row.start_s + row.seconds > 0
