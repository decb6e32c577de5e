"""Intake: one module per file format, each turning a file into a `Document`."""

from __future__ import annotations

import hashlib
from pathlib import Path

from kehoach.errors import EmptyDocument, InputError, MissingFile, UnsupportedFormat
from kehoach.intake.document import Block, Document, Table

SUPPORTED = (".txt", ".md", ".docx", ".pdf")

__all__ = ["SUPPORTED", "Block", "Document", "Table", "read_document"]


def read_document(path: str | Path) -> Document:
    """Read a plan document file (.txt, .docx, .pdf) into a `Document`."""
    p = Path(path)
    if not p.exists():
        raise MissingFile("no such file or folder", where=str(p))
    if p.is_dir():
        raise UnsupportedFormat("is a folder, not a document", where=str(p))
    suffix = p.suffix.lower()
    if suffix not in SUPPORTED:
        raise UnsupportedFormat(
            "unsupported file type '{suffix}'; kehoach reads {types}",
            where=str(p),
            suffix=suffix or "(none)",
            types=SUPPORTED,
        )
    data = p.read_bytes()
    if not data.strip():
        raise EmptyDocument("the file is empty", where=str(p))
    try:
        return read_bytes(data, p.name, suffix)
    except InputError as exc:  # readers know only the name; say where the file is, as given
        raise exc.at(str(p)) from None


def read_bytes(data: bytes, name: str, suffix: str | None = None) -> Document:
    """Read a document from bytes; `suffix` (e.g. '.pdf') picks the reader, else the name's.
    Text that looks OCR'd comes back repaired, with the repairs listed on the document."""
    from kehoach.intake.ocr import repair_if_ocr

    return repair_if_ocr(_read(data, name, suffix))


def _read(data: bytes, name: str, suffix: str | None) -> Document:
    suffix = (suffix or Path(name).suffix).lower()
    sha = hashlib.sha256(data).hexdigest()
    if suffix in (".txt", ".md"):
        from kehoach.intake import txt

        return txt.read(data, name, sha)
    if suffix == ".docx":
        from kehoach.intake import docx

        return docx.read(data, name, sha)
    if suffix == ".pdf":
        from kehoach.intake import pdf

        return pdf.read(data, name, sha)
    raise UnsupportedFormat(
        "unsupported file type '{suffix}'; kehoach reads {types}",
        where=name,
        suffix=suffix or "(none)",
        types=SUPPORTED,
    )
