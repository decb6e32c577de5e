"""The database tables (SQLAlchemy 2 typed declarative models).

Only `kehoach.store` and `kehoach.services` import this module; everything
above the services sees plain value types.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Now, timezone-aware UTC."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class UTCDateTime(TypeDecorator):
    """A timestamp stored in UTC and always read back timezone-aware (SQLite forgets the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(UTC)
            if dialect.name == "sqlite":
                value = value.replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


Stamp = UTCDateTime()


class Jurisdiction(Base):
    """An administrative unit: the nation, a province, a commune (reference data).

    Loaded from the `vietnam-provinces` package by migration 0003 and refreshed by
    `kehoach jurisdictions update`; a unit the package drops is kept inactive (plans
    and accounts may still point at it).
    """

    __tablename__ = "jurisdictions"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)  # VN | 04 | 01234
    name: Mapped[str] = mapped_column(Text)
    level: Mapped[str] = mapped_column(String(10))  # national | province | commune
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("jurisdictions.id"), index=True)
    fold_key: Mapped[str] = mapped_column(Text, index=True)  # folded name without `tỉnh`, `xã`
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Agency(Base):
    """One agency of one jurisdiction (unique on the jurisdiction and the folded name).

    `kind` is `agency`, or `group` for a phrase such as `các cơ quan liên quan` that
    the reader took for a unit: kept on its tasks as text, listed nowhere as a unit.
    """

    __tablename__ = "agencies"
    __table_args__ = (UniqueConstraint("jurisdiction_id", "fold_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    fold_key: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(10), default="agency")
    created_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)


class AgencyAlias(Base):
    """Another spelling of an agency in its jurisdiction (left by a merge or a rename)."""

    __tablename__ = "agency_aliases"
    __table_args__ = (UniqueConstraint("jurisdiction_id", "fold_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"))
    fold_key: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"), index=True)
    # what the account sees: a reporter's is its agency's; the national one sees every plan
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)
    # sessions started before this moment end (a changed or reset password logs out elsewhere)
    password_changed_at: Mapped[datetime | None] = mapped_column(Stamp)
    email: Mapped[str | None] = mapped_column(String(320))  # where reminders are e-mailed


class ApiToken(Base):
    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(100), default="api")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(Stamp)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class Document(Base):
    """A plan record's document part, or a placeholder for a document only referenced."""

    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    number: Mapped[str | None] = mapped_column(Text)
    number_key: Mapped[str | None] = mapped_column(Text, unique=True)
    issuer: Mapped[str | None] = mapped_column(Text)
    province: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(10))
    draft: Mapped[bool] = mapped_column(Boolean, default=False)
    title: Mapped[str | None] = mapped_column(Text)
    signer: Mapped[str | None] = mapped_column(Text)
    placeholder: Mapped[bool] = mapped_column(Boolean, default=False)


class DocumentLink(Base):
    __tablename__ = "document_links"
    __table_args__ = (UniqueConstraint("document_id", "target_id", "relation"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    relation: Mapped[str] = mapped_column(String(20), default="implements")
    position: Mapped[int] = mapped_column(Integer, default=0)


class Plan(Base):
    """One per imported document."""

    __tablename__ = "plans"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), unique=True)
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"), index=True)
    source_name: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    format: Mapped[str] = mapped_column(String(10))
    public: Mapped[bool] = mapped_column(Boolean, default=False)
    record_json: Mapped[str] = mapped_column(Text)  # the record as last imported
    tracked_from: Mapped[date] = mapped_column(Date)  # reports are expected from here on
    imported_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)
    imported_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class Target(Base):
    __tablename__ = "targets"
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), index=True)
    key: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    horizon: Mapped[int | None] = mapped_column(Integer)
    section: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Metric(Base):
    __tablename__ = "metrics"
    id: Mapped[int] = mapped_column(primary_key=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("targets.id"), index=True)
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(Text)
    subject: Mapped[str | None] = mapped_column(Text)
    by_year: Mapped[int | None] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Task(Base):
    __tablename__ = "tasks"
    __table_args__ = (
        Index("ix_tasks_plan_position", "plan_id", "active", "position"),
        Index("ix_tasks_plan_group", "plan_id", "group_code"),
        Index("ix_tasks_plan_match", "plan_id", "match_key"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"))
    key: Mapped[str] = mapped_column(Text)
    group_code: Mapped[str | None] = mapped_column(Text)
    group_title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    search_text: Mapped[str] = mapped_column(Text)  # folded text + agency names
    match_key: Mapped[str] = mapped_column(String(64))
    tf_raw: Mapped[str | None] = mapped_column(Text)
    tf_kind: Mapped[str] = mapped_column(String(20), default="unknown", index=True)
    tf_start: Mapped[date | None] = mapped_column(Date)
    tf_end: Mapped[date | None] = mapped_column(Date, index=True)
    tf_every: Mapped[str | None] = mapped_column(String(10))
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)


class TaskAgency(Base):
    __tablename__ = "task_agencies"
    __table_args__ = (
        Index("ix_task_agencies_agency_role", "agency_id", "role", "task_id"),
        Index("ix_task_agencies_task", "task_id", "role", "position"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    role: Mapped[str] = mapped_column(String(20))  # directing | lead | coordinating
    position: Mapped[int] = mapped_column(Integer, default=0)


class ReportingDuty(Base):
    __tablename__ = "reporting_duties"
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), index=True)
    every: Mapped[str] = mapped_column(String(20))
    due: Mapped[str | None] = mapped_column(String(20))
    to_agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    via_agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)


