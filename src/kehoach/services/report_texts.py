"""What an officer edits in a period report before export: the narrative of sections I and
IV, the number, issuer, signer and recipients. Kept per (plan, period); empty = generated."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from kehoach.errors import PermissionDenied, ValidationError
from kehoach.services import audit
from kehoach.services.types import UserView
from kehoach.store.tables import PeriodReport, User

if TYPE_CHECKING:
    from kehoach.services.period_report import Header

MAX_TEXT = 100_000
FIELDS = ("issuer", "number", "signer", "recipients", "results_text", "proposals_text")


@dataclass(frozen=True)
class ReportTexts:
    id: int
    plan_id: int
    period: str
    issuer: str | None
    number: str | None
    signer: str | None
    recipients: str | None
    results_text: str | None
    proposals_text: str | None
    updated_at: datetime
    updated_by: str | None

    def apply(self, header: Header) -> Header:
        """The header with the officer's fields in place of the defaults."""
        changes: dict = {}
        if self.issuer:
            changes["issuer"] = [x.strip().upper() for x in self.issuer.splitlines() if x.strip()]
        if self.number:
            changes["number"] = self.number.strip()
        if self.signer:
            lines = [x.strip() for x in self.signer.splitlines() if x.strip()]
            changes["signer"] = lines[-1]
            if len(lines) > 1:
                changes["signer_title"] = [x.upper() for x in lines[:-1]]
        if self.recipients:
            changes["recipients"] = [
                x.strip().lstrip("-").strip().rstrip(";.")
                for x in self.recipients.splitlines()
                if x.strip().lstrip("-").strip()
            ]
        return replace(header, **changes)


def _view(row: PeriodReport, username: str | None) -> ReportTexts:
    return ReportTexts(
        row.id,
        row.plan_id,
        row.period,
        row.issuer,
        row.number,
        row.signer,
        row.recipients,
        row.results_text,
        row.proposals_text,
        row.updated_at,
        username,
    )


def stored_texts(session: Session, plan_id: int, period: str) -> ReportTexts | None:
    """The officer's edits of this period's report, or None when nothing was edited."""
    found = session.execute(
        select(PeriodReport, User.username)
        .outerjoin(User, User.id == PeriodReport.updated_by)
        .where(PeriodReport.plan_id == plan_id, PeriodReport.period == period)
    ).first()
    return _view(*found) if found else None


def report_row(session: Session, plan_id: int, period: str) -> PeriodReport:
    """The stored row of a period report, created on first use."""
    row = session.scalar(
        select(PeriodReport).where(PeriodReport.plan_id == plan_id, PeriodReport.period == period)
    )
    if row is None:
        row = PeriodReport(plan_id=plan_id, period=period)
        session.add(row)
        session.flush()
    return row


def save_report_texts(
    session: Session, plan_id: int, period: str, user: UserView | None, **values: str | None
) -> ReportTexts:
    """Keep the officer's edits (None leaves a field as it is; "" returns it to generated)."""
    from kehoach.services.period_report import period_report
    from kehoach.services.users import can_edit_plan
    from kehoach.services.visibility import may_edit_plan

    if user is None or not (can_edit_plan(user) and may_edit_plan(session, plan_id, user)):
        raise PermissionDenied("only a plan officer or an administrator can edit the report")
    period_report(session, plan_id, period, user)  # the plan, the period and visibility exist
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValidationError(
            "unknown field {name}", field=sorted(unknown)[0], name=sorted(unknown)[0]
        )
    row = report_row(session, plan_id, period)
    changed = []
    for name, value in values.items():
        if value is None:
            continue
        value = value.replace("\r\n", "\n").strip()
        if len(value) > MAX_TEXT:
            raise ValidationError("at most {count} characters", field=name, count=MAX_TEXT)
        if (getattr(row, name) or "") != value:
            setattr(row, name, value or None)
            changed.append(name)
    if changed:
        row.updated_at = datetime.now(UTC)
        row.updated_by = user.id or None
        session.flush()
        audit.record(session, user, "edit_report", "plan", plan_id, f"{period}: {changed}")
    return _view(row, user.username)
