"""`kehoach bench web`: a province-sized database, a real server, real HTTP from another process.

For each database (SQLite file, PostgreSQL), build the province with
`services.demo.build_province`, start `kehoach serve` as a subprocess, then
drive each page and API list with `wrk` (a Lua script sets the API token and
reports p50/p95 and requests per second), bounded in time and in requests,
to 127.0.0.1 only.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from kehoach.errors import KehoachError

PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PG_BENCH_DB = "kehoach_bench_web"

LUA = r"""
local max_requests = tonumber(os.getenv("KEHOACH_BENCH_MAX") or "0")
local sent = 0
wrk.headers["Authorization"] = "Bearer " .. os.getenv("KEHOACH_BENCH_TOKEN")
request = function()
  sent = sent + 1
  return wrk.format(nil)
end
response = function(status, headers, body)
  if max_requests > 0 and sent >= max_requests then wrk.thread:stop() end
end
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT p50=%.3f p95=%.3f rps=%.2f n=%d non2xx=%d errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    summary.requests / seconds, summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""
RESULT_RE = re.compile(
    r"RESULT p50=([\d.]+) p95=([\d.]+) rps=([\d.]+) n=(\d+) non2xx=(\d+) errors=(\d+)"
)


@dataclass(frozen=True)
class Target:
    """One page or API list to measure, and whose token to send."""

    name: str
    path: str
    as_reporter: bool = False


@dataclass(frozen=True)
class Measure:
    database: str
    name: str
    p50_ms: float
    p95_ms: float
    rps: float
    requests: int
    failures: int
    first_ms: float  # the first request: the view computed, nothing cached


@dataclass(frozen=True)
class Province:
    """What was built and the accounts to drive it with."""

    url: str
    plans: int
    tasks: int
    agencies: int
    reports: int
    build_seconds: float
    status_seconds: float
    officer_token: str
    reporter_token: str
    plan_id: int
    agency_id: int


def targets(p: Province) -> list[Target]:
    """The pages and API lists of the issue's speed table."""
    plan = f"/plans/{p.plan_id}"
    return [
        Target("dashboard", "/dashboard"),
        Target("plan task table", plan),
        Target("plan task table, filtered", f"{plan}?q=van+hoa&agency={p.agency_id}&sort=deadline"),
        Target("my unit", "/my-unit", as_reporter=True),
        Target("GET /api/tasks", "/api/tasks?per_page=50"),
        Target("GET /api/tasks filtered", f"/api/tasks?plan_id={p.plan_id}&q=van+hoa&per_page=50"),
        Target("GET /api/plans", "/api/plans"),
        Target("GET /api/agencies", "/api/agencies"),
        Target("GET /api/dashboard", "/api/dashboard"),
    ]


