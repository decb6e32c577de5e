"""`kehoach import`, `kehoach user add`, `kehoach status`: the store from the command line."""

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import typer

from kehoach.cli import app
from kehoach.cli.edge import report, user_errors
from kehoach.errors import InputError

user_app = typer.Typer(
    help="Accounts: add, list, reset a password, disable, enable.", no_args_is_help=True
)
app.add_typer(user_app, name="user")

DB_HELP = "Database URL (default: KEHOACH_DATABASE_URL, else sqlite:///var/kehoach.db)."


def status_label(code: str) -> str:
    """A status code's name from the one catalogue the web pages use; the code if unavailable."""
    try:
        from kehoach.web.labels import label

        return label("status", code)
    except Exception:  # the web layer is optional for the CLI
        return code


def parse_day(text: str | None) -> date:
    """`2026-06-30` or `30/6/2026` -> a date; today when empty."""

    if not text:
        return date.today()
    try:
        if "/" in text:
            d, m, y = (int(x) for x in text.split("/"))
            return date(y, m, d)
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"'{text}' is not a date; write 2026-06-30 or 30/6/2026") from None


@app.command("import")
def import_(
    paths: list[Path] = typer.Argument(
        ..., help="Plan documents or folders (.txt .docx .pdf; scans: .pdf .png .jpg .tiff)."
    ),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    replace: int | None = typer.Option(
        None, "--replace", help="The plan (id) this document is a new version of."
    ),
    new: bool = typer.Option(False, "--new", help="Store it as a new plan, whatever it is like."),
) -> None:
    """Read plan documents and store their plans, tasks, agencies and duties.

    Re-importing the same file changes nothing. A document that looks like a stored plan
    (same number, issuer and date, or alike text) is not stored until --replace PLAN_ID (a
    new version of that plan: progress on unchanged tasks is kept) or --new says which.

    Example: kehoach import ke-hoach-80.docx chuong-trinh-14.pdf
    """
    if (replace is not None or new) and len(paths) != 1:
        report(InputError("--replace and --new are for one document at a time"))
        raise typer.Exit(2)
    from kehoach.extract.files import expand_paths, page_progress
    from kehoach.store.db import open_database

    with user_errors():
        factory = open_database(db)
    files, missing = expand_paths(paths)
    for exc in missing:
        report(exc)
    failed = bool(missing)
    bar = None
    if sys.stderr.isatty():  # a bar per file, and one per page of a scan
        from rich.progress import Progress

        bar = Progress(transient=True)
        bar.start()
        job = bar.add_task("Đang nhập", total=len(files))
    try:
        for path in files:
            line, ok = _import_one(factory, path, replace, new, page_progress(bar, path))
            print(line, file=sys.stdout if ok else sys.stderr)
            failed |= not ok
            if bar is not None:
                bar.advance(job)
    finally:
        if bar is not None:
            bar.stop()
    if failed:
        raise typer.Exit(2)


def _import_one(
    factory, path: Path, replace: int | None, new: bool, progress=None
) -> tuple[str, bool]:
    """Import one file in its own transaction; (line to print, succeeded)."""
    from kehoach.cli.edge import error_line
    from kehoach.errors import KehoachError
    from kehoach.services.importing import import_plan
    from kehoach.services.versions import VersionQuestion
    from kehoach.store.db import session_scope

    try:
        with session_scope(factory) as session:
            r = import_plan(
                session, path, replace_plan_id=replace, as_new=new, ask=True, progress=progress
            )
    except VersionQuestion as exc:
        m = exc.matches[0]
        why = "the same number, issuer and date" if m.reason == "number" else "alike text"
        return (
            f"kehoach: {path}: looks like plan {m.plan_id} ({m.number or m.source_name}, "
            f"{why}); import it again with --replace {m.plan_id} (a new version of that plan) "
            "or --new (a new plan)",
            False,
        )
    except KehoachError as exc:
        if not exc.where:
            return f"kehoach: {path}: {exc.message}", False
        return error_line(exc), False
    except Exception as exc:  # an extractor bug must not stop the other files
        return (
            f"kehoach: {path}: could not import ({type(exc).__name__}: {exc}); please report it",
            False,
        )
    if r.outcome == "unchanged":
        return f"{path.name}: unchanged (plan {r.plan_id})", True
    return (
        f"{path.name}: {r.outcome} plan {r.plan_id} — {r.tasks_added} tasks added, "
        f"{r.tasks_kept} kept, {r.tasks_removed} removed; {r.agencies_added} new agencies"
        + (f"; {r.corrections_kept} corrections kept" if r.corrections_kept else ""),
        True,
    )


