"""Word's furniture in a plan's text (`intake.word_furniture`): a table of contents, footnotes
and their marks, reviewers' comments and tracked changes, invisible characters; and the
.docx reader, which leaves a real footnote's or comment's mark out of the text."""

from __future__ import annotations

import hashlib
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from kehoach.intake.document import Table
from kehoach.intake.word_furniture import blocks_without_word_furniture, without_word_furniture


def test_a_contents_before_the_header_is_dropped_to_its_last_entry() -> None:
    """Entries closed by a page number after a tab, or by Word's error text for a lost
    bookmark; the blank line after the last entry and the header stay."""
    lines = [
        "MỤC LỤC",
        "I. MỤC ĐÍCH, YÊU CẦU\t1",
        "II. NHIỆM VỤ\tLỗi! Không xác định được thẻ đánh dấu.",
        "PHỤ LỤC\t7",
        "",
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ]
    assert without_word_furniture(lines) == lines[4:]


def test_a_contents_with_dot_leaders_after_the_title_is_dropped() -> None:
    lines = [
        "KẾ HOẠCH",
        "Mục lục",
        "I. MỤC TIÊU....................................2",
        "II. TỔ CHỨC THỰC HIỆN………………………… 4",
        "Căn cứ Luật Thư viện năm 2019;",
    ]
    assert without_word_furniture(lines) == ["KẾ HOẠCH", "Căn cứ Luật Thư viện năm 2019;"]


def test_a_heading_with_no_entries_under_it_stays() -> None:
    lines = ["MỤC LỤC", "Danh sách các thư viện được hỗ trợ năm 2026"]
    assert without_word_furniture(lines) == lines


def test_numbered_footnotes_at_a_page_end_and_their_glued_marks_go() -> None:
    """Each note's number is glued to a word (or a closing bracket) before it, in order:
    the mark goes with the note. A raised figure glued to a number is a mark too."""
    lines = [
        "Căn cứ Kế hoạch số 15-KH/TU2 ngày 02/3/2026 của Ban Thường vụ Tỉnh ủy;",
        "a) Tỷ lệ thôn có nhà văn hóa đạt 95%3; 40 câu lạc bộ (thể thao và văn nghệ)4.",
        "",
        "2 Kế hoạch số 15-KH/TU ngày 02/3/2026 về phát triển văn hóa.",
        "3 Năm 2025 đạt 88%, còn 112 thôn chưa có nhà văn hóa.",
        "4 Theo số liệu của Sở Văn hóa, Thể thao và Du lịch.",
        "",
        "b) Khởi công Nhà văn hóa Thiếu nhi tỉnh, hoàn thành năm 2027.",
        "Thực hiện Chỉ thị số 05-CT/TW¹ của Bộ Chính trị.",
        "¹ Chỉ thị số 05-CT/TW ngày 15/5/2016.",
    ]
    assert without_word_furniture(lines) == [
        "Căn cứ Kế hoạch số 15-KH/TU ngày 02/3/2026 của Ban Thường vụ Tỉnh ủy;",
        "a) Tỷ lệ thôn có nhà văn hóa đạt 95%; 40 câu lạc bộ (thể thao và văn nghệ).",
        "",
        "",
        "b) Khởi công Nhà văn hóa Thiếu nhi tỉnh, hoàn thành năm 2027.",
        "Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị.",
    ]


def test_a_paragraph_opened_by_a_number_with_no_mark_before_it_stays() -> None:
    """No `3` glued to a word before it: a numbered line, not a note. A unit's power is no
    mark (`m2`), and a raised one is written as a digit."""
    lines = [
        "Xây dựng sân vận động 12.000 m2 và nhà tập 800 m², 2 sân tập phụ.",
        "2 Trung tâm Văn hóa tỉnh chủ trì tổ chức.",
        "3 Sở Xây dựng thẩm định thiết kế.",
    ]
    assert without_word_furniture(lines) == [
        "Xây dựng sân vận động 12.000 m2 và nhà tập 800 m2, 2 sân tập phụ.",
        "2 Trung tâm Văn hóa tỉnh chủ trì tổ chức.",
        "3 Sở Xây dựng thẩm định thiết kế.",
    ]


def test_end_notes_after_a_rule_and_a_comments_anchor_go() -> None:
    lines = [
        "Thực hiện Kế hoạch số 52/KH-UBND của Ủy ban nhân dân tỉnh[1];",
        "- Tổ chức Hội sách tỉnh[AB1] vào tháng 4/2026.",
        "Nông Thị Hạnh",
        "",
        "____________",
        "[1] Kế hoạch số 52/KH-UBND ngày 10/02/2026.",
        "[AB1]Đề nghị ghi rõ địa điểm.",
    ]
    assert without_word_furniture(lines) == [
        "Thực hiện Kế hoạch số 52/KH-UBND của Ủy ban nhân dân tỉnh;",
        "- Tổ chức Hội sách tỉnh vào tháng 4/2026.",
        "Nông Thị Hạnh",
        "",
    ]


