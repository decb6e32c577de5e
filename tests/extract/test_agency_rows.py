"""Task tables grouped under agency rows: the row's agencies lead the task rows under it."""

import pytest

from kehoach.extract import extract_file
from kehoach.extract.agency_rows import agency_row, coordinating_of_row, group_leads

from .conftest import FIXTURES


@pytest.mark.parametrize(
    ("title", "leads"),
    [
        ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", ["Sở Văn hóa, Thể thao và Du lịch"]),
        ("CÔNG AN TỈNH", ["Công an tỉnh"]),
        ("UBND CÁC XÃ, PHƯỜNG, ĐẶC KHU", ["Ủy ban nhân dân các xã, phường, đặc khu"]),
        # a registered name followed by the province's, in capitals
        ("BÁO VÀ PHÁT THANH, TRUYỀN HÌNH LÀO CAI", ["Báo và Phát thanh, Truyền hình Lào Cai"]),
        # a request to the front and the unions: two leads, the group as written
        (
            "ĐỀ NGHỊ ỦY BAN MTTQ VIỆT NAM TỈNH VÀ CÁC ĐOÀN THỂ CHÍNH TRỊ - XÃ HỘI TỈNH",
            ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các đoàn thể chính trị - xã hội tỉnh"],
        ),
        ("Sở Nội vụ", ["Sở Nội vụ"]),
        ("Các sở, ban, ngành tỉnh", ["Các sở, ban, ngành tỉnh"]),
        # topics, in capitals or not, name no agency
        ("TUYÊN TRUYỀN, NÂNG CAO NHẬN THỨC", []),
        ("BAN HÀNH VĂN BẢN HƯỚNG DẪN", []),
        ("HỘI NGHỊ, HỘI THẢO", []),
        ("CÁC NHIỆM VỤ TRỌNG TÂM", []),
        ("Các hoạt động hưởng ứng", []),
        ("Bảo đảm nguồn lực; kiểm tra, giám sát", []),
    ],
)
def test_a_group_title_leads_only_when_it_only_names_agencies(title, leads) -> None:
    assert group_leads(title) == leads


def test_a_numbered_row_naming_an_agency_is_an_agency_row() -> None:
    assert agency_row(["1. Công an tỉnh", "", "", ""]) == ("1", "Công an tỉnh")
    assert agency_row(["2", "Sở Y tế", "", ""]) == ("2", "Sở Y tế")
    # a task row, and an unnumbered line that may be a task cell wrapped, are none
    assert agency_row(["3", "Tổ chức hội nghị", "", ""]) is None
    assert agency_row(["", "Ủy ban nhân dân các xã, phường", "", ""]) is None
    # the name merged across the row, repeated in each column (a Word or PDF table)
    assert agency_row(["4", "SỞ Y TẾ", "SỞ Y TẾ", "SỞ Y TẾ"]) == ("4", "SỞ Y TẾ")


def test_a_row_that_begins_by_working_with_a_body_names_it_as_coordinating() -> None:
    text = "Phối hợp với Sở Giáo dục và Đào tạo biên soạn tài liệu"
    assert coordinating_of_row(text) == ["Sở Giáo dục và Đào tạo"]
    assert coordinating_of_row("Biên soạn tài liệu, phối hợp với Sở Y tế") == []


