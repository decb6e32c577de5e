"""`kehoach user list | passwd | deactivate | activate`: accounts from the command line."""

import typer

from kehoach.cli.edge import user_errors
from kehoach.cli.store_cmd import DB_HELP, user_app


@user_app.command("list")
def user_list(db: str | None = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """List the accounts: username, role, agency, jurisdiction, active or disabled.

    Example: kehoach user list
    """
    from kehoach.services.users import list_users
    from kehoach.store.db import open_database, session_scope

    with user_errors(), session_scope(open_database(db)) as session:
        accounts = list_users(session)
    for u in accounts:
        state = "active" if u.active else "disabled"
        place = u.jurisdiction_name or "—"
        print(f"{u.username}\t{u.role}\t{u.agency_name or '—'}\t{place}\t{state}")


@user_app.command("passwd")
def user_passwd(
    username: str = typer.Argument(..., help="Login name."),
    password: str | None = typer.Option(None, "--password", help="Prompted for when omitted."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Reset an account's password (its sessions end).

    Example: kehoach user passwd sovhttdl
    """
    from kehoach.services.users import find_user, set_password
    from kehoach.store.db import open_database, session_scope

    with user_errors(), session_scope(open_database(db)) as session:
        user = find_user(session, username)
        if password is None:
            password = typer.prompt("New password", hide_input=True, confirmation_prompt=True)
        set_password(session, user.id, password, actor=None)
    print(f"password of {user.username} changed")


def _set_active(username: str, active: bool, db: str | None) -> None:
    from kehoach.services.users import find_user, set_active
    from kehoach.store.db import open_database, session_scope

    with user_errors(), session_scope(open_database(db)) as session:
        user = find_user(session, username)
        set_active(session, user.id, active, actor=None)
    print(f"{user.username} {'enabled' if active else 'disabled'}")


@user_app.command("deactivate")
def user_deactivate(
    username: str = typer.Argument(..., help="Login name."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Disable an account: it cannot log in and its API tokens stop working.

    Example: kehoach user deactivate sovhttdl
    """
    _set_active(username, False, db)


@user_app.command("activate")
def user_activate(
    username: str = typer.Argument(..., help="Login name."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Enable a disabled account again.

    Example: kehoach user activate sovhttdl
    """
    _set_active(username, True, db)
