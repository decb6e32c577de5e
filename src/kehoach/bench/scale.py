"""`kehoach bench scale`: the figures of issue #13 on a seeded database (`kehoach bench seed`),
each beside the same question answered by one hand-written SQL query (the floor).

Timed in process (status, roll-ups, import: median and p95 of repeated runs) and over HTTP
(pages and API lists: `wrk`, 50 connections, against `kehoach serve` with 2 workers).
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, date
from pathlib import Path

from kehoach.errors import KehoachError

TODAY = date(2026, 12, 2)  # the synthetic country's today (services.synthetic_country.TODAY)

# The floors: one hand-written query per question, what the database alone needs.
STATUS_FLOOR = (
    "SELECT t.id, (SELECT r.status FROM progress_reports r WHERE r.task_id = t.id "
    "AND r.role = 'lead' AND r.submitted_at < :until ORDER BY r.submitted_at DESC, r.id DESC "
    "LIMIT 1) FROM tasks t JOIN plans p ON p.id = t.plan_id "
    "WHERE p.jurisdiction_id = :j AND t.active = :t"
)
ROLLUP_FLOOR = (
    "SELECT period, SUM(numerator), SUM(denominator), COUNT(*) FROM indicator_values "
    "WHERE indicator_id = :i AND state = 'approved' AND superseded = :f "
    "GROUP BY period ORDER BY period"
)
NATIONAL_FLOOR = (
    "SELECT v.period, SUM(v.numerator), SUM(v.denominator), COUNT(*) FROM indicator_values v "
    "WHERE v.indicator_id IN (SELECT id FROM indicators WHERE code = :c) "
    "AND v.state = 'approved' AND v.superseded = :f GROUP BY v.period ORDER BY v.period"
)
DASHBOARD_FLOOR = (
    "SELECT t.plan_id, COUNT(*), COUNT(r.id) FROM tasks t LEFT JOIN progress_reports r "
    "ON r.task_id = t.id AND r.role = 'lead' AND r.period = :cur "
    "WHERE t.active = :t GROUP BY t.plan_id"
)
PLAN_FLOOR = (
    "SELECT t.id, t.key, t.text, a.name, (SELECT r.status FROM progress_reports r "
    "WHERE r.task_id = t.id AND r.role = 'lead' ORDER BY r.submitted_at DESC, r.id DESC LIMIT 1) "
    "FROM tasks t JOIN task_agencies ta ON ta.task_id = t.id AND ta.role = 'lead' "
    "JOIN agencies a ON a.id = ta.agency_id WHERE t.plan_id = :p AND t.active = :t "
    "ORDER BY t.position LIMIT 50"
)
PLANS_FLOOR = (
    "SELECT p.id, d.title, d.number, COUNT(t.id) FROM plans p JOIN documents d "
    "ON d.id = p.document_id LEFT JOIN tasks t ON t.plan_id = p.id AND t.active = :t "
    "GROUP BY p.id, d.title, d.number ORDER BY p.id"
)
TASKS_FLOOR = (
    "SELECT t.id, t.key, t.text, t.tf_end, a.name FROM tasks t JOIN task_agencies ta "
    "ON ta.task_id = t.id AND ta.role = 'lead' JOIN agencies a ON a.id = ta.agency_id "
    "WHERE t.active = :t ORDER BY t.plan_id, t.position LIMIT 50"
)


@dataclass
class Figure:
    """One measured figure, its floor and its target."""

    group: str
    name: str
    p50_ms: float
    p95_ms: float
    runs: int
    rps: float | None = None
    floor_p50_ms: float | None = None
    floor_p95_ms: float | None = None
    target: str = ""
    met: bool | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        """The figure's median over its floor's median."""
        if self.floor_p50_ms:
            return self.p50_ms / self.floor_p50_ms
        return None


@dataclass
class Report:
    database: str
    url: str
    machine: dict
    sizes: dict
    figures: list[Figure] = field(default_factory=list)

    def to_json(self) -> dict:
        out = asdict(self)
        for row, fig in zip(out["figures"], self.figures, strict=True):
            row["ratio"] = fig.ratio
        out["url"] = self.url.split("@")[-1]
        return out


def percentile(times: list[float], q: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(run: Callable[[], object], repeat: int, setup: Callable[[], object] | None = None):
    """Wall milliseconds of `repeat` runs after one warm-up: (p50, p95, runs)."""
    run()
    times = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), percentile(times, 0.95), len(times)


def machine(url: str) -> dict:
    """CPU, cores, Python and the database's version."""
    from kehoach.services.demo_indicators import raw_query
    from kehoach.store.db import session_scope

    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    with session_scope(url) as db:
        if url.startswith("sqlite"):
            version = "SQLite " + raw_query(db, "SELECT sqlite_version()", {})[0][0]
        else:
            version = raw_query(db, "SELECT version()", {})[0][0].split(" on ")[0]
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "database": version,
        "system": f"{platform.system()} {platform.release()}",
        # the machine may be shared: other people's work makes every figure slower
        "load_average": [round(x, 1) for x in os.getloadavg()],
    }


