"""The culture map drawn without any tile server: heritage sites and cultural institutions
placed by their coordinates on an equirectangular projection (corrected for latitude) with a
graticule. Pure."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from kehoach.services.heritage import SiteView
from kehoach.services.registry import Entry


@dataclass(frozen=True)
class MapPoint:
    x: float
    y: float
    site: SiteView


@dataclass(frozen=True)
class PlacePoint:
    """An institution on the map (a registry entry with latitude and longitude)."""

    x: float
    y: float
    entry: Entry


@dataclass(frozen=True)
class GridLine:
    x1: float
    y1: float
    x2: float
    y2: float
    label: str


@dataclass(frozen=True)
class MapView:
    width: int
    height: int
    points: list[MapPoint]
    grid: list[GridLine]
    unplaced: list[SiteView]  # sites without coordinates
    places: list[PlacePoint] = field(default_factory=list)  # institutions
    unplaced_places: int = 0  # institutions without coordinates


def _where(e: Entry) -> tuple[float, float] | None:
    lat, lon = e.values.get("latitude"), e.values.get("longitude")
    return (lat, lon) if lat is not None and lon is not None else None


def draw(
    sites: list[SiteView], width: int = 800, height: int = 560, pad: int = 36,
    institutions: list[Entry] | None = None,
) -> MapView:  # fmt: skip
    """Place the sites and institutions that have coordinates in a `width` × `height` box
    (with a margin)."""
    placed = [s for s in sites if s.latitude is not None and s.longitude is not None]
    unplaced = [s for s in sites if s.latitude is None or s.longitude is None]
    others = [(e, w) for e in institutions or [] if (w := _where(e)) is not None]
    missing = len(institutions or []) - len(others)
    if not placed and not others:
        return MapView(width, height, [], [], unplaced, [], missing)
    lats = [s.latitude for s in placed if s.latitude is not None] + [w[0] for _, w in others]
    lons = [s.longitude for s in placed if s.longitude is not None] + [w[1] for _, w in others]
    south, north = min(lats) - 0.05, max(lats) + 0.05
    west, east = min(lons) - 0.05, max(lons) + 0.05
    squeeze = math.cos(math.radians((south + north) / 2))  # a degree of longitude is shorter
    span_x, span_y = (east - west) * squeeze, north - south
    scale = min((width - 2 * pad) / span_x, (height - 2 * pad) / span_y)

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return (
            round(pad + (lon - west) * squeeze * scale, 1),
            round(pad + (north - lat) * scale, 1),
        )

    points = [MapPoint(*xy(s.latitude, s.longitude), s) for s in placed]  # type: ignore[arg-type]
    grid: list[GridLine] = []
    step = 0.5 if max(north - south, east - west) > 1 else 0.1
    lat = math.ceil(south / step) * step
    while lat <= north:
        (x1, y), (x2, _) = xy(lat, west), xy(lat, east)
        grid.append(GridLine(x1, y, x2, y, f"{lat:.1f}°N"))
        lat += step
    lon = math.ceil(west / step) * step
    while lon <= east:
        (x, y1), (_, y2) = xy(north, lon), xy(south, lon)
        grid.append(GridLine(x, y1, x, y2, f"{lon:.1f}°E"))
        lon += step
    places = [PlacePoint(*xy(*w), e) for e, w in others]
    return MapView(width, height, points, grid, unplaced, places, missing)
