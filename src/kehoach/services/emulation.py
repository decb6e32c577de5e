"""Emulation scores: each lead agency (and each commune, once communes report indicator
values) scored and ranked for a plan's period under a versioned rule, every point traceable.

Criteria (weights from `emulation_rules`), each a share 0..1 of something counted:

- `tasks_on_time`: of the agency's lead tasks whose outcome is known on the day (done, or past
  the original deadline), those done by the original deadline (`services.status`); tasks
  finished before the period began do not count;
- `reports_on_time`: of the reports the agency owed for the plan's reporting periods due in
  the period (`summaries.completeness`), those sent by the due date;
- `targets_attained`: of the plan's indicators the agency reports, how far each figure of the
  period is towards its target (capped at 100 %; no figure counts 0);
- `evidence_attached`: of the agency's lead reports for the period, those with an attachment.

A criterion with nothing to count for a unit (no task due yet, no indicator) is left out for
that unit and its weight spread over the others in proportion (`effective_weight`), so that
nobody gains or loses for what did not arise. Officers' bonus/penalty points are then added.

Communes are scored from the commune-level indicators of the plan: reporting completeness
(under the `reports_on_time` weight) and attainment (under `targets_attained`).

`score_period` stores the result against the rule version used; `ranking` reads the stored
result (or computes a preview when the period has not been scored).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kehoach.errors import NotFound, PermissionDenied
from kehoach.services import audit
from kehoach.services.emulation_rules import (
    CRITERIA,
    AdjustmentView,
    RuleView,
    check_editor,
    current_rule,
    lead_agencies,
    list_adjustments,
    plan_in_scope,
    rule_by_id,
    scoring_window,
    stored_rule,
)
from kehoach.services.indicator_figures import rollups
from kehoach.services.indicator_math import attainment, periods_between, share
from kehoach.services.indicators import list_indicators
from kehoach.services.periods import Period, local_day, plan_periods
from kehoach.services.reports import plan_duties
from kehoach.services.status import statuses
from kehoach.services.summaries import completeness
from kehoach.services.types import SYSTEM, UserView
from kehoach.store.tables import (
    Attachment,
    Document,
    EmulationResult,
    IndicatorValue,
    Jurisdiction,
    Plan,
    ProgressReport,
    Task,
    TaskAgency,
    User,
)

COMMUNE_CRITERIA = ("reports_on_time", "targets_attained")


@dataclass(frozen=True)
class EvidenceItem:
    """One thing behind a criterion's points: a task, a report, an indicator figure."""

    kind: str  # task | report | indicator
    entity_id: int
    label: str  # the task's key and text, the indicator's name
    ok: bool | None  # counts for the unit / against it; None: not counted (not yet due)
    task_id: int | None = None
    status: str = ""  # a task's computed status code; a report's on_time | late | missing
    period: str = ""
    due: date | None = None
    submitted_at: datetime | None = None
    figure: float | None = None
    target: float | None = None
    unit: str = ""
    attainment: float | None = None  # percent, capped at 100
    attachments: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CriterionScore:
    code: str
    weight: float  # as the rule says
    effective_weight: float  # after spreading the weights of criteria with nothing to count
    counted: float  # the share's numerator (on-time tasks, attainment summed)
    of: int  # what was counted (0: nothing arose)
    share: float | None  # counted / of, 0..1
    points: float
    items: list[EvidenceItem]


@dataclass(frozen=True)
class UnitScore:
    """One agency's or commune's score: the criteria, the officers' points, total and rank."""

    kind: str  # agency | commune
    unit_id: int
    name: str
    rank: int
    criteria: list[CriterionScore]
    base: float
    adjustment: float
    total: float
    adjustments: list[AdjustmentView]


@dataclass(frozen=True)
class ResultSummary:
    """A stored scoring of the period (the current one and those it replaced)."""

    id: int
    rule_id: int
    rule_version: int
    on: date
    scored_at: datetime
    scored_by: str | None
    current: bool


@dataclass(frozen=True)
class Ranking:
    """The council's table for a plan's period, stored or (`result_id` None) a preview."""

    plan_id: int
    plan_name: str
    province: str
    period: str
    start: date
    end: date
    on: date
    rule: RuleView
    result_id: int | None
    scored_at: datetime | None
    scored_by: str | None
    agencies: list[UnitScore]
    communes: list[UnitScore]
    communes_reported: bool  # False: no commune has reported an indicator value for it
    history: list[ResultSummary]


