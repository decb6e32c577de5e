"""Agency cells whose lines ran together (a PDF cell whose first line is full, an OCR'd table,
a text copy): two names with no separator between them are two agencies, and a name that
goes on with a place or its owner's name stays one."""

import pytest

from kehoach.extract import extract_file
from kehoach.extract.agencies import document_province, parse_list

from .conftest import FIXTURES

RUN_ON = [
    # two registered names
    ("Sở Nội vụ Sở Tài chính", ["Sở Nội vụ", "Sở Tài chính"]),
    ("Sở GD&ĐT Sở KH&CN", ["Sở Giáo dục và Đào tạo", "Sở Khoa học và Công nghệ"]),
    ("Công an tỉnh Bộ Chỉ huy Quân sự tỉnh", ["Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"]),
    ("Tỉnh đoàn Hội Nông dân tỉnh", ["Tỉnh đoàn", "Hội Nông dân tỉnh"]),
    ("Công an xã Ban Chỉ huy Quân sự xã", ["Công an xã", "Ban Chỉ huy Quân sự xã"]),
    # a registered name, then one that begins with a head
    (
        "Sở Văn hóa, Thể thao và Du lịch Nhà hát Tuồng Lạng Sơn",
        ["Sở Văn hóa, Thể thao và Du lịch", "Nhà hát Tuồng Lạng Sơn"],
    ),
    (
        "Sở Dân tộc và Tôn giáo Ủy ban nhân dân các xã, phường",
        ["Sở Dân tộc và Tôn giáo", "Ủy ban nhân dân các xã, phường"],
    ),
    (
        "Sở Dân tộc và Tôn giáo UBND các xã vùng cao",
        ["Sở Dân tộc và Tôn giáo", "Ủy ban nhân dân các xã vùng cao"],
    ),
    ("Sở Y tế Bệnh viện Y học cổ truyền tỉnh", ["Sở Y tế", "Bệnh viện Y học cổ truyền tỉnh"]),
    ("Sở Tài chính Các sở, ngành liên quan", ["Sở Tài chính", "Các sở, ngành liên quan"]),
    (
        "Sở Nội vụ Văn phòng HĐND và UBND xã",
        ["Sở Nội vụ", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"],
    ),
    # the province's name after the first name is its own
    ("Công an tỉnh Lạng Sơn Bộ Chỉ huy Quân sự tỉnh", ["Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"]),
    (
        "Báo và Phát thanh, Truyền hình Lạng Sơn Sở Tài chính",
        ["Báo và Phát thanh, Truyền hình Lạng Sơn", "Sở Tài chính"],
    ),
    # an unregistered name that ends on `tỉnh`, then another body
    (
        "Trung tâm Văn hóa - Điện ảnh tỉnh Bảo tàng tỉnh",
        ["Trung tâm Văn hóa - Điện ảnh tỉnh", "Bảo tàng tỉnh"],
    ),
    (
        "Sở Văn hóa, Thể thao và Du lịch Trung tâm Văn hóa - Điện ảnh tỉnh Ban Quản lý di tích tỉnh",
        [
            "Sở Văn hóa, Thể thao và Du lịch",
            "Trung tâm Văn hóa - Điện ảnh tỉnh",
            "Ban Quản lý di tích tỉnh",
        ],
    ),
    # run on after a separator, and separators after a run-on
    (
        "Sở Tư pháp; Sở Nội vụ Sở Tài chính, Hội Nông dân tỉnh",
        ["Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính", "Hội Nông dân tỉnh"],
    ),
    # an unregistered name ends at the comma after it, though a dash parts bodies later on
    (
        "Nhà hát Chèo tỉnh, Trung tâm Văn hóa tỉnh Bảo tàng tỉnh - Sở Y tế",
        ["Nhà hát Chèo tỉnh", "Trung tâm Văn hóa tỉnh", "Bảo tàng tỉnh", "Sở Y tế"],
    ),
]

ONE_NAME = [
    # commas and `và` inside one name
    "Sở Văn hóa, Thể thao và Du lịch",
    "Báo và Phát thanh, Truyền hình Lạng Sơn",
    "Ủy ban nhân dân các xã, phường",
    "Trung tâm Văn hóa - Điện ảnh tỉnh",
    "Ban Quản lý di tích tỉnh",
    # a name ending in a place
    "Nhà hát Tuồng Lạng Sơn",
    # one commune's name may begin like a body (`Hội`, `Đoàn`)
    "Trạm Y tế xã Hội Hoan",
    "Công an xã Đoàn Kết",
    # a unit named bare, then the body that owns it
    "Phòng Văn hóa - Xã hội Ủy ban nhân dân phường Đông Kinh",
    "Ban Xây dựng Đảng Đảng ủy Ủy ban nhân dân tỉnh",
    "Cục Văn hóa cơ sở, Gia đình và Thư viện Bộ Văn hóa, Thể thao và Du lịch",
]


@pytest.mark.parametrize(("cell", "names"), RUN_ON, ids=[c for c, _ in RUN_ON])
def test_names_run_together_are_parted(cell: str, names: list[str]) -> None:
    with document_province("Lạng Sơn"):
        assert parse_list(cell) == names


@pytest.mark.parametrize("cell", ONE_NAME)
def test_one_name_is_not_parted(cell: str) -> None:
    with document_province("Lạng Sơn"):
        assert len(parse_list(cell)) == 1


def test_prose_after_a_name_is_no_body() -> None:
    # a head's word that begins prose (`Ban hành`) or an act (`Hội nghị`) is no second agency
    assert len(parse_list("Sở Nội vụ Ban hành")) == 1
    assert len(parse_list("Sở Nội vụ Hội nghị")) == 1


def test_plan_whose_agency_cells_ran_together() -> None:
    r = extract_file(FIXTURES / "variant_run_on_agency_cells.txt")
    got = {t.id: (t.lead, t.coordinating) for t in r.tasks}
    assert got == {
        "1": (
            ["Sở Văn hóa, Thể thao và Du lịch", "Đoàn Nghệ thuật dân tộc tỉnh"],
            ["Sở Dân tộc và Tôn giáo", "Ủy ban nhân dân các xã vùng đồng bào dân tộc thiểu số"],
        ),
        "2": (["Sở Nội vụ", "Sở Tài chính"], ["Ủy ban nhân dân các xã, phường"]),
        "3": (["Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"], ["Ban Quản lý di tích tỉnh"]),
        "4": (
            ["Báo và Phát thanh, Truyền hình Lạng Sơn", "Trung tâm Văn hóa - Điện ảnh tỉnh"],
            ["Trung tâm Văn hóa - Điện ảnh tỉnh", "Thư viện tỉnh"],
        ),
        "5": (["Nhà hát Ca múa nhạc dân tộc Lạng Sơn"], ["Trạm Y tế xã Hội Hoan"]),
    }
