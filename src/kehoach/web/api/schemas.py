"""Response bodies of the JSON API (pydantic), read from the services' plain values."""

from __future__ import annotations

import datetime as dt
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class Out(BaseModel):
    """Base of every response body: built from a service value's attributes."""

    model_config = ConfigDict(from_attributes=True)


class ErrorOut(BaseModel):
    """Every API error: a message a person can act on and the field it is about."""

    error: str
    field: str | None = None


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut, "description": text}
    for code, text in {
        401: "Not logged in / bad token",
        403: "Not allowed",
        404: "Not found",
        409: "Conflict",
        422: "Invalid input; `field` names it",
    }.items()
}


class PageOut(Out, Generic[T]):
    items: list[T]
    total: int
    page: int
    per_page: int
    pages: int


class UserOut(Out):
    id: int
    username: str
    role: str
    agency_id: int | None
    agency_name: str | None
    active: bool
    jurisdiction_id: int | None = None
    jurisdiction_name: str | None = None
    national: bool = False


class TokenOut(BaseModel):
    token: str = Field(description="Send as `Authorization: Bearer <token>`; shown only once.")
    user: UserOut


class DocumentOut(Out):
    id: int
    kind: str
    number: str | None
    issuer: str | None
    province: str | None
    date: str | None
    draft: bool
    title: str | None
    signer: str | None
    placeholder: bool
    plan_id: int | None


class TreeNodeOut(Out):
    document: DocumentOut
    children: list[TreeNodeOut]


class PlanOut(Out):
    id: int
    document: DocumentOut
    source_name: str | None
    sha256: str | None
    format: str | None
    public: bool
    imported_at: dt.datetime | None
    task_count: int
    target_count: int
    status_counts: dict[str, int] = Field(default_factory=dict)
    jurisdiction_id: int | None = None
    jurisdiction_name: str | None = None


class MetricOut(Out):
    value: float | int
    unit: str | None
    subject: str | None
    by: int | None


class TargetOut(Out):
    id: int
    key: str | None
    text: str
    horizon: int | None
    section: str | None
    metrics: list[MetricOut]


class DutyOut(Out):
    id: int
    every: str
    due: str | None
    to: str | None
    via: str | None


class GroupOut(Out):
    code: str | None
    title: str | None
    task_count: int


class PeriodOut(Out):
    code: str
    every: str
    start: dt.date
    end: dt.date
    due: dt.date
    closes: dt.date


class StatusCountsOut(Out):
    total: int
    counts: dict[str, int]
    on_time_rate: float | None
    stalled: int
    overridden: int


class PlanSummaryOut(Out):
    plan_id: int
    title: str | None
    counts: StatusCountsOut
    period: PeriodOut | None
    expected: int
    reported: int
    on_time_reports: int
    late_reports: int
    missing: int


class PlanDetailOut(Out):
    plan: PlanOut
    targets: list[TargetOut]
    duties: list[DutyOut]
    groups: list[GroupOut]
    implements: list[DocumentOut]
    implemented_by: list[DocumentOut]
    current_period: PeriodOut | None
    summary: PlanSummaryOut | None


class StatusOut(Out):
    code: str
    computed: str
    overridden: bool
    override_reason: str | None
    deadline: dt.date | None
    original_deadline: dt.date | None
    extended: bool
    stalled: bool
    last_activity: dt.date | None
    percent: int | None
    done_on: dt.date | None
    period: str | None
    reported_this_period: bool


class TaskStatusOut(StatusOut):
    task_id: int


class TaskOut(Out):
    id: int
    plan_id: int
    plan_title: str | None
    key: str | None
    group: str | None
    group_title: str | None
    text: str
    directing: list[str]
    lead: list[str]
    coordinating: list[str]
    timeframe_raw: str | None
    timeframe_kind: str | None
    original_deadline: dt.date | None
    deadline: dt.date | None
    status: StatusOut