def sizes(url: str) -> dict:
    """Row counts of what the figures read."""
    from kehoach.services.demo_indicators import raw_query
    from kehoach.store.db import session_scope

    tables = ("plans", "tasks", "progress_reports", "indicators", "indicator_values",
              "heritage_sites", "users", "agencies")  # fmt: skip
    with session_scope(url) as db:
        out = {n: raw_query(db, f"SELECT COUNT(*) FROM {n}", {})[0][0] for n in tables}
        out["provinces"] = raw_query(db, "SELECT COUNT(DISTINCT jurisdiction_id) FROM plans", {})[
            0
        ][0]
    return out


def _first_province(db) -> tuple[int, int]:
    """(province id, first plan id) of the province with the lowest code among those seeded."""
    from kehoach.services.demo_indicators import raw_query

    row = raw_query(
        db,
        "SELECT p.jurisdiction_id, MIN(p.id) FROM plans p JOIN jurisdictions j "
        "ON j.id = p.jurisdiction_id GROUP BY p.jurisdiction_id, j.code ORDER BY j.code LIMIT 1",
        {},
    )
    if not row:
        raise KehoachError("the database holds no plans; run kehoach bench seed first")
    return int(row[0][0]), int(row[0][1])


def status_figures(url: str, repeat: int) -> list[Figure]:
    """Status of every task of one province on a date, as the years of reports grow."""
    from kehoach.services.demo_indicators import raw_query
    from kehoach.services.periods import local_midnight
    from kehoach.services.status import clear_status_cache, statuses
    from kehoach.store.db import open_database, session_scope

    sessions = open_database(url)
    with session_scope(sessions) as db:
        province, _plan = _first_province(db)
    out = []
    first = TODAY.year - 9
    for on in (date(first + 2, 12, 2), date(first + 5, 12, 2), TODAY):
        years = on.year - first + 1

        def run(on=on):
            with session_scope(sessions) as db:
                return statuses(db, on, jurisdiction_id=province)

        def floor(on=on):
            with session_scope(sessions) as db:
                until = local_midnight(date.fromordinal(on.toordinal() + 1))
                until = until.astimezone(UTC).replace(tzinfo=None)  # as both databases store it
                raw_query(db, STATUS_FLOOR, {"until": until, "j": province, "t": True})

        p50, p95, n = timed(run, repeat, setup=clear_status_cache)
        f50, f95, _ = timed(floor, repeat)
        count = len(run())
        fig = Figure("status", f"status of a province's {count} tasks, {years} years of reports",
                     p50, p95, n, floor_p50_ms=f50, floor_p95_ms=f95, target="< 50 ms, ≤ 3× floor")  # fmt: skip
        fig.met = p95 < 50 and (fig.ratio or 0) <= 3
        out.append(fig)
    return out


