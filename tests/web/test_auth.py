"""Logging in and out, sessions, CSRF tokens, API tokens."""

from __future__ import annotations

from webkit import PASSWORDS, Browser, as_user


def test_login_page_is_vietnamese(browser):
    page = browser.get("/login")
    assert page.status_code == 200
    assert "Đăng nhập" in page.text
    assert "Tên đăng nhập" in page.text and "Mật khẩu" in page.text


def test_login_then_reporter_lands_on_my_unit(browser):
    r = browser.login("reporter")
    assert r.status_code == 303
    assert r.headers["location"] == "/my-unit"


def test_officer_lands_on_dashboard(browser):
    browser.login("officer")
    r = browser.get("/")
    assert r.status_code == 303 and r.headers["location"] == "/dashboard"


def test_wrong_password_shows_message_next_to_form(browser):
    r = browser.login("officer", "not-the-password")
    assert r.status_code == 401
    assert "Sai tên đăng nhập hoặc mật khẩu." in r.text


def test_login_without_csrf_token_is_refused(browser):
    browser.get("/login")
    r = browser.client.post("/login", data={"username": "admin", "password": PASSWORDS["admin"]})
    assert r.status_code == 403
    assert "Biểu mẫu đã hết hạn" in r.text


def test_login_with_wrong_csrf_token_is_refused(browser):
    browser.get("/login")
    r = browser.post(
        "/login", {"username": "admin", "password": PASSWORDS["admin"]}, csrf="forged-token"
    )
    assert r.status_code == 403


def test_next_parameter_cannot_leave_the_site(browser):
    token = browser.csrf("/login")
    r = browser.client.post(
        "/login",
        data={
            "username": "officer",
            "password": PASSWORDS["officer"],
            "csrf_token": token,
            "next": "https://evil.example/",
        },
    )
    assert r.status_code == 303 and r.headers["location"] == "/"


def test_anonymous_is_sent_to_login_with_next(browser):
    r = browser.get("/dashboard")
    assert r.status_code == 303
    assert r.headers["location"] == "/login?next=/dashboard"


def test_logout_ends_the_session(world):
    b = as_user(world, "officer")
    assert b.get("/dashboard").status_code == 200
    token = b.csrf("/dashboard")
    assert b.post("/logout", csrf=token).status_code == 303
    assert b.get("/dashboard").status_code == 303


def test_logout_needs_csrf(world):
    b = as_user(world, "officer")
    assert b.post("/logout", csrf=None).status_code == 403
    assert b.get("/dashboard").status_code == 200


def test_session_cookie_is_httponly_and_signed(world):
    b = Browser(world.app)
    r = b.login("viewer")
    cookie = r.headers["set-cookie"]
    assert "kehoach_session=" in cookie and "httponly" in cookie.lower()
    b.client.cookies.set("kehoach_session", "forged")
    assert b.get("/dashboard").status_code == 303


def test_api_token_roundtrip(api):
    client = api("officer")
    me = client.get("/api/me")
    assert me.status_code == 200
    assert me.json()["username"] == "officer" and me.json()["role"] == "officer"


def test_api_wrong_password_is_json_error(api):
    client = api(None)
    r = client.post("/api/tokens", json={"username": "officer", "password": "nope-nope"})
    assert r.status_code == 403
    assert r.json() == {"error": "wrong username or password", "field": None}


def test_api_bad_token_is_refused(api):
    client = api(None)
    r = client.get("/api/me", headers={"Authorization": "Bearer not-a-token"})
    assert r.status_code == 403
    assert "token" in r.json()["error"]


def test_api_without_auth_is_401(api):
    r = api(None).get("/api/dashboard")
    assert r.status_code == 401
    assert r.json()["error"] == "Log in to continue."


def test_api_post_with_cookie_needs_csrf_header(world):
    b = as_user(world, "officer")
    r = b.client.put("/api/plans/1/public", json={"public": False})
    assert r.status_code == 403
    token = b.csrf("/plans")
    r = b.client.put("/api/plans/1/public", json={"public": False}, headers={"X-CSRF-Token": token})
    assert r.status_code == 204
