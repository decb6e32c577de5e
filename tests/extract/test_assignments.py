"""Ways real plans assign work outside a task table, read from small fixtures in their layout."""

from kehoach.extract import extract_file
from kehoach.extract.assignments import read_heading
from kehoach.extract.timeframes import parse_timeframe

from .conftest import FIXTURES


def _roles(name: str) -> list[tuple]:
    return [
        (t.id, t.directing, t.lead, t.coordinating) for t in extract_file(FIXTURES / name).tasks
    ]


def test_groups_closed_by_the_committees_that_direct_them() -> None:
    """A party programme closes each group of bullets with `Trách nhiệm chỉ đạo thực hiện: …`:
    every bullet of the group is a task those committees direct; a section headed by a party
    committee whose head is two words (`Đảng ủy Mặt trận Tổ quốc, …`) leads its bullets. The
    party committee of the Front and the mass organisations (`Đảng ủy Mặt trận Tổ quốc, các
    đoàn thể tỉnh`, since the 2025 merger) is one body: its `, các` parts nothing."""
    ubnd = "Đảng ủy Ủy ban nhân dân tỉnh"
    front = ["Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh"]
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
            ["Báo và Phát thanh, Truyền hình tỉnh", "Ủy ban nhân dân các xã, phường"],
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
        # `năm học 2026 - 2027`: the school year opens in September (time.school_periods)
        ("II.2.1", ["Sở Giáo dục và Đào tạo"], [], "2026-09-01"),
        ("II.2.2", ["Sở Giáo dục và Đào tạo"], ["Sở Văn hóa, Thể thao và Du lịch"], "2026-11-01"),
    ]


def test_a_letters_numbered_items_in_the_ways_provincial_letters_word_them() -> None:
    """A công văn's numbered items: `Trách nhiệm chung của các cơ quan, đơn vị` heads its
    bullets with the group; an agency name wrapped after `phối hợp với Sở` stays whole; forest
    owners and companies lead; a heading that only lists bodies (`…tham mưu, giúp việc Tỉnh
    ủy; các chi bộ, …`) leads the prose under it, and `Giao X chủ trì` there leads its own;
    `các cơ quan, đơn vị có liên quan` keeps its tail; `Kiểm lâm` is no verb `làm`; the
    closing `Căn cứ nội dung chỉ đạo trên, …` is no task."""
    party = ["Các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy", "các chi bộ, đảng bộ cơ sở"]
    assert _roles("variant_letter_items.txt") == [
        ("1.1", [], ["các cơ quan, đơn vị"], []),
        ("1.2", [], ["các cơ quan, đơn vị"], []),
        ("2", [], ["Sở Văn hóa, Thể thao và Du lịch"], ["Sở Tài chính"]),
        ("3", [], ["Vườn quốc gia Tà Xùa", "các Công ty Lâm nghiệp"], []),
        ("4.1", [], party, []),
        ("4.2", [], ["Ban Xây dựng Đảng Tỉnh ủy"], []),
        ("5.1", ["Ủy ban nhân dân tỉnh"], ["các cơ quan, đơn vị có liên quan"], []),
        ("6", [], ["Cục Lâm nghiệp và Kiểm lâm"], []),
    ]
    tasks = extract_file(FIXTURES / "variant_letter_items.txt").tasks
    # a place described as often encroached on is no continuous timeframe
    assert tasks[1].timeframe.raw is None
    tf = tasks[2].timeframe
    assert (tf.raw, tf.start, tf.end) == (
        "chậm nhất đến ngày 30 tháng 6 năm 2027",
        "2027-01-01",
        "2027-06-30",
    )


def test_a_letter_that_assigns_in_one_unnumbered_paragraph() -> None:
    """`Giao X chủ trì, phối hợp với Y …` before any numbered heading is the letter's task;
    the preamble (`Ủy ban nhân dân tỉnh nhận được …`) and the closing `Căn cứ nội dung văn bản,
    X tổ chức thực hiện./.` are none."""
    r = extract_file(FIXTURES / "variant_letter_unnumbered.txt")
    assert [(t.id, t.lead, t.coordinating) for t in r.tasks] == [
        ("1", ["Sở Văn hóa, Thể thao và Du lịch"], ["các cơ quan, đơn vị, địa phương"])
    ]
    tf = r.tasks[0].timeframe
    assert (tf.kind, tf.start, tf.end) == ("window", "2027-01-01", "2027-04-30")


def test_a_date_written_out_in_words() -> None:
    tf = parse_timeframe("trước ngày 01 tháng 7 năm 2028", 2026)
    assert (tf.kind, tf.start, tf.end) == ("window", "2026-01-01", "2028-07-01")
    tf = parse_timeframe("Ngày 10 tháng 10 năm 2026", 2026)
    assert (tf.start, tf.end) == ("2026-10-10", "2026-10-10")


def test_a_persons_title_stands_for_its_body_and_a_coordinating_subject_does_not_lead() -> None:
    """`Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm …`, `Giám đốc Công an tỉnh …`,
    `Thủ trưởng các sở, ban, ngành …`: a title is no agency, the body it heads takes the role.
    `X phối hợp thực hiện …` makes X a coordinator: under an agency's heading that agency
    leads; as a numbered item of its own, no one does."""
    nn, xa = "Sở Nông nghiệp và Môi trường", "Ủy ban nhân dân các xã, phường"
    assert _roles("variant_positions_coordinators.txt") == [
        ("II.1.1", [], [nn], []),
        ("II.1.2", [], [nn], ["Sở Tài chính"]),
        ("II.2.1", [], [xa], []),
        ("II.2.2", [], [xa], []),
        ("II.3", [], ["Công an tỉnh"], []),
        ("II.4", [], [], ["Bộ Chỉ huy Quân sự tỉnh"]),
        ("II.5", [], ["các sở, ban, ngành"], []),
    ]


def _tasks(name: str) -> list[tuple]:
    return [
        (t.id, t.text[:40], t.lead, t.coordinating, t.timeframe.start, t.timeframe.end)
        for t in extract_file(FIXTURES / name).tasks
    ]


