"""The README's commands are real: every `kehoach …` it shows exists, and the error lines it
quotes are what the command prints."""

import re
import shutil
from pathlib import Path

from typer.testing import CliRunner

from kehoach.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
runner = CliRunner()


def _blocks() -> list[str]:
    return re.findall(r"```(?:sh|text)\n(.*?)```", README, re.S)


def test_every_kehoach_command_in_the_readme_exists() -> None:
    commands = set()
    for block in _blocks():
        for line in block.splitlines():
            m = re.match(r"^\$?\s*(?:\.venv/bin/)?kehoach ((?:bench |user )?[a-z][a-z-]*)", line)
            if m:
                commands.add(m.group(1))
    assert {"extract", "eval", "import", "status", "serve", "user add"} <= commands
    for command in commands:
        result = runner.invoke(app, [*command.split(), "--help"])
        assert result.exit_code == 0, f"kehoach {command}: {result.output}"


def test_run_script_has_the_verbs_the_readme_names() -> None:
    script = (ROOT / "run").read_text(encoding="utf-8")
    for verb in ("demo)", "test)", "check)"):
        assert verb in script
    assert "./run test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_bad_input_lines_are_what_extract_prints(tmp_path: Path, monkeypatch) -> None:
    block = next(b for b in _blocks() if "kehoach: missing.txt" in b)
    quoted = [line for line in block.splitlines() if line.startswith("kehoach: ")]
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "notes.rtf").write_text("{\\rtf1 hi}")
    fixtures = ROOT / "tests" / "data" / "fixtures"
    shutil.copy(fixtures / "encrypted.pdf", tmp_path / "locked.pdf")
    shutil.copy(fixtures / "scans" / "blank.png", tmp_path / "blank.png")
    shutil.copy(fixtures / "000_table.docx", tmp_path / "good.docx")
    command = block.splitlines()[0].removeprefix("$ kehoach ").split()
    monkeypatch.chdir(tmp_path)
    proc = runner.invoke(app, command)
    assert proc.exit_code == 2
    assert sorted(proc.stderr.strip().splitlines()) == sorted(quoted)
    assert (tmp_path / "records" / "good.json").exists()
