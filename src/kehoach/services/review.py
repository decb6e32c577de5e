"""Reviewing a read plan before it is stored: the document's text beside the record, and the
officer's corrections from the review form applied to the record (`importing.import_record`
then stores it).
"""

from __future__ import annotations

import re
from typing import Any

from kehoach.errors import ValidationError
from kehoach.model import PlanRecord


def source_lines(data: bytes, name: str) -> list[str]:
    """The document's text, line by line, with tables as tab-separated rows."""
    from kehoach.intake import Table, read_bytes

    doc = read_bytes(data, name)
    lines: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Table):
            lines.extend("\t".join(cell for cell in row) for row in block.rows)
        else:
            lines.append(block)
    return lines


def _names(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;\n]", text) if part.strip()]


DOCUMENT_FIELDS = ("title", "number", "issuer", "province", "date", "signer")


def apply_review(record: PlanRecord, form: dict[str, Any]) -> PlanRecord:
    """The record with the review form's values applied.

    Form keys: `doc.<field>`; `task.<i>.text|lead|coordinating|timeframe`
    (agencies separated by `;` or new lines); `target.<i>.text`.
    """
    data = record.to_json()
    for name in DOCUMENT_FIELDS:
        key = f"doc.{name}"
        if key in form:
            value = str(form[key]).strip()
            data["document"][name] = value or None
    for i, task in enumerate(data["tasks"]):
        prefix = f"task.{i}."
        if f"{prefix}text" in form:
            text = str(form[f"{prefix}text"]).strip()
            if not text:
                raise ValidationError("A task's text cannot be empty.", field=f"{prefix}text")
            task["text"] = text
        for role in ("lead", "coordinating"):
            if f"{prefix}{role}" in form:
                task[role] = _names(str(form[f"{prefix}{role}"]))
        if f"{prefix}timeframe" in form:
            raw = str(form[f"{prefix}timeframe"]).strip() or None
            if raw != task["timeframe"].get("raw"):
                task["timeframe"] = _reparse_timeframe(raw, task["timeframe"])
    for i, target in enumerate(data["targets"]):
        key = f"target.{i}.text"
        if key in form and str(form[key]).strip():
            target["text"] = str(form[key]).strip()
    return PlanRecord.model_validate(data)


def _reparse_timeframe(raw: str | None, old: dict) -> dict:
    """A changed timeframe text, read again by the extractor when it can be."""
    if raw is None:
        return {"raw": None, "kind": "unknown", "start": None, "end": None, "every": None}
    from kehoach.extract.timeframes import parse_timeframe

    try:
        return parse_timeframe(raw).model_dump(mode="json")
    except (ValueError, TypeError):
        return {**old, "raw": raw}
