"""A synthetic country for `kehoach bench seed`: the real provinces and communes (loaded by
migration 0003), each province with plans shaped like the shipped samples, ten years of
half-year progress reports, commune indicators per half-year, heritage sites and accounts.

Reproducible: the same scale and seed give the same rows (ids included, on an empty
database). Bulk loaded: `COPY` on PostgreSQL, `executemany` of plain tuples on SQLite, in
chunks, so that the national size (≈ 2.6 million indicator values, ≈ 0.6 million reports)
loads in minutes.
"""

from __future__ import annotations

import hashlib
import random
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from kehoach.errors import KehoachError
from kehoach.services.periods import plan_periods
from kehoach.store import tables as t
from kehoach.text.normalize import fold

TODAY = date(2026, 12, 2)  # fixed, so that the same seed gives the same database
CHUNK = 20_000
# one argon2 hash shared by every synthetic account (hashing 3,400 passwords takes minutes);
# the password is `bench-password`
BENCH_PASSWORD = "bench-password"


@dataclass(frozen=True)
class Scale:
    """How big the synthetic country is."""

    name: str
    provinces: int  # the first N provinces by code
    plans: int  # per province
    tasks: int  # per plan
    targets: int  # per plan
    years: int  # of half-year reports and indicator values
    indicators: int  # per province (commune level, half-yearly)
    sites: int  # heritage sites, whole country
    accounts: int  # per province


SCALES = {
    "tiny": Scale("tiny", 2, 2, 12, 4, 3, 2, 40, 5),
    "province": Scale("province", 1, 4, 200, 30, 10, 40, 10_000 // 34, 100),
    "national": Scale("national", 34, 4, 200, 30, 10, 40, 10_000, 100),
}


def scale_for(name: str, provinces: int | None = None) -> Scale:
    """The named scale, with the national shape cut to `provinces` when given."""
    if name not in SCALES:
        raise KehoachError("unknown scale {scale}; use tiny, province or national", scale=name)
    base = SCALES[name]
    if provinces is None:
        return base
    if not 1 <= provinces <= 34:
        raise KehoachError("the number of provinces must be 1 to 34, not {count}", count=provinces)
    sites = base.sites * provinces // base.provinces if name != "tiny" else base.sites
    return Scale(f"{name}-{provinces}", provinces, base.plans, base.tasks, base.targets,
                 base.years, base.indicators, sites, base.accounts)  # fmt: skip


@dataclass(frozen=True)
class CountryInfo:
    """What was loaded."""

    scale: str
    provinces: int
    communes: int
    agencies: int
    plans: int
    tasks: int
    targets: int
    reports: int
    indicators: int
    values: int
    sites: int
    accounts: int
    seconds: float


Progress = Callable[[str, int], None]  # (step, rows just written)


def _none(_step: str, _rows: int) -> None:
    return None


# ---------------------------------------------------------------- the shapes of real plans


@dataclass(frozen=True)
class _TaskShape:
    group: str | None
    group_title: str | None
    text: str
    kind: str


@lru_cache(maxsize=1)
def _sample_shapes() -> tuple[tuple[_TaskShape, ...], tuple[tuple[str, float, str | None], ...]]:
    """Tasks (group, text, timeframe kind) and targets (text, value, unit) of the shipped
    samples, read by our own extractor: what the synthetic plans are cut from."""
    from kehoach.extract import extract_document
    from kehoach.intake import read_bytes

    root = resources.files("kehoach.data").joinpath("samples")
    tasks: list[_TaskShape] = []
    targets: list[tuple[str, float, str | None]] = []
    for name in sorted(p.name for p in root.iterdir() if p.name.endswith(".txt")):
        record = extract_document(read_bytes(root.joinpath(name).read_bytes(), name))
        for task in record.tasks:
            tasks.append(_TaskShape(task.group, task.group_title, task.text, task.timeframe.kind))
        for target in record.targets:
            metric = target.metrics[0] if target.metrics else None
            value = float(metric.value) if metric else 100.0
            targets.append((target.text, value, metric.unit if metric else "%"))
    return tuple(tasks), tuple(targets)


def _agency_names() -> list[str]:
    """A province's register: the canonical names of the shipped agency list that belong
    to a province (not the ministries, not the `các xã, phường` groups)."""
    data = resources.files("kehoach.data").joinpath("agencies.tsv").read_text("utf-8")
    out = []
    for line in data.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name = line.split("\t")[0].strip()
        national = name.startswith(
            ("Bộ ", "Ban Bí thư", "Thủ tướng", "Chính phủ", "Ban Chấp hành Trung")
        )
        if not national and "các xã" not in name:
            out.append(name)
    return out


# ---------------------------------------------------------------------------- the loader


def _sqlite_value(value):
    """A value as SQLAlchemy stores it in SQLite (the raw driver bypasses its types)."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


class _Loader:
    """Bulk writes of plain tuples into one table, inside the session's transaction."""

    def __init__(self, session: Session, progress: Progress):
        self.session = session
        self.progress = progress
        self.pg = session.get_bind().dialect.name == "postgresql"

    def next_id(self, table: Any) -> int:
        return int(self.session.scalar(select(func.coalesce(func.max(table.c.id), 0))) or 0) + 1

    def load(self, step: str, table: Any, columns: tuple[str, ...], rows: Iterable[tuple]) -> int:
        raw: Any = self.session.connection().connection.driver_connection
        names = ", ".join(columns)
        count = 0
        for chunk in _chunks(rows, CHUNK):
            if self.pg:
                with raw.cursor() as cur, cur.copy(f"COPY {table.name} ({names}) FROM STDIN") as cp:
                    for row in chunk:
                        cp.write_row(row)
            else:
                marks = ", ".join("?" for _ in columns)
                raw.executemany(
                    f"INSERT INTO {table.name} ({names}) VALUES ({marks})",
                    [tuple(_sqlite_value(v) for v in row) for row in chunk],
                )
            count += len(chunk)
            self.progress(step, len(chunk))
        return count

    def fix_sequences(self, tables: Iterable[Any]) -> None:
        """PostgreSQL's id sequences past the ids written by hand."""
        if not self.pg:
            return
        for table in tables:
            self.session.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {table.name}), false)"
                )
            )


