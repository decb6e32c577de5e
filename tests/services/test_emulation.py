"""Emulation scores on the imported samples (SQLite and PostgreSQL): what each criterion
counts, versioned rules that never change a stored result, bonus/penalty points, who sees
what, communes, and the council's table as XLSX and DOCX opened back."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest
from docx import Document
from openpyxl import load_workbook
from sqlalchemy import select

from kehoach.errors import NotFound, PermissionDenied, ValidationError
from kehoach.services import reports
from kehoach.services import users as users_service
from kehoach.services.demo_emulation import MINUTES
from kehoach.services.emulation import (
    agency_evidence,
    effective_weights,
    export_ranking,
    ranking,
    score_period,
)
from kehoach.services.emulation_rules import (
    DEFAULT_WEIGHTS,
    add_adjustment,
    check_weights,
    lead_agencies,
    rule_versions,
    save_rule,
    scoring_window,
)
from kehoach.store.tables import AuditLog, Task, TaskAgency

PLAN_2640 = "001_47cec5a30aa91629.txt"  # Cao Bằng's plan for 2640/QĐ-TTg: 4 tasks of Sở VHTTDL
ON = date(2026, 12, 31)
SO_VHTTDL = "Sở Văn hóa, Thể thao và Du lịch"


def _at(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, 3, 0, tzinfo=UTC)


def _vhttdl_tasks(session, plan_id: int, agency_id: int) -> list[int]:
    return list(
        session.scalars(
            select(Task.id)
            .join(TaskAgency, TaskAgency.task_id == Task.id)
            .where(
                Task.plan_id == plan_id,
                TaskAgency.agency_id == agency_id,
                TaskAgency.role == "lead",
            )
            .order_by(Task.position)
        )
    )


@pytest.fixture
def scene(session, users, imported, settings):
    """Sở VHTTDL's reports on plan 2640: task A on time for both periods (the year's with
    minutes attached), task B late for the half year, the other two nothing."""
    plan_id = imported[PLAN_2640].plan_id
    reporter = users["reporter"]
    a, b, *_ = _vhttdl_tasks(session, plan_id, reporter.agency_id)
    reports.submit_report(
        session, task_id=a, user=reporter, status="dang_trien_khai", percent=40,
        period="2026-H1", done_text="Đang triển khai.", now=_at(2026, 6, 10),
    )  # fmt: skip
    year = reports.submit_report(
        session, task_id=a, user=reporter, status="hoan_thanh", percent=100,
        period="2026", done_text="Đã hoàn thành.", now=_at(2026, 11, 20),
    )  # fmt: skip
    reports.add_attachment(session, year.id, reporter, "bien-ban.pdf", MINUTES, settings)
    reports.submit_report(
        session, task_id=b, user=reporter, status="dang_trien_khai", percent=10,
        period="2026-H1", done_text="Chậm.", now=_at(2026, 6, 25),
    )  # fmt: skip
    session.commit()
    return plan_id, reporter.agency_id, a, b


def _unit(found, agency_id):
    return next(u for u in found.agencies if u.unit_id == agency_id)


def test_pure_arithmetic():
    assert effective_weights(DEFAULT_WEIGHTS, {"tasks_on_time", "reports_on_time"}) == {
        "tasks_on_time": pytest.approx(100 * 40 / 70),
        "reports_on_time": pytest.approx(100 * 30 / 70),
        "targets_attained": 0.0,
        "evidence_attached": 0.0,
    }
    assert set(effective_weights(DEFAULT_WEIGHTS, set()).values()) == {0.0}
    assert check_weights({k: str(v) for k, v in DEFAULT_WEIGHTS.items()}) == DEFAULT_WEIGHTS
    assert check_weights({**DEFAULT_WEIGHTS, "tasks_on_time": "39,5", "evidence_attached": "10,5"})
    with pytest.raises(ValidationError) as bad:
        check_weights({**DEFAULT_WEIGHTS, "tasks_on_time": -10, "reports_on_time": 80})
    assert bad.value.field == "weight_tasks_on_time"
    with pytest.raises(ValidationError) as bad:
        check_weights({**DEFAULT_WEIGHTS, "tasks_on_time": 45})
    assert bad.value.field == "weights" and "105" in bad.value.message
    with pytest.raises(ValidationError):
        check_weights({**DEFAULT_WEIGHTS, "targets_attained": "nhiều"})
    with pytest.raises(ValidationError):
        check_weights({k: v for k, v in DEFAULT_WEIGHTS.items() if k != "evidence_attached"})
    assert scoring_window("2026-h1").start == date(2026, 1, 1)
    assert scoring_window("2026-H2").start == date(2026, 7, 1)
    assert scoring_window("2026-Q3").start == date(2026, 7, 1)
    with pytest.raises(ValidationError):
        scoring_window("2026-13")


def test_criteria_count_tasks_reports_and_evidence(session, users, scene):
    plan_id, agency_id, a, b = scene
    found = ranking(session, plan_id, "2026", users["officer"], on=ON)
    assert found.result_id is None and found.rule.version == 0  # a preview, default rule
    unit = _unit(found, agency_id)
    by = {c.code: c for c in unit.criteria}
    tasks = by["tasks_on_time"]
    assert (tasks.counted, tasks.of) == (1, 1)  # A done on time; the others not yet decided
    assert {i.task_id: i.status for i in tasks.items}[a] == "done_on_time"
    assert len(tasks.items) == 4  # every lead task is listed, counted or not
    rep = by["reports_on_time"]
    assert (rep.counted, rep.of) == (2, 8)  # 4 tasks x (2026-H1, 2026); A's two on time
    states = {(i.task_id, i.period): i.status for i in rep.items}
    assert states[(a, "2026-H1")] == "on_time" and states[(b, "2026-H1")] == "late"
    assert states[(b, "2026")] == "missing"
    ev = by["evidence_attached"]
    assert (ev.counted, ev.of) == (1, 3)
    assert [i.attachments for i in ev.items if i.ok] == [["bien-ban.pdf"]]
    assert by["targets_attained"].of == 0  # no indicator is reported by the agency
    # the weights of what did not arise are spread: 40/30/10 out of 80
    assert (tasks.effective_weight, rep.effective_weight, ev.effective_weight) == (50, 37.5, 12.5)
    assert (tasks.points, rep.points, ev.points) == (50, 9.38, 4.17)
    assert unit.total == unit.base == pytest.approx(63.55)
    assert unit.rank == 1
    assert [u.rank for u in found.agencies] == sorted(u.rank for u in found.agencies)
    for u in found.agencies:
        assert u.base == pytest.approx(sum(c.points for c in u.criteria), abs=0.02)
    assert not found.communes and not found.communes_reported


def test_rules_are_versioned_and_results_keep_theirs(session, users, scene):
    plan_id, agency_id, *_ = scene
    officer = users["officer"]
    first = score_period(session, plan_id, "2026", officer, on=ON)
    assert first.result_id and first.rule.version == 1 and first.rule.weights == DEFAULT_WEIGHTS
    rule = save_rule(
        session,
        plan_id,
        "2026",
        {"tasks_on_time": 10, "reports_on_time": 70, "targets_attained": 10,
         "evidence_attached": 10},
        officer,
        "Nhấn mạnh chế độ báo cáo",
    )  # fmt: skip
    assert rule.version == 2
    session.commit()
    kept = ranking(session, plan_id, "2026", officer)
    assert kept.result_id == first.result_id and kept.rule.version == 1
    assert _unit(kept, agency_id).total == _unit(first, agency_id).total
    again = score_period(session, plan_id, "2026", officer, on=ON)
    assert again.rule.version == 2 and again.result_id != first.result_id
    assert _unit(again, agency_id).total != _unit(first, agency_id).total
    assert [(h.rule_version, h.current) for h in again.history] == [(2, True), (1, False)]
    old = ranking(session, plan_id, "2026", officer, result_id=first.result_id)
    assert old.rule.version == 1 and _unit(old, agency_id) == _unit(first, agency_id)
    assert [v.version for v in rule_versions(session, plan_id, "2026")] == [2, 1]
    actions = set(session.scalars(select(AuditLog.action)))
    assert {"emulation_rule.save", "emulation.score"} <= actions


def test_points_need_a_reason_and_count_from_the_next_scoring(session, users, scene):
    plan_id, agency_id, *_ = scene
    officer = users["officer"]
    before = score_period(session, plan_id, "2026", officer, on=ON)
    with pytest.raises(ValidationError) as bad:
        add_adjustment(session, plan_id, "2026", agency_id, 2, "   ", officer)
    assert bad.value.field == "reason"
    for points in (0, 25, -21, "nhiều"):
        with pytest.raises(ValidationError):
            add_adjustment(session, plan_id, "2026", agency_id, points, "Lý do", officer)
    outsider = max(lead_agencies(session, plan_id)) + 1000
    with pytest.raises(ValidationError):
        add_adjustment(session, plan_id, "2026", outsider, 2, "Lý do", officer)
    added = add_adjustment(
        session, plan_id, "2026", agency_id, "1,5", "Tổ chức tốt liên hoan", officer
    )
    assert added.points == 1.5 and added.created_by == "officer"
    session.commit()
    assert ranking(session, plan_id, "2026", officer).agencies == before.agencies
    after = score_period(session, plan_id, "2026", officer, on=ON)
    unit = _unit(after, agency_id)
    assert unit.adjustment == 1.5 and unit.total == pytest.approx(
        _unit(before, agency_id).total + 1.5
    )
    assert unit.adjustments[0].reason == "Tổ chức tốt liên hoan"
    assert session.scalar(
        select(AuditLog.detail).where(AuditLog.action == "emulation_adjustment.add")
    ).endswith("Tổ chức tốt liên hoan")


def test_who_sees_and_who_edits(session, users, scene):
    plan_id, agency_id, *_ = scene
    viewer, reporter = users["viewer"], users["reporter"]
    assert ranking(session, plan_id, "2026", viewer).agencies
    with pytest.raises(PermissionDenied):
        save_rule(session, plan_id, "2026", DEFAULT_WEIGHTS, viewer)
    with pytest.raises(PermissionDenied):
        score_period(session, plan_id, "2026", viewer)
    with pytest.raises(PermissionDenied):
        ranking(session, plan_id, "2026", reporter)
    own = agency_evidence(session, plan_id, "2026", agency_id, reporter)
    assert own.unit.unit_id == agency_id and own.unit.criteria
    other = next(a for a in lead_agencies(session, plan_id) if a != agency_id)
    with pytest.raises(NotFound):
        agency_evidence(session, plan_id, "2026", other, reporter)
    elsewhere = users_service.create_user(
        session, "db_viewer", "viewer-pass-db", "viewer", jurisdiction="Điện Biên"
    )
    with pytest.raises(NotFound):
        ranking(session, plan_id, "2026", elsewhere)
    with pytest.raises(NotFound):
        agency_evidence(session, plan_id, "2026", agency_id, elsewhere)


def test_communes_are_ranked_once_they_report(session, users, imported):
    from kehoach.services.demo_indicators import seed_indicators

    plan_id = imported["000_c6c358976faa1d91.txt"].plan_id
    officer = users["officer"]
    assert not ranking(session, plan_id, "2026", officer, on=ON).communes_reported
    seed_indicators(session, [plan_id], date(2026, 12, 1))
    session.commit()
    found = ranking(session, plan_id, "2026", officer, on=ON)
    assert found.communes_reported and len(found.communes) > 10
    top = found.communes[0]
    assert top.rank == 1 and top.total >= found.communes[-1].total
    assert [c.code for c in top.criteria] == ["reports_on_time", "targets_attained"]
    assert all(i.kind == "indicator" for c in top.criteria for i in c.items)


def test_exports_open_back(session, users, scene):
    plan_id, agency_id, *_ = scene
    officer = users["officer"]
    add_adjustment(session, plan_id, "2026", agency_id, 2, "Làm tốt công tác số hóa", officer)
    found = score_period(session, plan_id, "2026", officer, on=ON)
    content, name = export_ranking(session, plan_id, "2026", officer, "xlsx")
    assert name.endswith(".xlsx")
    book = load_workbook(io.BytesIO(content))
    sheet = book["Cơ quan"]
    rows = [r for r in sheet.iter_rows(values_only=True) if any(r)]
    assert rows[0][0].startswith("Kết quả chấm điểm thi đua thực hiện")
    head = next(i for i, r in enumerate(rows) if r[0] == "Xếp hạng")
    assert rows[head][1] == "Cơ quan chủ trì" and rows[head][-1] == "Tổng điểm"
    body = rows[head + 1 :]
    assert len(body) == len(found.agencies)
    mine = next(r for r in body if r[1] == SO_VHTTDL)
    assert mine[0] == 1 and mine[-1] == pytest.approx(_unit(found, agency_id).total)
    content, name = export_ranking(session, plan_id, "2026", officer, "docx")
    doc = Document(io.BytesIO(content))
    assert "HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG" in doc.tables[0].cell(0, 0).text
    assert "TỈNH CAO BẰNG" in doc.tables[0].cell(0, 0).text
    texts = [p.text for p in doc.paragraphs]
    assert "BẢNG TỔNG HỢP" in texts
    assert any("Làm tốt công tác số hóa" in t for t in texts)
    grid = doc.tables[1]
    assert grid.rows[0].cells[-1].text == "Tổng điểm"
    assert grid.rows[1].cells[1].text == SO_VHTTDL
    assert doc.sections[-1].page_width > doc.sections[-1].page_height  # landscape table
    with pytest.raises(ValidationError):
        export_ranking(session, plan_id, "2026", officer, "pdf")