def rollup_figures(url: str, repeat: int) -> list[Figure]:
    """One indicator over a province's communes and the same indicator over the country's."""
    from kehoach.services.demo_indicators import raw_query
    from kehoach.services.indicator_figures import rollups
    from kehoach.services.indicators import get_indicator
    from kehoach.services.national_figures import rollup_by_code
    from kehoach.services.types import SYSTEM
    from kehoach.store.db import open_database, session_scope

    sessions = open_database(url)
    with session_scope(sessions) as db:
        province, _plan = _first_province(db)
        row = raw_query(
            db, "SELECT MIN(id) FROM indicators WHERE jurisdiction_id = :j AND code = 'CT01'",
            {"j": province},
        )  # fmt: skip
    indicator = row[0][0] if row else None
    if indicator is None:
        return []

    def province_run():
        with session_scope(sessions) as db:
            ind = get_indicator(db, indicator, SYSTEM)
            return rollups(db, [ind])[ind.id]

    def province_floor():
        with session_scope(sessions) as db:
            raw_query(db, ROLLUP_FLOOR, {"i": indicator, "f": False})

    def national_run():
        with session_scope(sessions) as db:
            return rollup_by_code(db, "CT01", SYSTEM)

    def national_floor():
        with session_scope(sessions) as db:
            raw_query(db, NATIONAL_FLOOR, {"c": "CT01", "f": False})

    p50, p95, n = timed(province_run, repeat)
    f50, f95, _ = timed(province_floor, repeat)
    periods = len(province_run())
    one = Figure("roll-up", f"one indicator × {periods} periods, a province's communes", p50, p95,
                 n, floor_p50_ms=f50, floor_p95_ms=f95, target="≤ 3× floor")  # fmt: skip
    one.met = (one.ratio or 0) <= 3
    p50, p95, n = timed(national_run, repeat)
    f50, f95, _ = timed(national_floor, repeat)
    found = national_run()
    units = max((f.units for f in found), default=0)
    every = Figure("roll-up", f"one indicator × {len(found)} periods, the country's {units:,} "
                   "communes", p50, p95, n, floor_p50_ms=f50, floor_p95_ms=f95,
                   target="< 100 ms, ≤ 3× floor")  # fmt: skip
    every.met = p95 < 100 and (every.ratio or 0) <= 3
    return [one, every]


