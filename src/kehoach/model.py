"""The plan record (`kehoach.plan/1`) and its parts, as plain value types.

Field names and meanings follow `plan-schema.md`; `PlanRecord.to_json()`
gives exactly the schema's JSON (every key present, nulls and empty lists kept).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA = "kehoach.plan/1"

DocKind = Literal[
    "nghi_quyet",
    "chuong_trinh",
    "ke_hoach",
    "ket_luan",
    "quyet_dinh",
    "chi_thi",
    "de_an",
    "bao_cao",
    "cong_van",
    "other",
]
TimeframeKind = Literal["window", "recurring", "continuous", "from", "on_request", "unknown"]
Every = Literal["month", "quarter", "half_year", "year", "once", "ad_hoc"]


class _Value(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Source(_Value):
    name: str
    sha256: str
    format: str


class DocRef(_Value):
    kind: DocKind
    number: str | None = None
    date: str | None = None
    issuer: str | None = None


class DocumentInfo(_Value):
    kind: DocKind = "other"
    number: str | None = None
    issuer: str | None = None
    province: str | None = None
    date: str | None = None
    draft: bool = False
    title: str | None = None
    signer: str | None = None
    implements: list[DocRef] = Field(default_factory=list)


class Metric(_Value):
    value: float | int
    unit: str | None = None
    subject: str | None = None
    by: int | None = None


class Target(_Value):
    id: str
    text: str
    horizon: int | None = None
    metrics: list[Metric] = Field(default_factory=list)
    section: str | None = None


class Timeframe(_Value):
    raw: str | None = None
    kind: TimeframeKind = "unknown"
    start: str | None = None
    end: str | None = None
    every: Literal["month", "quarter", "year"] | None = None


class Task(_Value):
    id: str
    group: str | None = None
    group_title: str | None = None
    text: str
    directing: list[str] = Field(default_factory=list)
    lead: list[str] = Field(default_factory=list)
    coordinating: list[str] = Field(default_factory=list)
    timeframe: Timeframe = Field(default_factory=Timeframe)


class ReportingDuty(_Value):
    every: Every
    due: str | None = None
    to: str | None = None
    via: str | None = None


class OcrPage(_Value):
    """How sure OCR was of one page of a scan (0–1; null when the page has no text)."""

    page: int
    confidence: float | None = None
    note: str | None = None  # why the page was left out


class OcrDoubt(_Value):
    """A field read from text OCR was unsure of, and where that text is on its page."""

    field: str  # `document.title`, `targets[0].text`, `tasks[3].lead`, …
    text: str  # what OCR read there
    confidence: float
    page: int
    box: list[int]  # x0, y0, x1, y1: pixels of the page as read (levelled, at `dpi`)


class OcrInfo(_Value):
    """Present only on a record read from a scan."""

    engine: str  # `tesseract 5.5.4 vie`
    confidence: float | None = None  # of the whole document
    dpi: int | None = None
    pages: list[OcrPage] = Field(default_factory=list)
    low_confidence: list[OcrDoubt] = Field(default_factory=list)


class PlanRecord(_Value):
    schema_: str = Field(default=SCHEMA, alias="schema")
    source: Source
    document: DocumentInfo
    targets: list[Target] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    reporting: list[ReportingDuty] = Field(default_factory=list)
    ocr: OcrInfo | None = None

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    def to_json(self) -> dict:
        """The record as the schema's JSON object (`ocr` only when read from a scan)."""
        return self.model_dump(
            mode="json", by_alias=True, exclude={"ocr"} if self.ocr is None else None
        )
