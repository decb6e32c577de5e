"""Measuring extraction against expected records (the maintainers' `plan_score`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from kehoach.errors import InputError, KehoachError
from kehoach.extract.plan_score import score


@dataclass(frozen=True)
class Scored:
    """One document's figures."""

    name: str
    figures: dict[str, float]


def evaluate_folder(
    samples: Path, expected: Path, failed: list[KehoachError] | None = None
) -> list[Scored]:
    """Score every document in `samples` that has `expected/NAME.json` (each form of it: a
    plan as .txt, .docx and .pdf gives three rows); expected records without a document in
    the folder are skipped, so one folder of records serves the text, Word and PDF forms.
    A document that cannot be read raises its error, naming it; with `failed` given, the
    error is put there and the other documents are scored. A stop (SIGTERM, Ctrl-C) says
    which document was being read (`where` on the exception)."""
    from kehoach.extract.files import extract_one

    if not expected.is_dir():
        raise InputError("expected-records folder not found", where=str(expected))
    rows: list[Scored] = []
    records = sorted(expected.glob("*.json"))
    for exp in records:
        docs = [p for p in sorted(samples.glob(exp.stem + ".*")) if p.suffix != ".json"]
        if not docs:
            continue
        truth = json.loads(exp.read_text(encoding="utf-8"))
        for doc in docs:
            name = exp.stem if len(docs) == 1 else f"{exp.stem}{doc.suffix}"
            try:
                _path, record, _doc, error = extract_one(doc)
            except BaseException as stop:  # SIGTERM, Ctrl-C
                stop.where = doc  # type: ignore[attr-defined]
                raise
            if error is not None:
                if failed is None:
                    raise error
                failed.append(error)
                continue
            assert record is not None  # one of record and error is set
            rows.append(Scored(name, score(truth, record.to_json())))
    if records and not rows and not failed:
        raise InputError(
            "no document for any of {n} expected records", where=str(samples), n=len(records)
        )
    return rows
