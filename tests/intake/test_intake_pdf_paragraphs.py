"""Paragraphs of PDFs printed from officials' Word files (the fixtures made by
`tools/format_variants.py` from the text fixture of the same name): every paragraph of the
text comes back whole, whatever the layout wrapped."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.intake import read_document

FIXTURES = Path(__file__).parents[1] / "data" / "fixtures"


def _blocks(name: str) -> list[str]:
    return [b for b in read_document(FIXTURES / name).blocks if isinstance(b, str)]


def _body(text: str) -> list[str]:
    """The text fixture's lines from its first part heading to the signature block."""
    lines = [ln.strip() for ln in (FIXTURES / text).read_text(encoding="utf-8").splitlines()]
    start = next(i for i, ln in enumerate(lines) if ln.startswith("I."))
    end = next(i for i, ln in enumerate(lines) if ln.startswith("Nơi nhận"))
    return [ln for ln in lines[start:end] if ln]


@pytest.mark.parametrize(
    ("pdf", "text"),
    [
        # justified, a first-line indent on every paragraph: most full lines open one
        ("variant_closing_groups.pdf", "variant_closing_groups.txt"),
        # Word list bullets: the marker at the margin, the text at the hanging indent
        ("family5_short_plan_list.pdf", "family5_short_plan.txt"),
        ("variant_targets_after_colon.pdf", "variant_targets_after_colon.txt"),
        # unit headings set ragged (aligned left) among justified paragraphs
        ("variant_department_leaders.pdf", "variant_department_leaders.txt"),
    ],
)
def test_every_paragraph_comes_back_whole(pdf, text):
    blocks = set(_blocks(pdf))
    assert [ln for ln in _body(text) if ln not in blocks] == []


def test_a_dash_wrapped_to_the_line_start_continues_the_sentence():
    # `văn hóa - thể thao` wrapped after `văn hóa`, at the edge, mid-sentence
    blocks = _blocks("variant_targets_after_colon.pdf")
    assert (
        "2. Mục tiêu cụ thể: Đến năm 2030, 100% xã, phường có trung tâm văn hóa - thể thao; "
        "90% ấp, khóm có nhà văn hóa." in blocks
    )
    assert not any(b.startswith("- thể thao") for b in blocks)


def test_a_label_in_lower_case_wrapped_inside_a_parenthesis_stays_in_it():
    blocks = _blocks("variant_closing_groups.pdf")
    assert (
        "(Sở Công Thương chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch; "
        "thời gian: từ quý II/2026)" in blocks
    )


def test_word_list_bullets_read_as_dashes():
    blocks = _blocks("variant_event_plan_list.pdf")
    assert "- Thời gian: Sáng ngày 28/8/2026." in blocks
    assert not any(b[:1] in "\uf0b7•" for b in blocks)


def test_a_wrapped_centred_title_is_one_line():
    # the decision's subject, centred and bold, wrapped before `năm 2026`
    blocks = _blocks("variant_decision_with_plan.pdf")
    assert "Ban hành Kế hoạch bảo tồn không gian văn hóa Cồng chiêng Tây Nguyên năm 2026" in blocks


def test_centred_lines_that_were_not_wrapped_stay_apart():
    # `QUYẾT ĐỊNH` above the subject: the subject's first word would have fitted beside it
    blocks = _blocks("variant_decision_with_plan.pdf")
    assert "QUYẾT ĐỊNH" in blocks


def test_a_short_last_line_joins_its_paragraph_though_its_box_is_lower():
    # `… việc thực hiện Nghị` / `quyết.`: the short line's glyphs stand lower than a full
    # line's (their box), so the gap above it looks wider than the line spacing is
    from kehoach.intake.pdf_paragraphs import TextLine, join_paragraphs

    width = 595.0
    full = "và đầu tư thiết chế văn hóa cơ sở; tăng cường giám sát việc thực hiện Nghị"
    lines = [
        TextLine.at("3. Ban cán sự đảng chỉ đạo thực hiện chương trình; tăng cường", 85, 538.5,
                    40.0, 53.1, width),
        TextLine.at(full, 85.2, 538.1, 59.7, 72.8, width),
        TextLine.at("quyết.", 85.2, 118.0, 81.6, 91.3, width),
        TextLine.at("4. Sở Văn hóa, Thể thao và Du lịch chủ trì hướng dẫn việc thực hiện", 85,
                    538.4, 97.0, 110.1, width),
        TextLine.at("nội dung này trong toàn tỉnh, định kỳ báo cáo kết quả thực hiện.", 85.2,
                    400.0, 116.4, 129.5, width),
    ]  # fmt: skip
    [page] = join_paragraphs([lines])
    assert len(page) == 2
    assert str(page[0]).endswith("tăng cường " + full + " quyết.")
    assert str(page[1]).startswith("4. Sở Văn hóa")


def test_a_line_justification_stretched_joins_its_paragraph():
    # `hộp thư điện tử:` spread over the line by justification, the long address wrapped
    # to the next: its wide spaces are word spaces, not the gutter of two columns
    blocks = _blocks("variant_union_wrapped_title.pdf")
    assert any(
        "(qua Ban Thanh niên trường học, hộp thư điện tử: bantruonghoc." in b for b in blocks
    )


