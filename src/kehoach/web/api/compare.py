"""`/api/compare`: plans implementing the same document, their targets and tasks aligned."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from kehoach.services.compare import Comparison, DecisionView, ImplementedDocument
from kehoach.web.api.inputs import MAX_ID, AlignmentDecisionIn
from kehoach.web.api.schemas import ERRORS, out
from kehoach.web.deps import CurrentUser, Db, OptionalUser

router = APIRouter(prefix="/compare", tags=["compare"], responses=ERRORS)

ImplementedOut = out(ImplementedDocument, "ImplementedDocumentOut")
ComparisonOut = out(Comparison, "ComparisonOut")
DecisionOut = out(DecisionView, "AlignmentDecisionOut")
DocumentId = Annotated[int, Path(ge=1, le=MAX_ID)]
PlanIds = Annotated[list[int] | None, Query(max_length=10)]


@router.get("", response_model=list[ImplementedOut])  # type: ignore[valid-type]
def implemented(db: Db, user: OptionalUser) -> list:
    """Documents that two or more plans the caller may see implement, with those plans."""
    from kehoach.services import compare

    return [ImplementedOut.model_validate(f) for f in compare.implemented_documents(db, user)]


@router.get("/{document_id}", response_model=ComparisonOut)
def comparison(document_id: DocumentId, db: Db, user: OptionalUser, plans: PlanIds = None):
    """The chosen plans (`?plans=1&plans=3`, the first is the base; default: the first
    two) aligned: target figures by indicator, tasks by topic with their agencies, what
    each has that the base lacks and the reverse (`only_left`, `only_right`), pairs an
    officer broke. `reason`: metric | text | confirmed | by_hand."""
    from kehoach.services import compare

    return ComparisonOut.model_validate(compare.compare(db, document_id, plans, user))


@router.post("/decisions", response_model=DecisionOut)
def decide(body: AlignmentDecisionIn, db: Db, user: CurrentUser):
    """Confirm a pair (kept on every re-computation), break it (never proposed again) or
    pair two items by hand. Officers of one of the two plans' province, or national ones."""
    from kehoach.services import compare

    return DecisionOut.model_validate(compare.decide(db, **body.model_dump(), user=user))
