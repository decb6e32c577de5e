"""`/api/plans/{id}/reminder-policy`: a plan's reminder days, escalation delay and officer."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from kehoach.web.api.inputs import PlanId
from kehoach.web.api.schemas import ERRORS, Out
from kehoach.web.auth import CsrfChecked
from kehoach.web.deps import Db, Officer

router = APIRouter(tags=["reminders"], responses=ERRORS, dependencies=[CsrfChecked])


class PolicyOut(Out):
    plan_id: int
    days_before: int
    escalate_after_days: int
    officer: str | None
    own: bool


class PolicyIn(BaseModel):
    """Null or absent: the installation's default."""

    days_before: int | None = Field(None, ge=0, le=30)
    escalate_after_days: int | None = Field(None, ge=1, le=365)
    officer: str | None = Field(None, max_length=100)


@router.get("/plans/{plan_id}/reminder-policy", response_model=PolicyOut)
def get_policy(plan_id: PlanId, request: Request, db: Db, user: Officer) -> PolicyOut:
    """The plan's reminder policy, defaults filled in."""
    from kehoach.services import reminder_policies

    policy = reminder_policies.get_policy(db, plan_id, request.app.state.settings, user)
    return PolicyOut.model_validate(policy)


@router.put("/plans/{plan_id}/reminder-policy", response_model=PolicyOut)
def set_policy(
    plan_id: PlanId, body: PolicyIn, request: Request, db: Db, user: Officer
) -> PolicyOut:
    """Give the plan its own reminder days, escalation delay or officer."""
    from kehoach.services import reminder_policies

    policy = reminder_policies.set_policy(
        db,
        plan_id,
        user,
        days_before=body.days_before,
        escalate_after_days=body.escalate_after_days,
        officer=body.officer,
        settings=request.app.state.settings,
    )
    return PolicyOut.model_validate(policy)
