"""Plans copied out of digitally signed PDFs (an e-office's copy, line by line): the stamps,
signed notes and running page furniture are no part of the record, and the task tables read
across their page breaks."""

from kehoach.extract import extract_file

from .conftest import FIXTURES


def test_a_tab_appendix_reads_across_page_breaks_and_the_stamps_give_nothing() -> None:
    """The stamp beside the header (signed two days later) gives no date; the signed note and
    page number inside target b) leave it whole, and not a target of their own; the name under
    the recipients is the signer's though a page number and a stamp follow it; the group row
    reaches the rows after the page break; a coordinating cell wrapped after `Ủy ban` is one
    body."""
    r = extract_file(FIXTURES / "variant_signed_copy_tab_appendix.txt")
    d = r.document
    assert (d.number, d.date, d.signer) == ("57/KH-UBND", "2026-05-09", "Hoàng Thị Mai Anh")
    assert [[m.value for m in t.metrics] for t in r.targets] == [[100], [60, 80], [2]]
    assert r.targets[1].text.endswith("được hỗ trợ trang thiết bị đọc.")
    assert [t.id for t in r.tasks] == ["I.1", "I.2", "I.3", "II.1", "II.2"]
    assert r.tasks[2].group_title == "Phát triển hệ thống thư viện"
    assert r.tasks[1].coordinating == [
        "Sở Khoa học và Công nghệ",
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
    ]


def test_cell_lines_read_without_the_running_footer() -> None:
    """The running title and `Trang N/M` cut a target and a table's rows: the target's end
    and the row's text are as written; the signer's own stamp leaves the name printed under
    it; a report asked `khi có yêu cầu của UBND tỉnh` goes to UBND tỉnh."""
    r = extract_file(FIXTURES / "variant_signed_copy_cell_lines.txt")
    assert (r.document.date, r.document.signer) == ("2026-02-23", "Trần Văn Bình")
    assert r.targets[0].text.endswith("vùng bãi ngang ven biển.")
    assert [t.text for t in r.tasks] == [
        "Tổ chức Ngày chạy Olympic vì sức khỏe toàn dân",
        "Tổ chức Đại hội Thể dục thể thao cấp xã",
        "Tập huấn hướng dẫn viên thể dục thể thao cơ sở",
    ]
    assert [t.timeframe.raw for t in r.tasks] == ["Tháng 3/2026", "Quý II/2026", "Quý III/2026"]
    assert [(x.every, x.due, x.to) for x in r.reporting] == [
        ("month", "25", "Sở Văn hóa, Thể thao và Du lịch"),
        ("ad_hoc", None, "Ủy ban nhân dân tỉnh"),
    ]
