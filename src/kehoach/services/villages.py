"""Villages and street groups (thôn, bản, xóm, tổ dân phố): the level below the commune,
added per province by import (XLSX/CSV with the commune code) or by hand; listed and
searched per commune. The cultural-house indicator counts them (`services.institutions`)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kehoach.services.registry import Field, Registry
from kehoach.store.tables import Village

# NĐ 86/2023: "thôn" covers thôn, làng, ấp, bản, buôn, bon, phum, sóc; "tổ dân phố" covers
# tổ dân phố, khu phố, khối phố, khóm, tiểu khu
KINDS = {"thon": "Thôn", "ban": "Bản", "xom": "Xóm", "lang": "Làng", "to_dan_pho": "Tổ dân phố"}

REGISTRY = Registry(
    entity="village",
    model=Village,
    fields=(
        Field("name", "Tên thôn", required=True, aliases=("ten", "ten thon, to dan pho")),
        Field("kind", "Loại", "choice", KINDS, default="thon", filter=True),
        Field("commune_id", "Xã", "commune", required=True),
        Field("code", "Mã thôn", aliases=("ma thon, to dan pho",)),
        Field("households", "Số hộ", "int", low=0, high=100_000),
    ),
    sheet="Thôn, tổ dân phố",
    slug="thon-to-dan-pho",
)


def counts_by_commune(session: Session, province_id: int) -> dict[int, int]:
    """commune id -> how many villages it has."""
    rows = (
        session.execute(
            select(Village.commune_id, func.count())
            .where(Village.jurisdiction_id == province_id)
            .group_by(Village.commune_id)
        )
        .tuples()
        .all()
    )
    return dict(rows)
