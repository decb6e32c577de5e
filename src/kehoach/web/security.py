"""Security headers on every response: pages, API, static files, errors.

The Content-Security-Policy allows scripts from this site only — no inline
`<script>`, no `on…=` attributes, no `eval` — so an injected fragment of HTML
cannot run. Page behaviour lives in files under `static/` (htmx, the Swagger
UI and its starter `swagger/init.js`). Inline `style=` attributes stay allowed:
htmx inserts its indicator style and the Swagger UI sets styles on elements,
and a style cannot run code.
"""

from __future__ import annotations

from collections.abc import Iterable

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def security_headers(production: bool = False) -> dict[str, str]:
    """The headers every response carries (HSTS only in production, which runs on HTTPS)."""
    headers = {
        "Content-Security-Policy": CONTENT_SECURITY_POLICY,
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",  # for browsers that ignore frame-ancestors
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    }
    if production:
        headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    return headers


def add_headers(target: MutableHeaders, headers: Iterable[tuple[str, str]]) -> None:
    """Set each header unless the response already chose its own value."""
    for name, value in headers:
        if name not in target:
            target[name] = value


class SecurityHeaders:
    """ASGI middleware adding `security_headers()` to every HTTP response."""

    def __init__(self, app: ASGIApp, production: bool = False) -> None:
        self.app = app
        self.headers = list(security_headers(production).items())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                add_headers(MutableHeaders(scope=message), self.headers)
            await send(message)

        await self.app(scope, receive, send_with_headers)
