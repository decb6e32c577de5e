"""Task cells listing several tasks as dash items: a calendar table's rows (`Tháng 3 | - A;
- B | …`), and rows whose agency cells pair their items (`extract/cell_items.py`)."""

from __future__ import annotations

import io

from kehoach.extract import extract_document, extract_file
from kehoach.extract.cell_items import agency_items, item_rows, period_key, task_items
from kehoach.intake import read_bytes

from .conftest import FIXTURES


def _by_id(path):
    return {t.id: t for t in extract_file(path).tasks}


def test_task_items_part_only_where_an_item_ends() -> None:
    assert task_items("- Tổ chức lễ kỷ niệm Ngày Thương binh - Liệt sĩ; - Kiểm tra di tích.") == [
        "Tổ chức lễ kỷ niệm Ngày Thương binh - Liệt sĩ;",
        "Kiểm tra di tích.",
    ]
    assert task_items("- Rà soát danh mục\n- Trình phê duyệt") == [
        "Rà soát danh mục",
        "Trình phê duyệt",
    ]
    # a cell that opens with its own words lists sub-items of one task
    assert task_items("Tổ chức ngày hội, gồm: - Trưng bày; - Giao lưu.") == []


def test_agency_items_part_only_before_a_body() -> None:
    cell = "- Phòng Kế hoạch - Tài chính - Trung tâm Văn hóa tỉnh - Sở Y tế; Tỉnh đoàn"
    assert agency_items(cell) == [
        "Phòng Kế hoạch - Tài chính",
        "Trung tâm Văn hóa tỉnh",
        "Sở Y tế; Tỉnh đoàn",
    ]
    assert agency_items("Phòng Kế hoạch - Tài chính") == []


def test_item_rows_pair_only_in_a_calendar_or_by_count() -> None:
    row = ["Quý I", "- Việc một; - Việc hai.", "- Thư viện tỉnh - Bảo tàng tỉnh", "Sở Nội vụ"]
    assert item_rows(row, 1, [2, 3], by_period=False) == [
        ["Quý I", "Việc một;", "Thư viện tỉnh", "Sở Nội vụ"],
        ["Quý I", "Việc hai.", "Bảo tàng tỉnh", "Sở Nội vụ"],
    ]
    one_lead = ["2", "- Việc một; - Việc hai.", "Thư viện tỉnh", "Sở Nội vụ"]
    assert item_rows(one_lead, 1, [2, 3], by_period=False) == [one_lead]
    assert [r[2] for r in item_rows(one_lead, 1, [2, 3], by_period=True)] == ["Thư viện tỉnh"] * 2
    two_leads = ["Quý I", "- Một; - Hai; - Ba.", "- Thư viện tỉnh - Bảo tàng tỉnh", ""]
    cells = {r[2] for r in item_rows(two_leads, 1, [2, 3], by_period=True)}
    assert cells == {"- Thư viện tỉnh - Bảo tàng tỉnh"}  # whole, for each item
    assert (period_key("Tháng 11"), period_key("Quý III"), period_key("Thường xuyên")) == (
        "11",
        "III",
        "TX",
    )


def test_a_calendar_row_gives_a_task_per_item_in_its_month() -> None:
    tasks = _by_id(FIXTURES / "variant_calendar_table.txt")
    calendar = [i for i in tasks if i[0].isdigit() and "." in i][:10]
    assert calendar == ["2.1", "2.2", "3.1", "3.2", "3.3", "6.1", "6.2", "9.1", "9.2", "9.3"]
    # lead items paired one by one, `Phòng Kế hoạch - Tài chính` one name; a single partner
    # for every item
    assert [(tasks[i].lead, tasks[i].coordinating) for i in ("2.1", "2.2")] == [
        (["Thư viện tỉnh"], ["Văn phòng Sở"]),
        (["Phòng Kế hoạch - Tài chính"], ["Văn phòng Sở"]),
    ]
    assert tasks["3.2"].text.startswith("Tổ chức chương trình văn hóa - thể thao")
    assert tasks["3.2"].lead == ["Trung tâm Văn hóa tỉnh"]
    assert tasks["3.2"].coordinating == ["Tỉnh đoàn", "Ủy ban nhân dân các xã, phường"]
    assert tasks["3.3"].coordinating == ["Ủy ban nhân dân các xã, phường"]
    # the month is the time: `6 tháng đầu năm`, `quý III` in the item's words are not
    first_half = tasks["6.1"].timeframe
    assert (first_half.raw, first_half.kind, first_half.start, first_half.end) == (
        "Tháng 6",
        "window",
        "2027-06-01",
        "2027-06-30",
    )
    assert tasks["6.2"].coordinating == ["Sở Giáo dục và Đào tạo", "Thư viện tỉnh"]
    # two leads listed for three items pair with none: both lead each
    assert all(
        tasks[i].lead == ["Thư viện tỉnh", "Trung tâm Văn hóa tỉnh"] for i in ("9.1", "9.2", "9.3")
    )
    assert tasks["9.3"].timeframe.end == "2027-09-30"
    assert [(tasks[i].timeframe.kind, tasks[i].lead) for i in ("TX.1", "TX.2")] == [
        ("continuous", ["Văn phòng Sở"]),
        ("continuous", ["Phòng Quản lý Văn hóa"]),
    ]


