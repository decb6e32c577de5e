"""`kehoach emulation score`: score a plan's period for the emulation council (and write its
table as XLSX or DOCX)."""

from pathlib import Path

import typer

from kehoach.cli import app
from kehoach.cli.edge import user_errors
from kehoach.cli.store_cmd import DB_HELP, parse_day

emulation_app = typer.Typer(
    help="Emulation scores (thi đua): rank agencies and communes for a period.",
    no_args_is_help=True,
)
app.add_typer(emulation_app, name="emulation")


@emulation_app.command("score")
def score(
    plan: int = typer.Option(..., "--plan", min=1, max=2**62, help="The plan (id)."),
    period: str = typer.Option(..., "--period", help="2026, 2026-H1 or 2026-Q3."),
    fmt: str | None = typer.Option(None, "--format", help="Also write the table: xlsx or docx."),
    out: Path | None = typer.Option(None, "--out", help="File or folder (default: here)."),
    on: str | None = typer.Option(None, "--date", help="Figures as of this day."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Score the period under the plan's current rule and keep the result (an earlier result
    stays in the history); print the ranking, and write the council's table with --format.

    Example: kehoach emulation score --plan 1 --period 2026 --format xlsx --out thi-dua.xlsx
    """
    from kehoach.errors import ValidationError
    from kehoach.services.emulation import export_ranking, score_period
    from kehoach.services.types import SYSTEM
    from kehoach.store.db import open_database, session_scope

    with user_errors():
        if fmt is not None and fmt.lower() not in ("xlsx", "docx"):
            raise ValidationError(
                "unknown format '{fmt}'; use xlsx or docx", field="format", fmt=fmt
            )
        day = parse_day(on) if on else None
        with session_scope(open_database(db)) as session:
            found = score_period(session, plan, period, SYSTEM, on=day)
            content = name = None
            if fmt is not None:
                content, name = export_ranking(
                    session, plan, found.period, SYSTEM, fmt.lower(), result_id=found.result_id
                )
        print(
            f"plan {plan}, {found.period}: scored under rule version {found.rule.version}, "
            f"figures as of {found.on:%d/%m/%Y} (result {found.result_id})"
        )
        for u in found.agencies:
            print(f"{u.rank:>3}  {u.total:6.2f}  {u.name}")
        if not found.communes_reported:
            print("communes: no indicator values reported for this period; not ranked")
        else:
            print(f"communes: {len(found.communes)} ranked")
        if content is not None and name is not None:
            target = out or Path(name)
            if target.is_dir():
                target = target / name
            target.write_bytes(content)
            print(f"{target}: the council's table")
