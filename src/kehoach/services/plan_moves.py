"""A plan's jurisdiction: where its agencies live, and moving it when it was read wrong.

An officer corrects the province of a plan's document (or calls `move_plan`): the
plan then belongs to that province, and the agencies its tasks name follow it —
each task link, reporting duty and progress report of the plan moves from the old
province's agency to the new province's agency of the same name. National bodies
stay as they are.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kehoach.errors import NotFound, PermissionDenied
from kehoach.services import audit
from kehoach.services.types import UserView
from kehoach.store.tables import (
    Agency,
    Jurisdiction,
    Plan,
    ProgressReport,
    ReportingDuty,
    Task,
    TaskAgency,
)
from kehoach.store.units import province_code


def plan_place(session: Session, plan_id: int) -> tuple[int, str | None]:
    """A plan's jurisdiction id and the code of its province (None for a national plan)."""
    row = session.execute(
        select(Jurisdiction.id, Jurisdiction.code, Jurisdiction.level, Jurisdiction.parent_id)
        .join(Plan, Plan.jurisdiction_id == Jurisdiction.id)
        .where(Plan.id == plan_id)
    ).first()
    if row is None:
        raise NotFound("no plan with id {plan_id}", plan_id=plan_id)
    if row.level == "province":
        return row.id, row.code
    if row.level == "commune":
        parent = session.scalar(select(Jurisdiction.code).where(Jurisdiction.id == row.parent_id))
        return row.id, parent
    return row.id, None


def follow_province(
    session: Session, plan_id: int, province: str | None, user: UserView | None
) -> None:
    """After the document's province was corrected: move the plan when it names another one."""
    code = province_code(province)
    if code is None:
        return  # not a province kehoach knows: the plan stays where it is
    target = session.scalar(select(Jurisdiction.id).where(Jurisdiction.code == code))
    plan = session.get(Plan, plan_id)
    if target is not None and plan is not None and plan.jurisdiction_id != target:
        move_plan(session, plan_id, target, user)


def move_plan(session: Session, plan_id: int, jurisdiction: str | int, user: UserView | None):
    """Give a plan another jurisdiction; its agencies follow (see the module's docstring)."""
    from kehoach.services.agencies import agency_key, ensure_agencies
    from kehoach.services.jurisdictions import find_jurisdiction, in_scope
    from kehoach.services.visibility import may_edit_plan

    plan = session.get(Plan, plan_id)
    if plan is None:
        raise NotFound("no plan with id {plan_id}", plan_id=plan_id)
    target = find_jurisdiction(session, jurisdiction)
    if user is not None and user.id != 0:
        if user.role not in ("admin", "officer") or not may_edit_plan(session, plan_id, user):
            raise PermissionDenied("only an officer of the plan's jurisdiction can move it")
        if user.jurisdiction_id and not in_scope(session, user.jurisdiction_id, target.id):
            raise PermissionDenied("you can only move a plan within your own jurisdiction")
    old = plan.jurisdiction_id
    if old == target.id:
        return
    plan.jurisdiction_id = target.id
    session.flush()
    tasks = select(Task.id).where(Task.plan_id == plan_id)
    local = session.execute(
        select(Agency.id, Agency.name)
        .where(
            Agency.jurisdiction_id.in_(
                select(Jurisdiction.id).where(
                    (Jurisdiction.id == old) | (Jurisdiction.parent_id == old)
                )
            ),
            Agency.id.in_(select(TaskAgency.agency_id).where(TaskAgency.task_id.in_(tasks)))
            | Agency.id.in_(
                select(ReportingDuty.to_agency_id).where(ReportingDuty.plan_id == plan_id)
            )
            | Agency.id.in_(
                select(ReportingDuty.via_agency_id).where(ReportingDuty.plan_id == plan_id)
            ),
        )
        .order_by(Agency.id)
    ).all()
    _, province = plan_place(session, plan_id)
    ids = ensure_agencies(session, [n for _, n in local], target.id, province)
    for old_id, name in local:
        new_id = ids[agency_key(name)]
        session.execute(
            update(TaskAgency)
            .where(TaskAgency.agency_id == old_id, TaskAgency.task_id.in_(tasks))
            .values(agency_id=new_id)
        )
        session.execute(
            update(ProgressReport)
            .where(ProgressReport.agency_id == old_id, ProgressReport.task_id.in_(tasks))
            .values(agency_id=new_id)
        )
        for column in (ReportingDuty.to_agency_id, ReportingDuty.via_agency_id):
            session.execute(
                update(ReportingDuty)
                .where(column == old_id, ReportingDuty.plan_id == plan_id)
                .values({column.key: new_id})
            )
    audit.record(session, user, "move", "plan", plan_id, f"{old} -> {target.id} ({target.name})")
    session.flush()