@dataclass(frozen=True)
class AgencyEvidence:
    """Everything behind one agency's points (the evidence page)."""

    ranking: Ranking
    unit: UnitScore


# ---------------------------------------------------------------- pure arithmetic


def effective_weights(weights: dict[str, float], arisen: set[str]) -> dict[str, float]:
    """The rule's weights with those of criteria that did not arise spread over the others."""
    total = sum(w for c, w in weights.items() if c in arisen)
    if total <= 0:
        return {c: 0.0 for c in weights}
    return {c: (w * 100 / total if c in arisen else 0.0) for c, w in weights.items()}


def rank_units(units: list[UnitScore]) -> list[UnitScore]:
    """Best first; equal totals (to 0,01) share a rank (1, 1, 3)."""
    ordered = sorted(units, key=lambda u: (-round(u.total, 2), u.name))
    out: list[UnitScore] = []
    for i, u in enumerate(ordered):
        rank = out[-1].rank if out and round(out[-1].total, 2) == round(u.total, 2) else i + 1
        out.append(_replace(u, rank=rank))
    return out


def _replace(u: UnitScore, **changes) -> UnitScore:
    from dataclasses import replace

    return replace(u, **changes)


def _unit(
    kind: str,
    unit_id: int,
    name: str,
    weights: dict[str, float],
    parts: dict[str, tuple[float, int, list[EvidenceItem]]],
    adjustments: list[AdjustmentView],
) -> UnitScore:
    arisen = {c for c, (_, of, _) in parts.items() if of > 0}
    eff = effective_weights({c: weights.get(c, 0.0) for c in parts}, arisen)
    criteria = []
    for code, (counted, of, items) in parts.items():
        ratio = counted / of if of else None
        points = round(eff[code] * ratio, 2) if ratio is not None else 0.0
        criteria.append(
            CriterionScore(
                code, weights.get(code, 0.0), round(eff[code], 2), counted, of, ratio, points, items
            )
        )
    base = round(sum(c.points for c in criteria), 2)
    extra = round(sum(a.points for a in adjustments), 2)
    return UnitScore(
        kind, unit_id, name, 0, criteria, base, extra, round(base + extra, 2), adjustments
    )


# ---------------------------------------------------------------- facts


def _task_parts(session: Session, plan_id: int, window: Period, on: date):
    """agency id -> evidence items of `tasks_on_time` (every lead task, counted or not)."""
    infos = statuses(session, on, plan_id=plan_id)
    rows = session.execute(
        select(TaskAgency.agency_id, Task.id, Task.key, Task.text)
        .join(Task, Task.id == TaskAgency.task_id)
        .where(Task.plan_id == plan_id, Task.active, TaskAgency.role == "lead")
        .order_by(Task.position)
    ).all()
    out: dict[int, list[EvidenceItem]] = defaultdict(list)
    for agency_id, task_id, key, text in rows:
        info = infos.get(task_id)
        if info is None:
            continue
        ok = info.on_time_original
        if info.done_on is not None and info.done_on < window.start:
            ok = None  # finished before the period: not this period's merit
        out[agency_id].append(
            EvidenceItem(
                "task",
                task_id,
                f"{key}. {text}",
                ok,
                task_id=task_id,
                status=info.code,
                due=info.original_deadline,
                submitted_at=None,
            )
        )
    return out


def _reporting_periods(session: Session, plan_id: int, window: Period) -> list[Period]:
    duties = plan_duties(session, plan_id)
    return [
        p
        for p in plan_periods(duties, window.start.year, window.end.year)
        if window.start <= p.end <= window.end
    ]


def _report_parts(session: Session, plan_id: int, periods: list[Period], on: date):
    """agency id -> evidence items of `reports_on_time` (periods due by `on`)."""
    out: dict[int, list[EvidenceItem]] = defaultdict(list)
    for p in periods:
        if p.due > on:
            continue  # not due yet: nothing owed
        for r in completeness(session, on, plan_id=plan_id, period=p):
            state = "missing" if r.missing else ("late" if r.late else "on_time")
            out[r.agency_id].append(
                EvidenceItem(
                    "report",
                    r.task_id,
                    f"{r.task_key}. {r.task_text}",
                    state == "on_time",
                    task_id=r.task_id,
                    status=state,
                    period=p.code,
                    due=p.due,
                    submitted_at=r.submitted_at,
                )
            )
    return out


