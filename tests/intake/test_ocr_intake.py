"""OCR repair as part of intake: text lines and table cells of an OCR'd document."""

from kehoach.intake.document import Document, Table
from kehoach.intake.ocr import repair_if_ocr


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
