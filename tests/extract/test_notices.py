"""Documents that are no plans but assign plan work: an office's notice of a leader's
conclusions (`THÔNG BÁO` / `Kết luận của …`, `…/TB-VPUBND`) and a letter (`V/v …`, `Kính gửi:`)
whose numbered points are addressed to agencies. Read from fixtures in their layout."""

from kehoach.extract import extract_file

from .conftest import FIXTURES

NOTICE = FIXTURES / "variant_office_notice.txt"
LETTER = FIXTURES / "variant_letter_standing_body.txt"
HANDED = FIXTURES / "variant_notice_handed_items.txt"


def test_a_notice_issued_by_the_committees_office() -> None:
    """`THÔNG BÁO` is a kind heading (a kind the schema has no name for: `other`) with its
    title under it; the office printed under its parent issues it, and an item that tells
    agencies to issue plans (`3. Các sở, ngành tỉnh khẩn trương ban hành kế hoạch …`) is no
    sentence by which the notice is issued."""
    d = extract_file(NOTICE).document
    assert (d.kind, d.number, d.issuer, d.date, d.signer) == (
        "other",
        "95/TB-VPUBND",
        "Văn phòng Ủy ban nhân dân tỉnh",
        "2027-04-20",
        "Hoàng Thị Thu Trang",
    )
    assert d.title == (
        "Ý kiến kết luận của Phó Chủ tịch UBND tỉnh tại buổi làm việc về phát triển văn hóa "
        "đọc và thể thao quần chúng"
    )


def test_the_items_of_a_list_a_striving_line_introduces_are_targets() -> None:
    """`… phấn đấu đến hết năm 2027 đạt các chỉ tiêu sau:` makes each bullet under it a
    commitment aiming at 2027, one without a committing word of its own too; the numbered
    paragraph that says it is no review for speaking of `kết quả thực hiện cả năm`; the
    results it notes (`1. Ghi nhận …`) are none."""
    r = extract_file(NOTICE)
    got = [(t.section, t.horizon, [(m.value, m.unit) for m in t.metrics]) for t in r.targets]
    assert got == [
        ("2", 2027, [(80, "%")]),
        ("2", 2027, [(70, "%")]),
        ("2", 2030, [(1, "thư viện")]),
    ]


def test_the_tasks_a_notice_hands_out() -> None:
    """`Giao X chủ trì, phối hợp với UBND các phường …` (wards only); `Giao X chỉ đạo Y …`
    (X directs, the web portal leads); the communes by what they have (`các xã, phường có
    vùng hồi đặc sản`); `Đề nghị Y …` in a paragraph under the numbered `8. Đề nghị X …` is a
    task of its own, beside the numbered sentence; a day without a year (`trước ngày 31/8`)
    and the labelled day of an event (`thời gian tổ chức: ngày 23/4/2027`)."""
    tasks = {t.id: t for t in extract_file(NOTICE).tasks}
    assert list(tasks) == ["3", "4", "5", "6", "7", "8.1", "8.2", "9"]
    assert tasks["4"].coordinating == ["Ủy ban nhân dân các phường"]
    tf = tasks["4"].timeframe
    assert (tf.kind, tf.start, tf.end) == ("window", "2027-01-01", "2027-08-31")
    tf = tasks["5"].timeframe
    assert (tf.kind, tf.start, tf.end) == ("window", "2027-04-23", "2027-04-23")
    assert (tasks["6"].directing, tasks["6"].lead) == (
        ["Văn phòng Ủy ban nhân dân tỉnh"],
        ["Cổng Thông tin điện tử tỉnh"],
    )
    assert tasks["7"].coordinating == ["Ủy ban nhân dân các xã, phường có vùng hồi đặc sản"]
    assert tasks["8.1"].lead == ["Tỉnh đoàn"]
    assert tasks["8.2"].lead == ["Hội Liên hiệp Phụ nữ tỉnh"]
    assert tasks["8.2"].text.startswith("Đề nghị Hội Liên hiệp Phụ nữ tỉnh vận động")


def test_asking_a_leader_to_decide_is_no_reporting_duty() -> None:
    """`kịp thời báo cáo, đề xuất Phó Chủ tịch UBND tỉnh xem xét, quyết định …`: a request."""
    r = extract_file(NOTICE)
    assert [(d.every, d.due) for d in r.reporting] == [("once", "2027-11-30")]


