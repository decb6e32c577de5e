"""Headers and reporting duties as real documents print them: header cells pasted apart, a
body's name wrapped after its first word, a title in capitals over the enacting body, a
signing title whose spaces OCR lost, a reporting item read as a sub-section."""

import pytest

from kehoach.extract import extract_file

from .conftest import FIXTURES


def test_decision_with_a_title_in_capitals_over_its_enacting_body() -> None:
    r = extract_file(FIXTURES / "variant_decision_caps_title.txt")
    d = r.document
    assert (d.kind, d.number, d.issuer, d.province, d.date, d.signer) == (
        "quyet_dinh",
        "3021/QĐ-UBND",
        "Ủy ban nhân dân tỉnh",  # `ỦY` / `BAN NHÂN DÂN` / `TỈNH HẢI DƯƠNG`
        "Hải Dương",
        "2025-10-14",
        "Lương Văn Cầu",
    )
    assert d.title.endswith("GIAI ĐOẠN 2026 - 2030")  # not "… ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG"
    assert [ref.number for ref in d.implements] == ["62-KH/TU"]


def test_reporting_item_read_as_a_sub_section_is_a_duty() -> None:
    r = extract_file(FIXTURES / "variant_decision_caps_title.txt")
    assert [(x.every, x.due) for x in r.reporting] == [("year", "12-10"), ("ad_hoc", None)]
    assert r.reporting[1].via is None  # "Báo cáo …" names no agency


def test_header_row_with_its_cells_apart_and_no_kind_heading() -> None:
    d = extract_file(FIXTURES / "variant_header_row_cells.txt").document
    assert (d.kind, d.number, d.issuer, d.date) == (
        "quyet_dinh",
        "907/QĐ-UBND",  # not "907/QĐ-UBND|"
        "Ủy ban nhân dân tỉnh",
        "2025-05-03",
    )
    assert d.title is None  # "QUYẾT ĐỊNH:" opens the articles; no title is printed
    assert [ref.number for ref in d.implements] == ["1230/QĐ-UBND"]


def test_signing_title_whose_spaces_ocr_lost_names_the_issuer() -> None:
    d = extract_file(FIXTURES / "variant_objectives_heading_inline.txt").document
    assert (d.number, d.issuer, d.signer) == ("31-NQ/TU", "Ban Thường vụ Tỉnh ủy", "Trần Huy Tuấn")


def test_party_committee_letter_laid_out_in_columns() -> None:
    r = extract_file(FIXTURES / "variant_pdf_party_letter.txt")
    d = r.document
    assert (d.kind, d.number, d.issuer, d.province, d.date, d.signer) == (
        "cong_van",  # `-CV/ĐU`
        "318-CV/ĐU",
        "Đảng ủy Ủy ban nhân dân tỉnh",  # the header's committee, not "Số 318 -CV/ĐU"
        "Hà Giang",
        "2026-09-21",
        "Lò Văn Thắm",
    )
    assert d.title.startswith("Triển khai Chương trình hành động số 27-CTr/TU")
    assert [ref.number for ref in d.implements] == ["27-CTr/TU"]


def test_provincial_letter_subject_is_its_title() -> None:
    r = extract_file(FIXTURES / "variant_footnote_letter.txt")
    d = r.document
    assert (d.kind, d.number, d.issuer, d.date, d.signer) == (
        "cong_van",
        "4410/UBND-KGVX",
        "Ủy ban nhân dân tỉnh",
        "2026-07-02",
        "Hầu Minh Lợi",
    )
    assert d.title == "Tăng cường quản lý hoạt động lễ hội trên địa bàn tỉnh"


def test_duty_relayed_through_the_compiling_department_is_one_per_period() -> None:
    # agencies report to the department on one date, the department to UBND on a later one:
    # the same duty stated twice, due at UBND on the department's date
    r = extract_file(FIXTURES / "variant_relayed_report.txt")
    assert [(x.every, x.due, x.to, x.via) for x in r.reporting] == [
        ("half_year", "06-25", "Ủy ban nhân dân tỉnh", "Sở Văn hóa, Thể thao và Du lịch"),
        ("year", "12-25", "Ủy ban nhân dân tỉnh", "Sở Văn hóa, Thể thao và Du lịch"),
    ]