class ProgressReport(Base):
    """Append-only: a correction is a new row that supersedes the previous version."""

    __tablename__ = "progress_reports"
    __table_args__ = (
        Index("ix_progress_reports_task_period", "task_id", "period", "submitted_at"),
        Index("ix_progress_reports_agency_period", "agency_id", "period"),
        # status reads a task's latest lead reports backwards from a date (migration 0013)
        Index("ix_progress_reports_task_role_at", "task_id", "role", "submitted_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    role: Mapped[str] = mapped_column(String(20), default="lead")  # lead | coordinating
    period: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(20))
    percent: Mapped[int | None] = mapped_column(Integer)
    done_text: Mapped[str] = mapped_column(Text, default="")
    difficulties: Mapped[str] = mapped_column(Text, default="")
    proposals: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    submitted_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)
    submitted_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("progress_reports.id"))


class Attachment(Base):
    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("progress_reports.id"), index=True)
    name: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    uploaded_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)
    uploaded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class DeadlineExtension(Base):
    __tablename__ = "deadline_extensions"
    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), index=True)
    original_end: Mapped[date | None] = mapped_column(Date)
    new_end: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)


class StatusOverride(Base):
    __tablename__ = "status_overrides"
    __table_args__ = (Index("ix_status_overrides_task_active", "task_id", "active"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"))
    status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Revision(Base):
    """An officer's correction of one field; a re-import keeps the corrected value."""

    __tablename__ = "revisions"
    __table_args__ = (Index("ix_revisions_entity", "entity", "entity_id", "field"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(50))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)


class AuditLog(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(Stamp, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(50))
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str] = mapped_column(Text, default="")


class ReminderPolicy(Base):
    """A plan's own reminder settings (absent or NULL: the settings' defaults)."""

    __tablename__ = "reminder_policies"
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), unique=True)
    days_before: Mapped[int | None] = mapped_column(Integer)
    escalate_after_days: Mapped[int | None] = mapped_column(Integer)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)


class Reminder(Base):
    """One reminder to one person, recorded before it is sent so that it is sent once.

    `key` (kind, task or plan/period, user, due date) is unique: every process that
    computes the same reminder inserts-or-skips the same row.
    """

    __tablename__ = "reminders"
    __table_args__ = (Index("ix_reminders_state", "state", "attempts"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id"), index=True)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plans.id"))
    period: Mapped[str | None] = mapped_column(String(10))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    due: Mapped[date] = mapped_column(Date)
    tasks: Mapped[str] = mapped_column(Text, default="")  # a duty reminder's task ids: "3,7,9"
    created_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)
    state: Mapped[str] = mapped_column(String(10), default="pending")  # pending|sent|failed|in_app
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    claimed_at: Mapped[datetime | None] = mapped_column(Stamp)
    sent_at: Mapped[datetime | None] = mapped_column(Stamp)


