"""Parts of a plan however they are numbered: `PHẦN I.`, `Phần 2:`, `PHẦN THỨ HAI`."""

import pytest

from kehoach.extract import extract_file
from kehoach.extract.outline import classify, is_rule

from .conftest import FIXTURES


@pytest.mark.parametrize(
    ("line", "num", "body"),
    [
        ("PHẦN I. MỤC ĐÍCH, YÊU CẦU", "I", "MỤC ĐÍCH, YÊU CẦU"),
        ("Phần 2: Nhiệm vụ", "II", "Nhiệm vụ"),
        ("PHẦN THỨ NHẤT: KẾT QUẢ", "I", "KẾT QUẢ"),
        ("PHẦN THỨ HAI NHIỆM VỤ", "II", "NHIỆM VỤ"),
    ],
)
def test_a_part_heading_is_a_roman_part(line, num, body):
    p = classify(line)
    assert (p.kind, p.num, p.body) == ("roman", num, body)


@pytest.mark.parametrize(
    "line", ["Phần mềm quản lý di tích", "Phần lớn các xã đã có nhà văn hóa", "PHỤ LỤC I"]
)
def test_other_lines_beginning_with_phan_are_not(line):
    assert classify(line).kind != "roman"


VHTTDL = "Sở Văn hóa, Thể thao và Du lịch"


def test_an_ocr_d_plan_s_page_furniture_and_misread_markers() -> None:
    """A scan's text: the running header and page number at each page break are dropped
    even inside a target or a bullet, whose halves join again; `TV.` after `IIl.` is part
    IV; `~` opens a bullet; `4-` next to a `+` sub-item is one (it joins its bullet); a
    heading `Bảotàng tỉnh` is the body `Bảo tàng tỉnh`."""
    r = extract_file(FIXTURES / "variant_ocr_page_furniture.txt")
    assert r.targets[1].text.startswith("Tổ chức ít nhất 03 lớp")
    assert r.targets[1].text.endswith("được hỗ trợ sinh hoạt phí theo quy định.")
    assert not any("Kế hoạch số" in t.text or "~" in t.text for t in [*r.targets, *r.tasks])
    got = [(t.id, t.lead, t.timeframe.raw, t.text[:20], t.text[-27:]) for t in r.tasks]
    assert got == [
        ("IV.1.1", [VHTTDL], "Quý II/2026", "Chủ trì tổ chức các ", "tại các xã vùng người Thái."),
        ("IV.1.2", [VHTTDL], "Quý III/2026", "Tổ chức Liên hoan xò", "Văn hóa - Du lịch Mường Lò."),
        (
            "IV.2.1",
            ["Bảo tàng tỉnh"],
            "Quý IV/2026",
            "Sưu tầm trang phục, ",
            "xòe Thái tại Bảo tàng tỉnh.",
        ),
        (
            "IV.3.1",
            ["Ủy ban nhân dân các xã vùng người Thái"],
            "Thường xuyên",
            "Duy trì sinh hoạt củ",
            " luyện tại nhà văn hóa bản.",
        ),
    ]
    assert "cộng đồng: Ưu tiên các bản" in r.tasks[3].text


def test_a_province_name_wrapped_over_two_lines_is_one_paragraph():
    """A ragged-right PDF wraps a line inside a province's name (`… tỉnh Lạng` / `Sơn; thời
    gian …`): the capital that opens the next line begins no paragraph."""
    from kehoach.extract.outline import paragraphs

    got = paragraphs(["5. Giao Sở Y tế tổ chức ngày hội tại tỉnh Lạng", "Sơn; thời gian: quý III."])
    assert [p.text for p in got] == [
        "5. Giao Sở Y tế tổ chức ngày hội tại tỉnh Lạng Sơn; thời gian: quý III."
    ]
    got = paragraphs(["Sở Y tế báo cáo kết quả.", "Sơn La là tỉnh miền núi."])
    assert len(got) == 2  # a sentence ended: the next line is a new paragraph


@pytest.mark.parametrize("line", ["-----", "———", "_—", "—— —————————", "== =="])
def test_a_rule_or_what_a_scan_leaves_of_one_is_a_rule(line):
    from kehoach.extract.outline import is_rule

    assert is_rule(line)
    assert classify(line).kind == "rule"


@pytest.mark.parametrize("line", ["-", "- Sở Y tế", "—", "2026 - 2030"])
def test_a_dash_alone_or_in_text_is_no_rule(line):
    from kehoach.extract.outline import is_rule

    assert not is_rule(line)