def _evidence_parts(session: Session, plan_id: int, periods: list[Period], on: date):
    """agency id -> evidence items of `evidence_attached`: each lead report of the period's
    reporting periods (its latest version by `on`), with the files attached to any version."""
    codes = [p.code for p in periods]
    if not codes:
        return {}
    rows = session.execute(
        select(ProgressReport, Task.key, Task.text)
        .join(Task, Task.id == ProgressReport.task_id)
        .where(
            Task.plan_id == plan_id,
            ProgressReport.role == "lead",
            ProgressReport.period.in_(codes),
        )
        .order_by(ProgressReport.submitted_at, ProgressReport.id)
    ).all()
    latest: dict[tuple[int, int, str], tuple] = {}
    versions: dict[tuple[int, int, str], list[int]] = defaultdict(list)
    for r, key, text in rows:
        if local_day(r.submitted_at) > on:
            continue
        k = (r.agency_id, r.task_id, r.period)
        latest[k] = (r, key, text)
        versions[k].append(r.id)
    every_id = [i for ids in versions.values() for i in ids]
    files: dict[int, list[str]] = defaultdict(list)
    if every_id:
        for report_id, name in session.execute(
            select(Attachment.report_id, Attachment.name)
            .where(Attachment.report_id.in_(every_id))
            .order_by(Attachment.id)
        ):
            files[report_id].append(name)
    out: dict[int, list[EvidenceItem]] = defaultdict(list)
    for k, (r, key, text) in latest.items():
        names = [n for i in versions[k] for n in files.get(i, [])]
        out[r.agency_id].append(
            EvidenceItem(
                "report",
                r.id,
                f"{key}. {text}",
                bool(names),
                task_id=r.task_id,
                status=r.status,
                period=r.period,
                submitted_at=r.submitted_at,
                attachments=names,
            )
        )
    return out


def _indicator_period(window: Period, frequency: str) -> str | None:
    """The indicator's period the scoring period is judged on: its last one within it."""
    codes = periods_between(window.start, window.end, frequency)
    return codes[-1] if codes else None


def _target_parts(session: Session, plan_id: int, window: Period, on: date):
    """agency id -> evidence items of `targets_attained`: each indicator the agency reports."""
    inds = [i for i in list_indicators(session, SYSTEM, plan_id=plan_id) if i.agency_id]
    figures = rollups(session, inds, on) if inds else {}
    out: dict[int, list[EvidenceItem]] = defaultdict(list)
    for ind in inds:
        code = _indicator_period(window, ind.frequency)
        fig = next((f for f in figures.get(ind.id, []) if f.period == code), None)
        value = fig.figure if fig else None
        att = attainment(value, ind.target_value, ind.direction)
        capped = min(100.0, att) if att is not None else None
        assert ind.agency_id is not None
        out[ind.agency_id].append(
            EvidenceItem(
                "indicator",
                ind.id,
                ind.name,
                capped is not None and capped >= 100,
                period=code or "",
                figure=value,
                target=ind.target_value,
                unit=ind.unit,
                attainment=capped,
            )
        )
    return out