def import_figure(url: str, repeat: int) -> Figure:
    """Import of one sample plan into the seeded database (each run rolled back)."""
    from importlib import resources

    from kehoach.services.importing import import_plan
    from kehoach.store.db import open_database

    sessions = open_database(url)
    root = resources.files("kehoach.data").joinpath("samples")
    name = "000_c6c358976faa1d91.txt"
    data = root.joinpath(name).read_bytes()

    def run():
        with sessions() as db:
            try:
                import_plan(db, data, name)
                db.flush()
            finally:
                db.rollback()

    p50, p95, n = timed(run, max(3, repeat // 5))
    return Figure("import", f"import of one plan ({name}, extraction included)", p50, p95, n,
                  note="each run rolled back")  # fmt: skip


def extract_figure(megabytes: float) -> Figure:
    """Extraction throughput of the shipped samples (one core, CPU time)."""
    from kehoach.bench.extract import bench_extract

    rows = bench_extract(megabytes)
    total = rows[-1]
    per_doc = total.seconds / total.documents * 1000
    return Figure("extract", f"extraction, {total.megabytes:.1f} MB of plans", per_doc, per_doc,
                  total.documents, rps=total.mb_per_s, note="rps: MB/s; ms: per document")  # fmt: skip


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    floor_sql: str
    floor_params: dict
    target: str


def pages(plan_id: int, period: str) -> list[Page]:
    return [
        Page("dashboard", "/dashboard", DASHBOARD_FLOOR, {"cur": period, "t": True},
             "p95 < 150 ms"),
        Page("plan page", f"/plans/{plan_id}", PLAN_FLOOR, {"p": plan_id, "t": True},
             "p95 < 150 ms"),
        Page("GET /api/plans", "/api/plans", PLANS_FLOOR, {"t": True}, "≥ 500 req/s"),
        Page("GET /api/tasks", "/api/tasks?per_page=50", TASKS_FLOOR, {"t": True},
             "≥ 500 req/s"),
        Page("GET /api/dashboard", "/api/dashboard", DASHBOARD_FLOOR, {"cur": period, "t": True},
             "≥ 500 req/s"),
    ]  # fmt: skip


def _national_officer(url: str) -> tuple[str, int]:
    """An API token of a national officer (sees every plan) and the busiest plan's id."""
    import secrets

    from kehoach.errors import NotFound
    from kehoach.services import users
    from kehoach.store.db import session_scope

    with session_scope(url) as db:
        try:
            officer = users.find_user(db, "bench-national")
        except NotFound:
            officer = users.create_user(db, "bench-national", secrets.token_urlsafe(16), "officer")
        token = users.create_token(db, officer.id, "bench")
        _province, plan = _first_province(db)
    return token, plan


def web_figures(
    url: str, *, seconds: float, connections: int, workers: int, repeat: int, progress=print
) -> list[Figure]:
    """Pages and API lists under `connections` concurrent connections (wrk), `workers` server
    processes; each beside its floor query (timed alone, in process)."""
    import shutil
    import subprocess

    from kehoach.bench import web
    from kehoach.services.demo_indicators import raw_query
    from kehoach.services.periods import current_period
    from kehoach.store.db import open_database, session_scope

    if shutil.which("wrk") is None:
        raise KehoachError("bench web needs wrk: apt-get install wrk")
    token, plan = _national_officer(url)
    period = current_period((("half_year", "06-20"),), date.today()).code
    sessions = open_database(url)
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "kehoach.lua"
        script.write_text(web.LUA)
        proc, base = web.start_server(url, Path(tmp), workers)
        try:
            for page in pages(plan, period):
                target = web.Target(page.name, page.path)
                first = web.warm(base, target, token, connections)
                p50, p95, rps, n, failed = web.drive(
                    base, target, token, seconds=seconds, max_requests=1_000_000,
                    connections=connections, threads=2, script=script,
                )  # fmt: skip

                def floor(page=page):
                    with session_scope(sessions) as db:
                        raw_query(db, page.floor_sql, page.floor_params)

                f50, f95, _ = timed(floor, repeat)
                fig = Figure("web", page.name, p50, p95, n, rps=rps, floor_p50_ms=f50,
                             floor_p95_ms=f95, target=page.target,
                             note=f"first {first:.0f} ms; {failed} failed")  # fmt: skip
                if "req/s" in page.target:
                    fig.met = rps >= 500 and failed == 0
                else:
                    fig.met = p95 < 150 and failed == 0
                progress(f"{page.name}: p95 {p95:.1f} ms, {rps:.0f} req/s")
                out.append(fig)
        finally:
            proc.terminate()
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
    return out


def run_all(
    url: str,
    *,
    repeat: int = 30,
    web: bool = True,
    seconds: float = 10.0,
    connections: int = 50,
    workers: int = 2,
    extract_mb: float = 2.0,
    progress=print,
) -> Report:
    """Every figure of the issue on the seeded database at `url`."""
    database = "sqlite" if url.startswith("sqlite") else "postgresql"
    report = Report(database, url, machine(url), sizes(url))
    if extract_mb > 0:
        progress("extraction …")
        report.figures.append(extract_figure(extract_mb))
    progress("import of one plan …")
    report.figures.append(import_figure(url, repeat))
    progress("status …")
    report.figures += status_figures(url, repeat)
    progress("roll-ups …")
    report.figures += rollup_figures(url, repeat)
    if web:
        progress("pages and API lists under load …")
        report.figures += web_figures(
            url, seconds=seconds, connections=connections, workers=workers, repeat=repeat,
            progress=progress,
        )  # fmt: skip
    report.machine["load_average_after"] = [round(x, 1) for x in os.getloadavg()]
    return report


def write_json(report: Report, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report.to_json(), ensure_ascii=False, indent=1, default=str))
