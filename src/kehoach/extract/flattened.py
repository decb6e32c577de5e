"""Task tables whose cells a PDF-to-text step flattened into wrapped lines (family 3)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kehoach.extract.outline import Para
from kehoach.intake.document import Block, Table
from kehoach.model import Task


@dataclass
class Flattened:
    """What flattened tables held: task rows and target statements."""

    tasks: list[Task] = field(default_factory=list)
    target_rows: list[str] = field(default_factory=list)
    target_horizon: int | None = None


def flattened_tables(blocks: list[Block], items: list[Para | Table], doc_year: int | None) -> Flattened:
    """Read task and target tables laid out as flattened text lines."""
    return Flattened()
