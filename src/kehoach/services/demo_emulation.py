"""The demo's emulation data: minutes attached to some reports, province-wide indicators
given to the agencies that report them, one bonus and one penalty, and this year scored for Cao Bằng's
plans (so `./run demo` shows a ranking with its evidence at once)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kehoach.store.tables import EmulationResult, Indicator, Plan, ProgressReport, Task

# a one-page PDF: "Biên bản kiểm tra" (minutes of a check), as reports attach them
MINUTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
BONUS = "Tổ chức tốt hội nghị quán triệt Nghị quyết 80-NQ/TW đến cơ sở, được Tỉnh ủy biểu dương."
PENALTY = "Gửi báo cáo 6 tháng chậm, phải nhắc nhiều lần."


def seed_emulation(
    session: Session, plan_ids: list[int], today: date, officer, settings=None
) -> int:
    """Evidence, indicator agencies, points and a stored 2026 ranking for the officer's plans;
    nothing when a result exists already (idempotent). Returns how many plans were scored."""
    from kehoach.services.emulation import score_period
    from kehoach.services.emulation_rules import add_adjustment, lead_agencies
    from kehoach.services.reports import add_attachment

    mine = list(
        session.scalars(
            select(Plan.id).where(
                Plan.id.in_(plan_ids), Plan.jurisdiction_id == officer.jurisdiction_id
            )
        )
    )
    if not mine or session.scalar(
        select(EmulationResult.id).where(EmulationResult.plan_id.in_(mine)).limit(1)
    ):
        return 0
    period = str(today.year)
    for plan_id in mine:
        names = lead_agencies(session, plan_id)
        leads = list(names)
        # points go to named departments, not to groups such as "các sở, ban, ngành"
        named = [a for a in leads if names[a].startswith(("Sở ", "Ban "))] or leads
        reports = session.scalars(
            select(ProgressReport)
            .join(Task, Task.id == ProgressReport.task_id)
            .where(Task.plan_id == plan_id, ProgressReport.role == "lead")
            .order_by(ProgressReport.id)
        ).all()
        for i, r in enumerate(reports):
            if i % 3 != 1:  # minutes with two reports in three
                add_attachment(session, r.id, officer, "bien-ban-kiem-tra.pdf", MINUTES, settings)
        # the plan's province-wide indicators reported by its lead agencies in turn (where
        # nobody is named); commune-level ones stay open to every reporter of the province
        ids = session.scalars(
            select(Indicator.id)
            .where(
                Indicator.plan_id == plan_id,
                Indicator.agency_id.is_(None),
                Indicator.level == "province",
            )
            .order_by(Indicator.id)
        ).all()
        for n, ind_id in enumerate(ids):
            if leads:
                session.execute(
                    update(Indicator)
                    .where(Indicator.id == ind_id)
                    .values(agency_id=leads[n % len(leads)])
                )
        if named:
            add_adjustment(session, plan_id, period, named[0], 2, BONUS, officer)
        if len(named) >= 2:
            add_adjustment(session, plan_id, period, named[-1], -1, PENALTY, officer)
        score_period(session, plan_id, period, officer, on=min(today, date(today.year, 12, 31)))
    return len(mine)
