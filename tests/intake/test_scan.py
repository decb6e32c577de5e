"""Scans read by OCR: real scan fixtures made by tests/data/make_scans.py (slow: Tesseract)."""

from __future__ import annotations

import multiprocessing
import os
import signal
from pathlib import Path

import pytest
from rapidfuzz.distance import Levenshtein

from kehoach.errors import EmptyDocument, UnsupportedFormat
from kehoach.intake import read_bytes, read_document
from kehoach.intake.tesseract import tessdata

FIXTURES = Path(__file__).parents[1] / "data" / "fixtures"
SCANS = FIXTURES / "scans"

needs_tesseract = pytest.mark.skipif(
    tessdata() is None, reason="Tesseract's Vietnamese model is not installed"
)


def _cells(table) -> str:
    return " ".join(c for row in table.rows for c in row)


@pytest.fixture(scope="module")
def table_scan():
    return read_document(SCANS / "002_table_scan.pdf")


@pytest.mark.slow
@needs_tesseract
def test_a_table_over_two_scanned_pages_is_one_table(table_scan) -> None:
    assert table_scan.ocr and table_scan.format == "pdf"
    (table,) = table_scan.tables
    assert table.rows[0][0] == "TT" and "NHIỆM VỤ" in table.rows[0][1]
    heads = [r for r in table.rows if r[0] == "TT"]
    assert len(heads) == 1  # the header repeated on the second page is dropped
    numbers = [int(r[0]) for r in table.rows if r[0].isdigit()]
    assert numbers == list(range(1, 21))  # row numbers read, the rows of both pages in order


@pytest.mark.slow
@needs_tesseract
def test_merged_group_rows_repeat_their_text_like_the_pdf_reader(table_scan) -> None:
    (table,) = table_scan.tables
    groups = [
        (r, s) for r, s in zip(table.rows, table.spans, strict=True) if r[0] in ("I", "II", "III")
    ]
    assert [r[0] for r, _ in groups] == ["I", "II", "III"]
    for row, spans in groups:
        assert spans == [False, False, True, True, True]
        assert row[2] == row[3] == row[4] == row[1]


@pytest.mark.slow
@needs_tesseract
def test_cells_read_as_the_text_pdf_gives_them(table_scan) -> None:
    text_pdf = read_document(FIXTURES / "002_table.pdf").tables[0]
    (table,) = table_scan.tables
    # the text PDF's table starts on its page 2, the scan holds pages 2-3 of 4
    first = _cells(table)
    truth = _cells(text_pdf)[: len(first)]
    assert Levenshtein.normalized_similarity(first, truth) >= 0.95


@pytest.mark.slow
@needs_tesseract
def test_pages_carry_confidence_and_where_each_line_is(table_scan) -> None:
    assert [p.number for p in table_scan.pages] == [1, 2]
    for page in table_scan.pages:
        assert page.confidence is not None and page.confidence > 0.85
        assert 0.3 <= abs(page.angle) <= 1.5  # the scan was turned; it was levelled
        assert page.spots and all(s.page == page.number for s in page.spots)
        x0, y0, x1, y1 = page.spots[0].box
        assert 0 <= x0 < x1 <= page.width and 0 <= y0 < y1 <= page.height


@pytest.mark.slow
@needs_tesseract
def test_a_stamped_colour_photo_is_read_through_the_stamp() -> None:
    doc = read_document(SCANS / "stamped_page.jpg")
    assert doc.format == "image"
    text = "\n".join(doc.lines)
    assert "KẾ HOẠCH" in text
    assert "triển khai Nghị quyết số 80-NQ/TW, ngày 07/01/2026 của Bộ Chính trị" in text
    assert "Tổ chức quán triệt, triển khai đồng bộ, kịp thời" in text


@pytest.mark.slow
@needs_tesseract
def test_a_page_in_another_language_is_left_out_and_the_others_read() -> None:
    doc = read_document(SCANS / "two_languages.tiff")
    assert doc.warnings == ["page 2 left out: the text is not Vietnamese"]
    assert [p.note for p in doc.pages] == [None, "the text is not Vietnamese"]
    text = "\n".join(doc.lines)
    assert "Thực hiện Nghị quyết số 80-NQ/TW" in text
    assert "memorandum" not in text.lower()


@pytest.mark.slow
@needs_tesseract
def test_an_image_with_no_text() -> None:
    with pytest.raises(EmptyDocument) as err:
        read_document(SCANS / "blank.png")
    assert str(err.value).endswith("blank.png: no text was found")


