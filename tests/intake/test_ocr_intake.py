"""OCR repair as part of intake: text lines and table cells of an OCR'd document."""

from pathlib import Path

from kehoach.intake.document import Document, Table
from kehoach.intake.ocr import repair_if_ocr

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "fixtures"


def test_lines_and_cells_of_an_ocr_document_are_repaired() -> None:
    doc = Document(
        name="scan.pdf",
        format="pdf",
        sha256="0",
        ocr=True,
        blocks=[
            "KÊ HOẠCH",
            Table(
                rows=[["TT", "Nhiệm vụ", "Cơ quan chủ trì"], ["1", "Tồ chức hội nghị", "Sở Nội vụ"]]
            ),
        ],
    )
    fixed = repair_if_ocr(doc)
    assert fixed.blocks[0] == "KẾ HOẠCH"
    assert fixed.blocks[1].rows[1] == ["1", "Tổ chức hội nghị", "Sở Nội vụ"]
    assert {(r.original, r.replacement) for r in fixed.repairs} >= {("KÊ", "KẾ"), ("Tồ", "Tổ")}


def test_a_short_clean_document_is_left_alone() -> None:
    doc = Document(
        name="a.pdf", format="pdf", sha256="0", blocks=["Ghi chú: bảng trên không có đường kẻ."]
    )
    assert repair_if_ocr(doc) is doc


def test_a_plan_that_is_mostly_a_table_is_judged_by_its_cells_too() -> None:
    # a few clean lines, and a task table whose cells OCR damaged: judged OCR'd and repaired
    rows = [["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"]]
    rows += [
        [
            str(i),
            "Tồ chức kiểm tra việc ứiực hiện các quy đinh vể khoáng sản",
            "Sở Nội vụ",
            "Các sơ, baIi, ngành và địa phương",
            "Hằng năm",
        ]
        for i in range(1, 13)
    ]
    doc = Document(
        name="plan.txt",
        format="txt",
        sha256="0",
        blocks=["KẾ HOẠCH", "Triển khai thực hiện Chỉ thị số 11-CT/TU", Table(rows=rows)],
    )
    fixed = repair_if_ocr(doc)
    assert fixed.ocr
    assert fixed.blocks[2].rows[1][1].startswith("Tổ chức kiểm tra việc thực hiện")


def test_a_plan_typed_without_marks_is_marked_accentless_and_left_as_written() -> None:
    # OCR repair would put back a few marks only; extraction restores them all, for
    # reading, and gives the text back as written (kehoach.text.accents)
    text = (FIXTURES / "variant_accentless_plan.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    doc = Document(name="plan.txt", format="txt", sha256="0", blocks=lines)
    judged = repair_if_ocr(doc)
    assert judged.accentless and not judged.ocr and not judged.repairs
    assert judged.blocks == lines
    # a Word file too (typed, so never OCR-repaired, but read the same way)
    assert repair_if_ocr(
        Document(name="p.docx", format="docx", sha256="0", blocks=lines)
    ).accentless


def test_an_ordinary_plan_is_not_accentless() -> None:
    text = (FIXTURES / "variant_accentless_plan_marked.txt").read_text(encoding="utf-8")
    doc = Document(name="plan.txt", format="txt", sha256="0", blocks=text.splitlines())
    assert not repair_if_ocr(doc).accentless


def test_a_typed_plan_for_an_ethnic_culture_festival_is_not_repaired() -> None:
    # names in the minorities' languages (`Mnông`, `Xtiêng`) repeated: a typed plan's subject
    text = (FIXTURES / "variant_ethnic_culture_festival.txt").read_text(encoding="utf-8")
    doc = Document(name="plan.txt", format="txt", sha256="0", blocks=text.splitlines())
    judged = repair_if_ocr(doc)
    assert not judged.ocr and not judged.repairs
    assert judged.blocks == doc.blocks
