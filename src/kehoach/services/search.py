"""One search box: documents, targets, tasks, progress reports and agencies, folded and ranked.

The services call `index_plan`, `index_tasks`, `index_reports` and `index_agencies` after
every write that changes searchable text (import, corrections, report submission, agency
rename or merge); `rebuild` redoes everything (`kehoach search-index rebuild`).

Text is stored `fold()`ed (`Số hóa` -> `so hoa`, `hoá` = `hóa`), so both backends match
plain lower-case ASCII words: SQLite through the FTS5 table `search_fts` (ranked by bm25),
PostgreSQL through `to_tsvector('simple', folded)` (ranked by ts_rank). What a user may see
is decided at query time by `visibility`, never stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import ColumnElement, delete, false, func, literal_column, or_, select, text
from sqlalchemy.orm import Session

from kehoach.services.agencies import scope_of
from kehoach.services.types import UserView
from kehoach.services.visibility import plan_condition, scope_condition, task_condition
from kehoach.store.tables import (
    Agency,
    Document,
    Plan,
    ProgressReport,
    SearchEntry,
    Target,
    Task,
    TaskAgency,
)
from kehoach.text.normalize import fold

KINDS = ("document", "target", "task", "report", "agency")
MAX_TERMS = 8
MAX_TITLE = 400
_WORD = re.compile(r"[0-9a-z]+")
_TOKEN = re.compile(r"\w+|\W+")


@dataclass(frozen=True)
class SearchHit:
    """One result: what it is, where it links, and its text split into (piece, matched)."""

    kind: str
    entity_id: int
    plan_id: int | None
    url: str
    pieces: tuple[tuple[str, bool], ...]


def terms(query: str) -> list[str]:
    """The folded words of a query (at most `MAX_TERMS`), e.g. `Số hoá` -> [so, hoa]."""
    seen: list[str] = []
    for word in _WORD.findall(fold(query or "")):
        if word not in seen:
            seen.append(word)
    return seen[:MAX_TERMS]


def highlight(title: str, words: list[str]) -> tuple[tuple[str, bool], ...]:
    """Split `title` into pieces, marking words whose folded form starts with a query word.

    Pieces are plain text; the template escapes them, so highlighting cannot inject markup.
    """
    out: list[tuple[str, bool]] = []
    for token in _TOKEN.findall(title):
        hit = token[0].isalnum() and any(fold(token).startswith(w) for w in words)
        if out and out[-1][1] == hit:
            out[-1] = (out[-1][0] + token, hit)
        else:
            out.append((token, hit))
    return tuple(out)


def _entry(kind: str, entity_id: int, plan: Plan | None, title: str, extra: str = "", agency=None):
    return SearchEntry(
        kind=kind,
        entity_id=entity_id,
        plan_id=plan.id if plan is not None else None,
        jurisdiction_id=plan.jurisdiction_id if plan is not None else None,
        agency_id=agency,
        title=title[:MAX_TITLE],
        folded=fold(f"{title} {extra}"),
    )


def _report_title(r: ProgressReport) -> str:
    parts = [r.done_text, r.difficulties, r.proposals, r.reason]
    return " · ".join(p for p in parts if p)


def index_plan(session: Session, plan_id: int) -> None:
    """(Re)index a plan: its document, targets, tasks and their latest reports."""
    session.execute(delete(SearchEntry).where(SearchEntry.plan_id == plan_id))
    plan = session.get(Plan, plan_id)
    if plan is None:
        return
    doc = session.get(Document, plan.document_id)
    rows = []
    if doc is not None:
        title = " – ".join(p for p in (doc.number, doc.title) if p) or plan.source_name
        rows.append(_entry("document", plan.id, plan, title, doc.issuer or ""))
    for t in session.scalars(select(Target).where(Target.plan_id == plan_id)):
        rows.append(_entry("target", t.id, plan, t.text, t.key))
    for task in session.scalars(select(Task).where(Task.plan_id == plan_id, Task.active)):
        rows.append(_task_entry(task, plan))
    session.add_all(rows)
    session.flush()
    index_reports(session, plan_id)


def _task_entry(task: Task, plan: Plan) -> SearchEntry:
    row = _entry("task", task.id, plan, task.text)
    row.folded = task.search_text or row.folded  # already folded, with the agencies' names
    return row


def index_tasks(session: Session, task_ids: list[int]) -> None:
    """Reindex tasks whose text or agencies changed (corrections, agency rename)."""
    if not task_ids:
        return
    session.execute(
        delete(SearchEntry).where(SearchEntry.kind == "task", SearchEntry.entity_id.in_(task_ids))
    )
    for task, plan in session.execute(
        select(Task, Plan).join(Plan, Plan.id == Task.plan_id).where(Task.id.in_(task_ids))
    ):
        if task.active:
            session.add(_task_entry(task, plan))
    session.flush()


def index_reports(session: Session, plan_id: int) -> None:
    """Reindex a plan's progress reports: the latest version of each, not the superseded."""
    superseded = select(ProgressReport.supersedes_id).where(
        ProgressReport.supersedes_id.is_not(None)
    )
    session.execute(
        delete(SearchEntry).where(SearchEntry.kind == "report", SearchEntry.plan_id == plan_id)
    )
    plan = session.get(Plan, plan_id)
    rows = []
    for r in session.scalars(
        select(ProgressReport)
        .join(Task, Task.id == ProgressReport.task_id)
        .where(Task.plan_id == plan_id, ProgressReport.id.not_in(superseded))
    ):
        title = _report_title(r)
        if title:
            rows.append(_entry("report", r.id, plan, title, r.period, agency=r.agency_id))
    session.add_all(rows)
    session.flush()


