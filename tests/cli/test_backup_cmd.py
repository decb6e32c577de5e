"""`kehoach backup` and `kehoach restore`: thin commands over `services.backup`."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from kehoach.cli import app
from kehoach.services.demo import SAMPLES


@pytest.mark.slow  # reads the samples and migrates two databases; services test the rest
def test_backup_then_restore(tmp_path):
    runner = CliRunner()
    source, target = f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}"
    samples = [str(p) for p in sorted(SAMPLES.glob("*.txt"))]
    assert runner.invoke(app, ["import", *samples, "--db", source]).exit_code == 0
    archive = tmp_path / "kehoach.tar.gz"
    made = runner.invoke(app, ["backup", str(archive), "--db", source, "--data-dir", str(tmp_path)])
    assert made.exit_code == 0, made.output
    assert made.output.startswith("backed up the sqlite database at revision ")
    assert "3 plans, 0 reports" in made.output and str(archive) in made.output
    args = ["restore", str(archive), "--db", target, "--data-dir", str(tmp_path / "b")]
    restored = runner.invoke(app, args)
    assert restored.exit_code == 0, restored.output
    assert "restored the sqlite database" in restored.output and "3 plans" in restored.output
    again = runner.invoke(app, args)
    assert again.exit_code == 2
    assert re.fullmatch(
        r"kehoach: the target already holds data \(\d+ tables with rows\); restore into an "
        r"empty database, or add --force to replace it\n",
        again.output,
    )
    assert runner.invoke(app, [*args, "--force"]).exit_code == 0
    status = runner.invoke(app, ["status", "--db", target], env={"COLUMNS": "200"})
    assert status.exit_code == 0 and "Plans on" in status.output
