"""`kehoach compare`: matches and precision/recall against the hand alignment."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from kehoach.cli import app

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "data" / "fixtures" / "alignment_80nq_000_002.json"
EXPECTED = ROOT / "tests" / "data" / "samples" / "expected"


def test_compare_records_with_eval():
    names = [str(EXPECTED / f"{s}.json") for s in ("000_c6c358976faa1d91", "002_06834df7b106b0a8")]
    result = CliRunner().invoke(app, ["compare", "--plans", *names, "--eval", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    assert "Targets: 10 matched" in result.output
    assert "t7:1 ↔ t11:1" in result.output and "[2% → 2030 | 5% → 2030]" in result.output
    assert "precision 1.00 (10/10), recall 1.00 (10/10)" in result.output
    assert "Tasks:" in result.output and result.output.count("precision") == 2


def test_bad_input_is_one_line(tmp_path):
    bad = tmp_path / "hand.json"
    bad.write_text(json.dumps({"targets": {"sure": [1]}}), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["compare", "--plans", "x", "y"])
    assert result.exit_code == 2
    assert result.output.strip() == "kehoach: x: neither a file nor a plan id"
    result = runner.invoke(app, ["compare", "--plans", str(bad), str(bad), "--eval", str(bad)])
    assert result.exit_code == 2 and "not a hand alignment" in result.output
    assert "Traceback" not in result.output


def test_a_bad_record_file_is_one_line(tmp_path):
    good = EXPECTED / "000_c6c358976faa1d91.json"
    data = json.loads(good.read_text(encoding="utf-8"))
    data["tasks"][1]["lead"] = "Sở Nội vụ"
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema": "kehoach.plan/1",', encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["compare", "--plans", str(good), str(wrong)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.output.strip() == (
        f"kehoach: {wrong}: not a plan record (kehoach.plan/1 JSON): "
        "tasks.1.lead: Input should be a valid list"
    )
    result = runner.invoke(app, ["compare", "--plans", str(broken), str(good)])
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1
    assert result.output.startswith(f"kehoach: {broken}: not a plan record (kehoach.plan/1 JSON)")


def test_compare_stored_plans(db_url, imported):
    left = imported["000_c6c358976faa1d91.txt"].plan_id
    right = imported["002_06834df7b106b0a8.txt"].plan_id
    args = ["compare", "--plans", str(left), str(right), "--db", db_url, "--eval", str(FIXTURE)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("14-CTr/TU (Cao Bằng)  ↔  ke_hoach (Điện Biên)")
    assert "precision 1.00 (10/10), recall 1.00 (10/10)" in result.output
    missing = CliRunner().invoke(app, ["compare", "--plans", "999999", str(right), "--db", db_url])
    assert missing.exit_code == 2 and "no plan with id 999999" in missing.output
