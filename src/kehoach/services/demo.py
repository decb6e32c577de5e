"""Demo data: the three sample plans with accounts and reports, and a synthetic province."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
DEMO_AGENCY = "Sở Văn hóa, Thể thao và Du lịch"
CAO_BANG, DIEN_BIEN, NATIONAL = "Cao Bằng", "Điện Biên", "Toàn quốc"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str  # as `kehoach user add --role` names it
    agency: str | None
    province: str  # the account's jurisdiction: a province, or `Toàn quốc` (sees all)


# The samples 000 and 001 are Cao Bằng's plans, 002 is Điện Biên's: each province has
# its own officer and a reporter of its own Sở VHTTDL; the admin, a viewer and the
# ministry's officer (who compares the provinces' plans for 80-NQ/TW) are national.
DEMO_ACCOUNTS = (
    DemoAccount("admin", "admin-demo", "admin", None, NATIONAL),
    DemoAccount("officer", "officer-demo", "officer", None, CAO_BANG),
    DemoAccount("reporter", "reporter-demo", "reporter", DEMO_AGENCY, CAO_BANG),
    DemoAccount("officer_dienbien", "officer-dienbien-demo", "officer", None, DIEN_BIEN),
    DemoAccount("reporter_dienbien", "reporter-dienbien-demo", "reporter", DEMO_AGENCY, DIEN_BIEN),
    DemoAccount("viewer", "viewer-demo", "viewer", None, NATIONAL),
    DemoAccount("ministry", "ministry-demo", "officer", None, NATIONAL),
)


@dataclass(frozen=True)
class DemoInfo:
    accounts: list[DemoAccount]
    plan_ids: list[int]


@dataclass(frozen=True)
class ProvinceInfo:
    plans: int
    tasks: int
    agencies: int
    reports: int
    seconds: float


def _at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, dtime(hour, 0), UTC)


def seed_demo(session: Session, settings=None, today: date | None = None) -> DemoInfo:
    """Import the three samples, add both provinces' accounts, a few progress reports and
    today's reminders."""
    from kehoach.services import importing, users
    from kehoach.store.tables import User

    today = today or date.today()
    plan_ids = [
        importing.import_plan(session, path, user=None).plan_id
        for path in sorted(SAMPLES.glob("*.txt"))
    ]
    for a in DEMO_ACCOUNTS:
        if session.scalar(select(User.id).where(User.username == a.username)) is None:
            users.create_user(
                session, a.username, a.password, a.role, a.agency, jurisdiction=a.province
            )
    for officer, reporter in (("officer", "reporter"), ("officer_dienbien", "reporter_dienbien")):
        _reports(
            session,
            users.authenticate(session, officer, _password(officer)),
            users.authenticate(session, reporter, _password(reporter)),
            today,
        )
    if plan_ids:  # Cao Bằng's programme 14-CTr/TU: its lead agencies' half-year words
        cao_bang = users.authenticate(session, "officer", _password("officer"))
        _lead_agency_reports(session, cao_bang, plan_ids[0], today)
    from kehoach.services.demo_indicators import seed_indicators

    seed_indicators(session, plan_ids, today)  # targets as indicators, heritage registry
    from kehoach.services.demo_emulation import seed_emulation

    cao_bang = users.authenticate(session, "officer", _password("officer"))
    seed_emulation(session, plan_ids, today, cao_bang, settings)  # this year's ranking
    _reminders(session, settings, today)
    return DemoInfo(list(DEMO_ACCOUNTS), plan_ids)


def _reminders(session: Session, settings, today: date) -> None:
    """Today's reminders under the demo accounts' bells (recorded once, as the job would)."""
    from kehoach.services.reminder_log import record_reminders
    from kehoach.services.reminders import plan_reminders

    if settings is None:
        from kehoach.settings import get_settings

        settings = get_settings()
    record_reminders(session, plan_reminders(session, today, settings), settings)


def _password(username: str) -> str:
    return next(a.password for a in DEMO_ACCOUNTS if a.username == username)


