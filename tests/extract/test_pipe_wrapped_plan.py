"""A plan as a PDF's text copied line by line gives it: the header's two columns on shared
lines, prose hard-wrapped with no blank lines, bare page numbers between pages (one inside an
agency's name), and a pipe task table written a printed line to a row."""

from kehoach.extract import extract_file
from kehoach.extract.outline import Para, _wrap_width, paragraphs
from kehoach.intake import read_document

from .conftest import FIXTURES

PLAN = FIXTURES / "variant_pipe_wrapped_lines.txt"


def test_the_header_columns_read_apart() -> None:
    doc = extract_file(PLAN).document
    assert (doc.number, doc.issuer, doc.province, doc.date) == (
        "41/KH-UBND",
        "Ủy ban nhân dân tỉnh",
        "Tuyên Quang",
        "2026-04-09",
    )
    assert doc.title == "Phát triển thư viện và văn hóa đọc trên địa bàn tỉnh năm 2026"
    assert doc.signer == "Hoàng Thị Lan"


def test_one_task_per_numbered_row_across_page_breaks() -> None:
    tasks = extract_file(PLAN).tasks
    assert [(t.id, t.text, t.lead, t.coordinating, t.timeframe.raw) for t in tasks] == [
        (
            "I.1",
            "Bổ sung sách, báo cho thư viện tỉnh và tủ sách của các xã vùng cao, vùng đặc biệt"
            " khó khăn",
            ["Sở Văn hóa, Thể thao và Du lịch"],
            ["Sở Tài chính", "Ủy ban nhân dân các xã, phường"],
            "Quý II/2026",
        ),
        (
            "I.2",
            "Số hóa tài liệu quý về lịch sử, văn hóa các dân tộc; đưa vào khai thác trên nền"
            " tảng số",
            ["Thư viện tỉnh"],
            ["Sở Khoa học và Công nghệ"],
            "Năm 2026",
        ),
        (
            "II.3",
            "Tổ chức Ngày Sách và Văn hóa đọc Việt Nam năm 2026 với chủ đề gắn với Nghị quyết"
            " số 80-NQ/TW",
            ["Sở Văn hóa, Thể thao và Du lịch"],
            ["Sở Giáo dục và Đào tạo", "Tỉnh đoàn"],
            "Tháng 4/2026",
        ),
        (
            "II.4",
            "Duy trì mô hình tủ sách cộng đồng tại nhà văn hóa thôn, bản",
            ["Ủy ban nhân dân các xã, phường"],
            ["Sở Văn hóa, Thể thao và Du lịch", "Hội Liên hiệp Phụ nữ tỉnh"],
            "Hằng năm",
        ),
    ]
    assert tasks[0].group_title == "Phát triển tài nguyên và dịch vụ thư viện"


def test_wrapped_prose_runs_on_over_capitals_and_page_numbers() -> None:
    record = extract_file(PLAN)
    # a line filled to the wrap width runs on, though the next opens in capitals
    # (`… Khu Di tích` / `Quốc gia Đặc biệt …`)
    assert record.targets[1].text == (
        "Tổ chức ít nhất 12 đợt luân chuyển sách từ Thư viện tỉnh về các xã thuộc Khu Di tích"
        " Quốc gia Đặc biệt Tân Trào, mỗi đợt tối thiểu 500 bản sách phù hợp với người đọc."
    )
    assert [(m.value, m.unit) for t in record.targets for m in t.metrics][:2] == [
        (60, "%"),
        (120, "nghìn lượt"),
    ]
    assert [(d.every, d.due, d.to) for d in record.reporting] == [
        ("once", "2026-12-10", "Ủy ban nhân dân tỉnh")
    ]


def test_page_numbers_that_count_up_are_dropped_inside_a_name() -> None:
    doc = read_document(PLAN)
    texts = [p.text for p in paragraphs(doc.blocks) if isinstance(p, Para)]
    assert any("phối hợp với Sở Văn hóa, Thể thao và Du lịch hướng dẫn" in t for t in texts)
    assert not any(t in ("2", "3") or t.endswith(" Sở 2") for t in texts)


def test_text_that_keeps_a_paragraph_a_line_has_no_wrap_width() -> None:
    lines = [
        f"- Nội dung thứ {n} của kế hoạch được giao cho các cơ quan, đơn vị." for n in range(30)
    ]
    lines += [
        f"{n}. Một đoạn dài hơn nhiều " + "về việc tổ chức các hoạt động " * n for n in range(1, 12)
    ]
    assert _wrap_width(lines) is None
    wrapped = ["Kế hoạch này được triển khai tới các cơ quan, đơn vị trên địa bàn của tỉnh"] * 25
    assert _wrap_width([*wrapped, "ngắn."]) == len(wrapped[0])
