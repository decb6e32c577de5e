"""Cultural institutions (thiết chế văn hóa): cultural houses of villages and communes,
culture and sports centres, libraries, museums…, each of a commune or of a village, with
whether it operates regularly (as assessed on a date). The figures two indicators are computed
from: "% of villages with a cultural house", "% of institutions operating regularly"."""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

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
    """period -> commune id -> (numerator, denominator) as of each period's end, counted in
    one GROUP BY query whatever the number of periods.

    `village_cultural_houses`: villages of the commune (denominator) that have a village
    cultural house in use by then (numerator). `institutions_regular`: institutions in use by
    then (denominator) assessed as operating regularly on or before then (numerator). A
    missing date counts as "always".
    """
    ends = [period_end(p) for p in periods]
    if not ends:
        return {}
    opened = func.coalesce(Institution.opened_on, ALWAYS)
    if rule == "village_cultural_houses":
        first = (
            select(Institution.village_id.label("village"), func.min(opened).label("opened"))
            .where(
                Institution.jurisdiction_id == jurisdiction_id,
                Institution.kind == VILLAGE_HOUSE,
                Institution.village_id.is_not(None),
            )
            .group_by(Institution.village_id)
            .subquery()
        )
        columns: list[ColumnElement] = [func.count()]
        for end in ends:
            columns.append(func.sum(case((first.c.opened <= end, 1), else_=0)))
        stmt = (
            select(Village.commune_id, *columns)
            .outerjoin(first, first.c.village == Village.id)
            .where(Village.jurisdiction_id == jurisdiction_id)
            .group_by(Village.commune_id)
        )
        rows = session.execute(stmt).all()
        return {
            p: {r[0]: (float(r[2 + i] or 0), float(r[1])) for r in rows}
            for i, p in enumerate(periods)
        }
    assessed = func.coalesce(Institution.assessed_on, ALWAYS)
    columns = []
    for end in ends:
        in_use = opened <= end
        columns.append(func.sum(case((in_use, 1), else_=0)))
        columns.append(
            func.sum(case((and_(in_use, Institution.regular, assessed <= end), 1), else_=0))
        )
    rows = session.execute(
        select(Institution.commune_id, *columns)
        .where(Institution.jurisdiction_id == jurisdiction_id)
        .group_by(Institution.commune_id)
    ).all()
    return {
        p: {
            r[0]: (float(r[2 + 2 * i] or 0), float(r[1 + 2 * i] or 0)) for r in rows if r[1 + 2 * i]
        }
        for i, p in enumerate(periods)
    }


ALWAYS = date(1900, 1, 1)  # a missing date: in use (or regular) all along
