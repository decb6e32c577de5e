"""`kehoach extract` and `kehoach eval` run on real files in tmp_path."""

import json
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.cli import app

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "src" / "kehoach" / "data" / "samples"
FIXTURES = ROOT / "tests" / "data" / "fixtures"
runner = CliRunner()


def test_extract_prints_the_record_as_json() -> None:
    result = runner.invoke(app, ["extract", str(SAMPLES / "001_47cec5a30aa91629.txt")])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["schema"] == "kehoach.plan/1"
    assert record["document"]["signer"] == "Vũ Đình Quang"


def _records_written(folder: Path, out: Path) -> list[str]:
    """`kehoach extract FOLDER --out OUT`, which must succeed: the names of the records."""
    result = runner.invoke(app, ["extract", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return sorted(p.name for p in out.iterdir())


def test_extract_folder_writes_one_json_per_input(tmp_path: Path) -> None:
    assert _records_written(SAMPLES, tmp_path / "out") == [
        "000_c6c358976faa1d91.json",
        "001_47cec5a30aa91629.json",
        "001_ocr.json",
        "002_06834df7b106b0a8.json",
    ]


def test_one_plan_in_several_forms_keeps_a_record_for_each(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    (plans / "x").mkdir(parents=True)
    text = (SAMPLES / "001_47cec5a30aa91629.txt").read_bytes()
    (plans / "plan.txt").write_bytes(text)
    (plans / "x" / "plan.txt").write_bytes(text)
    (plans / "plan.docx").write_bytes((FIXTURES / "000_table.docx").read_bytes())
    assert _records_written(plans, tmp_path / "out") == [
        "plan.docx.json",
        "plans-plan.txt.json",
        "x-plan.txt.json",
    ]


def test_table_format_is_for_people() -> None:
    result = runner.invoke(
        app,
        ["extract", str(SAMPLES / "000_c6c358976faa1d91.txt"), "-f", "table"],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0
    assert "Nhiệm vụ (44)" in result.stdout
    assert "Ban Tuyên giáo và Dân vận Tỉnh ủy" in result.stdout


def test_show_repairs_lists_ocr_repairs() -> None:
    result = runner.invoke(
        app, ["extract", str(SAMPLES / "ocr" / "001_ocr.txt"), "--show-repairs", "-f", "table"]
    )
    assert result.exit_code == 0
    assert "OCR repairs" in result.stderr


def test_several_files_print_one_record_per_line() -> None:
    result = runner.invoke(
        app,
        [
            "extract",
            str(SAMPLES / "000_c6c358976faa1d91.txt"),
            str(SAMPLES / "001_47cec5a30aa91629.txt"),
        ],
    )
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert [json.loads(line)["source"]["name"] for line in lines] == [
        "000_c6c358976faa1d91.txt",
        "001_47cec5a30aa91629.txt",
    ]


def test_bad_inputs_get_one_line_each_and_exit_2(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "notes.rtf").write_text("{\\rtf1 hi}")
    (tmp_path / "hello.txt").write_text("Xin chào, đây là một tệp văn bản bình thường.\n")
    good = SAMPLES / "001_47cec5a30aa91629.txt"
    out = tmp_path / "out"
    monkeypatch.chdir(tmp_path)
    names = ["empty.txt", "notes.rtf", "missing.txt", "hello.txt", str(good)]
    proc = runner.invoke(app, ["extract", *names, "--out", str(out)])
    assert proc.exit_code == 2
    lines = proc.stderr.strip().splitlines()
    assert sorted(lines) == sorted(
        [
            "kehoach: missing.txt: no such file or folder",
            "kehoach: empty.txt: the file is empty",
            "kehoach: notes.rtf: unsupported file type '.rtf'; kehoach reads .txt, .md, .docx, "
            ".pdf and scans (.pdf, .png, .jpg, .tiff)",
            "kehoach: hello.txt: no plan found: no document heading, targets, tasks or reporting duties",
        ]
    )
    assert "Traceback" not in proc.stderr
    assert (out / "001_47cec5a30aa91629.json").exists()  # the good file still ran


def test_the_command_ends_at_once_with_its_output_whole_and_its_exit_code(tmp_path) -> None:
    # `python -m kehoach` ends an extraction without tearing its objects down: what it printed
    # to a pipe still comes whole, and a missing file still gives exit code 2
    paths = [SAMPLES / "001_47cec5a30aa91629.txt", SAMPLES / "002_06834df7b106b0a8.txt"]
    command = [sys.executable, "-m", "kehoach", "extract", "--jobs", "2", *map(str, paths)]
    proc = subprocess.run(command, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(line)["schema"] for line in proc.stdout.splitlines()] == [
        "kehoach.plan/1"
    ] * 2
    missing = tmp_path / "missing.txt"
    proc = subprocess.run([*command, str(missing)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert len(proc.stdout.splitlines()) == 2
    assert proc.stderr == f"kehoach: {missing}: no such file or folder\n"


def test_eval_prints_the_figures() -> None:
    expected = ROOT / "tests" / "data" / "samples" / "expected"
    result = runner.invoke(app, ["eval", str(SAMPLES), str(expected)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "000" in result.stdout and "score" in result.stdout and "1.000" in result.stdout


def test_eval_without_expected_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", str(SAMPLES), str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "expected-records folder not found" in result.output


def test_help_is_fast_to_import() -> None:
    # a fresh interpreter is the only way to see what `--help` imports
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "kehoach", "--help"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0
    heavy = [
        m
        for m in ("sqlalchemy", "fastapi", "pypdfium2", "docx", "rapidfuzz", "pydantic")
        if f" {m}\n" in proc.stderr or f"| {m}\n" in proc.stderr
    ]
    assert heavy == [], f"--help imports {heavy}"


@pytest.mark.slow  # a benchmark: extracts megabytes of documents
def test_bench_extract_reports_the_three_figures() -> None:
    result = runner.invoke(
        app, ["bench", "extract", "--mb", "0.2", "--jobs", "2"], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    out = result.output
    assert "first pass over the folder, text" in out and "2 processes" in out
    assert "PDF intake against pdfplumber" in out and "lc-kh-khoangsan-2026.pdf" in out


def test_plans_of_one_name_in_folders_of_one_name_keep_a_record_each(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    text = (SAMPLES / "001_47cec5a30aa91629.txt").read_bytes()
    for folder in ("a/x", "b/x"):
        (plans / folder).mkdir(parents=True)
        (plans / folder / "plan.txt").write_bytes(text)
    assert _records_written(plans, tmp_path / "out") == ["a-x-plan.txt.json", "b-x-plan.txt.json"]


def test_an_error_with_no_message_still_names_the_file_and_what_failed(monkeypatch) -> None:
    from kehoach.errors import EmptyDocument
    from kehoach.extract import files

    def silent(path, progress=None):
        raise EmptyDocument("")

    monkeypatch.setattr(files, "read_document", silent)
    path = SAMPLES / "001_47cec5a30aa91629.txt"
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 2
    assert result.stderr == f"kehoach: {path}: EmptyDocument (no reason given)\n"


def test_an_error_of_kehoachs_own_is_one_line_naming_the_file(monkeypatch, tmp_path) -> None:
    from kehoach.extract import files

    real = files.read_document

    def broken(path, progress=None):
        if path.name.startswith("002_"):
            raise KeyError("task")
        return real(path, progress=progress)

    monkeypatch.setattr(files, "read_document", broken)
    paths = [SAMPLES / "001_47cec5a30aa91629.txt", SAMPLES / "002_06834df7b106b0a8.txt"]
    for jobs in ("1", "2"):  # in this process, in workers
        out = tmp_path / jobs
        result = runner.invoke(
            app, ["extract", *map(str, paths), "--jobs", jobs, "--out", str(out)]
        )
        assert result.exit_code == 2
        (line,) = result.stderr.splitlines()
        assert line.startswith(f"kehoach: {paths[1]}: could not be read: an error in kehoach (")
        assert "KeyError at extract/files.py:" in line and "Traceback" not in result.stderr
        assert [p.name for p in out.iterdir()] == ["001_47cec5a30aa91629.json"]


def test_eval_names_a_document_it_cannot_read_and_scores_the_others(tmp_path: Path) -> None:
    samples, expected = tmp_path / "samples", tmp_path / "expected"
    samples.mkdir()
    expected.mkdir()
    truth = ROOT / "tests" / "data" / "samples" / "expected"
    for name in ("001_47cec5a30aa91629", "002_06834df7b106b0a8"):
        (expected / f"{name}.json").write_bytes((truth / f"{name}.json").read_bytes())
    (samples / "001_47cec5a30aa91629.txt").write_bytes(
        (SAMPLES / "001_47cec5a30aa91629.txt").read_bytes()
    )
    (samples / "002_06834df7b106b0a8.txt").write_bytes(b"")
    result = runner.invoke(app, ["eval", str(samples), str(expected)], env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert "001" in result.stdout and "score" in result.stdout
    assert result.stderr == f"kehoach: {samples / '002_06834df7b106b0a8.txt'}: the file is empty\n"


def _children(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if f"\nPPid:\t{pid}\n" in text:
            found.append(int(status.parent.name))
    return found


def _marked(marker: str) -> list[int]:
    """Processes whose environment holds `marker` (a run's and all it started)."""
    found = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if marker.encode() in environ.read_bytes():
                found.append(int(environ.parent.name))
        except OSError:
            continue
    return found


def _sigint_as_in_a_terminal() -> None:
    """Ctrl-C as a terminal's foreground process gets it: a child inherits an ignored SIGINT
    (and Python then leaves it ignored, as a background job wants), and in some full runs the
    test workers were seen ignoring it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs Linux's /proc")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_scan_stopped_from_outside_is_named_and_leaves_no_process(tmp_path, sig) -> None:
    from kehoach.intake.scan_bench import repeated_pdf
    from kehoach.intake.tesseract import tessdata

    if tessdata() is None:
        pytest.skip("Tesseract's Vietnamese model is not installed")
    scan = tmp_path / "long-scan.pdf"
    scan.write_bytes(repeated_pdf(FIXTURES / "scans" / "002_table_scan.pdf", 40))
    marker = f"KEHOACH_TEST_RUN={uuid.uuid4()}"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), marker.split("=")[0]: marker[17:]}
    proc = subprocess.Popen(
        # with faulthandler, SIGABRT prints every thread's stack: where a stopped run hangs
        [sys.executable, "-X", "faulthandler", "-m", "kehoach", "extract", str(scan)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        preexec_fn=_sigint_as_in_a_terminal,
    )
    deadline = time.monotonic() + 60
    while len(_children(proc.pid)) < 2 and time.monotonic() < deadline:  # reading pages
        time.sleep(0.1)
    proc.send_signal(sig)  # a time limit's SIGTERM; Ctrl-C
    try:
        _, stderr = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGABRT)
        _, stderr = proc.communicate()
        pytest.fail(f"still running 60 s after {sig.name}:\n{stderr[-4000:]}")
    assert proc.returncode == 128 + sig, (proc.returncode, signal.getsignal(signal.SIGINT))
    assert re.fullmatch(
        rf"kehoach: {re.escape(str(scan))}: not read: stopped by {sig.name} after \d+ of 40 "
        r"pages\n",
        stderr,
    ), stderr
    deadline = time.monotonic() + 10
    while _marked(marker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _marked(marker) == []


def test_a_progress_bar_at_a_terminal_for_several_files_or_a_scan_not_one_typed_file(
    monkeypatch,
) -> None:
    """One typed file is read in a fraction of a second: a bar would only flash, and loading
    rich and drawing it cost more than the reading."""
    from kehoach.cli import extract_cmd

    class Stderr:
        def __init__(self, terminal: bool) -> None:
            self.terminal = terminal

        def isatty(self) -> bool:
            return self.terminal

    monkeypatch.setattr(extract_cmd.sys, "stderr", Stderr(terminal=True))
    assert not extract_cmd._shows_progress([Path("plan.txt")])
    assert not extract_cmd._shows_progress([Path("plan.docx")])
    assert extract_cmd._shows_progress([Path("plan.txt"), Path("other.txt")])
    assert extract_cmd._shows_progress([Path("plan.PDF")])  # perhaps a scan: a bar per page
    assert extract_cmd._shows_progress([Path("page.jpg")])
    monkeypatch.setattr(extract_cmd.sys, "stderr", Stderr(terminal=False))
    assert not extract_cmd._shows_progress([Path("plan.txt"), Path("other.txt")])
