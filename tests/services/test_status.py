"""Task status, the pure function: every status, with dates around deadlines and periods."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from kehoach.services.status import STATUS_CODES, ReportFact, TaskFacts, task_status

D = date.fromisoformat
YEAR_2026 = {"kind": "window", "start": D("2026-01-01"), "end": D("2026-12-31")}
RECURRING = {"kind": "recurring"}
BASE = {"tracked_from": D("2026-01-01"), "last_update": D("2026-01-01")}


def rep(day: str, status: str = "dang_trien_khai", period: str = "2026-H1", percent=None):
    return ReportFact(period, status, percent, datetime.fromisoformat(day).replace(tzinfo=UTC))


CASES = [
    # id, facts, reports, on, expected code
    (
        "window-before-start",
        {"kind": "window", "start": D("2027-01-01"), "end": D("2027-12-31")},
        [],
        "2026-06-01",
        "not_started",
    ),
    ("window-no-report-far", YEAR_2026, [], "2026-03-01", "not_started"),
    ("window-under-way", YEAR_2026, [rep("2026-06-10", percent=30)], "2026-07-01", "in_progress"),
    ("window-31-days-left", YEAR_2026, [], "2026-11-30", "not_started"),
    ("window-30-days-left", YEAR_2026, [], "2026-12-01", "due_soon"),
    ("window-last-day", YEAR_2026, [], "2026-12-31", "due_soon"),
    ("window-day-after", YEAR_2026, [], "2027-01-01", "overdue"),
    (
        "window-done-on-last-day",
        YEAR_2026,
        [rep("2026-12-31", "hoan_thanh", "2026")],
        "2027-01-05",
        "done_on_time",
    ),
    (
        "window-done-day-after",
        YEAR_2026,
        [rep("2027-01-01", "hoan_thanh", "2026")],
        "2027-03-01",
        "done_late",
    ),
    (
        "window-done-then-reopened",
        YEAR_2026,
        [rep("2026-05-01", "hoan_thanh"), rep("2026-06-01", "dang_trien_khai")],
        "2026-07-01",
        "in_progress",
    ),
    (
        "report-after-date-ignored",
        YEAR_2026,
        [rep("2026-08-01", "hoan_thanh")],
        "2026-07-01",
        "not_started",
    ),
    (
        "extended-not-overdue",
        {**YEAR_2026, "extended_end": D("2027-06-30")},
        [],
        "2027-01-05",
        "not_started",
    ),
    (
        "extended-due-soon",
        {**YEAR_2026, "extended_end": D("2027-06-30")},
        [],
        "2027-06-15",
        "due_soon",
    ),
    (
        "extended-overdue",
        {**YEAR_2026, "extended_end": D("2027-06-30")},
        [],
        "2027-07-01",
        "overdue",
    ),
    (
        "extended-done-in-time",
        {**YEAR_2026, "extended_end": D("2027-06-30")},
        [rep("2027-02-01", "hoan_thanh", "2027-H1")],
        "2027-03-01",
        "done_on_time",
    ),
    (
        "not-carried-out",
        YEAR_2026,
        [rep("2026-04-01", "khong_thuc_hien")],
        "2027-03-01",
        "not_applicable",
    ),
    ("on-request-no-report", {"kind": "on_request"}, [], "2026-07-01", "not_applicable"),
    (
        "override",
        {**YEAR_2026, "override": ("done_on_time", "Đã xong theo văn bản 12")},
        [],
        "2027-03-01",
        "done_on_time",
    ),
    ("recurring-missing-half-year", RECURRING, [], "2026-07-01", "missing_report"),
    ("recurring-reported-half-year", RECURRING, [rep("2026-06-15")], "2026-07-01", "in_progress"),
    ("recurring-annual-due-soon", RECURRING, [rep("2026-06-15")], "2026-11-10", "due_soon"),
    (
        "recurring-annual-done",
        RECURRING,
        [rep("2026-06-15"), rep("2026-11-05", "hoan_thanh", "2026")],
        "2026-11-10",
        "done_on_time",
    ),
    (
        "recurring-late-report",
        RECURRING,
        [rep("2026-06-25", "dang_trien_khai", "2026-H1")],
        "2026-07-01",
        "in_progress",
    ),
    (
        "recurring-before-tracking",
        {**RECURRING, "tracked_from": D("2026-07-01")},
        [],
        "2026-08-01",
        "not_started",
    ),
    (
        "recurring-monthly-missing",
        {**RECURRING, "duties": (("month", "10"),)},
        [rep("2026-02-09", period="2026-02")],
        "2026-03-15",
        "missing_report",
    ),
    (
        "recurring-monthly-reported",
        {**RECURRING, "duties": (("month", "10"),)},
        [rep("2026-03-09", period="2026-03")],
        "2026-03-15",
        "in_progress",
    ),
    ("continuous-missing", {"kind": "continuous"}, [], "2026-12-05", "missing_report"),
    ("from-not-yet", {"kind": "from", "start": D("2027-01-01")}, [], "2026-12-05", "not_started"),
    (
        "from-started-missing",
        {"kind": "from", "start": D("2026-01-01")},
        [],
        "2026-07-01",
        "missing_report",
    ),
]


@pytest.mark.parametrize(
    ("facts", "reports", "on", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_status_table(facts, reports, on, expected):
    info = task_status(TaskFacts(task_id=1, **{**BASE, **facts}), reports, D(on))
    assert info.code == expected
    assert info.code in STATUS_CODES


def test_every_status_is_covered_by_the_table():
    assert {c[-1] for c in CASES} == set(STATUS_CODES)


def test_extension_keeps_the_original_deadline_for_the_on_time_rate():
    facts = TaskFacts(task_id=1, **{**BASE, **YEAR_2026, "extended_end": D("2027-06-30")})
    info = task_status(facts, [rep("2027-02-01", "hoan_thanh", "2027-H1")], D("2027-03-01"))
    assert info.code == "done_on_time"
    assert info.extended and info.deadline == D("2027-06-30")
    assert info.original_deadline == D("2026-12-31")
    assert info.on_time_original is False


def test_override_is_shown_as_override():
    facts = TaskFacts(task_id=1, **{**BASE, **YEAR_2026, "override": ("not_applicable", "Bỏ")})
    info = task_status(facts, [], D("2027-03-01"))
    assert (info.code, info.computed, info.overridden) == ("not_applicable", "overdue", True)
    assert info.override_reason == "Bỏ"


@pytest.mark.parametrize(
    ("reports", "on", "stalled"),
    [
        ([], "2026-03-01", False),  # 59 days since the import
        ([], "2026-03-03", True),  # 61 days
        ([rep("2026-02-15")], "2026-04-01", False),
        ([rep("2026-04-01", "hoan_thanh")], "2026-09-01", False),  # done work is not stalled
    ],
)
def test_stalled(reports, on, stalled):
    info = task_status(TaskFacts(task_id=1, **{**BASE, **YEAR_2026}), reports, D(on))
    assert info.stalled is stalled


def test_configurable_thresholds():
    facts = TaskFacts(task_id=1, **{**BASE, **YEAR_2026})
    assert task_status(facts, [], D("2026-12-05"), due_soon_days=30).code == "due_soon"
    assert task_status(facts, [], D("2026-12-05"), due_soon_days=10).code == "not_started"
    assert task_status(facts, [], D("2026-02-15"), stalled_days=30).stalled


def test_reported_this_period_and_percent():
    info = task_status(
        TaskFacts(task_id=1, **{**BASE, **RECURRING}),
        [rep("2026-06-15", percent=40), rep("2026-06-16", percent=55)],
        D("2026-06-17"),
    )
    assert info.period == "2026-H1"
    assert info.reported_this_period
    assert info.percent == 55


# Properties over random histories -------------------------------------------------------

from datetime import timedelta  # noqa: E402

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from kehoach.services.status import DONE  # noqa: E402

KINDS = st.sampled_from(["window", "recurring", "continuous", "from", "on_request", "unknown"])
DAYS = st.integers(min_value=0, max_value=6 * 365)
ORIGIN = date(2024, 1, 1)


@st.composite
def histories(draw):
    kind = draw(KINDS)
    a, b = sorted((draw(DAYS), draw(DAYS)))
    start = ORIGIN + timedelta(days=a) if kind in ("window", "from") else None
    end = ORIGIN + timedelta(days=b) if kind == "window" else None
    override = draw(st.none() | st.sampled_from(STATUS_CODES).map(lambda c: (c, "lý do")))
    facts = TaskFacts(
        task_id=1,
        kind=kind,
        start=start,
        end=end,
        tracked_from=ORIGIN,
        last_update=ORIGIN,
        override=override,
    )
    offsets = draw(st.lists(DAYS, max_size=8, unique=True))
    reports = [
        ReportFact(
            draw(st.sampled_from(["2025-H1", "2025", "2026-H1", "2026", "2027-H1"])),
            draw(
                st.sampled_from(
                    ["chua_trien_khai", "dang_trien_khai", "hoan_thanh", "khong_thuc_hien"]
                )
            ),
            draw(st.none() | st.integers(0, 100)),
            datetime.combine(ORIGIN + timedelta(days=d), datetime.min.time(), UTC),
        )
        for d in offsets
    ]
    return facts, reports, ORIGIN + timedelta(days=draw(DAYS))


@given(histories())
def test_status_properties(history):
    facts, reports, on = history
    info = task_status(facts, reports, on)
    assert info.code in STATUS_CODES and info.computed in STATUS_CODES
    if facts.override:
        assert (info.code, info.overridden) == (facts.override[0], True)
    else:
        assert info.code == info.computed and not info.overridden
    seen = sorted((r for r in reports if r.submitted_at.date() <= on), key=lambda r: r.submitted_at)
    # reports after the date, and the order reports come in, change nothing
    assert task_status(facts, seen, on) == info
    assert task_status(facts, list(reversed(reports)), on) == info
    if seen and seen[-1].status == "khong_thuc_hien":
        assert info.computed == "not_applicable"
    if facts.kind == "window" and seen and seen[-1].status == "hoan_thanh":
        assert info.computed in DONE and info.done_on is not None
    if info.computed in DONE or info.computed == "not_applicable":
        assert not info.stalled