def index_report(session: Session, report: ProgressReport, plan_id: int) -> None:
    """Index a just-submitted report in place of the version it supersedes (one plan's
    thousands of reports are not redone on every submission)."""
    ids = [report.id] + ([report.supersedes_id] if report.supersedes_id else [])
    session.execute(
        delete(SearchEntry).where(SearchEntry.kind == "report", SearchEntry.entity_id.in_(ids))
    )
    title = _report_title(report)
    if title:
        plan = session.get(Plan, plan_id)
        session.add(
            _entry("report", report.id, plan, title, report.period, agency=report.agency_id)
        )
    session.flush()


def index_agencies(session: Session, agency_ids: list[int] | None = None) -> None:
    """Reindex agencies (all when `agency_ids` is None); merged-away ones drop out."""
    where = SearchEntry.kind == "agency"
    if agency_ids is not None:
        where = where & SearchEntry.entity_id.in_(agency_ids)
    session.execute(delete(SearchEntry).where(where))
    query = select(Agency)
    if agency_ids is not None:
        query = query.where(Agency.id.in_(agency_ids))
    for a in session.scalars(query):
        row = _entry("agency", a.id, None, a.name, agency=a.id)
        row.jurisdiction_id = a.jurisdiction_id
        session.add(row)
    session.flush()


def tasks_of_agencies(session: Session, agency_ids: list[int]) -> list[int]:
    """The tasks naming these agencies (their search text holds the agencies' names)."""
    return list(
        session.scalars(
            select(TaskAgency.task_id).where(TaskAgency.agency_id.in_(agency_ids)).distinct()
        )
    )


def rebuild(session: Session) -> int:
    """Redo the whole index; returns the number of entries."""
    session.execute(delete(SearchEntry))
    for plan_id in list(session.scalars(select(Plan.id))):
        index_plan(session, plan_id)
    index_agencies(session)
    return session.scalar(select(func.count()).select_from(SearchEntry)) or 0


def _visible(user: UserView | None):
    """Which entries `user` may see, by kind (the rules of `visibility`)."""
    staff = user is not None and user.active and user.role in ("admin", "officer", "viewer")
    reporter = user is not None and user.active and user.role == "reporter" and user.agency_id
    plans = select(Plan.id).where(plan_condition(user))
    reports: ColumnElement[bool]
    if staff:
        reports = SearchEntry.plan_id.in_(select(Plan.id).where(scope_condition(user)))
    elif reporter:
        assert user is not None
        reports = SearchEntry.agency_id == user.agency_id  # never another agency's report
    else:
        reports = false()
    agencies = (
        SearchEntry.entity_id.in_(select(Agency.id).where(scope_of(user)))
        if staff or reporter
        else false()
    )
    return or_(
        (SearchEntry.kind.in_(("document", "target"))) & SearchEntry.plan_id.in_(plans),
        (SearchEntry.kind == "task")
        & SearchEntry.entity_id.in_(select(Task.id).where(task_condition(user))),
        (SearchEntry.kind == "report") & reports,
        (SearchEntry.kind == "agency") & agencies,
    )


def _url(kind: str, entity_id: int, plan_id: int | None, session: Session) -> str:
    if kind == "document" or kind == "target":
        return f"/plans/{plan_id}"
    if kind == "task":
        return f"/tasks/{entity_id}"
    if kind == "agency":
        return f"/agencies/{entity_id}"
    task_id = session.scalar(select(ProgressReport.task_id).where(ProgressReport.id == entity_id))
    return f"/tasks/{task_id}"


def search(session: Session, query: str, user: UserView | None, limit: int = 50) -> list[SearchHit]:
    """The entries matching every word of `query` (as word prefixes), best first."""
    words = terms(query)
    if not words:
        return []
    if session.get_bind().dialect.name == "postgresql":
        tsq = func.to_tsquery("simple", " & ".join(f"{w}:*" for w in words))
        tsv = func.to_tsvector(literal_column("'simple'"), SearchEntry.folded)
        stmt = (
            select(SearchEntry)
            .where(tsv.op("@@")(tsq), _visible(user))
            .order_by(func.ts_rank(tsv, tsq).desc(), SearchEntry.id)
        )
    else:
        match = " ".join(f'"{w}"*' for w in words)
        fts = (
            select(literal_column("rowid").label("id"), literal_column("rank").label("rank"))
            .select_from(text("search_fts"))
            .where(text("search_fts MATCH :match").bindparams(match=match))
            .subquery()
        )
        stmt = (
            select(SearchEntry)
            .join(fts, fts.c.id == SearchEntry.id)
            .where(_visible(user))
            .order_by(fts.c.rank, SearchEntry.id)
        )
    rows = session.scalars(stmt.limit(limit)).all()
    return [
        SearchHit(
            r.kind,
            r.entity_id,
            r.plan_id,
            _url(r.kind, r.entity_id, r.plan_id, session),
            highlight(r.title, words),
        )
        for r in rows
    ]
