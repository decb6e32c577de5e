"""Accounts and sessions in the web app and the API: own password, admin reset and disable,
failed log-ins limited, sessions ending when idle, API tokens listed and revoked."""

from __future__ import annotations

import base64
import json
import secrets

from webkit import Browser, as_user

from kehoach.settings import Settings


def make_account(world, role: str = "viewer") -> tuple[str, str, int]:
    """A fresh account no other test touches: (username, password, id)."""
    from kehoach.services import users

    name = f"{role}-{secrets.token_hex(3)}"
    password = f"pw-{secrets.token_hex(6)}"
    with world.session() as db:
        user = users.create_user(db, name, password, role)
    return name, password, user.id


def logged_in(world, name: str, password: str) -> Browser:
    b = Browser(world.app)
    r = b.login(name, password)
    assert r.status_code == 303, r.text
    return b


# -- one's own password ------------------------------------------------------------------


def test_account_page_changes_the_password_and_ends_other_sessions(world):
    name, old, _ = make_account(world)
    here, elsewhere = logged_in(world, name, old), logged_in(world, name, old)
    page = here.get("/account")
    assert page.status_code == 200 and "Đổi mật khẩu" in page.text
    r = here.post(
        "/account/password",
        {"old_password": old, "new_password": "a-new-pass-1", "confirm_password": "a-new-pass-1"},
    )
    assert r.status_code == 303
    assert "Đã đổi mật khẩu" in here.get("/account").text  # this session goes on
    r = elsewhere.get("/dashboard")  # the other one has ended
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    assert "Mật khẩu của tài khoản này đã được thay đổi" in elsewhere.get("/login").text
    assert Browser(world.app).login(name, old).status_code == 401
    assert Browser(world.app).login(name, "a-new-pass-1").status_code == 303


def test_account_page_names_the_wrong_field(world):
    name, old, _ = make_account(world)
    b = logged_in(world, name, old)
    r = b.post(
        "/account/password",
        {
            "old_password": "not-it-123",
            "new_password": "x-new-pass",
            "confirm_password": "x-new-pass",
        },
    )
    assert r.status_code == 422
    assert 'id="old_password-error"' in r.text and "mật khẩu hiện tại không đúng" in r.text
    r = b.post(
        "/account/password",
        {"old_password": old, "new_password": "x-new-pass", "confirm_password": "y-new-pass"},
    )
    assert r.status_code == 422 and "hai lần nhập mật khẩu mới không giống nhau" in r.text
    r = b.post(
        "/account/password",
        {"old_password": old, "new_password": "short", "confirm_password": "short"},
    )
    assert r.status_code == 422 and "ít nhất 8 ký tự" in r.text


def test_api_changes_the_password(world, api):
    name, old, _ = make_account(world)
    from webkit import PASSWORDS

    PASSWORDS[name] = old
    client = api(name)
    r = client.post("/api/me/password", json={"old_password": "wrong-one", "new_password": "n" * 9})
    assert r.status_code == 422 and r.json()["field"] == "old_password"
    r = client.post("/api/me/password", json={"old_password": old, "new_password": "n" * 9})
    assert r.status_code == 204
    assert client.get("/api/me").status_code == 200  # tokens outlive a password change
    r = api(None).post("/api/tokens", json={"username": name, "password": "n" * 9})
    assert r.status_code == 201


# -- administrators ---------------------------------------------------------------------


def test_a_page_changing_the_password_through_the_api_stays_logged_in(world):
    name, old, _ = make_account(world)
    b = logged_in(world, name, old)
    token = b.csrf("/account")
    r = b.client.post(
        "/api/me/password",
        json={"old_password": old, "new_password": "via-api-pass"},
        headers={"X-CSRF-Token": token},
    )
    assert r.status_code == 204
    assert b.get("/account").status_code == 200


def test_admin_resets_a_password_and_the_sessions_end(world):
    name, old, user_id = make_account(world)
    user = logged_in(world, name, old)
    admin = as_user(world, "admin")
    r = admin.post(f"/users/{user_id}/password", {"password": "reset-pass-9"})
    assert r.status_code == 303
    assert user.get("/dashboard").status_code == 303
    assert Browser(world.app).login(name, "reset-pass-9").status_code == 303