def test_outside_a_calendar_only_a_row_pairing_its_items_is_split() -> None:
    tasks = list(extract_file(FIXTURES / "variant_calendar_table.txt").tasks)[12:16]
    assert [(t.id, t.lead) for t in tasks] == [
        ("1.1", ["Thư viện tỉnh"]),
        ("1.2", ["Phòng Kế hoạch - Tài chính"]),
        ("2", ["Thư viện tỉnh"]),  # its own words, then the parts of the one task
        ("3", ["Phòng Quản lý Văn hóa"]),  # one lead for both items: one row, one task
    ]
    assert tasks[1].timeframe.raw == "Năm 2027"
    assert tasks[3].text.startswith("- Rà soát")


def test_a_word_calendar_by_quarter_lists_items_as_paragraphs() -> None:
    import docx

    d = docx.Document()
    for line in [
        "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH LÀO CAI",
        "Số: 44/KH-SVHTTDL",
        "Lào Cai, ngày 10 tháng 02 năm 2027",
        "KẾ HOẠCH",
        "Tuyên truyền cổ động năm 2027",
        "I. LỊCH THỰC HIỆN",
    ]:
        d.add_paragraph(line)
    t = d.add_table(rows=0, cols=4)
    for values in (
        ("Quý", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp"),
        (
            "Quý II",
            "- Treo pa nô chào mừng ngày thống nhất đất nước;\n- Thi vẽ tranh cổ động.",
            "- Trung tâm Văn hóa tỉnh\n- Phòng Quản lý Văn hóa",
            "UBND các xã, phường",
        ),
    ):
        for cell, v in zip(t.add_row().cells, values, strict=True):
            cell.text = v
    d.add_paragraph("II. TỔ CHỨC THỰC HIỆN")
    out = io.BytesIO()
    d.save(out)
    r = extract_document(read_bytes(out.getvalue(), "calendar.docx"))
    got = [(t.id, t.lead, t.coordinating, t.timeframe.start, t.timeframe.end) for t in r.tasks]
    partners = ["Ủy ban nhân dân các xã, phường"]
    assert got == [
        ("II.1", ["Trung tâm Văn hóa tỉnh"], partners, "2027-04-01", "2027-06-30"),
        ("II.2", ["Phòng Quản lý Văn hóa"], partners, "2027-04-01", "2027-06-30"),
    ]
    assert r.tasks[1].text == "Thi vẽ tranh cổ động."


def test_a_dash_listed_agency_cell_of_one_task_lists_its_bodies_apart() -> None:
    """`- Sở X` / `- Sở Y` (a Word cell's paragraphs) or `- Sở X - Sở Y` on one line: two
    bodies, not one name joined by a dash."""
    tasks = list(extract_file(FIXTURES / "variant_calendar_table.txt").tasks)
    # the row of a third table: one task, its partner cell a dash list
    assert (tasks[-1].text, tasks[-1].lead, tasks[-1].coordinating) == (
        "Hướng dẫn sử dụng phần mềm quản lý thư viện cho các xã.",
        ["Thư viện tỉnh"],
        ["Phòng Kế hoạch - Tài chính", "Ủy ban nhân dân các xã, phường"],
    )
