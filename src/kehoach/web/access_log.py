"""One line per request on the `kehoach.access` logger: who asked for what, the answer, how long.

A plain ASGI middleware (no per-request task or body buffering), so it costs a
clock read and a log call. `kehoach serve` sends the logger to standard output:

    127.0.0.1 "GET /plans/1" 200 12.4 ms
"""

from __future__ import annotations

import logging
import time
from typing import Any

log = logging.getLogger("kehoach.access")
# the proxy's and the orchestrator's probes, every few seconds: logged only when they fail
PROBES = frozenset({"/healthz", "/readyz"})

# given to uvicorn (`log_config`), so every worker process logs the same way
LOG_CONFIG: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(message)s"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "stream": "ext://sys.stdout",
        }
    },
    "loggers": {
        "kehoach.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "uvicorn": {"handlers": ["stdout"], "level": "WARNING"},
    },
}


class AccessLog:
    """Log each HTTP request once its response has started (status known)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = [500]

        async def send_and_note(message: dict) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_and_note)
        finally:
            quiet = scope["path"] in PROBES and status[0] == 200
            if not quiet and log.isEnabledFor(logging.INFO):
                client = (scope.get("client") or ("-",))[0]
                ms = (time.perf_counter() - start) * 1000
                log.info(
                    '%s "%s %s" %d %.1f ms', client, scope["method"], scope["path"], status[0], ms
                )
