"""The page furniture of a signed PDF's text copied out line by line (`intake.furniture`):
signature stamps, the signed note, page counters and the running title beside them."""

from kehoach.intake.furniture import without_furniture


def test_a_stamp_with_wrapped_values_is_dropped_to_its_signing_time() -> None:
    """`Ký bởi` opens a stamp; a value wrapped on to lines of its own (`tỉnh Lạng Sơn`, the
    clock under the date) goes with it, and it closes after the signing time."""
    lines = [
        "Lạng Sơn, ngày 09 tháng 5 năm 2026",
        "Ký bởi: Ủy ban Nhân dân",
        "tỉnh Lạng Sơn",
        "Email:",
        "ubnd@langson.gov.vn",
        "Cơ quan: Tỉnh Lạng Sơn",
        "Ngày ký: 11.05.2026",
        "09:41:07 +07:00",
        "KẾ HOẠCH",
    ]
    assert without_furniture(lines) == ["Lạng Sơn, ngày 09 tháng 5 năm 2026", "KẾ HOẠCH"]


def test_a_persons_stamp_leaves_the_name_printed_under_it() -> None:
    """The stamp closes on its time line (labels listed after it go with it); the signer's
    name printed under it is the signature's, kept."""
    lines = [
        "- Lưu: VT.",
        "Ký bởi: Trần Văn Bình",
        "Email: binhtv@hatinh.gov.vn",
        "Thời gian ký: 23.02.2026 17:30:12 +07:00",
        "Cơ quan: Sở Văn hóa, Thể thao và Du lịch",
        "Trần Văn Bình",
    ]
    assert without_furniture(lines) == ["- Lưu: VT.", "Trần Văn Bình"]


def test_lines_that_only_look_like_a_stamp_stay() -> None:
    """No signing time closes it, or a line between is a paragraph's: no stamp."""
    no_time = ["Ký bởi: Sở Y tế", "Cơ quan: Sở Y tế", "1. Mục đích"]
    assert without_furniture(no_time) == no_time
    prose = [
        "Ký bởi: Sở Y tế",
        "Các cơ quan, đơn vị triển khai thực hiện nghiêm túc các nhiệm vụ được giao tại Kế hoạch",
        "Ngày ký: 02.03.2026 10:00:00 +07:00",
    ]
    assert without_furniture(prose) == prose


def test_the_signed_note_is_dropped() -> None:
    lines = [
        "… được tu bổ, tôn",
        "Văn bản này được ký số bởi Ủy ban nhân dân tỉnh, có giá trị pháp lý như bản giấy.",
        "2",
        "tạo.",
    ]
    assert without_furniture(lines) == ["… được tu bổ, tôn", "2", "tạo."]


def test_page_counters_and_the_running_title_beside_them_are_dropped() -> None:
    """`Trang 1/3` is furniture wherever it stands; the line beside two counters or more is
    the running title. A line beside one counter only is the text's own."""
    title = "Kế hoạch phát triển thể thao quần chúng năm 2026"
    lines = ["ưu tiên các xã", title, "Trang 1/3", "ven biển.", title, "", "Trang 2/3", "3"]
    assert without_furniture(lines) == ["ưu tiên các xã", "ven biển.", "", "3"]
    once = ["Tổ chức hội thao cấp tỉnh năm 2026", "Trang 2", "Quý II/2026"]
    assert without_furniture(once) == ["Tổ chức hội thao cấp tỉnh năm 2026", "Quý II/2026"]
