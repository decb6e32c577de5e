"""Plain text and markdown: lines, with tab-separated and pipe tables turned into `Table`s."""

from __future__ import annotations

import re

from kehoach.intake import txt_layout
from kehoach.intake.document import Block, Document, Table
from kehoach.intake.encoding import decode_text
from kehoach.text.normalize import nfc

_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
# A row of a pipe table whose closing `|` was lost (OCR): opens with `|` and has cells.
_PIPE_OPEN_ROW = re.compile(r"^\s*\|[^|]*\|")


def read(data: bytes, name: str, sha256: str) -> Document:
    """Read a .txt/.md file."""
    text = nfc(decode_text(data, name)).replace("\r\n", "\n").replace("\r", "\n")
    if txt_layout.is_layout(text):  # pdftotext -layout: paragraphs and tables rebuilt
        return Document(name=name, format="txt", sha256=sha256, blocks=txt_layout.read_layout(text))
    lines = [_unmarked(line) for line in text.split("\n")]
    return Document(name=name, format="txt", sha256=sha256, blocks=to_blocks(lines))


# Markdown marks, which are layout and never words of a plan: a heading's leading `#`s, and
# emphasis (`**bold**`, `*italic*`) opened before a word and closed after one. A `**` glued
# between two words (`YÊU CẦU**1. Mục đích`) stands for a lost line break and is kept: the
# outline splits a paragraph there.
_HEADING_MARK = re.compile(r"^\s{0,3}#{1,6}\s+")
_STRONG = re.compile(r"(?<!\S)\*\*(?=\S)|(?<=\S)\*\*(?!\S)|^\*\*|\*\*$")
_ITALIC = re.compile(r"(?<![^\s(|])\*(?=\w)([^*]*?[^\s*])\*(?![^\s.,;:)|])")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_CELL_BREAK = "\v"  # kept on the row's one line until the row is cut into cells


def _unmarked(line: str) -> str:
    """A line without its markdown marks; in a pipe table's row, a cell's `<br>` (a line
    break inside the cell) becomes a newline once the row is cut into cells (`_cells_pipe`),
    as a .docx cell's paragraphs are joined."""
    line = _HEADING_MARK.sub("", line)
    if _PIPE_ROW.match(line):
        line = _BREAK.sub(_CELL_BREAK, line)
    if "*" in line:
        line = _ITALIC.sub(r"\1", _STRONG.sub("", line))
    return line


def _cells_tab(line: str) -> list[str]:
    return [c.strip() for c in line.split("\t")]


def _cells_pipe(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [c.strip().replace(_CELL_BREAK, "\n") for c in inner.split("|")]


def _pipe_width(line: str) -> int:
    return len(_cells_pipe(line))


_GAP = re.compile(r"(?<=\S)\s{2,}(?=\S)")


def _split_at_gap(row: str) -> str:
    """A row one cell short whose one cell has a wide gap inside (`UBND xã A  Sở B`): OCR
    read the lost `|` there as spaces, so the gap separates two cells again."""
    cells = _cells_pipe(row)
    gapped = [i for i, c in enumerate(cells) if _GAP.search(c)]
    if len(gapped) != 1:
        return row
    i = gapped[0]
    cells[i : i + 1] = _GAP.split(cells[i], maxsplit=1)
    return "| " + " | ".join(cells) + " |"


def _mend_pipe_rows(lines: list[str]) -> list[str]:
    """Put back the pipe rows OCR broke, inside a pipe table only (after its heading row):
    a row whose closing `|` was lost ends at the next row; a row whose cell runs over two
    lines (the next line goes on without a leading `|`) is joined while it has fewer cells
    than the heading, or while the line after ends the row with `|`; a doubled `||`
    counts as one separator when the row then has the heading's cells; and a row one cell
    short is split at a wide gap inside a cell, where the lost `|` was."""
    out: list[str] = []
    width = 0  # cells of the current pipe table's heading row; 0 outside a table
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not (_PIPE_ROW.match(line) or (width and _PIPE_OPEN_ROW.match(line))):
            if line.strip():
                width = 0
            out.append(line)
            continue
        if _PIPE_RULE.match(line):
            out.append(line)
            continue
        if not width:
            width = _pipe_width(line)
            out.append(line)
            continue
        row = line.rstrip()
        while not row.endswith("|") and i < len(lines):
            nxt = lines[i].strip()
            if not nxt or nxt.startswith("|"):
                break
            if _pipe_width(row) >= width and not nxt.endswith("|"):
                break
            row = f"{row} {nxt}"
            i += 1
        if not row.endswith("|"):
            row += " |"
        if "||" in row and _pipe_width(row) > width:
            once = row.strip()[1:-1].replace("||", "|")
            if len(once.split("|")) == width:
                row = f"|{once}|"
        out.append(_split_at_gap(row) if _pipe_width(row) == width - 1 else row)
    return out


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

    for line in _mend_pipe_rows(lines):
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
