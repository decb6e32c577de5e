"""Cultural institutions (thiết chế văn hóa): cultural houses of villages and communes,
culture and sports centres, libraries, museums…, each of a commune or of a village, with
whether it operates regularly (as assessed on a date). The figures two indicators are computed
from: "% of villages with a cultural house", "% of institutions operating regularly"."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kehoach.errors import ValidationError
from kehoach.services.indicator_math import period_end
from kehoach.services.registry import Field, Registry
from kehoach.store.tables import Institution, Village

VILLAGE_HOUSE = "nha_van_hoa_thon"
KINDS = {
    VILLAGE_HOUSE: "Nhà văn hóa thôn, tổ dân phố",
    "nha_van_hoa_xa": "Nhà văn hóa xã",
    "trung_tam_xa": "Trung tâm văn hóa - thể thao xã",
    "trung_tam_tinh": "Trung tâm văn hóa tỉnh",
    "thu_vien": "Thư viện",
    "bao_tang": "Bảo tàng",
    "diem_vui_choi": "Điểm vui chơi trẻ em",
}


def _check(session: Session, values: dict) -> None:
    if values["kind"] == VILLAGE_HOUSE and not values.get("village_id"):
        raise ValidationError("{heading} is required", field="village_id", heading="Thôn")
    for key, low, high in (("latitude", 8.0, 23.5), ("longitude", 102.0, 110.0)):
        number = values.get(key)
        if number is not None and not low <= number <= high:
            raise ValidationError(
                "{name} {number} is outside Việt Nam", field=key, name=key, number=number
            )


REGISTRY = Registry(
    entity="institution",
    model=Institution,
    fields=(
        Field("name", "Tên thiết chế", required=True, aliases=("ten",)),
        Field("kind", "Loại thiết chế", "choice", KINDS, required=True, filter=True),
        Field("commune_id", "Xã", "commune", required=True),
        Field("village_id", "Thôn", "village", aliases=("thon, to dan pho",)),
        Field("opened_on", "Ngày đưa vào sử dụng", "date", listed=False),
        Field("regular", "Hoạt động thường xuyên", "bool", filter=True),
        Field("assessed_on", "Ngày đánh giá", "date"),
        Field("latitude", "Vĩ độ", "number", aliases=("latitude",), listed=False),
        Field("longitude", "Kinh độ", "number", aliases=("longitude",), listed=False),
    ),
    sheet="Thiết chế văn hóa",
    slug="thiet-che-van-hoa",
    check=_check,
)


def registry_series(
    session: Session, rule: str, jurisdiction_id: int, periods: list[str]
) -> dict[str, dict[int | None, tuple[float, float]]]:
    """period -> commune id -> (numerator, denominator) as of each period's end.

    `village_cultural_houses`: villages of the commune (denominator) that have a village
    cultural house in use by then (numerator). `institutions_regular`: institutions in use by
    then (denominator) assessed as operating regularly on or before then (numerator).
    """
    houses = session.execute(
        select(
            Institution.commune_id,
            Institution.village_id,
            Institution.kind,
            Institution.opened_on,
            Institution.regular,
            Institution.assessed_on,
        ).where(Institution.jurisdiction_id == jurisdiction_id)
    ).all()
    villages = session.execute(
        select(Village.id, Village.commune_id).where(Village.jurisdiction_id == jurisdiction_id)
    ).all()
    out: dict[str, dict[int | None, tuple[float, float]]] = {}
    for period in periods:
        end = period_end(period)
        cells: dict[int | None, list[float]] = {}
        if rule == "village_cultural_houses":
            housed = {
                village
                for _, village, kind, opened, *_ in houses
                if kind == VILLAGE_HOUSE and village and (opened is None or opened <= end)
            }
            for village, commune in villages:
                cell = cells.setdefault(commune, [0.0, 0.0])
                cell[1] += 1
                cell[0] += village in housed
        else:
            for commune, _, _, opened, regular, assessed in houses:
                if opened is not None and opened > end:
                    continue
                cell = cells.setdefault(commune, [0.0, 0.0])
                cell[1] += 1
                cell[0] += bool(regular and (assessed is None or assessed <= end))
        out[period] = {k: (v[0], v[1]) for k, v in cells.items()}
    return out
