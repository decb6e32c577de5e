"""The search box: folded, ranked, highlighted, kept current, scoped to what a user sees."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select

from kehoach.services import agency_register, reports, search
from kehoach.services.agencies import find_agency
from kehoach.services.tasks import list_tasks
from kehoach.services.types import SYSTEM
from kehoach.services.users import create_user
from kehoach.store.tables import Agency, SearchEntry, TaskAgency

NOW = datetime(2026, 6, 10, 8, 0, tzinfo=UTC)


def texts(hits) -> list[str]:
    return ["".join(p for p, _ in h.pieces) for h in hits]


def test_folded_query_finds_so_hoa(session, imported):
    hits = search.search(session, "so hoa di tich", SYSTEM)
    assert hits, "so hoa di tich found nothing"
    assert any("số hóa" in t for t in texts(hits))
    assert {h.kind for h in hits} >= {"target", "task"}
    # old tone placement (hoá) and new (hóa) are one word
    assert [h.entity_id for h in search.search(session, "số hoá di tích", SYSTEM)] == [
        h.entity_id for h in hits
    ]


def test_matching_words_are_highlighted_as_plain_pieces(session, imported):
    hit = search.search(session, "so hoa", SYSTEM)[0]
    marked = [p.lower() for p, matched in hit.pieces if matched]
    assert any("số" in m for m in marked) and any("hóa" in m for m in marked)
    pieces = search.highlight("<b>Số hóa</b> & x", ["so"])
    assert pieces[1] == ("Số", True)  # markup stays text: the template escapes it
    assert "".join(p for p, _ in pieces) == "<b>Số hóa</b> & x"


def test_anonymous_sees_public_plans_only(session, imported):
    assert search.search(session, "so hoa", None) == []  # no plan is public yet
    assert search.search(session, "", SYSTEM) == []
    assert search.search(session, "!!! ???", SYSTEM) == []


def test_rebuild_redoes_the_same_index(session, imported):
    before = session.scalar(select(func.count()).select_from(SearchEntry))
    assert search.rebuild(session) == before > 0


def test_reporter_never_sees_another_agencys_report(session, users):
    so = find_agency(session, "Sở VHTTDL")
    mine = {r.id for r in list_tasks(session, user=SYSTEM, agency_id=so.id, per_page=500).items}
    lead_of = dict(
        session.execute(
            select(TaskAgency.task_id, TaskAgency.agency_id).where(TaskAgency.role == "lead")
        )
        .tuples()
        .all()
    )
    own_task = next(t for t in mine if lead_of.get(t) == so.id)
    other_task, other_agency = next(
        (t, a)
        for t, a in lead_of.items()
        if t not in mine and session.get(Agency, a).jurisdiction_id == so.jurisdiction_id
    )
    other = create_user(session, "rep2", "reporter-pass-2", "reporter", agency=other_agency)
    for user, task in ((users["reporter"], own_task), (other, other_task)):
        reports.submit_report(
            session,
            task_id=task,
            user=user,
            status="dang_trien_khai",
            percent=30,
            done_text=f"Đã số hóa hồ sơ khảo cổ zebu ({user.username})",
            now=NOW,
        )
    session.commit()
    officer_hits = [h for h in search.search(session, "zebu", users["admin"]) if h.kind == "report"]
    assert len(officer_hits) == 2
    for user in (users["reporter"], other):
        hits = [h for h in search.search(session, "zebu khao co", user) if h.kind == "report"]
        assert texts(hits) == [f"Đã số hóa hồ sơ khảo cổ zebu ({user.username})"]
    assert search.search(session, "zebu", None) == []
    # a new version replaces the old one in the index
    reports.submit_report(
        session,
        task_id=own_task,
        user=users["reporter"],
        status="dang_trien_khai",
        percent=60,
        done_text="Đã số hóa xong hồ sơ khảo cổ",
        now=NOW,
    )
    hits = [h for h in search.search(session, "khao co", users["reporter"]) if h.kind == "report"]
    assert texts(hits) == ["Đã số hóa xong hồ sơ khảo cổ"]


def test_agency_rename_and_merge_keep_the_index_current(session, users):
    so = find_agency(session, "Sở VHTTDL")
    agency_register.rename_agency(session, so.id, "Sở Văn hóa và Thể thao Quokka", SYSTEM)
    session.commit()
    hits = search.search(session, "quokka", SYSTEM)
    assert {h.kind for h in hits} >= {"agency", "task"}
