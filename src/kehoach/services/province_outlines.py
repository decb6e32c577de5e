"""Province outlines for the culture map: the 34 provinces of 2025, each as the pre-2025
provinces it was made of (`data/province_outlines.json`, built by
`tools/build_province_outlines.py` from Natural Earth admin-1; see
`data/LICENSE-province_outlines.md`), and which province a map shows."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from sqlalchemy.orm import Session

from kehoach.services.jurisdictions import JurisdictionView, get_jurisdiction
from kehoach.services.types import UserView

Point = tuple[float, float]  # (longitude, latitude)
Line = tuple[Point, ...]


@dataclass(frozen=True)
class OldProvince:
    """A province before 1 July 2025, drawn filled as the province it joined."""

    name: str
    rings: tuple[Line, ...]  # outer rings and holes (drawn even-odd)


@dataclass(frozen=True)
class ProvinceShape:
    code: str  # as in the jurisdictions table (vietnam-provinces)
    name: str
    parts: tuple[OldProvince, ...]
    outline: tuple[Line, ...]  # the border of the province as it is now (open lines)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """West, south, east, north."""
        lons = [p[0] for line in self.outline for p in line]
        lats = [p[1] for line in self.outline for p in line]
        return min(lons), min(lats), max(lons), max(lats)


def _line(points: list) -> Line:
    return tuple((float(lon), float(lat)) for lon, lat in points)


@cache
def load_outlines() -> tuple[ProvinceShape, ...]:
    """Every province's shape, by code."""
    text = resources.files("kehoach.data").joinpath("province_outlines.json").read_text("utf-8")
    return tuple(
        ProvinceShape(
            p["code"],
            p["name"],
            tuple(OldProvince(o["name"], tuple(_line(r) for r in o["rings"])) for o in p["parts"]),
            tuple(_line(line) for line in p["outline"]),
        )
        for p in json.loads(text)["provinces"]
    )


def viewed_province(
    session: Session, user: UserView | None, province_id: int | None
) -> JurisdictionView | None:
    """The province a map shows: the one asked for, else the account's own (a commune's
    province); None for the whole country."""
    if province_id is not None:
        chosen = get_jurisdiction(session, province_id)
        return chosen if chosen.level == "province" else None
    if user is None or user.jurisdiction_id is None:
        return None
    own = get_jurisdiction(session, user.jurisdiction_id)
    if own.level == "commune" and own.parent_id is not None:
        return get_jurisdiction(session, own.parent_id)
    return own if own.level == "province" else None
