"""OCR'd text is repaired to correct Vietnamese as part of intake, before extraction sees it."""

from __future__ import annotations

from kehoach.intake.document import Document

MIN_TEXT = 500  # characters of text lines needed before we judge a document to be OCR output


def repair_if_ocr(doc: Document) -> Document:
    """The document with its text lines repaired when they look like OCR output (repairs kept)."""
    from kehoach.text import ocr_repair

    lines = [b for b in doc.blocks if isinstance(b, str)]
    text = "\n".join(lines)
    # a few lines say too little to judge by (a table-only PDF): repair only what looks OCR'd
    if not (doc.ocr or (len(text) >= MIN_TEXT and ocr_repair.looks_like_ocr(text))):
        return doc
    fixed, repairs = ocr_repair.repair(text)
    fixed_lines = iter(fixed.split("\n"))
    blocks = [next(fixed_lines, b) if isinstance(b, str) else b for b in doc.blocks]
    return Document(
        name=doc.name,
        format=doc.format,
        sha256=doc.sha256,
        blocks=blocks,
        ocr=True,
        repairs=list(repairs),
    )