def test_an_anniversary_plan_with_labels_on_one_line_and_a_timetable_appendix() -> None:
    """`Thời gian: …; Địa điểm: …` on one line; `Đơn vị chủ trì: X; đơn vị phối hợp: Y` on
    another: one task per numbered activity. The `Ban Tổ chức` members (`Đồng chí …, Giám đốc
    Sở X - Phó Trưởng ban`) are no tasks, nor the appendix's running order of the ceremony
    (a table of hours, `07 giờ 00 - 07 giờ 30`), which would otherwise be read as the task
    table; `Đề nghị X`, `Mời X` lead their items."""
    vh = "Sở Văn hóa, Thể thao và Du lịch"
    got = _tasks("variant_event_anniversary.txt")
    assert [t[:4] for t in got[:4]] == [
        (
            "II.1",
            "Lễ mít tinh kỷ niệm 80 năm Ngày Quốc khá",
            [vh],
            ["Văn phòng Ủy ban nhân dân tỉnh", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"],
        ),
        (
            "II.2",
            "Trang trí, tuyên truyền trực quan",
            ["Trung tâm Văn hóa - Nghệ thuật tỉnh"],
            ["Ủy ban nhân dân các xã, phường"],
        ),
        (
            "II.3",
            'Chương trình nghệ thuật "Bản hùng ca thá',
            ["Nhà hát Ca múa nhạc Đam San"],
            ["Báo và Phát thanh, Truyền hình Gia Lai"],
        ),
        ("II.4", 'Giải chạy "Tự hào Việt Nam" năm 2026', [vh], ["Tỉnh đoàn", "Sở Y tế"]),
    ]
    assert [t[4:] for t in got[:2]] == [
        ("2026-09-02", "2026-09-02"),
        ("2026-08-20", "2026-09-05"),
    ]
    assert [(t[0], t[2]) for t in got[4:]] == [
        ("IV.1.1", [vh]),
        ("IV.1.2", [vh]),
        ("IV.2.1", ["Công an tỉnh"]),
        ("IV.3.1", ["Sở Y tế"]),
        ("IV.4", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]),
        ("IV.5", ["Hội Cựu chiến binh tỉnh"]),
    ]


def test_a_festival_plan_with_lettered_activity_blocks_and_a_running_order() -> None:
    """Activities lettered `a)`, `b)` under `1. Phần lễ` / `2. Phần hội`, each a block of
    `- Label: …` lines; a block's `Chương trình chi tiết:` hours (`+ 08 giờ 00 - 08 giờ 30:
    …`) are no tasks; then `Tổ chức thực hiện` with `X: …`, `X chỉ đạo Y …`, an agency
    heading over bullets and `Đề nghị X và Y`. `Ban … Đền Bắc Lệ bố trí …`: `bố trí` ends the
    name (it folds like the noun `bộ`)."""
    xa = "Ủy ban nhân dân xã Tân Thành"
    bql = "Ban Quản lý di tích Đền Bắc Lệ"
    got = _tasks("variant_event_festival.txt")
    assert [t[:4] for t in got] == [
        ("III.1.1", "Lễ dâng hương, rước kiệu", [xa], [bql]),
        (
            "III.1.2",
            "Lễ khai mạc Lễ hội",
            ["Sở Văn hóa, Thể thao và Du lịch"],
            [xa, "Công an tỉnh"],
        ),
        (
            "III.2.1",
            "Trưng bày, giới thiệu sản phẩm OCOP và đ",
            ["Sở Công Thương"],
            ["Sở Nông nghiệp và Môi trường"],
        ),
        (
            "III.2.2",
            "Các trò chơi dân gian và thi đấu thể tha",
            ["Trung tâm Văn hóa, Thể thao và Du lịch tỉnh"],
            [],
        ),
        (
            "IV.1",
            "Là cơ quan thường trực của Ban Tổ chức L",
            ["Sở Văn hóa, Thể thao và Du lịch"],
            [],
        ),
        ("IV.2", "Công an tỉnh chỉ đạo Công an xã Tân Thàn", ["Công an xã Tân Thành"], []),
        ("IV.3", "Bố trí đội cấp cứu lưu động, kiểm tra an", ["Sở Y tế"], []),
        ("IV.4.1", "Chuẩn bị mặt bằng, vệ sinh môi trường kh", [xa], []),
        ("IV.4.2", "Phối hợp với Ban Quản lý di tích Đền Bắc", [xa], [bql]),
        (
            "IV.5",
            "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam",
            ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các đoàn thể chính trị - xã hội tỉnh"],
            [],
        ),
    ]
    assert got[1][4:] == ("2027-03-15", "2027-03-15")


def test_unnumbered_activities_titled_by_a_line_of_their_own() -> None:
    """Activities whose titles stand on lines of their own (bold in the original, no number)
    under one heading: each title is its block's task, not the heading. The committee's
    members (`- Trưởng ban: …`, `- Giám đốc X: Ủy viên thường trực.`) and a bullet's running
    order (`- Chương trình Lễ khai mạc:` then `+ 19 giờ 30 - 19 giờ 45: …`) are no tasks."""
    got = _tasks("variant_event_titled_blocks.txt")
    assert [t[:3] for t in got] == [
        ("II.1", "Lễ khai mạc Ngày hội", ["Trung tâm Văn hóa tỉnh"]),
        ("II.2", "Hội thi trình diễn trang phục truyền thố", ["Trung tâm Văn hóa tỉnh"]),
        (
            "II.3",
            "Giải thi đấu các môn thể thao dân tộc (đ",
            ["Trung tâm Huấn luyện và Thi đấu thể thao tỉnh"],
        ),
        ("III.1", "Ban Tổ chức có trách nhiệm chỉ đạo, điều", ["Ban Tổ chức"]),
        ("IV.1.1", "Xây dựng kịch bản Lễ khai mạc, hoàn thàn", ["Trung tâm Văn hóa tỉnh"]),
        ("IV.1.2", "Chuẩn bị âm thanh, ánh sáng, sân khấu tạ", ["Trung tâm Văn hóa tỉnh"]),
        ("IV.2.1", "Bảo đảm an ninh, trật tự và an toàn giao", ["Công an tỉnh"]),
        ("IV.3", "Đề nghị Sở Y tế bố trí tổ y tế trực tại ", ["Sở Y tế"]),
        ("IV.4", "Mời Hội Liên hiệp Phụ nữ tỉnh cử đội tha", ["Hội Liên hiệp Phụ nữ tỉnh"]),
    ]
    assert got[2][4:] == ("2026-11-22", "2026-11-23")


