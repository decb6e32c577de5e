"""A section's items and the labelled lines that close them (`extract/segments.py`)."""

from kehoach.extract import extract_file

from .conftest import FIXTURES

VHTTDL = "Sở Văn hóa, Thể thao và Du lịch"
UBND_XA = "Ủy ban nhân dân các xã, phường"


def test_a_lettered_sub_heading_over_bullets_is_no_task() -> None:
    """`a) Kiểm kê di sản văn hóa phi vật thể` (a title, no sentence's end) then bullets closed
    by `Đơn vị chủ trì: …`: the bullets are the tasks, the sub-heading only names them."""
    r = extract_file(FIXTURES / "variant_restated_tasks.txt")
    group = [t for t in r.tasks if t.id.startswith("II.1.")]
    assert [t.text.split(" ", 2)[:2] for t in group] == [
        ["Kiểm", "kê"],
        ["Lập", "danh"],
        ["Số", "hóa"],
        ["Xây", "dựng"],
    ]
    assert [t.timeframe.end for t in group] == [
        "2026-12-31",
        "2026-12-31",
        "2027-12-31",
        "2027-12-31",
    ]


def test_a_body_told_its_work_under_a_heading_with_its_own_sentence() -> None:
    """`4. Thủ trưởng …, Chủ tịch UBND các xã, phường nghiêm túc thực hiện …` then a plain
    paragraph `Sở X có trách nhiệm theo dõi, …`: that paragraph gives its body a task of its
    own (4.2) beside the heading's (4.1); the heads' titles give their bodies."""
    r = extract_file(FIXTURES / "variant_directive_heads.txt")
    tasks = {t.id: t for t in r.tasks}
    assert tasks["4.1"].lead == [
        "các sở, ban, ngành thuộc Ủy ban nhân dân tỉnh",
        "Ủy ban nhân dân các xã, phường",
    ]
    assert tasks["4.2"].lead == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert tasks["4.2"].text.startswith("Sở Văn hóa, Thể thao và Du lịch có trách nhiệm")
    assert tasks["3"].lead == [
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        "các tổ chức chính trị - xã hội tỉnh",
    ]
    assert tasks["2"].coordinating == ["Ủy ban nhân dân các xã vùng cao"]


def test_the_issuer_asking_everyone_to_carry_the_document_out_is_no_task() -> None:
    """`Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, … nghiêm túc thực hiện Chỉ thị này./.`
    under the last item: the body that speaks hands the work on, it is told nothing."""
    r = extract_file(FIXTURES / "variant_directive.txt")
    assert not any(t.text.startswith("Chủ tịch Ủy ban nhân dân tỉnh yêu cầu") for t in r.tasks)


def test_prose_before_bullets_that_labels_close_is_no_task() -> None:
    """`2. Cấp xã`, a sentence saying what the commune's cultural house is (`… là nơi sinh
    hoạt chung …, giữ vai trò …`), then bullets closed by `Đơn vị chủ trì: …`: the bullets
    are the tasks, the sentence only describes the group."""
    r = extract_file(FIXTURES / "variant_group_intro_prose.txt")
    group = [t for t in r.tasks if t.id.startswith("II.2.")]
    assert [t.text.split(",")[0] for t in group] == [
        "Rà soát",
        "Duy trì sinh hoạt câu lạc bộ hát ví",
    ]
    assert all(t.lead == ["Ủy ban nhân dân các xã, phường"] for t in group)


def test_a_group_time_label_parted_by_its_points() -> None:
    """`Thời gian: Điểm b hoàn thành trong tháng 9/2027; các điểm còn lại thực hiện hằng năm`:
    each lettered point takes its own part, worded as printed; a label naming no point, or an
    item that is no point, keeps the whole label; a point no part names, with no part for the
    rest, is given the parts that name no point."""
    from kehoach.extract.labels import time_for_point

    label = "Điểm b hoàn thành trong tháng 9/2027; các điểm còn lại thực hiện hằng năm"
    assert [time_for_point(label, p) for p in "abc"] == [
        "thực hiện hằng năm",
        "hoàn thành trong tháng 9/2027",
        "thực hiện hằng năm",
    ]
    assert time_for_point(label, None) == label
    assert time_for_point("Quý IV/2027", "a") == "Quý IV/2027"
    two = "Các nhiệm vụ tại điểm a, c: năm 2027; điểm d: năm 2028"
    assert [time_for_point(two, p) for p in "abcd"] == [
        "năm 2027",
        None,
        "năm 2027",
        "năm 2028",
    ]
    assert time_for_point("Điểm a: quý I/2027; quý II/2027", "b") == "quý II/2027"