class Notification(Base):
    """A message shown under the bell of one user's pages until it is read."""

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user_read", "user_id", "read_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    reminder_id: Mapped[int | None] = mapped_column(ForeignKey("reminders.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text, default="")
    link: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(Stamp)


class PeriodReport(Base):
    """The consolidated report of a plan for one period: the officer's header fields and
    narrative edits (sections I and IV); None means "generated from the reports"."""

    __tablename__ = "period_reports"
    __table_args__ = (UniqueConstraint("plan_id", "period"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"))
    period: Mapped[str] = mapped_column(String(10))
    issuer: Mapped[str | None] = mapped_column(Text)
    number: Mapped[str | None] = mapped_column(Text)
    signer: Mapped[str | None] = mapped_column(Text)
    recipients: Mapped[str | None] = mapped_column(Text)
    results_text: Mapped[str | None] = mapped_column(Text)
    proposals_text: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class ReportIssue(Base):
    """One export of a period report as issued: who, when, and the data it showed."""

    __tablename__ = "report_issues"
    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("period_reports.id"), index=True)
    format: Mapped[str] = mapped_column(String(10))
    on_date: Mapped[date] = mapped_column(Date)
    snapshot_json: Mapped[str] = mapped_column(Text)
    snapshot_sha256: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str | None] = mapped_column(String(255))
    file_sha256: Mapped[str | None] = mapped_column(String(64))  # the file as issued
    issued_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)
    issued_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class PeriodSheet(Base):
    """An agency's one-page report on all its tasks of a plan for a period (draft, then
    submitted); submitting files one progress report per filled task."""

    __tablename__ = "period_sheets"
    __table_args__ = (UniqueConstraint("plan_id", "agency_id", "period"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    period: Mapped[str] = mapped_column(String(10))
    state: Mapped[str] = mapped_column(String(20), default="draft")  # draft | submitted
    entries_json: Mapped[str] = mapped_column(Text, default="{}")
    updated_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    submitted_at: Mapped[datetime | None] = mapped_column(Stamp)
    submitted_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class PeriodSheetFile(Base):
    """A report document (.docx) an agency attached to its period sheet."""

    __tablename__ = "period_sheet_files"
    id: Mapped[int] = mapped_column(primary_key=True)
    sheet_id: Mapped[int] = mapped_column(ForeignKey("period_sheets.id"), index=True)
    name: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    uploaded_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)
    uploaded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class Indicator(Base):
    """A measurable target: what is counted, where, how often, and what it must reach.

    Made from a plan's target metric (or by hand). `kind` is `value` (a plain figure) or
    `ratio` (numerator / denominator, shown as a percentage); `source` is `entered` (values
    typed or uploaded) or a registry rule such as `heritage_digitized` (computed).
    """

    __tablename__ = "indicators"
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plans.id"), index=True)
    target_id: Mapped[int | None] = mapped_column(ForeignKey("targets.id"), index=True)
    metric_id: Mapped[int | None] = mapped_column(ForeignKey("metrics.id"))
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"), index=True)
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))  # who reports
    code: Mapped[str | None] = mapped_column(String(50), index=True)  # migration 0013
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(10), default="ratio")  # value | ratio
    unit: Mapped[str] = mapped_column(String(50), default="%")
    direction: Mapped[str] = mapped_column(String(10), default="up")  # up | down
    level: Mapped[str] = mapped_column(String(10), default="commune")  # province | commune
    frequency: Mapped[str] = mapped_column(String(10), default="year")  # year | half | quarter
    aggregate: Mapped[str] = mapped_column(String(10), default="sum")  # sum | mean (plain values)
    target_value: Mapped[float | None] = mapped_column(Float)
    deadline: Mapped[date | None] = mapped_column(Date)
    baseline_value: Mapped[float | None] = mapped_column(Float)
    baseline_period: Mapped[str | None] = mapped_column(String(10))
    source: Mapped[str] = mapped_column(String(30), default="entered")
    public: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class IndicatorValue(Base):
    """One unit's figure for one period, one revision of it.

    entered → submitted → approved; an approved figure is never changed: a correction is
    a new revision (revision + 1) which, once approved, supersedes it.
    """

    __tablename__ = "indicator_values"
    __table_args__ = (
        UniqueConstraint(
            "indicator_id",
            "jurisdiction_id",
            "period",
            "revision",
            name="uq_indicator_values_revision",
        ),
        # the roll-up reads only this index (covering): approved rows of an indicator
        Index(
            "ix_indicator_values_rollup",
            "indicator_id",
            "state",
            "superseded",
            "period",
            "numerator",
            "denominator",
            "value",
        ),
        Index("ix_indicator_values_period", "indicator_id", "period"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id"))
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"), index=True)
    period: Mapped[str] = mapped_column(String(10))
    revision: Mapped[int] = mapped_column(Integer, default=1)
    value: Mapped[float | None] = mapped_column(Float)
    numerator: Mapped[float | None] = mapped_column(Float)
    denominator: Mapped[float | None] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(10), default="entered")
    superseded: Mapped[bool] = mapped_column(Boolean, default=False)
    entered_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)
    entered_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    submitted_at: Mapped[datetime | None] = mapped_column(Stamp)
    approved_at: Mapped[datetime | None] = mapped_column(Stamp)
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class HeritageSite(Base):
    """A heritage site (di tích) of a province's registry; changes are kept as revisions."""

    __tablename__ = "heritage_sites"
    id: Mapped[int] = mapped_column(primary_key=True)
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"), index=True)
    commune_id: Mapped[int | None] = mapped_column(ForeignKey("jurisdictions.id"))
    name: Mapped[str] = mapped_column(Text)
    types: Mapped[str] = mapped_column(Text, default="")  # comma-separated type codes
    rank: Mapped[str] = mapped_column(String(20), default="kiem_ke")
    decision_number: Mapped[str | None] = mapped_column(Text)
    decision_date: Mapped[date | None] = mapped_column(Date)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    condition: Mapped[str] = mapped_column(Text, default="")
    digitization: Mapped[str] = mapped_column(String(20), default="none")
    digitized_on: Mapped[date | None] = mapped_column(Date)  # when it reached that state
    public: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)


