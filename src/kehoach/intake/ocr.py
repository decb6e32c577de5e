"""OCR'd text is repaired to correct Vietnamese as part of intake, before extraction sees it."""

from __future__ import annotations

from dataclasses import replace

from kehoach.intake.document import Block, Document, Table

MIN_TEXT = 500  # characters of text (lines and cells) needed to judge a document OCR output
TYPED = ("docx", "pdf")  # formats whose text comes from a word processor unless marked OCR


def repair_if_ocr(doc: Document) -> Document:
    """The document with its text (lines and table cells) repaired when it looks like OCR
    output; the repairs made are kept on the document. A document typed without
    diacritics is marked so (`accentless`), as written: extraction reads it with its marks
    put back (OCR repair would restore only a few)."""
    from kehoach.text.accents import is_accentless
    from kehoach.text.ocr_judge import looks_like_ocr

    lines = [b for b in doc.blocks if isinstance(b, str)]
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    # a plan that is mostly a task table has few lines to judge by: judged by its lines
    # and its table cells together (else by its lines: cheaper, and enough)
    text = "\n".join(lines)
    if tables and sum(len(c) for t in tables for r in t.rows for c in r) > len(text):
        text = "\n".join([*lines, *(c for t in tables for r in t.rows for c in r)])
    if not doc.ocr and is_accentless(text):
        return replace(doc, accentless=True)
    # Word files and PDFs with their own text layer were typed, not scanned: judging them
    # by their spelling only finds words to "repair" that were right (`mỏ` → `mô`).
    if doc.format in TYPED and not doc.ocr:
        return doc
    cells = [" ".join(c.split()) for t in tables for r in t.rows for c in r]
    if cells:  # judged by the cells as they are repaired (a few say too little: below)
        text = "\n".join(lines)
        if sum(map(len, cells)) > len(text):
            text = "\n".join([*lines, *cells])
    if not (doc.ocr or (len(text) >= MIN_TEXT and looks_like_ocr(text))):
        return doc
    from kehoach.text import ocr_repair  # the repair model and decoder: only for OCR'd text

    # wrapped lines are read together; each table cell on its own (one a line)
    fixed_text, repairs = ocr_repair.repair("\n".join(b.replace("\n", " ") for b in lines))
    fixed_cells, cell_repairs = (
        ocr_repair.repair("\n".join(cells), join_lines=False) if cells else ("", [])
    )
    out_lines, out_cells = iter(fixed_text.split("\n")), iter(fixed_cells.split("\n"))
    blocks: list[Block] = []
    for b in doc.blocks:
        if isinstance(b, Table):
            rows = [[next(out_cells, cell) for cell in row] for row in b.rows]
            blocks.append(Table(rows=rows, spans=b.spans, page=b.page))
        else:
            blocks.append(next(out_lines, b))
    return replace(doc, blocks=blocks, ocr=True, repairs=[*repairs, *cell_repairs])