def test_plus_bullets_with_no_dash_above_are_each_a_task() -> None:
    """A list whose items are all `+` bullets (no `-` bullet above them to join), each closed
    by its own labelled fields after its sentence (`… . Thời gian hoàn thành: Quý III/2026.
    Giao: X; Phối hợp: Y, Z.`): one task per bullet, `Giao` its lead."""
    r = extract_file(FIXTURES / "variant_lettered_parts_plus_tasks.txt")
    got = [
        (t.text[:24], t.lead, t.coordinating, t.timeframe.raw)
        for t in r.tasks
        if t.timeframe.raw and "quý IV/2028" not in t.timeframe.raw
    ]
    assert got == [
        ("Sắp xếp lại phòng đọc tạ", [UBND_XA], [VHTTDL], "Quý III/2026"),
        ("Bổ sung sách thiếu nhi c", [VHTTDL], ["Sở Tài chính", UBND_XA], "Hằng năm"),
        (
            "Kết nối cơ sở dữ liệu sá",
            [VHTTDL, "Sở Giáo dục và Đào tạo"],
            ["Sở Khoa học và Công nghệ"],
            "Năm 2027",
        ),
        ("Tổ chức Ngày hội đọc sác", [VHTTDL], ["Tỉnh đoàn"], "Tháng 4/2027"),
        ("Phát động cuộc thi giới ", ["Sở Giáo dục và Đào tạo"], [VHTTDL], "Giai đoạn 2026 - 2030"),
    ]
    # the text is the bullet's sentence, without the fields after it
    assert r.tasks[0].text == "Sắp xếp lại phòng đọc tại nhà văn hóa các thôn sau sáp nhập."


def test_plus_sub_items_still_join_the_dash_bullet_above() -> None:
    """`+` items under a `-` bullet are parts of it (one task), as before."""
    from kehoach.extract.outline import paragraphs
    from kehoach.extract.segments import segments_of

    paras = paragraphs(
        [
            "- Sở Văn hóa, Thể thao và Du lịch tổ chức các lớp tập huấn, gồm:",
            "+ Lớp nghiệp vụ thư viện cho cán bộ cấp xã;",
            "+ Lớp kỹ năng kể chuyện sách cho giáo viên.",
            "- Ủy ban nhân dân các xã, phường bố trí phòng đọc tại nhà văn hóa.",
        ]
    )
    items = [text for its, _ in segments_of(paras, True) for _, text in its]
    assert len(items) == 2
    assert items[0].endswith("Lớp kỹ năng kể chuyện sách cho giáo viên.")


def test_a_strict_closing_request_with_its_reporting_clause_is_no_task() -> None:
    """`Yêu cầu Thủ trưởng các sở, … nghiêm túc triển khai thực hiện; định kỳ 6 tháng … báo cáo
    …` closes a letter: no task (neither of the last numbered request above it nor of its own),
    so that request keeps its own number; its reporting duties are still read."""
    record = extract_file(FIXTURES / "variant_letter_requests.txt")
    tasks = {t.id: t for t in record.tasks}
    assert list(tasks) == ["1.1", "1.2", "2", "3", "4"]
    assert tasks["4"].text.startswith("Đề nghị Tỉnh đoàn phối hợp phát động")
    assert tasks["4"].lead == ["Tỉnh đoàn"]
    duties = {(d.every, d.due) for d in record.reporting}
    assert {("half_year", "06-10"), ("year", "11-20"), ("once", "2027-09-30")} == duties


def test_a_lettered_point_named_by_bodies_heads_its_bullets_among_topic_points() -> None:
    """`1. Nhiệm vụ theo từng lĩnh vực` with points headed by a field (`a) Lĩnh vực thư
    viện:`), whose bullets each name their body, and by bodies (`c) Các cơ quan thông tấn,
    báo chí:`, `d) Sở Tài chính chủ trì, phối hợp với Sở Nội vụ:`, `đ) Đối với Thư viện
    tỉnh:`), whose bullets have no subject: the point's bodies lead them (a `Phối hợp với Y`
    bullet gives Y as coordinating), with the coordinators the point names."""
    r = extract_file(FIXTURES / "variant_points_by_field.txt")
    tasks = {t.id: t for t in r.tasks}
    assert len(r.tasks) == 9
    assert tasks["II.1.1"].lead == [VHTTDL]
    assert tasks["II.1.3"].lead == [UBND_XA]
    press = "Các cơ quan thông tấn, báo chí"
    assert tasks["II.1.4"].text.startswith("Duy trì chuyên mục")
    assert tasks["II.1.4"].lead == [press]
    assert tasks["II.1.4"].timeframe.every == "month"
    assert tasks["II.1.5"].lead == [press]
    assert tasks["II.1.5"].coordinating == [VHTTDL]
    assert tasks["II.1.6"].lead == ["Sở Tài chính"]
    assert tasks["II.1.6"].coordinating == ["Sở Nội vụ"]
    # `đ) Đối với Thư viện tỉnh:`, `e) Đề nghị Tỉnh đoàn:`: the body after the opening
    assert tasks["II.1.7"].lead == ["Thư viện tỉnh"]
    assert tasks["II.1.8"].lead == ["Tỉnh đoàn"]
    assert tasks["II.1.8"].timeframe.start == "2026-07-01"


def test_a_group_coordinating_ends_at_the_verb_of_spreading_a_model() -> None:
    """`UBND các xã, phường phối hợp với các trường học trên địa bàn nhân rộng mô hình …`: the
    group's name ends before `nhân rộng` (lexicon `agencies.end_verbs`)."""
    r = extract_file(FIXTURES / "variant_points_by_field.txt")
    task = next(t for t in r.tasks if t.id == "II.1.2")
    assert task.lead == [UBND_XA]
    assert task.coordinating == ["các trường học trên địa bàn"]