def _commune_units(
    session: Session, plan_id: int, window: Period, weights: dict[str, float]
) -> tuple[list[UnitScore], bool]:
    """Communes scored by their indicator values: reported at all, and how far towards the
    target. (False when no commune reported a value for the period.)"""
    inds = [
        i
        for i in list_indicators(session, SYSTEM, plan_id=plan_id)
        if i.level == "commune" and not i.computed
    ]
    judged: list[tuple] = []
    for i in inds:
        code = _indicator_period(window, i.frequency)
        if code is not None:
            judged.append((i, code))
    if not judged:
        return [], False
    newest: dict[tuple[int, int], IndicatorValue] = {}
    v: IndicatorValue | None
    for v in session.scalars(
        select(IndicatorValue)
        .where(
            IndicatorValue.indicator_id.in_([i.id for i, _ in judged]),
            IndicatorValue.period.in_({code for _, code in judged}),
            IndicatorValue.superseded.is_(False),
        )
        .order_by(IndicatorValue.revision)
    ):
        newest[(v.indicator_id, v.jurisdiction_id)] = v
    wanted = {(i.id, code) for i, code in judged}
    newest = {k: v for k, v in newest.items() if (v.indicator_id, v.period) in wanted}
    if not newest:
        return [], False
    province_ids = {i.jurisdiction_id for i, _ in judged}
    communes = session.execute(
        select(Jurisdiction.id, Jurisdiction.parent_id, Jurisdiction.name)
        .where(Jurisdiction.parent_id.in_(province_ids), Jurisdiction.active)
        .order_by(Jurisdiction.code)
    ).all()
    units = []
    for unit_id, parent, name in communes:
        reported: list[EvidenceItem] = []
        attained: list[EvidenceItem] = []
        for ind, code in judged:
            if ind.jurisdiction_id != parent:
                continue
            v = newest.get((ind.id, unit_id))
            sent = v is not None and (v.state in ("submitted", "approved") or v.revision > 1)
            value = None
            if v is not None and v.state == "approved":
                value = share(v.numerator, v.denominator) if ind.kind == "ratio" else v.value
            att = attainment(value, ind.target_value, ind.direction)
            capped = min(100.0, att) if att is not None else None
            reported.append(
                EvidenceItem(
                    "indicator",
                    ind.id,
                    ind.name,
                    sent,
                    status=v.state if v is not None else "missing",
                    period=code,
                    submitted_at=v.submitted_at if v is not None else None,
                    figure=value,
                    target=ind.target_value,
                    unit=ind.unit,
                )
            )
            attained.append(
                EvidenceItem(
                    "indicator",
                    ind.id,
                    ind.name,
                    capped is not None and capped >= 100,
                    period=code,
                    figure=value,
                    target=ind.target_value,
                    unit=ind.unit,
                    attainment=capped,
                )
            )
        if not reported:
            continue
        parts = {
            "reports_on_time": (float(sum(bool(i.ok) for i in reported)), len(reported), reported),
            "targets_attained": (
                sum(i.attainment or 0.0 for i in attained) / 100,
                len(attained),
                attained,
            ),
        }
        units.append(_unit("commune", unit_id, name, weights, parts, []))
    return rank_units(units), True


def compute_units(
    session: Session, plan_id: int, window: Period, on: date, rule: RuleView
) -> tuple[list[UnitScore], list[UnitScore], bool]:
    """Every lead agency's and commune's score for the window, ranked (nothing stored)."""
    periods = _reporting_periods(session, plan_id, window)
    tasks = _task_parts(session, plan_id, window, on)
    reports = _report_parts(session, plan_id, periods, on)
    targets = _target_parts(session, plan_id, window, on)
    evidence = _evidence_parts(session, plan_id, periods, on)
    adjustments: dict[int, list[AdjustmentView]] = defaultdict(list)
    for a in list_adjustments(session, plan_id, window.code):
        adjustments[a.agency_id].append(a)
    agencies = []
    for agency_id, name in lead_agencies(session, plan_id).items():
        t = tasks.get(agency_id, [])
        r = reports.get(agency_id, [])
        g = targets.get(agency_id, [])
        e = evidence.get(agency_id, [])
        counted_tasks = [i for i in t if i.ok is not None]
        parts = {
            "tasks_on_time": (
                float(sum(bool(i.ok) for i in counted_tasks)),
                len(counted_tasks),
                t,
            ),
            "reports_on_time": (float(sum(bool(i.ok) for i in r)), len(r), r),
            "targets_attained": (sum(i.attainment or 0.0 for i in g) / 100, len(g), g),
            "evidence_attached": (float(sum(bool(i.ok) for i in e)), len(e), e),
        }
        agencies.append(
            _unit("agency", agency_id, name, rule.weights, parts, adjustments.get(agency_id, []))
        )
    communes, reported = _commune_units(session, plan_id, window, rule.weights)
    return rank_units(agencies), communes, reported


# ---------------------------------------------------------------- stored results


def _dump(units: list[UnitScore]) -> list[dict]:
    return [asdict(u) for u in units]


def _dt(value):
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def _d(value):
    return date.fromisoformat(value) if isinstance(value, str) else value


def _load_unit(raw: dict) -> UnitScore:
    criteria = []
    for c in raw["criteria"]:
        items = [
            EvidenceItem(
                **{
                    **i,
                    "due": _d(i.get("due")),
                    "submitted_at": _dt(i.get("submitted_at")),
                }
            )
            for i in c["items"]
        ]
        criteria.append(CriterionScore(**{**c, "items": items}))
    adjustments = [
        AdjustmentView(**{**a, "created_at": _dt(a["created_at"])}) for a in raw["adjustments"]
    ]
    return UnitScore(**{**raw, "criteria": criteria, "adjustments": adjustments})


