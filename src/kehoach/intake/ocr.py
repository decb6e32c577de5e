"""OCR'd text is repaired to correct Vietnamese as part of intake, before extraction sees it."""

from __future__ import annotations

from kehoach.intake.document import Block, Document, Table

MIN_TEXT = 500  # characters of text lines needed before we judge a document to be OCR output


def repair_if_ocr(doc: Document) -> Document:
    """The document with its text (lines and table cells) repaired when it looks like OCR
    output; the repairs made are kept on the document."""
    from kehoach.text import ocr_repair

    lines = [b for b in doc.blocks if isinstance(b, str)]
    text = "\n".join(lines)
    # a few lines say too little to judge by (a table-only PDF): repair only what looks OCR'd
    if not (doc.ocr or (len(text) >= MIN_TEXT and ocr_repair.looks_like_ocr(text))):
        return doc
    # one pass over lines and cells alike (cells' own line breaks flattened to spaces)
    pieces: list[str] = []
    for b in doc.blocks:
        if isinstance(b, Table):
            pieces.extend(" ".join(cell.split()) for row in b.rows for cell in row)
        else:
            pieces.append(b.replace("\n", " "))
    fixed, repairs = ocr_repair.repair("\n".join(pieces))
    out = iter(fixed.split("\n"))
    blocks: list[Block] = []
    for b in doc.blocks:
        if isinstance(b, Table):
            rows = [[next(out, cell) for cell in row] for row in b.rows]
            blocks.append(Table(rows=rows, spans=b.spans, page=b.page))
        else:
            blocks.append(next(out, b))
    return Document(
        name=doc.name, format=doc.format, sha256=doc.sha256, blocks=blocks, ocr=True,
        repairs=list(repairs),
    )
