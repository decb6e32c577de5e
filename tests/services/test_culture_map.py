"""Drawing the culture map: the projection, SVG paths, and the province outlines framing
the view (pure)."""

from __future__ import annotations

import re

from kehoach.services.culture_map import draw, fit, line_path
from kehoach.services.heritage import SiteView
from kehoach.services.province_outlines import load_outlines


def _site(lat: float, lon: float) -> SiteView:
    return SiteView(
        1, 1, "Cao Bằng", None, None, None, "Pác Bó", ("lich_su",), "quoc_gia", None, None,
        lat, lon, "", "none", None, True,
    )  # fmt: skip


def _numbers(d: str) -> list[tuple[float, float]]:
    nums = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", d)]
    return list(zip(nums[::2], nums[1::2], strict=True))


def test_fit_places_the_box_corners_on_the_margin():
    proj = fit(105.0, 22.0, 107.0, 23.0, 800, 560, 36)
    assert proj.xy(23.0, 105.0) == (36, 36)
    x, y = proj.xy(22.0, 107.0)
    assert (x <= 764.1 and y <= 524.1) and (abs(x - 764) < 0.2 or abs(y - 524) < 0.2)
    # a degree of longitude is drawn shorter than a degree of latitude at 22.5°N
    assert proj.xy(22.5, 106.0)[0] - proj.xy(22.5, 105.0)[0] < proj.xy(22.0, 105)[1] - 36


def test_line_path():
    proj = fit(105.0, 22.0, 106.0, 23.0, 100, 100, 0)
    assert line_path(((105.0, 23.0), (106.0, 23.0), (105.0, 22.0)), proj, close=True) == (
        "M0 0L" + line_path(((106.0, 23.0),), proj)[1:] + "L0 100Z"
    )
    assert line_path((), proj) == ""


def test_province_view_is_framed_by_its_outline_with_neighbours():
    shapes = load_outlines()
    view = draw([_site(22.94, 106.05)], shapes=shapes, focus="04")  # Cao Bằng
    focus = [p for p in view.provinces if p.focus]
    assert [p.code for p in focus] == ["04"]
    neighbours = {p.code for p in view.provinces if not p.focus}
    assert {"20", "08", "19"} <= neighbours and "96" not in neighbours
    points = _numbers(focus[0].outline)
    xs, ys = [x for x, _ in points], [y for _, y in points]
    assert min(xs) >= 36 and max(xs) <= 764 and min(ys) >= 36 and max(ys) <= 524
    assert min(ys) < 60 and (max(ys) > 500 or (min(xs) < 60 and max(xs) > 740))  # fills it
    site = view.points[0]
    assert 36 < site.x < 764 and 36 < site.y < 524


def test_national_view_draws_every_province():
    view = draw([], shapes=load_outlines())
    assert len(view.provinces) == 34 and all(p.focus for p in view.provinces)
    merged = next(p for p in view.provinces if p.code == "19")
    assert [name for name, _ in merged.parts] == ["Bắc Kạn", "Thái Nguyên"]
    assert all(d.startswith("M") and d.endswith("Z") for _, d in merged.parts)
    assert view.grid  # graticule every 2°


def test_without_outlines_the_points_frame_the_view():
    view = draw([_site(22.0, 106.0), _site(22.5, 106.5)])
    assert view.provinces == [] and len(view.points) == 2
    assert draw([]).points == []
