"""The application factory: `create_app(settings)` -> a FastAPI app serving pages and `/api`."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from kehoach.settings import Settings, get_settings
from kehoach.web import errors
from kehoach.web.access_log import AccessLog
from kehoach.web.cache import ViewCache
from kehoach.web.i18n import make_templates
from kehoach.web.security import SecurityHeaders
from kehoach.web.sessions import SESSION_MAX_AGE

STATIC_DIR = Path(__file__).parent / "static"
SESSION_COOKIE = "kehoach_session"


def _dump_threads_on_sigusr1() -> None:
    """`kill -USR1 <pid>` prints every thread's stack to stderr (diagnosing a stuck server)."""
    import contextlib
    import faulthandler
    import signal

    if hasattr(signal, "SIGUSR1"):
        with contextlib.suppress(ValueError, RuntimeError):  # not supported here
            faulthandler.register(signal.SIGUSR1, all_threads=True)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Start the reminder job with the app (unless `reminders_in_app` is off); stop it after."""
    from kehoach.services.scheduler import start_background

    scheduler = start_background(app.state.settings)
    app.state.reminder_scheduler = scheduler
    try:
        yield
    finally:
        if scheduler is not None:
            scheduler.shutdown(wait=False)


def create_app(settings: Settings | None = None) -> FastAPI:
    """Open (and migrate) the database named by `settings`, then wire pages, API and errors."""
    from kehoach.services.login_limits import LoginLimiter
    from kehoach.store.db import open_database
    from kehoach.web import api, auth, health, pages

    settings = settings or get_settings()
    _dump_threads_on_sigusr1()
    # the shared folder for uploads and attachments (a volume every app process mounts)
    with contextlib.suppress(OSError):
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    app = FastAPI(
        title="kehoach API",
        version="1",
        summary="Plans, tasks, agencies, progress reports and status of culture-development plans.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # served below from vendored files: no CDN
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.sessions = open_database(settings.database_url, migrate=settings.migrate_on_start)
    app.state.templates = make_templates()
    app.state.views = ViewCache()
    app.state.login_limiter = LoginLimiter.from_settings(settings, app.state.sessions)
    app.add_middleware(SecurityHeaders, production=settings.env == "production")
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        session_cookie=SESSION_COOKIE,
        max_age=SESSION_MAX_AGE,
        same_site="lax",
        https_only=settings.env == "production",
    )
    app.add_middleware(AccessLog)  # outermost: times the whole request
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    app.include_router(health.router)
    app.include_router(auth.router)
    for router in pages.routers():
        app.include_router(router)
    for router in api.routers():
        app.include_router(router, prefix="/api")
    app.add_api_route("/api/docs", api_docs, include_in_schema=False)
    errors.install(app)
    return app


def api_docs():
    """Swagger UI for `/api/openapi.json`, from files vendored under static/swagger.

    FastAPI's own page starts the UI with an inline script, which the
    Content-Security-Policy refuses; `swagger/init.js` does it from a file.
    """
    from fastapi.responses import HTMLResponse

    return HTMLResponse(API_DOCS_HTML)


API_DOCS_HTML = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>kehoach API</title>
<link rel="stylesheet" href="/static/swagger/swagger-ui.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
</head>
<body>
<div id="swagger-ui" data-openapi-url="/api/openapi.json"></div>
<script src="/static/swagger/swagger-ui-bundle.js"></script>
<script src="/static/swagger/init.js"></script>
</body>
</html>
"""
