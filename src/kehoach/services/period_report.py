"""The consolidated period report of a plan: the data it shows, gathered in one call.

`period_report(session, plan_id, "2026-H1", user)` returns a plain value that the
document writers (`kehoach.writers.report_docx`, `report_xlsx`) turn into files;
nothing here knows about Word or Excel. Sections I (results by task group, in each
agency's own words) and IV (proposals) are generated as editable text; an officer's
edits are kept with the report (`services.report_texts`) and replace the generated
text. Figures are those of the dashboard on the same date.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kehoach.errors import PermissionDenied
from kehoach.services.periods import Period, local_day, period_by_code
from kehoach.services.plans import DocumentView, TargetView, get_plan
from kehoach.services.reports import plan_duties
from kehoach.services.status import statuses
from kehoach.services.summaries import (
    AgencySummary,
    CompletenessRow,
    Reporting,
    StatusCounts,
    agency_summaries,
    completeness,
    count_statuses,
    reporting_of,
)
from kehoach.services.tasks import TaskRow, rows_for
from kehoach.services.types import UserView
from kehoach.services.visibility import scope_condition, task_condition
from kehoach.store.db import query
from kehoach.store.tables import Agency, Plan, ProgressReport, Task
from kehoach.writers.vocabulary import DOC_KIND_VI, REPORT_STATUS_VI

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@dataclass(frozen=True)
class AgencyWords:
    """One agency's own report on a task for the period (its latest version)."""

    agency: str
    role: str
    status: str
    percent: int | None
    text: str
    difficulties: str
    proposals: str
    submitted_at: datetime
    late: bool


@dataclass(frozen=True)
class TaskResult:
    row: TaskRow
    words: list[AgencyWords]


@dataclass(frozen=True)
class GroupResult:
    code: str | None
    title: str | None
    tasks: list[TaskResult]
    counts: StatusCounts


@dataclass(frozen=True)
class Shortfall:
    """Section III for one lead agency: overdue tasks, reports not sent, reports sent late."""

    agency: str
    overdue: list[TaskRow] = field(default_factory=list)
    missing: list[CompletenessRow] = field(default_factory=list)
    late: list[CompletenessRow] = field(default_factory=list)


@dataclass(frozen=True)
class Header:
    """The header table, number, signature block and recipients (officer-editable)."""

    issuer: list[str]  # lines, upper case: ["ỦY BAN NHÂN DÂN", "TỈNH CAO BẰNG"]
    number: str  # "…/BC-UBND"
    place: str  # "Cao Bằng"
    signer_title: list[str]  # ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    signer: str
    recipients: list[str]


@dataclass(frozen=True)
class PeriodReportData:
    plan_id: int
    document: DocumentView
    period: Period
    period_label: str  # "6 tháng đầu năm 2026"
    on: date  # statuses as of this day (the dashboard's figures on it)
    issued: date  # the header's date
    header: Header
    groups: list[GroupResult]
    targets: list[TargetView]
    counts: StatusCounts
    reporting: Reporting
    agencies: list[AgencySummary]
    shortfalls: list[Shortfall]
    results_text: str  # section I: the officer's text, else generated
    proposals_text: str  # section IV: the officer's text, else generated
    results_edited: bool
    proposals_edited: bool
    # (target id, metric index) -> (the indicator's latest approved figure, its period)
    latest: dict[tuple[int, int], tuple[float, str]] = field(default_factory=dict)

    @property
    def document_name(self) -> str:
        """`Chương trình số 14-CTr/TU ngày 20/5/2026 của Ban Thường vụ Tỉnh ủy`."""
        return document_name(self.document)


def period_label(p: Period) -> str:
    """A period as a report names it: `6 tháng đầu năm 2026`, `quý II năm 2026`, `năm 2026`."""
    year, _, part = p.code.partition("-")
    if not part:
        return f"năm {year}"
    if part == "H1":
        return f"6 tháng đầu năm {year}"
    if part == "H2":
        return f"6 tháng cuối năm {year}"
    if part.startswith("Q"):
        return f"quý {ROMAN[int(part[1:]) - 1]} năm {year}"
    return f"tháng {int(part)} năm {year}"


def short_date(day: str | date | None) -> str:
    """`20/5/2026`, the way document references write dates (no leading zeros); a partial
    date as written (`2/2026`, `2026`)."""
    if not day:
        return ""
    if isinstance(day, date):
        return f"{day.day}/{day.month}/{day.year}"
    parts = [int(x) for x in day.split("-") if x.isdigit()]
    return "/".join(str(x) for x in reversed(parts))


def document_name(doc: DocumentView) -> str:
    """`Chương trình số 14-CTr/TU ngày 20/5/2026 của Ban Thường vụ Tỉnh ủy`."""
    parts = [DOC_KIND_VI.get(doc.kind, "Văn bản")]
    if doc.number:
        parts.append(f"số {doc.number}")
    if doc.date:
        when = short_date(doc.date)
        full = when.count("/") == 2
        parts.append(f"ngày {when}" if full else f"{'tháng' if '/' in when else 'năm'} {when}")
    if doc.issuer:
        parts.append(f"của {doc.issuer}")
    return " ".join(parts)


