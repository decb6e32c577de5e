"""Is an incoming document a new version of a plan already stored?

Two signs: the same number, issuer and date (what identifies an official document), or
text so alike (tasks and targets, compared with rapidfuzz) that it is the same plan
re-sent with changes: a draft that got its number, a corrected copy under another file
name. Importing asks the person which it is instead of silently making a second plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, true
from sqlalchemy.orm import Session

from kehoach.errors import Conflict
from kehoach.model import PlanRecord
from kehoach.services.types import UserView
from kehoach.services.visibility import editable_condition
from kehoach.store.tables import Document, Plan, Target, Task
from kehoach.text.normalize import fold

SIMILAR = 85.0  # text similarity (0–100) from which two plans are taken as versions of one
_SAMPLE = 12_000  # characters of each plan's text compared: enough to tell, and fast


@dataclass(frozen=True)
class PlanMatch:
    """A stored plan the incoming document looks like."""

    plan_id: int
    number: str | None
    issuer: str | None
    date: str | None
    title: str | None
    source_name: str
    imported_at: datetime
    reason: str  # "number": number, issuer and date agree; "text": the texts are alike
    similarity: float  # 0–100, text similarity
    kind: str = "other"  # the document's kind: a plan is named by kind and number


class VersionQuestion(Conflict):
    """The document looks like a stored plan: the caller must say whether it is a new
    version of it (`replace_plan_id`) or a new plan (`as_new`)."""

    def __init__(self, matches: list[PlanMatch]) -> None:
        first = matches[0]
        super().__init__(
            f"this document looks like plan {first.plan_id} ({first.number or first.source_name}); "
            f"send replace_plan_id={first.plan_id} to import it as a new version of that plan "
            "(reported progress is kept), or as_new=true to import it as a new plan"
        )
        self.field = "replace_plan_id"
        self.matches = matches


def plan_text(record_tasks: list[str], record_targets: list[str]) -> str:
    """A plan's text for comparison: its targets and tasks, folded."""
    return fold(" ".join([*record_targets, *record_tasks]))[:_SAMPLE]


def _same(a: str | None, b: str | None) -> bool:
    """Equal when both are known (a field one side lacks does not tell them apart)."""
    return a is None or b is None or fold(a) == fold(b)


def similar_plans(
    session: Session, record: PlanRecord, user: UserView | None = None
) -> list[PlanMatch]:
    """Stored plans the record may be a new version of, the likeliest first: of those `user`
    may change (None: all). The very same file, which imports as "unchanged", is not one."""
    from rapidfuzz import fuzz

    from kehoach.services.importing import number_key

    info = record.document
    key = number_key(info.number, info.province)
    mine = plan_text([t.text for t in record.tasks], [t.text for t in record.targets])
    rows = session.execute(
        select(Plan, Document)
        .join(Document, Document.id == Plan.document_id)
        .where(Plan.sha256 != record.source.sha256)
        .where(editable_condition(user) if user is not None and user.id else true())
    ).all()
    if not rows:
        return []
    texts = _stored_texts(session, [plan.id for plan, _ in rows])
    found: list[PlanMatch] = []
    for plan, doc in rows:
        theirs = texts.get(plan.id, "")
        score = fuzz.ratio(mine, theirs) if mine and theirs else 0.0
        by_number = (
            key is not None
            and doc.number_key == key
            and _same(info.issuer, doc.issuer)
            and _same(info.date, doc.date)
        )
        if by_number or score >= SIMILAR:
            found.append(
                PlanMatch(
                    plan.id,
                    doc.number,
                    doc.issuer,
                    doc.date,
                    doc.title,
                    plan.source_name,
                    plan.imported_at,
                    "number" if by_number else "text",
                    round(score, 1),
                    kind=doc.kind,
                )
            )
    found.sort(key=lambda m: (m.reason != "number", -m.similarity))
    return found


def _stored_texts(session: Session, plan_ids: list[int]) -> dict[int, str]:
    """Each stored plan's comparison text, from its active tasks and its targets."""
    tasks: dict[int, list[str]] = {}
    for plan_id, text in session.execute(
        select(Task.plan_id, Task.text)
        .where(Task.plan_id.in_(plan_ids), Task.active.is_(True))
        .order_by(Task.plan_id, Task.position)
    ):
        tasks.setdefault(plan_id, []).append(text)
    targets: dict[int, list[str]] = {}
    for plan_id, text in session.execute(
        select(Target.plan_id, Target.text)
        .where(Target.plan_id.in_(plan_ids))
        .order_by(Target.plan_id, Target.position)
    ):
        targets.setdefault(plan_id, []).append(text)
    return {pid: plan_text(tasks.get(pid, []), targets.get(pid, [])) for pid in plan_ids}


def ask_about_versions(
    session: Session,
    record: PlanRecord,
    replace_plan_id: int | None,
    as_new: bool,
    user: UserView | None = None,
) -> None:
    """Raise `VersionQuestion` when the record looks like a stored plan and the caller has
    not said whether it is a new version of it or a new plan."""
    if replace_plan_id is not None or as_new:
        return
    if session.scalar(select(Plan.id).where(Plan.sha256 == record.source.sha256)):
        return  # the same file again: nothing to ask, nothing changes
    matches = similar_plans(session, record, user)
    if matches:
        raise VersionQuestion(matches)
