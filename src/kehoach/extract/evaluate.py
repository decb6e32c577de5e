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
    """Score every document in `samples` that has `expected/NAME.json`."""
    if not expected.is_dir():
        raise InputError("expected-records folder not found", where=str(expected))
    rows: list[Scored] = []
    for exp in sorted(expected.glob("*.json")):
        doc = next((p for p in sorted(samples.glob(exp.stem + ".*")) if p.suffix != ".json"), None)
        if doc is None:
            raise InputError("no document for {name}", where=str(samples), name=exp.name)
        actual = extract_file(doc).to_json()
        rows.append(Scored(exp.stem, score(json.loads(exp.read_text(encoding="utf-8")), actual)))
    return rows