def _chunks(rows: Iterable[tuple], size: int) -> Iterator[list[tuple]]:
    chunk: list[tuple] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# ------------------------------------------------------------------------ the generator


def _at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def expected_rows(scale: Scale, communes: int) -> dict[str, int]:
    """Rough row counts of each step (for a progress bar's totals)."""
    tasks = scale.provinces * scale.plans * scale.tasks
    return {
        "plans": scale.provinces * scale.plans * (1 + scale.targets * 2),
        "tasks": tasks * 3,
        "reports": int(tasks * scale.years * 2 * 1.3),
        "values": communes * scale.indicators * scale.years * 2,
        "sites": scale.sites,
        "accounts": scale.provinces * scale.accounts,
    }


def provinces_of(session: Session, scale: Scale) -> list[tuple[int, str, str, list[int]]]:
    """(id, code, name, commune ids) of the provinces the scale covers, by code."""
    rows = session.execute(
        select(t.Jurisdiction.id, t.Jurisdiction.code, t.Jurisdiction.name)
        .where(t.Jurisdiction.level == "province", t.Jurisdiction.active)
        .order_by(t.Jurisdiction.code)
        .limit(scale.provinces)
    ).all()
    communes: dict[int, list[int]] = {r.id: [] for r in rows}
    for cid, parent in session.execute(
        select(t.Jurisdiction.id, t.Jurisdiction.parent_id)
        .where(t.Jurisdiction.parent_id.in_(list(communes)), t.Jurisdiction.active)
        .order_by(t.Jurisdiction.code)
    ):
        communes[parent].append(cid)
    return [(r.id, r.code, r.name, communes[r.id]) for r in rows]


def check_empty(session: Session) -> None:
    """Refuse a database that already holds plans: the synthetic country needs its own."""
    if session.scalar(select(func.count()).select_from(t.Plan)):
        raise KehoachError("the database already holds plans; seed an empty database")


