"""The intangible heritage registry (di sản văn hóa phi vật thể): name, type, the communities
and communes that hold it, its inscription (provincial inventory, national list, the UNESCO
lists) with the decision, the safeguarding programme and how far it is digitized."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kehoach.services.heritage import DIGITIZATION_VI, DIGITIZED
from kehoach.services.indicator_math import period_end
from kehoach.services.registry import Field, Registry
from kehoach.store.tables import IntangibleHeritage

# NĐ 39/2024/NĐ-CP art. 6: the seven types
TYPES = {
    "tieng_noi_chu_viet": "Tiếng nói, chữ viết",
    "ngu_van_dan_gian": "Ngữ văn dân gian",
    "nghe_thuat_trinh_dien": "Nghệ thuật trình diễn dân gian",
    "tap_quan_xa_hoi": "Tập quán xã hội và tín ngưỡng",
    "le_hoi": "Lễ hội truyền thống",
    "nghe_thu_cong": "Nghề thủ công truyền thống",
    "tri_thuc_dan_gian": "Tri thức dân gian",
}
INSCRIPTIONS = {
    "kiem_ke": "Danh mục kiểm kê của tỉnh",
    "danh_muc_quoc_gia": "Danh mục quốc gia",
    "unesco_dai_dien": "UNESCO: Danh sách đại diện",
    "unesco_khan_cap": "UNESCO: Cần bảo vệ khẩn cấp",
    "unesco_thuc_hanh_tot": "UNESCO: Thực hành bảo vệ tốt",
}

REGISTRY = Registry(
    entity="intangible",
    model=IntangibleHeritage,
    fields=(
        Field("name", "Tên di sản", required=True, aliases=("ten",)),
        Field("kind", "Loại hình", "choice", TYPES, filter=True),
        Field("communities", "Cộng đồng chủ thể"),
        Field("commune_id", "Xã", "commune", listed=False),
        Field("communes", "Các xã có di sản", "communes", listed=False),
        Field("inscription", "Ghi danh", "choice", INSCRIPTIONS, default="kiem_ke", filter=True),
        Field("decision_number", "Số quyết định", listed=False),
        Field("decision_date", "Ngày quyết định", "date"),
        Field("safeguarding", "Chương trình bảo vệ", listed=False),
        Field("digitization", "Số hóa", "choice", DIGITIZATION_VI, default="none", filter=True),
        Field("digitized_on", "Ngày số hóa", "date", listed=False),
    ),
    sheet="Di sản phi vật thể",
    slug="di-san-phi-vat-the",
    unique=("name",),
)

LISTED = ("danh_muc_quoc_gia", "unesco_dai_dien", "unesco_khan_cap", "unesco_thuc_hanh_tot")


def registry_series(
    session: Session, rule: str, jurisdiction_id: int, periods: list[str]
) -> dict[str, dict[int | None, tuple[float, float]]]:
    """period -> commune id -> (numerator, denominator) as of each period's end:
    `intangible_digitized` counts items on the national or a UNESCO list by then
    (denominator) digitized by then (numerator); `intangible_listed` counts listed items
    (numerator; the denominator is every item of the registry)."""
    items = session.execute(
        select(
            IntangibleHeritage.commune_id,
            IntangibleHeritage.inscription,
            IntangibleHeritage.decision_date,
            IntangibleHeritage.digitization,
            IntangibleHeritage.digitized_on,
        ).where(IntangibleHeritage.jurisdiction_id == jurisdiction_id)
    ).all()
    out: dict[str, dict[int | None, tuple[float, float]]] = {}
    for period in periods:
        end = period_end(period)
        cells: dict[int | None, list[float]] = {}
        for commune, inscription, decided, state, digitized_on in items:
            listed = inscription in LISTED and (decided is None or decided <= end)
            cell = cells.setdefault(commune, [0.0, 0.0])
            if rule == "intangible_digitized":
                if listed:
                    cell[1] += 1
                    done = state in DIGITIZED and (digitized_on is None or digitized_on <= end)
                    cell[0] += 1 if done else 0
            else:
                cell[1] += 1
                cell[0] += 1 if listed else 0
        out[period] = {k: (v[0], v[1]) for k, v in cells.items()}
    return out
