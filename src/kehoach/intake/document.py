"""What intake gives extraction: a document's text as lines and tables, in order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

# Here, not beside the scan reader, so that naming them does not import numpy and OpenCV.
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")  # scans as page images
Progress = Callable[[int, int], None]  # a scan's progress: (pages done, pages in all)


@dataclass(frozen=True)
class Table:
    """A table: rows of cell texts. A merged cell's text is repeated in each row it spans
    (`spans` marks which cells are such repeats, so a reader can tell)."""

    rows: list[list[str]]
    spans: list[list[bool]] = field(default_factory=list)
    page: int | None = None


Block = str | Table  # a str is one line (paragraph) of text, as written


@dataclass(frozen=True)
class Spot:
    """A line or table cell read by OCR: its text as recognised, how sure Tesseract was
    (0–1), and where it is on its page (pixels of the levelled page image)."""

    text: str
    confidence: float
    page: int
    box: tuple[int, int, int, int]


@dataclass(frozen=True)
class ScannedPage:
    """One page of a scan: how sure OCR was of it, and why it gave nothing if it did not."""

    number: int
    confidence: float | None  # None: no text on the page
    width: int  # pixels of the levelled page image
    height: int
    dpi: int
    angle: float = 0.0  # degrees the page was turned to level it
    note: str | None = None
    spots: tuple[Spot, ...] = ()


@dataclass(frozen=True)
class Document:
    """A read document: its blocks in reading order, plus where it came from."""

    name: str
    format: str  # "txt" | "docx" | "pdf"
    sha256: str
    blocks: list[Block]
    ocr: bool = False  # text came from OCR (a scan), or looks like it
    accentless: bool = False  # typed without diacritics (kehoach.text.accents)
    repairs: list = field(default_factory=list)  # OCR repairs made (kehoach.text.ocr_repair)
    pages: list[ScannedPage] = field(default_factory=list)  # a scan's pages, as OCR read them
    warnings: list[str] = field(default_factory=list)  # pages left out, and why

    @property
    def lines(self) -> list[str]:
        """Text lines only (tables skipped)."""
        return [b for b in self.blocks if isinstance(b, str)]

    @property
    def tables(self) -> list[Table]:
        """Tables only."""
        return [b for b in self.blocks if isinstance(b, Table)]
