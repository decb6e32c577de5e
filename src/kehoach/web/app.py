"""The application factory: `create_app(settings)` -> a FastAPI app serving pages and `/api`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from kehoach.settings import Settings, get_settings
from kehoach.web import errors
from kehoach.web.cache import ViewCache
from kehoach.web.i18n import make_templates

STATIC_DIR = Path(__file__).parent / "static"
SESSION_COOKIE = "kehoach_session"
SESSION_MAX_AGE = 12 * 3600  # one working day


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
    from kehoach.store.db import open_database
    from kehoach.web import api, auth, pages

    settings = settings or get_settings()
    _dump_threads_on_sigusr1()
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
    app.state.sessions = open_database(settings.database_url)
    app.state.templates = make_templates()
    app.state.views = ViewCache()
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        session_cookie=SESSION_COOKIE,
        max_age=SESSION_MAX_AGE,
        same_site="lax",
        https_only=settings.env == "production",
    )
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    app.include_router(auth.router)
    for router in pages.routers():
        app.include_router(router)
    for router in api.routers():
        app.include_router(router, prefix="/api")
    app.add_api_route("/api/docs", api_docs, include_in_schema=False)
    errors.install(app)
    return app


def api_docs():
    """Swagger UI for `/api/openapi.json`, from files vendored under static/swagger."""
    from fastapi.openapi.docs import get_swagger_ui_html

    return get_swagger_ui_html(
        openapi_url="/api/openapi.json",
        title="kehoach API",
        swagger_js_url="/static/swagger/swagger-ui-bundle.js",
        swagger_css_url="/static/swagger/swagger-ui.css",
        swagger_favicon_url="/static/favicon.svg",
    )
