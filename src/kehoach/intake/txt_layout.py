"""Text that a PDF-to-text step wrote with its layout kept (`pdftotext -layout`): pages split
by form feeds, a page number on a line of its own, body paragraphs hard-wrapped (and, when
justified, padded with extra spaces), and tables whose cells stand in columns of spaces.

Such text is read back into what the PDF reader gives: a table is found from its heading
line (three or more column headings, `TT  Nhiệm vụ  Cơ quan chủ trì …`, made of the words of
`data/lexicon.toml` [tables] header_words) and its columns from where the lines below it
start their pieces (the starts that recur over the rows); each line's words go to the column
they start in, a row begins at a blank line (when rows are set apart by them) or at a second
text in the first column (so a row number centred on a middle line of its row still opens
its row), and a table cut by a page break goes on on the next page, its repeated heading
dropped (`pdf_columns.continue_grid`). Wrapped body lines are joined back into paragraphs;
a line holding two blocks side by side (`Nơi nhận:` and the signature) keeps them apart
with two spaces, as the PDF reader writes them.

Text is read this way only when it has the marks of such output: form feeds between pages,
or a justified right edge that many lines reach. A text that merely has some double spaces
is left as it is."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from itertools import pairwise

from kehoach.intake.document import Block, Table
from kehoach.intake.pdf_columns import Grid, continue_grid, wrap_hyphen
from kehoach.text.lexicon import alternation
from kehoach.text.normalize import fold

_PAGE_NUMBER = re.compile(r"^[\s\-–—.]*(?:trang\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?[\s\-–—.]*$", re.I)
_GAP = re.compile(r" {2,}")
_WORD = re.compile(r"\S+")
_SIDE_GAP = 4  # spaces: wider than a justified line's padding, two blocks side by side
_SIDE = re.compile(f" {{{_SIDE_GAP},}}")
_SIDE_IN = re.compile(rf"\S {{{_SIDE_GAP},}}\S")
_MARKER = re.compile(
    r"^(?:[-–—+•●▪◦*]\s|\(?\d{1,3}(?:\.\d{1,3})*[.)]\s|[IVXLC]{1,6}[.)]\s|\(?[a-zđ][.)]\s)"
)
_GROUP = re.compile(r"^(?:[IVXLC]{1,6}|[A-Z]|\d{1,3}(?:\.\d{1,3})*)[.)]?$")


@cache
def _header_line() -> re.Pattern[str]:
    """A piece of text made only of column-heading words, folded."""
    w = alternation("tables.header_words", fold_words=True) + r"\b"
    return re.compile(rf"^[\s(]*{w}(?:[\s,/;()&+.:-]+{w})*[\s).:]*$")


def is_layout(text: str) -> bool:
    """Whether text looks like `pdftotext -layout` output: form feeds between pages with
    indented text, or a justified right edge (many long lines ending at one column)."""
    lines = [ln.rstrip() for ln in text.split("\n")]
    if "\f" in text and sum(1 for ln in lines if ln.startswith("    ")) >= 5:
        return True
    ends = Counter(len(ln) for ln in lines if len(ln) >= 50 and "  " in ln.strip())  # a gap
    long = sum(1 for ln in lines if len(ln) >= 50)
    if not ends or long < 10:
        return False
    column, n = ends.most_common(1)[0]
    near = sum(c for e, c in ends.items() if abs(e - column) <= 1)
    return n >= 8 and near >= 0.3 * long


def _words(line: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(line)]


def _pieces(line: str) -> list[tuple[int, str]]:
    """A line cut at runs of two or more spaces: (start column, text)."""
    out: list[tuple[int, str]] = []
    pos = 0
    for part in _GAP.split(line):
        start = line.index(part, pos) if part else pos
        if part.strip():
            out.append((start, part.strip()))
        pos = start + len(part)
    return out


def _is_header(line: str) -> bool:
    pieces = _pieces(line)
    return len(pieces) >= 3 and all(_header_line().match(fold(p)) for _, p in pieces)


def _header_more(line: str) -> bool:
    pieces = _pieces(line)
    return bool(pieces) and all(_header_line().match(fold(p)) for _, p in pieces)


_LEAD = 2  # heading lines above the one that names three columns (`Cơ quan      Thời gian`)


def _heading_length(lines: list[str], i: int) -> int:
    """How many lines of a table's heading start at line i (0: none). A heading of three
    lines centres each column's words, so its first line may name only the columns whose
    heading wraps (`Cơ quan   Thời gian` over `TT  Nội dung  …`): up to `_LEAD` such lines,
    made only of heading words, belong to the line below that names three columns or more."""
    k = i
    while (
        k < len(lines)
        and k - i < _LEAD
        and lines[k].strip()
        and not _is_header(lines[k])
        and _header_more(lines[k])
    ):
        k += 1
    if k >= len(lines) or not _is_header(lines[k]):
        return 0
    k += 1
    while k < len(lines) and lines[k].strip() and _header_more(lines[k]):
        k += 1
    return k - i


def _start_counts(lines: list[str]) -> Counter[int]:
    counts: Counter[int] = Counter()
    for line in lines:
        for start, _ in _pieces(line):
            counts[start] += 1
    return counts


def _starts(lines: list[str], head: list[str], width: int | None = None) -> list[int]:
    """Column starts: in each space between two headings (headings may be centred over their
    columns), where most pieces of the lines below start; without a heading, the `width`
    places where most pieces start."""
    counts = _start_counts(lines)
    if not head:
        top: list[int] = []
        for pos, _ in counts.most_common():
            if all(abs(pos - t) > 2 for t in top):
                top.append(pos)
            if len(top) == width:
                break
        return sorted(top)
    spans: list[list[int]] = []
    for start, text in sorted(p for line in head for p in _pieces(line)):
        if spans and start <= spans[-1][1] + 1:
            spans[-1][1] = max(spans[-1][1], start + len(text))
        else:
            spans.append([start, start + len(text)])
    starts: list[int] = []
    for k, (a, _) in enumerate(spans):
        lo = spans[k - 1][1] - 1 if k else 0
        window = [p for p in counts if lo < p <= a + 1]
        starts.append(max(window, key=lambda p: (counts[p], -p)) if window else a)
    if starts:
        starts[0] = min([starts[0], *(p for p in counts if p < starts[0])], default=starts[0])
    return starts


_SHIFT = 3  # characters: a column's first word may stand this far left of the column


def _column(starts: list[int], x0: int, x1: int | None = None) -> int:
    """The column a word (or a piece's middle) starts in; a word that begins just before a
    column start and runs on past it is that column's (the text grid is only roughly true
    to the page: a column's first word may be set a few characters left)."""
    col = max(0, sum(1 for s in starts if s <= x0 + 1) - 1)
    if x1 is not None and col + 1 < len(starts):
        nxt = starts[col + 1]
        if x0 >= nxt - _SHIFT and x1 >= nxt + 1:
            col += 1
    return col


def _straddles(line: str, starts: list[int]) -> bool:
    """Whether a word of the line runs across a column start (body text, not a row)."""
    return any(x0 < s - _SHIFT and x1 >= s + 1 for x0, x1, _ in _words(line) for s in starts[1:])


def _spanning(line: str, starts: list[int]) -> str | None:
    """A group row (`II  TITLE ACROSS THE COLUMNS`): its title, which runs past column 1."""
    pieces = _pieces(line)
    if len(pieces) == 2 and _GROUP.match(pieces[0][1]) and _column(starts, pieces[1][0]) == 1:
        return pieces[1][1]
    return None


def _only_in(line: str, starts: list[int], col: int) -> bool:
    return all(_column(starts, x0, x1) == col for x0, x1, _ in _words(line))


def _rights(lines: list[str], starts: list[int]) -> list[int]:
    """How far right each column's text reaches, from the pieces that keep to one column."""
    rights = [0] * len(starts)
    for line in lines:
        for start, text in _pieces(line):
            end = start + len(text)
            col = _column(starts, start)
            if _column(starts, end - 1) == col:
                rights[col] = max(rights[col], end)
    return rights


def _cells(line: str, starts: list[int], rights: list[int] | None = None) -> list[str]:
    """A line's words in their columns. A word set with one space after the text of the
    column before, yet reaching further right than that column's text does anywhere else,
    opens the next column (`… Công Từ năm 2026`: `Từ` is the time cell's)."""
    cells = [""] * len(starts)
    floor = 0
    for x0, x1, word in _words(line):
        c = max(floor, _column(starts, x0, x1))
        if (
            rights
            and c + 1 < len(starts)
            and rights[c]
            and x1 > rights[c] + 1
            and x0 >= starts[c + 1] - 2 * _SHIFT
        ):
            c += 1
        floor = c
        cells[c] = f"{cells[c]} {word}" if cells[c] else word
    return cells


def _header_cells(lines: list[str], starts: list[int]) -> list[str]:
    """The heading's pieces, each in the column its middle falls in (headings are centred)."""
    cells = [""] * len(starts)
    for line in lines:
        for start, text in _pieces(line):
            c = _column(starts, start + len(text) // 2)
            cells[c] = f"{cells[c]} {text}".strip()
    return cells


def _grid(
    header: list[str], body: list[str], starts: list[int], page: int, spaced: bool | None = None
) -> tuple[Grid, bool]:
    """The rows of a table's body lines, under its heading row (if any), and whether blank
    lines set the rows apart (`spaced`: known from the page before, for a table going on)."""
    width = len(starts)
    rows: list[list[str]] = [header] if header else []
    spans: list[list[bool]] = [[False] * width] if header else []
    filled = [k for k, ln in enumerate(body) if ln.strip()]
    blank_rows = bool(filled) and any(not ln.strip() for ln in body[filled[0] : filled[-1]])
    blank_rows = blank_rows or bool(spaced)
    rights = _rights(body, starts)
    open_row = False  # the last row takes the next line's pieces
    in_title = False
    for line in body:
        if not line.strip():
            open_row, in_title = False, False
            continue
        title = _spanning(line, starts)
        if title is not None:
            head = _pieces(line)[0][1]
            rows.append([head] + [title] * (width - 1))
            spans.append([False, False] + [True] * (width - 2))
            open_row, in_title = True, True
            continue
        if in_title and (_straddles(line, starts) or _only_in(line, starts, 1)):
            title = f"{rows[-1][1]} {line.strip()}"
            rows[-1][1:] = [title] * (width - 1)
            continue
        in_title = False
        cells = _cells(line, starts, rights)
        new_row = not open_row or (cells[0] and (rows[-1][0] or not blank_rows))
        if new_row:
            rows.append(cells)
            spans.append([False] * width)
            open_row = True
            continue
        last = rows[-1]
        for c, piece in enumerate(cells):
            if piece:
                joiner = "" if wrap_hyphen(last[c]) else " "
                last[c] = f"{last[c]}{joiner}{piece}" if last[c] else piece
    return Grid(rows=rows, spans=spans, page=page), blank_rows


def _table_at(
    lines: list[str], i: int, heading: int, width: int | None
) -> tuple[int, list[str], list[int]]:
    """The end of a table's body starting at line i, and its heading lines (the `heading`
    first ones, `_heading_length`) and columns. With `width`, a heading is not needed: the
    lines go on with a table of that many columns."""
    j = i + heading
    head = lines[i:j]
    starts = _starts(lines[j:], head, width)
    end = j
    while end < len(lines):
        line = lines[end]
        if line.strip() and _straddles(line, starts) and _spanning(line, starts) is None:
            prev = next((ln for ln in reversed(lines[j:end]) if ln.strip()), "")
            if not (
                _spanning(prev, starts) is not None
                and _column(starts, len(line) - len(line.lstrip())) == 1
            ):
                break
        end += 1
    starts = _starts(lines[j:end], head, width) or starts
    return end, head, starts


def _page_items(
    lines: list[str], page: int, open_width: int | None, spaced: bool | None
) -> tuple[list[str | Grid], bool | None]:
    """A page's lines and tables; `open_width`: the width of a table the last page ended in,
    and `spaced`: whether that table's rows were set apart by blank lines. Also whether the
    page's last table set its rows apart so."""
    items: list[str | Grid] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        cont = open_width if i == 0 or not any(ln.strip() for ln in lines[:i]) else None
        heading = _heading_length(lines, i)
        if heading or (cont and line.strip()):
            end, head, starts = _table_at(lines, i, heading, None if heading else cont)
            body_start = i + len(head)
            if len(starts) >= 3 and end > body_start and (head or len(starts) == cont):
                header = _header_cells(head, starts) if head else []
                # the table the last page ended in goes on here: its rows are set apart as
                # they were there (a page holding one row shows no blank line between rows)
                hint = spaced if cont and len(starts) == cont else None
                grid, spaced = _grid(header, lines[body_start:end], starts, page, hint)
                items.append(grid)
                i = end
                continue
        items.append(line)
        i += 1
    return items, spaced


def _drop_page_number(lines: list[str]) -> list[str]:
    filled = [k for k, ln in enumerate(lines) if ln.strip()]
    for k in (filled[:1] + filled[-1:]) if filled else []:
        if _PAGE_NUMBER.match(lines[k]):
            lines = [*lines[:k], "", *lines[k + 1 :]]
    return lines


def _flatten(line: str) -> str:
    """A line's text: a justified line's padding closed up; two blocks side by side (a wide
    gap) kept apart by two spaces."""
    text = line.strip()
    parts = _SIDE.split(text)
    return "  ".join(" ".join(p.split()) for p in parts)


class _Body:
    """The margin and right edge of the body text, to tell wrapped lines from ended ones."""

    def __init__(self, lines: list[str]) -> None:
        long = [ln.rstrip() for ln in lines if len(ln.rstrip()) >= 40 and not _wide(ln)]
        ends = Counter(len(ln) for ln in long)
        self.right = max(ends) if ends else 0
        if ends:  # justified: the column most long lines end at
            column, n = ends.most_common(1)[0]
            if n >= 5:
                self.right = column
        after = [_indent(b) for a, b in pairwise(long) if len(a) >= self.right - 2 and b.strip()]
        self.left = Counter(after).most_common(1)[0][0] if after else 0


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _wide(line: str) -> bool:
    return _SIDE_IN.search(line) is not None


def _continues(prev: str, line: str, body: _Body) -> bool:
    """Whether `line` goes on with the paragraph whose last physical line is `prev`."""
    if not prev.strip() or not line.strip() or _wide(prev) or _wide(line):
        return False
    text = line.strip()
    # a dash wrapped to the line's start (`chính trị - xã hội`) opens no item
    dash_wrapped = text[:1] in "-–—" and text[2:3].islower()
    if abs(_indent(line) - body.left) > 1 or (_MARKER.match(text) and not dash_wrapped):
        return False
    first = line.split()[0]
    room = body.right - len(prev.rstrip())
    if room > len(first) + 1 + max(2, body.right // 12):
        return False  # the line's first word would have fitted: `prev` ended there
    return not (text.upper() == text and prev.strip().upper() != prev.strip())


def read_layout(text: str) -> list[Block]:
    """The blocks of text written with its layout kept: paragraphs joined, tables rebuilt."""
    pages = [_drop_page_number(p.split("\n")) for p in text.split("\f")]
    paged: list[list[str | Grid]] = []
    open_width: int | None = None
    spaced: bool | None = None
    for number, lines in enumerate(pages, start=1):
        items, spaced = _page_items(lines, number, open_width, spaced)
        tail = [x for x in items if not (isinstance(x, str) and not x.strip())]
        ends_in_table = bool(tail) and isinstance(tail[-1], Grid)
        if ends_in_table:
            tail[-1].ends_page = True  # type: ignore[union-attr]
        open_width = tail[-1].width if ends_in_table else None  # type: ignore[union-attr]
        paged.append(items)
    body = _Body([x for items in paged for x in items if isinstance(x, str)])
    blocks: list[str | Grid] = []
    prev_line = ""  # the last physical line of the paragraph being built
    for items in paged:
        for k, item in enumerate(items):
            last = blocks[-1] if blocks else None
            if isinstance(item, Grid):
                first = all(isinstance(x, str) and not x.strip() for x in items[:k])
                if first and isinstance(last, Grid) and last.ends_page and last.width == item.width:
                    continue_grid(last, item)
                    prev_line = ""
                    continue
                blocks.append(item)
                prev_line = ""
                continue
            if not item.strip():
                if k > 0:  # a blank line ends a paragraph; the page's top margin does not
                    prev_line = "" if any(str(x).strip() for x in items[:k]) else prev_line
                continue
            if isinstance(last, str) and prev_line and _continues(prev_line, item, body):
                joiner = "" if wrap_hyphen(last) and item.strip()[:1].isalnum() else " "
                blocks[-1] = f"{last}{joiner}{_flatten(item)}"
            else:
                blocks.append(_flatten(item))
            prev_line = item
    return [
        Table(rows=b.rows, spans=b.spans, page=b.page) if isinstance(b, Grid) else b for b in blocks
    ]
