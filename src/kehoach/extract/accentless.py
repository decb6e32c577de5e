"""A plan typed without diacritics (`Document.accentless`): read with its marks restored
(`kehoach.text.accents`), its record given back with the text as the document wrote it.

The readers see the restored text, so headings, labels, role words, timeframes, units and
agency names read as in any plan. In the record, agency names (issuers, roles, reporting
bodies) keep the register's spelling; what the schema takes as written (titles, the text
of tasks and targets, a metric's subject and unit, a timeframe's wording, the signer) loses
the marks the restoring put on it again.
"""

from __future__ import annotations

from dataclasses import replace

from kehoach.intake.document import Block, Document, Table
from kehoach.model import Metric, PlanRecord, Target, Task
from kehoach.text.accents import as_written, marked_words, restore

__all__ = ["read_restored", "written_back"]


def read_restored(doc: Document) -> tuple[Document, frozenset[str]]:
    """The document with the marks of its lines and table cells restored, and the words it
    wrote with marks itself (which `written_back` keeps)."""
    texts: list[str] = []
    blocks: list[Block] = []
    for b in doc.blocks:
        if isinstance(b, Table):
            texts.extend(c for row in b.rows for c in row)
            rows = [[restore(c) for c in row] for row in b.rows]
            blocks.append(Table(rows=rows, spans=b.spans, page=b.page))
        else:
            texts.append(b)
            blocks.append(restore(b))
    return replace(doc, blocks=blocks), marked_words("\n".join(texts))


def written_back(record: PlanRecord, marked: frozenset[str]) -> PlanRecord:
    """The record of a restored document with its text fields as the document wrote them."""

    def text(value: str | None) -> str | None:
        return None if value is None else as_written(value, marked)

    def metric(m: Metric) -> Metric:
        return replace(m, unit=text(m.unit), subject=text(m.subject))

    def target(t: Target) -> Target:
        return replace(t, text=text(t.text) or "", metrics=[metric(m) for m in t.metrics])

    def task(t: Task) -> Task:
        return replace(
            t,
            text=text(t.text) or "",
            group_title=text(t.group_title),
            timeframe=replace(t.timeframe, raw=text(t.timeframe.raw)),
        )

    info = record.document
    return replace(
        record,
        document=replace(info, title=text(info.title), signer=text(info.signer)),
        targets=[target(t) for t in record.targets],
        tasks=[task(t) for t in record.tasks],
    )