class TaskAgencyOut(Out):
    agency_id: int
    name: str
    role: str


class AttachmentOut(Out):
    id: int
    report_id: int
    name: str
    content_type: str | None
    size: int
    sha256: str
    uploaded_at: dt.datetime | None


class ReportOut(Out):
    id: int
    task_id: int
    agency_id: int
    agency_name: str | None
    role: str
    period: str | None
    status: str
    percent: int | None
    done_text: str
    difficulties: str
    proposals: str
    reason: str
    submitted_at: dt.datetime
    submitted_by: str | None
    version: int
    supersedes_id: int | None
    late: bool
    attachments: list[AttachmentOut]


class ExtensionOut(Out):
    id: int
    task_id: int
    original_end: dt.date | None
    new_end: dt.date
    reason: str
    username: str | None
    at: dt.datetime | None


class OverrideOut(Out):
    id: int
    task_id: int
    status: str
    reason: str
    username: str | None
    at: dt.datetime | None
    active: bool


class RevisionOut(Out):
    id: int
    entity: str
    entity_id: int
    field: str
    old: Any = None
    new: Any = None
    username: str | None
    at: dt.datetime


class TaskDetailOut(Out):
    row: TaskOut
    agencies: list[TaskAgencyOut]
    reports: list[ReportOut]
    extensions: list[ExtensionOut]
    override: OverrideOut | None
    revisions: list[RevisionOut]
    periods: list[PeriodOut]


class AgencyOut(Out):
    id: int
    name: str
    lead_tasks: int
    coordinating_tasks: int
    directing_tasks: int
    jurisdiction_id: int | None = None
    jurisdiction_name: str | None = None
    kind: str = Field(default="agency", description="agency | group (not an agency)")


class RegisterRowOut(Out):
    """An agency in the register, with how much uses it."""

    id: int
    name: str
    kind: str = Field(description="agency | group (a phrase marked as not an agency)")
    jurisdiction_id: int
    jurisdiction_name: str
    tasks: int
    reports: int
    users: int
    aliases: int


class AgencyUseOut(Out):
    task_id: int
    plan_id: int
    plan_title: str | None
    task_key: str
    task_text: str
    role: str


class AuditOut(Out):
    id: int
    at: dt.datetime
    username: str | None
    action: str
    entity: str
    entity_id: int | None
    detail: str


class AgencyUsageOut(Out):
    agency: RegisterRowOut
    tasks: list[AgencyUseOut]
    usernames: list[str]
    aliases: list[str]
    history: list[AuditOut] = Field(
        default_factory=list, description="renames, merges into it, marked (not) an agency"
    )


class JurisdictionOut(Out):
    id: int
    code: str
    name: str
    level: str = Field(description="national | province | commune")
    parent_id: int | None
    parent_name: str | None


class AgencySummaryOut(Out):
    agency_id: int
    name: str
    counts: StatusCountsOut
    expected: int
    reported: int
    on_time_reports: int
    late_reports: int
    missing: int
    completion_rate: float | None


class CompletenessOut(Out):
    plan_id: int
    period: str | None
    agency_id: int
    agency_name: str | None
    task_id: int
    task_key: str | None
    task_text: str
    submitted_at: dt.datetime | None
    late: bool
    missing: bool


class DashboardOut(Out):
    on: dt.date
    counts: StatusCountsOut
    overdue: list[TaskOut]
    agencies: list[AgencySummaryOut]
    plans: list[PlanSummaryOut]
    missing_reports: list[CompletenessOut]
    upcoming: list[TaskOut]
    stalled: list[TaskOut]


class MyUnitOut(Out):
    agency: AgencyOut
    tasks: list[TaskOut]
    due_now: list[TaskOut]
    summary: AgencySummaryOut | None


class ImportOut(Out):
    plan_id: int
    document_id: int
    name: str
    outcome: str
    tasks_added: int
    tasks_kept: int
    tasks_removed: int
    agencies_added: int
    corrections_kept: int
