"""One plan, one record, whatever form it comes in: the .docx and .pdf fixtures are the text
fixture beside them laid out as an official's Word file (`tools/format_variants.py`: header
and signature as borderless tables, justified paragraphs with a first-line indent, Word list
bullets in the `_list` ones) and printed to PDF by LibreOffice. Their records must match the
text's on what a reader acts on: the tasks' ids, agencies and timeframes, the targets'
values and horizons, and the header."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kehoach.extract import extract_file

FIXTURES = Path(__file__).parents[1] / "data" / "fixtures"

CASES = [
    # closing groups: `Đơn vị chủ trì:` lines, a wrapped `chính trị - xã hội`, a label in
    # lower case wrapped inside a parenthesis
    ("variant_closing_groups.docx", "variant_closing_groups.txt"),
    ("variant_closing_groups.pdf", "variant_closing_groups.txt"),
    # the signer's name printed beside a recipient higher up than the last two
    ("variant_council_resolution.pdf", "variant_council_resolution.txt"),
    # a department under its parent body, in one cell of the header table
    ("variant_department_event_table.docx", "variant_department_event_table.txt"),
    # `T/M BAN THƯỜNG VỤ` in the signature table names the issuer
    ("variant_party_unnumbered.docx", "variant_party_unnumbered.txt"),
    # `văn hóa - thể thao` wrapped at its dash inside a target
    ("variant_targets_after_colon.pdf", "variant_targets_after_colon.txt"),
    # a decision with its plan, its subject centred and wrapped
    ("variant_decision_with_plan.pdf", "variant_decision_with_plan.txt"),
    # Word list bullets: a Symbol glyph, wrapped lines at the hanging indent
    ("family5_short_plan_list.pdf", "family5_short_plan.txt"),
    ("variant_event_plan_list.pdf", "variant_event_plan.txt"),
    # header columns typed on one line, a department's name wrapped under its parent body
    ("variant_department_wrapped.docx", "variant_department_wrapped.txt"),
    ("variant_department_wrapped.pdf", "variant_department_wrapped.txt"),
    ("variant_party_board_wrapped.pdf", "variant_party_board_wrapped.txt"),
    # a centred title wrapped over two lines on a page with no body text (`… của Ban Thường
    # vụ` / `Tỉnh ủy`): no issuer is printed, and the title's last line names none
    ("pipe_table.pdf", "pipe_table.md"),
    # a letter: its subject under the number in the header table, the signature in columns
    ("variant_letter_references.docx", "variant_letter_references.txt"),
    ("variant_letter_references.pdf", "variant_letter_references.txt"),
    # a Youth Union's header and signature typed in tab columns, the signature table before
    # an appendix whose task table names bodies in title case (`Thư Viện Tỉnh`): the signer
    # is the signature table's name, not the last name-like cell of any table
    ("variant_signature_before_appendix.docx", "variant_signature_before_appendix.txt"),
    ("variant_signature_before_appendix.pdf", "variant_signature_before_appendix.txt"),
    # the PDF's signature column wraps `TM. BAN THƯỜNG VỤ TỈNH` / `ĐOÀN` beside a recipient,
    # and justification stretches the line before a long e-mail address
    ("variant_union_wrapped_title.docx", "variant_union_wrapped_title.txt"),
    ("variant_union_wrapped_title.pdf", "variant_union_wrapped_title.txt"),
    # task tables of marks: an agency's column of `C`/`P`/`x` under a merged `Đơn vị thực
    # hiện`, a legend under the table; a year's column of ticks under a merged `Tiến độ`
    ("variant_assignment_matrix.docx", "variant_assignment_matrix.md"),
    ("variant_assignment_matrix.pdf", "variant_assignment_matrix.md"),
    ("variant_roadmap_years.docx", "variant_roadmap_years.txt"),
    ("variant_roadmap_years.pdf", "variant_roadmap_years.txt"),
    # a department's plan: its unit headings set ragged among justified paragraphs and
    # wrapped inside their `(Lãnh đạo phụ trách: …)` or in lower case; a `2026` / `- 2030`
    # range wrapped at its dash
    ("variant_department_leaders.pdf", "variant_department_leaders.txt"),
    # a task table of marks whose narrow agency columns break codes mid-word (`UBM` / `TTQ`)
    ("variant_narrow_mark_columns.pdf", "variant_narrow_mark_columns.md"),
    # lead and time cells the text left empty under the one they go on from: merged cells
    # in the Word file; group titles merged across the row; a signature typed in pipe columns
    ("variant_blank_cells_below.docx", "variant_blank_cells_below.txt"),
    ("variant_blank_cells_below.pdf", "variant_blank_cells_below.txt"),
    # a target table turned on its side (a row for each year) under merged group headings
    ("variant_target_table_year_rows.docx", "variant_target_table_year_rows.txt"),
    ("variant_target_table_year_rows.pdf", "variant_target_table_year_rows.txt"),
    # a task table grouped under agency rows (`1 → SỞ …` merged across the row), no lead
    # column; the header and signature typed in tab columns
    ("variant_agency_rows_tabbed.docx", "variant_agency_rows_tabbed.txt"),
    ("variant_agency_rows_tabbed.pdf", "variant_agency_rows_tabbed.txt"),
    # a letter: its header typed in tab columns, its subject under them (the Word file sets
    # it under the number); a body's `Côn Sơn` / `- Kiếp Bạc` wrapped at its dash among dash
    # items set indented; a numbered heading over its sentence; the signature typed as one
    # line (the signer's column: titles, then the name, beside recipients in smaller print)
    ("variant_letter_flat_signature.docx", "variant_letter_flat_signature.txt"),
    ("variant_letter_flat_signature.pdf", "variant_letter_flat_signature.txt"),
    # lead and coordinating cells of one agency a line (a paragraph each in the Word file):
    # the PDF's cell keeps a line apart that the next line's first word would have fitted on
    ("variant_agency_lines_in_cells.docx", "variant_agency_lines_in_cells.txt"),
    ("variant_agency_lines_in_cells.pdf", "variant_agency_lines_in_cells.txt"),
    # a decision typed in pipe tables: its signature table, then the attached plan's header
    # table (the text reader joins the two), set as a signature and the next page's header
    ("variant_decision_pipe_signature.docx", "variant_decision_pipe_signature.txt"),
    ("variant_decision_pipe_signature.pdf", "variant_decision_pipe_signature.txt"),
]


@pytest.fixture(scope="module", params=CASES, ids=[c[0] for c in CASES])
def records(request):
    """(the text fixture's record, the Word or PDF fixture's record)."""
    variant, text = request.param
    return extract_file(FIXTURES / text).to_json(), extract_file(FIXTURES / variant).to_json()


def _tasks(record: dict) -> list[tuple]:
    return [
        (t["id"], t["directing"], t["lead"], t["coordinating"], t["timeframe"])
        for t in record["tasks"]
    ]


def _targets(record: dict) -> list[tuple]:
    return [(t["horizon"], sorted(m["value"] for m in t["metrics"])) for t in record["targets"]]


def test_the_same_tasks(records):
    text, variant = records
    assert _tasks(variant) == _tasks(text)


def test_the_same_targets(records):
    text, variant = records
    assert _targets(variant) == _targets(text)


def test_the_same_header(records):
    text, variant = records
    for key in ("kind", "number", "issuer", "province", "date", "title", "signer"):
        assert variant["document"][key] == text["document"][key], key


def test_the_same_reporting_duties(records):
    text, variant = records
    assert variant["reporting"] == text["reporting"]


def test_a_signing_body_beside_the_recipients_label_names_the_issuer():
    """A PDF's signature block read across its two columns: `Nơi nhận:` and `T/M BAN
    THƯỜNG VỤ` on one line still say who issues the plan, as the text's own lines do."""
    from kehoach.extract.plan import build_record
    from kehoach.intake.document import Document

    head = ["TỈNH ỦY ĐIỆN BIÊN  ĐẢNG CỘNG SẢN VIỆT NAM", "Số 12-KH/TU", "KẾ HOẠCH"]
    body = ["triển khai Nghị quyết số 80-NQ/TW", "I. MỤC ĐÍCH, YÊU CẦU", "Quán triệt."]

    def issuer(closing: list[str]) -> str | None:
        doc = Document(name="x.pdf", format="pdf", sha256="", blocks=head + body + closing)
        return build_record(doc).document.issuer

    lines = ["Nơi nhận:", "- Như trên;", "- Lưu VT.", "T/M BAN THƯỜNG VỤ", "BÍ THƯ"]
    assert issuer(lines) == "Ban Thường vụ Tỉnh ủy"
    assert issuer(["Nơi nhận:  T/M BAN THƯỜNG VỤ", "- Như trên;  BÍ THƯ", "- Lưu VT."]) == (
        "Ban Thường vụ Tỉnh ủy"
    )


def test_a_signing_title_wrapped_in_its_column_names_the_issuer_whole():
    """`TM. BAN THƯỜNG VỤ TỈNH` / `ĐOÀN`: the narrow signature column of a PDF wraps the
    title, its last word on a line of its own or beside a recipient; the title is read
    whole, while a title of its own under it (`PHÓ BÍ THƯ`) adds nothing to it."""
    from kehoach.extract.plan import build_record
    from kehoach.intake.document import Document

    head = ["BCH ĐOÀN TỈNH X  ĐOÀN TNCS HỒ CHÍ MINH", "Số: 3-KH/TĐTN", "KẾ HOẠCH"]
    body = ["tổ chức ngày hội đọc sách", "I. MỤC ĐÍCH, YÊU CẦU", "Khơi dậy thói quen đọc."]

    def issuer(closing: list[str]) -> str | None:
        doc = Document(name="x.pdf", format="pdf", sha256="", blocks=head + body + closing)
        return build_record(doc).document.issuer

    apart = ["Nơi nhận:  TM. BAN THƯỜNG VỤ TỈNH", "- Như trên;", "ĐOÀN", "- Lưu: VP.  PHÓ BÍ THƯ"]
    assert issuer(apart) == "Ban Thường vụ Tỉnh đoàn"
    beside = ["Nơi nhận:  TM. BAN THƯỜNG VỤ TỈNH", "- Như trên;  ĐOÀN", "- Lưu: VP.  PHÓ BÍ THƯ"]
    assert issuer(beside) == "Ban Thường vụ Tỉnh đoàn"
    whole = ["Nơi nhận:  TM. BAN THƯỜNG VỤ", "- Như trên;", "PHÓ BÍ THƯ", "- Lưu: VP."]
    assert issuer(whole) == "Ban Thường vụ Tỉnh ủy"


def _format_variants():
    """tools/format_variants.py, which lays the text fixtures out as Word files."""
    import importlib.util

    path = Path(__file__).parents[2] / "tools" / "format_variants.py"
    spec = importlib.util.spec_from_file_location("format_variants", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_the_layout_tool_keeps_typed_columns_and_a_carrying_out_subject():
    """A header and a signature typed in tab columns keep their columns in the Word file; a
    subject that opens with `Thực hiện` stays the title, the `Căn cứ` under it a paragraph."""
    tool = _format_variants()
    blocks = [
        "BCH ĐOÀN TỈNH X\tĐOÀN TNCS HỒ CHÍ MINH",
        "***",
        "Số: 5-KH/TĐTN\tX, ngày 02 tháng 3 năm 2026",
        "KẾ HOẠCH",
        "Thực hiện Kế hoạch số 9-KH/TU ngày 01/02/2026 của Ban Thường vụ Tỉnh ủy về phát "
        "triển văn hóa đọc trong thanh thiếu nhi năm 2026",
        "Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh;",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Khơi dậy thói quen đọc.",
        "Nơi nhận:\tTM. BAN THƯỜNG VỤ",
        "- Như trên;\tBÍ THƯ",
        "- Lưu: VP.",
        "\tLê Văn An",
    ]
    plan = tool.split_plan(blocks)
    assert plan.header == [
        [["BCH ĐOÀN TỈNH X", "***"], ["ĐOÀN TNCS HỒ CHÍ MINH"]],
        [["Số: 5-KH/TĐTN"], ["X, ngày 02 tháng 3 năm 2026"]],
    ]
    assert plan.title[1].startswith("Thực hiện Kế hoạch số 9-KH/TU")
    assert plan.body[0] == "Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh;"
    signature = plan.body[-1]
    assert signature.recipients == ["Nơi nhận:", "- Như trên;", "- Lưu: VP."]
    assert signature.signer == ["TM. BAN THƯỜNG VỤ", "BÍ THƯ", "Lê Văn An"]


def test_two_parties_signing_side_by_side_in_a_table_above_the_recipients():
    """A joint programme's Word file: the two signers' cells side by side, the recipients in
    a table under them. The first (left) party's signer signs, as in the text."""
    from kehoach.extract.plan import build_record
    from kehoach.intake.document import Document, Table

    blocks = [
        "ỦY BAN MTTQ VIỆT NAM TỈNH NAM ĐỊNH",
        "Số: 03/CTrPH-MTTQ-SNV",
        "CHƯƠNG TRÌNH PHỐI HỢP",
        "Về việc tuyên truyền cải cách hành chính năm 2026",
        "Điều 1. Nội dung phối hợp",
        "1. Hai bên phối hợp tuyên truyền trên báo tỉnh, hằng quý.",
        Table(
            rows=[["T/M BAN THƯỜNG TRỰC\nCHỦ TỊCH\nPhan Thị Lan", "GIÁM ĐỐC\nVũ Đức Minh"]],
            spans=[[False, False]],
        ),
        Table(rows=[["Nơi nhận:\n- Như trên;\n- Lưu: VT.", ""]], spans=[[False, False]]),
    ]
    doc = Document(name="x.docx", format="docx", sha256="", blocks=blocks)
    assert build_record(doc).document.signer == "Phan Thị Lan"


def test_the_layout_tool_keeps_interleaved_and_joint_signature_blocks_whole():
    """A signature block flattened line by line (a recipient, a title, a recipient …) and two
    signers typed in tab columns stay signature blocks in the Word file, names and all."""
    tool = _format_variants()
    head = ["ỦY BAN NHÂN DÂN TỈNH X", "Số: 5/KH-UBND", "KẾ HOẠCH", "Về việc Y", "I. MỤC ĐÍCH"]
    interleaved = [
        "Nơi nhận:",
        "TM. ỦY BAN NHÂN DÂN",
        "- Bộ Nội vụ (b/c);",
        "KT. CHỦ TỊCH",
        "- Lưu: VT.",
        "Trần Văn Bình",
    ]
    signature = tool.split_plan(head + interleaved).body[-1]
    assert signature.recipients == ["Nơi nhận:", "- Bộ Nội vụ (b/c);", "- Lưu: VT."]
    assert signature.signer == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "Trần Văn Bình"]
    joint = [
        "T/M BAN THƯỜNG TRỰC\tKT. GIÁM ĐỐC",
        "CHỦ TỊCH\tPHÓ GIÁM ĐỐC",
        "",
        "Phan Thị Lan\tVũ Đức Minh",
        "Nơi nhận:",
        "- Lưu: VT.",
    ]
    signature = tool.split_plan(head + joint).body[-1]
    assert signature.parties == [
        ["T/M BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Phan Thị Lan"],
        ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Vũ Đức Minh"],
    ]
    assert signature.recipients == ["Nơi nhận:", "- Lưu: VT."]


def test_the_layout_tool_merges_what_the_text_left_empty():
    """A text table leaves a merged cell's text in its first row: the Word table merges the
    empty lead and time cells under it (down to a group row), a group row's title across
    the row, and a heading over several columns across them; a signature typed in pipe
    columns keeps its columns."""
    from kehoach.intake.document import Table

    tool = _format_variants()
    table = Table(
        rows=[
            ["TT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"],
            ["A", "VIỆC CHUẨN BỊ", "", "", ""],
            ["1", "Soạn kịch bản", "Sở VHTTDL", "Nhà hát tỉnh", "Tháng 5/2026"],
            ["2", "Chọn đội văn nghệ", "", "UBND các xã", ""],
            ["3", "In tờ rơi", "", "Báo tỉnh", "Tháng 6/2026"],
            ["B", "VIỆC TRONG TUẦN LỄ", "", "", ""],
            ["1", "Đón khách", "", "Công an tỉnh", "Tháng 7/2026"],
        ]
    )
    # lead: rows 2-4 (one cell); time: rows 2-3; under group B nothing goes on from above
    assert tool._merged_down(table) == [(2, 2, 4), (4, 2, 3)]
    assert tool._title_rows(table) == [(1, 1), (5, 1)]
    two_rows = Table(
        rows=[
            ["TT", "Nội dung", "Cơ quan thực hiện", "", "Thời hạn"],
            ["", "", "Sở TC", "Sở NV", ""],
            ["1", "Rà soát", "C", "P", "Năm 2026"],
        ]
    )
    assert tool._header_merges(two_rows) == [
        ((0, 0), (1, 0)),
        ((0, 1), (1, 1)),
        ((0, 2), (0, 3)),
        ((0, 4), (1, 4)),
    ]
    blocks = [
        "KẾ HOẠCH",
        "Tổ chức hội diễn",
        "I. MỤC ĐÍCH",
        "Tôn vinh.",
        "Nơi nhận: | KT. CHỦ TỊCH",
        "- Như trên; | PHÓ CHỦ TỊCH",
        "- Lưu: VT. | ",
        " | Lê Thị Hoa",
    ]
    signature = tool.split_plan(blocks).body[-1]
    assert signature.recipients == ["Nơi nhận:", "- Như trên;", "- Lưu: VT."]
    assert signature.signer == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Thị Hoa"]


def test_the_layout_tool_gives_the_sentences_the_width():
    """The task's column is the widest; a column of marks is as wide as its longest code
    (within the share a table of many columns allows), never narrower than row numbers."""
    tool = _format_variants()
    rows = [
        ["TT", "Nội dung nhiệm vụ", "Sở VHTTDL", "Sở TC", "Thời hạn"],
        [
            "1",
            "Kiểm kê di tích và lập hồ sơ xếp hạng các di tích cấp tỉnh",
            "C",
            "P",
            "Quý III/2026",
        ],
        ["2", "Tu bổ các hạng mục xuống cấp của đình làng", "P", "C", "Năm 2027"],
    ]
    widths = tool._column_widths(rows, 5, 24.7)
    assert abs(sum(widths) - 24.7) < 1e-6
    assert max(widths) == widths[1]
    assert min(widths) >= tool._NARROWEST_CM
    assert widths[2] > widths[3]  # `VHTTDL` needs more than `TC`


def test_the_layout_tool_types_an_ocr_text_without_its_glued_words():
    """A text kehoach reads as OCR output: its Word file is what the official typed, the
    words OCR glued (`Du lịchchủ trì`) parted as kehoach parts them; a typed text as it is."""
    from kehoach.intake.document import Document, Table

    tool = _format_variants()
    line = "Giao Sở Văn hóa, Thể thao và Du lịchchủ trì tổ chức"
    cells = Table(rows=[["1", line, "Quý II/2026"]])
    ocr = Document(name="x.txt", format="txt", sha256="", blocks=[line, cells], ocr=True)
    parted = "Giao Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức"
    assert tool._typed(ocr) == [parted, Table(rows=[["1", parted, "Quý II/2026"]])]
    typed = Document(name="x.txt", format="txt", sha256="", blocks=[line])
    assert tool._typed(typed) == [line]


def test_the_layout_tool_sets_a_draft_mark_above_the_header(tmp_path):
    """`DỰ THẢO` over a header typed as a table: the Word file keeps the mark, set apart
    above the header table (not in the issuer's column), and is read as a draft; a header
    cell's lines typed apart by wide gaps are lines of the cell, the blanks left for the
    number and the day kept."""
    from kehoach.intake.document import Table

    tool = _format_variants()
    blocks = [
        "DỰ THẢO",
        Table(
            rows=[
                ["ỦY BAN NHÂN DÂN          XÃ AN PHÚ", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
                ["Số:        /KH-UBND", "", "An Phú, ngày      tháng 5 năm 2026"],
            ]
        ),
        "KẾ HOẠCH",
        "Tổ chức Ngày hội đọc sách ở các thôn năm 2026",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Khơi dậy thói quen đọc sách trong Nhân dân.",
    ]
    plan = tool.split_plan(blocks)
    assert plan.marks == ["DỰ THẢO"]
    assert plan.header == [
        [["ỦY BAN NHÂN DÂN", "XÃ AN PHÚ"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]],
        [["Số:        /KH-UBND"], ["An Phú, ngày      tháng 5 năm 2026"]],
    ]
    target = tmp_path / "draft.docx"
    tool.write_docx(plan, target)
    document = extract_file(target).document
    assert document.draft is True
    assert (document.number, document.date) == (None, "2026-05")


def test_the_layout_tool_parts_header_columns_a_copy_joined_with_one_space():
    """A copy of a PDF joins the header's two columns with one space: the motto's two lines,
    the number and the place-date go to their columns all the same."""
    tool = _format_variants()
    rows = tool._header_rows(
        [
            "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "TỈNH BẮC NAM Độc lập - Tự do - Hạnh phúc",
            "Số: 41/KH-UBND Bắc Nam, ngày 9 tháng 4 năm 2026",
        ]
    )
    assert rows == [
        [
            ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NAM"],
            ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
        ],
        [["Số: 41/KH-UBND"], ["Bắc Nam, ngày 9 tháng 4 năm 2026"]],
    ]


def test_the_layout_tool_keeps_header_rows_typed_past_the_first_tab_table():
    """A commune's three-line issuer: the reader's tab table ends at its one-cell row
    (`PHƯỜNG X<TAB>`), and the number and place-date row after it stays in the header."""
    from kehoach.intake import read_bytes

    text = (
        "TỈNH BẮC NAM\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "ỦY BAN NHÂN DÂN\tĐộc lập - Tự do - Hạnh phúc\n"
        "PHƯỜNG ĐÔNG HÀ\t\n"
        "Số: 12/KH-UBND\tĐông Hà, ngày 3 tháng 5 năm 2026\n"
    )
    blocks = read_bytes(text.encode(), "header.txt").blocks
    assert _format_variants()._header_rows(blocks) == [
        [
            ["TỈNH BẮC NAM", "ỦY BAN NHÂN DÂN", "PHƯỜNG ĐÔNG HÀ"],
            ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
        ],
        [["Số: 12/KH-UBND"], ["Đông Hà, ngày 3 tháng 5 năm 2026"]],
    ]


def _pdf_copy_blocks():
    """A plan copied out of a PDF as text: a page number at each page break (one in the
    middle of a paragraph, one between the two pages of a table), the table's heading
    repeated on the new page, each printed line of a row's cells a row of its own."""
    from kehoach.intake.document import Table

    heading = [
        ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"],
        ["", "", "", "", "hoàn thành"],
    ]
    return [
        "ỦY BAN NHÂN DÂN TỈNH BẮC NAM",
        "Số: 41/KH-UBND",
        "KẾ HOẠCH",
        "Phát triển thư viện cơ sở năm 2026",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Đưa sách về thôn, bản và nâng cao chất lượng phục vụ bạn đọc tại các điểm",
        "2",
        "bưu điện văn hóa xã.",
        "II. NHIỆM VỤ",
        Table(
            rows=[
                *heading,
                ["I", "Tăng nguồn sách", "", "", ""],
                [
                    "1",
                    "Bổ sung sách cho thư viện các xã theo Đề án số 12-",
                    "Sở Văn hóa,",
                    "Sở Tài chính;",
                    "Quý II/2026",
                ],
                ["", "ĐA/UBND", "Thể thao và Du lịch", "UBND các xã", ""],
                [
                    "2",
                    "Luân chuyển sách giữa các thư viện",
                    "Thư viện tỉnh",
                    "UBND các xã,",
                    "Hằng",
                ],
            ]
        ),
        "3",
        Table(
            rows=[
                *heading,
                ["", "", "", "phường", "quý"],
                [
                    "3",
                    "Tổ chức Ngày sách tại các trường học",
                    "Sở Giáo dục và",
                    "Thư viện tỉnh",
                    "Tháng 4/2026",
                ],
                ["", "", "Đào tạo", "", ""],
            ]
        ),
    ]


def test_the_layout_tool_joins_the_pages_of_a_pdf_copy():
    """The Word file an official printed that PDF from: no page numbers, the paragraph they
    cut whole, the table one table with its heading once and a row for each task (a code
    wrapped at its dash joined without a space); bare numbers that run on no pages stay."""
    from kehoach.intake.document import Document, Table

    tool = _format_variants()
    doc = Document(name="x.txt", format="txt", sha256="", blocks=_pdf_copy_blocks())
    blocks = tool._typed(doc)
    assert not any(isinstance(b, str) and b.strip() in ("2", "3") for b in blocks)
    tables = [b for b in blocks if isinstance(b, Table)]
    assert tables[0].rows == [
        ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
        ["I", "Tăng nguồn sách", "", "", ""],
        [
            "1",
            "Bổ sung sách cho thư viện các xã theo Đề án số 12-ĐA/UBND",
            "Sở Văn hóa, Thể thao và Du lịch",
            "Sở Tài chính; UBND các xã",
            "Quý II/2026",
        ],
        [
            "2",
            "Luân chuyển sách giữa các thư viện",
            "Thư viện tỉnh",
            "UBND các xã, phường",
            "Hằng quý",
        ],
        [
            "3",
            "Tổ chức Ngày sách tại các trường học",
            "Sở Giáo dục và Đào tạo",
            "Thư viện tỉnh",
            "Tháng 4/2026",
        ],
    ]
    plan = tool.split_plan(blocks)
    assert (
        "Đưa sách về thôn, bản và nâng cao chất lượng phục vụ bạn đọc tại các điểm bưu điện văn hóa xã."
        in plan.body
    )
    lone = Document(name="x.txt", format="txt", sha256="", blocks=["Mục tiêu", "2", "Đạt."])
    assert tool._typed(lone) == ["Mục tiêu", "2", "Đạt."]


def test_the_word_file_of_a_pdf_copy_reads_a_task_for_each_row(tmp_path):
    """The Word file of that copy read back: three tasks, each with its agencies whole."""
    from kehoach.intake.document import Document

    tool = _format_variants()
    doc = Document(name="x.txt", format="txt", sha256="", blocks=_pdf_copy_blocks())
    target = tmp_path / "copy.docx"
    tool.write_docx(tool.split_plan(tool._typed(doc)), target)
    tasks = extract_file(target).tasks
    assert [t.text for t in tasks] == [
        "Bổ sung sách cho thư viện các xã theo Đề án số 12-ĐA/UBND",
        "Luân chuyển sách giữa các thư viện",
        "Tổ chức Ngày sách tại các trường học",
    ]
    assert [(t.lead, t.coordinating) for t in tasks] == [
        (["Sở Văn hóa, Thể thao và Du lịch"], ["Sở Tài chính", "Ủy ban nhân dân các xã"]),
        (["Thư viện tỉnh"], ["Ủy ban nhân dân các xã, phường"]),
        (["Sở Giáo dục và Đào tạo"], ["Thư viện tỉnh"]),
    ]
    assert [t.timeframe.raw for t in tasks] == ["Quý II/2026", "Hằng quý", "Tháng 4/2026"]


def test_the_layout_tool_begins_an_appendix_on_a_page_of_its_own(tmp_path):
    """An appendix whose table is wide begins on a landscape page of its own, its heading
    and subject above the table on that page, not under the signature."""
    import docx
    from docx.oxml.ns import qn

    from kehoach.intake.document import Table

    tool = _format_variants()
    row = ["1", "Kiểm kê sách cũ", "Thư viện tỉnh", "UBND các xã", "Quý I/2026", "Danh mục"]
    blocks = [
        "ỦY BAN NHÂN DÂN TỈNH BẮC NAM",
        "KẾ HOẠCH",
        "Phát triển thư viện cơ sở năm 2026",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Đưa sách về thôn, bản.",
        "Nơi nhận:",
        "- Lưu: VT.",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Hoàng Văn Nam",
        "Phụ lục",
        "DANH MỤC NHIỆM VỤ NĂM 2026",
        "(Kèm theo Kế hoạch của Ủy ban nhân dân tỉnh)",
        Table(rows=[["TT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian", "Sản phẩm"], row]),
    ]
    target = tmp_path / "appendix.docx"
    tool.write_docx(tool.split_plan(blocks), target)
    word = docx.Document(str(target))
    assert word.sections[-1].page_width > word.sections[-1].page_height
    body = list(word.element.body.iterchildren())
    breaks = [i for i, el in enumerate(body) if el.find(f".//{qn('w:sectPr')}") is not None]
    texts = ["".join(t.text or "" for t in el.iter(qn("w:t"))) for el in body]
    heading = texts.index("Phụ lục")
    # the last section (landscape) starts after the last break inside the body
    assert heading > max(b for b in breaks if b < len(body) - 1)


def test_the_layout_tool_lays_a_flattened_letter_out_as_an_office_types_it():
    """A letter's subject under a header read as a table goes under the number; a heading
    the text gave a line of its own stays one over its sentence, as in a file not wrapped;
    a signature typed as one line or as a table of two cells is cut into its recipients
    and the signer's lines (titles, `(Đã ký)`, the name)."""
    from kehoach.intake.document import Table

    tool = _format_variants()
    header = Table(
        rows=[
            ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
            ["TỈNH BẮC NAM", "Độc lập - Tự do - Hạnh phúc"],
            ["Số: 77/UBND-VX", "Bắc Nam, ngày 02 tháng 4 năm 2026"],
        ]
    )
    sentence = (
        "Xây dựng tủ sách pháp luật tại nhà văn hóa các thôn, bản; hoàn thành trong năm 2026."
    )
    blocks = [
        header,
        "V/v phát triển tủ sách cơ sở năm 2026\t",
        "",
        "Kính gửi: Các sở, ban, ngành tỉnh.",
        "Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các cơ quan thực hiện các nội dung sau: " * 3,
        "1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội",
        sentence,
        "Nơi nhận: - Như trên; - Ban Thi đua - Khen thưởng tỉnh; - Lưu: VT.\tTM. ỦY BAN NHÂN "
        "DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH (Đã ký) Đào Thị Ngọc",
    ]
    plan = tool.split_plan(blocks)
    assert plan.header[-1][0] == ["Số: 77/UBND-VX", "V/v phát triển tủ sách cơ sở năm 2026"]
    assert sentence in plan.body
    signature = plan.body[-1]
    assert signature.recipients == [
        "Nơi nhận:", "- Như trên;", "- Ban Thi đua - Khen thưởng tỉnh;", "- Lưu: VT."
    ]  # fmt: skip
    assert [line for s in signature.signer for line in tool._signer_lines(s)] == [
        "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Đào Thị Ngọc"
    ]  # fmt: skip
    table = Table(rows=[["Nơi nhận: - Như trên; - Lưu: VT.", "GIÁM ĐỐC      Mai Văn Tùng"]])
    signature = tool.split_plan([*blocks[:4], table]).body[-1]
    assert signature.recipients == ["Nơi nhận:", "- Như trên;", "- Lưu: VT."]
    assert signature.signer == ["GIÁM ĐỐC", "Mai Văn Tùng"]


def test_the_layout_tool_ends_a_signature_table_at_the_attached_plans_header():
    """A decision's signature typed as a pipe table, the plan it issues under it with its own
    header typed as a pipe table: the text reader joins the two tables, the Word file sets the
    signature (the name its last line) and then, on a page of its own, the plan's header;
    rows after the name that go on with the recipients stay in the signature."""
    from kehoach.intake.document import Table

    tool = _format_variants()
    head = ["ỦY BAN NHÂN DÂN TỈNH X", "Số: 7/QĐ-UBND", "QUYẾT ĐỊNH", "Ban hành Kế hoạch Y", ""]
    joined = Table(
        rows=[
            ["Nơi nhận: - Như Điều 3; - Lưu: VT.", "KT. CHỦ TỊCH PHÓ CHỦ TỊCH   Đỗ Văn Tâm"],
            ["ỦY BAN NHÂN DÂN TỈNH X", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do"],
        ]
    )
    body = tool.split_plan([*head, "Điều 1. Ban hành Kế hoạch Y.", joined, "KẾ HOẠCH"]).body
    signature, attached = body[1], body[2]
    assert signature.recipients == ["Nơi nhận:", "- Như Điều 3;", "- Lưu: VT."]
    assert signature.signer == ["KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Đỗ Văn Tâm"]
    assert attached.rows == [
        [["ỦY BAN NHÂN DÂN TỈNH X"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do"]]
    ]
    assert body[3] == "KẾ HOẠCH"
    going_on = Table(rows=[*joined.rows[:1], ["- Sở Z;", ""]])
    signature = tool.split_plan([*head, going_on]).body[-1]
    assert signature.recipients[-1] == "- Sở Z;"
