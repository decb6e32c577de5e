"""`/api/tasks`: the task table (filters, sort, paging), one task, extensions, overrides."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request

from kehoach.web.api.inputs import (
    CorrectionIn,
    ExtensionIn,
    OptId,
    OptText,
    OverrideIn,
    PageNo,
    PerPage,
    TaskId,
)
from kehoach.web.api.schemas import (
    ERRORS,
    ExtensionOut,
    OverrideOut,
    PageOut,
    RevisionOut,
    TaskDetailOut,
    TaskOut,
)
from kehoach.web.auth import CsrfChecked
from kehoach.web.cache import views
from kehoach.web.deps import Db, Officer, On, OptionalUser
from kehoach.web.filters import TaskFilters, detail_out

router = APIRouter(prefix="/tasks", tags=["tasks"], responses=ERRORS, dependencies=[CsrfChecked])

Sort = Literal[
    "position", "deadline", "status", "plan", "-position", "-deadline", "-status", "-plan"
]


@router.get("", response_model=PageOut[TaskOut])
def list_tasks(
    request: Request,
    db: Db,
    user: OptionalUser,
    on: On,
    plan_id: OptId = None,
    group: OptText = None,
    agency_id: OptId = None,
    role: Annotated[Literal["lead", "coordinating", "directing"] | None, Query()] = None,
    status: OptText = None,
    timeframe: OptText = None,
    q: OptText = None,
    sort: Annotated[Sort, Query()] = "position",
    page: PageNo = 1,
    per_page: PerPage = 50,
) -> PageOut[TaskOut]:
    """Tasks by plan, group, agency, role, status, timeframe, text (`so hoa` finds `số hóa`).

    A reporter asking for another agency's tasks gets 403, as from `/api/status`.
    """
    from kehoach.web.permissions import visible_agency

    if agency_id is not None:
        visible_agency(user, agency_id)
    filters = TaskFilters(
        plan_id=plan_id,
        group=group,
        agency_id=agency_id,
        role=role,
        status=status,
        timeframe=timeframe,
        q=q,
        sort=sort,
        page=page,
        per_page=per_page,
    )
    result = filters.run(db, user, on, views(request))
    return PageOut[TaskOut].model_validate(result)


@router.get("/{task_id}", response_model=TaskDetailOut)
def get_task(task_id: TaskId, db: Db, user: OptionalUser, on: On) -> TaskDetailOut:
    """One task: agencies by role, status, reports (all versions), extensions, revisions."""
    from kehoach.services import tasks

    return detail_out(tasks.get_task(db, task_id, user=user, on=on))


@router.post("/{task_id}/extensions", response_model=ExtensionOut, status_code=201)
def extend_deadline(task_id: TaskId, body: ExtensionIn, db: Db, user: Officer) -> ExtensionOut:
    """Move a task's deadline with a reason; the original deadline is kept for the on-time rate."""
    from kehoach.services import tasks

    extension = tasks.extend_deadline(db, task_id, body.new_end, body.reason, user)
    return ExtensionOut.model_validate(extension)


@router.post("/{task_id}/override", response_model=OverrideOut, status_code=201)
def override_status(task_id: TaskId, body: OverrideIn, db: Db, user: Officer) -> OverrideOut:
    """Set a task's status by hand, with a reason (shown as an override)."""
    from kehoach.services import tasks

    return OverrideOut.model_validate(
        tasks.override_status(db, task_id, body.status, body.reason, user)
    )


@router.delete("/{task_id}/override", status_code=204)
def clear_override(task_id: TaskId, db: Db, user: Officer) -> None:
    """Go back to the computed status."""
    from kehoach.services import tasks

    tasks.clear_override(db, task_id, user)


@router.post("/{task_id}/corrections", response_model=RevisionOut, status_code=201)
def correct_task(task_id: TaskId, body: CorrectionIn, db: Db, user: Officer) -> RevisionOut:
    """Correct one extracted field of this task (text, agencies, timeframe); kept as a revision."""
    from kehoach.errors import ValidationError
    from kehoach.services import plans, tasks

    tasks.get_task(db, task_id, user=user)
    if body.entity != "task" or body.entity_id != task_id:
        raise ValidationError("Use entity 'task' and this task's id.", field="entity_id")
    revision = plans.correct_field(db, "task", task_id, body.field, body.value, user)
    return RevisionOut.model_validate(revision)
