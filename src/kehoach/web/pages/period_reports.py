"""The period report page of a plan: figures, the narrative an officer edits, the issued
files and their history, and the agencies' reports received for the period."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import FileResponse, RedirectResponse, Response

from kehoach.web.api.inputs import PlanId
from kehoach.web.auth import CsrfChecked
from kehoach.web.deps import AppSettings, CurrentUser, Db, Officer, On
from kehoach.web.i18n import _
from kehoach.web.render import flash, render

router = APIRouter(include_in_schema=False, dependencies=[CsrfChecked])

PeriodQ = Annotated[str | None, Query(max_length=10)]
Text = Annotated[str | None, Form(max_length=100_000)]


@router.get("/plans/{plan_id}/report")
def period_report_page(
    request: Request, plan_id: PlanId, db: Db, user: CurrentUser, on: On, period: PeriodQ = None
) -> Response:
    """Figures, sections I and IV (editable), changes since the last issue, issues, reports."""
    from kehoach.services import exports
    from kehoach.services.period_report import period_report, report_periods
    from kehoach.services.report_issues import changes_since, list_issues

    periods = report_periods(db, plan_id, on)
    if not period:
        started = [p for p in periods if p.start <= on] or periods
        period = min(started, key=lambda p: abs((p.due - on).days)).code
    explicit = "on" in request.query_params
    data = period_report(db, plan_id, period, user, on=on if explicit else None)
    received = exports.reports_table(db, user, plan_id, data.period.code)
    return render(
        request,
        "period_report.html",
        {
            "title": _("Period report"),
            "section": "plans",
            "data": data,
            "periods": periods,
            "changes": changes_since(db, data),
            "issues": list_issues(db, plan_id, data.period.code),
            "received": received,
            "plan_id": plan_id,
        },
    )


@router.post("/plans/{plan_id}/report/texts")
def save_texts(
    request: Request,
    plan_id: PlanId,
    db: Db,
    user: Officer,
    period: Annotated[str, Form(max_length=10)],
    number: Annotated[str | None, Form(max_length=100)] = None,
    issuer: Annotated[str | None, Form(max_length=500)] = None,
    signer: Annotated[str | None, Form(max_length=500)] = None,
    recipients: Annotated[str | None, Form(max_length=5_000)] = None,
    results_text: Text = None,
    proposals_text: Text = None,
) -> Response:
    """Keep the officer's edits; they go into every later export of this period."""
    from kehoach.services.report_texts import save_report_texts

    save_report_texts(
        db,
        plan_id,
        period,
        user,
        number=number,
        issuer=issuer,
        signer=signer,
        recipients=recipients,
        results_text=results_text,
        proposals_text=proposals_text,
    )
    flash(request, _("The report's text was saved."))
    return RedirectResponse(f"/plans/{plan_id}/report?period={period}", status_code=303)


@router.post("/plans/{plan_id}/report/issue")
def issue(
    request: Request,
    plan_id: PlanId,
    db: Db,
    user: Officer,
    period: Annotated[str, Form(max_length=10)],
    format: Annotated[str, Form(max_length=10)] = "docx",
) -> Response:
    """Issue the report as a file (recorded with who, when and the data it showed)."""
    from kehoach.services.report_issues import issue_report

    settings = request.app.state.settings
    issued = issue_report(db, plan_id, period, user, format, settings=settings)
    return Response(
        issued.content,
        media_type=issued.media_type,
        headers={"Content-Disposition": f'attachment; filename="{issued.filename}"'},
    )


@router.get("/plans/{plan_id}/report/issues/{issue_id}")
def issued_file(
    plan_id: PlanId,
    issue_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
    db: Db,
    user: CurrentUser,
    settings: AppSettings,
) -> Response:
    """An earlier issue's file, exactly as it was issued."""
    from kehoach.services.report_issues import open_issue

    path, view, media = open_issue(db, plan_id, issue_id, user, settings)
    return FileResponse(path, media_type=media, filename=view.file_name)
