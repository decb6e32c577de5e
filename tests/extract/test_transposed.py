"""Target tables turned on their side (a row for each year, a column for each indicator), set
upright and read as the ordinary target table (`extract/transposed.py`)."""

from __future__ import annotations

import pytest

from kehoach.extract import extract_file
from kehoach.extract.tables import tasks_from_table
from kehoach.extract.transposed import upright
from kehoach.intake.document import Table

from .conftest import FIXTURES

_OBJECTIVES = ["II. MỤC TIÊU", "2. Chỉ tiêu cụ thể"]


def _targets(record) -> list[tuple]:
    return [
        (t.text, t.horizon, [(m.value, m.unit, m.by) for m in t.metrics]) for t in record.targets
    ]


def _rows(table: Table, context: list[str], doc_year: int = 2026) -> list[tuple]:
    """(text, [(value, unit, by)], horizon) of each target row the upright table gives."""
    got = tasks_from_table(upright(table, context), doc_year)
    assert got is not None
    return [(r.text, [(m.value, m.unit, m.by) for m in r.metrics], r.horizon) for r in got[1]]


def test_a_table_with_a_row_for_each_year_gives_a_target_for_each_indicator() -> None:
    # `STT | Năm | <group> | | <group> | Ghi chú` over the indicators' own headings; the
    # `Thực hiện năm 2025` row is the baseline, `-` gives no number, the notes are no target
    r = extract_file(FIXTURES / "variant_target_table_year_rows.txt")
    assert _targets(r) == [
        (
            "Số người tập luyện thể dục, thể thao thường xuyên (nghìn người)",
            2028,
            [(425, "nghìn người", 2026), (440, "nghìn người", 2027), (460, "nghìn người", 2028)],
        ),
        (
            "Tỷ lệ gia đình thể thao (%)",
            2028,
            [(25, "%", 2026), (26.5, "%", 2027), (28, "%", 2028)],
        ),
        (
            "Số huy chương tại các giải quốc gia (huy chương, các loại)",
            2028,
            [(40, "huy chương", 2026), (45, "huy chương", 2028)],
        ),
    ]
    assert {t.section for t in r.targets} == {"II.2"}  # the body section the table stands in
    assert [t.id for t in r.tasks] == ["III.1", "III.2"]


@pytest.mark.parametrize("form", ["txt", "docx", "pdf"])
def test_the_table_on_its_side_reads_as_its_upright_twin(form: str) -> None:
    # the same plan with the table typed the ordinary way (a row for each indicator, a column
    # for each year); the Word file and its PDF with merged headings (spans) read alike
    side = extract_file(FIXTURES / f"variant_target_table_year_rows.{form}")
    twin = extract_file(FIXTURES / "variant_target_table_year_columns.txt")
    assert _targets(side) == _targets(twin)


def test_units_in_a_row_of_their_own_bare_years_and_a_whole_period_row() -> None:
    table = Table(
        rows=[
            ["Năm", "Thư viện cấp xã", "Bản sách luân chuyển", "Cơ quan theo dõi"],
            ["ĐVT", "thư viện", "nghìn bản", ""],
            ["2026", "12", "80", "Thư viện tỉnh"],
            ["2027", "15", "95", "Thư viện tỉnh"],
            ["Cả giai đoạn", "27", "175", ""],
        ]
    )
    assert _rows(table, _OBJECTIVES) == [
        (
            "Thư viện cấp xã",
            [(12, "thư viện", 2026), (15, "thư viện", 2027), (27, "thư viện", None)],
            2027,
        ),
        (
            "Bản sách luân chuyển",
            [(80, "nghìn bản", 2026), (95, "nghìn bản", 2027), (175, "nghìn bản", None)],
            2027,
        ),
    ]


def test_a_unit_labelled_inside_the_brackets_and_goal_labels() -> None:
    # `(ĐVT: %)`; rows labelled as plans (`Kế hoạch năm 2026`, `Mục tiêu đến năm 2030`): a
    # number for each, as the goal columns of an ordinary table give
    table = Table(
        rows=[
            ["TT", "Chỉ tiêu / Năm", "Tỷ lệ xã có thiết chế văn hóa đạt chuẩn (ĐVT: %)"],
            ["1", "Kế hoạch năm 2026", "75"],
            ["2", "Mục tiêu đến năm 2030", "Trên 90"],
        ]
    )
    # the heading row names the targets itself (`Chỉ tiêu`): no other words needed
    assert _rows(table, []) == [
        (
            "Tỷ lệ xã có thiết chế văn hóa đạt chuẩn (ĐVT: %)",
            [(75, "%", 2026), (90, "%", 2030)],
            2030,
        )
    ]


@pytest.mark.parametrize(
    ("rows", "context"),
    [
        # a schedule: the years label rows whose other cells are words
        (
            [
                ["TT", "Thời gian", "Nội dung", "Đơn vị chủ trì"],
                ["1", "Năm 2026", "Tổ chức liên hoan nghệ thuật quần chúng", "Sở VHTTDL"],
                ["2", "Năm 2027", "Tổ chức hội thi tuyên truyền lưu động", "Sở VHTTDL"],
            ],
            _OBJECTIVES,
        ),
        # a year's budget lines in the funding part: nothing names targets
        (
            [
                ["Năm", "Ngân sách tỉnh (triệu đồng)", "Xã hội hóa (triệu đồng)"],
                ["2026", "1.200", "300"],
                ["2027", "1.500", "450"],
            ],
            ["IV. KINH PHÍ THỰC HIỆN"],
        ),
        # the ordinary target table: its indicators' cells are no years
        (
            [
                ["TT", "Chỉ tiêu", "Đơn vị tính", "Năm 2026", "Năm 2030"],
                ["1", "Tỷ lệ thôn có nhà văn hóa", "%", "90", "100"],
                ["2", "Số lễ hội được phục dựng đến năm 2030", "lễ hội", "2", "5"],
            ],
            _OBJECTIVES,
        ),
        # a single year's row
        (
            [["Năm", "Tỷ lệ hộ gia đình văn hóa (%)"], ["Năm 2026", "92"]],
            _OBJECTIVES,
        ),
    ],
)
def test_tables_that_are_not_turned_on_their_side_stay_as_they_are(rows, context) -> None:
    table = Table(rows=rows)
    assert upright(table, context) is table
