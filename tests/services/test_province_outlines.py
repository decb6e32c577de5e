"""The shipped province outlines: all 34 provinces of the jurisdictions table, each made of
its pre-2025 provinces, inside Việt Nam; and which province a map shows."""

from __future__ import annotations

from importlib import resources

from kehoach.services.jurisdictions import find_jurisdiction, list_provinces
from kehoach.services.province_outlines import load_outlines, viewed_province


def test_data_file_is_small_and_names_every_province_as_the_jurisdictions_table(session):
    size = len(resources.files("kehoach.data").joinpath("province_outlines.json").read_bytes())
    assert size < 1_000_000
    assert resources.files("kehoach.data").joinpath("LICENSE-province_outlines.md").is_file()
    shapes = load_outlines()
    table = {p.code: p.name for p in list_provinces(session) if not p.national}
    assert len(table) == 34
    assert {s.code: s.name for s in shapes} == table


def test_shapes_are_the_old_provinces_inside_vietnam():
    shapes = {s.code: s for s in load_outlines()}
    assert sum(len(s.parts) for s in shapes.values()) == 63
    assert [o.name for o in shapes["19"].parts] == ["Bắc Kạn", "Thái Nguyên"]
    assert {o.name for o in shapes["79"].parts} == {
        "Bà Rịa - Vũng Tàu",
        "Bình Dương",
        "Hồ Chí Minh",
    }
    assert [o.name for o in shapes["04"].parts] == ["Cao Bằng"]
    for s in shapes.values():
        west, south, east, north = s.bbox
        assert 102 < west < east < 110 and 8 < south < north < 23.5, s.name
        assert s.outline and all(len(r) >= 4 and r[0] == r[-1] for o in s.parts for r in o.rings)
    # Cao Bằng is in the north-east, Cà Mau at the southern tip
    assert shapes["04"].bbox[1] > 22 and shapes["96"].bbox[1] < 9


def test_viewed_province(session, users):
    cao_bang = find_jurisdiction(session, "Cao Bằng")
    assert viewed_province(session, users["officer"], None) is None  # national: the country
    assert viewed_province(session, None, None) is None
    assert viewed_province(session, users["reporter"], None).code == cao_bang.code
    assert viewed_province(session, users["officer"], cao_bang.id).code == "04"
