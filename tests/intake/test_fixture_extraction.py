"""The DOCX and PDF fixtures hold the same task tables as samples 000 and 002: extraction
must find the same tasks, with the same agencies and timeframes, as from the text samples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kehoach.extract import extract_file
from kehoach.extract.plan_score import score

FIXTURES = Path(__file__).parents[1] / "data" / "fixtures"
EXPECTED = Path(__file__).parents[1] / "data" / "samples" / "expected"

CASES = [
    ("000_table.docx", "000_c6c358976faa1d91.json"),
    ("000_table_extra_col.docx", "000_c6c358976faa1d91.json"),
    ("002_table.pdf", "002_06834df7b106b0a8.json"),
]


@pytest.fixture(scope="module", params=CASES, ids=[c[0] for c in CASES])
def records(request):
    """(expected record, record extracted from the fixture)."""
    fixture, expected = request.param
    record = extract_file(FIXTURES / fixture).to_json()
    return json.loads((EXPECTED / expected).read_text(encoding="utf-8")), record


@pytest.fixture(scope="module")
def figures(records):
    return score(*records)


def test_same_tasks_as_the_text_sample(figures):
    assert figures["tasks_f1"] >= 0.95


def test_same_agencies_and_timeframes_as_the_text_sample(figures):
    for key in ("directing", "lead", "coordinating", "timeframe"):
        assert figures[f"task_{key}_accuracy"] >= 0.95, key


def test_document_fields_read_from_the_fixture_text(records):
    """The fixtures carry the opening lines and the appendix caption (not the signature
    block, so the issuer is left to the extractor's tests)."""
    expected, record = records
    for key in ("kind", "province", "date", "draft"):
        assert record["document"][key] == expected["document"][key], key
    assert len(record["tasks"]) == len(expected["tasks"])


def test_borderless_pdf_table_gives_its_ten_tasks():
    """000_borderless.pdf holds the first five tasks of groups I and II of sample 000."""
    expected = json.loads((EXPECTED / CASES[0][1]).read_text(encoding="utf-8"))
    ids = {f"{g}.{n}" for g in ("I", "II") for n in range(1, 6)}
    expected["tasks"] = [t for t in expected["tasks"] if t["id"] in ids]
    figures = score(expected, extract_file(FIXTURES / "000_borderless.pdf").to_json())
    assert figures["tasks_f1"] >= 0.95
    for key in ("directing", "lead", "coordinating", "timeframe"):
        assert figures[f"task_{key}_accuracy"] >= 0.95, key


@pytest.mark.parametrize(("fixture", "tasks"), [("000_table.docx", 44), ("002_table.pdf", 47)])
def test_cli_extracts_the_fixture(fixture, tasks, monkeypatch):
    from typer.testing import CliRunner

    from kehoach.cli import app

    monkeypatch.chdir(FIXTURES)
    proc = CliRunner().invoke(app, ["extract", fixture])
    assert proc.exit_code == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["source"]["name"] == fixture
    assert record["source"]["format"] == fixture.rsplit(".", 1)[1]
    assert len(record["tasks"]) == tasks