class SearchEntry(Base):
    """One searchable thing (document, target, task, report, agency) with its folded text.

    The services keep it current on every write; SQLite searches it through the FTS5 table
    `search_fts` (external content, kept in step by triggers), PostgreSQL through a GIN index
    on `to_tsvector('simple', folded)`. Both are created by migration 0009 only.
    """

    __tablename__ = "search_index"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # document | target | task | report | agency
    entity_id: Mapped[int] = mapped_column(Integer)
    plan_id: Mapped[int | None] = mapped_column(Integer, index=True)
    jurisdiction_id: Mapped[int | None] = mapped_column(Integer)
    agency_id: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)  # the original text shown (and highlighted)
    folded: Mapped[str] = mapped_column(Text)  # `fold()`ed words the index matches

    __table_args__ = (Index("ix_search_index_kind_entity_id", "kind", "entity_id"),)


class EmulationRule(Base):
    """One version of a plan's emulation scoring rule for a period (`2026`, `2026-H1`).

    A change is a new row (version + 1); results keep pointing at the version they used.
    `weights_json` maps criterion codes to weights summing to 100.
    """

    __tablename__ = "emulation_rules"
    __table_args__ = (UniqueConstraint("plan_id", "period", "version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), index=True)
    period: Mapped[str] = mapped_column(String(10))
    version: Mapped[int] = mapped_column(Integer)
    weights_json: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class EmulationAdjustment(Base):
    """Bonus (positive) or penalty (negative) points an officer gives an agency, with a reason."""

    __tablename__ = "emulation_adjustments"
    __table_args__ = (Index("ix_emulation_adjustments_plan_period", "plan_id", "period"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"))
    period: Mapped[str] = mapped_column(String(10))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    points: Mapped[float] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class EmulationResult(Base):
    """A period scored under one rule version: every unit's score, rank and breakdown (JSON),
    never changed afterwards; re-scoring adds a new row and the old one stays as history."""

    __tablename__ = "emulation_results"
    __table_args__ = (Index("ix_emulation_results_plan_period", "plan_id", "period"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    rule_id: Mapped[int] = mapped_column(ForeignKey("emulation_rules.id"), index=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"))
    period: Mapped[str] = mapped_column(String(10))
    on_date: Mapped[date] = mapped_column(Date)
    current: Mapped[bool] = mapped_column(Boolean, default=True)
    rows_json: Mapped[str] = mapped_column(Text)
    scored_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)
    scored_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class AlignmentDecision(Base):
    """An officer's word on a pair of items of two plans (the cross-province comparison).

    `kind` is `target` (a figure, key `t3:1`) or `task` (its key); plans are stored in
    id order (left < right). `decision` is `confirmed` (kept on every re-computation; a
    pair made by hand has `by_hand`) or `broken` (never proposed again). Keys, not ids:
    a figure's key survives a re-import of a corrected plan.
    """

    __tablename__ = "alignment_decisions"
    __table_args__ = (
        UniqueConstraint(
            "kind",
            "left_plan_id",
            "left_key",
            "right_plan_id",
            "right_key",
            name="uq_alignment_decisions_pair",  # the generated name is too long for PostgreSQL
        ),
        Index("ix_alignment_decisions_plans", "left_plan_id", "right_plan_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # target | task
    left_plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"))
    left_key: Mapped[str] = mapped_column(String(100))
    right_plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"))
    right_key: Mapped[str] = mapped_column(String(100))
    decision: Mapped[str] = mapped_column(String(10))  # confirmed | broken
    by_hand: Mapped[bool] = mapped_column(Boolean, default=False)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)


class Village(Base):
    """A village or street group (thôn, bản, xóm, tổ dân phố) of a commune, imported per
    province; unique by its folded name within the commune."""

    __tablename__ = "villages"
    __table_args__ = (UniqueConstraint("commune_id", "fold_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"), index=True)
    commune_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    fold_key: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20), default="thon")
    code: Mapped[str | None] = mapped_column(String(30))
    households: Mapped[int | None] = mapped_column(Integer)
    public: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)


class UnitChange(Base):
    """A merge (`from_id` joined into `to_id` from `effective`) or a rename (`from_id` ==
    `to_id`, the old and new names kept) of an administrative unit."""

    __tablename__ = "unit_changes"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # merge | rename
    from_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"), index=True)
    to_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"), index=True)
    effective: Mapped[date] = mapped_column(Date)
    old_name: Mapped[str] = mapped_column(Text)
    new_name: Mapped[str] = mapped_column(Text)
    decision: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class IntangibleHeritage(Base):
    """An item of intangible heritage (di sản văn hóa phi vật thể) of a province's registry."""

    __tablename__ = "intangible_heritage"
    id: Mapped[int] = mapped_column(primary_key=True)
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"), index=True)
    commune_id: Mapped[int | None] = mapped_column(ForeignKey("jurisdictions.id"))
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(30), default="")
    communities: Mapped[str] = mapped_column(Text, default="")
    communes: Mapped[str] = mapped_column(Text, default="")  # comma-separated commune codes
    inscription: Mapped[str] = mapped_column(String(30), default="kiem_ke")
    decision_number: Mapped[str | None] = mapped_column(Text)
    decision_date: Mapped[date | None] = mapped_column(Date)
    safeguarding: Mapped[str] = mapped_column(Text, default="")
    digitization: Mapped[str] = mapped_column(String(20), default="none")
    digitized_on: Mapped[date | None] = mapped_column(Date)
    public: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)


class Institution(Base):
    """A cultural institution (nhà văn hóa, trung tâm, thư viện…) of a commune or a village;
    `regular`: it operates regularly, as assessed on `assessed_on`."""

    __tablename__ = "institutions"
    id: Mapped[int] = mapped_column(primary_key=True)
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"), index=True)
    commune_id: Mapped[int | None] = mapped_column(ForeignKey("jurisdictions.id"))
    village_id: Mapped[int | None] = mapped_column(ForeignKey("villages.id"))
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(30))
    opened_on: Mapped[date | None] = mapped_column(Date)
    regular: Mapped[bool] = mapped_column(Boolean, default=False)
    assessed_on: Mapped[date | None] = mapped_column(Date)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    public: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)


class HappinessSurvey(Base):
    """A commune's happiness-index score (0–100) for one period, from a household sample."""

    __tablename__ = "happiness_surveys"
    __table_args__ = (UniqueConstraint("commune_id", "period"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"), index=True)
    commune_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"))
    period: Mapped[str] = mapped_column(String(10))
    score: Mapped[float] = mapped_column(Float)
    sample_size: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    public: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)


class RegistryFile(Base):
    """A photo or document attached to a registry entry (stored once per content by sha256)."""

    __tablename__ = "registry_files"
    __table_args__ = (Index("ix_registry_files_entity_entity_id", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    uploaded_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)
    uploaded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class LoginFailure(Base):
    """One failed log-in, counted against an account (`login-account`) or a client address
    (`login-address`); every app process counts the same rows (services.login_limits)."""

    __tablename__ = "login_failures"
    __table_args__ = (Index("ix_login_failures_kind_key_at", "kind", "key", "at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    key: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)


class DataVersion(Base):
    """One row (id 1): a number raised at the commit of every change made through the
    services (`store.db.mark_changed`), so every process can tell its cached views are stale."""

    __tablename__ = "data_version"
    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, default=0)
