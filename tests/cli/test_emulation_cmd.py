"""`kehoach emulation score` on the imported samples: the ranking printed, the result kept,
the council's table written as XLSX / DOCX, bad input as one line."""

from __future__ import annotations

from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner

from kehoach.cli import app

PLAN = "001_47cec5a30aa91629.txt"


def test_score_prints_keeps_and_writes(db_url, imported, tmp_path):
    plan = imported[PLAN].plan_id
    runner = CliRunner()
    out = tmp_path / "thi-dua.xlsx"
    done = runner.invoke(
        app,
        ["emulation", "score", "--plan", str(plan), "--period", "2026", "--date", "2026-12-31",
         "--format", "xlsx", "--out", str(out), "--db", db_url],
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    assert "rule version 1" in done.output and "Sở Văn hóa, Thể thao và Du lịch" in done.output
    assert "communes: no indicator values" in done.output
    assert load_workbook(out)["Cơ quan"].max_row > 3
    again = runner.invoke(
        app,
        ["emulation", "score", "--plan", str(plan), "--period", "2026-H1", "--format", "docx",
         "--out", str(tmp_path), "--db", db_url],
    )  # fmt: skip
    assert again.exit_code == 0, again.output
    written = tmp_path / f"thi-dua-ke-hoach-{plan}-2026-H1.docx"
    assert "BẢNG TỔNG HỢP" in [p.text for p in Document(written).paragraphs]


def test_bad_input_is_one_line(db_url, imported, tmp_path):
    runner = CliRunner()
    for args, words in (
        (["--plan", "999", "--period", "2026"], "no plan with id 999"),
        (["--plan", "1", "--period", "2026-X"], "unknown period"),
        (["--plan", "1", "--period", "2026", "--format", "pdf"], "unknown format"),
    ):
        done = runner.invoke(app, ["emulation", "score", *args, "--db", db_url])
        assert done.exit_code == 2, done.output
        assert words in done.output and "Traceback" not in done.output
        assert len(done.output.strip().splitlines()) == 1
