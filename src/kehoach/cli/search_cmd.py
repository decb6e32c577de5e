"""`kehoach search-index`: the search box's index (kept current by every write)."""

import typer

from kehoach.cli import app
from kehoach.cli.edge import user_errors

search_app = typer.Typer(
    help="The search index behind the header's search box.", no_args_is_help=True
)
app.add_typer(search_app, name="search-index")

DB_HELP = "Database URL (default: KEHOACH_DATABASE_URL, else sqlite:///var/kehoach.db)."


@search_app.command("rebuild")
def rebuild(db: str | None = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Index every document, target, task, report and agency again (after an upgrade).

    Example: kehoach search-index rebuild
    """
    from kehoach.services import search
    from kehoach.store.db import open_database, session_scope

    with user_errors(), session_scope(open_database(db)) as session:
        count = search.rebuild(session)
    print(f"search index rebuilt: {count} entries")
