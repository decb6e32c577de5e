"""The culture map drawn without any tile server: heritage sites and cultural institutions
placed by their coordinates on an equirectangular projection (corrected for latitude) with a
graticule, over the outlines of the provinces (SVG paths in the same projection). Pure."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from kehoach.services.heritage import SiteView
from kehoach.services.province_outlines import Line, ProvinceShape
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
class ProvincePath:
    """A province drawn: its old provinces filled (`parts`: name, path) and its outline."""

    code: str
    name: str
    parts: tuple[tuple[str, str], ...]
    outline: str
    focus: bool  # the province viewed (or every province, for the whole country)


@dataclass(frozen=True)
class Projection:
    """Longitude and latitude to SVG x, y: equirectangular, a degree of longitude
    shortened by the cosine of the middle latitude."""

    west: float
    north: float
    squeeze: float
    scale: float
    pad: float

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        return (
            round(self.pad + (lon - self.west) * self.squeeze * self.scale, 1),
            round(self.pad + (self.north - lat) * self.scale, 1),
        )


def fit(
    west: float, south: float, east: float, north: float, width: int, height: int, pad: int
) -> Projection:
    """The projection that shows the box west..east × south..north whole in the frame."""
    squeeze = math.cos(math.radians((south + north) / 2))  # a degree of longitude is shorter
    span_x, span_y = max((east - west) * squeeze, 1e-6), max(north - south, 1e-6)
    scale = min((width - 2 * pad) / span_x, (height - 2 * pad) / span_y)
    return Projection(west, north, squeeze, scale, pad)


def _fmt(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def line_path(line: Line, proj: Projection, close: bool = False) -> str:
    """An SVG path of (lon, lat) points: `M x y L x y …` (`Z` closes a ring)."""
    out = []
    for i, (lon, lat) in enumerate(line):
        x, y = proj.xy(lat, lon)
        out.append(f"{'M' if i == 0 else 'L'}{_fmt(x)} {_fmt(y)}")
    return "".join(out) + ("Z" if close and out else "")


def province_paths(
    shapes: list[ProvinceShape] | tuple[ProvinceShape, ...], focus: set[str], proj: Projection
) -> list[ProvincePath]:
    """Each shape as paths; `focus` codes are the provinces viewed."""
    return [
        ProvincePath(
            s.code,
            s.name,
            tuple(
                (o.name, "".join(line_path(r, proj, close=True) for r in o.rings)) for o in s.parts
            ),
            "".join(line_path(line, proj) for line in s.outline),
            s.code in focus,
        )
        for s in shapes
    ]


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


@dataclass(frozen=True)
class MapView:
    width: int
    height: int
    points: list[MapPoint]
    grid: list[GridLine]
    unplaced: list[SiteView]  # sites without coordinates
    places: list[PlacePoint] = field(default_factory=list)  # institutions
    unplaced_places: int = 0  # institutions without coordinates
    provinces: list[ProvincePath] = field(default_factory=list)  # under the points


def _where(e: Entry) -> tuple[float, float] | None:
    lat, lon = e.values.get("latitude"), e.values.get("longitude")
    return (lat, lon) if lat is not None and lon is not None else None


def draw(
    sites: list[SiteView], width: int = 800, height: int = 560, pad: int = 36,
    institutions: list[Entry] | None = None,
    shapes: list[ProvinceShape] | tuple[ProvinceShape, ...] = (), focus: str | None = None,
) -> MapView:  # fmt: skip
    """Place the sites and institutions that have coordinates in a `width` × `height` box
    (with a margin). With province `shapes`, the box is the outline of the province `focus`
    (a code; every province when None or unknown), drawn with its neighbours under the
    points; without, the box holds the points."""
    placed = [s for s in sites if s.latitude is not None and s.longitude is not None]
    unplaced = [s for s in sites if s.latitude is None or s.longitude is None]
    others = [(e, w) for e in institutions or [] if (w := _where(e)) is not None]
    missing = len(institutions or []) - len(others)
    viewed = [s for s in shapes if s.code == focus] or list(shapes)
    if viewed:
        boxes = [s.bbox for s in viewed]
        west, south = min(b[0] for b in boxes) - 0.02, min(b[1] for b in boxes) - 0.02
        east, north = max(b[2] for b in boxes) + 0.02, max(b[3] for b in boxes) + 0.02
    elif placed or others:
        lats = [s.latitude for s in placed if s.latitude is not None] + [w[0] for _, w in others]
        lons = [s.longitude for s in placed if s.longitude is not None] + [w[1] for _, w in others]
        south, north = min(lats) - 0.05, max(lats) + 0.05
        west, east = min(lons) - 0.05, max(lons) + 0.05
    else:
        return MapView(width, height, [], [], unplaced, [], missing)
    proj = fit(west, south, east, north, width, height, pad)
    xy = proj.xy
    # the neighbours that reach into the frame, drawn lightly
    frame = (
        west - pad / proj.scale / proj.squeeze, north - (height - pad) / proj.scale,
        west + (width - pad) / proj.scale / proj.squeeze, north + pad / proj.scale,
    )  # fmt: skip
    drawn = [s for s in shapes if s in viewed or _overlaps(s.bbox, frame)]
    provinces = province_paths(drawn, {s.code for s in viewed}, proj)
    points = [MapPoint(*xy(s.latitude, s.longitude), s) for s in placed]  # type: ignore[arg-type]
    grid: list[GridLine] = []
    span = max(north - south, east - west)
    step = 2.0 if span > 6 else 0.5 if span > 1 else 0.1
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
    return MapView(width, height, points, grid, unplaced, places, missing, provinces)