def test_admin_disables_and_enables_an_account(world, api):
    name, password, user_id = make_account(world)
    user = logged_in(world, name, password)
    admin = as_user(world, "admin")
    assert admin.post(f"/users/{user_id}/active", {"active": "0"}).status_code == 303
    assert user.get("/dashboard").status_code == 303
    assert Browser(world.app).login(name, password).status_code == 401
    assert admin.post(f"/users/{user_id}/active", {"active": "1"}).status_code == 303
    assert Browser(world.app).login(name, password).status_code == 303


def test_admin_cannot_disable_themselves(world):
    admin = as_user(world, "admin")
    own = world.users["admin"].id
    r = admin.post(f"/users/{own}/active", {"active": "0"})
    assert r.status_code == 303
    assert "bạn không thể khóa tài khoản của chính mình" in admin.get("/users").text
    assert admin.get("/users").status_code == 200


def test_api_for_administrators(world, api):
    name, _password, user_id = make_account(world)
    admin = api("admin")
    assert name in {u["username"] for u in admin.get("/api/users").json()}
    r = admin.put(f"/api/users/{user_id}/password", json={"password": "api-reset-1"})
    assert r.status_code == 204
    assert admin.put(f"/api/users/{user_id}/active", json={"active": False}).status_code == 204
    r = api(None).post("/api/tokens", json={"username": name, "password": "api-reset-1"})
    assert r.status_code == 403
    assert admin.put(f"/api/users/{user_id}/active", json={"active": True}).status_code == 204
    r = api(None).post("/api/tokens", json={"username": name, "password": "api-reset-1"})
    assert r.status_code == 201
    own = world.users["admin"].id
    r = admin.put(f"/api/users/{own}/active", json={"active": False})
    assert r.status_code == 409 and r.json()["field"] == "active"
    assert api("officer").get("/api/users").status_code == 403
    r = api("officer").put(f"/api/users/{user_id}/password", json={"password": "x" * 10})
    assert r.status_code == 403


# -- failed log-ins ------------------------------------------------------------------------


def test_failed_logins_lock_the_account_with_a_vietnamese_message(world):
    name, password, _ = make_account(world)
    b = Browser(world.app)
    for _ in range(10):  # the default: 10 failures per account in 15 minutes
        assert b.login(name, "wrong-password").status_code == 401
    r = b.login(name, password)  # even the right password is refused now
    assert r.status_code == 429
    assert "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút." in r.text
    assert 0 < int(r.headers["retry-after"]) <= 15 * 60
    r = Browser(world.app).client.post("/api/tokens", json={"username": name, "password": password})
    assert r.status_code == 429 and r.headers["retry-after"]
    assert set(r.json()) == {"error", "field"}


def test_a_right_password_clears_the_account_failures(world):
    name, password, _ = make_account(world)
    b = Browser(world.app)
    for _ in range(9):
        b.login(name, "wrong-password")
    assert b.login(name, password).status_code == 303
    for _ in range(9):
        assert Browser(world.app).login(name, "wrong-password").status_code == 401


def test_failed_logins_are_limited_per_address(world):
    """Guessing across many usernames from one address is limited too."""
    from fastapi.testclient import TestClient

    from kehoach.web.app import create_app

    settings = Settings(
        database_url=world.settings.database_url,
        data_dir=world.settings.data_dir,
        secret_key="t" * 40,
        login_limit_address="3 per 10 minutes",
    )
    # Failures are counted in the module's shared database: an address of its own, so the
    # other tests' wrong passwords (from TestClient's default address) do not count here,
    # nor these guesses there.
    client = TestClient(
        create_app(settings), raise_server_exceptions=False, client=("198.51.100.7", 50000)
    )
    for n in range(3):
        r = client.post("/api/tokens", json={"username": f"guess{n}", "password": "x" * 8})
        assert r.status_code == 403
    r = client.post("/api/tokens", json={"username": "officer", "password": "officer-pass-1"})
    assert r.status_code == 429
    assert r.json()["error"] == "too many failed log-ins; try again in 10 minutes"


# -- idle sessions -----------------------------------------------------------------------