def test_labels_joined_to_an_item_a_closing_year_and_running_order_hours() -> None:
    """`… ; năm 2026.` closing an item is its timeframe (the schema's `Năm 2026`); labelled
    lines joined after an item's sentence (`…. Thời gian: năm 2026.`, as PDF paragraph joining
    leaves them) give that item's timeframe and lead, and are no text of it nor a task of
    their own; generic groups keep `trên địa bàn` as written; `14:00: Khai mạc` (a colon inside
    the time) is a running order's hour, no task."""
    got = _tasks("variant_joined_labels.txt")
    assert got == [
        (
            "I.1",
            "Sở Giáo dục và Đào tạo chủ trì, phối hợp",
            ["Sở Giáo dục và Đào tạo"],
            ["các trường học trên địa bàn"],
            "2026-01-01",
            "2026-12-31",
        ),
        (
            "I.2",
            "Sở Tư pháp chủ trì tổ chức tuyên truyền ",
            ["Sở Tư pháp"],
            [],
            "2026-01-01",
            "2026-12-31",
        ),
        (
            "I.3",
            "Sở Văn hóa, Thể thao và Du lịch phối hợp",
            ["Sở Văn hóa, Thể thao và Du lịch"],
            ["các cơ quan, đơn vị trên địa bàn tỉnh"],
            "2026-07-01",
            "2026-09-30",
        ),
        (
            "I.4",
            "Tổ chức triển lãm sách về văn hóa đọc.",
            ["Thư viện tỉnh"],
            [],
            "2026-10-01",
            "2026-12-31",
        ),
        (
            "II.1.1",
            "Chủ trì tổ chức Lễ khai mạc Ngày hội.",
            ["Sở Văn hóa, Thể thao và Du lịch"],
            [],
            "2026-09-01",
            "2026-09-30",
        ),
        ("II.2.1", "Bảo đảm an ninh, trật tự trong thời gian", ["Công an tỉnh"], [], None, None),
    ]
    texts = [t.text for t in extract_file(FIXTURES / "variant_joined_labels.txt").tasks]
    assert texts[1] == "Sở Tư pháp chủ trì tổ chức tuyên truyền pháp luật trong trường học."


def test_a_body_asked_to_work_with_others_leads_its_item() -> None:
    """`Đề nghị X … phối hợp tuyên truyền …`, `Mời X phối hợp tổ chức …`: the schema makes the
    body an item asks for its lead, whatever the verb; without the request, `X phối hợp thực
    hiện …` still makes X a coordinator only."""
    assert _roles("variant_requests_to_coordinate.txt") == [
        ("I.1", [], ["Sở Văn hóa, Thể thao và Du lịch"], []),
        (
            "I.2",
            [],
            ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các tổ chức chính trị - xã hội tỉnh"],
            [],
        ),
        ("I.3", [], ["Hội Văn học Nghệ thuật tỉnh"], []),
        ("I.4", [], [], ["Trung tâm Văn hóa tỉnh"]),
    ]


def test_items_under_a_period_heading_take_its_period_and_an_event_day_its_day() -> None:
    r = extract_file(FIXTURES / "variant_period_headings.txt")
    got = {t.id: (t.timeframe.kind, t.timeframe.start, t.timeframe.end) for t in r.tasks}
    assert got == {
        "II.1.1": ("window", "2026-03-01", "2026-03-31"),  # under "1. Tháng 3/2026"
        "II.1.2": ("window", "2026-03-21", "2026-03-21"),  # "… vào ngày 21/3/2026 (…)"
        "II.2.1": ("window", "2026-07-01", "2026-09-30"),  # under "2. Quý III/2026"
        "II.3.1": ("window", "2027-01-01", "2027-12-31"),  # under "3. Năm 2027"
    }


def test_items_under_a_phase_heading_take_its_time_unless_they_state_their_own() -> None:
    """A plan laid out by phases (`1. Bước 1 (từ tháng 4 đến tháng 9/2026): Điều tra …`, `2.
    Bước 2: Từ quý IV/2026 đến quý II/2027 - …`, `a) Đợt 1 (quý II/2027): …`) with agency
    paragraphs under each: a paragraph takes its phase's time, unless it states its own (a
    deadline, `hằng năm`, `theo lịch mùa vụ …`)."""
    r = extract_file(FIXTURES / "variant_phase_sections.txt")
    got = {t.id: (t.timeframe.kind, t.timeframe.start, t.timeframe.end) for t in r.tasks}
    first, second = ("window", "2026-04-01", "2026-09-30"), ("window", "2026-10-01", "2027-06-30")
    third = ("window", "2027-07-01", "2029-12-31")
    assert got == {
        "III.1.1": ("window", "2026-01-01", "2026-08-30"),  # its own `trước ngày 30/8/2026`
        "III.1.2": first,
        "III.1.3": first,
        "III.2.1": ("unknown", None, None),  # its own `theo lịch mùa vụ của đồng bào`
        "III.2.2": second,
        "III.2.3": second,
        "III.3.1": ("recurring", None, None),  # its own `hằng năm`
        "III.3.2": third,
        "III.3.3": third,
        "III.4.1": ("window", "2027-04-01", "2027-06-30"),  # under `a) Đợt 1 (quý II/2027)`
        "III.4.2": ("window", "2027-04-01", "2027-06-30"),
        "III.4.3": ("window", "2028-01-01", "2028-12-31"),  # under `b) Đợt 2: Năm 2028 - …`
        "IV.1": ("window", "2029-10-01", "2029-12-31"),
        "IV.2": ("unknown", None, None),
    }
    raw = {t.id: t.timeframe.raw for t in r.tasks}
    assert raw["III.3.1"] == "hằng năm"
    assert raw["III.2.1"] == "theo lịch mùa vụ của đồng bào"
    assert raw["III.1.2"] == "từ tháng 4 đến tháng 9/2026"


