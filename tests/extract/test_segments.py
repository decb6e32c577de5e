"""A section's items and the labelled lines that close them (`extract/segments.py`)."""

from kehoach.extract import extract_file

from .conftest import FIXTURES


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