def test_a_damaged_image() -> None:
    with pytest.raises(UnsupportedFormat) as err:
        read_bytes((SCANS / "damaged.png").read_bytes(), "damaged.png")
    assert err.value.message.startswith("this image cannot be read: it is damaged")
    assert err.value.where == "damaged.png"


def test_a_file_named_png_that_is_not_an_image() -> None:
    with pytest.raises(UnsupportedFormat) as err:
        read_bytes(b"KE HOACH 80-NQ/TW", "plan.png")
    assert err.value.message == "this image cannot be read: it is not an image"


def test_a_scanned_pdf_with_a_password() -> None:
    from kehoach.intake.images import PdfPages

    with pytest.raises(UnsupportedFormat) as err:
        PdfPages((FIXTURES / "encrypted.pdf").read_bytes(), "encrypted.pdf")
    assert err.value.message == (
        "the PDF is protected by a password; save a copy without the password"
    )


@pytest.mark.slow
@needs_tesseract
def test_a_grey_seal_over_the_signature_hides_neither_the_signer_nor_the_plan() -> None:
    # scanned in grey, the red seal is mid-grey ink over `KT. CHỦ TỊCH … Nguyễn Thiên Văn`;
    # read with it, the signer's lines and the plan's `KẾ HOẠCH` under them came out as a
    # picture (nothing) or as nonsense
    doc = read_document(SCANS / "decision_with_plan_scan.pdf")
    lines = doc.lines
    assert "Nơi nhận:  KT. CHỦ TỊCH" in lines
    assert any(ln.endswith("PHÓ CHỦ TỊCH") for ln in lines)
    assert "Nguyễn Thiên Văn" in lines and "KẾ HOẠCH" in lines
    assert "- Lưu: VT." in lines or "- Lưu: VT.  PHÓ CHỦ TỊCH" in lines


@pytest.mark.slow
@needs_tesseract
def test_a_decision_with_its_plan_scanned_gives_the_plans_record() -> None:
    from kehoach.extract.plan import build_record

    record = build_record(read_document(SCANS / "decision_with_plan_scan.pdf")).to_json()
    text = build_record(read_document(FIXTURES / "variant_decision_with_plan.txt")).to_json()
    assert [t["id"] for t in record["tasks"]] == [t["id"] for t in text["tasks"]]
    assert [t["lead"] for t in record["tasks"]] == [t["lead"] for t in text["tasks"]]
    assert len(record["targets"]) == len(text["targets"]) == 1
    # `III. TỔ CHỨC THỰC HIỆN` read as `II.` after `II. NHIỆM VỤ`: numbered back in sequence
    assert "III. TỔ CHỨC THỰC HIỆN" in read_document(SCANS / "decision_with_plan_scan.pdf").lines


@pytest.mark.slow
@needs_tesseract
def test_recipients_in_small_type_beside_the_signer_are_read_column_by_column() -> None:
    # Tesseract finds lines across both columns at the signer's pitch and read `Nơi nhận:`
    # and the recipients as nonsense; each column is now read again on its own
    lines = read_document(SCANS / "resolution_signature_scan.pdf").lines
    assert "Nơi nhận:  CHỦ TỊCH" in lines
    assert any(ln.startswith("- Ủy ban Thường vụ Quốc hội;") for ln in lines)
    assert "- Chính phủ;  Thào Hồng Sơn" in lines
    assert "- Lưu: VT." in lines
    assert any("Hà Giang khóa XVIII" in ln for ln in lines)  # the seal over the body: gone


@pytest.mark.slow
@needs_tesseract
def test_wrapped_lines_of_a_scan_join_into_paragraphs_as_in_a_pdf() -> None:
    # a page of a plan Word set justified: read line by line, `chính trị` / `- xã hội tỉnh …`
    # made the dash a bullet, and so a task of its own; the line above reaches the right
    # edge mid-sentence and the dash stands at the text margin, left of the bullets' text
    lines = read_document(SCANS / "closing_groups_scan.pdf").lines
    assert (
        "3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội "
        "tỉnh tuyên truyền, vận động đoàn viên, hội viên tham gia xây dựng đời sống văn hóa "
        "ở cơ sở." in lines
    )
    assert not any(ln.startswith("- xã hội") for ln in lines)
    assert (
        "- Chủ trì, theo dõi, đôn đốc các cơ quan, đơn vị triển khai thực hiện Kế hoạch." in lines
    )
    # labelled lines and headings stay lines of their own
    assert "Thời gian thực hiện: Hằng năm." in lines and "IV. TỔ CHỨC THỰC HIỆN" in lines


