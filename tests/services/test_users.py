"""Accounts: argon2 hashes, authentication, API tokens, roles and permission checks."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kehoach.errors import Conflict, NotFound, PermissionDenied, ValidationError
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


@pytest.fixture
def two_admins(session):
    """Two administrators and a viewer, without any plan imported."""
    out = {
        name: accounts.create_user(session, name, f"{name}-pass-1", role)
        for name, role in [("ana", "admin"), ("binh", "admin"), ("chi", "viewer")]
    }
    session.commit()
    return out


def test_change_password_needs_the_old_one(session, two_admins):
    chi = two_admins["chi"]
    with pytest.raises(ValidationError, match="current password is wrong") as err:
        accounts.change_password(session, chi, "not-the-one", "brand-new-pass")
    assert err.value.field == "old_password"
    with pytest.raises(ValidationError, match="at least 8") as err:
        accounts.change_password(session, chi, "chi-pass-1", "short")
    assert err.value.field == "new_password"
    with pytest.raises(ValidationError, match="same as the current"):
        accounts.change_password(session, chi, "chi-pass-1", "chi-pass-1")
    changed = accounts.change_password(session, chi, "chi-pass-1", "brand-new-pass")
    assert changed.password_changed_at is not None
    assert accounts.authenticate(session, "chi", "brand-new-pass").id == chi.id
    with pytest.raises(PermissionDenied):
        accounts.authenticate(session, "chi", "chi-pass-1")
    assert ("change_password", "user") in [(a.action, a.entity) for a in audit.recent(session)]


def test_reset_marks_the_password_changed(session, two_admins):
    before = accounts.get_user(session, two_admins["chi"].id).password_changed_at
    accounts.set_password(session, two_admins["chi"].id, "reset-pass-1", two_admins["ana"])
    after = accounts.get_user(session, two_admins["chi"].id).password_changed_at
    assert before is None and after is not None and after.tzinfo is not None


def test_nobody_disables_themselves_or_the_last_admin(session, two_admins):
    ana, binh = two_admins["ana"], two_admins["binh"]
    with pytest.raises(Conflict, match="your own account"):
        accounts.set_active(session, ana.id, False, ana)
    accounts.set_active(session, binh.id, False, ana)
    with pytest.raises(Conflict, match="last active administrator"):
        accounts.set_active(session, ana.id, False, None)  # the command line too
    accounts.set_active(session, binh.id, True, None)
    assert accounts.get_user(session, binh.id).active


def test_find_user_names_the_missing_one(session, two_admins):
    assert accounts.find_user(session, " chi ").id == two_admins["chi"].id
    with pytest.raises(NotFound, match="no user named 'dung'; `kehoach user list`"):
        accounts.find_user(session, "dung")


def test_tokens_are_listed_and_revoked_by_their_owner_only(session, two_admins):
    ana, chi = two_admins["ana"], two_admins["chi"]
    first = accounts.create_token(session, chi.id, "script")
    accounts.create_token(session, chi.id, "sheet")
    listed = accounts.list_tokens(session, chi.id)
    assert [t.name for t in listed] == ["sheet", "script"]
    assert not any(t.revoked for t in listed) and accounts.list_tokens(session, ana.id) == []
    viewer2 = accounts.create_user(session, "dao", "dao-pass-11", "viewer")
    with pytest.raises(NotFound, match=f"no API token with id {listed[1].id}"):
        accounts.revoke_token(session, listed[1].id, viewer2)
    accounts.revoke_token(session, listed[1].id, chi)
    with pytest.raises(PermissionDenied):
        accounts.verify_token(session, first)
    accounts.revoke_token(session, listed[0].id, ana)  # an administrator may revoke any
    assert all(t.revoked for t in accounts.list_tokens(session, chi.id))
