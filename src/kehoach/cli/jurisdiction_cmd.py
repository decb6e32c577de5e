"""`kehoach jurisdictions`: the administrative units plans, agencies and accounts belong to."""

import typer

from kehoach.cli import app
from kehoach.cli.edge import user_errors

jurisdictions_app = typer.Typer(
    help="Jurisdictions: the nation, the 34 provinces and their communes.", no_args_is_help=True
)
app.add_typer(jurisdictions_app, name="jurisdictions")

DB_HELP = "Database URL (default: KEHOACH_DATABASE_URL, else sqlite:///var/kehoach.db)."


@jurisdictions_app.command("update")
def update(db: str | None = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Load the units of the installed vietnam-provinces package (after upgrading it).

    New units are added, renamed ones renamed; a unit the package dropped is kept,
    marked inactive, since plans and accounts may still belong to it.

    Example: pip install -U vietnam-provinces && kehoach jurisdictions update
    """
    from kehoach.services.jurisdictions import update_jurisdictions
    from kehoach.store.db import open_database, session_scope

    with user_errors(), session_scope(open_database(db)) as session:
        counts = update_jurisdictions(session)
    print(
        f"vietnam-provinces {counts['package']}: {counts['added']} added, "
        f"{counts['renamed']} renamed, {counts['retired']} retired; {counts['total']} units"
    )


@jurisdictions_app.command("list")
def list_(
    province: str | None = typer.Option(
        None, "--province", help="List this province's communes instead."
    ),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """The nation and the provinces with their codes, or one province's communes.

    Example: kehoach jurisdictions list --province "Cao Bằng"
    """
    from kehoach.services import jurisdictions
    from kehoach.store.db import open_database, session_scope

    with user_errors(), session_scope(open_database(db)) as session:
        if province:
            place = jurisdictions.find_jurisdiction(session, province)
            rows = jurisdictions.list_communes(session, place.id)
        else:
            rows = jurisdictions.list_provinces(session)
    for row in rows:
        print(f"{row.code}\t{row.name}")