def test_wide_alike_gaps_are_word_spaces_and_one_wide_gap_a_gutter():
    from kehoach.intake.pdf_lines import line_text
    from kehoach.intake.pdf_page import Word

    def line(*boxes: tuple[str, float, float]) -> list[Word]:
        return [Word(t, x0, x1, 100.0, 112.0) for t, x0, x1 in boxes]

    stretched = line(("hộp", 85, 105), ("thư", 140, 158), ("điện", 193, 218), ("tử:", 253, 270))
    assert line_text(stretched) == "hộp thư điện tử:"
    columns = line(("TỈNH", 85, 115), ("ỦY", 118, 135), ("ĐẢNG", 300, 340), ("CỘNG", 343, 380))
    assert line_text(columns) == "TỈNH ỦY  ĐẢNG CỘNG"
    numbers = line(("(1)", 85, 100), ("(2)", 140, 155), ("(3)", 195, 210), ("(4)", 250, 265))
    assert line_text(numbers) == "(1)  (2)  (3)  (4)"


def test_a_heading_aligned_left_among_justified_paragraphs_is_one_paragraph():
    # `1.2. Phòng … (Lãnh đạo phụ trách: đồng chí Trần` / `Minh Quang, …)`: the heading's
    # line stops short of the edge, yet `Minh` would not have fitted, and its bracket is open;
    # `… Trung tâm Văn hóa` / `tỉnh và …` goes on in lower case
    blocks = _blocks("variant_department_leaders.pdf")
    assert (
        "1.2. Phòng Kế hoạch - Tài chính (Lãnh đạo phụ trách: đồng chí Trần Minh Quang, "
        "Phó Giám đốc Sở)" in blocks
    )
    assert (
        "1.3. Nhà hát Dân ca Quan họ tỉnh phối hợp với Trung tâm Văn hóa tỉnh và các câu lạc "
        "bộ ở cơ sở" in blocks
    )


def test_a_range_wrapped_at_its_dash_continues_the_sentence():
    # `giai đoạn 2026` / `- 2030 gửi trước …`: a number after the dash, after a number
    blocks = _blocks("variant_department_leaders.pdf")
    assert any("giai đoạn 2026 - 2030 gửi trước ngày 15/10/2030." in b for b in blocks)
    assert not any(b.startswith("- 2030") for b in blocks)


def test_a_short_line_of_justified_text_joins_the_next_only_when_it_left_its_sentence_open():
    # justified text (full lines reach the edge at 538.4); each short line leaves less room
    # than the next line's first word needs: it goes on only when it left a bracket open
    # or the next line goes on in lower case
    from kehoach.intake.pdf_paragraphs import TextLine, join_paragraphs

    width = 595.0
    full = "Các phòng, đơn vị thuộc Sở chủ động triển khai các nhiệm vụ được giao trong"

    def page(short: str, after: str) -> list[str]:
        texts = [full, full, full, short, after]
        lines = [
            TextLine.at(t, 85, 538.4 if t == full else 525, 40.0 + 19.7 * k,
                        53.1 + 19.7 * k, width)
            for k, t in enumerate(texts)
        ]  # fmt: skip
        return [str(p) for p in join_paragraphs([lines])[0]]

    closed = "năm; báo cáo kết quả về Văn phòng Sở (qua Văn thư) trước ngày 20/11"
    assert len(page(closed, "Thủ trưởng các đơn vị chịu trách nhiệm về kết quả.")) == 2
    opened = "năm; báo cáo kết quả về Văn phòng Sở (qua đồng chí Chánh Văn phòng"
    assert len(page(opened, "Sở) trước ngày 20/11 hằng năm.")) == 1
    assert len(page(closed, "hằng năm, kèm số liệu của từng phòng.")) == 1
    assert len(page(closed + ".", "hằng năm, kèm số liệu của từng phòng.")) == 2


def test_a_name_wrapped_at_its_dash_among_indented_dash_items_continues_the_sentence():
    # `… Ban Quản lý di tích Côn Sơn` / `- Kiếp Bạc: Phối hợp …`: a capital after the dash,
    # but the dash stands at the margin, where this column's dash items are indented
    blocks = _blocks("variant_letter_flat_signature.pdf")
    assert any("di tích Côn Sơn - Kiếp Bạc: Phối hợp với" in b for b in blocks)
    assert not any(b.startswith("- Kiếp Bạc") for b in blocks)


def test_a_dash_at_the_margin_opens_an_item_where_dash_items_stand_at_the_margin():
    from kehoach.intake.pdf_paragraphs import TextLine, join_paragraphs

    width = 595.0
    full = "Các phòng, đơn vị thuộc Sở chủ động triển khai các nhiệm vụ được giao trong"

    def page(x_items: float) -> list[str]:
        texts = [
            (full, 85, 538.4), ("năm và báo cáo kết quả.", 85, 300), ("- Rà soát.", x_items, 300),
            ("- Kiểm kê.", x_items, 300), (full, 113, 538.4), ("- Kiểm tra các thư viện.", 85, 400),
        ]  # fmt: skip
        lines = [
            TextLine.at(t, x0, x1, 40.0 + 19.7 * k, 53.1 + 19.7 * k, width)
            for k, (t, x0, x1) in enumerate(texts)
        ]
        return [str(p) for p in join_paragraphs([lines])[0]]

    # dash items indented: the dash at the margin after a wrapped line goes on with it
    assert page(113)[-1] == f"{full} - Kiểm tra các thư viện."
    # dash items at the margin: it is an item of its own
    assert page(85)[-1] == "- Kiểm tra các thư viện."
