"""Extraction: a read `Document` -> a plan record (`kehoach.plan/1`).

The extractor knows nothing of files or databases: `extract_document` is a
pure function of the document's blocks. `extract_file` reads then extracts.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kehoach.intake import Document, read_document
from kehoach.intake.document import Progress

if TYPE_CHECKING:  # the model comes with `build_record`: `kehoach extract` forks its reader first
    from kehoach.model import PlanRecord

__all__ = ["extract_document", "extract_file"]


def extract_document(doc: Document) -> PlanRecord:
    """Extract the plan record from a read document."""
    from kehoach.extract.plan import build_record

    record = build_record(doc)
    if not doc.pages:  # no scan: no OCR confidences to mark (and no rapidfuzz to import)
        return record
    from kehoach.extract.ocr_marks import mark_low_confidence

    return mark_low_confidence(record, doc)


def extract_file(path: str | Path, *, progress: Progress | None = None) -> PlanRecord:
    """Read a file and extract its plan record (raises `KehoachError` subclasses on bad input);
    `progress(done, total)` hears of each page of a scan."""
    return extract_document(read_document(path, progress=progress))
