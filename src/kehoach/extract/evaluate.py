"""Measuring extraction against expected records (the maintainers' `plan_score`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from kehoach.errors import InputError
from kehoach.extract import extract_file
from kehoach.extract.plan_score import score


@dataclass(frozen=True)
class Scored:
    """One document's figures."""

    name: str
    figures: dict[str, float]


def evaluate_folder(samples: Path, expected: Path) -> list[Scored]:
    """Score every document in `samples` that has `expected/NAME.json` (each form of it: a
    plan as .txt, .docx and .pdf gives three rows); expected records without a document in
    the folder are skipped, so one folder of records serves the text, Word and PDF forms."""
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
            rows.append(Scored(name, score(truth, extract_file(doc).to_json())))
    if records and not rows:
        raise InputError(
            "no document for any of {n} expected records", where=str(samples), n=len(records)
        )
    return rows