def test_phase_paragraphs_agencies() -> None:
    """The agency before each paragraph's colon leads it: a group of communes with what was
    done to their feature (`UBND các xã có lễ hội được lựa chọn`) whole, and a group worked
    with ends at its work (`phối hợp với các đoàn điều tra sưu tầm …`)."""
    got = {t[0]: t[2:] for t in _roles("variant_phase_sections.txt")}
    assert got["III.1.2"] == (["Bảo tàng tỉnh"], ["các đoàn điều tra"])
    assert got["III.4.2"] == (["Ủy ban nhân dân các xã có lễ hội được lựa chọn"], [])


def test_department_plan_reports_to_itself_and_asks_its_head_to_decide() -> None:
    r = extract_file(FIXTURES / "variant_period_headings.txt")
    duties = [(d.every, d.due, d.to, d.via) for d in r.reporting]
    assert duties == [
        # "về Sở" in the department's own plan
        ("quarter", None, "Sở Văn hóa, Thể thao và Du lịch", "Văn phòng Sở"),
        # the whole year's report, due on a dated day: a one-off
        ("once", "2026-12-05", "Ủy ban nhân dân tỉnh", "Văn phòng Sở"),
        # "báo cáo Lãnh đạo Sở xem xét, giải quyết" asks the head to decide: no duty
    ]


def test_an_inline_role_clause_with_a_completion_label() -> None:
    """`… Chủ trì: X; phối hợp: Y; hoàn thành: quý III/2026.`: `hoàn thành:` labels the time
    as `thời gian:` does, and the clause leaves the task's text."""
    got = _tasks("variant_inline_role_clauses.txt")
    assert [(t[1][:20], t[2], t[3], t[4], t[5]) for t in got] == [
        ("Tổ chức Hội diễn ngh", ["Phòng Quản lý Văn hóa"], ["Trung tâm Văn hóa tỉnh"],
         "2026-07-01", "2026-09-30"),
        ("Bồi dưỡng nghiệp vụ ", ["Phòng Tổ chức cán bộ"], ["Trường Trung cấp Văn hóa tỉnh"],
         "2026-10-01", "2026-10-31"),
    ]  # fmt: skip


def _times(name: str) -> dict[str, tuple]:
    tasks = extract_file(FIXTURES / name).tasks
    return {
        t.id: (t.text[:20], t.timeframe.kind, t.timeframe.start, t.timeframe.end) for t in tasks
    }


def test_an_items_own_time_narrows_its_groups() -> None:
    """A lead given once for a group (a heading's parenthesis, labels closing the group): an
    item's own time phrase wins over the group's; a sub-heading's parenthesis that states only
    a time (`1.1. … (thực hiện hằng năm)`) gives it to the items under it."""
    got = _times("variant_group_leads_levels.txt")
    assert got["II.1.1.1"][1:] == ("recurring", None, None)  # "(thực hiện hằng năm)"
    assert got["II.1.2.1"][1:] == ("window", "2026-01-01", "2027-06-30")  # "trước ngày 30/6/2027"
    assert got["II.1.2.2"][1:] == ("from", "2028-04-01", None)  # "từ quý II/2028"
    assert got["II.1.2.3"][1:] == ("window", "2026-01-01", "2030-12-31")  # the group's period
    assert got["II.3.4"][1:] == ("window", "2028-01-01", "2028-12-31")  # "; trong năm 2028."


def test_labels_closing_the_last_sub_section_close_the_whole_section() -> None:
    """`Đơn vị chủ trì: …` after `2.2.`'s bullets, with no lead named in `2.` nor `2.1.`: the
    items of `2.1.` are the same group's."""
    got = [t for t in _roles("variant_group_leads_levels.txt") if t[0].startswith("II.2.")]
    lead, coord = ["Sở Giáo dục và Đào tạo"], ["Bảo tàng tỉnh", "Tỉnh đoàn"]
    assert got == [
        ("II.2.1.1", [], lead, coord),
        ("II.2.1.2", [], lead, coord),
        ("II.2.2.1", [], lead, coord),
        ("II.2.2.2", [], lead, coord),
    ]


def test_an_item_that_introduces_bullets_is_their_heading() -> None:
    """`a) Tổ chức Lễ hội … vào quý I hằng năm, gồm các hoạt động:` then `-` bullets: the
    bullets are the tasks, each with the introduction's time; the introduction is none."""
    tasks = [t for t in extract_file(FIXTURES / "variant_group_leads_levels.txt").tasks]
    under = [t for t in tasks if t.id.startswith("II.3.")]
    assert [t.text[:12] for t in under] == [
        "Lễ rước kiệu",
        "Hội thi ẩm t",
        "Trình diễn d",
        "Xây dựng hồ ",
    ]
    assert [t.timeframe.every for t in under[:3]] == ["year", "year", "year"]
    assert all(t.lead == ["Sở Văn hóa, Thể thao và Du lịch"] for t in under)


def test_sentences_that_assign_work_and_close_with_a_period() -> None:
    """`Giao X chủ trì …; thực hiện giai đoạn 2026 - 2027.` and `… theo lộ trình giai đoạn
    2027 - 2030.` state the task's period; the statistics office under its 2025 name
    (`Thống kê tỉnh`) is an agency, and so are `viện nghiên cứu` in a group's list."""
    r = extract_file(FIXTURES / "variant_sentence_assignments_periods.txt")
    got = [
        (t.lead, t.coordinating, t.timeframe.kind, t.timeframe.start, t.timeframe.end)
        for t in r.tasks
    ]
    assert got == [
        (["Thống kê tỉnh"], ["Sở Nông nghiệp và Môi trường"], "window", "2026-01-01", "2027-12-31"),
        (["Sở Công Thương"], [], "window", "2026-10-01", "2026-12-31"),
        (["Ủy ban nhân dân các xã, phường"], [], "window", "2027-01-01", "2030-12-31"),
        (["Sở Khoa học và Công nghệ"], [], "unknown", None, None),
        # "viện nghiên cứu" is a body, not the verb "nghiên cứu"
        (
            ["Sở Văn hóa, Thể thao và Du lịch"],
            ["các trường đại học, viện nghiên cứu"],
            "unknown",
            None,
            None,
        ),
    ]


