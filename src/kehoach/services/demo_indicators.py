"""Demo figures: the sample plans' targets as indicators with plausible values for Cao Bằng's
and Điện Biên's communes, a demo heritage registry (the digitization target is computed from
it), and a province-sized data set for `kehoach bench indicators`. Deterministic (fixed seed),
bulk inserts.

Magnitudes follow ../shared/reference/culture-indicators.md §6: village cultural houses
57–95%, culture households 85–95%, a few special-national sites per province.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import func, insert, select, text, update
from sqlalchemy.orm import Session

from kehoach.services import audit
from kehoach.services.indicator_math import period_end, periods_between
from kehoach.services.indicators import from_metric, list_indicators
from kehoach.services.types import SYSTEM
from kehoach.store.tables import (
    HeritageSite,
    Indicator,
    IndicatorValue,
    Jurisdiction,
    Metric,
    Target,
)
from kehoach.text.normalize import fold

FIRST_YEAR = 2023

# (name, types, rank, decision, decided, lat, lon, province code)
QGDB, QG, LS, KT, DL = (
    "quoc_gia_dac_biet",
    "quoc_gia",
    "lich_su",
    "kien_truc_nghe_thuat",
    "danh_lam_thang_canh",
)
REAL_SITES = [
    ("Khu di tích lịch sử Pác Bó", LS, QGDB, "548/QĐ-TTg", "10/05/2012", 22.975, 106.046, "04"),
    ("Khu di tích Rừng Trần Hưng Đạo", LS, QGDB, "2383/QĐ-TTg", "09/12/2013", 22.633, 105.985, "04"),
    ("Thác Bản Giốc", DL, QGDB, "2082/QĐ-TTg", "25/12/2018", 22.855, 106.724, "04"),
    ("Động Ngườm Ngao", DL, QG, "1570/QĐ-BVHTT", "27/09/1997", 22.846, 106.702, "04"),
    ("Đền Kỳ Sầm", "lich_su,kien_truc_nghe_thuat", QG, "06/2004/QĐ-BVHTT", "18/02/2004", 22.590, 106.210, "04"),
    ("Chùa Đà Quận", KT, QG, "68/QĐ-BVHTT", "07/12/2007", 22.700, 106.240, "04"),
    ("Di tích lịch sử Chiến trường Điện Biên Phủ", LS, QGDB, "1272/QĐ-TTg", "12/08/2009", 21.383, 103.018, "11"),
    ("Đồi A1", LS, QGDB, "1272/QĐ-TTg", "12/08/2009", 21.384, 103.024, "11"),
    ("Hầm chỉ huy tướng De Castries", LS, QGDB, "1272/QĐ-TTg", "12/08/2009", 21.390, 103.011, "11"),
    ("Thành Bản Phủ", "lich_su,khao_co", QG, "2009/QĐ-BVHTTDL", "17/06/2009", 21.330, 103.030, "11"),
    ("Tháp Mường Luân", KT, QG, "26/2003/QĐ-BVHTT", "12/06/2003", 21.160, 103.390, "11"),
    ("Hang Thẩm Púa", "danh_lam_thang_canh,khao_co", QG, "1288/QĐ-BVHTTDL", "24/04/2012", 21.620, 103.400, "11"),
]  # fmt: skip
BOXES = {"04": (22.35, 23.05, 105.35, 106.75), "11": (21.0, 22.35, 102.3, 103.5)}
GENERATED = {"04": 36, "11": 30}
WORDS = ["Đình", "Đền", "Chùa", "Hang", "Miếu", "Di chỉ", "Địa điểm lưu niệm", "Thành cổ"]
PLACES = ["Nà Mạ", "Bản Chang", "Khuổi Nặm", "Phja Đán", "Nà Lẹng", "Huổi Só", "Mường Mươn",
          "Pa Thơm", "Na Sang", "Thanh Luông", "Lũng Vài", "Cốc Xả"]  # fmt: skip


@dataclass(frozen=True)
class DemoFigures:
    indicators: int
    values: int
    sites: int


def _start_share(subject: str, rng: random.Random) -> float:
    """A plausible first-year share (0..1) for what the subject counts."""
    folded = fold(subject)
    if "nha van hoa" in folded:
        return rng.uniform(0.57, 0.9)
    if "gia dinh" in folded:
        return rng.uniform(0.82, 0.92)
    if "danh hieu" in folded or "chuan van hoa" in folded:
        return rng.uniform(0.65, 0.88)
    if "hoat dong thuong xuyen" in folded:
        return rng.uniform(0.55, 0.82)
    return rng.uniform(0.45, 0.85)


def _size(subject: str, rng: random.Random) -> int:
    """The denominator of one commune: villages, households, pupils…"""
    folded = f" {fold(subject)} "
    if any(f" {w} " in folded for w in ("gia dinh", "nguoi dan", "hoc sinh", "dan so", "ho")):
        return rng.randint(600, 4000)
    if "xa, phuong" in folded:
        return 1
    return rng.randint(8, 30)


def seed_indicators(
    session: Session, plan_ids: list[int], today: date, seed: int = 80
) -> DemoFigures:
    """Indicators for every target metric of the plans, values 2023–this year, the heritage
    registry; nothing when the plans have indicators already (idempotent)."""
    if session.scalar(
        select(func.count()).select_from(Indicator).where(Indicator.plan_id.in_(plan_ids))
    ):
        return DemoFigures(0, 0, 0)
    rng = random.Random(seed)
    sites = _sites(session, rng)
    metrics = session.scalars(
        select(Metric.id)
        .join(Target, Target.id == Metric.target_id)
        .where(Target.plan_id.in_(plan_ids))
        .order_by(Target.plan_id, Target.position, Metric.position)
    ).all()
    for metric_id in metrics:
        from_metric(session, metric_id, SYSTEM, today=today)
    session.execute(
        update(Indicator)
        .where(Indicator.plan_id.in_(plan_ids))
        .values(public=True, baseline_period=str(FIRST_YEAR - 1))
    )
    inds = [i for i in list_indicators(session, SYSTEM) if i.plan_id in plan_ids]
    rows: list[dict] = []
    stamp = datetime.combine(today, datetime.min.time(), UTC)
    years = [str(y) for y in range(FIRST_YEAR, today.year + 1)]
    for ind in inds:
        if ind.computed:
            continue
        units = _units(session, ind.jurisdiction_id, ind.level)
        for unit in units:
            rows += _series(ind, unit, years, rng, stamp, today)
    for chunk in range(0, len(rows), 5000):
        session.execute(insert(IndicatorValue), rows[chunk : chunk + 5000])
    audit.record(session, None, "demo", "indicator_value", None, f"{len(rows)} demo values")
    session.flush()
    return DemoFigures(len(inds), len(rows), sites)


def _units(session: Session, province_id: int, level: str) -> list[int]:
    if level == "province":
        return [province_id]
    return list(
        session.scalars(
            select(Jurisdiction.id)
            .where(Jurisdiction.parent_id == province_id, Jurisdiction.active)
            .order_by(Jurisdiction.code)
        )
    )


def _series(ind, unit: int, years: list[str], rng: random.Random, stamp, today: date) -> list[dict]:
    """One unit's values: approved for past years; this year partly approved, partly
    submitted, partly missing (so completeness has something to show)."""
    out = []
    target = (ind.target_value or 100) / (100 if ind.kind == "ratio" else 1)
    if ind.kind == "ratio":
        size = _size(ind.name, rng) if ind.level == "commune" else 10_000
        share = (
            _start_share(ind.name, rng)
            if ind.level == "commune"
            else target * rng.uniform(0.5, 0.8)
        )
        step = rng.uniform(0.01, 0.06) * (target if ind.level == "province" else 1)
    else:
        value = max(0.0, round(target * rng.uniform(0.2, 0.6)))
    for year in years:
        last = year == years[-1]
        fate = rng.random()
        if last and fate < 0.15:
            continue  # not reported yet
        row = {
            "indicator_id": ind.id, "jurisdiction_id": unit, "period": year, "revision": 1,
            "note": "", "superseded": False, "entered_at": stamp, "entered_by": None,
            "submitted_at": stamp, "approved_at": None, "approved_by": None,
            "value": None, "numerator": None, "denominator": None,
            "state": "submitted" if last and fate < 0.3 else "approved",
        }  # fmt: skip
        if row["state"] == "approved":
            row["approved_at"] = stamp
        if ind.kind == "ratio":
            share = min(1.0, share + step * rng.uniform(0.3, 1.4))
            if size == 1:
                row["numerator"], row["denominator"] = (1.0 if rng.random() < share else 0.0), 1.0
            else:
                row["numerator"], row["denominator"] = float(round(size * share)), float(size)
        else:
            value += rng.choice((0, 0, 1, 1, 2)) if target < 20 else round(target * 0.1)
            row["value"] = float(value)
        out.append(row)
    return out


def _sites(session: Session, rng: random.Random) -> int:
    """Demo heritage registries of Cao Bằng (04) and Điện Biên (11)."""
    if session.scalar(select(func.count()).select_from(HeritageSite)):
        return 0
    provinces = {
        j.code: j.id
        for j in session.scalars(select(Jurisdiction).where(Jurisdiction.code.in_(list(BOXES))))
    }
    rows: list[dict] = []
    for name, types, rank, number, decided, lat, lon, code in REAL_SITES:
        rows.append(_site(provinces[code], None, name, types, rank, number, decided, lat, lon, rng))
    for code, count in GENERATED.items():
        communes = _units(session, provinces[code], "commune")
        south, north, west, east = BOXES[code]
        for i in range(count):
            rank = rng.choices(["cap_tinh", "quoc_gia", "kiem_ke"], [6, 2, 3])[0]
            name = f"{WORDS[i % len(WORDS)]} {PLACES[(i * 7 + len(code)) % len(PLACES)]} {i + 1}"
            decided = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1998, 2025)}"
            number = f"{rng.randint(100, 2999)}/QĐ-{'UBND' if rank == 'cap_tinh' else 'BVHTTDL'}"
            rows.append(
                _site(provinces[code], rng.choice(communes), name,
                      rng.choice(["lich_su", "kien_truc_nghe_thuat", "danh_lam_thang_canh", "lich_su,khao_co"]),
                      rank, number if rank != "kiem_ke" else None, decided if rank != "kiem_ke" else None,
                      round(rng.uniform(south, north), 4), round(rng.uniform(west, east), 4), rng)
            )  # fmt: skip
    session.execute(insert(HeritageSite), rows)
    return len(rows)


def _site(province, commune, name, types, rank, number, decided, lat, lon, rng) -> dict:
    state = rng.choices(["none", "records", "photos", "scan3d", "published"], [2, 3, 2, 1, 4])[0]
    if rank == "quoc_gia_dac_biet":
        state = rng.choice(["published", "published", "scan3d"])
    year = rng.randint(2023, 2026)
    return {
        "jurisdiction_id": province, "commune_id": commune, "name": name, "types": types,
        "rank": rank, "decision_number": number,
        "decision_date": datetime.strptime(decided, "%d/%m/%Y").date() if decided else None,
        "latitude": lat, "longitude": lon,
        "condition": rng.choice(["Tốt", "Xuống cấp nhẹ", "Đã tu bổ 2024", "Cần tu bổ"]),
        "digitization": state,
        "digitized_on": date(year, rng.randint(1, 11), rng.randint(1, 28)) if state != "none" else None,
        "public": True, "updated_at": datetime.now(UTC),
    }  # fmt: skip


@dataclass(frozen=True)
class IndicatorProvince:
    province_id: int
    plan_id: int
    indicators: int
    communes: int
    values: int
    seconds: float


def build_indicator_province(
    session: Session, *, province: str = "79", indicators: int = 40, years: int = 10,
    seed: int = 3, last_year: int = 2026,
) -> IndicatorProvince:  # fmt: skip
    """A province-sized data set: `indicators` half-yearly commune indicators of one plan over
    every commune of `province` (by code; 79 = TP. Hồ Chí Minh, the most communes), `years`
    years of approved values. Bulk inserts."""
    from kehoach.store.tables import Document, Plan

    started = time.perf_counter()
    rng = random.Random(seed)
    province_id = session.scalar(select(Jurisdiction.id).where(Jurisdiction.code == province))
    assert province_id is not None
    doc = Document(kind="ke_hoach", number=f"BENCH-{province}", title="Kế hoạch đo lường (bench)")
    session.add(doc)
    session.flush()
    plan = Plan(
        document_id=doc.id, jurisdiction_id=province_id, source_name="bench", sha256="0" * 64,
        format="txt", record_json="{}", tracked_from=date(last_year - years + 1, 1, 1), public=True,
    )  # fmt: skip
    session.add(plan)
    session.flush()
    communes = _units(session, province_id, "commune")
    ids = []
    for i in range(indicators):
        target = Target(plan_id=plan.id, key=f"t{i + 1}", text=f"Chỉ tiêu {i + 1}", position=i)
        session.add(target)
        session.flush()
        metric = Metric(target_id=target.id, value=90.0, unit="%", subject=f"Chỉ tiêu {i + 1}")
        session.add(metric)
        session.flush()
        ind = Indicator(
            plan_id=plan.id, target_id=target.id, metric_id=metric.id, jurisdiction_id=province_id,
            name=f"Chỉ tiêu {i + 1}", kind="ratio",
            unit="%", direction="up", level="commune", frequency="half", aggregate="sum",
            target_value=90.0, deadline=date(last_year + 4, 12, 31), source="entered", public=True,
        )  # fmt: skip
        session.add(ind)
        session.flush()
        ids.append(ind.id)
    periods = periods_between(date(last_year - years + 1, 1, 1), date(last_year, 12, 31), "half")
    stamp = datetime.now(UTC)
    count = 0
    batch: list[dict] = []
    for ind_id in ids:
        for unit in communes:
            size = rng.randint(8, 30)
            share = rng.uniform(0.4, 0.8)
            for p in periods:
                share = min(1.0, share + rng.uniform(0, 0.02))
                batch.append({
                    "indicator_id": ind_id, "jurisdiction_id": unit, "period": p, "revision": 1,
                    "numerator": float(round(size * share)), "denominator": float(size),
                    "value": None, "note": "", "state": "approved", "superseded": False,
                    "entered_at": stamp, "submitted_at": stamp, "approved_at": stamp,
                    "entered_by": None, "approved_by": None,
                })  # fmt: skip
                if len(batch) >= 10_000:
                    session.execute(insert(IndicatorValue), batch)
                    count += len(batch)
                    batch = []
    if batch:
        session.execute(insert(IndicatorValue), batch)
        count += len(batch)
    audit.record(session, None, "bench", "indicator_value", None, f"{count} values")
    session.flush()
    # statistics for the planner, as autovacuum / a DBA would have them on a real database
    session.execute(text("ANALYZE indicator_values"))
    assert period_end(periods[-1]).year == last_year
    return IndicatorProvince(
        province_id, plan.id, len(ids), len(communes), count, time.perf_counter() - started
    )


def busiest_indicator(session: Session) -> tuple[int, int | None]:
    """(indicator id, plan id) of the indicator with the most values (what the bench times)."""
    busiest = session.execute(
        select(IndicatorValue.indicator_id, func.count())
        .group_by(IndicatorValue.indicator_id)
        .order_by(func.count().desc())
        .limit(1)
    ).one()[0]
    return busiest, session.scalar(select(Indicator.plan_id).where(Indicator.id == busiest))


def raw_query(session: Session, sql: str, params: dict) -> list:
    """Run one SQL statement as written (the bench's floor: no ORM, no Python work)."""
    return list(session.execute(text(sql), params).all())
