"""Reading .docx files: the committed fixtures built from sample 000, and small documents
written with python-docx in tmp_path."""

from __future__ import annotations

import hashlib
from pathlib import Path

import docx
import pytest

from kehoach.errors import EmptyDocument, UnsupportedFormat
from kehoach.intake import Document, Table

FIXTURES = Path(__file__).parents[1] / "data" / "fixtures"
SAMPLES = Path(__file__).parents[2] / "src" / "kehoach" / "data" / "samples"
SAMPLE_000 = SAMPLES / "000_c6c358976faa1d91.txt"


def read_docx(path: Path) -> Document:
    """The DOCX reader alone: `read_document` also repairs text that looks OCR'd,
    which is not what these tests are about."""
    from kehoach.intake import docx as reader

    data = path.read_bytes()
    return reader.read(data, path.name, hashlib.sha256(data).hexdigest())


def sample_rows() -> list[list[str]]:
    """The appendix rows of sample 000 as tab-separated text, header repeats left out."""
    lines = SAMPLE_000.read_text(encoding="utf-8").split("\n")
    rows: list[list[str]] = []
    for line in lines[lines.index("PHỤ LỤC") :]:
        if "\t" in line:
            cells = [c.strip() for c in line.split("\t")]
            if not rows or cells != rows[0]:
                rows.append(cells)
    return rows


@pytest.fixture(scope="module")
def doc000():
    return read_docx(FIXTURES / "000_table.docx")


def test_paragraphs_then_table_in_document_order(doc000):
    kinds = ["table" if isinstance(b, Table) else "text" for b in doc000.blocks]
    assert kinds.count("table") == 1
    table_at = kinds.index("table")
    assert doc000.blocks[0] == "CHƯƠNG TRÌNH HÀNH ĐỘNG"
    assert doc000.blocks[table_at - 3] == "PHỤ LỤC"
    assert doc000.blocks[table_at - 1] == (
        "(kèm theo Chương trình số 14-CTr/TU, ngày 20/5/2026 của Ban Thường vụ Tỉnh ủy)"
    )
    assert doc000.blocks[table_at + 1] == "Ghi chú: bảng trên là phụ lục của Chương trình."
    assert doc000.format == "docx"


def test_table_has_every_row_of_the_sample_once(doc000):
    """53 rows in the sample (header, 8 group rows, 44 tasks) + the second sub-row of task I.4;
    the header, repeated physically before group II, is read once."""
    table = doc000.tables[0]
    assert len(table.rows) == 54
    assert all(len(r) == 5 for r in table.rows)
    assert all(len(s) == 5 for s in table.spans)
    assert [r[0] for r in table.rows].count("TT") == 1
    expected = sample_rows()
    distinct = [r for r, s in zip(table.rows, table.spans, strict=True) if not s[0]]
    for got, want in zip(distinct, expected, strict=True):
        if want[0] in ("I", "II", "III", "IV", "V", "VI", "VII", "VIII"):
            assert got[:2] == want[:2]
        elif got[0] == "4" and got[2] == "Các cấp ủy, tổ chức đảng":
            assert got[3] == want[3].split(";")[0]
        else:
            assert got == want


def test_group_row_merged_across_the_columns_repeats_its_title(doc000):
    row = doc000.tables[0].rows[1]
    spans = doc000.tables[0].spans[1]
    title = "Tăng cường công tác lãnh đạo, chỉ đạo, đổi mới mạnh mẽ tư duy, nâng cao về nhận thức"
    assert row[0] == "I"
    assert row[1].startswith(title)
    assert row[2] == row[3] == row[4] == row[1]
    assert spans == [False, False, True, True, True]


def test_vertically_merged_task_cells_repeat_in_the_second_sub_row(doc000):
    table = doc000.tables[0]
    at = next(i for i, r in enumerate(table.rows) if r[0] == "4" and r[2].startswith("Các cấp"))
    first, second = table.rows[at], table.rows[at + 1]
    assert first[1].startswith("Tuyên truyền thường xuyên, liên tục, hiệu quả chủ trương")
    assert first == [
        "4",
        first[1],
        "Các cấp ủy, tổ chức đảng",
        "Các sở, ngành, địa phương",
        "Thường xuyên",
    ]
    assert second == [
        "4",
        first[1],
        "Các cấp ủy, tổ chức đảng",
        "Báo và Phát thanh, truyền hình Cao Bằng",
        "Thường xuyên",
    ]
    assert table.spans[at] == [False] * 5
    assert table.spans[at + 1] == [True, True, True, False, True]


