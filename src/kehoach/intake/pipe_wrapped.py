"""Pipe tables written one printed line to a row: text copied out of a PDF (`pdftotext`
without `-layout`, or a copy-paste) and framed with `|`s line by line.

Each cell's wrapped lines then stand in rows of their own under the row they belong to,
their first cell (the row number) empty: `| 3 | Rà soát, sửa đổi quy định | Sở A, Sở |`
then `|  | về di sản trên địa bàn | B |`. The heading is wrapped the same way (`| … |
Thời gian |` then `|  | … | hoàn thành |`) and printed again at the top of every page, a
bare page number stands between the pages' rows, and a row cut by a page break goes on
after the repeated heading.

Such a table is read back into one row per numbered row, as a Word or PDF table gives it:
a row with an empty first cell joins the row above it, cell by cell (with a space, or with
nothing after a hyphen that ends the line: `80-` + `NQ/TW`), and so does a heading's own
wrapped line; the repeated heading and the page numbers between the rows are dropped.

A table is read so only when it shows the wrapping: its heading goes on in a row below it
(each filled cell opening in lower case, under a filled heading cell), or the rows with an
empty first cell under numbered ones are at least half as many as the numbered rows. Rows
with an empty first cell that a table means as rows of their own keep theirs: a row that
numbers the columns (`| | (1) | (2) |`) and a row that sums a column (`| | Tổng cộng | |
25.400 |`, the words of data/lexicon.toml [tables] total_rows). A heading printed again
after a page number is dropped from every pipe table, wrapped or not (the table goes on)."""

from __future__ import annotations

import re
from functools import cache

from kehoach.intake.pdf_columns import wrap_hyphen
from kehoach.text.lexicon import alternation
from kehoach.text.normalize import fold

_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")


@cache
def _total_row() -> re.Pattern[str]:
    # the whole cell (`Tổng cộng (I+II)`): folded, `Cộng` is also the first word of `Công …`
    return re.compile(r"^" + alternation("tables.total_rows", fold_words=True) + r"\s*(?:[(:].*)?$")


def _cells(line: str) -> list[str]:
    """A pipe row's cells, stripped (a cell's kept line breaks, `\\v`, stay in it)."""
    inner = line.strip()[1:-1]
    return [c.strip() for c in inner.split("|")]


