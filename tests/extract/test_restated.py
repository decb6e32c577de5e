"""A task the plan states twice is recorded once (`extract/restated.py`)."""

import pytest

from kehoach.extract import extract_file
from kehoach.extract.restated import cited_place

from .conftest import FIXTURES


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Chủ trì số hóa hồ sơ (nhiệm vụ tại điểm b khoản 1 Mục II).", ("II.1", "b")),
        ("Bảo đảm kinh phí theo nhiệm vụ tại điểm b khoản 1 Mục II Kế hoạch này.", ("II.1", "b")),
        ("Thực hiện nhiệm vụ nêu tại khoản 3, Mục III", ("III.3", None)),
        ("Thực hiện các nhiệm vụ quy định tại Mục II nêu trên.", ("II", None)),
        # another document's part, and no citation at all
        ("Thực hiện nhiệm vụ tại khoản 2 Mục II của Nghị quyết số 12-NQ/TU.", None),
        ("Tổ chức kiểm tra việc thực hiện tại các xã, phường.", None),
    ],
)
def test_the_place_an_item_cites(text: str, place: tuple[str, str | None] | None) -> None:
    assert cited_place(text) == place


def _tasks() -> dict[str, tuple[list[str], list[str], str]]:
    r = extract_file(FIXTURES / "variant_restated_tasks.txt")
    return {t.id: (t.lead, t.coordinating, t.text) for t in r.tasks}


def test_an_item_citing_the_task_it_restates_is_dropped() -> None:
    """`Chủ trì … (nhiệm vụ tại điểm b khoản 1 Mục II)` under the lead of point b's bullets:
    the two bullets of point b are the work, recorded once."""
    tasks = _tasks()
    assert "III.1.2" not in tasks
    assert tasks["II.1.3"][:2] == (
        ["Sở Văn hóa, Thể thao và Du lịch"],
        ["Sở Khoa học và Công nghệ"],
    )
    assert tasks["II.1.4"][0] == ["Sở Văn hóa, Thể thao và Du lịch"]


def test_a_citation_that_adds_an_agency_or_names_another_document_stays() -> None:
    tasks = _tasks()
    # Sở Tài chính has no part in point b: its share is new
    assert tasks["III.2.1"][0] == ["Sở Tài chính"]
    # `… Mục II của Nghị quyết số 12-NQ/TU`: a part of another document
    assert tasks["III.1.3"][0] == ["Sở Văn hóa, Thể thao và Du lịch"]


def test_the_same_text_under_the_same_lead_is_one_task() -> None:
    """The education department's bullet repeats its body task word for word: dropped; the
    same words under the science department, which has no part in that task, stay."""
    tasks = _tasks()
    assert "III.3.1" not in tasks
    assert tasks["III.3.2"][0] == ["Sở Giáo dục và Đào tạo"]
    assert tasks["III.4.1"][0] == ["Sở Khoa học và Công nghệ"]
    assert tasks["II.2.1"][0] == ["Sở Giáo dục và Đào tạo"]
