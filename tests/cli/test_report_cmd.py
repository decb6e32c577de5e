"""`kehoach report` and `kehoach ledger` on the demo data, writing real files."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner

from kehoach.cli import app
from kehoach.services import demo


@pytest.fixture(autouse=True)
def _data_dir(monkeypatch, tmp_path):
    """Issued files are kept under the data folder: a temporary one here."""
    from kehoach.settings import get_settings

    monkeypatch.setenv("KEHOACH_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def run(db_url, session):
    demo.seed_demo(session, today=date(2026, 6, 12))
    session.commit()
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(app, [*args, "--db", db_url])

    return invoke


def test_report_docx_then_xlsx_lists_changes(run, tmp_path):
    out = tmp_path / "bc.docx"
    first = run(
        "report", "--plan", "1", "--period", "2026-H1", "--date", "20/6/2026", "--out", str(out)
    )
    assert first.exit_code == 0, first.output
    assert "report 2026-H1 of plan 1, figures as of 20/06/2026" in first.output
    assert any(p.text == "BÁO CÁO" for p in Document(str(out)).paragraphs)
    second = run(
        "report",
        "--plan",
        "1",
        "--period",
        "2026-H1",
        "--format",
        "xlsx",
        "--out",
        str(tmp_path),
        "--date",
        "2026-06-20",
    )
    assert second.exit_code == 0, second.output
    assert "0 changes since the issue of" in second.output
    book = load_workbook(tmp_path / "bao-cao-14-CTr-TU-2026-H1.xlsx")
    assert "Thay đổi" in book.sheetnames


def test_report_errors_are_one_line(run):
    bad = run("report", "--plan", "1", "--period", "2026-H9")
    assert bad.exit_code == 2
    assert bad.output.strip() == "kehoach: period: '2026-H9' is not a reporting period of this plan"
    fmt = run("report", "--plan", "1", "--period", "2026-H1", "--format", "odt")
    assert fmt.exit_code == 2 and "format must be one of docx, xlsx, pdf" in fmt.output
    missing = run("report", "--plan", "9", "--period", "2026-H1")
    assert missing.exit_code == 2 and "no plan with id 9" in missing.output


def test_ledger(run, tmp_path):
    out = tmp_path / "so.xlsx"
    done = run(
        "ledger",
        "--plan",
        "1",
        "--date",
        "2026-06-20",
        "--status",
        "in_progress",
        "--out",
        str(out),
    )
    assert done.exit_code == 0, done.output
    ws = load_workbook(io.BytesIO(out.read_bytes())).worksheets[0]
    assert [c.value for c in ws[4]][:3] == ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì"]
    statuses = {r[6] for r in ws.iter_rows(min_row=5, values_only=True) if r[0].isdigit()}
    assert statuses == {"Đang thực hiện"}
    unknown = run("ledger", "--plan", "1", "--agency", "Sở Không Có")
    assert unknown.exit_code == 2 and unknown.output.startswith("kehoach: --agency:")