def default_header(doc: DocumentView, duties_to: list[str]) -> Header:
    """The provincial People's Committee reports, signed by a vice-chairman (the usual case)."""
    province = doc.province or ""
    recipients = [*duties_to, "Các sở, ban, ngành tỉnh", "Lưu: VT, VX"]
    return Header(
        issuer=["ỦY BAN NHÂN DÂN", f"TỈNH {province.upper()}".strip()],
        number="/BC-UBND",
        place=province,
        signer_title=["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        signer="",
        recipients=list(dict.fromkeys(r for r in recipients if r)),
    )


def default_on(p: Period, today: date | None = None) -> date:
    """Statuses are taken as of today, but never after the period closed."""
    today = today or date.today()
    return min(today, p.closes - timedelta(days=1))


def _words(
    session: Session, task_ids: list[int], p: Period, on: date
) -> dict[int, list[AgencyWords]]:
    """Each agency's latest report version per task for the period, sent by the end of `on`."""
    latest: dict[tuple[int, int], tuple] = {}
    for r, name in session.execute(
        select(ProgressReport, Agency.name)
        .join(Agency, Agency.id == ProgressReport.agency_id)
        .where(ProgressReport.task_id.in_(task_ids), ProgressReport.period == p.code)
        .order_by(ProgressReport.version)
    ):
        if local_day(r.submitted_at) <= on:
            latest[(r.task_id, r.agency_id)] = (r, name)
    out: dict[int, list[AgencyWords]] = defaultdict(list)
    for (task_id, _), (r, name) in sorted(
        latest.items(), key=lambda kv: (kv[1][0].role != "lead", kv[1][0].submitted_at)
    ):
        out[task_id].append(
            AgencyWords(
                name,
                r.role,
                r.status,
                r.percent,
                r.done_text or r.reason,
                r.difficulties,
                r.proposals,
                r.submitted_at,
                local_day(r.submitted_at) > p.due,
            )
        )
    return out


def period_report(
    session: Session,
    plan_id: int,
    period: str,
    user: UserView | None,
    *,
    on: date | None = None,
    today: date | None = None,
) -> PeriodReportData:
    """Everything the period report of a plan shows, as of `on` (default: see `default_on`)."""
    from kehoach.services.report_texts import stored_texts

    detail = get_plan(session, plan_id, user=user)  # NotFound when the user may not see it
    in_scope = select(Plan.id).where(Plan.id == plan_id, scope_condition(user))
    if session.scalar(in_scope) is None:  # staff of the plan's jurisdiction (or national)
        raise PermissionDenied(
            "the period report shows every agency's tasks; only plan officers, "
            "administrators and viewers of the plan's province can produce it"
        )
    p = period_by_code(plan_duties(session, plan_id), period)
    on = on or default_on(p, today)
    ids = list(
        query(
            session,
            select(Task.id)
            .where(Task.plan_id == plan_id, Task.active, task_condition(user))
            .order_by(Task.position),
        ).scalars()
    )
    infos = statuses(session, on, plan_id=plan_id)
    rows = rows_for(session, ids, on, infos)
    words = _words(session, ids, p, on) if ids else {}
    plan_infos = {i: infos[i] for i in ids if i in infos}
    reporting_rows = completeness(session, on, plan_id=plan_id, period=p)
    groups = _groups(rows, words)
    texts = stored_texts(session, plan_id, p.code)
    header = default_header(detail.plan.document, [d.to for d in detail.duties if d.to])
    header = texts.apply(header) if texts else header
    data = PeriodReportData(
        plan_id=plan_id,
        document=detail.plan.document,
        period=p,
        period_label=period_label(p),
        on=on,
        issued=today or date.today(),
        header=header,
        groups=groups,
        targets=detail.targets,
        counts=count_statuses(plan_infos.values()),
        reporting=reporting_of(reporting_rows),
        agencies=agency_summaries(
            session, on, plan_id=plan_id, infos=plan_infos, rows=reporting_rows
        ),
        shortfalls=_shortfalls(rows, reporting_rows),
        results_text="",
        proposals_text="",
        results_edited=bool(texts and texts.results_text),
        proposals_edited=bool(texts and texts.proposals_text),
        latest=latest_figures(session, plan_id, user, on),
    )
    from dataclasses import replace

    return replace(
        data,
        results_text=(texts.results_text if texts and texts.results_text else None)
        or generated_results(data),
        proposals_text=(texts.proposals_text if texts and texts.proposals_text else None)
        or generated_proposals(data),
    )


def latest_figures(
    session: Session, plan_id: int, user: UserView | None, on: date
) -> dict[tuple[int, int], tuple[float, str]]:
    """(target id, metric index) -> (latest approved figure, period) of the target metrics
    that have an indicator (section II shows it next to the planned figure)."""
    from kehoach.services.indicator_figures import targets_panel

    out: dict[tuple[int, int], tuple[float, str]] = {}
    index: dict[int, int] = defaultdict(int)
    for row in targets_panel(session, plan_id, user, on):
        position = index[row.target_id]
        index[row.target_id] += 1
        if row.latest is not None and row.latest.figure is not None:
            out[(row.target_id, position)] = (row.latest.figure, row.latest.period)
    return out


def _groups(rows: list[TaskRow], words: dict[int, list[AgencyWords]]) -> list[GroupResult]:
    order: list[str | None] = []
    by_group: dict[str | None, list[TaskRow]] = defaultdict(list)
    for r in rows:
        if r.group not in by_group:
            order.append(r.group)
        by_group[r.group].append(r)
    return [
        GroupResult(
            code,
            by_group[code][0].group_title,
            [TaskResult(r, words.get(r.id, [])) for r in by_group[code]],
            count_statuses(r.status for r in by_group[code]),
        )
        for code in order
    ]


def _shortfalls(rows: list[TaskRow], reporting: list[CompletenessRow]) -> list[Shortfall]:
    by_agency: dict[str, Shortfall] = {}

    def of(name: str) -> Shortfall:
        return by_agency.setdefault(name, Shortfall(name))

    for r in rows:
        if r.status.code == "overdue":
            for name in r.lead or ["(chưa xác định cơ quan chủ trì)"]:
                of(name).overdue.append(r)
    for c in reporting:
        if c.missing:
            of(c.agency_name).missing.append(c)
        elif c.late:
            of(c.agency_name).late.append(c)
    return sorted(
        by_agency.values(),
        key=lambda s: (-(len(s.overdue) + len(s.missing)), -len(s.late), s.agency),
    )


def _percent(words: AgencyWords) -> str:
    return f" (đạt {words.percent}%)" if words.percent not in (None, 0, 100) else ""


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?", ";", ":")) else f"{text}."


def generated_results(data: PeriodReportData) -> str:
    """Section I as editable text: one numbered heading per task group, then each task that
    was reported on, in the agencies' own words."""
    lines: list[str] = []
    for n, g in enumerate(data.groups, 1):
        lines.append(f"{n}. {_sentence(g.title or 'Nhiệm vụ khác')[:-1]}")
        done = sum(g.counts.counts.get(c, 0) for c in ("done_on_time", "done_late"))
        reported = [t for t in g.tasks if t.words]
        lines.append(
            f"Nhóm nhiệm vụ gồm {len(g.tasks)} nhiệm vụ; đã hoàn thành {done}, "
            f"có báo cáo trong kỳ {len(reported)}."
        )
        for t in reported:
            agencies = " ".join(
                f"{w.agency} báo cáo: "
                f"{_sentence(w.text or REPORT_STATUS_VI.get(w.status, ''))[:-1]}{_percent(w)}."
                for w in t.words
            )
            lines.append(f"- {t.row.text.rstrip('.;:')} ({t.row.key}): {agencies}")
    return "\n".join(lines)


def _grouped(data: PeriodReportData, attr: str) -> list[str]:
    """Agencies' difficulties or proposals, one line per distinct text, naming who and where."""
    by_text: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for g in data.groups:
        for t in g.tasks:
            for w in t.words:
                text = " ".join(getattr(w, attr).split())
                if text:
                    by_text[text][w.agency].append(t.row.key)
    lines = []
    for text, agencies in by_text.items():
        who = "; ".join(f"{a}: {', '.join(keys)}" for a, keys in agencies.items())
        lines.append(f"- {_sentence(text)[:-1]} ({who}).")
    return lines


def generated_proposals(data: PeriodReportData) -> str:
    """Section IV as editable text: the difficulties and proposals agencies reported."""
    difficulties = _grouped(data, "difficulties")
    proposals = _grouped(data, "proposals")
    missing = sum(len(s.missing) for s in data.shortfalls)
    lines = ["1. Khó khăn, vướng mắc"]
    lines += difficulties or ["Các cơ quan chưa báo cáo khó khăn, vướng mắc trong kỳ."]
    lines.append("2. Đề xuất, kiến nghị")
    lines += proposals
    if missing:
        lines.append(
            f"- Đề nghị các cơ quan chủ trì còn {missing} nhiệm vụ chưa báo cáo kỳ "
            f"{data.period_label} khẩn trương báo cáo kết quả thực hiện."
        )
    if any(s.overdue for s in data.shortfalls):
        lines.append(
            "- Đề nghị các cơ quan có nhiệm vụ quá hạn tập trung hoàn thành, "
            "báo cáo rõ nguyên nhân và đề xuất thời hạn mới."
        )
    if len(lines) == 3:
        lines.append("Chưa có đề xuất, kiến nghị.")
    return "\n".join(lines)


def report_periods(session: Session, plan_id: int, today: date | None = None) -> list[Period]:
    """The plan's reporting periods of last year, this year and next, newest due first."""
    from kehoach.services.periods import plan_periods

    today = today or date.today()
    found = plan_periods(plan_duties(session, plan_id), today.year - 1, today.year + 1)
    return sorted(found, key=lambda p: p.due, reverse=True)
