"""`/api/plans/{id}/period-report`, `/api/plans/{id}/ledger`, `/api/exports/{list}`: the
period report (issued as a file, its editable texts), the follow-up book and list exports."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import Field

from kehoach.web.api.inputs import In, OptId, OptText, PlanId
from kehoach.web.api.schemas import ERRORS, Out
from kehoach.web.auth import CsrfChecked
from kehoach.web.deps import CurrentUser, Db, Officer, OptionalUser, check_year

router = APIRouter(tags=["period reports"], responses=ERRORS, dependencies=[CsrfChecked])

PeriodQ = Annotated[
    str,
    Query(
        pattern=r"^\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$",
        description="2026-H1, 2026, 2026-Q2 or 2026-07",
    ),
]
OnQ = Annotated[dt.date | None, Query(description="Figures as of this day")]
FILE_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "csv": "text/csv",
}


def _file(content: bytes, name: str, media_type: str) -> Response:
    return Response(
        content,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _files(*kinds: str) -> dict:
    return {200: {"content": {FILE_TYPES[k]: {} for k in kinds}, "description": "The file"}}


class CountsOut(Out):
    total: int
    counts: dict[str, int]
    on_time_rate: float | None


class ChangeOut(Out):
    key: str
    what: str
    before: str
    after: str


class IssueOut(Out):
    id: int
    format: str
    file_name: str | None
    on: dt.date
    issued_at: dt.datetime
    issued_by: str | None


class PeriodReportOut(Out):
    plan_id: int
    period: str
    period_label: str
    on: dt.date
    counts: CountsOut
    expected_reports: int
    received_reports: int
    late_reports: int
    missing_reports: int
    results_text: str
    proposals_text: str
    results_edited: bool
    proposals_edited: bool
    changes_since_last_issue: list[ChangeOut]
    issues: list[IssueOut]


class ReportTextsIn(In):
    """Null leaves a field as it is; an empty string returns it to the generated text."""

    period: str = Field(max_length=10, description="2026-H1, 2026, …")
    issuer: str | None = Field(default=None, max_length=500)
    number: str | None = Field(default=None, max_length=100)
    signer: str | None = Field(default=None, max_length=500)
    recipients: str | None = Field(default=None, max_length=5_000)
    results_text: str | None = Field(default=None, max_length=100_000)
    proposals_text: str | None = Field(default=None, max_length=100_000)


@router.get("/plans/{plan_id}/period-report", response_model=PeriodReportOut)
def period_report(
    plan_id: PlanId, period: PeriodQ, db: Db, user: CurrentUser, on: OnQ = None
) -> PeriodReportOut:
    """What the period report says now, and what changed since it was last issued."""
    from kehoach.services import period_report as service
    from kehoach.services.report_issues import changes_since, list_issues

    check_year(on, "on")
    data = service.period_report(db, plan_id, period, user, on=on)
    r = data.reporting
    return PeriodReportOut(
        plan_id=plan_id,
        period=data.period.code,
        period_label=data.period_label,
        on=data.on,
        counts=CountsOut.model_validate(data.counts),
        expected_reports=r.expected,
        received_reports=r.reported,
        late_reports=r.late_reports,
        missing_reports=r.missing,
        results_text=data.results_text,
        proposals_text=data.proposals_text,
        results_edited=data.results_edited,
        proposals_edited=data.proposals_edited,
        changes_since_last_issue=[
            ChangeOut.model_validate(c) for c in changes_since(db, data).items
        ],
        issues=[IssueOut.model_validate(i) for i in list_issues(db, plan_id, data.period.code)],
    )


@router.put("/plans/{plan_id}/period-report/texts", response_model=PeriodReportOut)
def save_texts(plan_id: PlanId, body: ReportTextsIn, db: Db, user: Officer) -> PeriodReportOut:
    """Keep the officer's edits of the narrative (sections I, IV), number, signer, recipients."""
    from kehoach.services.report_texts import save_report_texts

    values = body.model_dump(exclude={"period"})
    save_report_texts(db, plan_id, body.period, user, **values)
    return period_report(plan_id, body.period, db, user)


@router.post(
    "/plans/{plan_id}/period-report",
    response_class=Response,
    responses=_files("docx", "xlsx", "pdf"),
)
def issue_period_report(
    request: Request,
    plan_id: PlanId,
    period: PeriodQ,
    db: Db,
    user: Officer,
    format: Literal["docx", "xlsx", "pdf"] = "docx",
    on: OnQ = None,
) -> Response:
    """Issue the period report as a file (recorded: who, when, which data)."""
    from kehoach.services.report_issues import issue_report

    check_year(on, "on")
    settings = request.app.state.settings
    issued = issue_report(db, plan_id, period, user, format, on=on, settings=settings)
    return _file(issued.content, issued.filename, issued.media_type)


@router.get("/plans/{plan_id}/ledger", response_class=Response, responses=_files("xlsx", "csv"))
def ledger(
    plan_id: PlanId,
    db: Db,
    user: OptionalUser,
    format: Literal["xlsx", "csv"] = "xlsx",
    on: OnQ = None,
    group: OptText = None,
    agency_id: OptId = None,
    role: Literal["lead", "coordinating", "directing"] | None = None,
    status: OptText = None,
    timeframe: OptText = None,
    q: OptText = None,
) -> Response:
    """The plan's follow-up book (sổ theo dõi) with the task table's filters."""
    from kehoach.services.ledger import ledger_csv, ledger_xlsx

    check_year(on, "on")
    write = ledger_xlsx if format == "xlsx" else ledger_csv
    content = write(
        db,
        plan_id,
        user,
        on=on,
        group=group,
        agency_id=agency_id,
        role=role,
        status=status,
        timeframe_kind=timeframe,
        q=q,
    )
    return _file(content, f"so-theo-doi-ke-hoach-{plan_id}.{format}", FILE_TYPES[format])


@router.get("/exports/{what}", response_class=Response, responses=_files("xlsx", "csv"))
def export_list(
    what: Literal["tasks", "agencies", "reports", "plans"],
    db: Db,
    user: OptionalUser,
    format: Literal["xlsx", "csv"] = "xlsx",
    on: OnQ = None,
    plan_id: OptId = None,
    period: Annotated[str | None, Query(max_length=10)] = None,
    group: OptText = None,
    agency_id: OptId = None,
    role: Literal["lead", "coordinating", "directing"] | None = None,
    status: OptText = None,
    timeframe: OptText = None,
    q: OptText = None,
) -> Response:
    """A list page's rows as XLSX or CSV: tasks, agencies, progress reports or plans."""
    from kehoach.services import exports

    check_year(on, "on")
    day = on or dt.date.today()
    if what == "tasks":
        table = exports.tasks_table(
            db,
            user,
            day,
            plan_id=plan_id,
            group=group,
            agency_id=agency_id,
            role=role,
            status=status,
            timeframe_kind=timeframe,
            q=q,
        )
    elif what == "agencies":
        table = exports.agencies_table(db, user, day, plan_id=plan_id)
    elif what == "reports":
        table = exports.reports_table(db, user, plan_id, period, agency_id)
    else:
        table = exports.plans_table(db, user)
    name = f"{what}-{day:%Y%m%d}"
    done = exports.export(table, format, name)
    return _file(done.content, done.filename, done.media_type)