def _line(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _key(cells: list[str]) -> tuple[str, ...]:
    """A row as compared with the heading: its cells folded, spaces collapsed."""
    return tuple(" ".join(fold(c).split()) for c in cells)


def _is_row(line: str) -> bool:
    return bool(_PIPE_ROW.match(line)) and not _PIPE_RULE.match(line)


def _is_gap(line: str) -> bool:
    """A line that may stand between two rows of one table: blank, or a page number."""
    return not line.strip() or bool(_PAGE_NUMBER.match(line))


def column_numbers(cells: list[str]) -> bool:
    """A row that numbers the columns (`| | (1) | (2) |`)."""
    filled = [c for c in cells if c]
    return len(filled) >= 2 and all(_COLUMN_NUMBER.match(c) for c in filled)


def sums(cells: list[str]) -> bool:
    """A row that sums a column (`Tổng cộng`; lexicon `tables.total_rows`)."""
    return any(_total_row().match(fold(c)) for c in cells if c)


def _goes_on(cells: list[str]) -> bool:
    """A row that may be the wrapped lines of the row above: no row number, and text."""
    return not cells[0] and any(cells[1:]) and not column_numbers(cells) and not sums(cells)


def heading_goes_on(heading: list[str], cells: list[str]) -> bool:
    """A row that is the heading's own wrapped line (`hoàn thành` under `Thời gian`)."""
    filled = [(i, c) for i, c in enumerate(cells) if c]
    return (
        not cells[0]
        and bool(filled)
        and not column_numbers(cells)
        and all(i < len(heading) and heading[i] and c[:1].islower() for i, c in filled)
    )


def _join(row: list[str], more: list[str]) -> list[str]:
    out = list(row) + [""] * (len(more) - len(row))
    for c, piece in enumerate(more):
        if piece:
            joiner = "" if wrap_hyphen(out[c]) and piece[:1].isalnum() else " "
            out[c] = f"{out[c]}{joiner}{piece}" if out[c] else piece
    return out


def _table_end(lines: list[str], i: int) -> int:
    """The line after the pipe table that opens at line i: its rows, rules, and the blank
    lines and page numbers that stand between two of its rows."""
    end = i
    j = i
    while j < len(lines):
        if _PIPE_ROW.match(lines[j]):
            j += 1
            end = j
        elif _is_gap(lines[j]):
            j += 1
        else:
            break
    return end


def join_wrapped_rows(lines: list[str]) -> list[str]:
    """Lines with every pipe table written a printed line to a row read back into whole
    rows, and every heading repeated after a page number dropped (see the module's doc)."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not _is_row(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        end = _table_end(lines, i)
        out += _table(lines[i:end])
        i = end
    return out


def _table(lines: list[str]) -> list[str]:
    heading = _cells(lines[0])
    k = 1
    heading_more: list[list[str]] = []  # the heading's wrapped lines
    while k < len(lines) and (_PIPE_RULE.match(lines[k]) or _is_row(lines[k])):
        if _is_row(lines[k]):
            cells = _cells(lines[k])
            if not heading_goes_on(heading, cells):
                break
            heading_more.append(cells)
        k += 1
    keys = [_key(heading), *(_key(c) for c in heading_more)]
    body = _without_repeated_headings(lines[k:], keys)
    if not _wrapped(body, bool(heading_more)):
        return [lines[0], *lines[1:k], *body] if len(body) < len(lines) - k else lines
    joined = heading
    for cells in heading_more:
        joined = _join(joined, cells)
    out = [_line(joined), *(ln for ln in lines[1:k] if not _is_row(ln))]
    row: list[str] | None = None
    for line in body:
        if not _is_row(line):
            if _PIPE_RULE.match(line):
                out.append(line)
            continue  # a page number or a blank line between two rows
        cells = _cells(line)
        if row is not None and _goes_on(cells):
            row = _join(row, cells)
            continue
        if row is not None:
            out.append(_line(row))
        row = cells
    if row is not None:
        out.append(_line(row))
    return out


def _without_repeated_headings(body: list[str], keys: list[tuple[str, ...]]) -> list[str]:
    """The body without each heading printed again after a page number (and its wrapped
    lines), nor that page number."""
    out: list[str] = []
    k = 0
    while k < len(body):
        line = body[k]
        if _PAGE_NUMBER.match(line):
            j = k + 1
            while j < len(body) and not body[j].strip():
                j += 1
            n = 0
            while (
                n < len(keys)
                and j + n < len(body)
                and _is_row(body[j + n])
                and _key(_cells(body[j + n])) == keys[n]
            ):
                n += 1
            if n >= 1:
                k = j + n
                continue
        out.append(line)
        k += 1
    return out


# A row's number in its first cell (`3`, `2.1`, `IV`, `a)`)
ROW_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}|[a-zđA-ZĐ])[.)]?$")


def _wrapped(body: list[str], heading_wrapped: bool) -> bool:
    """Whether the body's rows are printed lines (see the module's doc). Only rows numbered
    in their first cell count: under a first column of other words (a timeline's `Quý
    I/2027`, `Tháng 6/2027`) an empty first cell is that cell merged over the rows below it,
    each a row of its own, unless the heading shows the wrapping itself."""
    numbered = going_on = 0
    for line in body:
        if not _is_row(line):
            continue
        cells = _cells(line)
        if cells[0]:
            numbered += 1 if ROW_NUMBER.match(cells[0]) else 0
        elif (numbered or heading_wrapped) and _goes_on(cells):
            going_on += 1
    if not going_on:
        return False
    return heading_wrapped or 2 * going_on >= numbered
