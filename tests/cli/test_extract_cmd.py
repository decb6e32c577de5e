"""`kehoach extract` and `kehoach eval` run on real files in tmp_path."""

import json
import subprocess
import sys
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