def _reports(session: Session, officer, reporter, today: date) -> None:
    """A reporter's progress on some of its agency's tasks, and one deadline extension."""
    from kehoach.services import reports, tasks

    if reporter.agency_id is None:
        return
    mine = tasks.list_tasks(
        session, user=officer, agency_id=reporter.agency_id, role="lead", on=today, per_page=12
    ).items
    plan = [
        ("hoan_thanh", 100, "Đã hoàn thành, có báo cáo kết quả gửi kèm."),
        ("dang_trien_khai", 60, "Đang triển khai theo kế hoạch."),
        ("dang_trien_khai", 30, "Đã xây dựng dự thảo, đang lấy ý kiến."),
        ("chua_trien_khai", 0, ""),
    ]
    when = _at(today - timedelta(days=3))
    for row, (status, percent, text) in zip(mine, plan, strict=False):
        if row.status.reported_this_period:
            continue
        reports.submit_report(
            session,
            task_id=row.id,
            user=reporter,
            status=status,
            percent=percent,
            done_text=text,
            now=when,
        )
    if len(mine) > 5 and not mine[5].status.reported_this_period:
        first = reports.submit_report(
            session,
            task_id=mine[5].id,
            user=reporter,
            status="dang_trien_khai",
            percent=20,
            done_text="Báo cáo lần đầu.",
            now=when,
        )
        reports.submit_report(
            session,
            task_id=first.task_id,
            user=reporter,
            status="dang_trien_khai",
            percent=45,
            done_text="Báo cáo bổ sung: đã tổ chức hội nghị triển khai.",
            now=when + timedelta(hours=2),
        )
    helping = tasks.list_tasks(
        session,
        user=officer,
        agency_id=reporter.agency_id,
        role="coordinating",
        on=today,
        per_page=1,
    ).items
    if helping and not any(
        r.agency_id == reporter.agency_id
        for r in reports.report_history(session, helping[0].id, officer)
    ):
        reports.submit_report(
            session,
            task_id=helping[0].id,
            user=reporter,
            status="dang_trien_khai",
            percent=50,
            done_text="Phối hợp cung cấp tư liệu, cử cán bộ tham gia.",
            now=when,
        )
    windowed = [(r.id, r.original_deadline) for r in mine if r.original_deadline]
    if windowed and not any(r.status.extended for r in mine):
        tasks.extend_deadline(
            session,
            windowed[0][0],
            windowed[0][1] + timedelta(days=180),
            "Chờ bố trí kinh phí.",
            officer,
        )


# What lead agencies write in their half-year reports (status, percent, result, difficulty,
# proposal); the demo's first plan gets two reports in three, so the period report has both
# agencies' own words and agencies that have not reported.
DEMO_WORDS = (
    (
        "hoan_thanh",
        100,
        "Đã ban hành kế hoạch triển khai và tổ chức thực hiện xong nội dung nhiệm vụ; "
        "kết quả đã tổng hợp báo cáo.",
        "",
        "",
    ),
    (
        "dang_trien_khai",
        70,
        "Đã xây dựng dự thảo, lấy ý kiến các sở, ngành và địa phương; dự kiến trình "
        "trong quý III/2026.",
        "Kinh phí thực hiện chưa được bố trí đầy đủ.",
        "Đề nghị Sở Tài chính tham mưu bố trí kinh phí thực hiện năm 2026.",
    ),
    (
        "dang_trien_khai",
        40,
        "Đã tổ chức hội nghị quán triệt, phổ biến đến cán bộ, đảng viên; đang triển khai "
        "tại cơ sở.",
        "",
        "",
    ),
    (
        "dang_trien_khai",
        25,
        "Đang khảo sát, đánh giá thực trạng làm cơ sở xây dựng đề án.",
        "Thiếu nhân lực có chuyên môn về số hóa ở cơ sở.",
        "Đề nghị bổ sung biên chế và tập huấn chuyên môn cho cán bộ văn hóa cấp xã.",
    ),
    (
        "chua_trien_khai",
        0,
        "Chưa triển khai do chờ văn bản hướng dẫn của Trung ương.",
        "",
        "Đề nghị Bộ Văn hóa, Thể thao và Du lịch sớm ban hành hướng dẫn thực hiện.",
    ),
)


def _lead_agency_reports(session: Session, officer, plan_id: int, today: date) -> None:
    """Reports from the lead agencies of a plan (entered by the officer on their behalf)."""
    from kehoach.services import reports, tasks

    rows = tasks.list_tasks(session, user=officer, plan_id=plan_id, on=today, per_page=200).items
    when = _at(today - timedelta(days=5))
    for i, row in enumerate(rows):
        if i % 3 == 2 or not row.lead or row.status.reported_this_period:
            continue
        status, percent, text, difficulty, proposal = DEMO_WORDS[i % len(DEMO_WORDS)]
        reports.submit_report(
            session,
            task_id=row.id,
            user=officer,
            status=status,
            percent=percent,
            done_text=text,
            difficulties=difficulty,
            proposals=proposal,
            now=when + timedelta(minutes=i),
        )


