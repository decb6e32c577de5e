"""`/api/plans`: list, document tree, one plan, import, corrections, public flag."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile

from kehoach.errors import ValidationError
from kehoach.services.uploads import MAX_UPLOAD
from kehoach.web.api.inputs import CorrectionIn, JurisdictionIn, PlanId, PublicIn
from kehoach.web.api.schemas import (
    ERRORS,
    ImportOut,
    PlanDetailOut,
    PlanOut,
    RevisionOut,
    TreeNodeOut,
)
from kehoach.web.auth import CsrfChecked
from kehoach.web.cache import scope, views
from kehoach.web.deps import Db, Officer, On, OptionalUser

router = APIRouter(prefix="/plans", tags=["plans"], responses=ERRORS, dependencies=[CsrfChecked])


@router.get("", response_model=list[PlanOut])
def list_plans(request: Request, db: Db, user: OptionalUser) -> list[PlanOut]:
    """Plans the caller may see (anonymous callers: public plans)."""
    from kehoach.services import plans

    rows = views(request).get(db, ("plans", scope(user)), lambda: plans.list_plans(db, user=user))
    return [PlanOut.model_validate(p) for p in rows]


@router.get("/tree", response_model=list[TreeNodeOut])
def document_tree(db: Db, user: OptionalUser) -> list[TreeNodeOut]:
    """Documents by what they implement: 80-NQ/TW → 14-CTr/TU → plan."""
    from kehoach.services import plans

    return [TreeNodeOut.model_validate(n) for n in plans.document_tree(db, user=user)]


@router.post("/import", response_model=ImportOut, status_code=201)
async def import_plan(
    db: Db,
    user: Officer,
    file: Annotated[UploadFile, File(description="A plan document: .txt, .docx or .pdf")],
    replace_plan_id: Annotated[int | None, Form(ge=1, le=2**31 - 1)] = None,
    as_new: Annotated[bool, Form()] = False,
) -> ImportOut:
    """Read a plan document and store it (re-importing the same file changes nothing).

    A document whose number, issuer and date, or whose text, match a stored plan is not
    stored until the caller says what it is: 409 naming the plan, then send again with
    `replace_plan_id` (a new version of that plan; progress on unchanged tasks is kept)
    or `as_new=true` (a new plan)."""
    from starlette.concurrency import run_in_threadpool

    from kehoach.services import importing

    data = await file.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise ValidationError("The file is larger than 20 MB.", field="file")
    if not data:
        raise ValidationError("The file is empty.", field="file")
    result = await run_in_threadpool(
        importing.import_plan,
        db,
        data,
        file.filename or "upload.txt",
        user,
        replace_plan_id=replace_plan_id,
        as_new=as_new,
        ask=True,
    )
    return ImportOut.model_validate(result)


@router.get("/{plan_id}", response_model=PlanDetailOut)
def get_plan(
    request: Request, plan_id: PlanId, db: Db, user: OptionalUser, on: On
) -> PlanDetailOut:
    """One plan: document, targets, reporting duties, task groups, summary on a date."""
    from kehoach.services import plans

    detail = views(request).get(
        db,
        ("plan", plan_id, scope(user), on),
        lambda: plans.get_plan(db, plan_id, user=user, on=on),
    )
    return PlanDetailOut.model_validate(detail)


@router.post("/{plan_id}/corrections", response_model=RevisionOut, status_code=201)
def correct_field(plan_id: PlanId, body: CorrectionIn, db: Db, user: Officer) -> RevisionOut:
    """Correct one extracted field of the plan's document, a task or a target (as a revision)."""
    from kehoach.services import plans

    plans.get_plan(db, plan_id, user=user)
    revision = plans.correct_field(db, body.entity, body.entity_id, body.field, body.value, user)
    return RevisionOut.model_validate(revision)


@router.get("/{plan_id}/revisions", response_model=list[RevisionOut])
def plan_revisions(plan_id: PlanId, db: Db, user: OptionalUser) -> list[RevisionOut]:
    """Corrections made to this plan's document."""
    from kehoach.services import plans

    detail = plans.get_plan(db, plan_id, user=user)
    revs = plans.list_revisions(db, "document", detail.plan.document.id)
    return [RevisionOut.model_validate(r) for r in revs]


@router.put("/{plan_id}/public", status_code=204)
def set_public(plan_id: PlanId, body: PublicIn, db: Db, user: Officer) -> None:
    """Show (or hide) this plan to visitors who are not logged in."""
    from kehoach.services import plans

    plans.set_public(db, plan_id, body.public, user)


@router.put("/{plan_id}/jurisdiction", response_model=PlanOut)
def move_plan(plan_id: PlanId, body: JurisdictionIn, db: Db, user: Officer) -> PlanOut:
    """Correct the province (or commune) that issued this plan; its agencies follow."""
    from kehoach.services import plan_moves, plans

    plans.get_plan(db, plan_id, user=user)  # 404 for a plan the caller may not see
    plan_moves.move_plan(db, plan_id, body.jurisdiction, user)
    return PlanOut.model_validate(plans.get_plan(db, plan_id, user=user).plan)
