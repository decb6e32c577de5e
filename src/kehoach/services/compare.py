"""Cross-province comparison: plans implementing the same document, side by side.

The alignment itself is pure (`services.alignment`); this module reads the plans the
caller may see, applies the officers' decisions (`alignment_decisions`) and records new
ones. With more than two plans, the first chosen plan is the base and every other plan
is aligned with it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from kehoach.errors import NotFound, PermissionDenied, ValidationError
from kehoach.services import audit
from kehoach.services.alignment import (
    DECISIONS,
    AlignItem,
    Alignment,
    Decision,
    align_targets,
    align_tasks,
)
from kehoach.services.plans import DocumentView, PlanRow, doc_view, list_plans
from kehoach.services.types import UserView
from kehoach.services.visibility import may_edit_plan, sees_all
from kehoach.store.tables import (
    Agency,
    AlignmentDecision,
    Document,
    DocumentLink,
    Metric,
    Target,
    Task,
    TaskAgency,
    utcnow,
)
from kehoach.text.normalize import fold

KINDS = ("target", "task")


@dataclass(frozen=True)
class ImplementedDocument:
    """A document two or more plans the caller may see implement."""

    document: DocumentView
    plans: list[PlanRow]


@dataclass(frozen=True)
class PlanComparison:
    """The base plan (left) and one other plan (right), aligned."""

    left: PlanRow
    right: PlanRow
    targets: Alignment
    tasks: Alignment


@dataclass(frozen=True)
class Comparison:
    document: DocumentView
    candidates: list[PlanRow]  # every visible plan implementing the document
    plans: list[PlanRow]  # the chosen ones, base first
    sides: list[PlanComparison]  # base vs each other chosen plan
    may_decide: bool  # the caller may confirm and break matches


@dataclass(frozen=True)
class DecisionView:
    id: int
    kind: str
    left_plan_id: int
    left_key: str
    right_plan_id: int
    right_key: str
    decision: str
    by_hand: bool


def implemented_documents(session: Session, user: UserView | None) -> list[ImplementedDocument]:
    """Documents that two or more plans visible to `user` implement (80-NQ/TW: Cao Bằng's
    and Điện Biên's), most implemented first."""
    visible = {p.document.id: p for p in list_plans(session, user)}
    if not visible:
        return []
    links = session.execute(
        select(DocumentLink.target_id, DocumentLink.document_id)
        .where(DocumentLink.relation == "implements", DocumentLink.document_id.in_(visible))
        .order_by(DocumentLink.target_id, DocumentLink.document_id)
    ).all()
    by_doc: dict[int, list[PlanRow]] = defaultdict(list)
    for target_id, doc_id in links:
        by_doc[target_id].append(visible[doc_id])
    wanted = [d for d, ps in by_doc.items() if len(ps) >= 2]
    docs = {d.id: d for d in session.scalars(select(Document).where(Document.id.in_(wanted)))}
    found = [
        ImplementedDocument(doc_view(docs[d]), sorted(by_doc[d], key=lambda p: p.id))
        for d in wanted
    ]
    return sorted(found, key=lambda f: (-len(f.plans), f.document.id))


def find_document(session: Session, number: str) -> int:
    """The id of the document numbered `number` (`80-NQ/TW`), folded like its key."""
    want = fold(number).replace(" ", "")
    for doc_id, num in session.execute(select(Document.id, Document.number)):
        if num and fold(num).replace(" ", "") == want:
            return doc_id
    raise NotFound("no document numbered {number}", number=number)


def _target_items(session: Session, plan_id: int) -> list[AlignItem]:
    rows = session.execute(
        select(Target, Metric)
        .outerjoin(Metric, Metric.target_id == Target.id)
        .where(Target.plan_id == plan_id)
        .order_by(Target.position, Target.id, Metric.position, Metric.id)
    ).all()
    items: list[AlignItem] = []
    count: dict[int, int] = defaultdict(int)
    for t, m in rows:
        if m is None:
            items.append(AlignItem(key=t.key, text=t.text, year=t.horizon, entity_id=t.id))
            continue
        count[t.id] += 1
        items.append(
            AlignItem(
                key=f"{t.key}:{count[t.id]}",
                text=t.text,
                subject=m.subject,
                unit=m.unit,
                value=m.value,
                year=m.by_year or t.horizon,
                entity_id=t.id,
            )
        )
    return items


def _task_items(session: Session, plan_id: int) -> list[AlignItem]:
    tasks = session.scalars(
        select(Task).where(Task.plan_id == plan_id, Task.active).order_by(Task.position)
    ).all()
    agencies: dict[tuple[int, str], list[str]] = defaultdict(list)
    for task_id, role, name in session.execute(
        select(TaskAgency.task_id, TaskAgency.role, Agency.name)
        .join(Agency, Agency.id == TaskAgency.agency_id)
        .join(Task, Task.id == TaskAgency.task_id)
        .where(Task.plan_id == plan_id, Task.active)
        .order_by(TaskAgency.task_id, TaskAgency.position)
    ):
        agencies[(task_id, role)].append(name)
    return [
        AlignItem(
            key=t.key,
            text=t.text,
            year=t.tf_end.year if t.tf_end else None,
            lead=tuple(agencies[(t.id, "lead")]),
            coordinating=tuple(agencies[(t.id, "coordinating")]),
            entity_id=t.id,
        )
        for t in tasks
    ]


def plan_items(session: Session, plan_id: int, kind: str) -> list[AlignItem]:
    """A stored plan's items of one kind: target figures (`t3:1`) or active tasks."""
    return _target_items(session, plan_id) if kind == "target" else _task_items(session, plan_id)


def _decisions(session: Session, kind: str, left: int, right: int) -> list[Decision]:
    """The officers' decisions on this pair of plans, oriented left → right, oldest first."""
    rows = session.scalars(
        select(AlignmentDecision)
        .where(
            AlignmentDecision.kind == kind,
            or_(
                (AlignmentDecision.left_plan_id == left)
                & (AlignmentDecision.right_plan_id == right),
                (AlignmentDecision.left_plan_id == right)
                & (AlignmentDecision.right_plan_id == left),
            ),
        )
        .order_by(AlignmentDecision.decided_at.desc(), AlignmentDecision.id.desc())
    ).all()
    out = []
    for r in rows:  # newest first: a newer confirmation of an item wins
        keys = (r.left_key, r.right_key) if r.left_plan_id == left else (r.right_key, r.left_key)
        out.append(Decision(keys[0], keys[1], r.decision, r.by_hand))
    return out


def align_plans(session: Session, left: PlanRow, right: PlanRow) -> PlanComparison:
    """Two stored plans aligned, the officers' decisions applied."""
    targets = align_targets(
        plan_items(session, left.id, "target"),
        plan_items(session, right.id, "target"),
        _decisions(session, "target", left.id, right.id),
    )
    tasks = align_tasks(
        plan_items(session, left.id, "task"),
        plan_items(session, right.id, "task"),
        _decisions(session, "task", left.id, right.id),
    )
    return PlanComparison(left, right, targets, tasks)


def may_decide(session: Session, plan_ids: list[int], user: UserView | None) -> bool:
    """Officers and administrators decide on pairs: national ones on any plans, those of
    a province on comparisons that include one of its own plans."""
    if user is None or not user.active or user.role not in ("admin", "officer"):
        return False
    if sees_all(user):
        return True
    return any(may_edit_plan(session, p, user) for p in plan_ids)


def compare(
    session: Session, document_id: int, plan_ids: list[int] | None, user: UserView | None
) -> Comparison:
    """The plans implementing a document that `user` may see; `plan_ids` (two or more, the
    first is the base) aligned, or the first two when not given."""
    found = next(
        (f for f in implemented_documents(session, user) if f.document.id == document_id), None
    )
    if found is None:
        raise NotFound("no document with id {document_id}", document_id=document_id)
    by_id = {p.id: p for p in found.plans}
    ids = list(dict.fromkeys(plan_ids or [p.id for p in found.plans[:2]]))
    for pid in ids:
        if pid not in by_id:
            raise NotFound("no plan with id {plan_id}", plan_id=pid)
    if len(ids) < 2:
        raise ValidationError("choose at least two plans to compare", field="plans")
    chosen = [by_id[i] for i in ids]
    sides = [align_plans(session, chosen[0], other) for other in chosen[1:]]
    return Comparison(
        document=found.document,
        candidates=found.plans,
        plans=chosen,
        sides=sides,
        may_decide=may_decide(session, ids, user),
    )


def decide(
    session: Session,
    *,
    kind: str,
    left_plan_id: int,
    left_key: str,
    right_plan_id: int,
    right_key: str,
    decision: str,
    user: UserView | None,
    by_hand: bool = False,
) -> DecisionView:
    """Confirm a pair (kept on every re-computation), break it (never proposed again), or
    make one by hand (`by_hand`: a confirmed pair the matching did not propose). A new
    confirmation of an item replaces its older confirmed pair in the same two plans."""
    if kind not in KINDS:
        raise ValidationError("unknown kind {kind}", field="kind", kind=kind)
    if decision not in DECISIONS:
        raise ValidationError("unknown decision {decision}", field="decision", decision=decision)
    if left_plan_id == right_plan_id:
        raise ValidationError("a plan is not compared with itself", field="right_plan_id")
    visible = {p.id for p in list_plans(session, user)}
    for pid in (left_plan_id, right_plan_id):
        if pid not in visible:
            raise NotFound("no plan with id {plan_id}", plan_id=pid)
    if not may_decide(session, [left_plan_id, right_plan_id], user):
        raise PermissionDenied("only an officer of one of these plans may decide on their pairs")
    for pid, key in ((left_plan_id, left_key), (right_plan_id, right_key)):
        if key not in {i.key for i in plan_items(session, pid, kind)}:
            raise ValidationError(
                "plan {plan_id} has no item {key}", field="key", plan_id=pid, key=key
            )
    if left_plan_id > right_plan_id:  # stored in id order
        left_plan_id, right_plan_id = right_plan_id, left_plan_id
        left_key, right_key = right_key, left_key
    same = (
        (AlignmentDecision.kind == kind)
        & (AlignmentDecision.left_plan_id == left_plan_id)
        & (AlignmentDecision.right_plan_id == right_plan_id)
    )
    if decision == "confirmed":
        # an item is paired once: its older confirmed pairs in these two plans go
        session.execute(
            delete(AlignmentDecision).where(
                same,
                AlignmentDecision.decision == "confirmed",
                or_(
                    AlignmentDecision.left_key == left_key,
                    AlignmentDecision.right_key == right_key,
                ),
                ~(
                    (AlignmentDecision.left_key == left_key)
                    & (AlignmentDecision.right_key == right_key)
                ),
            )
        )
    row = session.scalar(
        select(AlignmentDecision).where(
            same, AlignmentDecision.left_key == left_key, AlignmentDecision.right_key == right_key
        )
    )
    if row is None:
        row = AlignmentDecision(
            kind=kind,
            left_plan_id=left_plan_id,
            left_key=left_key,
            right_plan_id=right_plan_id,
            right_key=right_key,
        )
        session.add(row)
    row.decision = decision
    row.by_hand = by_hand and decision == "confirmed"
    row.decided_by = user.id if user and user.id else None
    row.decided_at = utcnow()
    session.flush()
    audit.record(
        session,
        user,
        f"alignment.{decision}",
        "plan",
        left_plan_id,
        f"{kind} {left_plan_id}:{left_key} ~ {right_plan_id}:{right_key}"
        + (" (by hand)" if row.by_hand else ""),
    )
    return DecisionView(
        row.id,
        kind,
        left_plan_id,
        left_key,
        right_plan_id,
        right_key,
        decision,
        row.by_hand,
    )


def list_decisions(session: Session, plan_id: int) -> list[DecisionView]:
    """Every decision on pairs involving `plan_id` (no visibility check: callers do it)."""
    rows = session.scalars(
        select(AlignmentDecision)
        .where(
            or_(
                AlignmentDecision.left_plan_id == plan_id,
                AlignmentDecision.right_plan_id == plan_id,
            )
        )
        .order_by(AlignmentDecision.id)
    ).all()
    return [
        DecisionView(
            r.id,
            r.kind,
            r.left_plan_id,
            r.left_key,
            r.right_plan_id,
            r.right_key,
            r.decision,
            r.by_hand,
        )
        for r in rows
    ]