def test_the_compilers_report_without_a_period_is_the_agencies_duty_again() -> None:
    # the agencies' yearly report to UBND via the Sở, then `Sở X tổng hợp kết quả, báo cáo
    # UBND tỉnh theo quy định`: one duty; its report to another body is a duty of its own
    vh = "Sở Văn hóa, Thể thao và Du lịch"
    r = extract_file(FIXTURES / "variant_compiler_restates_duty.txt")
    assert [(x.every, x.due, x.to, x.via) for x in r.reporting] == [
        ("year", "12-05", "Ủy ban nhân dân tỉnh", vh),
        ("ad_hoc", None, "Ban Thường vụ Tỉnh ủy", vh),
    ]


# `UBND TỈNH …   CỘNG HÒA …` / `SỞ VĂN HÓA, THỂ THAO   Độc lập …` / `VÀ DU LỊCH`: the columns
# typed on one line, the department's name wrapped under its parent body; `TỈNH ỦY …` /
# `BAN TUYÊN GIÁO VÀ` / `DÂN VẬN TỈNH ỦY`, the signing title above `Nơi nhận:` and the name
# under the recipients
WRAPPED_BODIES = [
    (
        "variant_department_wrapped",
        ("96/KH-SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", "Tuyên Quang", "2026-05-12",
         "Hoàng Thị Lan"),
    ),
    (
        "variant_party_board_wrapped",
        ("58-KH/BTGDVTU", "Ban Tuyên giáo và Dân vận Tỉnh ủy", "Yên Bái", "2026-06-03",
         "Nông Văn Hải"),
    ),
]  # fmt: skip


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
@pytest.mark.parametrize(("stem", "header"), WRAPPED_BODIES)
def test_body_name_wrapped_under_its_parent_body(stem: str, header: tuple, suffix: str) -> None:
    d = extract_file(FIXTURES / f"{stem}{suffix}").document
    assert (d.number, d.issuer, d.province, d.date, d.signer) == header