def test_time_lines_that_each_follow_one_item() -> None:
    """A plan that puts `Thời gian thực hiện: …` under most of its items, one line per item:
    each line times the item right above it (before a year written in its text), a
    heading's own sentence (`3. Sở Tài chính: Tham mưu …`) too, and an item with no such
    line under it has no timeframe, even when a line closes the item after it."""
    got = {
        t.id: (t.timeframe.raw, t.timeframe.kind, t.timeframe.start, t.timeframe.end)
        for t in extract_file(FIXTURES / "variant_time_lines_per_item.txt").tasks
    }
    assert got == {
        "III.1.1": ("Giai đoạn 2026 - 2028", "window", "2026-01-01", "2028-12-31"),
        "III.1.2": ("Hằng năm", "recurring", None, None),
        "III.1.3": (None, "unknown", None, None),
        "III.2.1": (None, "unknown", None, None),
        "III.2.2": ("Thường xuyên", "continuous", None, None),
        "III.2.3": ("Quý II/2026", "window", "2026-04-01", "2026-06-30"),
        "III.3": ("Hằng năm", "recurring", None, None),
        "III.4": (None, "unknown", None, None),
    }


def test_a_steering_committee_assigns_work_to_its_own_organs() -> None:
    """A committee's plan: its standing members, the body holding its standing office (named
    in parentheses), its working group; `X chỉ đạo Y`; the day of an occasion in parentheses
    and the first half of a year as timeframes; the signer under a title naming its body."""
    r = extract_file(FIXTURES / "variant_steering_committee.txt")
    assert _roles("variant_steering_committee.txt") == [
        ("II.1.1", [], ["Thường trực Ban Chỉ đạo"], []),
        ("II.2.1", [], ["Sở Văn hóa, Thể thao và Du lịch"], []),
        ("II.2.2", [], ["Sở Văn hóa, Thể thao và Du lịch"], []),
        ("II.3.1", [], ["Tổ giúp việc Ban Chỉ đạo"], []),
        ("II.4.1", [], ["Các thành viên Ban Chỉ đạo"], []),
        ("II.5", ["Thường trực Ban Chỉ đạo"], ["Tổ giúp việc Ban Chỉ đạo"], ["Sở Y tế"]),
    ]
    tasks = {t.id: t for t in r.tasks}
    day = tasks["II.2.1"].timeframe
    assert (day.kind, day.start, day.end) == ("window", "2026-06-28", "2026-06-28")
    half = tasks["II.4.1"].timeframe
    assert (half.kind, half.start, half.end) == ("window", "2026-01-01", "2026-06-30")
    assert [(x.every, x.due, x.via) for x in r.reporting] == [
        ("year", "12-10", "Sở Văn hóa, Thể thao và Du lịch")
    ]
    assert r.document.signer == "Đinh Thị Lan"


def test_a_headings_labels_run_on_in_the_paragraph_under_it() -> None:
    """`1.1. … Cơ quan chủ trì: X.` then `Cơ quan phối hợp: Y. Thời gian thực hiện: Z.` in the
    next paragraph (a PDF page break cuts it there): the labels below are the item's too."""
    tasks = extract_file(FIXTURES / "variant_labels_run_on.txt").tasks
    first = tasks[0]
    assert (first.id, first.lead, first.coordinating) == (
        "I.1.1",
        ["Sở Văn hóa, Thể thao và Du lịch"],
        ["Sở Tài chính"],
    )
    assert first.timeframe.kind == "from" and first.timeframe.start == "2026-07-01"
    assert (tasks[1].lead, tasks[1].coordinating) == (["Sở Nội vụ"], [])


def test_a_number_ending_in_a_capital_d_beside_the_place_date() -> None:
    """`Số: 12/KH-BCĐ  Hà Nam, ngày …` on one line: `CĐ` is no place opening the date."""
    record = extract_file(FIXTURES / "variant_labels_run_on.txt")
    assert record.document.number == "12/KH-BCĐ"
    assert record.document.date == "2026-03-02"


def test_a_departments_plan_for_its_own_rooms_and_units() -> None:
    """A department's internal plan heads each room or unit: the person in charge written
    after the room's name in brackets, or its standing place, is no part of the name; rooms
    written by initials (`P.KHTC`, `TT VHNT tỉnh`, `Trung tâm TTXTDL`) are the ones the plan
    names in full; `phối hợp` without `với` still names who coordinates; a heading listing
    bodies apart by `;` (before its own text, too) makes them all lead."""
    tasks = {t.id: t for t in extract_file(FIXTURES / "variant_department_rooms.txt").tasks}
    room = "Phòng Nghiệp vụ Văn hóa"
    assert [t.lead for i, t in tasks.items() if i.startswith("II.2.1.")] == [[room]] * 3
    assert tasks["II.2.1.2"].coordinating == ["các trường học trên địa bàn"]
    assert tasks["II.2.1.3"].coordinating == ["Phòng Kế hoạch - Tài chính"]
    assert tasks["II.2.3.4"].coordinating == ["Trung tâm Thông tin và Xúc tiến du lịch"]
    assert tasks["II.2.3.5"].coordinating == ["Trung tâm Văn hóa - Nghệ thuật tỉnh"]
    assert tasks["II.3.1"].lead == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert tasks["II.4.1"].lead == ["Báo Lạng Sơn", "Cổng Thông tin điện tử tỉnh"]
    assert tasks["II.5"].lead == ["Các phòng chuyên môn", "Thư viện tỉnh"]
    assert tasks["II.5"].text.startswith("Căn cứ nhiệm vụ được giao")
    # the leaders' block gives no task: persons are in no role
    assert not [i for i in tasks if i.startswith("II.1")]


