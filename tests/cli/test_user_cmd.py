"""`kehoach user list | passwd | deactivate | activate` on a real database."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from kehoach.cli import app


@pytest.fixture
def run(db_url):
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(app, [*args, "--db", db_url], input=input)

    invoke("user", "add", "ana", "--role", "admin", "--password", "ana-pass-1")
    invoke("user", "add", "chi", "--role", "viewer", "--password", "chi-pass-1")
    return invoke


def test_list(run):
    result = run("user", "list")
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "ana\tadmin\t—\tToàn quốc\tactive",
        "chi\tviewer\t—\tToàn quốc\tactive",
    ]


def test_passwd_deactivate_activate(run, db_url):
    from kehoach.services.users import authenticate
    from kehoach.store.db import session_scope

    assert run("user", "passwd", "chi", "--password", "new-pass-22").output == (
        "password of chi changed\n"
    )
    prompted = run("user", "passwd", "chi", input="other-pass-3\nother-pass-3\n")
    assert prompted.exit_code == 0, prompted.output
    with session_scope(db_url) as session:
        assert authenticate(session, "chi", "other-pass-3").username == "chi"
    assert run("user", "deactivate", "chi").output == "chi disabled\n"
    assert "chi\tviewer\t—\tToàn quốc\tdisabled" in run("user", "list").output
    assert run("user", "activate", "chi").output == "chi enabled\n"


def test_errors_are_one_line(run):
    missing = run("user", "deactivate", "dung")
    assert missing.exit_code == 2
    assert missing.output == "kehoach: no user named 'dung'; `kehoach user list` shows them\n"
    last = run("user", "deactivate", "ana")
    assert last.exit_code == 2
    assert "last active administrator" in last.output and "Traceback" not in last.output
    short = run("user", "passwd", "chi", "--password", "short")
    assert short.output == "kehoach: password: the password must have at least 8 characters\n"
