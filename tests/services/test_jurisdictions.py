"""Jurisdictions: reference units, plans and agencies per province, scoped accounts."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from kehoach.errors import NotFound, PermissionDenied, ValidationError
from kehoach.services import agencies, dashboard, jurisdictions, plans, reports, tasks, users
from kehoach.services.types import SYSTEM
from kehoach.store import tables as t
from kehoach.store.units import agency_unit, is_central, province_code

SO = "Sở Văn hóa, Thể thao và Du lịch"


def test_units_come_from_the_package(session):
    levels = dict(
        session.execute(
            select(t.Jurisdiction.level, func.count()).group_by(t.Jurisdiction.level)
        ).all()
    )
    assert levels["national"] == 1 and levels["province"] == 34
    assert 3000 < levels["commune"] < 3600
    # the 2025 merger kept both sample provinces
    for name in ("Cao Bằng", "Điện Biên"):
        assert jurisdictions.find_jurisdiction(session, name).level == "province"


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Cao Bằng", "04"),
        ("tỉnh Cao Bằng", "04"),
        ("CAO BANG", "04"),
        ("Tỉnh Điện Biên", "11"),
        ("Bắc Kạn", "19"),  # merged into Thái Nguyên in 2025
        ("Thừa Thiên Huế", "46"),
        ("TP. Hồ Chí Minh", "79"),
        ("Mô phỏng", None),
        (None, None),
    ],
)
def test_province_lookup_is_tolerant(written, code):
    assert province_code(written) == code


def test_central_bodies_and_communes():
    assert is_central("Bộ Văn hóa, Thể thao và Du lịch")
    assert is_central("Ban Chấp hành Trung ương")
    assert not is_central("Bộ Chỉ huy Quân sự tỉnh")
    assert not is_central("Sở Tài chính")
    assert agency_unit("Bộ Tài chính", "04") == "VN"
    assert agency_unit("Đảng ủy phường Thục Phán", "04") is not None
    assert agency_unit("Ủy ban nhân dân các xã, phường", "04") is None


def test_find_jurisdiction(session):
    assert jurisdictions.find_jurisdiction(session, "toàn quốc").national
    commune = jurisdictions.find_jurisdiction(session, "Phường Thục Phán, Cao Bằng")
    assert commune.level == "commune" and commune.parent_name == "Cao Bằng"
    assert jurisdictions.find_jurisdiction(session, "04").name == "Cao Bằng"
    with pytest.raises(ValidationError, match="no province or commune named 'Atlantis'"):
        jurisdictions.find_jurisdiction(session, "Atlantis")


def test_update_is_idempotent(session):
    counts = jurisdictions.update_jurisdictions(session)
    assert (counts["added"], counts["renamed"], counts["retired"]) == (0, 0, 0)
    assert counts["total"] > 3000


def test_plans_and_agencies_belong_to_their_province(session, imported):
    rows = plans.list_plans(session, SYSTEM)
    assert [p.jurisdiction_name for p in rows] == ["Cao Bằng", "Cao Bằng", "Điện Biên"]
    found = agencies.find_agencies(session, "Sở VHTTDL")
    assert sorted(a.jurisdiction_name for a in found) == ["Cao Bằng", "Điện Biên"]


def _account(session, name, role, province=None, agency=None):
    return users.create_user(
        session, name, "password-1", role, agency=agency, jurisdiction=province
    )


def test_accounts_see_their_jurisdiction(session, imported):
    cb = _account(session, "cb", "officer", "Cao Bằng")
    db = _account(session, "db", "viewer", "Điện Biên")
    national = _account(session, "tw", "viewer", "toàn quốc")
    assert {p.jurisdiction_name for p in plans.list_plans(session, cb)} == {"Cao Bằng"}
    assert {p.jurisdiction_name for p in plans.list_plans(session, db)} == {"Điện Biên"}
    assert len(plans.list_plans(session, national)) == 3
    dien_bien_plan = plans.list_plans(session, db)[0].id
    with pytest.raises(NotFound):
        plans.get_plan(session, dien_bien_plan, cb)
    board = dashboard.dashboard(session, on=__import__("datetime").date(2026, 7, 1), user=cb)
    assert board.counts.total == 44 + 20
    assert tasks.list_tasks(session, user=db, per_page=1).total == 47


def test_reporter_of_one_province_cannot_reach_the_other(session, imported):
    cb = _account(session, "so_cb", "reporter", "Cao Bằng", "Sở VHTTDL")
    db = _account(session, "so_db", "reporter", "Điện Biên", "Sở VHTTDL")
    assert cb.agency_id != db.agency_id and cb.jurisdiction_name == "Cao Bằng"
    theirs = tasks.list_tasks(
        session, user=db, agency_id=db.agency_id, role="lead", per_page=100
    ).items
    assert len(theirs) == 32
    with pytest.raises(NotFound):
        tasks.get_task(session, theirs[0].id, cb)
    with pytest.raises(NotFound):
        reports.submit_report(
            session, task_id=theirs[0].id, user=cb, status="dang_trien_khai", percent=10
        )
    assert {r.plan_title for r in tasks.list_tasks(session, user=cb, per_page=100).items} <= {
        p.document.title for p in plans.list_plans(session, SYSTEM)[:2]
    }


def test_an_ambiguous_agency_needs_its_province(session, imported):
    with pytest.raises(ValidationError, match="several jurisdictions"):
        _account(session, "x", "reporter", agency="Sở VHTTDL")


def test_officer_edits_only_its_own_plans(session, imported):
    cb = _account(session, "cb", "officer", "Cao Bằng")
    plan = plans.list_plans(session, SYSTEM)[2]  # Điện Biên's
    plans.set_public(session, plan.id, True, SYSTEM)
    task = tasks.list_tasks(session, user=cb, plan_id=plan.id, per_page=1).items[0]  # public
    with pytest.raises(PermissionDenied):
        tasks.override_status(session, task.id, "overdue", "x", cb)
    with pytest.raises(PermissionDenied):
        plans.correct_field(session, "document", plan.document.id, "title", "X", cb)


def test_correcting_the_province_moves_the_plan(session, imported):
    plan = plans.list_plans(session, SYSTEM)[1]  # Cao Bằng's 001
    so = agencies.find_agency(session, SO, plan.jurisdiction_id)
    plans.correct_field(session, "document", plan.document.id, "province", "Điện Biên", SYSTEM)
    moved = plans.get_plan(session, plan.id, SYSTEM)
    assert moved.plan.jurisdiction_name == "Điện Biên"
    detail = tasks.list_tasks(session, user=SYSTEM, plan_id=plan.id, per_page=100).items
    dien_bien_so = agencies.find_agency(
        session, SO, jurisdictions.find_jurisdiction(session, "Điện Biên").id
    )
    ids = {
        a.agency_id
        for row in detail
        for a in tasks.get_task(session, row.id, SYSTEM).agencies
        if a.name == SO
    }
    assert ids == {dien_bien_so.id} and so.id not in ids
