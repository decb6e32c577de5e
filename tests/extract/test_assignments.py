"""Ways real plans assign work outside a task table, read from small fixtures in their layout."""

from kehoach.extract import extract_file
from kehoach.extract.timeframes import parse_timeframe

from .conftest import FIXTURES


def _roles(name: str) -> list[tuple]:
    return [
        (t.id, t.directing, t.lead, t.coordinating) for t in extract_file(FIXTURES / name).tasks
    ]


def test_groups_closed_by_the_committees_that_direct_them() -> None:
    """A party programme closes each group of bullets with `Trách nhiệm chỉ đạo thực hiện: …`:
    every bullet of the group is a task those committees direct; a section headed by a party
    committee whose head is two words (`Đảng ủy Mặt trận Tổ quốc, …`) leads its bullets."""
    ubnd = "Đảng ủy Ủy ban nhân dân tỉnh"
    front = ["Đảng ủy Mặt trận Tổ quốc", "các đoàn thể tỉnh"]
    assert _roles("variant_directing_closers.txt") == [
        ("II.1.1", [ubnd, *front], [], []),
        ("II.1.2", [ubnd, *front], [], []),
        ("II.2.1", [ubnd], [], []),
        ("II.2.2", [ubnd], [], []),
        ("III.1.1", [], front, []),
        ("III.2", [], ["Ban Tuyên giáo và Dân vận Tỉnh ủy"], ["các cơ quan liên quan"]),
    ]
    tf = extract_file(FIXTURES / "variant_directing_closers.txt").tasks[2].timeframe
    assert (tf.raw, tf.start, tf.end) == ("trong giai đoạn 2026 - 2028", "2026-01-01", "2028-12-31")


def test_activity_blocks_in_the_label_forms_event_plans_use() -> None:
    """`Địa điểm tổ chức`, `Thành phần tham dự`, `Cơ quan, đơn vị chủ trì`, `Phân công thực
    hiện: X chủ trì, phối hợp với Y`, `Đơn vị đăng cai`, `Dự kiến thời gian`: each block is one
    task headed by its activity."""
    r = extract_file(FIXTURES / "variant_event_label_forms.txt")
    got = [(t.id, t.text, t.lead, t.coordinating) for t in r.tasks[:4]]
    assert got == [
        (
            "II.1",
            "Tuyên truyền trước và trong Tuần lễ",
            ["Báo và Phát thanh, Truyền hình", "Ủy ban nhân dân các xã, phường"],
            [],
        ),
        (
            "II.2",
            "Lễ khai mạc Tuần lễ",
            ["Sở Văn hóa, Thể thao và Du lịch"],
            ["Công an tỉnh", "Sở Y tế"],
        ),
        (
            "II.3",
            "Chợ phiên ẩm thực vùng cao",
            ["Sở Công Thương"],
            ["Ủy ban nhân dân phường Kon Tum"],
        ),
        ("II.4", "Giải đua thuyền độc mộc", ["Ủy ban nhân dân xã Đăk Hà"], []),
    ]
    spans = [(t.timeframe.start, t.timeframe.end) for t in r.tasks[:4]]
    assert spans == [
        ("2026-03-01", "2026-04-30"),  # from one month to the end of another
        ("2026-04-18", "2026-04-18"),
        ("2026-04-18", "2026-04-20"),
        ("2026-04-01", "2026-04-30"),
    ]
    # `X chỉ đạo Y …`: X directs, Y leads
    last = r.tasks[-1]
    assert (last.directing, last.lead) == (["Công an tỉnh"], ["Công an các xã, phường"])


def test_a_letters_subject_line_is_no_part_heading() -> None:
    """`V/v …` under a letter's number is its subject, not a part numbered V: the numbered
    items that follow are tasks 1 and 2."""
    assert _roles("variant_letter_subject.txt") == [
        ("1", [], ["Sở Văn hóa, Thể thao và Du lịch"], ["Hội Liên hiệp Phụ nữ tỉnh"]),
        ("2", [], ["Ủy ban nhân dân các xã, phường"], []),
    ]


def test_month_ranges() -> None:
    for raw, span in [
        ("Từ tháng 3 đến hết tháng 5/2025", ("2025-03-01", "2025-05-31")),
        ("Từ tháng 11/2025 đến tháng 02/2026", ("2025-11-01", "2026-02-28")),
        ("từ tháng 5/2026", ("2026-05-01", None)),
    ]:
        tf = parse_timeframe(raw, 2025)
        assert (tf.start, tf.end) == span


def test_headings_that_say_what_their_agency_must_do() -> None:
    """`1. Sở X có trách nhiệm:`, `2. Sở Y thực hiện các nhiệm vụ sau:` head their items
    with the agency alone; `Vụ …`, `Tạp chí …` begin bodies of their own; a long list of
    bodies to work with is read whole; `Báo TN&MT` is no `Sở Tài nguyên và Môi trường`."""
    vh = "Sở Văn hóa, Thể thao và Du lịch"
    assert _roles("variant_duty_headings.txt") == [
        ("II.1.1", [], [vh], ["Sở Xây dựng", "Vụ Di sản văn hóa"]),
        ("II.1.2", [], [vh], []),
        ("II.2.1", [], ["Sở Nông nghiệp và Môi trường"], []),
        (
            "II.3",
            [],
            ["Ban Quản lý Quần thể danh thắng"],
            [
                "Trung tâm Văn hóa tỉnh",
                "Thư viện tỉnh",
                "Bảo tàng tỉnh",
                "Nhà hát Chèo tỉnh",
                "Đoàn Nghệ thuật tỉnh",
                "Phòng Văn hóa - Xã hội phường Hoa Lư",
                "các đơn vị sự nghiệp văn hóa cấp xã",
            ],
        ),
        ("II.4", [], ["Tạp chí Văn nghệ tỉnh", "Báo Tài nguyên và Môi trường"], []),
    ]


def test_a_bracketed_line_of_labels_closes_the_items_above_it() -> None:
    """`(Cơ quan chủ trì: X; cơ quan phối hợp: Y; thời gian: …)` on a line of its own after
    complete items closes them all; after an item that has not ended it is that item's own
    closing parenthesis, wrapped."""
    xa = "Ủy ban nhân dân các xã, phường"
    r = extract_file(FIXTURES / "variant_bracketed_closers.txt")
    got = [(t.id, t.lead, t.coordinating, t.timeframe.start) for t in r.tasks]
    assert got == [
        ("II.1.1", [xa], ["Hội Người cao tuổi tỉnh"], "2026-07-01"),
        ("II.1.2", [xa], ["Hội Người cao tuổi tỉnh"], "2026-07-01"),
        ("II.2.1", ["Sở Giáo dục và Đào tạo"], [], "2026-01-01"),
        ("II.2.2", ["Sở Giáo dục và Đào tạo"], ["Sở Văn hóa, Thể thao và Du lịch"], "2026-11-01"),
    ]
