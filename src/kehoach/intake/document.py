"""What intake gives extraction: a document's text as lines and tables, in order."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Table:
    """A table: rows of cell texts. A merged cell's text is repeated in each row it spans
    (`spans` marks which cells are such repeats, so a reader can tell)."""

    rows: list[list[str]]
    spans: list[list[bool]] = field(default_factory=list)
    page: int | None = None


Block = str | Table  # a str is one line (paragraph) of text, as written


@dataclass(frozen=True)
class Document:
    """A read document: its blocks in reading order, plus where it came from."""

    name: str
    format: str  # "txt" | "docx" | "pdf"
    sha256: str
    blocks: list[Block]
    ocr: bool = False  # text came from OCR (a scan), or looks like it
    repairs: list = field(default_factory=list)  # OCR repairs made (kehoach.text.ocr_repair)

    @property
    def lines(self) -> list[str]:
        """Text lines only (tables skipped)."""
        return [b for b in self.blocks if isinstance(b, str)]

    @property
    def tables(self) -> list[Table]:
        """Tables only."""
        return [b for b in self.blocks if isinstance(b, Table)]
