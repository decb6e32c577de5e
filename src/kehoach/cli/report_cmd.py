"""`kehoach report` and `kehoach ledger`: the period report and the follow-up book as files."""

import sys
from pathlib import Path

import typer

from kehoach.cli import app
from kehoach.cli.edge import user_errors
from kehoach.cli.store_cmd import DB_HELP, parse_day

PLAN_HELP = "The plan (id, as `kehoach status` lists them)."


def _write(content: bytes, out: Path | None, default: str) -> Path:
    target = out or Path(default)
    if target.is_dir():
        target = target / default
    target.write_bytes(content)
    return target


@app.command()
def report(
    plan: int = typer.Option(..., "--plan", min=1, max=2**62, help=PLAN_HELP),
    period: str = typer.Option(..., "--period", help="2026-H1, 2026, 2026-Q2 or 2026-07."),
    fmt: str = typer.Option("docx", "--format", help="docx, xlsx or pdf."),
    out: Path | None = typer.Option(None, "--out", help="File or folder (default: here)."),
    on: str | None = typer.Option(None, "--date", help="Figures as of this day."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Write the consolidated period report of a plan (official layout) and record it as issued.

    A later report of the same period lists what changed since the last one.

    Example: kehoach report --plan 1 --period 2026-H1 --format pdf --out bao-cao.pdf
    """
    from kehoach.services.report_issues import issue_report
    from kehoach.services.types import SYSTEM
    from kehoach.store.db import open_database, session_scope

    with user_errors():
        day = parse_day(on) if on else None
        with session_scope(open_database(db)) as session:
            issued = issue_report(session, plan, period, SYSTEM, fmt.lower(), on=day)
        target = _write(issued.content, out, issued.filename)
    changes = issued.changes
    since = ""
    if changes.previous:
        since = (
            f"; {len(changes.items)} changes since the issue of "
            f"{changes.previous.issued_at.astimezone():%d/%m/%Y %H:%M}"
        )
    print(
        f"{target}: report {issued.data.period.code} of plan {plan}, figures as of "
        f"{issued.data.on:%d/%m/%Y}{since}"
    )
    for c in changes.items[:20]:
        print(f"  {c.key or '—'}: {c.what} {c.before} → {c.after}".rstrip(" →"), file=sys.stderr)


@app.command()
def ledger(
    plan: int = typer.Option(..., "--plan", min=1, max=2**62, help=PLAN_HELP),
    out: Path | None = typer.Option(None, "--out", help="File or folder (default: here)."),
    fmt: str = typer.Option("xlsx", "--format", help="xlsx or csv."),
    on: str | None = typer.Option(None, "--date", help="Progress as of this day."),
    status: str | None = typer.Option(None, "--status", help="Only tasks with this status."),
    agency: str | None = typer.Option(None, "--agency", help="Only this agency's tasks."),
    group: str | None = typer.Option(None, "--group", help="Only this task group (I, II, …)."),
    q: str | None = typer.Option(None, "--search", help="Words in the task (no diacritics ok)."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Write the plan's follow-up book (sổ theo dõi) as a spreadsheet.

    Columns as in the paper ledger: STT, nội dung nhiệm vụ, cơ quan chủ trì, cơ quan phối
    hợp, thời hạn, tiến độ/kết quả, tình trạng, ghi chú.

    Example: kehoach ledger --plan 1 --status overdue --out so-theo-doi.xlsx
    """
    from kehoach.errors import NotFound, ValidationError
    from kehoach.services.agencies import find_agency, unknown_agency_message
    from kehoach.services.ledger import ledger_csv, ledger_xlsx
    from kehoach.services.types import SYSTEM
    from kehoach.store.db import open_database, session_scope

    with user_errors():
        if fmt not in ("xlsx", "csv"):
            raise ValidationError("format must be xlsx or csv", field="--format")
        day = parse_day(on)
        with session_scope(open_database(db)) as session:
            agency_id = None
            if agency:
                found = find_agency(session, agency)
                if found is None:
                    raise NotFound(unknown_agency_message(session, agency), where="--agency")
                agency_id = found.id
            write = ledger_xlsx if fmt == "xlsx" else ledger_csv
            content = write(
                session,
                plan,
                SYSTEM,
                on=day,
                status=status,
                agency_id=agency_id,
                group=group,
                q=q,
            )
        target = _write(content, out, f"so-theo-doi-ke-hoach-{plan}.{fmt}")
    print(f"{target}: follow-up book of plan {plan} as of {day:%d/%m/%Y}")
