"""A plan typed without diacritics reads like the same plan typed with them: the same
tasks, agencies (in the register's spelling), timeframes, targets and reporting duties;
its text as the document wrote it."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from kehoach.extract import extract_file
from kehoach.model import PlanRecord

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def bare() -> PlanRecord:
    return extract_file(FIXTURES / "variant_accentless_plan.txt")


@pytest.fixture(scope="module")
def marked() -> PlanRecord:
    return extract_file(FIXTURES / "variant_accentless_plan_marked.txt")


def test_document_fields(bare: PlanRecord, marked: PlanRecord) -> None:
    b, m = bare.document, marked.document
    assert (b.kind, b.number, b.issuer, b.province, b.date) == (
        "ke_hoach",
        "141/KH-UBND",
        "Ủy ban nhân dân tỉnh",
        "Tuyên Quang",
        "2026-05-05",
    )
    assert [(r.kind, r.date, r.issuer) for r in b.implements] == [
        (r.kind, r.date, r.issuer) for r in m.implements
    ]
    # as printed: `QD`, not `QĐ`; the title and the signer as written
    assert [r.number for r in b.implements] == ["329/QD-TTg"]
    assert (
        b.title
        == "Phat trien van hoa doc trong cong dong tren dia ban tinh Tuyen Quang giai doan 2026 - 2030"
    )
    assert b.signer == "Hoang Thi Mai"


def test_tasks_have_the_agencies_and_timeframes_of_the_marked_plan(
    bare: PlanRecord, marked: PlanRecord
) -> None:
    assert [t.id for t in bare.tasks] == [t.id for t in marked.tasks]
    assert len(bare.tasks) == 8
    for b, m in zip(bare.tasks, marked.tasks, strict=True):
        assert (b.directing, b.lead, b.coordinating) == (m.directing, m.lead, m.coordinating)
        assert (b.timeframe.kind, b.timeframe.start, b.timeframe.end, b.timeframe.every) == (
            m.timeframe.kind,
            m.timeframe.start,
            m.timeframe.end,
            m.timeframe.every,
        ), b.id
        assert b.text == fold_case(m.text) and b.text.isascii()
        assert (b.timeframe.raw or "").isascii()
    tasks = {t.id: t for t in bare.tasks}
    assert tasks["III.1.3"].timeframe.raw == "hoan thanh trong Quy III/2026"
    assert tasks["III.2.2"].coordinating == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert tasks["III.2.2"].timeframe.start == "2026-04-01"
    assert tasks["III.4.1"].lead == ["Ủy ban nhân dân các xã, phường"]


def test_targets_and_reporting(bare: PlanRecord, marked: PlanRecord) -> None:
    def values(r: PlanRecord) -> list:
        return [(t.horizon, [(m.value, m.by) for m in t.metrics]) for t in r.targets]

    assert (
        values(bare)
        == values(marked)
        == [
            (2030, [(100, 2030)]),
            (2030, [(5, None)]),
            (2030, [(60, 2028)]),
        ]
    )
    assert bare.targets[1].metrics[0].unit == "cuoc thi"  # as written
    assert [t.text for t in bare.targets] == [fold_case(t.text) for t in marked.targets]
    assert bare.reporting == marked.reporting
    assert [(d.every, d.due, d.via) for d in bare.reporting] == [
        ("year", "12-10", "Sở Văn hóa, Thể thao và Du lịch")
    ]


def fold_case(text: str) -> str:
    """`text` without its marks, letter case kept (how the bare fixture writes it)."""
    out = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", out.replace("đ", "d").replace("Đ", "D"))


# Fixtures of other families, stripped of their marks here: each reads as it does with
# them (agencies, timeframes, targets, reporting), its text as the stripped file writes it.
STRIPPED = [
    "family5_short_plan.txt",
    "variant_agency_subheadings.txt",
    "variant_council_resolution.txt",
    "variant_given_parentheses_vision.txt",
    "variant_requests_to_coordinate.txt",
    "variant_steering_committee.txt",
    "variant_office_table_merged.txt",
    "variant_youth_union_plan.txt",
    "variant_group_heading.txt",
]


@pytest.mark.parametrize("name", STRIPPED)
def test_a_plan_stripped_of_its_marks_reads_as_with_them(name: str, tmp_path: Path) -> None:
    marked = extract_file(FIXTURES / name)
    path = tmp_path / name
    path.write_text(fold_case((FIXTURES / name).read_text(encoding="utf-8")), encoding="utf-8")
    bare = extract_file(path)

    def read(r: PlanRecord) -> tuple:
        d = r.document
        tasks = [
            (
                t.id,
                t.directing,
                t.lead,
                t.coordinating,
                t.timeframe.kind,
                t.timeframe.start,
                t.timeframe.end,
                t.timeframe.every,
                fold_case(t.text),
            )
            for t in r.tasks
        ]
        targets = [
            (t.horizon, [(m.value, m.by) for m in t.metrics], fold_case(t.text)) for t in r.targets
        ]
        reporting = [(x.every, x.due, x.to, x.via) for x in r.reporting]
        document = (d.kind, d.issuer, d.province, d.date, fold_case(d.title or ""))
        return document, tasks, targets, reporting

    assert read(bare) == read(marked)