def test_the_times_a_departments_bullets_state_in_their_own_words() -> None:
    """A period in brackets closing the bullet, `mỗi năm`, `hoàn thành 6 tháng cuối năm`, the
    day of the occasion an event marks, a day after a dash; `chi thường xuyên` (recurrent
    spending) is no time."""
    tasks = {t.id: t for t in extract_file(FIXTURES / "variant_department_rooms.txt").tasks}

    def tf(i: str) -> tuple:
        t = tasks[i].timeframe
        return (t.kind, t.start, t.end, t.every)

    assert tf("II.2.1.1") == ("window", "2026-07-01", "2026-09-30", None)
    assert tf("II.2.2.1") == ("unknown", None, None, None)
    assert tf("II.2.2.2") == ("window", "2026-01-01", "2029-12-31", None)
    assert tf("II.2.3.1") == ("window", "2026-04-21", "2026-04-21", None)
    assert tf("II.2.3.2") == ("window", "2026-05-15", "2026-05-15", None)
    assert tf("II.2.3.3") == ("recurring", None, None, "year")
    assert tf("II.2.3.4") == ("window", "2026-07-01", "2026-12-31", None)


def test_an_emulation_movement_rewards_assign_no_work() -> None:
    """`Hình thức, tiêu chuẩn và mức khen thưởng`: who is given which award (`UBND tỉnh tặng Cờ
    thi đua cho 02 tập thể`) is no task; the standing body's place in brackets is no part of
    its name; a school year runs from its opening in September to its end in May (lexicon
    `time.school_periods`), not over its two calendar years."""
    r = extract_file(FIXTURES / "variant_emulation_movement.txt")
    assert [(t.id, t.lead) for t in r.tasks] == [
        ("V.1.1", ["Sở Văn hóa, Thể thao và Du lịch"]),
        ("V.2.1", ["Sở Giáo dục và Đào tạo"]),
        ("V.3.1", ["Báo và Phát thanh, Truyền hình Gia Lai", "Cổng Thông tin điện tử tỉnh"]),
    ]
    school = r.tasks[1].timeframe
    assert (school.kind, school.start, school.end) == ("window", "2026-09-01", "2027-05-31")


def test_numbered_task_blocks_each_give_the_task_their_label_numbers() -> None:
    """`Nhiệm vụ N: <title>` then its labelled lines: one task titled by what follows the label
    and numbered by it, also when it is its heading's only block; a block's line ending in a
    word that may wrap (`… được số`) does not swallow the next block's label."""
    r = extract_file(FIXTURES / "variant_numbered_task_blocks.txt")
    assert [(t.id, t.text, t.lead) for t in r.tasks] == [
        (
            "II.1.1",
            "Kiểm kê di tích chưa xếp hạng trên địa bàn tỉnh",
            ["Sở Văn hóa, Thể thao và Du lịch"],
        ),
        ("II.1.2", "Số hóa hồ sơ di tích cấp quốc gia", ["Bảo tàng tỉnh"]),
        ("II.2.3", "Mở lớp truyền dạy hát trống quân", ["Trung tâm Văn hóa tỉnh"]),
    ]
    assert r.tasks[0].coordinating == ["Ủy ban nhân dân các xã, phường"]


def test_a_headings_closing_parenthesis_gives_its_roles_to_every_bullet_under_it() -> None:
    """`2.1. Phát triển … (Đảng ủy UBND tỉnh lãnh đạo, chỉ đạo; Sở X chủ trì, phối hợp với
    …):` then `- …;` bullets: one task per bullet, each with the heading's roles; the heading
    itself is none."""
    r = extract_file(FIXTURES / "variant_party_bracket_roles.txt")
    under = [t for t in r.tasks if t.id.startswith("III.2.1")]
    assert [t.id for t in under] == ["III.2.1.1", "III.2.1.2", "III.2.1.3"]
    assert under[0].text.startswith("Duy trì sinh hoạt các câu lạc bộ")
    for t in under:
        assert (t.directing, t.lead, t.coordinating) == (
            ["Đảng ủy Ủy ban nhân dân tỉnh"],
            ["Sở Văn hóa, Thể thao và Du lịch"],
            ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Ủy ban nhân dân các xã, phường"],
        )
    # a bullet's own time still counts
    assert [t.timeframe.kind for t in under] == ["unknown", "recurring", "unknown"]


def test_a_vision_year_in_a_schemes_name_is_no_time_for_the_work() -> None:
    """`… ban hành Đề án … giai đoạn 2026 - 2030, tầm nhìn đến năm 2045; trình trong Quý
    IV/2026`: the vision (`tầm nhìn`, `định hướng đến năm …`) belongs to the scheme's name,
    the work falls in the period written after it; so does a span of years closing a
    programme's name, while one closing an item that names none is the item's period.
    `phát triển` after a body's name ends the
    name (`Báo và Phát thanh, Truyền hình Lâm Đồng | phát triển ứng dụng …`)."""
    tasks = extract_file(FIXTURES / "variant_vision_in_scheme_name.txt").tasks
    assert [(t.id, t.timeframe.start, t.timeframe.end) for t in tasks] == [
        ("II.1.1", "2026-10-01", "2026-12-31"),
        ("II.1.2", "2026-10-01", "2026-10-31"),
        ("II.2.1", "2027-01-01", "2027-12-31"),
        # a span of years closing the item with nothing before it is its period …
        ("II.3.1", "2026-01-01", "2030-12-31"),
        # … unless it closes the name of a programme the clause names
        ("II.3.2", None, None),
    ]
    assert tasks[2].coordinating == [
        "Sở Văn hóa, Thể thao và Du lịch",
        "Báo và Phát thanh, Truyền hình Lâm Đồng",
    ]