def test_extra_columns_and_row_numbers_as_written():
    table = read_docx(FIXTURES / "000_table_extra_col.docx").tables[0]
    assert table.rows[0] == [
        "TT",
        "Nhiệm vụ",
        "Sản phẩm",
        "Cơ quan chủ trì/ chỉ đạo triển khai",
        "Cơ quan phối hợp",
        "Theo dõi, đôn đốc",
        "Thời gian thực hiện",
    ]
    assert len(table.rows) == 54
    numbers = [r[0] for r, s in zip(table.rows, table.spans, strict=True) if not s[0]]
    assert numbers[1:4] == ["I", "1.", "2."]
    assert "a)" in numbers and "b)" in numbers and "3.1" in numbers and "8.5" in numbers
    task_rows = [r for r, s in zip(table.rows, table.spans, strict=True) if not s[5]][1:]
    assert {r[5] for r in task_rows} == {"Văn phòng Tỉnh ủy"}
    assert len(task_rows) == 44  # the second sub-row of task I.4 repeats its column


# -- small documents written here --------------------------------------------------------


def save(doc, tmp_path: Path, name: str = "t.docx") -> Path:
    path = tmp_path / name
    doc.save(path)
    return path


def test_soft_line_break_keeps_one_block_and_tabs_become_two_spaces(tmp_path):
    d = docx.Document()
    p = d.add_paragraph("Số: 14-CTr/TU")
    p.add_run().add_tab()
    p.add_run("Cao Bằng, ngày 20 tháng 5 năm 2026")
    q = d.add_paragraph("Thực hiện Nghị quyết")
    q.add_run().add_break()
    q.add_run("số 80-NQ/TW")
    doc = read_docx(save(d, tmp_path))
    assert doc.blocks == [
        "Số: 14-CTr/TU  Cao Bằng, ngày 20 tháng 5 năm 2026",
        "Thực hiện Nghị quyết số 80-NQ/TW",
    ]


def test_text_is_nfc(tmp_path):
    d = docx.Document()
    d.add_paragraph("Ke\u0302\u0301 hoa\u0323ch")  # decomposed: Kế hoạch
    assert read_docx(save(d, tmp_path)).blocks == ["Kế hoạch"]