def test_a_letters_agency_heading_with_its_standing_place_and_a_list_of_bodies() -> None:
    """`1. Sở X (cơ quan thường trực giúp UBND tỉnh):` leads its items as `Sở X`, and
    compiles the report they ask for; `2. Báo Y; Cổng Thông tin điện tử tỉnh: Mở …` gives
    both bodies, the text after the colon; `Đề án … giai đoạn 2027 - 2030, tầm nhìn đến năm
    2045; trình UBND tỉnh trong Quý IV/2027` is timed by the quarter, not by the vision."""
    r = extract_file(LETTER)
    got = [(t.id, t.lead, t.text[:20]) for t in r.tasks]
    assert got == [
        ("1.1", ["Sở Văn hóa, Thể thao và Du lịch"], "Tham mưu xây dựng Đề"),
        ("1.2", ["Sở Văn hóa, Thể thao và Du lịch"], "Tham mưu UBND tỉnh b"),
        ("2", ["Báo Cà Mau", "Cổng Thông tin điện tử tỉnh"], "Mở chuyên mục giới t"),
    ]
    tf = r.tasks[0].timeframe
    assert (tf.kind, tf.start, tf.end) == ("window", "2027-10-01", "2027-12-31")
    assert [d.via for d in r.reporting] == ["Sở Văn hóa, Thể thao và Du lịch"]


def test_a_word_whose_marks_fold_like_a_commitment_commits_to_nothing() -> None:
    """`kho tàng` folds like `tăng`: the sentence that describes the province (`… có kho tàng
    dân ca phong phú với 25 câu lạc bộ …`) is no target; the one that strives is."""
    r = extract_file(LETTER)
    assert [(t.horizon, [m.value for m in t.metrics]) for t in r.targets] == [(2027, [100])]


def test_an_item_that_hands_its_work_on_after_what_it_first_says() -> None:
    """`1. Đồng ý chủ trương …. Giao Sở X chủ trì, phối hợp với Sở Y …`, `2. Thống nhất …;
    giao Sở Z …`, `3. Về kinh phí: Giao …`: the whole paragraph is the task of the body it
    hands the work to; the closing formula under the last heading (`Văn phòng UBND tỉnh
    thông báo để các cơ quan, đơn vị biết, thực hiện./.`) is none. (Not a layout of
    `test_layouts`: a PDF line that ends with a sentence cannot show whether the paragraph
    goes on.)"""
    tasks = extract_file(HANDED).tasks
    got = [(t.id, t.lead, t.coordinating, t.text[:20]) for t in tasks]
    assert got == [
        ("1", ["Sở Văn hóa, Thể thao và Du lịch"], ["Sở Tài chính"], "Đồng ý chủ trương tổ"),
        ("2", ["Sở Xây dựng"], ["Ủy ban nhân dân các xã"], "Thống nhất với đề xu"),
        ("3", ["Sở Tài chính"], [], "Về kinh phí: Giao Sở"),
        ("4.1", ["Báo và Phát thanh, Truyền hình tỉnh"], [], "Giao Báo và Phát tha"),
    ]
    tf = tasks[0].timeframe
    assert (tf.start, tf.end) == ("2027-01-01", "2027-06-30")


def test_a_letter_issued_by_the_body_under_its_parent() -> None:
    """A letter's header stacks the body that sends it under its parent (`UBND TỈNH X` /
    `VĂN PHÒNG`, `/ SỞ …`): that body issues it, though the parent's name heads the lines
    above its subject (`V/v …`), and signed `TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG` or `KT.
    GIÁM ĐỐC`."""
    office = extract_file(FIXTURES / "variant_office_letter.txt")
    assert (office.document.kind, office.document.issuer) == (
        "cong_van",
        "Văn phòng Ủy ban nhân dân tỉnh",
    )
    assert [t.lead for t in office.tasks] == [["Sở Văn hóa, Thể thao và Du lịch"], ["Công an tỉnh"]]
    department = extract_file(FIXTURES / "variant_department_letter.txt").document
    assert (department.kind, department.issuer) == ("cong_van", "Sở Văn hóa, Thể thao và Du lịch")
