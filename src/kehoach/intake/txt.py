"""Plain text and markdown: lines, with tab-separated and pipe tables turned into `Table`s."""

from __future__ import annotations

import re

from kehoach.intake.document import Block, Document, Table
from kehoach.intake.encoding import decode_text
from kehoach.text.normalize import nfc

_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def read(data: bytes, name: str, sha256: str) -> Document:
    """Read a .txt/.md file."""
    text = nfc(decode_text(data, name)).replace("\r\n", "\n").replace("\r", "\n")
    return Document(name=name, format="txt", sha256=sha256, blocks=to_blocks(text.split("\n")))


def _cells_tab(line: str) -> list[str]:
    return [c.strip() for c in line.split("\t")]


def _cells_pipe(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [c.strip() for c in inner.split("|")]


def to_blocks(lines: list[str]) -> list[Block]:
    """Group runs of table-looking lines (tabs or pipes) into `Table` blocks; keep other lines."""
    blocks: list[Block] = []
    rows: list[list[str]] = []
    kind = ""

    def flush() -> None:
        nonlocal rows, kind
        if rows:
            if len(rows) >= 2 or kind == "pipe":
                blocks.append(Table(rows=rows))
            else:  # a lone tabbed line is text with tabs, not a table
                blocks.append("  ".join(rows[0]))
        rows, kind = [], ""

    for line in lines:
        if _PIPE_ROW.match(line):
            if kind != "pipe":
                flush()
                kind = "pipe"
            if not _PIPE_RULE.match(line):
                rows.append(_cells_pipe(line))
            continue
        if "\t" in line.strip() and line.count("\t") >= 2:
            if kind != "tab":
                flush()
                kind = "tab"
            rows.append(_cells_tab(line))
            continue
        if kind and not line.strip():
            continue  # blank lines inside a table (page breaks) keep it open
        flush()
        blocks.append(line)
    flush()
    return blocks
