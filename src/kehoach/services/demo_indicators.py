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
    HappinessSurvey,
    HeritageSite,
    Indicator,
    IndicatorValue,
    Institution,
    IntangibleHeritage,
    Jurisdiction,
    Metric,
    Target,
    Village,
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
    registries: dict[str, int] | None = None


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
    registries = _registries(session, random.Random(seed + 1), today)
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
    _computed_from_registries(session, plan_ids)
    _happiness_indicators(session, plan_ids, today)
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
    return DemoFigures(len(inds), len(rows), sites, registries)


# Điện Biên's plan measures these from the registries in the demo (Cao Bằng's village houses
# stay entered by the communes, so the demo shows both ways); folded subject starts
COMPUTED_IN_DEMO = {
    "11": {
        "thon, ban, to dan pho co nha van hoa": "village_cultural_houses",
        "thiet che van hoa hoat dong thuong xuyen": "institutions_regular",
    },
    "04": {"thiet che van hoa co so hoat dong thuong xuyen": "institutions_regular"},
}


def _computed_from_registries(session: Session, plan_ids: list[int]) -> None:
    """Point the demo plans' institution targets at the registries (see COMPUTED_IN_DEMO)."""
    rows = session.execute(
        select(Indicator, Jurisdiction.code)
        .join(Jurisdiction, Jurisdiction.id == Indicator.jurisdiction_id)
        .where(Indicator.plan_id.in_(plan_ids), Indicator.source == "entered")
    ).all()
    for ind, code in rows:
        for start, rule in COMPUTED_IN_DEMO.get(code, {}).items():
            if fold(ind.name).startswith(start):
                ind.source = rule
    session.flush()


def _happiness_indicators(session: Session, plan_ids: list[int], today: date) -> None:
    """The plans' "70% of communes scoring 70 or more" (NQ 80's wording), one per province,
    computed from the happiness surveys (no sample plan states it as a figure)."""
    from kehoach.store.tables import Plan

    done: set[int] = set()
    for plan in session.scalars(select(Plan).where(Plan.id.in_(plan_ids)).order_by(Plan.id)):
        if plan.jurisdiction_id in done:
            continue
        done.add(plan.jurisdiction_id)
        session.add(
            Indicator(
                plan_id=plan.id, jurisdiction_id=plan.jurisdiction_id, code="HP.70",
                name="Tỷ lệ xã có điểm Chỉ số Hạnh phúc từ 70 điểm trở lên", kind="ratio",
                unit="%", direction="up", level="commune", frequency="year", aggregate="sum",
                target_value=70.0, deadline=date(2030, 12, 31), source="happiness_70",
                public=True,
            )
        )  # fmt: skip
    session.flush()


VILLAGE_WORDS = {"04": ("Xóm", "xom"), "11": ("Bản", "ban")}
VILLAGE_NAMES = ["Nà Mạ", "Khuổi Nặm", "Pác Bó", "Nà Lẹng", "Bản Chang", "Cốc Xả", "Lũng Vài",
                 "Phja Đán", "Nà Sang", "Huổi Só", "Pa Thơm", "Mường Mươn", "Nà Tấu", "Phiêng Lơi",
                 "Co Mặn", "Hua Pe", "Nà Nhạn", "Tà Lèng", "Khau Đồn", "Lũng Rẩu"]  # fmt: skip
INTANGIBLE = [
    # (name, type, communities, inscription, decision, decided, province)
    ("Thực hành Then của người Tày, Nùng, Thái", "tap_quan_xa_hoi", "Tày, Nùng",
     "unesco_dai_dien", "14.COM 10.b.35", "13/12/2019", "04"),
    ("Nghề rèn của người Nùng An", "nghe_thu_cong", "Nùng An", "danh_muc_quoc_gia",
     "3880/QĐ-BVHTTDL", "07/11/2017", "04"),
    ("Lễ hội Nàng Hai của người Tày", "le_hoi", "Tày", "danh_muc_quoc_gia",
     "4226/QĐ-BVHTTDL", "15/12/2016", "04"),
    ("Hát Lượn của người Tày", "nghe_thuat_trinh_dien", "Tày", "kiem_ke", None, None, "04"),
    ("Nghề làm hương của người Nùng", "nghe_thu_cong", "Nùng", "kiem_ke", None, None, "04"),
    ("Nghệ thuật Xòe Thái", "nghe_thuat_trinh_dien", "Thái", "unesco_dai_dien",
     "16.COM 8.b.33", "15/12/2021", "11"),
    ("Lễ hội Thành Bản Phủ", "le_hoi", "Thái", "danh_muc_quoc_gia", "3373/QĐ-BVHTTDL",
     "09/10/2019", "11"),
    ("Tết Xíp xí của người Thái", "tap_quan_xa_hoi", "Thái", "danh_muc_quoc_gia",
     "1139/QĐ-BVHTTDL", "17/04/2020", "11"),
    ("Lễ cúng bản của người Kháng", "tap_quan_xa_hoi", "Kháng", "kiem_ke", None, None, "11"),
    ("Chữ Thái cổ", "tieng_noi_chu_viet", "Thái", "kiem_ke", None, None, "11"),
]  # fmt: skip


