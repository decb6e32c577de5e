"""Security headers on every response, and templates the Content-Security-Policy can allow."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from webkit import as_user

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "kehoach" / "web" / "templates"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
EVENT_ATTRIBUTE = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)


def assert_secure(response) -> None:
    """The headers every response must carry, whatever made it."""
    h = response.headers
    csp = dict(d.strip().split(" ", 1) for d in h["content-security-policy"].split(";"))
    assert csp["script-src"] == "'self'"  # no inline script, no eval
    assert csp["default-src"] == "'self'" and csp["object-src"] == "'none'"
    assert csp["frame-ancestors"] == "'none'"
    assert h["x-content-type-options"] == "nosniff"
    assert h["x-frame-options"] == "DENY"
    assert h["referrer-policy"] == "strict-origin-when-cross-origin"


def test_pages_carry_the_headers(world):
    officer = as_user(world, "officer")
    for path in ("/plans", "/dashboard", f"/plans/{next(iter(world.plans.values()))}"):
        r = officer.get(path)
        assert r.status_code == 200, path
        assert_secure(r)


def test_redirects_and_anonymous_pages_carry_the_headers(browser):
    assert_secure(browser.get("/login"))
    r = browser.get("/dashboard")
    assert r.status_code == 303
    assert_secure(r)


def test_api_carries_the_headers(api):
    assert_secure(api("viewer").get("/api/plans"))
    assert_secure(api(None).get("/api/dashboard"))  # 401
    assert_secure(api(None).get("/api/openapi.json"))


def test_static_files_carry_the_headers(browser):
    for path in ("/static/kehoach.css", "/static/htmx.min.js", "/static/swagger/init.js"):
        r = browser.get(path)
        assert r.status_code == 200, path
        assert_secure(r)


def test_errors_carry_the_headers(world, browser, api):
    assert_secure(browser.get("/no-such-page"))  # 404 page
    assert_secure(api("viewer").get("/api/tasks/999999"))  # 404 JSON
    assert_secure(api("viewer").get("/api/tasks?per_page=0"))  # 422
    assert_secure(browser.post("/logout", csrf=None))  # 403


def test_an_unexpected_error_carries_the_headers(world):
    """A 500 is answered outside the middleware stack; it still gets the headers."""
    from fastapi.testclient import TestClient

    from kehoach.web.app import create_app

    app = create_app(world.settings)

    def boom():
        raise RuntimeError("a bug")

    app.add_api_route("/api/boom", boom)
    app.add_api_route("/boom", boom)
    client = TestClient(app, raise_server_exceptions=False)
    for path in ("/api/boom", "/boom"):
        r = client.get(path)
        assert r.status_code == 500
        assert "a bug" not in r.text
        assert_secure(r)


def test_api_docs_start_from_a_file(browser):
    page = browser.get("/api/docs")
    assert page.status_code == 200
    assert_secure(page)
    assert not INLINE_SCRIPT.search(page.text)
    assert '<script src="/static/swagger/init.js">' in page.text


@pytest.mark.parametrize("template", sorted(p.name for p in TEMPLATES.glob("*.html")))
def test_templates_hold_no_inline_script(template):
    """Behaviour lives in static/*.js: the policy refuses inline scripts and on…= handlers."""
    text = (TEMPLATES / template).read_text(encoding="utf-8")
    assert not INLINE_SCRIPT.search(text), f"{template}: move the script to static/"
    assert not EVENT_ATTRIBUTE.search(text), f"{template}: use addEventListener in static/"


def test_production_adds_hsts(world):
    from fastapi.testclient import TestClient

    from kehoach.settings import Settings
    from kehoach.web.app import create_app

    settings = Settings(
        env="production",
        secret_key="p" * 40,
        database_url=world.settings.database_url,
        data_dir=world.settings.data_dir,
    )
    r = TestClient(create_app(settings)).get("/login")
    assert_secure(r)
    assert r.headers["strict-transport-security"].startswith("max-age=31536000")
    assert "strict-transport-security" not in TestClient(world.app).get("/login").headers