def test_an_ocr_d_plan_hard_wrapped_at_the_printed_line() -> None:
    """A scan's text cut at each printed line: a full line ending with `;` runs on into a
    line in lower case, one ending inside a name into the rest of it (`các xã Sìn` / `Hồ, Pa
    Tần`); the rule's remnant under the title (`_—`) ends it; a quarter's misread numeral
    (`quý Il/2026`) is put right; a `Đánh giá …` topic under the tasks part assigns work; the
    signer's given name misread (`Hổng`) is spelt as the name."""
    r = extract_file(FIXTURES / "variant_ocr_hard_wrapped.txt")
    d = r.document
    assert d.title == (
        "Phục dựng lễ hội truyền thống và phát triển đội văn nghệ quần chúng trên địa bàn "
        "tỉnh Lai Châu năm 2026"
    )
    assert d.signer == "Giàng Thị Hồng Nhạn"
    tasks = {t.id: t for t in r.tasks}
    assert list(tasks) == ["III.1.1", "III.1.2", "III.2.1", "III.2.2", "IV.1", "IV.2"]
    assert tasks["III.1.1"].coordinating == ["Ủy ban nhân dân các xã Sìn Hồ, Pa Tần"]
    assert tasks["III.1.2"].text.endswith("tại các bản đặc biệt khó khăn.")
    when = {k: (t.timeframe.kind, t.timeframe.start, t.timeframe.end) for k, t in tasks.items()}
    assert when["III.1.1"] == ("window", "2026-04-01", "2026-06-30")
    assert when["III.1.2"] == ("window", "2026-01-01", "2026-12-31")
    assert when["III.2.1"] == ("window", "2026-07-01", "2026-09-30")
    assert when["IV.1"] == ("from", "2026-01-01", None)
    assert tasks["III.2.1"].lead == [VHTTDL]
    assert [[(m.value, m.unit) for m in t.metrics] for t in r.targets] == [
        [(3, "lễ hội")],
        [(12, "bản")],
    ]


def test_lettered_parts_hold_the_roman_parts_under_them() -> None:
    """`A. MỤC ĐÍCH VÀ MỤC TIÊU` / `I. MỤC ĐÍCH` / `II. MỤC TIÊU` / `B. NHIỆM VỤ` / `I. …`: the
    Roman parts stand under the lettered ones, so `B.I` and `C.I` are two parts (task ids
    `B.I.1.1`, `C.I.2`, no `#2`), each Roman part groups its tasks, and `III. KIẾN NGHỊ` under
    `C.` still gives none."""
    r = extract_file(FIXTURES / "variant_lettered_parts_plus_tasks.txt")
    assert [(t.id, t.group) for t in r.tasks] == [
        ("B.I.1.1", "B.I"),
        ("B.I.1.2", "B.I"),
        ("B.I.2.1", "B.I"),
        ("B.II.1", "B.II"),
        ("B.II.2", "B.II"),
        ("C.I.1.1", "C.I"),
        ("C.I.1.2", "C.I"),
        ("C.I.2", "C.I"),
    ]
    assert [t.section for t in r.targets] == ["A.II.1", "A.II.1"]


def test_lettered_headings_inside_roman_parts_stay_below_them() -> None:
    """`I. MỤC TIÊU` / `A. MỤC TIÊU CHUNG` / `II. NHIỆM VỤ`: the first part is Roman, so the
    lettered headings are no parts over the Roman ones."""
    from kehoach.extract.outline import build_outline, paragraphs

    root = build_outline(
        paragraphs(
            [
                "I. MỤC TIÊU",
                "A. MỤC TIÊU CHUNG",
                "- Phát triển văn hóa đọc.",
                "II. NHIỆM VỤ",
                "1. Sở Văn hóa, Thể thao và Du lịch tổ chức ngày hội đọc sách.",
            ]
        )
    )
    assert [s.path for s in root.children] == ["I", "A", "II"]


def test_a_quarter_wrapped_to_a_line_of_its_own_is_no_part_heading() -> None:
    assert classify("IV/2027.").kind == "plain"  # `… hoàn thành trong quý` / `IV/2027.`
    assert classify("II/ NHIỆM VỤ").kind == "roman"
    assert is_rule("——")  # a short rule under a title, as a scan reads it
    assert classify("— Đầu tư xây dựng nhà văn hóa").kind == "bullet"


@pytest.mark.parametrize(
    ("line", "kind", "num"),
    [
        # an OCR'd all-caps `I.` read as `1.`
        ("1. MỤC ĐÍCH, YÊU CẦU", "roman", "I"),
        # an abbreviated agency whose initials make the line look upper case
        ("1. Sở VHTTDL", "decimal", "1"),
        ("1. Sở GDĐT", "decimal", "1"),
        ("1. Đài PT-TH", "decimal", "1"),
    ],
)
def test_one_before_a_name_in_initials_is_a_decimal_heading(line, kind, num):
    p = classify(line)
    assert (p.kind, p.num) == (kind, num)


def test_a_signature_table_ends_the_body_and_an_issued_documents_header_opens_it_again():
    """`| Nơi nhận: … | GIÁM ĐỐC … |` ends the body as the `Nơi nhận:` line does; when its
    rows run on into the header of the document a decision issues (`| ỦY BAN NHÂN DÂN … |
    CỘNG HÒA … |`), that document's parts are the body."""
    from kehoach.extract.outline import build_outline, paragraphs
    from kehoach.intake.document import Table

    signed = Table(rows=[["Nơi nhận: - Như Điều 3; - Lưu: VT.", "KT. CHỦ TỊCH Trần Văn A"]])
    header = ["ỦY BAN NHÂN DÂN TỈNH X", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    issued = Table(rows=[*signed.rows, header])
    after = ["QUY CHẾ", "Phối hợp quản lý di tích", "I. NỘI DUNG", "- Sở Y tế kiểm tra."]
    alone = build_outline(paragraphs(["I. MỤC TIÊU", "- Đạt 90%.", signed, "I. CÁC CHỈ SỐ"]))
    assert [s.kind for s in alone.children] == ["roman", "signature"]
    again = build_outline(paragraphs(["Điều 3. Thi hành.", issued, *after]))
    assert [(s.kind, s.title) for s in again.children] == [
        ("signature", ""),
        ("roman", "NỘI DUNG"),
    ]
