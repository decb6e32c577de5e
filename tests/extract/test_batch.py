"""Extracting a folder of plans over worker processes: records in the order given, errors
named by file, the same records as one process gives."""

from __future__ import annotations

import multiprocessing
import os
import signal
from pathlib import Path

from kehoach.extract import files
from kehoach.extract.files import expand_paths, extract_many

ROOT = Path(__file__).parents[2]
SAMPLES = ROOT / "src" / "kehoach" / "data" / "samples"
FIXTURES = ROOT / "tests" / "data" / "fixtures"


def test_two_workers_give_what_one_process_gives(tmp_path):
    files, _ = expand_paths([SAMPLES])
    # Word and PDF files go to the reader process, started before the extraction code loads
    files += [FIXTURES / "002_table.pdf", FIXTURES / "scan.pdf", FIXTURES / "empty.txt"]
    files += [FIXTURES / "000_table.docx", FIXTURES / "random.docx"]
    alone = list(extract_many(files, jobs=1))
    pooled = list(extract_many(files, jobs=2))
    assert [p for p, *_ in pooled] == files
    assert [r.to_json() if r else None for _, r, _, _ in pooled] == [
        r.to_json() if r else None for _, r, _, _ in alone
    ]
    errors = {p.name: str(e) for p, _, _, e in pooled if e is not None}
    assert errors == {
        # read by OCR (in a worker: a scan's own pool nests): a tiny bitmap font, unreadable
        "scan.pdf": f"{FIXTURES / 'scan.pdf'}: the text is not Vietnamese",
        "empty.txt": f"{FIXTURES / 'empty.txt'}: the file is empty",
        "random.docx": str(next(e for p, _, _, e in alone if p.name == "random.docx")),
    }


def test_a_batch_left_early_leaves_no_process_behind():
    files = [FIXTURES / "002_table.pdf", FIXTURES / "000_table.docx", *expand_paths([SAMPLES])[0]]
    results = extract_many(files, jobs=2)
    path, record, _, error = next(results)
    assert path == files[0] and record is not None and error is None
    results.close()
    assert multiprocessing.active_children() == []


def test_a_folders_readme_is_no_plan(tmp_path):
    (tmp_path / "README.md").write_text("# Kế hoạch của tỉnh\n", encoding="utf-8")
    (tmp_path / "plan.txt").write_bytes((SAMPLES / "001_47cec5a30aa91629.txt").read_bytes())
    files, missing = expand_paths([tmp_path])
    assert [p.name for p in files] == ["plan.txt"] and missing == []
    # named on its own, it is read (and said to be no plan)
    assert expand_paths([tmp_path / "README.md"])[0] == [tmp_path / "README.md"]


_real_extract_one = files.extract_one


def _killed_on_000(path, progress=None):
    """extract_one, but the process reading `000_…` is killed (the OOM killer's way)."""
    if path.name.startswith("000_"):
        os.kill(os.getpid(), signal.SIGKILL)
    return _real_extract_one(path, progress)


def test_a_worker_killed_on_one_file_names_that_file_and_the_others_are_read(monkeypatch):
    all_files, _ = expand_paths([SAMPLES])
    plans = [p for p in all_files if p.suffix == ".txt"]
    victim = next(p for p in plans if p.name.startswith("000_"))
    alone = {p: r.to_json() for p, r, _, _ in extract_many(plans, jobs=1) if r is not None}
    monkeypatch.setattr(files, "extract_one", _killed_on_000)  # the workers fork with it
    results = list(extract_many(plans, jobs=2))
    assert [p for p, *_ in results] == plans
    errors = {p: str(e) for p, _, _, e in results if e is not None}
    assert errors == {
        victim: f"{victim}: the process reading it was killed (SIGKILL), most often because "
        "memory ran out"
    }
    # the files the dead worker's pool had not finished were read again, each on its own
    assert {p: r.to_json() for p, r, _, _ in results if r is not None} == {
        p: j for p, j in alone.items() if p != victim
    }
    assert multiprocessing.active_children() == []


def _killed_on_md(path, progress=None):
    """extract_one, but the process reading a `.md` file is killed."""
    if path.suffix == ".md":
        os.kill(os.getpid(), signal.SIGKILL)
    return _real_extract_one(path, progress)


def test_a_worker_killed_on_one_form_of_a_plan_still_reads_its_other_forms(monkeypatch, tmp_path):
    text = (SAMPLES / "001_47cec5a30aa91629.txt").read_bytes()
    plans = [tmp_path / "plan.txt", tmp_path / "plan.md", tmp_path / "other.txt"]
    for path in plans:
        path.write_bytes(text)
    monkeypatch.setattr(files, "extract_one", _killed_on_md)  # the workers fork with it
    results = list(extract_many(plans, jobs=2))
    assert [p for p, *_ in results] == plans
    assert [r is not None for _, r, _, _ in results] == [True, False, True]
    assert "was killed (SIGKILL)" in str(results[1][3])
    assert multiprocessing.active_children() == []


def _broken(path, progress=None):
    raise IndexError("list index out of range")


def test_an_error_of_kehoachs_own_is_a_reason_naming_the_file(monkeypatch):
    monkeypatch.setattr(files, "read_document", _broken)
    paths = [SAMPLES / "001_47cec5a30aa91629.txt", SAMPLES / "002_06834df7b106b0a8.txt"]
    for jobs in (1, 2):  # in this process, and in workers
        for path, record, _, error in extract_many(paths, jobs=jobs):
            assert record is None
            assert str(error).startswith(
                f"{path}: could not be read: an error in kehoach (IndexError at extract/files.py:"
            )
            assert str(error).endswith(": list index out of range); please report it")


class _Recorder:
    """A pool that only notes which files it was given, in order; each task finishes when
    told."""

    def __init__(self) -> None:
        self.given: list[list[str]] = []
        self.futures: list = []

    def submit(self, fn, items, documents):
        from concurrent.futures import Future

        self.given.append([path.name for path, _ in items])
        future: Future = Future()
        self.futures.append(future)
        return future


def _read(name: str, size: int):
    """A document read ahead whose lines come to `size` characters."""
    from kehoach.intake import Document

    return Path(name), Document(name=name, format="docx", sha256="", blocks=["x" * size])


def test_the_costliest_files_ready_go_to_the_next_free_worker():
    import queue

    pool = _Recorder()
    feed = files._Feed(pool, 2, False, queue.SimpleQueue())
    for name, size in [("small", 10), ("big", 50), ("middle", 30)]:
        feed.add([_read(name, size)])
    feed.launch()
    assert pool.given == [["big"], ["middle"]]  # one task a worker, the costliest first
    feed.add([_read("late", 40)])  # a Word file's document, back from the reader late
    feed.launch()
    assert pool.given == [["big"], ["middle"]]  # no worker free yet
    pool.futures[1].set_result([])
    feed.launch()
    assert pool.given == [["big"], ["middle"], ["late"]]  # before the smaller file
    assert feed.settled(Path("middle")) and not feed.settled(Path("small"))


def test_files_of_one_name_go_to_one_worker_together():
    names = ["plan.txt", "other.txt", "x/plan.docx", "plan.pdf"]
    groups = files._by_name([Path(n) for n in names])
    assert groups[Path("plan.pdf")] == (Path("plan.txt"), Path("x/plan.docx"), Path("plan.pdf"))
    assert groups[Path("other.txt")] == (Path("other.txt"),)