def test_a_heading_that_hands_work_in_a_sentence_is_led_by_its_body() -> None:
    """`Giao X tổ chức …, trong đó tập trung:` is a sentence (X the subject of a verb), not
    one long agency name; a bare name whose lower-case words read like a verb stays a name."""
    got = read_heading("Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết, trong đó:")
    assert got is not None and got[0].lead == ["Ủy ban nhân dân tỉnh"]
    got = read_heading("Trung tâm Văn hóa tổng hợp huyện")
    assert got is not None and got[0].lead == ["Trung tâm Văn hóa tổng hợp huyện"]
    got = read_heading("Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính:")
    assert got is not None and (got[0].lead, got[0].coordinating) == (
        ["Sở Nội vụ"],
        ["Sở Tài chính"],
    )


def test_an_assessment_is_work_only_as_a_topic_of_the_tasks_part(tmp_path) -> None:
    """`Đánh giá …` heads the past's assessment, which assigns no work (`I. ĐÁNH GIÁ KẾT QUẢ`);
    under the tasks part (`II. NHIỆM VỤ`) a topic so headed is work to do, its items tasks."""
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "KẾ HOẠCH\nTổ chức đánh giá phong trào văn nghệ năm 2026\n"
        "I. ĐÁNH GIÁ KẾT QUẢ NĂM 2025\n"
        "1. Sở Văn hóa, Thể thao và Du lịch đã tổ chức 12 hội diễn văn nghệ quần chúng.\n"
        "II. NHIỆM VỤ\n"
        "1. Đánh giá các đội văn nghệ cơ sở\n"
        "1.1. Sở Văn hóa, Thể thao và Du lịch chủ trì chấm điểm các đội văn nghệ; quý III/2026.\n"
        "2. Sở Tài chính bố trí kinh phí tổ chức đánh giá.\n",
        encoding="utf-8",
    )
    got = [(t.id, t.lead) for t in extract_file(plan).tasks]
    assert got == [
        ("II.1.1", ["Sở Văn hóa, Thể thao và Du lịch"]),
        ("II.2", ["Sở Tài chính"]),
    ]


def test_a_named_body_directing_a_group_and_a_group_beside_a_named_body_are_subjects() -> None:
    # Outside the implementation part a generic group alone as a bullet's subject is no
    # assignment (`Các cấp, các ngành nâng cao nhận thức …`), nor is a report; but a named
    # body that directs a group, or a group listed with a named body, is told the work.
    tasks = extract_file(FIXTURES / "variant_bullet_subjects_groups.txt").tasks
    assert [(t.id, t.directing, t.lead) for t in tasks if t.id.startswith("II.")] == [
        ("II.1.1", ["Sở Giáo dục và Đào tạo"], ["các trường phổ thông dân tộc nội trú"]),
        ("II.1.2", [], ["Các sở, ngành", "Ủy ban nhân dân các xã, phường"]),
        ("II.2.1", [], ["Khu di tích Nhà Vương", "Ủy ban nhân dân xã Sà Phìn"]),
        ("II.2.2", [], ["Sở Văn hóa, Thể thao và Du lịch"]),
    ]
    # the unit that manages a relic site is a body (`Khu di tích …`), in a list as well
    assert tasks[3].coordinating == [
        "Công an tỉnh",
        "Khu Di tích Cột cờ Lũng Cú",
        "các đơn vị liên quan",
    ]


def test_a_paragraph_introducing_the_items_takes_no_number() -> None:
    """`3. Tổ chức các hoạt động khuyến đọc` opens with `Các hoạt động … gồm các nội dung
    sau:`, which names no agency and introduces the paragraphs under it: no task, and no
    item either, so the tasks after it are `II.3.1` and `II.3.2`."""
    r = extract_file(FIXTURES / "variant_parenthesis_roles_qualified.txt")
    under = [(t.id, t.lead, t.timeframe.raw) for t in r.tasks if t.id.startswith("II.3")]
    assert under == [
        ("II.3.1", ["Sở Văn hóa, Thể thao và Du lịch"], "tháng 9/2027"),
        ("II.3.2", ["Sở Giáo dục và Đào tạo"], "học kỳ I năm học 2027 - 2028"),
    ]


def test_a_body_working_with_others_on_its_own_work_leads_when_no_one_else_does() -> None:
    """`Sở Tư pháp phối hợp thẩm định các dự thảo …` under a heading that names no agency: the
    subject does the work named, so it leads (as `Đề nghị X phối hợp tuyên truyền …` does);
    `X phối hợp thực hiện …` still leaves X a coordinator (above). Under an agency's heading
    that agency leads; `phối hợp với Y` still makes Y the coordinator."""
    roles = {
        t.id: (t.directing, t.lead, t.coordinating)
        for t in extract_file(FIXTURES / "variant_nested_tabled_targets.txt").tasks
    }
    vh = "Sở Văn hóa, Thể thao và Du lịch"
    assert roles["III.2.2.1"] == ([], ["Sở Tư pháp"], [])
    assert roles["III.2.1.2"] == ([], ["Sở Nội vụ"], [vh, "các cơ sở giáo dục nghề nghiệp"])
    assert roles["III.2.1.1"] == (
        [],
        [vh],
        ["Ủy ban nhân dân các xã, phường có tài nguyên du lịch"],
    )
    assert roles["III.1.1.3"] == ([], ["Ủy ban nhân dân các xã, phường nơi có di tích"], [])
    assert roles["IV.1.1"] == ([], [vh], ["các cơ quan liên quan"])


def test_a_heading_of_tasks_that_opens_with_cac_is_no_agency() -> None:
    """`2. Các nhiệm vụ thực hiện xuyên suốt trong cả giai đoạn` heads tasks; `các` opens
    groups of bodies (`Các sở, ban, ngành`), but not before a noun of work."""
    assert read_heading("Các nhiệm vụ thực hiện xuyên suốt trong cả giai đoạn") is None
    assert read_heading("Các hoạt động trọng tâm") is None
    got = read_heading("Các sở, ban, ngành")
    assert got is not None and got[0].lead == ["Các sở, ban, ngành"]