@pytest.mark.slow
@needs_tesseract
def test_a_wrapped_word_read_with_a_capital_mid_sentence_is_put_in_small_letters() -> None:
    # `thường` / `xuyên.` read `Xuyên.` (x and X differ only in size): the task lost its
    # timeframe; names the line above runs into keep their capitals (`Thủ tướng Chính phủ`)
    from kehoach.extract.plan import build_record

    doc = read_document(SCANS / "decision_wrap_scan.pdf")
    assert (
        "2. Ủy ban nhân dân các xã duy trì câu lạc bộ cồng chiêng tại buôn; thường xuyên."
        in doc.lines
    )
    assert "Xuyên" not in "\n".join(doc.lines)
    assert any("của Chủ tịch Ủy ban nhân dân tỉnh" in ln for ln in doc.lines)
    task = build_record(doc).tasks[-1]
    assert task.timeframe.kind == "continuous" and task.timeframe.raw == "thường xuyên"


@pytest.fixture(scope="module")
def seal_table_scan():
    return read_document(SCANS / "task_table_seal_scan.pdf")


@pytest.mark.slow
@needs_tesseract
def test_row_numbers_and_group_numerals_are_read_as_printed(seal_table_scan) -> None:
    """Lone marks Tesseract misreads (`TT` as `I`, `9` as `Q`, serifed `III` as `II`) are
    read again; the numerals' I's counted on the picture."""
    (table,) = seal_table_scan.tables
    assert [r[0] for r in table.rows] == [
        *["TT", "I", "1", "2", "3", "II", "4", "5", "6", "III", "7", "8", "9"]
    ]


@pytest.mark.slow
@needs_tesseract
def test_a_quarters_numeral_is_read_as_printed(seal_table_scan) -> None:
    (table,) = seal_table_scan.tables
    times = [r[4] for r in table.rows if r[0].isdigit()]
    assert times == [
        *["Quý II/2026", "Quý III/2026", "Từ quý II/2026", "Quý III/2026", "Hằng quý"],
        *["Quý IV/2026", "Quý III/2026", "Tháng 11/2026", "Tháng 12/2026"],
    ]


@pytest.mark.slow
@needs_tesseract
def test_the_rules_under_a_seal_keep_the_rows_apart(seal_table_scan) -> None:
    """The seal over the agency columns is taken out, their rules (as grey as its ink)
    kept: each row under it has its own cells, and the plan's tasks are the text's."""
    from kehoach.extract.plan import build_record

    (table,) = seal_table_scan.tables
    assert len(table.rows) == 13 and all(len(r) == 5 for r in table.rows)
    rows = {r[0]: r for r in table.rows}
    assert rows["3"][3] == "Thư viện tỉnh" and rows["6"][3] == "Sở Nội vụ; UBND các xã"
    typed = build_record(read_document(FIXTURES / "scan_marks_plan.txt")).tasks
    scanned = build_record(seal_table_scan).tasks
    assert [(t.id, t.coordinating, t.timeframe) for t in scanned] == [
        (t.id, t.coordinating, t.timeframe) for t in typed
    ]


def _killed(index: int):
    """A page worker killed while it reads, as the system does when memory runs out."""
    os.kill(os.getpid(), signal.SIGKILL)


def _exits(index: int):
    os._exit(3)


@pytest.mark.parametrize(
    ("page", "said"),
    [
        (
            _killed,
            "the process reading its pages was killed (SIGKILL), most often because memory "
            "ran out; 0 of 2 pages were read",
        ),
        (_exits, "the process reading its pages ended unexpectedly (exit code 3)"),
    ],
)
@needs_tesseract
def test_a_page_worker_that_dies_fails_the_scan_with_how_it_died(monkeypatch, page, said):
    from kehoach.errors import ReadFailed
    from kehoach.intake import scan

    monkeypatch.setattr(scan, "_page", page)  # the workers are forked with it
    data = (SCANS / "two_languages.tiff").read_bytes()
    with pytest.raises(ReadFailed) as err:
        scan.read_scan(data, "two_languages.tiff", "died", kind="image", workers=2)
    assert err.value.where == "two_languages.tiff"
    assert err.value.message.startswith("the scan could not be read: ")
    assert said in err.value.message
    assert multiprocessing.active_children() == []