def prepare_postgres(admin_url: str = PG_ADMIN_URL, name: str = PG_BENCH_DB) -> str:
    """A fresh database `name` on the server of `admin_url`; returns its URL."""
    import psycopg

    conninfo = admin_url.replace("postgresql+psycopg://", "postgresql://")
    try:
        with psycopg.connect(conninfo, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as exc:
        raise KehoachError(f"cannot prepare the PostgreSQL bench database: {exc}") from None
    return admin_url.rsplit("/", 1)[0] + f"/{name}"


def build(url: str, *, plans: int, tasks: int, agencies: int, years: int) -> Province:
    """Build the synthetic province at `url`, add an officer and a reporter, issue tokens."""
    from kehoach.services import agencies as agency_svc
    from kehoach.services import status, users
    from kehoach.services.demo import build_province
    from kehoach.store.db import open_database, session_scope

    sessions = open_database(url)
    with session_scope(sessions) as db:
        info = build_province(db, plans=plans, tasks=tasks, agencies=agencies, years=years)
    with session_scope(sessions) as db:
        busiest = max(agency_svc.list_agencies(db), key=lambda a: a.lead_tasks)
        officer = users.create_user(db, "bench-officer", "bench-officer-pw", "officer")
        reporter = users.create_user(
            db, "bench-reporter", "bench-reporter-pw", "reporter", busiest.id
        )
        officer_token = users.create_token(db, officer.id, name="bench")
        reporter_token = users.create_token(db, reporter.id, name="bench")
        from kehoach.services import plans as plan_svc

        plan_id = max(plan_svc.list_plans(db, user=officer), key=lambda p: p.task_count).id
    with session_scope(sessions) as db:
        started = time.perf_counter()
        status.statuses(db, dt.date.today())
        status_seconds = time.perf_counter() - started
    return Province(
        url,
        info.plans,
        info.tasks,
        info.agencies,
        info.reports,
        info.seconds,
        status_seconds,
        officer_token,
        reporter_token,
        plan_id,
        busiest.id,
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(url: str, data_dir: Path, workers: int) -> tuple[subprocess.Popen, str]:
    """`kehoach serve` on a free 127.0.0.1 port; returns the process and its base URL."""
    port = _free_port()
    env = {
        **os.environ,
        "KEHOACH_DATA_DIR": str(data_dir),
        "KEHOACH_SECRET_KEY": os.environ.get("KEHOACH_SECRET_KEY", "bench-" + "x" * 40),
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kehoach",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--db",
            url,
            "--workers",
            str(workers),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise KehoachError(
                f"kehoach serve stopped: {proc.stderr.read() if proc.stderr else ''}"
            )
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return proc, f"http://127.0.0.1:{port}"
        time.sleep(0.1)
    proc.terminate()
    raise KehoachError("kehoach serve did not start within 60 s")


def drive(
    base: str,
    target: Target,
    token: str,
    *,
    seconds: float,
    max_requests: int,
    connections: int,
    threads: int,
    script: Path,
) -> tuple[float, float, float, int, int]:
    """Run wrk against one path; returns (p50 ms, p95 ms, req/s, requests, failures)."""
    if not base.startswith("http://127.0.0.1:"):
        raise KehoachError("bench web only drives a server on 127.0.0.1")
    env = {
        **os.environ,
        "KEHOACH_BENCH_TOKEN": token,
        "KEHOACH_BENCH_MAX": str(max(1, max_requests // threads)),
    }
    cmd = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--timeout",
        "10s",
        "-s",
        str(script),
        base + target.path,
    ]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=seconds + 60)
    match = RESULT_RE.search(out.stdout)
    if not match:
        raise KehoachError(f"wrk gave no result for {target.path}: {out.stdout}{out.stderr}")
    p50, p95, rps, n, non2xx, errors = match.groups()
    return float(p50), float(p95), float(rps), int(n), int(non2xx) + int(errors)


def warm(base: str, target: Target, token: str, connections: int, attempts: int = 3) -> float:
    """The first request (timed: nothing cached yet), then a burst that reaches every worker."""
    from concurrent.futures import ThreadPoolExecutor

    import httpx

    headers = {"Authorization": f"Bearer {token}"}

    def get() -> float:
        for attempt in range(attempts):
            started = time.perf_counter()
            try:
                r = httpx.get(base + target.path, headers=headers, timeout=30)
            except httpx.TimeoutException:
                if attempt == attempts - 1:
                    raise KehoachError(f"{target.path} did not answer within 30 s") from None
                continue
            if r.status_code != 200:
                raise KehoachError(f"{target.path} answered {r.status_code}: {r.text[:200]}")
            return (time.perf_counter() - started) * 1000
        return 0.0

    first = get()
    with ThreadPoolExecutor(connections) as pool:
        list(pool.map(lambda _: get(), range(connections * 2)))
    return first


def bench_database(
    label: str,
    url: str,
    *,
    sizes: dict,
    seconds: float,
    max_requests: int,
    connections: int,
    threads: int,
    workers: int,
    progress=print,
) -> tuple[Province, list[Measure]]:
    """Build, serve and measure one database."""
    if shutil.which("wrk") is None:
        raise KehoachError("bench web needs wrk: apt-get install wrk")
    progress(f"[{label}] building the province …")
    province = build(url, **sizes)
    progress(
        f"[{label}] {province.plans} plans, {province.tasks} tasks, "
        f"{province.agencies} agencies, {province.reports} reports "
        f"in {province.build_seconds:.1f} s; status of all tasks in "
        f"{province.status_seconds:.3f} s"
    )
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "kehoach.lua"
        script.write_text(LUA)
        proc, base = start_server(url, Path(tmp), workers)
        try:
            for target in targets(province):
                token = province.reporter_token if target.as_reporter else province.officer_token
                first = warm(base, target, token, connections)
                p50, p95, rps, n, failed = drive(
                    base,
                    target,
                    token,
                    seconds=seconds,
                    max_requests=max_requests,
                    connections=connections,
                    threads=threads,
                    script=script,
                )
                progress(f"[{label}] {target.name}: p95 {p95:.1f} ms")
                results.append(Measure(label, target.name, p50, p95, rps, n, failed, first))
        finally:
            proc.terminate()
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
    return province, results