def test_roman_agency_rows_lead_the_rows_under_them() -> None:
    """`I. SỞ …` over `STT | Nhiệm vụ | Đơn vị phối hợp | Thời gian`, the heading repeated
    after a page break; `ĐỀ NGHỊ ỦY BAN MTTQ … VÀ CÁC ĐOÀN THỂ …` gives two leads."""
    tasks = extract_file(FIXTURES / "variant_agency_rows.md").tasks
    got = [(t.id, t.group_title, t.lead, t.coordinating, t.timeframe.kind) for t in tasks]
    vhttdl = "Sở Văn hóa, Thể thao và Du lịch"
    communes = "Ủy ban nhân dân các xã, phường"
    front = [
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        "các đoàn thể chính trị - xã hội tỉnh",
    ]
    assert got == [
        (
            "I.1",
            "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
            [vhttdl],
            ["Sở Dân tộc và Tôn giáo", communes],
            "window",
        ),
        # an empty coordinating cell; the row's own words name whom the lead works with
        ("I.2", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", [vhttdl], ["Sở Giáo dục và Đào tạo"], "window"),
        ("I.3", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", [vhttdl], ["Các đơn vị liên quan"], "recurring"),
        (
            "II.4",
            "BÁO VÀ PHÁT THANH, TRUYỀN HÌNH LÀO CAI",
            ["Báo và Phát thanh, Truyền hình Lào Cai"],
            [vhttdl],
            "continuous",
        ),
        (
            "III.5",
            "ĐỀ NGHỊ ỦY BAN MTTQ VIỆT NAM TỈNH VÀ CÁC ĐOÀN THỂ CHÍNH TRỊ - XÃ HỘI TỈNH",
            front,
            [vhttdl, communes],
            "recurring",
        ),
        ("IV.6", "UBND CÁC XÃ, PHƯỜNG", [communes], [], "continuous"),
        (
            "IV.7",
            "UBND CÁC XÃ, PHƯỜNG",
            [communes],
            ["Công an xã, phường", "các đơn vị liên quan"],
            "from",
        ),
    ]


def test_numbered_agency_rows_lead_and_number_the_rows_under_them() -> None:
    """`1. Trung tâm …` in one cell over rows numbered anew (ids `1.1`, `2.1`); `3 | Phòng …`
    over rows that carry its number themselves (`3.1`)."""
    tasks = extract_file(FIXTURES / "variant_agency_rows_numbered.txt").tasks
    got = [(t.id, t.group_title, t.lead) for t in tasks]
    centre = ["Trung tâm Văn hóa - Nghệ thuật tỉnh"]
    office = ["Phòng Quản lý văn hóa và Gia đình"]
    assert got == [
        ("1.1", "Trung tâm Văn hóa - Nghệ thuật tỉnh", centre),
        ("1.2", "Trung tâm Văn hóa - Nghệ thuật tỉnh", centre),
        ("2.1", "Thư viện tỉnh", ["Thư viện tỉnh"]),
        ("3.1", None, office),
        ("3.2", None, office),
    ]
    assert tasks[3].coordinating == ["Công an tỉnh", "Ủy ban nhân dân phường Núi Sam"]


def test_tab_agency_rows_lead_the_rows_under_them_in_every_form() -> None:
    """A tab table copied from Word whose agency rows (`1 → SỞ …`, their name merged across
    the row) have fewer tabs than the task rows `1.1`, `1.2` under them, and no lead column:
    every task is led by its agency row, in canonical form (`BÁO VÀ PHÁT THANH, TRUYỀN HÌNH
    …` and `ỦY BAN NHÂN DÂN CÁC XÃ, PHƯỜNG` one agency each; `ĐỀ NGHỊ TỈNH ĐOÀN` the union),
    whose number is not a lead; an empty coordinating cell gives none. The Word file and the
    PDF, the agency rows merged across, read the same."""
    vhttdl = "Sở Văn hóa, Thể thao và Du lịch"
    gddt = "Sở Giáo dục và Đào tạo"
    communes = "Ủy ban nhân dân các xã, phường"
    expected = [
        ("1.1", [vhttdl], ["Sở Khoa học và Công nghệ", communes]),
        ("1.2", [vhttdl], [gddt, "các tổ chức chính trị - xã hội tỉnh"]),
        ("1.3", [vhttdl], []),
        ("2.1", [gddt], [vhttdl]),
        ("2.2", [gddt], ["Sở Tài chính", "Ủy ban nhân dân các xã"]),
        ("3.1", ["Báo và Phát thanh, Truyền hình Đồng Tháp"], [vhttdl, "Thư viện tỉnh"]),
        ("4.1", ["Tỉnh đoàn"], [vhttdl, gddt]),
        ("5.1", [communes], [vhttdl]),
        ("5.2", [communes], ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các doanh nghiệp"]),
    ]
    for form in ("txt", "docx", "pdf"):
        record = extract_file(FIXTURES / f"variant_agency_rows_tabbed.{form}")
        got = [(t.id, t.lead, t.coordinating) for t in record.tasks]
        assert got == expected, form
        # the products column (`Báo cáo khảo sát`) names no reporting duty
        assert [(r.every, r.due) for r in record.reporting] == [("half_year", "06-15")], form


def test_one_cell_agency_rows_of_a_tab_table_lead_the_rows_under_them() -> None:
    """The agency rows typed as one cell over the whole row (`2. CÔNG AN TỈNH`, no tab):
    the same leads as with the number in a cell of its own."""
    from kehoach.extract.plan import build_record
    from kehoach.intake.txt import read

    text = (
        "PHỤ LỤC\n"
        "TT\tNhiệm vụ\tĐơn vị phối hợp\tThời gian\n"
        "1. SỞ Y TẾ\n"
        "1.1\tKiểm tra an toàn thực phẩm tại lễ hội\tUBND các xã\tQuý I/2026\n"
        "2. CÔNG AN TỈNH\n"
        "2.1\tBảo đảm trật tự tại lễ hội\tSở Y tế\tHằng năm\n"
        "2.2\tPhòng cháy tại di tích\t\tThường xuyên\n"
    )
    record = build_record(read(text.encode(), "plan.txt", "0"))
    got = [(t.id, t.lead, t.coordinating) for t in record.tasks]
    assert got == [
        ("1.1", ["Sở Y tế"], ["Ủy ban nhân dân các xã"]),
        ("2.1", ["Công an tỉnh"], ["Sở Y tế"]),
        ("2.2", ["Công an tỉnh"], []),
    ]
