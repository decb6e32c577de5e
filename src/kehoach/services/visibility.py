"""Who may see which plans and tasks, as SQL conditions the read services apply.

The caller's jurisdiction scopes every query first:

- `user=None` is an anonymous visitor: public plans only;
- administrators, officers and viewers of the *national* jurisdiction see every plan;
  those of a province see its plans and its communes' (a commune: its own), and
  public plans, as any visitor does;
- a reporter sees its own agency's tasks (lead or coordinating) and public plans.
  Agencies belong to one jurisdiction, so Cao Bằng's Sở VHTTDL never sees a task
  of Điện Biên's.

Officers change only plans of their own jurisdiction (`editable_condition`): a
public plan of another province can be read, not edited. Use `types.SYSTEM` for
command-line reads.
"""

from __future__ import annotations

from sqlalchemy import false, or_, select, true
from sqlalchemy.orm import Session

from kehoach.services.jurisdictions import within
from kehoach.services.types import UserView
from kehoach.store.tables import Plan, Task, TaskAgency

STAFF = ("admin", "officer", "viewer")


def sees_all(user: UserView | None) -> bool:
    """National administrators, officers and viewers see every plan."""
    return user is not None and user.active and user.role in STAFF and user.national


def _staff(user: UserView | None) -> bool:
    return user is not None and user.active and user.role in STAFF


def _reporter(user: UserView | None) -> bool:
    return user is not None and user.active and user.role == "reporter" and bool(user.agency_id)


def scope_condition(user: UserView | None):
    """A WHERE condition on `Plan`: the plans of the user's own jurisdiction (no public ones)."""
    if sees_all(user):
        return true()
    if _staff(user) and user is not None and user.jurisdiction_id is not None:
        return Plan.jurisdiction_id.in_(within(user.jurisdiction_id))
    return false()


def _own_tasks(user: UserView):
    return select(TaskAgency.task_id).where(
        TaskAgency.agency_id == user.agency_id,
        TaskAgency.role.in_(("lead", "coordinating")),
    )


def plan_condition(user: UserView | None):
    """A WHERE condition on `Plan` limiting rows to what `user` may see."""
    if sees_all(user):
        return true()
    if _staff(user):
        return or_(Plan.public, scope_condition(user))
    if _reporter(user):
        assert user is not None
        mine = select(Task.plan_id).where(Task.id.in_(_own_tasks(user)))
        return or_(Plan.public, Plan.id.in_(mine))
    return Plan.public


def task_condition(user: UserView | None):
    """A WHERE condition on `Task` limiting rows to what `user` may see."""
    if sees_all(user):
        return true()
    public = Task.plan_id.in_(select(Plan.id).where(Plan.public))
    if _staff(user):
        return or_(public, Task.plan_id.in_(select(Plan.id).where(scope_condition(user))))
    if _reporter(user):
        assert user is not None
        return or_(Task.id.in_(_own_tasks(user)), public)
    return public


def home_condition(user: UserView | None):
    """The plans a user's dashboard counts: its jurisdiction's (a visitor's: public ones)."""
    if _staff(user):
        return scope_condition(user)
    return plan_condition(user)


def editable_condition(user: UserView | None):
    """A WHERE condition on `Plan`: plans this officer may change (its jurisdiction's)."""
    if user is None or not user.active or user.role not in ("admin", "officer"):
        return false()
    return scope_condition(user)


def may_edit_plan(session: Session, plan_id: int, user: UserView | None) -> bool:
    """May `user` (an officer) change this plan? `None` (a system action) always may."""
    if user is None or user.id == 0:
        return True
    found = session.scalar(select(Plan.id).where(Plan.id == plan_id, editable_condition(user)))
    return found is not None
