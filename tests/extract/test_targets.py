"""Targets read from the objectives part, here an emulation movement's criteria."""

from kehoach.extract import extract_file

from .conftest import FIXTURES


def test_an_emulation_movements_criteria_are_its_targets() -> None:
    """`III. TIÊU CHÍ THI ĐUA` is the objectives part: each criterion with a number is a
    target (`100% cán bộ … mặc trang phục truyền thống …` too, which commits in no other
    words), aimed at the year its heading strives for; the scoring scale's points and the
    rewards (`tặng Bằng khen cho 30 tập thể`, the money for them) are none."""
    r = extract_file(FIXTURES / "variant_emulation_movement.txt")
    got = [(t.horizon, [(m.value, m.unit) for m in t.metrics]) for t in r.targets]
    assert got == [(2030, [(2, "đội")]), (2030, [(100, "%")]), (2030, [(100, "%")])]
    assert r.targets[2].text.startswith("100% cán bộ, công chức cấp xã")
