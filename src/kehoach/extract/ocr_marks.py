"""Which fields of a record read from a scan OCR was unsure of.

The extractor works on text and knows nothing of pages; here each field's value is
traced back to the lines and table cells it was read from (by fuzzy matching, as
repairs and agency-name expansion change the words a little), and a field whose
source OCR read with low confidence is listed with its page and place, so the
review page can show the picture beside it.
"""

from __future__ import annotations

from dataclasses import replace

from rapidfuzz import fuzz, process

from kehoach.intake.document import Document, Spot
from kehoach.model import OcrDoubt, OcrInfo, OcrPage, PlanRecord
from kehoach.text.normalize import fold

LOW = 0.80  # below this (Tesseract's confidence, 0–1) a person should check the field
_MATCH = 85  # partial-ratio score for a line or cell to count as a field's source
_SHORT = 60  # characters: a value this short comes from one cell or line


def mark_low_confidence(record: PlanRecord, doc: Document) -> PlanRecord:
    """The record with its `ocr` part: confidence per page and the doubtful fields."""
    if not doc.pages:
        return record
    from kehoach.intake.tesseract import version

    spots = [s for p in doc.pages for s in p.spots]
    keys = [fold(s.text) for s in spots]
    doubts = []
    row: list[int] = list(range(len(spots)))
    for field, value in _fields(record):
        if field.startswith("tasks[") and field.endswith("].text"):
            row = _row_of(value, spots, keys)  # a task's other fields come from its row
        near = row if field.startswith("tasks[") and not field.endswith("].text") else None
        source = _source(value, spots, keys, near)
        if source is not None and source.confidence < LOW:
            doubts.append(
                OcrDoubt(
                    field=field,
                    text=source.text,
                    confidence=round(source.confidence, 2),
                    page=source.page,
                    box=list(source.box),
                )
            )
    sized = [(p.confidence, sum(len(s.text) for s in p.spots)) for p in doc.pages]
    total = sum(n for c, n in sized if c is not None)
    info = OcrInfo(
        engine=version(),
        confidence=round(sum(c * n for c, n in sized if c is not None) / total, 3)
        if total
        else None,
        dpi=max(p.dpi for p in doc.pages),
        pages=[OcrPage(page=p.number, confidence=p.confidence, note=p.note) for p in doc.pages],
        low_confidence=doubts,
    )
    return replace(record, ocr=info)


def _fields(record: PlanRecord) -> list[tuple[str, str]]:
    """(field path, value as text) of every field a person types or checks."""
    out: list[tuple[str, str]] = []
    doc = record.document
    for name in ("title", "number", "issuer", "signer"):
        value = getattr(doc, name)
        if value:
            out.append((f"document.{name}", value))
    for i, target in enumerate(record.targets):
        out.append((f"targets[{i}].text", target.text))
    for i, task in enumerate(record.tasks):
        out.append((f"tasks[{i}].text", task.text))
        for role in ("directing", "lead", "coordinating"):
            names = getattr(task, role)
            if names:
                out.append((f"tasks[{i}].{role}", "; ".join(names)))
        if task.timeframe.raw:
            out.append((f"tasks[{i}].timeframe", task.timeframe.raw))
    return out


def _row_of(text: str, spots: list[Spot], keys: list[str]) -> list[int]:
    """The spots beside a task's text: the cells of its table row (same page, same height);
    every spot when the text is not found."""
    hits = _hits(fold(text), keys, range(len(spots)))
    if not hits:
        return list(range(len(spots)))
    first = spots[max(hits, key=lambda h: (h[1], len(keys[h[2]])))[2]]
    top, bottom = first.box[1], first.box[3]
    return [
        i
        for i, s in enumerate(spots)
        if s.page == first.page and top - 10 <= (s.box[1] + s.box[3]) / 2 <= bottom + 10
    ]


def _hits(key: str, keys: list[str], among) -> list[tuple[str, float, int]]:
    choices = {i: keys[i] for i in among}
    found = process.extract(
        key, choices, scorer=fuzz.partial_ratio, score_cutoff=_MATCH, limit=None
    )
    return [(text, score, int(i)) for text, score, i in found]


def _source(value: str, spots: list[Spot], keys: list[str], near: list[int] | None) -> Spot | None:
    """The least sure of the lines or cells `value` was read from, or None if none is found."""
    key = fold(value)
    if len(key) < 3:
        return None
    hits = _hits(key, keys, range(len(spots)) if near is None else near)
    if not hits:
        return None
    if len(key) <= _SHORT:  # one cell or line: the closest in length among the best
        best = max(score for _, score, _ in hits)
        top = [i for _, score, i in hits if score >= best - 3]
        return spots[min(top, key=lambda i: abs(len(keys[i]) - len(key)))]
    pieces = [spots[i] for _, _, i in hits if len(keys[i]) >= 15 or keys[i] in key]
    return min(pieces, key=lambda s: s.confidence) if pieces else None
