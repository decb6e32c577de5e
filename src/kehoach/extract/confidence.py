"""How sure the reader is of each task and target, and why not more.

A task read from a table row is surer than one read from a heading above a bullet; any
doubt the officer can check (an agency the register does not know, no agency, no timeframe,
a number without a subject) lowers it and is named in `reasons`, which the import review
page highlights.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kehoach.extract.agencies import registered
from kehoach.model import Reason, Target, Task

# The evidence a task was read from, and how far it is trusted before any doubt.
EVIDENCE = {
    "table": 0.95,
    "flattened_table": 0.9,
    "parenthesis": 0.9,
    "labels": 0.9,
    "closing": 0.85,
    "subject": 0.85,
    "heading": 0.85,
    # `Chỉ đạo Sở Y …` under a heading's body (`directed.py`): the heading and the item agree
    "directed": 0.85,
    # a body the item hands its work to after what it first says (`… . Giao Sở X …`)
    "handed": 0.8,
}
PENALTY: dict[Reason, float] = {
    "no_agency": 0.4,
    "agency_not_in_register": 0.15,
    "no_timeframe": 0.1,
    "metric_without_subject": 0.2,
}
_GENERIC = re.compile(r"(?i)^(các|cơ quan|đơn vị|địa phương|cấp|lực lượng|chính quyền)\b")


def unregistered(names: list[str]) -> list[str]:
    """The named bodies among `names` that the agency register does not hold (generic groups
    such as `các sở, ban, ngành` are not expected there)."""
    known = registered()
    return [n for n in names if n not in known and not _GENERIC.match(n)]


def _score(base: float, reasons: list[Reason]) -> float:
    return round(max(0.05, base - sum(PENALTY[r] for r in reasons)), 2)


def assess_task(task: Task, evidence: str) -> Task:
    """The task with its confidence and the reasons for doubt."""
    reasons: list[Reason] = []
    if not (task.lead or task.directing):
        reasons.append("no_agency")
    if unregistered(task.directing + task.lead + task.coordinating):
        reasons.append("agency_not_in_register")
    if task.timeframe.kind == "unknown":
        reasons.append("no_timeframe")
    base = EVIDENCE.get(evidence, 0.8)
    return replace(task, confidence=_score(base, reasons), reasons=reasons)


def assess_target(target: Target) -> Target:
    """The target with its confidence: lower when a number's subject was not read."""
    reasons: list[Reason] = []
    if any(not (m.subject or "").strip(" %") for m in target.metrics):
        reasons.append("metric_without_subject")
    return replace(target, confidence=_score(0.9, reasons), reasons=reasons)
