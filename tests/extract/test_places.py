"""Target tables that give each place its own numbers (`extract/places.py`)."""

from __future__ import annotations

from kehoach.extract import extract_file
from kehoach.extract.places import place_targets
from kehoach.intake.document import Table

from .conftest import FIXTURES


def test_each_communes_row_is_a_target_with_a_metric_for_each_indicator_and_year() -> None:
    """`STT | Xã, phường | Tỷ lệ … (%) | | Số đội … | | Ghi chú` over `Năm 2026 | Năm 2030`
    under each indicator (the merged heading's second cell left empty in the text): a target
    per commune, its text the commune's name, a metric per number with the column's year,
    the unit from the heading's brackets or from what `Số …` counts, a `-` no metric and
    the notes column none. A commune whose name shares the words of a body statement with
    the same number (`Xã Văn Hòa | 90`, `90% xã, phường có nhà văn hóa`) is a target of its
    own, not that statement restated."""
    r = extract_file(FIXTURES / "variant_place_targets.txt")
    rows = [t for t in r.targets if t.section == "appendix"]
    assert [t.text for t in rows] == [
        "Phường Phan Đình Phùng",
        "Xã Văn Hòa",
        "Xã Đại Từ",
        "Xã La Bằng",
    ]
    assert {t.horizon for t in rows} == {2030}
    assert [(m.value, m.unit, m.by) for m in rows[2].metrics] == [
        (82.5, "%", 2026),
        (95, "%", 2030),
        (7, "đội", 2026),
        (9, "đội", 2030),
    ]
    assert [(m.value, m.by) for m in rows[3].metrics] == [(76, 2026), (90, 2030), (5, 2030)]
    assert rows[1].metrics[0].subject == "Tỷ lệ thôn, tổ dân phố có nhà văn hóa (Xã Văn Hòa)"
    body = [t for t in r.targets if t.section != "appendix"]
    assert [[m.value for m in t.metrics] for t in body] == [[85, 95, 70], [40], [90]]


def test_one_heading_row_with_a_baseline_column_and_a_range() -> None:
    """`TT | Địa phương | Số … thực hiện năm 2025 | Số … năm 2028 | Tỷ lệ … năm 2028 (%)` as
    a pipe table: the 2025 column, before the plan's year, is the baseline and gives no
    metric; one year left, the metrics give none of their own and the targets aim at it; a
    range gives a number for each end."""
    r = extract_file(FIXTURES / "variant_place_targets_one_heading.md")
    rows = [t for t in r.targets if t.section == "appendix"]
    assert [(t.text, t.horizon) for t in rows] == [
        ("Phường Hoa Lư", 2028),
        ("Xã Gia Viễn", 2028),
        ("Xã Nho Quan", 2028),
    ]
    assert [(m.value, m.unit, m.by) for m in rows[1].metrics] == [
        (12, "câu lạc bộ", None),
        (15, "câu lạc bộ", None),
        (80, "%", None),
    ]


def test_a_word_table_repeats_the_merged_heading_and_needs_words_of_targets() -> None:
    """From Word the merged indicator heading is repeated over its years; the table is read
    only when it, the lines before it or its sections speak of targets (`Chỉ tiêu`)."""
    rows = [
        ["TT", "Địa phương", "Số lễ hội được phục dựng", "Số lễ hội được phục dựng"],
        ["", "", "Năm 2026", "Năm 2027"],
        ["1", "Xã Đông Sơn", "2", "3"],
        ["2", "Xã Tây Sơn", "1", "2"],
    ]
    assert place_targets(Table(rows=rows), ["Phụ lục", "Danh sách lễ hội"], 2026) is None
    got = place_targets(Table(rows=rows), ["Phụ lục", "Chỉ tiêu giao các xã"], 2026)
    assert got is not None
    assert [(t.text, [(m.value, m.unit, m.by) for m in t.metrics]) for t in got] == [
        ("Xã Đông Sơn", [(2, "lễ hội", 2026), (3, "lễ hội", 2027)]),
        ("Xã Tây Sơn", [(1, "lễ hội", 2026), (2, "lễ hội", 2027)]),
    ]


def test_a_column_of_words_or_of_deadlines_makes_no_place_table() -> None:
    """A table of places whose columns hold words (what each does), or one whose years are
    headed as times (when each place is to finish), is no table of targets."""
    words = [
        ["TT", "Xã, phường", "Chỉ tiêu năm 2026"],
        ["1", "Xã A", "Hoàn thành nhà văn hóa"],
        ["2", "Xã B", "Duy trì câu lạc bộ"],
    ]
    assert place_targets(Table(rows=words), ["Chỉ tiêu"], 2026) is None
    deadlines = [
        ["TT", "Xã, phường", "Số nhà văn hóa xây mới", "Thời hạn hoàn thành"],
        ["1", "Xã A", "2", "2027"],
        ["2", "Xã B", "1", "2028"],
    ]
    assert place_targets(Table(rows=deadlines), ["Chỉ tiêu"], 2026) is None
