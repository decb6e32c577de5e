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
