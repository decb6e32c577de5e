"""Roles in closing parentheses, the last implementation item, reporting restated and
numbers glued to letters: families the blind test documents showed the reader missing."""

import pytest

from kehoach.extract import extract_file
from kehoach.extract.agencies import parse_roles
from kehoach.extract.targets import quantities

from .conftest import FIXTURES


def test_closing_parenthesis_names_coordinators_after_the_lead_and_a_directing_body() -> None:
    r = extract_file(FIXTURES / "variant_closing_roles_plan.txt")
    roles = {t.id: (t.directing, t.lead, t.coordinating) for t in r.tasks}
    # "(Sở X chủ trì; Sở Y, Sở Z phối hợp; thời gian: …)": Y and Z coordinate
    assert roles["III.1.1"] == (
        [],
        ["Sở Văn hóa, Thể thao và Du lịch"],
        ["Sở Xây dựng", "Sở Tài chính"],
    )
    assert roles["III.2.2"] == (
        [],
        ["Sở Giáo dục và Đào tạo"],
        ["Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế"],
    )
    # "(Sở X chỉ đạo các cơ sở … thực hiện; …)": X directs, the group leads
    assert roles["III.2.1"] == (["Sở Giáo dục và Đào tạo"], ["các cơ sở giáo dục tiểu học"], [])
    by_id = {t.id: t for t in r.tasks}
    assert by_id["III.2.1"].timeframe.raw == "từ tháng 9/2026"
    assert by_id["III.2.1"].timeframe.kind == "from"


def test_a_number_glued_to_a_name_is_no_metric() -> None:
    r = extract_file(FIXTURES / "variant_closing_roles_plan.txt")
    metrics = [[(m.value, m.unit) for m in t.metrics] for t in r.targets]
    assert metrics == [[(45, "%")], [(100, "%")], [(6, "giải")]]  # not (3, "D") of "3D"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("xây dựng hồ sơ dữ liệu 3D cho 20 di tích", [(20, "di tích")]),
        ("phủ sóng mạng 5G tại 100% xã", [(100, "%")]),
        ("doanh thu du lịch văn hóa, 1ịch sử đạt 900 tỷ đồng", [(900, "tỷ đồng")]),
        ("trồng 12ha rừng và làm 5km đường", [(12, "ha"), (5, "km")]),
    ],
)
def test_glued_letters_make_a_unit_only_when_they_are_one(text, expected) -> None:
    assert [(v, u) for v, u, _ in quantities(text)] == expected


def test_reporting_restated_for_the_compiler_and_a_monthly_day() -> None:
    r = extract_file(FIXTURES / "variant_closing_roles_plan.txt")
    got = [(d.every, d.due, d.to) for d in r.reporting]
    svh = "Sở Văn hóa, Thể thao và Du lịch"
    assert got == [
        ("month", "25", svh),  # "trước ngày 25 hằng tháng": the day of the month
        # "Định kỳ hằng quý và hằng năm (báo cáo năm gửi trước ngày 10/12)": two duties
        ("quarter", None, "Ủy ban nhân dân tỉnh"),
        ("year", "12-10", "Ủy ban nhân dân tỉnh"),
        # "… báo cáo UBND tỉnh theo định kỳ nêu trên": the same duties, no new one
    ]
    assert [d.via for d in r.reporting[1:]] == [svh, svh]


def test_last_implementation_item_before_the_closing_line_and_reviews_are_no_duty() -> None:
    r = extract_file(FIXTURES / "variant_resolution_closing_items.txt")
    roles = {t.id: (t.lead, t.coordinating) for t in r.tasks}
    assert roles["III.3"] == (
        [
            "Báo và Phát thanh, Truyền hình Sơn La",
            "các cơ quan báo chí trung ương thường trú trên địa bàn",
        ],
        [],
    )
    assert len(r.tasks) == 3
    # "6 tháng (trước ngày 15/6) và năm (trước ngày 15/11) … báo cáo …; giúp … tổ chức sơ
    # kết … và tổng kết …": two duties; the review is none
    got = [(d.every, d.due) for d in r.reporting]
    assert got == [("half_year", "06-15"), ("year", "11-15")]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Sở Tư pháp, Sở Công Thương phối hợp", ([], ["Sở Tư pháp", "Sở Công Thương"])),
        ("Sở Nội vụ; Sở Tài chính phối hợp", (["Sở Nội vụ"], ["Sở Tài chính"])),
    ],
)
def test_a_part_that_ends_with_phoi_hop_names_coordinators(cell, expected) -> None:
    assert parse_roles(cell) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # `tài liệu` folds like `tại`, `vé` like `về`, `chợ` like `cho`: tone marks tell them apart
        ("số hóa 40 tài liệu", [(40, "tài liệu")]),
        ("bán 500 vé", [(500, "vé")]),
        ("cải tạo 05 chợ", [(5, "chợ")]),
        ("có 12 tại chỗ", []),
        # a word written without marks is matched folded
        ("co 12 tai cho", []),
        # a count of the plan's own targets
        ("phấn đấu thực hiện 11 chỉ tiêu chủ yếu", []),
    ],
)
def test_function_words_after_a_number_are_told_by_their_tone_marks(text, expected) -> None:
    assert [(v, u) for v, u, _ in quantities(text)] == expected


def test_a_festival_counted_is_a_unit_not_days() -> None:
    assert [(v, u) for v, u, _ in quantities("tổ chức ít nhất 02 Ngày hội thể thao mỗi năm")] == [
        (2, "ngày hội")
    ]
    assert quantities("tổ chức trong 03 ngày") == []