def test_nested_table_is_flattened_into_its_cell(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "1"
    inner = t.cell(0, 1).add_table(rows=2, cols=2)
    for (r, c), v in {
        (0, 0): "Sở Nội vụ",
        (0, 1): "chủ trì",
        (1, 0): "Sở Tài chính",
        (1, 1): "phối hợp",
    }.items():
        inner.cell(r, c).text = v
    table = read_docx(save(d, tmp_path)).tables[0]
    assert table.rows == [["1", "Sở Nội vụ chủ trì\nSở Tài chính phối hợp"]]


def test_paragraphs_in_a_cell_are_joined_with_newlines(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "Sở Văn hóa, Thể thao và Du lịch;"
    t.cell(0, 0).add_paragraph("Sở Tài chính")
    t.cell(0, 1).text = "Năm 2026"
    assert read_docx(save(d, tmp_path)).tables[0].rows == [
        ["Sở Văn hóa, Thể thao và Du lịch;\nSở Tài chính", "Năm 2026"]
    ]


def test_tcvn3_typed_document_is_converted(tmp_path):
    d = docx.Document()
    d.add_paragraph("KÕ HO¹CH")
    d.add_paragraph("Thùc hiÖn NghÞ quyÕt sè 80-NQ/TW cña Bé ChÝnh trÞ vÒ ph¸t triÓn v¨n hãa")
    assert read_docx(save(d, tmp_path)).blocks == [
        "KẾ HOẠCH",
        "Thực hiện Nghị quyết số 80-NQ/TW của Bộ Chính trị về phát triển văn hóa",
    ]


def test_document_without_text_is_empty(tmp_path):
    d = docx.Document()
    d.add_paragraph("")
    with pytest.raises(EmptyDocument) as err:
        read_docx(save(d, tmp_path))
    assert err.value.message == "the document holds no text"


def test_corrupt_docx(tmp_path):
    with pytest.raises(UnsupportedFormat) as err:
        read_docx(FIXTURES / "random.docx")
    assert err.value.message == (
        "this .docx file cannot be read: not a Word document (not a ZIP package)"
    )
    assert err.value.where.endswith("random.docx")


def test_zip_that_is_not_a_word_document(tmp_path):
    import zipfile

    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(UnsupportedFormat) as err:
        read_docx(path)
    assert err.value.message.startswith("this .docx file cannot be read: ")


def test_old_word_doc_renamed(tmp_path):
    path = tmp_path / "ke-hoach.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with pytest.raises(UnsupportedFormat) as err:
        read_docx(path)
    assert err.value.message == (
        "an old Word 97-2003 (.doc) file; open it in Word or LibreOffice and save it as .docx"
    )


def test_pdf_renamed_docx(tmp_path):
    path = tmp_path / "ke-hoach.docx"
    path.write_bytes((FIXTURES / "002_table.pdf").read_bytes())
    with pytest.raises(UnsupportedFormat) as err:
        read_docx(path)
    assert err.value.message == "a PDF file named .docx; rename it to .pdf"


def test_image_renamed_docx(tmp_path):
    path = tmp_path / "photo.docx"
    path.write_bytes((FIXTURES / "image.txt").read_bytes())
    with pytest.raises(UnsupportedFormat) as err:
        read_docx(path)
    assert err.value.message == "an image file, not a document"


# -- Word's automatic numbering -------------------------------------------------------------


def test_list_styles_show_their_numbers_and_bullets(tmp_path):
    d = docx.Document()
    d.add_paragraph("MỤC TIÊU")
    d.add_paragraph("Mục tiêu chung", style="List Number")
    d.add_paragraph("Mục tiêu cụ thể", style="List Number")
    d.add_paragraph("Phấn đấu 100% di tích được số hóa", style="List Bullet")
    d.add_paragraph("Yêu cầu", style="List Number")
    assert read_docx(save(d, tmp_path)).blocks == [
        "MỤC TIÊU",
        "1. Mục tiêu chung",
        "2. Mục tiêu cụ thể",
        "- Phấn đấu 100% di tích được số hóa",
        "3. Yêu cầu",
    ]


def _multilevel_list(d) -> str:
    """Add a three-level list (I. / 1. / a)) to the document's numbering; return its numId."""
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    levels = [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)")]
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    numbering = d.part.numbering_part.element
    numbering.insert(
        0, parse_xml(f'<w:abstractNum {w} w:abstractNumId="90">{lvls}</w:abstractNum>')
    )
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return "90"


def _numbered(d, text: str, num_id: str, level: int) -> None:
    from docx.oxml import parse_xml

    p = d.add_paragraph(text)
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    p._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def test_multilevel_numbering_counts_and_restarts_like_word(tmp_path):
    d = docx.Document()
    num = _multilevel_list(d)
    for text, level in [
        ("MỤC ĐÍCH, YÊU CẦU", 0),
        ("Mục đích", 1),
        ("Yêu cầu", 1),
        ("NHIỆM VỤ", 0),
        ("Tuyên truyền", 1),
        ("Tổ chức hội nghị", 2),
        ("Biên soạn tài liệu", 2),
        ("Bảo tồn di sản", 1),
        ("Số hóa di tích", 2),
    ]:
        _numbered(d, text, num, level)
    assert read_docx(save(d, tmp_path)).blocks == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "2. Yêu cầu",
        "II. NHIỆM VỤ",
        "1. Tuyên truyền",
        "a) Tổ chức hội nghị",
        "b) Biên soạn tài liệu",
        "2. Bảo tồn di sản",
        "a) Số hóa di tích",
    ]


# -- runs set in legacy fonts ---------------------------------------------------------------


def test_runs_in_legacy_fonts_are_converted_by_their_font(tmp_path):
    """A Unicode document with some runs still set in .VnTime / .VnTimeH / VNI-Times: each run
    is converted by its own font, and the Unicode runs are left alone (`các` stays `các`,
    which TCVN3 would read as `cỏc`)."""
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("Ủy ban nhân dân tỉnh và các ")
    p.add_run("Së V¨n hãa").font.name = ".VnTime"
    d.add_paragraph().add_run("kÕ ho¹ch").font.name = ".VnTimeH"
    d.add_paragraph().add_run("Chöông trình haønh ñoäng").font.name = "VNI-Times"
    assert read_docx(save(d, tmp_path)).blocks == [
        "Ủy ban nhân dân tỉnh và các Sở Văn hóa",
        "KẾ HOẠCH",
        "Chương trình hành động",
    ]


def test_paragraph_style_in_a_legacy_font(tmp_path):
    d = docx.Document()
    d.styles["Normal"].font.name = ".VnTime"
    d.add_paragraph("Thùc hiÖn NghÞ quyÕt")
    assert read_docx(save(d, tmp_path)).blocks == ["Thực hiện Nghị quyết"]


def test_heading_styles_tied_to_list_levels_are_numbered(tmp_path):
    """Heading 1 and Heading 2 carry a list in their style; the list's levels name the style
    each belongs to (how Word's multilevel heading numbering is stored)."""
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    d = docx.Document()
    lvls = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>'
        '<w:pStyle w:val="Heading1"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:pStyle w:val="Heading2"/><w:lvlText w:val="%2."/></w:lvl>'
    )
    numbering = d.part.numbering_part.element
    numbering.insert(
        0, parse_xml(f'<w:abstractNum {w} w:abstractNumId="91">{lvls}</w:abstractNum>')
    )
    numbering.append(parse_xml(f'<w:num {w} w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))
    for style in ("Heading 1", "Heading 2"):
        d.styles[style].element.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {w}><w:numId w:val="91"/></w:numPr>')
        )
    for text, level in [
        ("MỤC TIÊU", 1),
        ("Mục tiêu chung", 2),
        ("Mục tiêu cụ thể", 2),
        ("NHIỆM VỤ", 1),
        ("Tuyên truyền", 2),
    ]:
        d.add_heading(text, level)
    assert read_docx(save(d, tmp_path)).blocks == [
        "I. MỤC TIÊU",
        "1. Mục tiêu chung",
        "2. Mục tiêu cụ thể",
        "II. NHIỆM VỤ",
        "1. Tuyên truyền",
    ]
