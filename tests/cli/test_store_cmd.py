"""`kehoach import`, `kehoach user add`, `kehoach status`, `kehoach bench status` on real files."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.cli import app
from kehoach.services.demo import SAMPLES

SAMPLE_FILES = [str(p) for p in sorted(SAMPLES.glob("*.txt"))]


@pytest.fixture
def run(db_url):
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(app, [*args, "--db", db_url], input=input)

    return invoke


def test_import_then_reimport(run):
    first = run("import", *SAMPLE_FILES)
    assert first.exit_code == 0, first.output
    assert first.output.count("created plan") == 3
    again = run("import", SAMPLE_FILES[0])
    assert again.exit_code == 0
    assert "unchanged (plan 1)" in again.output


def test_a_failing_file_does_not_stop_the_others(run, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run("import", str(tmp_path / "missing.txt"), str(empty), SAMPLE_FILES[1])
    assert result.exit_code == 2
    assert "missing.txt: no such file or folder" in result.output
    assert "empty.txt" in result.output
    assert "001_47cec5a30aa91629.txt: created plan" in result.output


def test_user_add(run):
    assert run("import", SAMPLE_FILES[1]).exit_code == 0
    ok = run(
        "user",
        "add",
        "so-vh",
        "--role",
        "reporter",
        "--agency",
        "Sở VHTTDL",
        "--password",
        "a-good-password",
    )
    assert ok.exit_code == 0, ok.output
    assert "added so-vh (reporter of Sở Văn hóa, Thể thao và Du lịch, Cao Bằng)" in ok.output
    prompted = run("user", "add", "lead", "--role", "officer", input="pass-word-1\npass-word-1\n")
    assert prompted.exit_code == 0 and "added lead (officer, Toàn quốc)" in prompted.output
    local = run(
        "user",
        "add",
        "cb",
        "--role",
        "viewer",
        "--province",
        "tỉnh Cao Bằng",
        "--password",
        "p-word-12",
    )
    assert local.exit_code == 0 and "added cb (viewer, Cao Bằng)" in local.output
    nowhere = run(
        "user", "add", "zz", "--role", "viewer", "--province", "Atlantis", "--password", "p-word-12"
    )
    assert nowhere.exit_code == 2
    assert "jurisdiction: no province or commune named 'Atlantis'" in nowhere.output
    taken = run("user", "add", "lead", "--role", "officer", "--password", "pass-word-1")
    assert taken.exit_code == 2
    assert "username: the username 'lead' is taken; choose another" in taken.output
    unknown = run(
        "user",
        "add",
        "x",
        "--role",
        "reporter",
        "--agency",
        "Sở Không Có",
        "--password",
        "pass-word-1",
    )
    assert unknown.exit_code == 2
    assert "no agency named 'Sở Không Có'; agencies come from imported plans" in unknown.output
    close = run(
        "user",
        "add",
        "y",
        "--role",
        "reporter",
        "--agency",
        "So Van hoa",
        "--password",
        "pass-word-1",
    )
    assert "did you mean: Sở Văn hóa, Thể thao và Du lịch" in close.output


def test_status_tables(run):
    assert run("import", *SAMPLE_FILES).exit_code == 0
    overview = run("status", "--date", "1/7/2026")
    assert overview.exit_code == 0, overview.output
    assert "Plans on 01/07/2026" in overview.output
    assert "Agencies (lead tasks)" in overview.output
    one = run("status", "--agency", "Sở VHTTDL", "--date", "2026-07-01")
    assert one.exit_code == 0
    assert "Sở Văn hóa, Thể thao và Du lịch" in one.output
    bad = run("status", "--date", "31/2/2026")
    assert bad.exit_code == 2
    assert "'31/2/2026' is not a date; write 2026-06-30 or 30/6/2026" in bad.output
    no_plan = run("status", "--plan", "99")
    assert no_plan.exit_code == 2 and "--plan: no plan with id 99" in no_plan.output
    nobody = run("status", "--agency", "Sở Không Có")
    assert nobody.exit_code == 2 and "no agency named" in nobody.output


def test_an_agency_of_two_provinces_needs_the_province(run):
    assert run("import", SAMPLE_FILES[1], SAMPLE_FILES[2]).exit_code == 0
    args = ["user", "add", "so", "--role", "reporter", "--agency", "Sở VHTTDL"]
    both = run(*args, "--password", "pass-word-1")
    assert both.exit_code == 2
    assert "several jurisdictions (Cao Bằng, Điện Biên); give its province" in both.output
    one = run(*args, "--province", "Điện Biên", "--password", "pass-word-1")
    assert one.exit_code == 0 and "Điện Biên)" in one.output
    status = run("status", "--agency", "Sở VHTTDL", "--province", "Điện Biên", "--date", "1/7/2026")
    assert status.exit_code == 0 and "Sở Văn hóa, Thể thao và Du lịch" in status.output


def test_jurisdictions(run):
    updated = run("jurisdictions", "update")
    assert updated.exit_code == 0, updated.output
    assert "0 added, 0 renamed, 0 retired" in updated.output
    provinces = run("jurisdictions", "list")
    assert "04\tCao Bằng" in provinces.output and "11\tĐiện Biên" in provinces.output
    communes = run("jurisdictions", "list", "--province", "Cao Bằng")
    assert "Phường Thục Phán" in communes.output


def test_status_on_an_empty_database(run):
    result = run("status")
    assert result.exit_code == 0
    assert "No plans yet" in result.output


def test_bench_status(run):
    result = run(
        "bench",
        "status",
        "--tasks",
        "120",
        "--plans",
        "3",
        "--agencies",
        "10",
        "--years",
        "2",
        "--repeat",
        "1",
    )
    assert result.exit_code == 0, result.output
    assert "built 3 plans, 120 tasks" in result.output
    assert "status of 120 tasks" in result.output


def test_a_look_alike_of_a_stored_plan_asks_first(run, tmp_path):
    """The unnumbered UBND plan sent again under another name: not stored until the person
    says it is a new version (--replace) or a new plan (--new)."""
    assert run("import", SAMPLE_FILES[1]).exit_code == 0
    again = tmp_path / "ke-hoach-ban-sua.txt"
    again.write_bytes(Path(SAMPLE_FILES[1]).read_bytes() + b"\n")
    asked = run("import", str(again))
    assert asked.exit_code == 2
    assert f"kehoach: {again}: looks like plan 1 (001_47cec5a30aa91629.txt, alike text); " in (
        asked.output
    )
    assert "--replace 1 (a new version of that plan) or --new (a new plan)" in asked.output
    updated = run("import", str(again), "--replace", "1")
    assert updated.exit_code == 0 and "updated plan 1" in updated.output
    both = run("import", str(again), SAMPLE_FILES[0], "--new")
    assert both.exit_code == 2 and "--replace and --new are for one document at a time" in (
        both.output
    )