@user_app.command("add")
def user_add(
    username: str = typer.Argument(..., help="Login name."),
    role: str = typer.Option(..., "--role", help="admin, officer, reporter or viewer."),
    agency: str | None = typer.Option(None, "--agency", help="The reporter's agency (name)."),
    province: str | None = typer.Option(
        None,
        "--province",
        help="What an officer or viewer sees (a province, or 'toàn quốc': all; the default);"
        " for a reporter, the province of its agency.",
    ),
    password: str | None = typer.Option(None, "--password", help="Prompted for when omitted."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Add an account.

    Example: kehoach user add sovhttdl --role reporter --agency "Sở VHTTDL" --province "Cao Bằng"
    """
    from kehoach.services.users import create_user
    from kehoach.store.db import open_database, session_scope

    if password is None:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    with user_errors(), session_scope(open_database(db)) as session:
        user = create_user(session, username, password, role, agency=agency, jurisdiction=province)
    where = f" of {user.agency_name}" if user.agency_name else ""
    print(f"added {user.username} ({user.role}{where}, {user.jurisdiction_name})")


@app.command()
def status(
    on: str | None = typer.Option(None, "--date", help="Status on this date (default today)."),
    agency: str | None = typer.Option(None, "--agency", help="Only this agency's tasks."),
    province: str | None = typer.Option(
        None, "--province", help="The province of --agency, when several have one so named."
    ),
    plan: int | None = typer.Option(None, "--plan", min=1, max=2**62, help="Only this plan (id)."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Show the status of plans and agencies (or one agency's tasks) on a date.

    Example: kehoach status --date 30/6/2026 --agency "Sở VHTTDL" --province "Cao Bằng"
    """
    from kehoach.errors import NotFound
    from kehoach.services.agencies import find_agency, unknown_agency_message
    from kehoach.services.jurisdictions import find_jurisdiction
    from kehoach.services.plans import list_plans
    from kehoach.services.types import SYSTEM
    from kehoach.store.db import open_database, session_scope

    with user_errors():
        day = parse_day(on)
        with session_scope(open_database(db)) as session:
            if agency:
                place = find_jurisdiction(session, province).id if province else None
                found = find_agency(session, agency, place)
                if found is None:
                    raise NotFound(unknown_agency_message(session, agency), where="--agency")
                print_agency_tasks(session, found, day, plan, status_label)
            else:
                if plan is not None and plan not in {p.id for p in list_plans(session, SYSTEM)}:
                    raise NotFound(f"no plan with id {plan}", where="--plan")
                print_overview(session, day, plan, status_label)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def print_overview(session, day: date, plan_id: int | None, label: Callable[[str], str]) -> None:
    """Per-plan and per-agency status counts, on-time rate and reporting completeness."""
    from rich.console import Console
    from rich.table import Table

    from kehoach.services.status import STATUS_CODES
    from kehoach.services.summaries import agency_summaries, plan_summaries

    console = Console()
    plans = plan_summaries(session, day, [plan_id] if plan_id else None)
    if not plans:
        console.print("No plans yet: import one with `kehoach import FILE`.")
        return
    table = Table(title=f"Plans on {day:%d/%m/%Y}")
    table.add_column("Plan", max_width=32, no_wrap=True, overflow="ellipsis")
    table.add_column("Tasks", justify="right")
    # one column of the counts that are not zero keeps the table readable in a terminal
    table.add_column("Status", overflow="fold", min_width=24)
    table.add_column("On time", justify="right")
    table.add_column("Period")
    table.add_column("Reported", justify="right")
    table.add_column("Late", justify="right")
    table.add_column("Missing", justify="right")
    for p in plans:
        counts = ", ".join(
            f"{n} {label(c)}" for c in STATUS_CODES if (n := p.counts.counts.get(c, 0))
        )
        table.add_row(
            f"{p.plan_id}. {p.title or '—'}",
            str(p.counts.total),
            counts or "—",
            _pct(p.counts.on_time_rate),
            p.period.code if p.period else "—",
            f"{p.reported}/{p.expected}",
            str(p.late_reports),
            str(p.missing),
        )
    console.print(table)
    agencies = agency_summaries(session, day, plan_id=plan_id)
    table = Table(title="Agencies (lead tasks)")
    table.add_column("Agency", max_width=48, no_wrap=True, overflow="ellipsis")
    table.add_column("Tasks", justify="right")
    table.add_column(label("overdue"), justify="right")
    table.add_column("Done", justify="right")
    table.add_column("On time", justify="right")
    table.add_column("Reported", justify="right")
    table.add_column("Late", justify="right")
    table.add_column("Missing", justify="right")
    for a in agencies:
        table.add_row(
            a.name,
            str(a.counts.total),
            str(a.counts.counts.get("overdue", 0)),
            _pct(a.completion_rate),
            _pct(a.counts.on_time_rate),
            f"{a.reported}/{a.expected}",
            str(a.late_reports),
            str(a.missing),
        )
    console.print(table)


def print_agency_tasks(
    session, agency, day: date, plan_id: int | None, label: Callable[[str], str]
) -> None:
    """One agency's tasks (lead or coordinating) with their status."""
    from rich.console import Console
    from rich.table import Table

    from kehoach.services.tasks import list_tasks
    from kehoach.services.types import SYSTEM

    page = list_tasks(
        session, user=SYSTEM, agency_id=agency.id, plan_id=plan_id, on=day, per_page=500
    )
    table = Table(title=f"{agency.name} — {page.total} tasks on {day:%d/%m/%Y}")
    table.add_column("Plan", justify="right")
    table.add_column("Task")
    table.add_column("Text", max_width=60, no_wrap=True, overflow="ellipsis")
    table.add_column("Role")
    table.add_column("Deadline")
    table.add_column("Status")
    for r in page.items:
        role = "lead" if agency.name in r.lead else "coordinating"
        s = r.status
        text = label(s.code) + (" (override)" if s.overridden else "")
        text += " · stalled" if s.stalled else ""
        deadline = f"{s.deadline:%d/%m/%Y}" if s.deadline else (r.timeframe_raw or "—")
        if s.extended and s.original_deadline:
            deadline += f" (was {s.original_deadline:%d/%m/%Y})"
        table.add_row(str(r.plan_id), r.key, r.text, role, deadline, text)
    Console().print(table)