def seed_country(
    session: Session, scale: Scale, seed: int = 1, progress: Progress = _none
) -> CountryInfo:
    """Load the synthetic country of `scale` into an empty database (no plans yet)."""
    from kehoach.services import audit
    from kehoach.services.importing import match_key, search_text
    from kehoach.services.users import hash_password

    started = time.perf_counter()
    check_empty(session)
    rng = random.Random(seed)
    load = _Loader(session, progress)
    provinces = provinces_of(session, scale)
    task_shapes, target_shapes = _sample_shapes()
    names = _agency_names()
    first_year = TODAY.year - scale.years + 1
    stamp = _at(date(first_year, 1, 15))

    # agencies: each province's register
    agency_id = load.next_id(t.Agency.__table__)
    agencies: dict[int, list[int]] = {}
    rows: list[tuple] = []
    for pid, _code, _name, _communes in provinces:
        agencies[pid] = list(range(agency_id, agency_id + len(names)))
        rows += [(agency_id + i, pid, n, fold(n), "agency", stamp) for i, n in enumerate(names)]
        agency_id += len(names)
    load.load("plans", t.Agency.__table__,
              ("id", "jurisdiction_id", "name", "fold_key", "kind", "created_at"), rows)  # fmt: skip

    # documents and plans: the resolution they carry out, then each province's plans
    doc_id = load.next_id(t.Document.__table__)
    root = doc_id
    docs: list[tuple] = [(root, "nghi_quyet", "80-NQ/TW", None, "Bộ Chính trị", None, "2026-01-07", False,
             "Nghị quyết về phát triển văn hóa Việt Nam", None, True)]  # fmt: skip
    plan_id = load.next_id(t.Plan.__table__)
    plans: list[tuple] = []
    links: list[tuple] = []
    duties: list[tuple] = []
    link_id = load.next_id(t.DocumentLink.__table__)
    duty_id = load.next_id(t.ReportingDuty.__table__)
    plan_rows: list[tuple[int, int]] = []  # (plan id, province id)
    kinds = ("ke_hoach", "chuong_trinh", "ke_hoach", "ke_hoach")
    for pid, code, pname, _communes in provinces:
        for k in range(scale.plans):
            doc_id += 1
            number = f"{10 + k}/{'CTr-TU' if kinds[k % 4] == 'chuong_trinh' else 'KH-UBND'}"
            docs.append((doc_id, kinds[k % 4], number, f"bench:{code}:{k}", f"Ủy ban nhân dân {pname}",
                         pname, f"{first_year}-03-{10 + k:02d}", False,
                         f"Kế hoạch thực hiện Nghị quyết số 80-NQ/TW ({k + 1})", "Chủ tịch", False))  # fmt: skip
            links.append((link_id, doc_id, root, "implements", 0))
            link_id += 1
            plans.append((plan_id, doc_id, pid, f"{code}-{k + 1}.txt", hashlib.sha256(
                f"{seed}:{code}:{k}".encode()).hexdigest(), "txt", k == 0, "{}",
                date(first_year, 1, 1), stamp))  # fmt: skip
            duties.append((duty_id, plan_id, "half_year", "06-20", 0))
            duty_id += 1
            plan_rows.append((plan_id, pid))
            plan_id += 1
    load.load("plans", t.Document.__table__, ("id", "kind", "number", "number_key", "issuer",
              "province", "date", "draft", "title", "signer", "placeholder"), docs)  # fmt: skip
    load.load("plans", t.DocumentLink.__table__,
              ("id", "document_id", "target_id", "relation", "position"), links)  # fmt: skip
    load.load("plans", t.Plan.__table__, ("id", "document_id", "jurisdiction_id", "source_name",
              "sha256", "format", "public", "record_json", "tracked_from", "imported_at"), plans)  # fmt: skip
    load.load("plans", t.ReportingDuty.__table__, ("id", "plan_id", "every", "due", "position"),
              duties)  # fmt: skip

    # targets and their metrics; the first `indicators / plans` of each plan get an indicator
    target_id, metric_id = load.next_id(t.Target.__table__), load.next_id(t.Metric.__table__)
    targets: list[tuple] = []
    metrics: list[tuple] = []
    measured: dict[
        int, list[tuple[int, int, int, str]]
    ] = {}  # province -> (plan, target, metric, text)
    per_plan = max(1, scale.indicators // scale.plans)
    for n, (plid, pid) in enumerate(plan_rows):
        for i in range(scale.targets):
            text_, value, unit = target_shapes[(n * 7 + i) % len(target_shapes)]
            targets.append((target_id, plid, f"t{i + 1}", text_, 2030, None, i))
            metrics.append((metric_id, target_id, value, unit, None, 2030, 0))
            if i < per_plan and len(measured.get(pid, [])) < scale.indicators:
                measured.setdefault(pid, []).append((plid, target_id, metric_id, text_))
            target_id += 1
            metric_id += 1
    load.load("plans", t.Target.__table__,
              ("id", "plan_id", "key", "text", "horizon", "section", "position"), targets)  # fmt: skip
    load.load("plans", t.Metric.__table__,
              ("id", "target_id", "value", "unit", "subject", "by_year", "position"), metrics)  # fmt: skip

    # tasks and their agencies
    task_id, link_id = load.next_id(t.Task.__table__), load.next_id(t.TaskAgency.__table__)
    tasks: list[tuple] = []
    task_links: list[tuple] = []
    specs: list[tuple[int, str, date | None, date | None, int, list[int]]] = []
    last_year = TODAY.year
    for n, (plid, pid) in enumerate(plan_rows):
        offset = rng.randrange(len(task_shapes))
        mine = agencies[pid]
        for i in range(scale.tasks):
            shape = task_shapes[(offset + i) % len(task_shapes)]
            kind = shape.kind if shape.kind in ("window", "recurring", "continuous", "from",
                                                "on_request") else "continuous"  # fmt: skip
            start = end = None
            if kind == "window":
                y0 = first_year + rng.randrange(scale.years)
                start, end = date(y0, 1, 1), date(min(y0 + rng.randrange(5), last_year), 12, 31)
            elif kind == "from":
                start = date(first_year + rng.randrange(scale.years), 1, 1)
            words = (
                shape.text
                if i < len(task_shapes)
                else f"{shape.text} ({i // len(task_shapes) + 1})"
            )
            lead = rng.choice(mine)
            coords = rng.sample([a for a in mine if a != lead], rng.randrange(3))
            tasks.append((task_id, plid, f"{i + 1}", shape.group, shape.group_title, words,
                          search_text(str(i + 1), words, []), match_key(f"{n}:{i}:{words}"),
                          None, kind, start, end, "year" if kind == "recurring" else None,
                          i, True, stamp, stamp))  # fmt: skip
            task_links.append((link_id, task_id, lead, "lead", 0))
            link_id += 1
            for j, a in enumerate(coords):
                task_links.append((link_id, task_id, a, "coordinating", j))
                link_id += 1
            specs.append((task_id, kind, start, end, lead, coords))
            task_id += 1
    load.load("tasks", t.Task.__table__, ("id", "plan_id", "key", "group_code", "group_title",
              "text", "search_text", "match_key", "tf_raw", "tf_kind", "tf_start", "tf_end",
              "tf_every", "position", "active", "created_at", "updated_at"), tasks)  # fmt: skip
    load.load("tasks", t.TaskAgency.__table__,
              ("id", "task_id", "agency_id", "role", "position"), task_links)  # fmt: skip
    task_count = len(tasks)
    del tasks, task_links

    # ten years of half-year reports (as `demo.build_province` writes them)
    periods = [p for p in plan_periods((("half_year", "06-20"),), first_year, last_year)
               if p.due < TODAY]  # fmt: skip
    report_start = load.next_id(t.ProgressReport.__table__)

    def reports() -> Iterator[tuple]:
        rid = report_start
        for tid, kind, start, end, lead, coords in specs:
            percent = 0
            for p in periods:
                if kind == "on_request" or (start and start > p.end):
                    continue
                if rng.random() > 0.97:
                    continue
                percent = min(100, percent + rng.randrange(5, 25))
                done = kind == "window" and (
                    percent >= 100 or (end is not None and end <= p.end and rng.random() < 0.4)
                )
                late = rng.random() < 0.1
                day = (p.due + timedelta(days=rng.randrange(1, 40)) if late
                       else p.due - timedelta(days=rng.randrange(0, 30)))  # fmt: skip
                at = _at(day, 8 + rng.randrange(9))
                status = "hoan_thanh" if done else "dang_trien_khai"
                yield (rid, tid, lead, "lead", p.code, status, 100 if done else percent,
                       "Đã triển khai.", "", "", "", at, None, 1, None)  # fmt: skip
                rid += 1
                for a in coords:
                    if rng.random() < 0.5:
                        yield (rid, tid, a, "coordinating", p.code, "dang_trien_khai", percent,
                               "Đã phối hợp.", "", "", "", at, None, 1, None)  # fmt: skip
                        rid += 1
                if done:
                    break

    report_count = load.load("reports", t.ProgressReport.__table__, ("id", "task_id",
        "agency_id", "role", "period", "status", "percent", "done_text", "difficulties",
        "proposals", "reason", "submitted_at", "submitted_by", "version", "supersedes_id"),
        reports())  # fmt: skip

    # indicators: commune level, half-yearly, one code per target across provinces
    ind_id = load.next_id(t.Indicator.__table__)
    indicators: list[tuple] = []
    series: list[tuple[int, list[int]]] = []
    for pid, _code, _name, communes in provinces:
        lead = agencies[pid][names.index("Sở Văn hóa, Thể thao và Du lịch")]
        for k, (plid, tid, mid, words) in enumerate(measured.get(pid, [])):
            indicators.append((ind_id, plid, tid, mid, pid, lead, f"CT{k + 1:02d}", words[:300],
                               "ratio", "%", "up", "commune", "half", "sum", 90.0,
                               date(2030, 12, 31), None, None, "entered", True, stamp, None))  # fmt: skip
            series.append((ind_id, communes))
            ind_id += 1
    load.load("values", t.Indicator.__table__, ("id", "plan_id", "target_id", "metric_id",
              "jurisdiction_id", "agency_id", "code", "name", "kind", "unit", "direction",
              "level", "frequency", "aggregate", "target_value", "deadline", "baseline_value",
              "baseline_period", "source", "public", "created_at", "created_by"), indicators)  # fmt: skip
    halves = [f"{y}-H{h}" for y in range(first_year, last_year + 1) for h in (1, 2)]
    value_start = load.next_id(t.IndicatorValue.__table__)

    def values() -> Iterator[tuple]:
        vid = value_start
        for iid, communes in series:
            for unit in communes:
                size = rng.randint(8, 30)
                share = rng.uniform(0.4, 0.8)
                for p in halves:
                    share = min(1.0, share + rng.uniform(0, 0.02))
                    last = p == halves[-1]
                    state = "submitted" if last and rng.random() < 0.15 else "approved"
                    at = _at(date(int(p[:4]), 6 if p.endswith("1") else 12, 25))
                    yield (vid, iid, unit, p, 1, None, float(round(size * share)), float(size),
                           "", state, False, at, None, at, at if state == "approved" else None,
                           None)  # fmt: skip
                    vid += 1

    value_count = load.load("values", t.IndicatorValue.__table__, ("id", "indicator_id",
        "jurisdiction_id", "period", "revision", "value", "numerator", "denominator", "note",
        "state", "superseded", "entered_at", "entered_by", "submitted_at", "approved_at",
        "approved_by"), values())  # fmt: skip

    # heritage sites, spread over the provinces
    site_id = load.next_id(t.HeritageSite.__table__)
    sites: list[tuple] = []
    site_words = ["Đình", "Đền", "Chùa", "Hang", "Miếu", "Di chỉ", "Nhà lưu niệm", "Thành cổ"]
    ranks = ["kiem_ke", "cap_tinh", "quoc_gia", "quoc_gia_dac_biet"]
    for i in range(scale.sites):
        pid, _code, pname, communes = provinces[i % len(provinces)]
        rank = rng.choices(ranks, [40, 45, 14, 1])[0]
        state = rng.choices(["none", "records", "photos", "scan3d", "published"], [3, 3, 2, 1, 3])[
            0
        ]
        sites.append((site_id, pid, rng.choice(communes) if communes else None,
                      f"{site_words[i % len(site_words)]} {pname} {i + 1}", "lich_su", rank,
                      None if rank == "kiem_ke" else f"{100 + i}/QĐ-UBND",
                      None if rank == "kiem_ke" else date(1995 + i % 30, 1 + i % 12, 1 + i % 28),
                      round(rng.uniform(8.6, 23.3), 4), round(rng.uniform(102.2, 109.4), 4),
                      "Tốt", state, None if state == "none" else date(2024, 1 + i % 12, 1 + i % 28),
                      True, stamp))  # fmt: skip
        site_id += 1
    load.load("sites", t.HeritageSite.__table__, ("id", "jurisdiction_id", "commune_id", "name",
              "types", "rank", "decision_number", "decision_date", "latitude", "longitude",
              "condition", "digitization", "digitized_on", "public", "updated_at"), sites)  # fmt: skip

    # accounts: per province two officers, three viewers, the rest reporters of its agencies
    user_id = load.next_id(t.User.__table__)
    secret = hash_password(BENCH_PASSWORD)
    accounts: list[tuple] = []
    for pid, code, _name, _communes in provinces:
        for i in range(scale.accounts):
            role = "officer" if i < 2 else "viewer" if i < 5 else "reporter"
            agency = agencies[pid][i % len(agencies[pid])] if role == "reporter" else None
            accounts.append((user_id, f"bench-{code}-{i + 1:03d}", secret, role, agency, pid,
                             True, stamp, None, None))  # fmt: skip
            user_id += 1
    load.load("accounts", t.User.__table__, ("id", "username", "password_hash", "role",
              "agency_id", "jurisdiction_id", "active", "created_at", "password_changed_at",
              "email"), accounts)  # fmt: skip

    load.fix_sequences(
        table.__table__
        for table in (
            t.Agency,
            t.Document,
            t.DocumentLink,
            t.Plan,
            t.ReportingDuty,
            t.Target,
            t.Metric,
            t.Task,
            t.TaskAgency,
            t.ProgressReport,
            t.Indicator,
            t.IndicatorValue,
            t.HeritageSite,
            t.User,
        )
    )
    audit.record(session, None, "bench_seed", "plan", None, f"{scale.name} seed {seed}")
    session.flush()
    return CountryInfo(
        scale.name, len(provinces), sum(len(c) for *_, c in provinces),
        sum(len(a) for a in agencies.values()), len(plan_rows), task_count, len(targets),
        report_count, len(indicators), value_count, len(sites), len(accounts),
        time.perf_counter() - started,
    )  # fmt: skip


def settle(session: Session) -> None:
    """What autovacuum would do a while after a bulk load: planner statistics and, on
    PostgreSQL, the visibility map (`VACUUM`), without which the roll-up's covering index
    cannot be read alone and the planner scans every value instead."""
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    session.commit()
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    else:
        session.execute(text("ANALYZE"))


def fingerprint(session: Session) -> dict[str, str | int]:
    """Row counts and a checksum of the generated content (the same seed must give the same)."""
    digest = hashlib.sha256()
    out: dict[str, str | int] = {}
    checks: dict[str, Any] = {
        "tasks": select(t.Task.id, t.Task.plan_id, t.Task.text, t.Task.tf_kind, t.Task.tf_end)
        .order_by(t.Task.id),
        "reports": select(t.ProgressReport.task_id, t.ProgressReport.agency_id,
                          t.ProgressReport.period, t.ProgressReport.status,
                          t.ProgressReport.percent).order_by(t.ProgressReport.id),
        "values": select(t.IndicatorValue.indicator_id, t.IndicatorValue.jurisdiction_id,
                         t.IndicatorValue.period, t.IndicatorValue.numerator,
                         t.IndicatorValue.state).order_by(t.IndicatorValue.id),
        "sites": select(t.HeritageSite.name, t.HeritageSite.rank, t.HeritageSite.latitude)
        .order_by(t.HeritageSite.id),
        "accounts": select(t.User.username, t.User.role, t.User.agency_id).order_by(t.User.id),
    }  # fmt: skip
    for name, stmt in checks.items():
        count = 0
        for row in session.execute(stmt):
            digest.update(repr(tuple(row)).encode())
            count += 1
        out[name] = count
    out["sha256"] = digest.hexdigest()
    return out