def age_session(browser: Browser, secret: str, seconds: float, key: str = "seen") -> None:
    """Move the session's last activity (or log-in time: `key="auth_at"`) `seconds` into the
    past, re-signing the cookie as the server would (Starlette: base64 JSON signed by
    itsdangerous with the secret key)."""
    from itsdangerous import TimestampSigner

    signer = TimestampSigner(secret)
    cookie = next(c for c in browser.client.cookies.jar if c.name == "kehoach_session")
    data = json.loads(base64.b64decode(signer.unsign(cookie.value.encode())))
    data[key] -= seconds
    signed = signer.sign(base64.b64encode(json.dumps(data).encode())).decode()
    browser.client.cookies.set("kehoach_session", signed, domain=cookie.domain, path=cookie.path)


def test_a_session_ends_after_the_idle_time(world):
    idle = world.settings.session_idle_minutes * 60
    b = as_user(world, "viewer")
    age_session(b, world.settings.secret_key, idle - 60)
    assert b.get("/dashboard").status_code == 200  # still inside the idle time
    age_session(b, world.settings.secret_key, idle + 1)
    r = b.get("/dashboard")
    assert r.status_code == 303 and r.headers["location"] == "/login?next=/dashboard"
    assert "Phiên làm việc đã hết hạn" in b.get("/login").text
    assert b.get("/dashboard").status_code == 303


def test_each_request_keeps_the_session_alive(world):
    idle = world.settings.session_idle_minutes * 60
    b = as_user(world, "viewer")
    for _ in range(3):
        age_session(b, world.settings.secret_key, idle * 0.6)
        assert b.get("/dashboard").status_code == 200


def test_a_session_ends_a_day_after_the_login_however_active(world):
    b = as_user(world, "viewer")
    age_session(b, world.settings.secret_key, 11 * 3600, key="auth_at")
    assert b.get("/dashboard").status_code == 200
    age_session(b, world.settings.secret_key, 3600 + 1, key="auth_at")
    assert b.get("/dashboard").status_code == 303
    assert "Phiên làm việc đã kéo dài" in b.get("/login").text


# -- API tokens --------------------------------------------------------------------------


def test_tokens_are_listed_and_revoked_by_their_owner(world, api):
    name, password, _ = make_account(world)
    from webkit import PASSWORDS

    PASSWORDS[name] = password
    first, second = api(name), api(name)
    listed = first.get("/api/tokens").json()
    assert len(listed) == 2 and {"id", "name", "created_at", "last_used_at", "revoked"} <= set(
        listed[0]
    )
    assert "token" not in listed[0] and "token_hash" not in listed[0]
    newest = listed[0]["id"]
    assert first.delete(f"/api/tokens/{newest}").status_code == 204
    assert second.get("/api/me").status_code == 403  # the second client held the newest
    assert first.get("/api/tokens").json()[0]["revoked"] is True
    # someone else's token is not even admitted to exist
    r = api("viewer").delete(f"/api/tokens/{listed[1]['id']}")
    assert r.status_code == 404
    assert r.json() == api("viewer").delete("/api/tokens/999999").json() | {
        "error": f"no API token with id {listed[1]['id']}"
    }
    assert first.get("/api/me").status_code == 200


def test_account_page_creates_lists_and_revokes_tokens(world):
    name, password, _ = make_account(world)
    b = logged_in(world, name, password)
    r = b.post("/account/tokens", {"name": "báo cáo tự động"})
    assert r.status_code == 200 and "kh_" in r.text
    token = r.text.split('<code id="new-token">')[1].split("<")[0]
    from fastapi.testclient import TestClient

    client = TestClient(world.app, raise_server_exceptions=False)
    client.headers["Authorization"] = f"Bearer {token}"
    assert client.get("/api/me").json()["username"] == name
    page = b.get("/account").text
    assert "báo cáo tự động" in page and token not in page
    token_id = page.split("/account/tokens/")[1].split("/revoke")[0]
    assert b.post(f"/account/tokens/{token_id}/revoke").status_code == 303
    assert "Đã thu hồi" in b.get("/account").text
    assert client.get("/api/me").status_code == 403
