"""Who may see which plans and tasks, as SQL conditions the read services apply.

`user=None` is an anonymous visitor: public plans only. Administrators,
officers and viewers see everything; a reporter sees its own agency's tasks
(and public plans). Use `users.SYSTEM` for command-line reads.
"""

from __future__ import annotations

from sqlalchemy import or_, select, true

from kehoach.services.types import UserView
from kehoach.store.tables import Plan, Task, TaskAgency


def sees_all(user: UserView | None) -> bool:
    """Administrators, officers and viewers see every plan."""
    return user is not None and user.active and user.role in ("admin", "officer", "viewer")


def task_condition(user: UserView | None):
    """A WHERE condition on `Task` limiting rows to what `user` may see."""
    if sees_all(user):
        return true()
    public = Task.plan_id.in_(select(Plan.id).where(Plan.public))
    if user is not None and user.active and user.role == "reporter" and user.agency_id:
        own = Task.id.in_(
            select(TaskAgency.task_id).where(
                TaskAgency.agency_id == user.agency_id,
                TaskAgency.role.in_(("lead", "coordinating")),
            )
        )
        return or_(own, public)
    return public


def plan_condition(user: UserView | None):
    """A WHERE condition on `Plan` limiting rows to what `user` may see."""
    if sees_all(user):
        return true()
    if user is not None and user.active and user.role == "reporter" and user.agency_id:
        mine = select(Task.plan_id).where(
            Task.id.in_(
                select(TaskAgency.task_id).where(
                    TaskAgency.agency_id == user.agency_id,
                    TaskAgency.role.in_(("lead", "coordinating")),
                )
            )
        )
        return or_(Plan.public, Plan.id.in_(mine))
    return Plan.public