def _registries(session: Session, rng: random.Random, today: date) -> dict[str, int]:
    """Demo villages, cultural institutions, intangible heritage and happiness surveys of
    Cao Bằng (04) and Điện Biên (11); magnitudes of culture-indicators.md §6 (about 24
    villages a commune, village cultural houses 57–95%, happiness scores around 55–72)."""
    if session.scalar(select(func.count()).select_from(Village)):
        return {}
    stamp = datetime.now(UTC)
    provinces = {
        j.code: j.id
        for j in session.scalars(select(Jurisdiction).where(Jurisdiction.code.in_(list(BOXES))))
    }
    counts = {"villages": 0, "institutions": 0, "intangible": 0, "surveys": 0}
    for code, province in provinces.items():
        word, kind = VILLAGE_WORDS[code]
        south, north, west, east = BOXES[code]
        communes = session.execute(
            select(Jurisdiction.id, Jurisdiction.name)
            .where(Jurisdiction.parent_id == province, Jurisdiction.active)
            .order_by(Jurisdiction.code)
        ).all()
        villages = []
        for commune, _ in communes:
            for i in range(rng.randint(14, 30)):
                name = f"{word} {VILLAGE_NAMES[(i + commune) % len(VILLAGE_NAMES)]} {i + 1}"
                villages.append({
                    "jurisdiction_id": province, "commune_id": commune, "name": name,
                    "fold_key": fold(name), "kind": kind, "code": None,
                    "households": rng.randint(40, 160), "public": True, "updated_at": stamp,
                })  # fmt: skip
        session.execute(insert(Village), villages)
        counts["villages"] += len(villages)
        ids = session.execute(
            select(Village.id, Village.commune_id, Village.name).where(
                Village.jurisdiction_id == province
            )
        ).all()
        share = {c: rng.uniform(0.57, 0.95) for c, _ in communes}
        places = []
        for village, commune, name in ids:
            if rng.random() < share[commune]:
                places.append(_institution(province, commune, village, f"Nhà văn hóa {name}",
                                           "nha_van_hoa_thon", rng, stamp))  # fmt: skip
        for commune, commune_name in communes:
            row = _institution(province, commune, None, f"Trung tâm văn hóa - thể thao {commune_name}",
                               "trung_tam_xa", rng, stamp)  # fmt: skip
            row["latitude"] = round(rng.uniform(south, north), 4)
            row["longitude"] = round(rng.uniform(west, east), 4)
            places.append(row)
        session.execute(insert(Institution), places)
        counts["institutions"] += len(places)
        surveys = []
        for commune, _ in communes:
            score = rng.uniform(52, 70)
            for year in range(2024, today.year + (today.month == 12)):
                score = min(95.0, score + rng.uniform(-1, 4))
                surveys.append({
                    "jurisdiction_id": province, "commune_id": commune, "period": str(year),
                    "score": round(score, 1), "sample_size": rng.randint(30, 80), "note": "",
                    "public": True, "updated_at": stamp,
                })  # fmt: skip
        session.execute(insert(HappinessSurvey), surveys)
        counts["surveys"] += len(surveys)
        items = []
        for name, kind_, people, listed, number, decided, where in INTANGIBLE:
            if where != code:
                continue
            state = "none"
            if number:  # listed items are the digitization programme's first
                state = (
                    "published"
                    if listed.startswith("unesco")
                    else rng.choice(["records", "photos", "published", "published"])
                )
            items.append({
                "jurisdiction_id": province, "commune_id": rng.choice(communes)[0], "name": name,
                "kind": kind_, "communities": people, "communes": "", "inscription": listed,
                "decision_number": number,
                "decision_date": datetime.strptime(decided, "%d/%m/%Y").date() if decided else None,
                "safeguarding": "Truyền dạy tại cộng đồng; tư liệu hóa" if number else "",
                "digitization": state,
                "digitized_on": date(rng.randint(2023, 2026), rng.randint(1, 11), 1)
                if state != "none" else None,
                "public": True, "updated_at": stamp,
            })  # fmt: skip
        session.execute(insert(IntangibleHeritage), items)
        counts["intangible"] += len(items)
    return counts


def _institution(province, commune, village, name, kind, rng, stamp) -> dict:
    opened = date(rng.randint(2005, 2025), rng.randint(1, 12), 1)
    regular = rng.random() < 0.78
    return {
        "jurisdiction_id": province, "commune_id": commune, "village_id": village, "name": name,
        "kind": kind, "opened_on": opened, "regular": regular,
        "assessed_on": date(rng.choice([2024, 2025]), rng.randint(1, 12), 1) if regular else None,
        "latitude": None, "longitude": None, "public": True, "updated_at": stamp,
    }  # fmt: skip


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