AGENCY_NAMES = [
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Nội vụ",
    "Sở Tài chính",
    "Sở Giáo dục và Đào tạo",
    "Sở Khoa học và Công nghệ",
    "Sở Xây dựng",
    "Sở Y tế",
    "Sở Tư pháp",
    "Sở Công Thương",
    "Sở Nông nghiệp và Môi trường",
    "Sở Dân tộc và Tôn giáo",
    "Công an tỉnh",
    "Bộ Chỉ huy Quân sự tỉnh",
    "Báo và Phát thanh, Truyền hình tỉnh",
    "Ban Tuyên giáo và Dân vận Tỉnh ủy",
    "Đảng ủy Ủy ban nhân dân tỉnh",
    "Tỉnh đoàn",
    "Hội Liên hiệp Phụ nữ tỉnh",
    "Liên đoàn Lao động tỉnh",
    "Ủy ban Mặt trận Tổ quốc tỉnh",
]
VERBS = [
    "Triển khai",
    "Tổ chức",
    "Xây dựng",
    "Số hóa",
    "Bảo tồn",
    "Tuyên truyền",
    "Đầu tư",
    "Hoàn thiện",
    "Phát huy",
    "Kiểm tra",
]
OBJECTS = [
    "di tích lịch sử văn hóa",
    "di sản văn hóa phi vật thể",
    "nhà văn hóa thôn, bản",
    "lễ hội truyền thống",
    "thư viện số",
    "hồ sơ di sản",
    "đội văn nghệ quần chúng",
    "bảo tàng tỉnh",
    "làng văn hóa du lịch",
    "chương trình nghệ thuật",
]


def _province_tasks(rng: random.Random, n: int, plans: int, first_year: int, years: int):
    for i in range(n):
        kind = rng.choices(
            ["window", "recurring", "continuous", "from", "on_request"], [50, 30, 10, 5, 5]
        )[0]
        start = end = None
        if kind == "window":
            y0 = first_year + rng.randrange(years)
            start, end = (
                date(y0, 1, 1),
                date(min(y0 + rng.randrange(5), first_year + years), 12, 31),
            )
        elif kind == "from":
            start = date(first_year + rng.randrange(years), 1, 1)
        text = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} giai đoạn {i % 97 + 1}"
        yield i % plans, kind, start, end, text


