"""Importing plans: agencies once, the document tree, re-imports, corrected versions."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from kehoach.services import importing, plans, reports, tasks
from kehoach.services.types import SYSTEM
from kehoach.store import tables as t

CTR14 = "000_c6c358976faa1d91.txt"
UBND = "001_47cec5a30aa91629.txt"
DIEN_BIEN = "002_06834df7b106b0a8.txt"


def counts(session) -> dict[str, int]:
    return {
        table.__tablename__: session.scalar(select(func.count()).select_from(table))
        for table in (
            t.Agency,
            t.Document,
            t.DocumentLink,
            t.Plan,
            t.Target,
            t.Metric,
            t.Task,
            t.TaskAgency,
            t.ReportingDuty,
            t.ProgressReport,
            t.Revision,
        )
    }


def corrected(record, **changes):
    """A new version of a record (another sha256) with some tasks changed."""
    source = replace(record.source, sha256="f" * 64)
    return replace(record, **{"source": source, **changes})  # a given source wins


def test_import_samples(session, imported):
    assert {r.outcome for r in imported.values()} == {"created"}
    c = counts(session)
    assert c["plans"] == 3
    assert c["tasks"] == 44 + 20 + 47
    rows = session.execute(
        select(t.Agency.name, t.Jurisdiction.name).join(
            t.Jurisdiction, t.Jurisdiction.id == t.Agency.jurisdiction_id
        )
    ).all()
    so = sorted(place for name, place in rows if name == "Sở Văn hóa, Thể thao và Du lịch")
    assert so == ["Cao Bằng", "Điện Biên"]  # one agency per province
    assert len(rows) == len({(n.lower(), p) for n, p in rows})
    assert ("Đảng ủy phường Thục Phán", "Phường Thục Phán") in rows  # a commune's own
    assert imported[UBND].agencies_added > 0


def test_document_tree(session, imported):
    roots = plans.document_tree(session, SYSTEM)
    nq80 = next(r for r in roots if r.document.number == "80-NQ/TW")
    assert nq80.document.placeholder
    kids = {c.document.number or c.document.province for c in nq80.children}
    assert kids == {"14-CTr/TU", "Điện Biên"}


def test_placeholder_is_filled_when_the_document_is_imported(session, imported, sample_records):
    rec = sample_records[DIEN_BIEN]
    doc = replace(
        rec.document, kind="nghi_quyet", number="80-NQ/TW", implements=[], title="Nghị quyết 80"
    )
    placeholder = session.scalar(select(t.Document).where(t.Document.number == "80-NQ/TW"))
    result = importing.import_record(
        session,
        corrected(
            rec,
            document=doc,
            source=replace(rec.source, sha256="e" * 64, name="nq80.txt"),
        ),
    )
    assert result.document_id == placeholder.id
    session.refresh(placeholder)
    assert not placeholder.placeholder and placeholder.title == "Nghị quyết 80"


def test_reimport_same_file_changes_nothing(session, imported, sample_records):
    before = counts(session)
    again = importing.import_record(session, sample_records[CTR14])
    assert again.outcome == "unchanged" and again.plan_id == imported[CTR14].plan_id
    assert counts(session) == before


def test_corrected_version_keeps_progress_of_unchanged_tasks(session, imported, sample_records):
    plan_id = imported[CTR14].plan_id
    rows = tasks.list_tasks(session, user=SYSTEM, plan_id=plan_id, on=date(2026, 7, 1)).items
    kept, changed, dropped = rows[0], rows[1], rows[2]
    reports.submit_report(
        session,
        task_id=kept.id,
        user=SYSTEM,
        status="dang_trien_khai",
        percent=40,
        now=datetime(2026, 6, 10, tzinfo=UTC),
    )
    rec = sample_records[CTR14]
    new_tasks = [
        replace(tk, text=tk.text + " (sửa)") if tk.id == changed.key else tk
        for tk in rec.tasks
        if tk.id != dropped.key
    ]
    result = importing.import_record(session, corrected(rec, tasks=new_tasks))
    assert result.outcome == "updated" and result.plan_id == plan_id
    assert (result.tasks_added, result.tasks_removed) == (1, 2)
    assert result.tasks_kept == len(rec.tasks) - 2
    history = reports.report_history(session, kept.id, SYSTEM)
    assert [h.percent for h in history] == [40]
    assert session.get(t.Task, dropped.id).active is False
    assert session.get(t.Task, changed.id).active is False
    after = tasks.list_tasks(session, user=SYSTEM, plan_id=plan_id, on=date(2026, 7, 1))
    assert after.total == len(rec.tasks) - 1
    from kehoach.errors import Conflict

    with pytest.raises(Conflict, match="no longer in the plan"):
        reports.submit_report(
            session,
            task_id=dropped.id,
            user=SYSTEM,
            status="hoan_thanh",
            now=datetime(2026, 6, 10, tzinfo=UTC),
        )


def test_reimport_keeps_officer_corrections(session, imported, sample_records, users):
    plan_id = imported[CTR14].plan_id
    task = tasks.list_tasks(session, user=SYSTEM, plan_id=plan_id).items[0]
    plans.correct_field(session, "task", task.id, "group_title", "Nhóm đã sửa", users["officer"])
    plans.correct_field(session, "task", task.id, "lead", ["Sở VHTTDL"], users["officer"])
    plans.correct_field(
        session,
        "document",
        imported[CTR14].document_id,
        "title",
        "Tiêu đề đã sửa",
        users["officer"],
    )
    result = importing.import_record(session, corrected(sample_records[CTR14]))
    assert result.corrections_kept == 3
    row = tasks.get_task(session, task.id, SYSTEM).row
    assert row.group_title == "Nhóm đã sửa"
    assert row.lead == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert session.get(t.Document, imported[CTR14].document_id).title == "Tiêu đề đã sửa"
    revs = plans.list_revisions(session, "task", task.id)
    assert {r.field for r in revs} == {"group_title", "lead"}
    assert all(r.username == "officer" for r in revs)


def test_failed_import_writes_nothing(db_url, sample_records, monkeypatch):
    from kehoach.store.db import session_scope

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(importing, "_duties", broken)
    with pytest.raises(RuntimeError), session_scope(db_url) as s:
        importing.import_record(s, sample_records[UBND])
    with session_scope(db_url) as s:
        assert set(counts(s).values()) == {0}


def test_bad_file_is_a_user_error(session, tmp_path):
    from kehoach.errors import InputError

    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(InputError):
        importing.import_plan(session, empty)
    assert counts(session)["plans"] == 0


def test_import_from_the_sample_file(session):
    from kehoach.services.demo import SAMPLES

    path = SAMPLES / UBND
    result = importing.import_plan(session, path)
    assert result.outcome == "created"
    preview = importing.preview_import(path.read_bytes(), path.name)
    assert preview.source.sha256 == session.get(t.Plan, result.plan_id).sha256
    assert importing.import_plan(session, path.read_bytes(), path.name).outcome == "unchanged"


def test_provincial_numbers_are_per_province(session, imported, sample_records):
    from kehoach.services.importing import is_central, number_key

    assert is_central("80-NQ/TW") and is_central("2640/QĐ-TTg") and is_central("5/TT-BVHTTDL")
    assert not is_central("14-CTr/TU") and not is_central("19/KH-UBND")
    assert number_key("14-CTr/TU", "Cao Bằng") != number_key("14-CTr/TU", "Điện Biên")
    rec = sample_records[CTR14]
    other = corrected(
        rec,
        document=replace(rec.document, province="Điện Biên"),
        source=replace(rec.source, sha256="d" * 64, name="db-14.txt"),
    )
    result = importing.import_record(session, other)
    assert result.outcome == "created" and result.plan_id != imported[CTR14].plan_id
    assert counts(session)["plans"] == 4


def test_numbered_version_of_a_draft_takes_over_its_placeholder(session, imported, sample_records):
    from kehoach.model import DocRef

    draft = sample_records[DIEN_BIEN]  # no number yet
    ref = DocRef(kind="ke_hoach", number="15-KH/TU", date=None, issuer="Tỉnh ủy")
    citing = sample_records[CTR14]
    citing = corrected(
        citing,
        document=replace(
            citing.document, province="Điện Biên", number="20-CTr/TU", implements=[ref]
        ),
        source=replace(citing.source, sha256="c" * 64, name="citing.txt"),
    )
    cited = importing.import_record(session, citing)
    placeholder = session.scalar(select(t.Document).where(t.Document.number == "15-KH/TU"))
    assert placeholder.placeholder
    numbered = corrected(draft, document=replace(draft.document, number="15-KH/TU"))
    result = importing.import_record(session, numbered)
    assert result.plan_id == imported[DIEN_BIEN].plan_id and result.outcome == "updated"
    link = session.scalar(
        select(t.DocumentLink).where(t.DocumentLink.document_id == cited.document_id)
    )
    assert link.target_id == imported[DIEN_BIEN].document_id
    assert session.scalar(select(t.Document).where(t.Document.number == "15-KH/TU")).id == (
        imported[DIEN_BIEN].document_id
    )


def test_a_number_taken_by_another_plan_is_a_conflict(session, imported, sample_records):
    from kehoach.errors import Conflict

    draft = sample_records[DIEN_BIEN]
    clash = corrected(
        draft,
        document=replace(draft.document, number="14-CTr/TU", province="Cao Bằng"),
    )
    with pytest.raises(Conflict, match="already has the number 14-CTr/TU"):
        importing.import_record(session, clash, replace_plan_id=imported[DIEN_BIEN].plan_id)


def test_correcting_a_number_to_a_taken_one_is_a_conflict(session, imported, users):
    from kehoach.errors import Conflict

    with pytest.raises(Conflict):
        plans.correct_field(
            session, "document", imported[UBND].document_id, "number", "14-CTr/TU", users["officer"]
        )
    session.rollback()
    rev = plans.correct_field(
        session, "document", imported[UBND].document_id, "number", "23-KH/UBND", users["officer"]
    )
    assert (rev.old, rev.new) == (None, "23-KH/UBND")
