"""Plans list with the document tree; the plan page with targets and the task table."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from kehoach.errors import ValidationError
from kehoach.web.api.inputs import PlanId
from kehoach.web.auth import CsrfChecked
from kehoach.web.cache import scope, views
from kehoach.web.deps import Db, Officer, On, OptionalUser
from kehoach.web.filters import TaskFilters
from kehoach.web.i18n import _
from kehoach.web.labels import plan_name
from kehoach.web.render import flash, render

router = APIRouter(include_in_schema=False, dependencies=[CsrfChecked])

Text = Annotated[str | None, Query(max_length=200)]
IntQ = Annotated[str | None, Query(max_length=12)]


def _int(value: str | None) -> int | None:
    """A query value as an id; empty or malformed means "no filter"."""
    try:
        number = int(value) if value else None  # None and "" are no filter
    except ValueError:
        return None
    return number if number is not None and 0 < number < 2**31 else None


@router.get("/plans")
def plans_page(request: Request, db: Db, user: OptionalUser) -> Response:
    """All plans the user may see, and the tree of documents they carry out."""
    from kehoach.services import plans

    rows = views(request).get(db, ("plans", scope(user)), lambda: plans.list_plans(db, user=user))
    tree = plans.document_tree(db, user=user)
    return render(
        request,
        "plans.html",
        {
            "title": _("Plans"),
            "section": "plans",
            "plans": rows,
            "tree": tree,
        },
    )


def _filters(plan_id, group, agency, role, status, timeframe, q, sort, page) -> TaskFilters:
    return TaskFilters(
        plan_id=plan_id,
        group=group,
        agency_id=_int(agency),
        role=role,
        status=status,
        timeframe=timeframe,
        q=q,
        sort=sort or "position",
        page=_int(page) or 1,
    )


@router.get("/plans/{plan_id}")
def plan_page(
    request: Request,
    plan_id: PlanId,
    db: Db,
    user: OptionalUser,
    on: On,
    group: Text = None,
    agency: IntQ = None,
    role: Text = None,
    status: Text = None,
    timeframe: Text = None,
    q: Text = None,
    sort: Text = None,
    page: IntQ = None,
) -> Response:
    """Document, targets, reporting duties, summary and the filterable task table."""
    from kehoach.services import agencies, plans, review

    detail = views(request).get(
        db,
        ("plan", plan_id, scope(user), on),
        lambda: plans.get_plan(db, plan_id, user=user, on=on),
    )
    filters = _filters(plan_id, group, agency, role, status, timeframe, q, sort, page)
    tasks = filters.run(db, user, on, views(request))
    revisions = plans.list_revisions(db, "document", detail.plan.document.id) if user else []
    reviewed = review.review_history(db, plan_id) if user else []
    template = "_task_table.html" if request.headers.get("hx-request") else "plan.html"
    return render(
        request,
        template,
        {
            "title": plan_name(detail.plan.document.kind, detail.plan.document.number),
            "section": "plans",
            "detail": detail,
            "tasks": tasks,
            "filters": filters,
            "agencies": views(request).get(
                db,
                ("agencies", "plan", plan_id),
                lambda: agencies.list_agencies(db, plan_id=plan_id),
            ),
            "on": on,
            "base_url": f"/plans/{plan_id}",
            "review": reviewed,
            "revisions": revisions,
            "panel": {} if template != "plan.html" else _panel(request, db, plan_id, user, on),
        },
    )


def _panel(request: Request, db, plan_id: int, user, on) -> dict:
    """(target id, metric position) -> the targets panel's row (indicator, figure, light)."""
    from kehoach.services.indicator_figures import targets_panel

    rows = views(request).get(  # the dashboard's entry for the same plan, scope and date
        db,
        ("targets-panel", scope(user), on, plan_id),
        lambda: targets_panel(db, plan_id, user, on),
    )
    out: dict = {}
    seen: dict[int, int] = {}
    for row in rows:
        position = seen.get(row.target_id, 0)
        seen[row.target_id] = position + 1
        out[(row.target_id, position)] = row
    return out


@router.post("/plans/{plan_id}/public")
def set_public(
    request: Request,
    plan_id: PlanId,
    db: Db,
    user: Officer,
    public: Annotated[str, Form()] = "",
) -> Response:
    """Show the plan to visitors who are not logged in, or hide it."""
    from kehoach.services import plans

    plans.set_public(db, plan_id, public == "1", user)
    flash(request, _("Saved."))
    return RedirectResponse(f"/plans/{plan_id}", status_code=303)


@router.post("/plans/{plan_id}/correct")
def correct_plan_field(
    request: Request,
    plan_id: PlanId,
    db: Db,
    user: Officer,
    entity: Annotated[str, Form(max_length=20)],
    entity_id: Annotated[int, Form(ge=1, le=2**31 - 1)],
    field: Annotated[str, Form(max_length=40)],
    value: Annotated[str, Form(max_length=20_000)] = "",
) -> Response:
    """Correct a field of the plan's document or one of its targets; kept as a revision."""
    from kehoach.services import plans

    detail = plans.get_plan(db, plan_id, user=user)
    allowed = {("document", detail.plan.document.id)} | {("target", t.id) for t in detail.targets}
    if (entity, entity_id) not in allowed:
        raise ValidationError("That field does not belong to this plan.", field="entity_id")
    plans.correct_field(db, entity, entity_id, field, value, user)
    flash(request, _("The correction was saved."))
    return RedirectResponse(f"/plans/{plan_id}", status_code=303)


@router.get("/plans/{plan_id}/reminder-policy")
def reminder_policy(request: Request, plan_id: PlanId, db: Db, user: Officer) -> Response:
    """The plan's reminder settings and their form (an HTMX fragment of the plan page)."""
    from kehoach.services import reminder_policies

    policy = reminder_policies.get_policy(db, plan_id, request.app.state.settings, user)
    officers = reminder_policies.officer_choices(db, plan_id)
    return render(
        request,
        "_reminder_policy.html",
        {"reminder_policy": policy, "officers": officers, "plan_id": plan_id},
    )


@router.post("/plans/{plan_id}/reminder-policy")
def set_reminder_policy(
    request: Request,
    plan_id: PlanId,
    db: Db,
    user: Officer,
    days_before: Annotated[str, Form(max_length=5)] = "",
    escalate_after_days: Annotated[str, Form(max_length=5)] = "",
    officer: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    """The plan's own reminder days, escalation delay and officer (empty: the defaults)."""
    from kehoach.services import reminder_policies

    def number(value: str, field: str) -> int | None:
        if not value.strip():
            return None
        if not value.strip().isdigit():
            raise ValidationError("Give a whole number of days.", field=field)
        return int(value)

    reminder_policies.set_policy(
        db,
        plan_id,
        user,
        days_before=number(days_before, "days_before"),
        escalate_after_days=number(escalate_after_days, "escalate_after_days"),
        officer=officer or None,
        settings=request.app.state.settings,
    )
    flash(request, _("The reminder settings were saved."))
    return RedirectResponse(f"/plans/{plan_id}", status_code=303)