def build_province(
    session: Session,
    plans: int = 30,
    tasks: int = 2000,
    agencies: int = 60,
    years: int = 5,
    seed: int = 1,
    today: date | None = None,
) -> ProvinceInfo:
    """A synthetic province: plans, tasks, agencies and `years` of half-year reports."""
    from kehoach.services.importing import match_key, search_text
    from kehoach.services.jurisdictions import national_id
    from kehoach.services.periods import plan_periods
    from kehoach.store import tables as t
    from kehoach.text.normalize import fold

    started = time.perf_counter()
    rng = random.Random(seed)
    today = today or date.today()
    first_year = today.year - years  # `years` full years of history, then this year
    names = AGENCY_NAMES[:agencies] + [
        f"Ủy ban nhân dân xã {i + 1}" for i in range(max(0, agencies - len(AGENCY_NAMES)))
    ]
    keys = [fold(n) for n in names]
    home = national_id(session)  # a synthetic province is no real one: national
    mine = (t.Agency.jurisdiction_id == home) & t.Agency.fold_key.in_(keys)
    existing = set(session.scalars(select(t.Agency.fold_key).where(mine)))
    new = [
        {"name": n, "fold_key": k, "jurisdiction_id": home, "kind": "agency"}
        for n, k in zip(names, keys, strict=True)
        if k not in existing
    ]
    if new:
        session.execute(insert(t.Agency), new)
    agency_ids = list(session.scalars(select(t.Agency.id).where(mine)))
    root = session.scalars(
        insert(t.Document).returning(t.Document.id),
        [
            {
                "kind": "nghi_quyet",
                "number": None,
                "title": "Nghị quyết (mô phỏng)",
                "placeholder": True,
            }
        ],
    ).one()
    doc_ids = list(
        session.scalars(
            insert(t.Document).returning(t.Document.id, sort_by_parameter_order=True),
            [
                {
                    "kind": "ke_hoach",
                    "title": f"Kế hoạch mô phỏng số {i + 1}",
                    "province": "Mô phỏng",
                    "date": f"{first_year}-01-15",
                    "draft": False,
                    "placeholder": False,
                }
                for i in range(plans)
            ],
        )
    )
    session.execute(
        insert(t.DocumentLink),
        [
            {"document_id": d, "target_id": root, "relation": "implements", "position": 0}
            for d in doc_ids
        ],
    )
    tag = f"{seed}-{rng.random():.6f}"
    plan_ids = list(
        session.scalars(
            insert(t.Plan).returning(t.Plan.id, sort_by_parameter_order=True),
            [
                {
                    "document_id": d,
                    "source_name": f"province-{i + 1}.txt",
                    "jurisdiction_id": home,
                    "format": "txt",
                    "sha256": f"province-{tag}-{i}",
                    "record_json": "{}",
                    "public": i % 5 == 0,
                    "tracked_from": date(first_year, 1, 1),
                }
                for i, d in enumerate(doc_ids)
            ],
        )
    )
    duties = (("half_year", "06-20"),)  # H1 due 20/6, H2 due 20/12: half-year reports
    session.execute(
        insert(t.ReportingDuty),
        [
            {"plan_id": p, "every": e, "due": d, "position": i}
            for p in plan_ids
            for i, (e, d) in enumerate(duties)
        ],
    )
    specs = list(_province_tasks(rng, tasks, plans, first_year, years))
    created = _at(date(first_year, 1, 15))
    task_ids = list(
        session.scalars(
            insert(t.Task).returning(t.Task.id, sort_by_parameter_order=True),
            [
                {
                    "plan_id": plan_ids[p],
                    "key": f"{i + 1}",
                    "group_code": ["I", "II", "III"][i % 3],
                    "group_title": "Nhóm nhiệm vụ",
                    "text": text,
                    "search_text": search_text(str(i + 1), text, []),
                    "match_key": match_key(text),
                    "tf_raw": None,
                    "tf_kind": kind,
                    "tf_start": start,
                    "tf_end": end,
                    "tf_every": "year" if kind == "recurring" else None,
                    "position": i,
                    "active": True,
                    "created_at": created,
                    "updated_at": created,
                }
                for i, (p, kind, start, end, text) in enumerate(specs)
            ],
        )
    )
    links = []
    roles: dict[int, tuple[int, list[int]]] = {}
    for tid in task_ids:
        lead = rng.choice(agency_ids)
        coords = rng.sample([a for a in agency_ids if a != lead], rng.randrange(3))
        roles[tid] = (lead, coords)
        links.append({"task_id": tid, "agency_id": lead, "role": "lead", "position": 0})
        links += [
            {"task_id": tid, "agency_id": a, "role": "coordinating", "position": j}
            for j, a in enumerate(coords)
        ]
    session.execute(insert(t.TaskAgency), links)
    periods = [p for p in plan_periods(duties, first_year, today.year) if p.due < today]
    rows = []
    for tid, (_, kind, start, end, _text) in zip(task_ids, specs, strict=True):
        lead, coords = roles[tid]
        percent = 0
        for p in periods:
            if kind == "on_request" or (start and start > p.end):
                continue
            if rng.random() > 0.97:
                continue
            percent = min(100, percent + rng.randrange(5, 25))
            done = kind == "window" and (
                percent >= 100 or (end and end <= p.end and rng.random() < 0.4)
            )
            status = "hoan_thanh" if done else "dang_trien_khai"
            late = rng.random() < 0.1
            at = _at(
                p.due + timedelta(days=rng.randrange(1, 40))
                if late
                else p.due - timedelta(days=rng.randrange(0, 30))
            )
            base = {
                "task_id": tid,
                "period": p.code,
                "status": status,
                "percent": 100 if done else percent,
                "done_text": "Đã triển khai.",
                "difficulties": "",
                "proposals": "",
                "reason": "",
                "submitted_at": at,
                "submitted_by": None,
                "version": 1,
                "supersedes_id": None,
            }
            rows.append({**base, "agency_id": lead, "role": "lead"})
            rows += [
                {**base, "agency_id": a, "role": "coordinating", "status": "dang_trien_khai"}
                for a in coords
                if rng.random() < 0.5
            ]
            if done:
                break
    session.execute(insert(t.ProgressReport), rows)
    from kehoach.services import audit

    audit.record(session, None, "build_province", "plan", None, f"{len(task_ids)} tasks")
    session.flush()
    return ProvinceInfo(
        len(plan_ids), len(task_ids), len(agency_ids), len(rows), time.perf_counter() - started
    )
