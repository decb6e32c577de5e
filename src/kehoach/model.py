"""The plan record (`kehoach.plan/1`) and its parts, as plain value types.

Field names and meanings follow `plan-schema.md`; `PlanRecord.to_json()`
gives exactly the schema's JSON (every key present, nulls and empty lists kept).

The types are frozen dataclasses, not pydantic models: importing pydantic (and building its
models) is most of what importing the extractor used to cost, and every `kehoach extract`
and `kehoach bench extract` worker process paid it before reading a page. Records read
from outside (a stored record, a review's edits, a `.json` given to `kehoach compare`) are
still checked by pydantic, imported only then: `parse_record`, `record_from_json`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar, Literal

if TYPE_CHECKING:
    from pydantic import TypeAdapter

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
# Why the reader is unsure of a task or a target (kehoach's extension of the record; the
# review page highlights them): an agency not in the register, no agency at all, no timeframe,
# a metric whose subject could not be read.
Reason = Literal["agency_not_in_register", "no_agency", "no_timeframe", "metric_without_subject"]


class _Value:
    """Base of the record's parts: no instance dict (the dataclasses add their slots), and
    pydantic, when it checks a record read from outside, rejects keys the schema lacks."""

    __slots__ = ()
    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Source(_Value):
    name: str
    sha256: str
    format: str


@dataclass(frozen=True, slots=True, kw_only=True)
class DocRef(_Value):
    kind: DocKind
    number: str | None = None
    date: str | None = None
    issuer: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentInfo(_Value):
    kind: DocKind = "other"
    number: str | None = None
    issuer: str | None = None
    province: str | None = None
    date: str | None = None
    draft: bool = False
    title: str | None = None
    signer: str | None = None
    implements: list[DocRef] = field(default_factory=list)


@dataclass(frozen=True, slots=True, kw_only=True)
class Metric(_Value):
    value: float | int
    unit: str | None = None
    subject: str | None = None
    by: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Target(_Value):
    id: str
    text: str
    horizon: int | None = None
    metrics: list[Metric] = field(default_factory=list)
    section: str | None = None
    confidence: float | None = None  # 0..1, how sure the reader is (None: not assessed)
    reasons: list[Reason] = field(default_factory=list)


@dataclass(frozen=True, slots=True, kw_only=True)
class Timeframe(_Value):
    raw: str | None = None
    kind: TimeframeKind = "unknown"
    start: str | None = None
    end: str | None = None
    every: Literal["month", "quarter", "year"] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Task(_Value):
    id: str
    group: str | None = None
    group_title: str | None = None
    text: str
    directing: list[str] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    coordinating: list[str] = field(default_factory=list)
    timeframe: Timeframe = field(default_factory=Timeframe)
    confidence: float | None = None  # 0..1, how sure the reader is (None: not assessed)
    reasons: list[Reason] = field(default_factory=list)


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportingDuty(_Value):
    every: Every
    due: str | None = None
    to: str | None = None
    via: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class OcrPage(_Value):
    """How sure OCR was of one page of a scan (0–1; null when the page has no text)."""

    page: int
    confidence: float | None = None
    note: str | None = None  # why the page was left out


@dataclass(frozen=True, slots=True, kw_only=True)
class OcrDoubt(_Value):
    """A field read from text OCR was unsure of, and where that text is on its page."""

    field: str  # `document.title`, `targets[0].text`, `tasks[3].lead`, …
    text: str  # what OCR read there
    confidence: float
    page: int
    box: list[int]  # x0, y0, x1, y1: pixels of the page as read (levelled, at `dpi`)


@dataclass(frozen=True, slots=True, kw_only=True)
class OcrInfo(_Value):
    """Present only on a record read from a scan."""

    engine: str  # `tesseract 5.5.4 vie`
    confidence: float | None = None  # of the whole document
    dpi: int | None = None
    pages: list[OcrPage] = field(default_factory=list)
    low_confidence: list[OcrDoubt] = field(default_factory=list)


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanRecord(_Value):
    # `schema` in the JSON (`to_json`, `parse_record` map the key); `schema_` here, as the
    # record's parts were once pydantic models, on which `schema` is taken
    schema_: str = SCHEMA
    source: Source
    document: DocumentInfo
    targets: list[Target] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    reporting: list[ReportingDuty] = field(default_factory=list)
    ocr: OcrInfo | None = None

    def to_json(self) -> dict[str, Any]:
        """The record as the schema's JSON object (`ocr` only when read from a scan); new
        dicts and lists throughout, so the caller may change them."""
        fields_ = _json(self)
        data = {"schema": fields_.pop("schema_"), **fields_}
        if self.ocr is None:
            del data["ocr"]
        return data


_FIELDS: dict[type, tuple[str, ...]] = {}


def _names(cls: type) -> tuple[str, ...]:
    """The field names of a record part, in order (looked up once per type)."""
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in fields(cls))
    return names


def _json(value: Any) -> Any:
    """A part of the record as JSON values: dicts in field order, lists (of copies)."""
    if isinstance(value, _Value):
        return {name: _json(getattr(value, name)) for name in _names(type(value))}
    if isinstance(value, list | tuple):
        return [_json(v) for v in value]
    return value


def timeframe_json(timeframe: Timeframe) -> dict[str, Any]:
    """A timeframe as the record's JSON writes it."""
    return _json(timeframe)


@cache
def _adapter() -> TypeAdapter[PlanRecord]:
    # pydantic checks dataclasses as it checks its own models (types, literals, nesting, and
    # unknown keys through `__pydantic_config__`); imported on the first record read from
    # outside, never by extraction
    from pydantic import TypeAdapter

    return TypeAdapter(PlanRecord)


def parse_record(data: dict[str, Any]) -> PlanRecord:
    """A plan record from its JSON object, checked: a key the schema lacks, a value of the
    wrong type or a kind it does not know raises `pydantic.ValidationError` (a `ValueError`;
    `problem` says it in one line)."""
    if isinstance(data, dict) and "schema" in data:
        data = {("schema_" if k == "schema" else k): v for k, v in data.items()}
    return _adapter().validate_python(data)


def record_from_json(text: str) -> PlanRecord:
    """A plan record from JSON text (`ValueError` if it is not JSON or not a record)."""
    return parse_record(json.loads(text))


def problem(exc: ValueError) -> str:
    """What is wrong with a record `parse_record` or `record_from_json` refused, in one line:
    the first failed field and why (`tasks.3.lead: Input should be a valid list`)."""
    errors = getattr(exc, "errors", None)
    if not callable(errors):  # not JSON at all
        return str(exc).splitlines()[0]
    found = errors(include_url=False)
    first = found[0]
    where = ".".join("schema" if p == "schema_" else str(p) for p in first["loc"])
    more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
    return f"{where}: {first['msg']}{more}" if where else f"{first['msg']}{more}"
