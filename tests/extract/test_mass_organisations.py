"""Plans of mass organisations (Youth Union, Women's Union) carried out in their own system:
their own departments as agencies, target tables with year or goal columns, task tables with
a column of quotas for the units."""

from kehoach.extract import extract_file
from kehoach.extract.agencies import canonical, document_province, take_agencies
from kehoach.extract.tables import cell_quantity, column_role, read_header
from kehoach.text.normalize import fold

from .conftest import FIXTURES

YOUTH = FIXTURES / "variant_youth_union_plan.md"
WOMEN = FIXTURES / "variant_womens_union_plan.txt"


def test_a_heading_naming_target_content_heads_a_target_table() -> None:
    assert column_role(fold("Nội dung chỉ tiêu")) == "targets"
    assert column_role(fold("Tên chỉ tiêu")) == "targets"
    assert column_role(fold("Nội dung")) == "text"
    assert column_role(fold("Nội dung nhiệm vụ, chỉ tiêu")) == "text"


def test_a_quota_column_beside_assigned_tasks_keeps_a_task_table() -> None:
    heading = ["TT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời gian", "Chỉ tiêu cho cơ sở"]
    head = read_header([heading])
    assert head is not None
    cols = head[0]
    assert not cols.is_targets and cols.lead == 2 and cols.ignored == [4]
    # with no agency column the same heading is a target table's
    head = read_header([["TT", "Nhiệm vụ", "Chỉ tiêu"]])
    assert head is not None and head[0].is_targets


def test_value_cells_with_their_unit_or_bound() -> None:
    assert cell_quantity("150 công trình") == ([150], "công trình")
    assert cell_quantity("Từ 90% trở lên") == ([90], "%")
    assert cell_quantity("2.500 lượt người") == ([2500], "lượt người")
    assert cell_quantity("Hằng năm") == ([], None)
    assert cell_quantity("12 - 15") == ([12, 15], None)


def test_youth_union_targets_by_year_columns() -> None:
    r = extract_file(YOUTH)
    got = [(t.horizon, [(m.value, m.unit, m.by) for m in t.metrics]) for t in r.targets]
    assert got == [
        (2030, [(80, "%", 2026), (100, "%", 2030)]),
        (2030, [(60, "công trình", 2026), (400, "công trình", 2030)]),
        # a year cell with no number (`Hằng năm`): the statement's own number
        (2030, [(1, "di tích", None)]),
    ]
    assert {t.section for t in r.targets} == {"II.2"}


def test_youth_union_task_table_with_a_quota_column() -> None:
    r = extract_file(YOUTH)
    tasks = {t.id: t for t in r.tasks}
    assert list(tasks) == ["I.1", "I.2", "II.1", "II.2", "II.3", "II.4", "II.5", "II.6"]
    # the quota (`Mỗi cơ sở Đoàn … ít nhất 02 buổi`) is neither task text nor a target
    assert tasks["I.2"].text == "Sinh hoạt chi đoàn chuyên đề về văn hóa, lối sống"
    # one owner written after the last of its boards, an abbreviated board spelt out
    assert tasks["II.1"].coordinating == [
        "Ban Tổ chức - Kiểm tra Tỉnh đoàn",
        "Ban Phong trào Tỉnh đoàn",
    ]
    assert tasks["II.2"].lead == ["Ban Tổ chức - Kiểm tra Tỉnh đoàn"]
    # an empty coordinating cell beside the row's own lead is no merge
    assert (tasks["II.4"].lead, tasks["II.4"].coordinating) == (["Đoàn các xã, phường"], [])
    # a row with its lead cell empty takes the lead above (a merged cell text left so)
    assert tasks["II.6"].lead == ["Ban Tuyên giáo Tỉnh đoàn"]
    # sending a plan in is no reporting duty
    assert [(x.every, x.due, x.to) for x in r.reporting] == [
        ("year", "11-20", "Ban Thường vụ Tỉnh ủy")
    ]


def test_womens_union_targets_in_a_goal_column_with_a_milestone_note() -> None:
    r = extract_file(WOMEN)
    got = [(t.horizon, [(m.value, m.unit, m.by) for m in t.metrics]) for t in r.targets]
    assert got == [
        # the section's heading (`Chỉ tiêu phấn đấu đến năm 2030`) gives the horizon
        (2030, [(95, "%", None)]),
        (2030, [(80, "CLB", None)]),
        # the note dates a milestone on the way (`Riêng năm 2027 đạt 100 lượt người`)
        (2030, [(400, "lượt người", None), (100, "lượt người", 2027)]),
    ]


def test_womens_union_departments_and_proposals() -> None:
    r = extract_file(WOMEN)
    tasks = {t.id: t for t in r.tasks}
    assert tasks["III.1.1.2"].coordinating == [
        "Sở Dân tộc và Tôn giáo",
        "Hội Liên hiệp Phụ nữ các xã có đông đồng bào Raglai",
    ]
    assert tasks["III.2"].lead == ["Báo và Phát thanh, Truyền hình Khánh Hòa"]
    # a one-off report to two bodies: one duty for each
    assert [(x.every, x.due, x.to) for x in r.reporting] == [
        ("once", "2026-12-15", "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
        ("once", "2026-12-15", "Đoàn Chủ tịch Trung ương Hội Liên hiệp Phụ nữ Việt Nam"),
    ]


def test_running_text_naming_two_bodies_in_one_capitalised_run() -> None:
    with document_province("Khánh Hòa"):
        names, rest = take_agencies("Ban Thường vụ Tỉnh ủy và Đoàn Chủ tịch Hội LHPN tỉnh xem xét.")
    assert names == ["Ban Thường vụ Tỉnh ủy", "Đoàn Chủ tịch Hội Liên hiệp Phụ nữ tỉnh"]
    assert rest == "xem xét."


def test_boards_abbreviated_after_ban_only() -> None:
    assert canonical("Ban TC-KT Tỉnh đoàn") == "Ban Tổ chức - Kiểm tra Tỉnh đoàn"
    assert canonical("Phòng TC-KT") == "Phòng TC-KT"
