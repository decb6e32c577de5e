"""Plans: list, the document tree, one plan's page, officer corrections (revisions)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kehoach.errors import NotFound
from kehoach.services.corrections import (  # noqa: F401  (one name through every layer)
    RevisionView,
    correct_field,
    list_revisions,
    set_public,
)
from kehoach.services.periods import Period, current_period
from kehoach.services.types import UserView
from kehoach.services.visibility import plan_condition, sees_all
from kehoach.store.db import query
from kehoach.store.tables import (
    Agency,
    Document,
    DocumentLink,
    Jurisdiction,
    Metric,
    Plan,
    ReportingDuty,
    Target,
    Task,
    TaskAgency,
)


@dataclass(frozen=True)
class DocumentView:
    id: int
    kind: str
    number: str | None
    issuer: str | None
    province: str | None
    date: str | None
    draft: bool
    title: str | None
    signer: str | None
    placeholder: bool
    plan_id: int | None


@dataclass(frozen=True)
class PlanRow:
    id: int
    document: DocumentView
    source_name: str
    sha256: str
    format: str
    public: bool
    imported_at: datetime
    task_count: int
    target_count: int
    status_counts: dict[str, int] = field(default_factory=dict)
    jurisdiction_id: int | None = None  # the province (commune, nation) that issued it
    jurisdiction_name: str | None = None


@dataclass(frozen=True)
class TreeNode:
    document: DocumentView
    children: list[TreeNode]


@dataclass(frozen=True)
class MetricView:
    value: float
    unit: str | None
    subject: str | None
    by: int | None


@dataclass(frozen=True)
class TargetView:
    id: int
    key: str
    text: str
    horizon: int | None
    section: str | None
    metrics: list[MetricView]


@dataclass(frozen=True)
class DutyView:
    id: int
    every: str
    due: str | None
    to: str | None
    via: str | None


@dataclass(frozen=True)
class GroupView:
    code: str | None
    title: str | None
    task_count: int


@dataclass(frozen=True)
class PlanDetail:
    plan: PlanRow
    targets: list[TargetView]
    duties: list[DutyView]
    groups: list[GroupView]
    implements: list[DocumentView]
    implemented_by: list[DocumentView]
    current_period: Period | None
    summary: object  # summaries.PlanSummary


def doc_view(d: Document, plan_id: int | None = None) -> DocumentView:
    """A document as the services show it (`plan_id`: the plan it is, if any)."""
    return DocumentView(
        d.id,
        d.kind,
        d.number,
        d.issuer,
        d.province,
        d.date,
        d.draft,
        d.title,
        d.signer,
        d.placeholder,
        plan_id,
    )


def _plan_rows(session: Session, where) -> list[PlanRow]:
    tasks = (
        select(Task.plan_id, func.count().label("n"))
        .where(Task.active)
        .group_by(Task.plan_id)
        .subquery()
    )
    targets = select(Target.plan_id, func.count().label("n")).group_by(Target.plan_id).subquery()
    rows = session.execute(
        select(Plan, Document, tasks.c.n, targets.c.n, Jurisdiction.name)
        .join(Document, Document.id == Plan.document_id)
        .join(Jurisdiction, Jurisdiction.id == Plan.jurisdiction_id)
        .outerjoin(tasks, tasks.c.plan_id == Plan.id)
        .outerjoin(targets, targets.c.plan_id == Plan.id)
        .where(where)
        .order_by(Plan.id)
    ).all()
    return [
        PlanRow(
            p.id,
            doc_view(d, p.id),
            p.source_name,
            p.sha256,
            p.format,
            p.public,
            p.imported_at,
            nt or 0,
            ng or 0,
            jurisdiction_id=p.jurisdiction_id,
            jurisdiction_name=place,
        )
        for p, d, nt, ng, place in rows
    ]


def list_plans(
    session: Session, user: UserView | None = None, on: date | None = None
) -> list[PlanRow]:
    """The plans `user` may see; with `on`, each with its status counts on that date."""
    rows = _plan_rows(session, plan_condition(user))
    if on is None or not rows:
        return rows
    from kehoach.services.status import statuses

    infos = statuses(session, on)
    plan_of = dict(query(session, select(Task.id, Task.plan_id).where(Task.active)).all())
    own = _own_tasks(session, user)
    public = {r.id for r in rows if r.public}
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for tid, info in infos.items():
        if own is None or tid in own or plan_of[tid] in public:
            counts[plan_of[tid]][info.code] += 1
    return [PlanRow(**{**r.__dict__, "status_counts": dict(counts.get(r.id, {}))}) for r in rows]


def _own_tasks(session: Session, user: UserView | None) -> set[int] | None:
    """The tasks whose figures a reporter may see (its agency's); None: no restriction."""
    if sees_all(user) or user is None or user.role != "reporter":
        return None
    return set(
        query(
            session,
            select(TaskAgency.task_id).where(
                TaskAgency.agency_id == user.agency_id,
                TaskAgency.role.in_(("lead", "coordinating")),
            ),
        ).scalars()
    )


def document_tree(session: Session, user: UserView | None = None) -> list[TreeNode]:
    """Documents as a tree: each under the documents it implements (80-NQ/TW → 14-CTr/TU → …)."""
    visible = {p.id for p in _plan_rows(session, plan_condition(user))}
    plan_of = {d: p for d, p in session.execute(select(Plan.document_id, Plan.id))}
    docs = {
        d.id: doc_view(d, plan_of.get(d.id))
        for d in session.scalars(select(Document).order_by(Document.id))
        if d.placeholder or plan_of.get(d.id) in visible
    }
    children: dict[int, list[int]] = defaultdict(list)
    has_parent: set[int] = set()
    for child, parent in session.execute(
        select(DocumentLink.document_id, DocumentLink.target_id).order_by(
            DocumentLink.document_id, DocumentLink.position
        )
    ):
        if child in docs and parent in docs:
            children[parent].append(child)
            has_parent.add(child)

    def build(doc_id: int, path: frozenset[int]) -> TreeNode:
        kids = [build(c, path | {c}) for c in children[doc_id] if c not in path]
        return TreeNode(docs[doc_id], kids)

    def useful(node: TreeNode) -> bool:
        return not node.document.placeholder or bool(node.children)

    roots = [build(i, frozenset({i})) for i in docs if i not in has_parent]
    return [r for r in roots if useful(r)]


def _plan_or_404(session: Session, plan_id: int, user: UserView | None) -> PlanRow:
    rows = _plan_rows(session, (Plan.id == plan_id) & plan_condition(user))
    if not rows:
        raise NotFound("no plan with id {plan_id}", plan_id=plan_id)
    return rows[0]


def get_plan(
    session: Session, plan_id: int, user: UserView | None = None, on: date | None = None
) -> PlanDetail:
    """One plan with its document, targets, duties, groups, links and status summary."""
    from kehoach.services.summaries import plan_summaries

    on = on or date.today()
    row = _plan_or_404(session, plan_id, user)
    metrics: dict[int, list[MetricView]] = defaultdict(list)
    for m in session.scalars(
        select(Metric)
        .join(Target, Target.id == Metric.target_id)
        .where(Target.plan_id == plan_id)
        .order_by(Metric.position)
    ):
        metrics[m.target_id].append(MetricView(m.value, m.unit, m.subject, m.by_year))
    targets = [
        TargetView(t.id, t.key, t.text, t.horizon, t.section, metrics[t.id])
        for t in session.scalars(
            select(Target).where(Target.plan_id == plan_id).order_by(Target.position)
        )
    ]
    names = {i: n for i, n in session.execute(select(Agency.id, Agency.name))}
    duty_rows = session.scalars(
        select(ReportingDuty)
        .where(ReportingDuty.plan_id == plan_id)
        .order_by(ReportingDuty.position)
    ).all()
    duties = [
        DutyView(d.id, d.every, d.due, names.get(d.to_agency_id), names.get(d.via_agency_id))
        for d in duty_rows
    ]
    groups = [
        GroupView(code, title, n)
        for code, title, n in session.execute(
            select(Task.group_code, func.min(Task.group_title), func.count())
            .where(Task.plan_id == plan_id, Task.active)
            .group_by(Task.group_code)
            .order_by(func.min(Task.position))
        )
    ]
    plan_of = {d: p for d, p in session.execute(select(Plan.document_id, Plan.id))}
    doc_id = row.document.id
    implements = [
        doc_view(d, plan_of.get(d.id))
        for d in session.scalars(
            select(Document)
            .join(DocumentLink, DocumentLink.target_id == Document.id)
            .where(DocumentLink.document_id == doc_id)
            .order_by(DocumentLink.position)
        )
    ]
    implemented_by = [
        doc_view(d, plan_of.get(d.id))
        for d in session.scalars(
            select(Document)
            .join(DocumentLink, DocumentLink.document_id == Document.id)
            .where(DocumentLink.target_id == doc_id)
            .order_by(Document.id)
        )
    ]
    own = None if row.public else _own_tasks(session, user)
    if own is None:
        summary = plan_summaries(session, on, [plan_id])[0]
    else:  # a reporter: figures of its own agency's tasks only
        from kehoach.services.status import statuses
        from kehoach.services.summaries import completeness

        infos = {i: s for i, s in statuses(session, on, plan_id=plan_id).items() if i in own}
        summary = plan_summaries(
            session,
            on,
            [plan_id],
            infos=infos,
            rows=completeness(
                session, on, plan_id=plan_id, agency_id=user.agency_id if user else None
            ),
        )[0]
    period = current_period([(d.every, d.due) for d in duty_rows], on)
    row = PlanRow(**{**row.__dict__, "status_counts": dict(summary.counts.counts)})
    return PlanDetail(row, targets, duties, groups, implements, implemented_by, period, summary)