def test_phase_bullets_take_their_agencies_from_the_closing_bracket() -> None:
    """Bullets under phase headings end with their agencies in brackets; a registered body
    with its province after it (`Báo và Phát thanh, Truyền hình Lạng Sơn`) is one name in
    the list, and the heading over them (`Các nhiệm vụ …`) names no lead."""
    r = extract_file(FIXTURES / "variant_phase_bullets_brackets.txt")
    got = {t.id: (t.lead, t.coordinating) for t in r.tasks if t.id.startswith("III")}
    assert got["III.2.1"] == (
        ["Báo và Phát thanh, Truyền hình Lạng Sơn", "Sở Văn hóa, Thể thao và Du lịch"],
        [],
    )
    assert got["III.2.2"] == (["Sở Văn hóa, Thể thao và Du lịch"], ["Công an tỉnh"])
    text = {t.id: t.text for t in r.tasks}
    assert text["III.2.1"].endswith("trên báo chí và mạng xã hội")


def test_a_ward_plan_hands_each_paragraph_to_the_body_it_names() -> None:
    """A ward's plan assigns its work in unbulleted paragraphs whose subject is the body
    (`Giao X chủ trì, phối hợp với Y …`, `X và Y tham mưu …`, `X chủ trì, Y phối hợp …`):
    each is a task; the paragraph that opens a topic naming no body is none, and in such a
    topic a group of bodies as subject (`Các trường học trên địa bàn phường …`) leads too."""
    r = extract_file(FIXTURES / "variant_ward_sentence_assignments.txt")
    rows = [(t.lead, t.coordinating, t.timeframe.kind) for t in r.tasks if t.id.startswith("II.")]
    centre = "Trung tâm Dịch vụ tổng hợp phường"
    assert rows == [
        (["Phòng Văn hóa - Xã hội"], ["Ban quản lý các di tích", centre], "window"),
        (["Phòng Kinh tế, Hạ tầng và Đô thị", centre], [], "window"),
        (["Trưởng các tổ dân phố có di tích"], ["Ban quản lý di tích"], "recurring"),
        (["Ban Chỉ huy Quân sự phường", "Công an phường"], [], "recurring"),
        (["Đoàn Thanh niên phường"], [], "recurring"),
        (["Trạm Y tế phường"], ["Hội Chữ thập đỏ phường"], "recurring"),
        (["Các trường học trên địa bàn phường"], [], "continuous"),
    ]
    assert not [t for t in r.tasks if t.text.startswith(("Phường hiện có", "Lễ hội truyền"))]


def test_a_departments_own_plan_names_itself_a_bare_so() -> None:
    """In a department's plan for its own units, `phối hợp với Sở` is that department; a
    handed clause `Giao X chủ trì, Y phối hợp thực hiện …` makes Y coordinate."""
    r = extract_file(FIXTURES / "variant_department_own_units_plan.txt")
    roles = {t.id: (t.lead, t.coordinating) for t in r.tasks}
    assert roles["II.2.1"] == (
        ["Ủy ban nhân dân các xã, phường"],
        ["Sở Văn hóa, Thể thao và Du lịch"],
    )
    assert roles["II.3.1"] == (["Bảo tàng tỉnh"], ["Ban Quản lý di tích tỉnh"])


def test_a_lead_in_sentence_gives_its_bodies_to_the_items_under_it() -> None:
    """`Chủ trì, phối hợp với Y … thực hiện các nhiệm vụ sau:` over `a)`, `b)` or `-` under an
    agency's heading is no task: each item under it is the heading's, Y coordinating; one
    naming its own lead (`Thư viện tỉnh chủ trì, phối hợp với Z …:`) over numbered sections
    under a topic gives them that lead."""
    vh, lib = "Sở Văn hóa, Thể thao và Du lịch", "Thư viện tỉnh"
    assert _roles("variant_lead_in_sentences.txt") == [
        ("II.1.1", [], [vh], ["Sở Tài chính", "Ủy ban nhân dân các xã, phường"]),
        ("II.1.2", [], [vh], ["Sở Tài chính", "Ủy ban nhân dân các xã, phường"]),
        ("II.2.1", [], ["Tỉnh đoàn"], ["Sở Giáo dục và Đào tạo"]),
        ("II.2.2", [], ["Tỉnh đoàn"], ["Sở Giáo dục và Đào tạo"]),
        ("II.3.1", [], [lib], ["Sở Khoa học và Công nghệ"]),
        ("II.3.2", [], [lib], ["Sở Khoa học và Công nghệ"]),
    ]


def test_a_regulations_articles_assign_work_by_the_body_they_name() -> None:
    """A decision issuing a coordination regulation: its principles and methods articles
    assign nothing (`Sở X là cơ quan đầu mối …`, `Các hình thức phối hợp khác …`: a topic after
    `các` is no body); each `Trách nhiệm của X` article's clauses are X's, an opening
    `Chủ trì, phối hợp với Y … thực hiện các nhiệm vụ sau:` gives Y to every clause and a clause
    `Chủ trì, phối hợp với Y …:` to the bullets under it; a group's name ends where its work
    begins (`các cơ quan liên quan | xử lý …`); `khi có yêu cầu` is `on_request`."""
    r = extract_file(FIXTURES / "variant_regulation_articles.txt")
    vh, gd, tc = "Sở Văn hóa, Thể thao và Du lịch", "Sở Giáo dục và Đào tạo", "Sở Tài chính"
    got = [(t.id, t.lead, t.coordinating, t.timeframe.kind) for t in r.tasks]
    assert got == [
        ("Điều 4.1", [vh], [], "recurring"),
        ("Điều 4.2.1", [vh], [], "window"),
        ("Điều 4.2.2", [vh], [], "from"),
        ("Điều 4.3", [vh], ["Công an tỉnh", "các cơ quan liên quan"], "unknown"),
        ("Điều 4.4", [vh], [], "on_request"),
        ("Điều 5.1", [gd], [vh, "Ủy ban nhân dân các xã, phường"], "unknown"),
        ("Điều 5.2", [gd], [vh, "Ủy ban nhân dân các xã, phường"], "recurring"),
        ("Điều 6.1.1", [tc], [vh], "recurring"),
        ("Điều 6.1.2", [tc], [vh], "unknown"),
        ("Điều 6.2", [tc], [], "unknown"),
    ]