def test_header_columns_on_one_line_keep_the_number_apart_from_the_motto() -> None:
    # `Số: 77/UBND-VX     Độc lập - Tự do - Hạnh phúc`: the number is only its own cell
    from kehoach.extract.header import column_parts

    assert column_parts("Số: 77/UBND-VX Độc lập - Tự do - Hạnh phúc") == [
        "Số: 77/UBND-VX",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    assert column_parts("ỦY BAN NHÂN DÂN TỈNH GIA LAI Số: 77/KH-UBND Gia Lai, ngày 18 tháng 3") == [
        "ỦY BAN NHÂN DÂN TỈNH GIA LAI",
        "Số: 77/KH-UBND",
        "Gia Lai, ngày 18 tháng 3",
    ]


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
def test_letter_implements_what_its_opening_cites(suffix: str) -> None:
    # the opening cites a ministry's decision (`Bộ trưởng … ban hành Quyết định số …`: another
    # body issuing another document, not this letter's issuer), a `Văn bản số …` and a
    # programme whose number wraps (`số 27-` / `CTr/TU ngày …`); the items and the footnote
    # cite documents the work rests on, which the letter does not carry out
    d = extract_file(FIXTURES / f"variant_letter_references{suffix}").document
    assert (d.kind, d.number, d.issuer, d.date, d.signer) == (
        "cong_van",
        "3318/UBND-VX",
        "Ủy ban nhân dân tỉnh",
        "2026-06-16",
        "Lò Minh Hùng",
    )
    assert [(x.kind, x.number, x.date, x.issuer) for x in d.implements] == [
        ("quyet_dinh", "2210/QĐ-BVHTTDL", "2026-06-02", "Bộ Văn hóa, Thể thao và Du lịch"),
        ("cong_van", "415/BVHTTDL-DSVH", "2026-06-05", "Bộ Văn hóa, Thể thao và Du lịch"),
        ("chuong_trinh", "27-CTr/TU", "2025-09-05", "Ban Thường vụ Tỉnh ủy"),
    ]


@pytest.mark.parametrize(
    ("lines", "issuer"),
    [
        # a header typed in running case, one column under the other
        (
            ["Ủy ban nhân dân tỉnh Lào Cai", "Số: 88/KH-UBND", "Độc lập - Tự do - Hạnh phúc"],
            "Ủy ban nhân dân tỉnh",
        ),
        # the office of the parent body: named with its parent
        (["UBND TỈNH LÀO CAI", "VĂN PHÒNG", "Số: 88/KH-VP"], "Văn phòng Ủy ban nhân dân tỉnh"),
        # the province's name wrapped, the motto between the two lines
        (
            ["ĐẢNG BỘ TỈNH HÀ", "ĐẢNG CỘNG SẢN VIỆT NAM", "GIANG", "BAN CHẤP HÀNH", "*"],
            "Ban Chấp hành Đảng bộ tỉnh",
        ),
        # a department with its province under it: the province is left implicit
        (
            ["SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "TỈNH NGHỆ AN", "Số: 27/KH-SVHTTDL"],
            "Sở Văn hóa, Thể thao và Du lịch",
        ),
        (["UBND TỈNH NGHỆ AN", "SỞ Y TẾ", "TỈNH NGHỆ AN", "Số: 5/KH-SYT"], "Sở Y tế"),
        # a district's committee is no provincial issuer
        (["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "HUYỆN BẢO THẮNG"], None),
    ],
)
def test_issuer_of_the_header_block(lines: list[str], issuer: str | None) -> None:
    from kehoach.extract.header import header_issuer

    assert header_issuer(lines) == issuer


def test_signer_beside_a_recipient_that_ends_with_a_comma() -> None:
    # `- Các đảng ủy trực thuộc Tỉnh ủy,     Lò Văn Mừng`: the two columns of the signature
    # block on one line, the recipient closed by a comma (as a PDF's text gives them)
    d = extract_file(FIXTURES / "variant_signature_beside_recipients.txt").document
    assert (d.number, d.issuer, d.signer) == ("12-NQ/TU", "Tỉnh ủy", "Lò Văn Mừng")


def test_signer_in_the_right_cell_of_recipients_typed_as_pipe_rows() -> None:
    # `Nơi nhận: | KT. GIÁM ĐỐC` … `- Lưu: VT, QLVH. | Ma Thị Nguyệt`: the two columns of the
    # signature block typed as rows of `|` cells (no table: the left cells are no tasks)
    d = extract_file(FIXTURES / "variant_signature_pipe_columns.txt").document
    assert (d.number, d.signer) == ("27/KH-SVHTTDL", "Ma Thị Nguyệt")


def test_references_a_carrying_out_sentence_lists_after_a_semicolon() -> None:
    # `Thực hiện Quyết định số …; Nghị quyết số …, Ủy ban nhân dân tỉnh ban hành …`: the
    # second document is carried out too, though its clause repeats no `Thực hiện`
    d = extract_file(FIXTURES / "variant_references_in_one_sentence.txt").document
    assert [(x.kind, x.number) for x in d.implements] == [
        ("quyet_dinh", "964/QĐ-TTg"),
        ("nghi_quyet", "21-NQ/TU"),
    ]


def test_issuer_named_after_a_sentence_of_past_results() -> None:
    """`… đạt 98,2%. Sở Nội vụ ban hành Kế hoạch …`: the body after the sentence's end."""
    r = extract_file(FIXTURES / "variant_office_table_merged.txt")
    assert r.document.issuer == "Sở Nội vụ"


def test_agency_paragraph_duty_beside_a_reporting_item_and_a_request_through_a_body() -> None:
    # `4. Chế độ báo cáo` inside the implementation section: the agency paragraph's ad-hoc
    # report is a duty too; `báo cáo UBND tỉnh (qua Sở X) để xem xét, giải quyết` asks a
    # superior to decide, the bracket does not hide it
    vh = "Sở Văn hóa, Thể thao và Du lịch"
    r = extract_file(FIXTURES / "variant_agency_paragraph_reports.txt")
    assert [(x.every, x.due, x.to, x.via) for x in r.reporting] == [
        ("ad_hoc", None, "Ban Thường vụ Tỉnh ủy", vh),
        ("year", "11-20", "Ủy ban nhân dân tỉnh", vh),
    ]


def test_committee_number_beside_its_place_date_and_its_standing_body_in_brackets() -> None:
    # `Số: 05/KH-BCĐ   Nghệ An, ngày …` on one line: the number keeps its `Đ`; `Cơ quan
    # thường trực BCĐ (Sở X)` compiles as Sở X; `Ban Chỉ đạo Trung ương` is read whole
    r = extract_file(FIXTURES / "variant_committee_number_beside_date.txt")
    assert (r.document.number, r.document.date) == ("05/KH-BCĐ", "2026-02-14")
    assert [(x.every, x.due, x.to, x.via) for x in r.reporting] == [
        ("year", "11-25", "Ban Chỉ đạo Trung ương", "Sở Văn hóa, Thể thao và Du lịch"),
    ]


def test_commune_party_plan_made_by_its_standing_committee() -> None:
    """`Ban Thường vụ Đảng ủy xã X xây dựng Kế hoạch … như sau` says who issues the plan the
    commune's `ĐẢNG ỦY` header and a bare `T/M BAN THƯỜNG VỤ` sign; its own bodies keep the
    level they name (`Ban Xây dựng Đảng Đảng ủy xã`, `Ban Thường vụ Đảng ủy xã`)."""
    r = extract_file(FIXTURES / "variant_commune_party_plan.txt")
    d = r.document
    assert (d.number, d.issuer, d.province, d.date, d.signer) == (
        "17-KH/ĐU",
        "Ban Thường vụ Đảng ủy xã Bản Xèo",
        "Lào Cai",
        "2026-05-14",
        "Lò Thị Mai",
    )
    tasks = {t.id: t for t in r.tasks}
    # `hoàn thành` ends the partner's name: what it is told to finish follows
    assert tasks["III.1.2"].coordinating == ["Ban Quản lý các điểm du lịch cộng đồng tỉnh"]
    assert (tasks["III.2"].lead, tasks["III.2"].coordinating) == (
        ["Ban Xây dựng Đảng Đảng ủy xã"],
        ["Văn phòng Đảng ủy"],
    )
    assert tasks["III.2"].text.startswith("Chủ trì, phối hợp với Văn phòng Đảng ủy")
    assert [(x.every, x.due, x.to, x.via) for x in r.reporting] == [
        ("year", "11-20", "Ban Thường vụ Đảng ủy xã", "Văn phòng Đảng ủy")
    ]


def test_a_joint_header_cut_by_one_tab_reads_its_two_columns_apart() -> None:
    # `TỈNH ỦY X` tab `ỦY BAN NHÂN DÂN TỈNH X` / `BAN TUYÊN GIÁO …` tab `SỞ …`: the two issuers
    # are two columns, as with two tabs, not one name run together; the issuer is the lowest
    # body of the left column (the first party), the preamble naming neither; the tab task
    # table in the body is still a table.
    r = extract_file(FIXTURES / "variant_joint_one_tab_header.txt")
    d = r.document
    assert (d.kind, d.number, d.issuer, d.province, d.date) == (
        "ke_hoach",
        "09-KHLT/BTGDV-SVHTTDL",
        "Ban Tuyên giáo và Dân vận Tỉnh ủy",
        "Quảng Trị",
        "2026-03-16",
    )
    assert d.title.startswith("Tuyên truyền kỷ niệm các ngày lễ lớn")
    vh, tg = "Sở Văn hóa, Thể thao và Du lịch", "Ban Tuyên giáo và Dân vận Tỉnh ủy"
    got = [(t.id, t.lead, t.timeframe.raw) for t in r.tasks]
    assert got[2:5] == [
        ("II.3.1", [vh], "Tháng 3/2026"),
        ("II.3.2", [tg], "Tháng 6/2026"),
        ("II.3.3", ["Bảo tàng tỉnh"], "Tháng 8/2026"),
    ]


def test_an_issuer_beside_its_own_motto_cut_by_one_tab_is_the_left_column() -> None:
    # `BCH ĐOÀN TỈNH X` tab `ĐOÀN TNCS HỒ CHÍ MINH` (the youth union's line where the national
    # motto stands): the issuer is the left column's body, not the two run together nor the
    # right column's
    d = extract_file(FIXTURES / "variant_union_one_tab_header.txt").document
    assert (d.number, d.issuer, d.province, d.date) == (
        "52-KH/TĐTN-TNXP",
        "Ban Chấp hành Tỉnh đoàn",
        "Quảng Trị",
        "2026-06-02",
    )
