"""`kehoach backup` and `kehoach restore`: the database and attachments in one file."""

from pathlib import Path

import typer

from kehoach.cli import app
from kehoach.cli.edge import user_errors
from kehoach.cli.store_cmd import DB_HELP

DATA_HELP = "Data folder holding attachments/ (default: KEHOACH_DATA_DIR, else ./var)."


def _settings(db: str | None, data_dir: Path | None):
    from kehoach.settings import Settings

    overrides: dict = {"database_url": db} if db else {}
    if data_dir is not None:
        overrides["data_dir"] = data_dir
    return Settings(**overrides)


def _summary(info) -> str:
    counts = info.counts
    return (
        f"{info.backend} database at revision {info.revision}: {counts.get('plans', 0)} plans, "
        f"{counts.get('progress_reports', 0)} reports, {counts.get('users', 0)} accounts, "
        f"{counts.get('audit_log', 0)} audit entries; {info.attachments} attachments"
    )


@app.command()
def backup(
    path: Path = typer.Argument(..., help="The archive to write (e.g. kehoach-2026-12-02.tar.gz)."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    data_dir: Path | None = typer.Option(None, "--data-dir", help=DATA_HELP),
) -> None:
    """Copy the database and every attachment into one archive, while the app keeps running.

    SQLite is copied with its online backup API; PostgreSQL with pg_dump (install
    postgresql-client).

    Example: kehoach backup /srv/backups/kehoach-2026-12-02.tar.gz
    """
    from kehoach.services.backup import backup as run

    with user_errors():
        info = run(_settings(db, data_dir), path)
    print(f"backed up the {_summary(info)} to {info.path} ({info.size / 2**20:.1f} MB)")


@app.command()
def restore(
    path: Path = typer.Argument(..., help="An archive made by `kehoach backup`."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    data_dir: Path | None = typer.Option(None, "--data-dir", help=DATA_HELP),
    force: bool = typer.Option(False, "--force", help="Replace a database that holds data."),
) -> None:
    """Restore a backup into an empty database (stop the web app first).

    A database that already holds data is refused unless --force replaces it. A SQLite
    backup can also be restored into PostgreSQL (moving to a server).

    Example: kehoach restore kehoach-2026-12-02.tar.gz --db sqlite:///var/kehoach.db
    """
    from kehoach.services.backup import restore as run

    with user_errors():
        info = run(_settings(db, data_dir), path, force=force)
    print(f"restored the {_summary(info)} from {info.path}")
