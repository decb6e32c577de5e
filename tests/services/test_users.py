"""Accounts: argon2 hashes, authentication, API tokens, roles and permission checks."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kehoach.errors import Conflict, PermissionDenied, ValidationError
from kehoach.services import audit, tasks
from kehoach.services import users as accounts
from kehoach.services.types import SYSTEM
from kehoach.store.tables import User


def test_password_is_hashed_with_argon2(session, users):
    stored = session.scalar(select(User.password_hash).where(User.username == "officer"))
    assert stored.startswith("$argon2id$") and "officer-pass-1" not in stored


def test_authenticate(session, users):
    assert users_ok(session, "officer", "officer-pass-1").role == "officer"
    for name, password in [("officer", "wrong-pass"), ("nobody", "officer-pass-1")]:
        with pytest.raises(PermissionDenied, match="wrong username or password"):
            users_ok(session, name, password)


def users_ok(session, name, password):
    return accounts.authenticate(session, name, password)


def test_disabled_account_cannot_log_in(session, users):
    accounts.set_active(session, get_id(session, "viewer"), False, None)
    with pytest.raises(PermissionDenied):
        accounts.authenticate(session, "viewer", "viewer-pass-1")


def get_id(session, name):
    return session.scalar(select(User.id).where(User.username == name))


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("x", "short", "viewer"), "password"),
        (("x", "long-enough", "boss"), "role"),
        (("", "long-enough", "viewer"), "username"),
        (("x", "long-enough", "reporter"), "agency"),
        (("x", "long-enough", "reporter", "Sở Không Có"), "agency"),
    ],
)
def test_create_user_validation(session, imported, args, field):
    with pytest.raises(ValidationError) as err:
        accounts.create_user(session, *args)
    assert err.value.field == field


def test_duplicate_username(session, users):
    with pytest.raises(Conflict, match="is taken"):
        accounts.create_user(session, "officer", "another-pass", "viewer")


def test_reporter_agency_by_abbreviation(session, users):
    assert users["reporter"].agency_name == "Sở Văn hóa, Thể thao và Du lịch"


def test_api_tokens(session, users):
    token = accounts.create_token(session, users["officer"].id, "script")
    assert accounts.verify_token(session, token).username == "officer"
    with pytest.raises(PermissionDenied):
        accounts.verify_token(session, token + "x")
    from kehoach.store.tables import ApiToken

    row = session.scalar(select(ApiToken))
    assert row.token_hash != token
    accounts.revoke_token(session, row.id, users["admin"])
    with pytest.raises(PermissionDenied):
        accounts.verify_token(session, token)


def test_permissions(session, users):
    officer, reporter, viewer, admin = (
        users[k] for k in ("officer", "reporter", "viewer", "admin")
    )
    assert accounts.can_edit_plan(officer) and accounts.can_edit_plan(admin)
    assert not accounts.can_edit_plan(reporter) and not accounts.can_edit_plan(viewer)
    assert accounts.can_manage_users(admin) and not accounts.can_manage_users(officer)
    mine = tasks.list_tasks(session, user=reporter).items[0]
    detail = tasks.get_task(session, mine.id, officer)
    assert accounts.can_report(reporter, detail)
    assert accounts.can_report(officer, detail)
    assert not accounts.can_report(viewer, detail)
    other = next(
        r
        for r in tasks.list_tasks(session, user=SYSTEM, per_page=500).items
        if reporter.agency_name not in r.lead + r.coordinating
    )
    assert not accounts.can_report(reporter, tasks.get_task(session, other.id, officer))


def test_changes_are_audited(session, users):
    actions = [(a.action, a.entity) for a in audit.recent(session)]
    assert ("create", "user") in actions and ("import", "plan") in actions
