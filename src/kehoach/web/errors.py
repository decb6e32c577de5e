"""The one place where the web app turns errors into a page or JSON.

`KehoachError`s from the library become a page (for browsers) or
`{"error": message, "field": field}` (for `/api/…`), with a 4xx code.
Request-shape errors from FastAPI take the same JSON form. A traceback a
user sees is a bug, so anything unexpected becomes a plain 500 page.
"""

from __future__ import annotations

import logging
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from kehoach.errors import (
    Conflict,
    InputError,
    KehoachError,
    NotFound,
    PermissionDenied,
    TooManyAttempts,
    ValidationError,
)
from kehoach.web.i18n import _, error_text, wants_vietnamese
from kehoach.web.labels import N_, label

log = logging.getLogger("kehoach.web")


class NotLoggedIn(PermissionDenied):
    """The page or call needs a logged-in user."""

    def __init__(self, message: str = N_("Log in to continue.")) -> None:
        super().__init__(message)


class CsrfFailed(PermissionDenied):
    """A form came without the session's CSRF token (or with a wrong one)."""

    def __init__(self) -> None:
        super().__init__(
            N_("The form has expired or did not come from this site; reload and try again.")
        )


def status_code(exc: KehoachError) -> int:
    """The HTTP status for a library error."""
    if isinstance(exc, NotLoggedIn):
        return 401
    if isinstance(exc, TooManyAttempts):
        return 429
    if isinstance(exc, PermissionDenied):
        return 403
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, Conflict):
        return 409
    if isinstance(exc, ValidationError | InputError):
        return 422
    return 400


def error_field(exc: KehoachError) -> str | None:
    """The form or API field an error is about, if any."""
    return getattr(exc, "field", None) or exc.where


def is_api(request: Request) -> bool:
    """True for `/api/…` calls, which get JSON rather than pages."""
    return request.url.path.startswith("/api/")


def json_error(message: str, field: str | None, code: int) -> JSONResponse:
    """The API's error body: `{"error": message, "field": field}`."""
    return JSONResponse({"error": message, "field": field}, status_code=code)


def api_text(request: Request, exc: KehoachError) -> str:
    """An error for an API caller: English, or Vietnamese when `Accept-Language` asks for it."""
    if wants_vietnamese(request.headers.get("accept-language")):
        return error_text(exc)
    return exc.message


def error_page(request: Request, code: int, message: str) -> Response:
    """A page that explains what went wrong, in Vietnamese (`message` is already translated)."""
    from kehoach.web.render import render

    headings = {
        401: _("Please log in"),
        403: _("Not allowed"),
        404: _("Not found"),
        409: _("Conflict"),
        422: _("Check what you entered"),
        429: _("Please wait"),
    }
    heading = headings.get(code, _("Something went wrong"))
    context = {"heading": heading, "message": message, "title": heading}
    return render(request, "error.html", context, status_code=code)


async def on_kehoach_error(request: Request, exc: Exception) -> Response:
    """KehoachError -> JSON for the API, a page (or a log-in redirect) for browsers."""
    assert isinstance(exc, KehoachError)
    code = status_code(exc)
    if is_api(request):
        response = json_error(api_text(request, exc), error_field(exc), code)
        if isinstance(exc, TooManyAttempts):
            response.headers["Retry-After"] = str(exc.retry_after)
        return response
    if code == 401 and request.method == "GET":
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target)}", status_code=303)
    return error_page(request, code, error_text(exc))


# what a malformed value in an address or form is, by pydantic's error type
VALUE_ERRORS = {
    "missing": N_("this value is required"),
    "int_parsing": N_("enter a whole number"),
    "int_type": N_("enter a whole number"),
    "int_from_float": N_("enter a whole number"),
    "greater_than_equal": N_("enter a number of at least {ge}"),
    "greater_than": N_("enter a number greater than {gt}"),
    "less_than_equal": N_("enter a number of at most {le}"),
    "less_than": N_("enter a number less than {lt}"),
    "date_parsing": N_("enter a date as dd/mm/yyyy"),
    "date_from_datetime_parsing": N_("enter a date as dd/mm/yyyy"),
    "date_type": N_("enter a date as dd/mm/yyyy"),
    "string_too_long": N_("at most {max_length} characters"),
    "bool_parsing": N_("choose yes or no"),
}


def request_error(error: dict) -> KehoachError:
    """One of FastAPI's request-shape errors as a library error with a catalogued message."""
    from kehoach.errors import ValidationError

    loc = [str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path", "header")]
    field = ".".join(loc) or None
    msgid = VALUE_ERRORS.get(error.get("type", ""), N_("this value is not accepted"))
    ctx = {k: v for k, v in (error.get("ctx") or {}).items() if isinstance(v, int | str)}
    exc = ValidationError(msgid, field=field, **ctx)
    exc.message = f"{field}: {error.get('msg', 'invalid')}" if field else error.get("msg", "")
    return exc


async def on_request_validation(request: Request, exc: Exception) -> Response:
    """A malformed request (bad query parameter, missing body field) -> 422 naming the field."""
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    first = errors[0] if errors else {}
    error = request_error(first)
    field = error_field(error)
    if is_api(request):
        message = first.get("msg", "Invalid request")
        if wants_vietnamese(request.headers.get("accept-language")):
            message = error_text(error)
        return json_error(message, field, 422)
    text = error_text(error)
    if field:
        text = f"{label('field', field)}: {text}"
    return error_page(request, 422, text)


async def on_http_exception(request: Request, exc: Exception) -> Response:
    """Starlette's own HTTP errors (404 route, 405 method) in our shape."""
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else "Request not accepted"
    if is_api(request):
        return json_error(detail, None, exc.status_code)
    messages = {
        404: N_("This page does not exist."),
        405: N_("This action is not available here."),
    }
    message = messages.get(exc.status_code, N_("The request was not accepted."))
    return error_page(request, exc.status_code, _(message))


async def on_unexpected(request: Request, exc: Exception) -> Response:
    """Log the bug; show a short message, never a traceback."""
    from kehoach.web.security import add_headers, security_headers

    log.exception("unhandled error on %s %s", request.method, request.url.path)
    if is_api(request):
        response: Response = json_error("Internal error; it has been logged.", None, 500)
    else:
        response = error_page(request, 500, _("An internal error occurred; it has been logged."))
    # a 500 is answered outside the middleware stack, so it gets the headers here
    production = request.app.state.settings.env == "production"
    add_headers(response.headers, security_headers(production).items())
    return response


def install(app: FastAPI) -> None:
    """Register the handlers on the app."""
    app.add_exception_handler(KehoachError, on_kehoach_error)
    app.add_exception_handler(RequestValidationError, on_request_validation)
    app.add_exception_handler(StarletteHTTPException, on_http_exception)
    app.add_exception_handler(Exception, on_unexpected)
