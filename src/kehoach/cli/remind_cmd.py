"""`kehoach remind`, `kehoach remind-policy`, `kehoach user email`."""

import sys

import typer

from kehoach.cli import app
from kehoach.cli.edge import user_errors
from kehoach.cli.store_cmd import DB_HELP, parse_day, user_app


def _settings(db: str | None):
    from kehoach.settings import Settings

    return Settings(database_url=db) if db else Settings()


@app.command()
def remind(
    on: str | None = typer.Option(
        None, "--date", help="Reminders due on this date (default today)."
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="List what would be sent; send nothing."),
    loop: bool = typer.Option(False, "--loop", help="Keep running on KEHOACH_REMIND_SCHEDULE."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Send the reminders and escalations due on a date (each one once), by e-mail and in the app.

    Example: kehoach remind --date 15/6/2026 --dry-run
    """
    with user_errors():
        settings = _settings(db)
        if loop:
            from kehoach.services.scheduler import run_forever

            run_forever(settings)
            return
        from kehoach.services.reminder_log import run_reminders
        from kehoach.store.db import open_database

        day = parse_day(on)
        summary = run_reminders(
            open_database(settings.database_url), day, settings, dry_run=dry_run
        )
    if dry_run:
        print_planned(summary.planned, day)
        return
    print(
        f"{day:%d/%m/%Y}: {summary.recorded} reminders recorded; {summary.messages} e-mails sent "
        f"({summary.emailed} reminders); {summary.in_app_only} in the app only; "
        f"{summary.failed} failed (retried at the next run)"
    )
    for error in summary.errors:
        print(f"kehoach: {error}", file=sys.stderr)
    if summary.failed:
        raise typer.Exit(1)


def print_planned(items, day) -> None:
    """The reminders a run would send, as a table."""
    from rich.console import Console
    from rich.table import Table

    from kehoach.services.mailer import phrases

    console = Console()
    if not items:
        console.print(f"{day:%d/%m/%Y}: nothing to send (or all of it was sent already).")
        return
    table = Table(title=f"Reminders on {day:%d/%m/%Y} ({len(items)}, dry run: nothing sent)")
    table.add_column("To")
    table.add_column("E-mail")
    table.add_column("Kind")
    table.add_column("Message", max_width=60, overflow="fold")
    table.add_column("Plan", max_width=24, no_wrap=True, overflow="ellipsis")
    table.add_column("Due")
    say = phrases()
    for item in items:
        table.add_row(
            item.username,
            item.email or "— (in the app)",
            item.kind,
            str(say.title(item)).strip(),
            item.plan_name or "—",
            f"{item.due:%d/%m/%Y}",
        )
    console.print(table)


@app.command("remind-policy")
def remind_policy(
    plan: int = typer.Option(..., "--plan", min=1, max=2**62, help="The plan (id)."),
    days_before: int | None = typer.Option(None, "--days-before", help="Remind N days before."),
    escalate_after: int | None = typer.Option(
        None, "--escalate-after", help="Tell the directing body after M days overdue."
    ),
    officer: str | None = typer.Option(None, "--officer", help="The plan officer (username)."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Give a plan its own reminder days, escalation delay and officer (omitted: the defaults).

    Example: kehoach remind-policy --plan 1 --days-before 14 --escalate-after 10 --officer hoa
    """
    from kehoach.services.reminder_policies import set_policy
    from kehoach.store.db import open_database, session_scope

    with user_errors():
        settings = _settings(db)
        with session_scope(open_database(settings.database_url)) as session:
            p = set_policy(
                session,
                plan,
                None,
                days_before=days_before,
                escalate_after_days=escalate_after,
                officer=officer,
                settings=settings,
            )
    print(
        f"plan {p.plan_id}: remind {p.days_before} days before, escalate after "
        f"{p.escalate_after_days} days; officer {p.officer or '(whoever imported it, else all)'}"
    )


@user_app.command("email")
def user_email(
    username: str = typer.Argument(..., help="Login name."),
    address: str = typer.Argument("", help="E-mail address for reminders (empty: none)."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Set the address an account's reminders are e-mailed to.

    Example: kehoach user email sovhttdl vanphong@svhttdl.caobang.gov.vn
    """
    from kehoach.services.notifications import set_email
    from kehoach.store.db import open_database, session_scope

    with user_errors(), session_scope(open_database(db)) as session:
        email = set_email(session, username, address, None)
    print(f"{username}: {email or 'no e-mail (reminders in the app only)'}")
