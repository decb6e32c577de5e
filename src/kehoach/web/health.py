"""`GET /healthz` (the process answers) and `GET /readyz` (it can serve: database, migrations,
files): JSON for the proxy, the container runtime and monitoring; no log-in, no data."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

router = APIRouter(include_in_schema=False)
NO_STORE = {"Cache-Control": "no-store"}


@router.get("/healthz")
def healthz() -> JSONResponse:
    """Liveness: the process runs and answers (nothing else is touched)."""
    return JSONResponse({"status": "ok"}, headers=NO_STORE)


@router.get("/readyz")
def readyz(request: Request) -> JSONResponse:
    """Readiness: 200 when every check passes, else 503 — each check's outcome, no details."""
    from kehoach.services.health import readiness

    settings = request.app.state.settings
    found = readiness(settings.database_url, settings.data_dir)
    body = {
        "status": "ok" if found.ready else "unavailable",
        "checks": {
            "database": found.database,
            "migrations": found.migrations,
            "files": found.files,
        },
    }
    return JSONResponse(body, status_code=200 if found.ready else 503, headers=NO_STORE)
