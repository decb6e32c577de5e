"""The agency register: merge (aliases, audit), rename, not-an-agency, usage, scope."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from kehoach.errors import Conflict, NotFound, PermissionDenied, ValidationError
from kehoach.services import agencies, agency_register, audit, dashboard, importing, plans, users
from kehoach.services.jurisdictions import find_jurisdiction
from kehoach.services.types import SYSTEM

SO = "Sở Văn hóa, Thể thao và Du lịch"
DIEN_BIEN = "002_06834df7b106b0a8.txt"


def _dien_bien(session):
    return find_jurisdiction(session, "Điện Biên").id


def _named(session, name, place):
    found = agencies.find_agency(session, name, place)
    assert found is not None and found.jurisdiction_id == place, name
    return found


def test_merge_moves_everything_and_is_remembered(session, imported, sample_records):
    place = _dien_bien(session)
    keep = _named(session, "Các cơ quan, địa phương liên quan", place)
    gone = _named(session, "các cơ quan liên quan", place)
    before = agency_register.register_row(session, keep.id, SYSTEM).tasks
    moved = agency_register.register_row(session, gone.id, SYSTEM).tasks
    row = agency_register.merge_agencies(session, gone.id, keep.id, SYSTEM)
    assert row.id == keep.id and row.aliases == 1
    assert before < row.tasks <= before + moved
    with pytest.raises(NotFound):
        agencies.get_agency(session, gone.id)
    entry = next(e for e in audit.recent(session) if e.action == "merge")
    assert entry.entity_id == keep.id and "các cơ quan liên quan →" in entry.detail
    assert entry in agency_register.agency_usage(session, keep.id, SYSTEM).history
    # the next import of a plan that writes the old spelling lands on the merged agency
    record = sample_records[DIEN_BIEN]
    source = replace(record.source, sha256="e" * 64)
    result = importing.import_record(session, replace(record, source=source))
    assert result.outcome == "updated" and result.agencies_added == 0
    assert agencies.find_agencies(session, "các cơ quan liên quan", place)[0].id == keep.id
    usage = agency_register.agency_usage(session, keep.id, SYSTEM)
    assert usage.aliases == ["các cơ quan liên quan"]


def test_merge_moves_accounts_and_reports(session, imported):
    place = _dien_bien(session)
    keep = _named(session, SO, place)
    gone = _named(session, "Sở Ngoại vụ", place)
    account = users.create_user(session, "snv", "password-1", "reporter", gone.id)
    agency_register.merge_agencies(session, gone.id, keep.id, SYSTEM)
    assert users.get_user(session, account.id).agency_id == keep.id


def test_merge_refuses_other_jurisdictions_and_itself(session, imported):
    cao_bang, dien_bien = agencies.find_agencies(session, SO)
    with pytest.raises(ValidationError, match="different jurisdictions"):
        agency_register.merge_agencies(session, cao_bang.id, dien_bien.id, SYSTEM)
    with pytest.raises(ValidationError):
        agency_register.merge_agencies(session, cao_bang.id, cao_bang.id, SYSTEM)


def test_rename_keeps_the_old_name_as_an_alias(session, imported):
    place = _dien_bien(session)
    so = _named(session, SO, place)
    row = agency_register.rename_agency(session, so.id, "Sở VHTTDL tỉnh Điện Biên", SYSTEM)
    assert row.name == "Sở VHTTDL tỉnh Điện Biên" and row.aliases == 1
    assert agencies.find_agency(session, SO, place).id == so.id
    other = _named(session, "Sở Tài chính", place)
    with pytest.raises(Conflict, match="merge the two instead"):
        agency_register.rename_agency(session, other.id, "sở vhttdl tỉnh điện biên", SYSTEM)


def test_not_an_agency_is_listed_nowhere(session, imported):
    place = _dien_bien(session)
    group = _named(session, "các cơ quan liên quan", place)
    on = date(2026, 7, 1)
    assert group.id in {
        a.agency_id for a in dashboard.dashboard(session, on=on, user=SYSTEM).agencies
    }
    agency_register.set_kind(session, group.id, "group", SYSTEM)
    assert group.id not in {
        a.agency_id for a in dashboard.dashboard(session, on=on, user=SYSTEM).agencies
    }
    assert group.id not in {a.id for a in agencies.list_agencies(session)}
    assert group.id in {a.id for a in agencies.list_agencies(session, groups=True)}
    # still on its tasks, as text
    usage = agency_register.agency_usage(session, group.id, SYSTEM)
    assert usage.tasks
    with pytest.raises(ValidationError, match="not an agency"):
        users.create_user(session, "x", "password-1", "reporter", group.id)
    agency_register.set_kind(session, group.id, "agency", SYSTEM)
    assert group.id in {a.id for a in agencies.list_agencies(session)}


def test_officers_manage_their_own_jurisdiction(session, imported):
    officer = users.create_user(session, "cb", "password-1", "officer", jurisdiction="Cao Bằng")
    viewer = users.create_user(session, "v", "password-1", "viewer")
    theirs = _named(session, SO, _dien_bien(session))
    with pytest.raises(NotFound):
        agency_register.rename_agency(session, theirs.id, "X", officer)
    with pytest.raises(PermissionDenied):
        agency_register.set_kind(session, theirs.id, "group", viewer)
    rows = agency_register.list_register(session, officer)
    assert rows and {r.jurisdiction_name for r in rows} <= {"Cao Bằng", "Phường Thục Phán"}
    assert plans.list_plans(session, officer)  # sanity: the officer has plans