def _encode(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def _plan_names(session: Session, plan_id: int) -> tuple[str, str]:
    """The plan's document as reports name it, and its province."""
    from kehoach.services.period_report import document_name
    from kehoach.services.plans import doc_view

    doc, province = session.execute(
        select(Document, Jurisdiction.name)
        .join(Plan, Plan.document_id == Document.id)
        .join(Jurisdiction, Jurisdiction.id == Plan.jurisdiction_id)
        .where(Plan.id == plan_id)
    ).one()
    return document_name(doc_view(doc, plan_id)), province or (doc.province or "")


def history(session: Session, plan_id: int, period: str) -> list[ResultSummary]:
    """Every stored scoring of the period, newest first."""
    from kehoach.store.tables import EmulationRule

    rows = session.execute(
        select(EmulationResult, EmulationRule.version, User.username)
        .join(EmulationRule, EmulationRule.id == EmulationResult.rule_id)
        .outerjoin(User, User.id == EmulationResult.scored_by)
        .where(EmulationResult.plan_id == plan_id, EmulationResult.period == period)
        .order_by(EmulationResult.id.desc())
    ).all()
    return [
        ResultSummary(r.id, r.rule_id, version, r.on_date, r.scored_at, name, r.current)
        for r, version, name in rows
    ]


def default_on(window: Period, today: date | None = None) -> date:
    """Scored as of today, never after the period's last day."""
    today = today or date.today()
    return min(today, window.end)


def _check_reader(session: Session, plan_id: int, user: UserView | None) -> None:
    if user is not None and user.role == "reporter":
        raise PermissionDenied("A reporter sees only its own agency's evidence.")
    plan_in_scope(session, plan_id, user)


def score_period(
    session: Session,
    plan_id: int,
    period: str,
    user: UserView | None,
    *,
    on: date | None = None,
) -> Ranking:
    """Score the period under the current rule (storing the default as version 1 when none
    is stored) and keep the result; an earlier result stays in the history (audited)."""
    window = scoring_window(period)
    check_editor(session, plan_id, user)
    rule = stored_rule(session, plan_id, window.code, user)
    on = on or default_on(window)
    agencies, communes, reported = compute_units(session, plan_id, window, on, rule)
    session.execute(
        update(EmulationResult)
        .where(EmulationResult.plan_id == plan_id, EmulationResult.period == window.code)
        .values(current=False)
    )
    assert rule.id is not None
    row = EmulationResult(
        rule_id=rule.id,
        plan_id=plan_id,
        period=window.code,
        on_date=on,
        current=True,
        rows_json=json.dumps(
            {"agencies": _dump(agencies), "communes": _dump(communes), "reported": reported},
            default=_encode,
            ensure_ascii=False,
        ),
        scored_by=user.id if user and user.id else None,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        user,
        "emulation.score",
        "emulation_result",
        row.id,
        f"plan {plan_id} {window.code} rule v{rule.version}: {len(agencies)} agencies",
    )
    return _stored(session, plan_id, window, row.id)


def _stored(
    session: Session, plan_id: int, window: Period, result_id: int, past: list | None = None
) -> Ranking:
    """A stored result (`past`: the period's history when the caller has read it already)."""
    row = session.get(EmulationResult, result_id)
    if row is None or row.plan_id != plan_id or row.period != window.code:
        raise NotFound("no scoring result with id {result_id}", result_id=result_id)
    data = json.loads(row.rows_json)
    name, province = _plan_names(session, plan_id)
    scorer = session.scalar(select(User.username).where(User.id == row.scored_by))
    return Ranking(
        plan_id,
        name,
        province,
        window.code,
        window.start,
        window.end,
        row.on_date,
        rule_by_id(session, row.rule_id),
        row.id,
        row.scored_at,
        scorer,
        [_load_unit(u) for u in data["agencies"]],
        [_load_unit(u) for u in data["communes"]],
        bool(data["reported"]),
        past if past is not None else history(session, plan_id, window.code),
    )


def ranking(
    session: Session,
    plan_id: int,
    period: str,
    user: UserView | None,
    *,
    on: date | None = None,
    result_id: int | None = None,
    preview: bool = False,
) -> Ranking:
    """The council's table: a stored result (the current one, or `result_id` from the
    history), else — or with `preview` — the scores computed now under the current rule."""
    window = scoring_window(period)
    _check_reader(session, plan_id, user)
    return _ranking(session, plan_id, window, on=on, result_id=result_id, preview=preview)


def _ranking(
    session: Session,
    plan_id: int,
    window: Period,
    *,
    on: date | None,
    result_id: int | None,
    preview: bool,
) -> Ranking:
    if result_id is not None:
        return _stored(session, plan_id, window, result_id)
    past = history(session, plan_id, window.code)
    current = next((h for h in past if h.current), None)
    if current is not None and not preview and on is None:
        return _stored(session, plan_id, window, current.id, past)
    rule = current_rule(session, plan_id, window.code)
    on = on or default_on(window)
    agencies, communes, reported = compute_units(session, plan_id, window, on, rule)
    name, province = _plan_names(session, plan_id)
    return Ranking(
        plan_id,
        name,
        province,
        window.code,
        window.start,
        window.end,
        on,
        rule,
        None,
        None,
        None,
        agencies,
        communes,
        reported,
        past,
    )


def agency_evidence(
    session: Session,
    plan_id: int,
    period: str,
    agency_id: int,
    user: UserView | None,
    *,
    result_id: int | None = None,
    preview: bool = False,
) -> AgencyEvidence:
    """The tasks, reports, figures and attachments behind one agency's points. Staff see
    their jurisdiction's plans; a reporter only its own agency (anything else: not found)."""
    window = scoring_window(period)
    if user is not None and user.role == "reporter":
        if agency_id != user.agency_id:
            raise NotFound("no agency with id {agency_id}", agency_id=agency_id)
        if agency_id not in lead_agencies(session, plan_id):
            raise NotFound("no plan with id {plan_id}", plan_id=plan_id)
    else:
        plan_in_scope(session, plan_id, user)
    found = _ranking(session, plan_id, window, on=None, result_id=result_id, preview=preview)
    unit = next((u for u in found.agencies if u.unit_id == agency_id), None)
    if unit is None:
        raise NotFound("no agency with id {agency_id}", agency_id=agency_id)
    return AgencyEvidence(found, unit)


def scoring_plans(session: Session, user: UserView | None) -> list[tuple[int, str]]:
    """The plans `user` may rank (its jurisdiction's), as (id, name) for the selector."""
    from kehoach.services.visibility import scope_condition

    rows = session.execute(
        select(Plan.id, Document.number, Document.title, Plan.source_name)
        .join(Document, Document.id == Plan.document_id)
        .where(scope_condition(user))
        .order_by(Plan.id)
    ).all()
    return [
        (pid, " – ".join(x for x in (number, title) if x) or source)
        for pid, number, title, source in rows
    ]


def reporter_plans(session: Session, user: UserView) -> list[int]:
    """The plans in which a reporter's agency leads a task (whose evidence it may see)."""
    if not user.agency_id:
        return []
    return list(
        session.scalars(
            select(Task.plan_id)
            .join(TaskAgency, TaskAgency.task_id == Task.id)
            .where(
                TaskAgency.agency_id == user.agency_id,
                TaskAgency.role == "lead",
                Task.active,
            )
            .distinct()
            .order_by(Task.plan_id)
        )
    )


def export_ranking(
    session: Session,
    plan_id: int,
    period: str,
    user: UserView | None,
    fmt: str,
    *,
    result_id: int | None = None,
    on: date | None = None,
) -> tuple[bytes, str]:
    """The council's table as (file bytes, file name): `xlsx` or `docx`."""
    from kehoach.errors import ValidationError
    from kehoach.writers.emulation import emulation_docx, emulation_xlsx

    if fmt not in ("xlsx", "docx"):
        raise ValidationError("unknown format '{fmt}'; use xlsx or docx", field="format", fmt=fmt)
    data = ranking(session, plan_id, period, user, result_id=result_id, on=on)
    content = emulation_xlsx(data) if fmt == "xlsx" else emulation_docx(data)
    return content, f"thi-dua-ke-hoach-{plan_id}-{data.period}.{fmt}"


__all__ = [
    "CRITERIA",
    "AgencyEvidence",
    "CriterionScore",
    "EvidenceItem",
    "Ranking",
    "ResultSummary",
    "UnitScore",
    "agency_evidence",
    "ranking",
    "score_period",
]