def test_a_rule_under_the_header_and_bracketed_numbers_with_no_note_stay() -> None:
    lines = ["SỞ Y TẾ", "_______", "Tài liệu tham khảo [1] và [2] kèm theo."]
    assert without_word_furniture(lines) == lines


def test_comments_and_tracked_changes_in_brackets() -> None:
    """A comment and a deletion go with the space before them, an insertion keeps its text;
    a table row's cells stay apart; other brackets stay."""
    lines = [
        "Phấn đấu 85% [Sở Tài chính góp ý: năm 2025 mới đạt 61%, đề nghị 70%] trường học.",
        "Tổ chức ít nhất 03 [Đã xoá: 05] hội thi [Đã chèn: cấp tỉnh] mỗi năm.",
        "1\tTập huấn\tSở Nội vụ [Deleted: Sở Tư pháp]\tQuý II/2026 [Ý kiến Sở Tư pháp: quý III]",
        "Giao [Trung tâm Văn hóa] chủ trì: [theo phân công].",
    ]
    assert without_word_furniture(lines) == [
        "Phấn đấu 85% trường học.",
        "Tổ chức ít nhất 03 hội thi cấp tỉnh mỗi năm.",
        "1\tTập huấn\tSở Nội vụ\tQuý II/2026",
        "Giao [Trung tâm Văn hóa] chủ trì: [theo phân công].",
    ]


def test_soft_hyphens_and_no_break_spaces() -> None:
    lines = ["phát\u00ad triển Fes\u00adtival số\u00a080-NQ/TW"]
    assert without_word_furniture(lines) == ["phát triển Festival số 80-NQ/TW"]


def test_blocks_notes_marked_in_a_tables_cell() -> None:
    """A .pdf's or .docx's blocks: the note's mark may be in a table's cell; a cell is
    never a note itself."""
    table = Table(rows=[["1", "Tập huấn", "Sở VHTTDL5"], ["2", "5 Hội thi", "Sở Nội vụ"]])
    blocks = ["Chỉ tiêu 70%.", table, "5 Trung tâm Văn hóa tỉnh thực hiện.", "II. NHIỆM VỤ"]
    out = blocks_without_word_furniture(blocks)
    assert out[0] == "Chỉ tiêu 70%."
    assert isinstance(out[1], Table)
    assert out[1].rows == [["1", "Tập huấn", "Sở VHTTDL"], ["2", "5 Hội thi", "Sở Nội vụ"]]
    assert out[2:] == ["II. NHIỆM VỤ"]
    assert table.rows[0][2] == "Sở VHTTDL5"  # the blocks given are left as they were


def test_blocks_without_furniture_are_returned_as_given() -> None:
    blocks = ["KẾ HOẠCH", Table(rows=[["1", "Tập huấn"]])]
    assert blocks_without_word_furniture(blocks) is blocks


def _footnote_reference(paragraph, number: int) -> None:
    """A real footnote's mark as Word writes it in the body: a run of the reference style
    holding only `w:footnoteReference` (the note's text is in footnotes.xml)."""
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "FootnoteReference")
    props.append(style)
    run.append(props)
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), str(number))
    run.append(ref)
    paragraph._p.append(run)


def _read(d, tmp_path: Path) -> list:
    from kehoach.intake import docx as reader

    path = tmp_path / "word.docx"
    d.save(path)
    data = path.read_bytes()
    return reader.read(data, path.name, hashlib.sha256(data).hexdigest()).blocks


def test_docx_footnotes_comments_raised_figures_and_contents(tmp_path) -> None:
    """A real footnote's and a comment's marks hold no text; a footnote's number typed as a
    raised run is dropped, a unit's raised 2 is a digit; the contents go."""
    d = docx.Document()
    d.add_paragraph("MỤC LỤC")
    entry = d.add_paragraph("I. MỤC TIÊU")
    entry.add_run().add_tab()
    entry.add_run("2")
    d.add_paragraph("KẾ HOẠCH")
    p = d.add_paragraph("Thực hiện Nghị quyết số 80-NQ/TW")
    _footnote_reference(p, 1)
    p.add_run(" của Bộ Chính trị.")
    q = d.add_paragraph("Xây dựng nhà tập 800 m")
    q.add_run("2").font.superscript = True
    q.add_run(" tại Trung tâm Huấn luyện")
    q.add_run("3").font.superscript = True
    commented = q.add_run(" năm 2027.")
    d.add_comment(commented, text="Đề nghị ghi rõ quý.", author="Nguyễn Văn An", initials="NVA")
    assert _read(d, tmp_path) == [
        "KẾ HOẠCH",
        "Thực hiện Nghị quyết số 80-NQ/TW của Bộ Chính trị.",
        "Xây dựng nhà tập 800 m2 tại Trung tâm Huấn luyện năm 2027.",
    ]
