"""Fields of a record read from a scan that OCR was unsure of, traced to their page and place.

The document here is a real sample with made-up OCR figures: each table cell is a spot on
page 1 with confidence 0.95, except the cells the tests make doubtful."""

from __future__ import annotations

import json
from dataclasses import replace

from kehoach.extract import extract_document
from kehoach.intake import read_document
from kehoach.intake.document import ScannedPage, Spot
from kehoach.model import parse_record

from .conftest import SAMPLES

SAMPLE = SAMPLES / "000_c6c358976faa1d91.txt"


def _scanned(doubtful: dict[tuple[int, int], float]):
    doc = read_document(SAMPLE)
    table = doc.tables[0]
    spots = tuple(
        Spot(cell, doubtful.get((r, c), 0.95), 1, (c * 300, r * 60, c * 300 + 290, r * 60 + 50))
        for r, row in enumerate(table.rows)
        for c, cell in enumerate(row)
        if cell
    )
    page = ScannedPage(number=1, confidence=0.9, width=1500, height=9000, dpi=200, spots=spots)
    return replace(doc, ocr=True, pages=[page, replace(page, number=2, spots=(), note="x")])


def test_a_doubtful_cell_marks_the_field_it_gave() -> None:
    record = extract_document(_scanned({(2, 4): 0.55}))  # row of task I.1, timeframe column
    assert record.ocr is not None
    assert [p.page for p in record.ocr.pages] == [1, 2]
    assert record.ocr.pages[1].note == "x"
    (doubt,) = record.ocr.low_confidence
    assert doubt.field == "tasks[0].timeframe"
    assert doubt.text == "Định kỳ hằng năm, giai đoạn"
    assert doubt.confidence == 0.55 and doubt.page == 1
    assert doubt.box == [1200, 120, 1490, 170]


def test_the_same_words_in_another_row_are_not_blamed() -> None:
    # row 3 (task I.2) has its own lead cell, worded as row 2's: only I.2's lead is doubtful
    record = extract_document(_scanned({(3, 2): 0.5}))
    assert [d.field for d in record.ocr.low_confidence] == ["tasks[1].lead"]


def test_confident_reading_marks_nothing() -> None:
    record = extract_document(_scanned({}))
    assert record.ocr.low_confidence == []
    assert record.ocr.engine.startswith("tesseract ")


def test_the_ocr_part_is_in_the_json_of_a_scan_only() -> None:
    scanned = extract_document(_scanned({(2, 4): 0.55})).to_json()
    assert scanned["ocr"]["low_confidence"][0]["field"] == "tasks[0].timeframe"
    assert parse_record(json.loads(json.dumps(scanned))).ocr is not None
    plain = extract_document(read_document(SAMPLE)).to_json()
    assert "ocr" not in plain
