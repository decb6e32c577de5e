"""`kehoach bench seed` and `kehoach bench scale` at the tiny scale, on both backends."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from kehoach.cli import app

runner = CliRunner()


@pytest.mark.slow
def test_seed_then_scale_figures_with_their_floors(db_url, tmp_path):
    seeded = runner.invoke(app, ["bench", "seed", "--scale", "tiny", "--db", db_url])
    assert seeded.exit_code == 0, seeded.output
    assert "2 provinces" in seeded.output and "48 tasks" in seeded.output
    out = tmp_path / "figures.json"
    web = ["--seconds", "1", "--connections", "4", "--workers", "1"]
    if shutil.which("wrk") is None:
        web = ["--no-web"]
    args = ["bench", "scale", "--db", db_url, "--repeat", "3", "--extract-mb", "0.1", *web]
    result = runner.invoke(app, [*args, "--json", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["sizes"]["provinces"] == 2 and data["sizes"]["tasks"] == 48
    assert data["machine"]["cores"] and data["machine"]["database"]
    groups = {f["group"] for f in data["figures"]}
    assert {"extract", "import", "status", "roll-up"} <= groups
    status = [f for f in data["figures"] if f["group"] == "status"]
    assert len(status) == 3 and all(f["floor_p50_ms"] > 0 and f["ratio"] for f in status)
    assert all(f["p95_ms"] >= f["p50_ms"] > 0 for f in data["figures"])
    if "--no-web" not in web:
        pages = {f["name"] for f in data["figures"] if f["group"] == "web"}
        assert {"dashboard", "plan page", "GET /api/plans"} <= pages
    assert "× floor" in result.output


def test_seed_refuses_a_database_that_holds_plans(db_url):
    first = runner.invoke(app, ["bench", "seed", "--scale", "tiny", "--db", db_url])
    assert first.exit_code == 0, first.output
    again = runner.invoke(app, ["bench", "seed", "--scale", "tiny", "--db", db_url])
    assert again.exit_code == 2
    assert "already holds plans" in again.output
    bad = runner.invoke(app, ["bench", "seed", "--scale", "huge", "--db", db_url])
    assert bad.exit_code == 2 and "unknown scale" in bad.output
