"""A task table typed with pipes and damaged by OCR: every row is still a task, its cells
in their columns."""

from kehoach.extract import extract_file
from kehoach.extract.tables import tasks_from_table
from kehoach.intake.document import Table

from .conftest import FIXTURES

DAMAGED = FIXTURES / "variant_ocr_pipe_rows.txt"


def test_every_damaged_row_gives_its_task_with_its_cells_in_place() -> None:
    r = extract_file(DAMAGED)
    by_id = {t.id: t for t in r.tasks}
    assert sorted(by_id, key=int) == ["1", "2", "3", "4", "5", "6"]
    # no closing `|`
    assert by_id["1"].timeframe.raw == "Quý II/2026"
    # the task cell run over two lines
    assert by_id["2"].text.endswith("có nghệ nhân cao tuổi")
    assert by_id["2"].timeframe.kind == "window"
    # `||`: the time cell stays in the time column
    assert by_id["3"].timeframe.start == "2026-01-01"
    # `ữ` read as `ũ`
    assert by_id["3"].coordinating == ["Sở Công Thương", "các doanh nghiệp lữ hành"]
    # a lost `|` between lead and coordinating
    assert by_id["4"].lead == ["Ủy ban nhân dân xã Bắc Sơn"]
    assert by_id["4"].coordinating == ["Sở Công Thương"]
    assert (by_id["4"].timeframe.start, by_id["4"].timeframe.end) == ("2026-02-15", "2026-02-15")
    # the time cell run over two lines
    assert by_id["5"].timeframe.raw == "Theo kế hoạch của Ủy ban nhân dân tỉnh"


def test_a_row_one_cell_short_puts_a_timeframe_back_in_the_time_column() -> None:
    table = Table(
        rows=[
            ["STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"],
            ["1", "Tổ chức hội thi", "Sở Văn hóa, Thể thao và Du lịch Sở Nội vụ", "Quý III/2026"],
        ]
    )
    tasks, _ = tasks_from_table(table, 2026)
    assert tasks[0].timeframe.start == "2026-07-01"
    assert "Quý III/2026" not in tasks[0].coordinating


LOST = FIXTURES / "variant_ocr_table_rows_lost.txt"


def test_rows_that_lost_their_pipes_and_numbers_ocr_misread_are_read() -> None:
    r = extract_file(LOST)
    by_id = {t.id: t for t in r.tasks}
    assert sorted(by_id, key=int) == ["1", "2", "3", "4"]
    # no leading `|`, two separators read as wide gaps
    assert by_id["2"].lead == ["Sở Giáo dục và Đào tạo"]
    assert by_id["2"].coordinating == ["Tỉnh đoàn"]
    assert by_id["2"].timeframe.start == "2026-05-01"
    # the line broke before the lead cell
    assert by_id["3"].lead == ["Sở Tư pháp"]
    assert by_id["3"].timeframe.raw == "Năm 2026"
    # no pipe at all; `2O26` with the letter O
    assert by_id["4"].coordinating == ["Các sở, ngành liên quan"]
    assert (by_id["4"].timeframe.start, by_id["4"].timeframe.end) == ("2026-12-01", "2026-12-31")
    # `xa` for `xã` before `phường`
    assert by_id["1"].coordinating == ["Ủy ban nhân dân các xã, phường"]
    # `3O.000`: the target keeps its number
    assert [m.value for t in r.targets for m in t.metrics] == [30000, 90]
    # `KẾHOẠCH`: the heading glued, not read as one damaged word; the title under it
    assert r.document.title == "Phát triển phong trào đọc sách trong cộng đồng năm 2026"
    # the page number after the signer's name is no part of it
    assert r.document.signer == "Trần Thị Lan"
