"""Intake: one module per file format, each turning a file into a `Document`."""

from __future__ import annotations

import hashlib
from pathlib import Path

from kehoach.errors import EmptyDocument, InputError, MissingFile, NeedsOcr, UnsupportedFormat
from kehoach.intake.document import IMAGE_SUFFIXES, Block, Document, Progress, Table

SUPPORTED = (".txt", ".md", ".docx", ".pdf", *IMAGE_SUFFIXES)
_READS = ".txt, .md, .docx, .pdf and scans (.pdf, .png, .jpg, .tiff)"

__all__ = ["SUPPORTED", "Block", "Document", "Table", "read_document"]


def read_document(path: str | Path, *, progress: Progress | None = None) -> Document:
    """Read a plan document file (.txt, .docx, .pdf, or a scan) into a `Document`;
    `progress(done, total)` hears of each page of a scan as it is read."""
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
            types=_READS,
        )
    data = p.read_bytes()
    if not data.strip():
        raise EmptyDocument("the file is empty", where=str(p))
    try:
        return read_bytes(data, p.name, suffix, progress=progress)
    except InputError as exc:  # readers know only the name; say where the file is, as given
        raise exc.at(str(p)) from None


def read_bytes(
    data: bytes, name: str, suffix: str | None = None, *, progress: Progress | None = None
) -> Document:
    """Read a document from bytes; `suffix` (e.g. '.pdf') picks the reader, else the name's.
    Text that looks OCR'd comes back repaired, with the repairs listed on the document."""
    from kehoach.intake.ocr import repair_if_ocr

    return repair_if_ocr(_read(data, name, suffix, progress))


def _read(data: bytes, name: str, suffix: str | None, progress: Progress | None) -> Document:
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

        try:
            doc = pdf.read(data, name, sha)
            if not pdf.garbage_layer(doc):
                return doc
        except NeedsOcr:  # no text layer: a scan
            pass
        from kehoach.intake import scan  # OpenCV and numpy: only for scans

        return scan.read_scan(data, name, sha, kind="pdf", progress=progress)
    if suffix in IMAGE_SUFFIXES:
        from kehoach.intake import scan

        return scan.read_scan(data, name, sha, kind="image", progress=progress)
    raise UnsupportedFormat(
        "unsupported file type '{suffix}'; kehoach reads {types}",
        where=name,
        suffix=suffix or "(none)",
        types=_READS,
    )
