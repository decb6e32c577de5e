"""A head's title standing for the body they head (`Giám đốc Sở X:`, `Chủ tịch UBND các xã,
phường chỉ đạo:`, `Tổng Biên tập Báo X:`, `báo cáo Chủ tịch UBND tỉnh`), in a Chairman's
directive whose preamble states the situation in figures before its one commitment."""

from kehoach.extract import extract_file
from kehoach.extract.agencies import parse_list

from .conftest import FIXTURES

DIRECTIVE = FIXTURES / "variant_chairman_directive_heads.txt"


def test_a_heads_title_before_its_work_words_names_the_body_without_them() -> None:
    # `Chủ tịch UBND các xã, phường chỉ đạo:` ends its name where a bare body's would
    assert parse_list("Chủ tịch UBND các xã, phường chỉ đạo") == [
        "Chủ tịch Ủy ban nhân dân các xã, phường"
    ]
    assert parse_list("Giám đốc Sở Y tế hướng dẫn") == ["Giám đốc Sở Y tế"]


def test_heads_headings_lead_as_their_bodies() -> None:
    r = extract_file(DIRECTIVE)
    leads = {t.id: t.lead for t in r.tasks}
    assert leads["1.1"] == ["Sở Văn hóa, Thể thao và Du lịch"]
    # `chỉ đạo` with no body after it is the head's own work, not a body it directs
    assert leads["2.1"] == leads["2.2"] == ["Ủy ban nhân dân các xã, phường"]
    assert all(not t.directing for t in r.tasks)
    # a newspaper's editor-in-chief is addressed for the newspaper
    assert leads["3"] == ["Báo Hà Giang"]


def test_a_report_to_the_chairman_goes_to_the_committee_and_a_dated_one_off_beside_it() -> None:
    r = extract_file(DIRECTIVE)
    got = {(d.every, d.due, d.to, d.via) for d in r.reporting}
    sd = "Sở Văn hóa, Thể thao và Du lịch"
    assert got == {
        ("year", "12-05", "Ủy ban nhân dân tỉnh", sd),
        # `(trước ngày 15/9/2026)` beside the yearly report: a day with its year is once
        ("once", "2026-09-15", "Ủy ban nhân dân tỉnh", sd),
    }


def test_figures_of_the_situation_as_it_stands_are_no_targets() -> None:
    r = extract_file(DIRECTIVE)
    # `toàn tỉnh hiện có 312 thư viện …; mỗi năm thu hút trên 150.000 lượt`: the present state
    assert [t.text for t in r.targets] == [
        "Phấn đấu trong năm 2026, 100% xã, phường có tủ sách cộng đồng hoạt động thường xuyên."
    ]
