"""`/api/emulation/...`: the emulation ranking of a plan's period, one agency's evidence, the
versioned scoring rule, officers' bonus/penalty points, scoring, and the council's table
as XLSX / DOCX."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response
from pydantic import Field

from kehoach.services.emulation import AgencyEvidence, Ranking
from kehoach.services.emulation_rules import AdjustmentView, RuleView
from kehoach.web.api.inputs import MAX_ID, AgencyId, In, OptId, PlanId
from kehoach.web.api.period_reports import FILE_TYPES, _file, _files
from kehoach.web.api.schemas import ERRORS, Out, out
from kehoach.web.auth import CsrfChecked
from kehoach.web.deps import CurrentUser, Db, Officer

router = APIRouter(
    prefix="/emulation", tags=["emulation"], responses=ERRORS, dependencies=[CsrfChecked]
)

ScoringPeriod = Annotated[
    str,
    Path(pattern=r"^\d{4}(-(H[12]|Q[1-4]))?$", description="2026, 2026-H1 or 2026-Q3"),
]

if TYPE_CHECKING:
    RankingOut: TypeAlias = Out
    EvidenceOut: TypeAlias = Out
    RuleOut: TypeAlias = Out
    AdjustmentOut: TypeAlias = Out
else:
    RankingOut = out(Ranking, "RankingOut")
    EvidenceOut = out(AgencyEvidence, "AgencyEvidenceOut")
    RuleOut = out(RuleView)
    AdjustmentOut = out(AdjustmentView)


class RuleIn(In):
    """Weights of the four criteria, each 0 or more, together 100."""

    weights: dict[str, float | str | None] = Field(
        description="tasks_on_time, reports_on_time, targets_attained, evidence_attached"
    )
    note: str = Field(default="", max_length=1000)


class AdjustmentIn(In):
    agency_id: int = Field(ge=1, le=MAX_ID)
    points: float = Field(description="Bonus (positive) or penalty (negative), at most 20")
    reason: str = Field(max_length=2000)


@router.get("/plans/{plan_id}/periods/{period}", response_model=RankingOut)
def ranking(
    plan_id: PlanId,
    period: ScoringPeriod,
    db: Db,
    user: CurrentUser,
    result_id: OptId = None,
    preview: Annotated[bool, Query(description="Compute now instead of the stored result")] = False,
) -> Any:
    """The ranking: the stored result (or one of `history` by `result_id`), else a preview."""
    from kehoach.services.emulation import ranking as service

    return service(db, plan_id, period, user, result_id=result_id, preview=preview)


@router.post("/plans/{plan_id}/periods/{period}/score", response_model=RankingOut, status_code=201)
def score(plan_id: PlanId, period: ScoringPeriod, db: Db, user: Officer) -> Any:
    """Score the period now under the current rule and keep the result (officer)."""
    from kehoach.services.emulation import score_period

    return score_period(db, plan_id, period, user)


@router.get("/plans/{plan_id}/periods/{period}/agencies/{agency_id}", response_model=EvidenceOut)
def evidence(
    plan_id: PlanId,
    period: ScoringPeriod,
    agency_id: AgencyId,
    db: Db,
    user: CurrentUser,
    result_id: OptId = None,
) -> Any:
    """The tasks, reports, figures and attachments behind one agency's points."""
    from kehoach.services.emulation import agency_evidence

    return agency_evidence(db, plan_id, period, agency_id, user, result_id=result_id)


@router.get("/plans/{plan_id}/periods/{period}/rules", response_model=list[RuleOut])
def rules(plan_id: PlanId, period: ScoringPeriod, db: Db, user: CurrentUser) -> Any:
    """Every stored version of the rule, newest first (the default when none is stored)."""
    from kehoach.services.emulation import ranking as service
    from kehoach.services.emulation_rules import current_rule, rule_versions

    service(db, plan_id, period, user, preview=False)  # the same visibility as the ranking
    return rule_versions(db, plan_id, period) or [current_rule(db, plan_id, period)]


@router.post("/plans/{plan_id}/periods/{period}/rules", response_model=RuleOut, status_code=201)
def save_rule(plan_id: PlanId, period: ScoringPeriod, body: RuleIn, db: Db, user: Officer) -> Any:
    """A new version of the rule; stored results keep the version they used."""
    from kehoach.services.emulation_rules import save_rule as service

    return service(db, plan_id, period, body.weights, user, body.note)


@router.post(
    "/plans/{plan_id}/periods/{period}/adjustments",
    response_model=AdjustmentOut,
    status_code=201,
)
def add_adjustment(
    plan_id: PlanId, period: ScoringPeriod, body: AdjustmentIn, db: Db, user: Officer
) -> Any:
    """Bonus or penalty points for a lead agency, with the reason (audited)."""
    from kehoach.services.emulation_rules import add_adjustment as service

    return service(db, plan_id, period, body.agency_id, body.points, body.reason, user)


@router.get(
    "/plans/{plan_id}/periods/{period}/export",
    responses=_files("xlsx", "docx"),
    response_class=Response,
)
def export(
    plan_id: PlanId,
    period: ScoringPeriod,
    db: Db,
    user: CurrentUser,
    format: Literal["xlsx", "docx"] = "xlsx",
    result_id: OptId = None,
) -> Response:
    """The council's table as a file."""
    from kehoach.services.emulation import export_ranking

    content, name = export_ranking(db, plan_id, period, user, format, result_id=result_id)
    return _file(content, name, FILE_TYPES[format])
