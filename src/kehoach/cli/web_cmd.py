"""`kehoach serve` and `kehoach demo`: the web app from the command line."""

from pathlib import Path

import typer

from kehoach.cli import app
from kehoach.cli.edge import user_errors

DEMO_DIR = Path("var/demo")
DB_HELP = "Database URL (default: KEHOACH_DATABASE_URL, else sqlite:///var/kehoach.db)."


def _settings(db: str | None = None, data_dir: Path | None = None):
    """The settings from the environment, with the command's overrides."""
    from kehoach.settings import Settings

    overrides: dict = {}
    if db:
        overrides["database_url"] = db
    if data_dir is not None:
        overrides["data_dir"] = data_dir
    return Settings(**overrides)


def run_server(settings, host: str, port: int, workers: int = 1) -> None:
    """Serve the app with uvicorn (several worker processes share the settings' database)."""
    import os

    import uvicorn

    from kehoach.web.access_log import LOG_CONFIG

    if workers > 1:
        os.environ["KEHOACH_DATABASE_URL"] = settings.database_url
        os.environ["KEHOACH_DATA_DIR"] = str(settings.data_dir)
        os.environ["KEHOACH_FORWARDED_ALLOW_IPS"] = settings.forwarded_allow_ips
        uvicorn.run(
            "kehoach.web.app:create_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level="warning",
            access_log=False,  # ours (kehoach.access) also gives the time taken
            log_config=LOG_CONFIG,
            **_behind_proxy(settings),
        )
        return
    from kehoach.web.app import create_app

    uvicorn.run(
        create_app(settings),
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        log_config=LOG_CONFIG,
        **_behind_proxy(settings),
    )


def _behind_proxy(settings) -> dict:
    # the client's address (log-in limits per address, the access log) and https scheme come
    # from the proxy's X-Forwarded-* headers, trusted from these addresses only
    return {"proxy_headers": True, "forwarded_allow_ips": settings.forwarded_allow_ips}


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    workers: int = typer.Option(1, min=1, max=16, help="Worker processes."),
) -> None:
    """Start the web app and the API (migrating the database first).

    Example: kehoach serve --port 8000 --db sqlite:///var/kehoach.db
    """
    with user_errors():
        settings = _settings(db)
        from kehoach.store.db import open_database

        open_database(settings.database_url)
    typer.echo(f"kehoach: http://{host}:{port}/  (API docs: http://{host}:{port}/api/docs)")
    run_server(settings, host, port, workers)


@app.command()
def demo(
    port: int = typer.Option(8000, help="Port to listen on."),
    no_browser_wait: bool = typer.Option(
        False, "--no-browser-wait", help="Build the demo database, print the accounts and exit."
    ),
) -> None:
    """A fresh demo on SQLite: the sample plans, demo accounts, some reports, then the web app.

    The database is ./var/demo/kehoach.db (recreated each time).

    Example: kehoach demo --port 8000
    """
    from rich.console import Console
    from rich.table import Table

    with user_errors():
        settings, info = build_demo(DEMO_DIR)
    console = Console()
    table = Table(title="Tài khoản demo (demo accounts)")
    for column in ("username", "password", "role"):  # copied by hand: never cut
        table.add_column(column, no_wrap=True, min_width=len(column))
    table.add_column("agency", overflow="fold")
    table.add_column("province", no_wrap=True)
    for a in info.accounts:
        table.add_row(a.username, a.password, a.role, a.agency or "—", a.province)
    console.print(table)
    console.print(f"{len(info.plan_ids)} plans imported into {settings.database_url}")
    if no_browser_wait:
        return
    console.print(f"Open http://127.0.0.1:{port}/ and log in (Ctrl+C stops the server).")
    run_server(settings, "127.0.0.1", port)


def build_demo(folder: Path):
    """Recreate the demo database in `folder` and seed it; returns (settings, DemoInfo)."""
    import shutil

    from kehoach.services.demo import seed_demo
    from kehoach.store.db import open_database, session_scope

    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    settings = _settings(f"sqlite:///{folder / 'kehoach.db'}", folder)
    sessions = open_database(settings.database_url)
    with session_scope(sessions) as session:
        info = seed_demo(session, settings)
    return settings, info
