"""Plain text and markdown: lines, with tab-separated and pipe tables turned into `Table`s."""

from __future__ import annotations

import re

from kehoach.intake import markdown, txt_layout
from kehoach.intake.document import Block, Document, Table
from kehoach.intake.encoding import decode_text
from kehoach.intake.furniture import without_furniture
from kehoach.intake.pipe_wrapped import join_wrapped_rows
from kehoach.intake.tab_lines import join_cell_lines
from kehoach.intake.word_furniture import blocks_without_word_furniture, without_word_furniture
from kehoach.text.normalize import nfc

_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")


def _is_pipe_row(line: str) -> bool:
    """A row of a pipe table (`| … |`); each line is asked several times, and most have no `|`."""
    return "|" in line and _PIPE_ROW.match(line) is not None


_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
# A row of a pipe table whose closing `|` was lost (OCR): opens with `|` and has cells.
_PIPE_OPEN_ROW = re.compile(r"^\s*\|[^|]*\|")


def read(data: bytes, name: str, sha256: str) -> Document:
    """Read a .txt/.md file."""
    text = nfc(decode_text(data, name)).replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not markdown.is_markdown(text):
        if txt_layout.is_layout(text):  # pdftotext -layout: paragraphs and tables rebuilt
            blocks = blocks_without_word_furniture(txt_layout.read_layout(text))
        else:  # a signed PDF's text copied line by line: its stamps and page furniture out,
            # and a Word file's text its contents, notes and comments
            lines = without_word_furniture(without_furniture(lines))
            blocks = to_blocks([_unmarked(x) for x in lines])
        return Document(name=name, format="txt", sha256=sha256, blocks=blocks)
    # a converter's markdown: its paragraphs unwrapped, its footnotes dropped, its grid
    # tables read, its escaped characters kept out of the mark cleaning and the table
    # reading until the end
    blocks = []
    for part in markdown.parts(lines):
        if isinstance(part, Table):
            rows = [["\n".join(map(_unmarked, c.split("\n"))) for c in row] for row in part.rows]
            blocks.append(Table(rows=rows, spans=part.spans))
        else:
            blocks.extend(to_blocks([_unmarked(x) for x in part]))
    return Document(name=name, format="txt", sha256=sha256, blocks=_unhidden(blocks))


def _unhidden(blocks: list[Block]) -> list[Block]:
    """The blocks with markdown's escaped characters back as themselves."""
    return [
        markdown.unhide(b)
        if isinstance(b, str)
        else Table(
            rows=[[markdown.unhide(c) for c in row] for row in b.rows], spans=b.spans, page=b.page
        )
        for b in blocks
    ]


# Markdown marks, which are layout and never words of a plan: a heading's leading `#`s, and
# emphasis (`**bold**`, `*italic*`) opened before a word and closed after one. A `**` glued
# between two words (`YÊU CẦU**1. Mục đích`) stands for a lost line break and is kept: the
# outline splits a paragraph there.
_HEADING_MARK = re.compile(r"^\s{0,3}#{1,6}\s+")
_STRONG = re.compile(r"(?<!\S)\*\*(?=\S)|(?<=\S)\*\*(?!\S)|^\*\*|\*\*$")
_ITALIC = re.compile(r"(?<![^\s(|])\*(?=[\w(“\"])([^*]*?[^\s*])\*(?![^\s.,;:)|])")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_CELL_BREAK = "\v"  # kept on the row's one line until the row is cut into cells
# In a table's cell, one emphasis run closed and the next opened right after it (`**KT. CHỦ
# TỊCH** **PHÓ CHỦ TỊCH** *(Đã ký)*): a pipe row holds its cell on one line, so a converter
# writes the cell's paragraphs, each bold or italic on its own, side by side; a run that
# went on would have been written as one.
_RUN_BREAK = re.compile(r"(?<=[^\s*])(\*{1,3})[ \t]+(?=\*{1,3}[^\s*|])")


def _unmarked(line: str) -> str:
    """A line without its markdown marks; in a pipe table's row, a cell's `<br>` (a line
    break inside the cell) becomes a newline once the row is cut into cells (`_cells_pipe`),
    as a .docx cell's paragraphs are joined."""
    if "#" in line:
        line = _HEADING_MARK.sub("", line)
    if _is_pipe_row(line):
        line = _BREAK.sub(_CELL_BREAK, line)
        if "*" in line:
            line = _RUN_BREAK.sub(rf"\1{_CELL_BREAK}", line)
    if "*" in line:
        line = _ITALIC.sub(r"\1", _STRONG.sub("", line))
    return line


def _cells_tab(line: str) -> list[str]:
    return [c.strip().replace(_CELL_BREAK, "\n") for c in line.split("\t")]


def _cells_pipe(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [c.strip().replace(_CELL_BREAK, "\n") for c in inner.split("|")]


def _pipe_width(line: str) -> int:
    return len(_cells_pipe(line))


_GAP = re.compile(r"(?<=\S)\s{2,}(?=\S)")
# A row's number in its first cell (`3`, `12.`, `IV`): what opens a row that lost its `|`s.
_ROW_NUMBER = r"(?:\d{1,3}|[IVX]{1,5})\.?"
# A row that lost its leading `|` (`2 | Xây dựng … |`) or every `|`, its cells apart by
# wide gaps (`3   Kiểm tra …   Sở A   Sở B`): a row number, then a `|` or a gap.
_BARE_ROW = re.compile(rf"^\s*{_ROW_NUMBER}(?:\s*\||\s{{2,}}\S)")
_GAPPED_ROW = re.compile(rf"^\s*{_ROW_NUMBER}\s{{2,}}\S")
# A line on its own with only a number: a page number, inside a table as well as outside.
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")


def _split_at_gaps(cells: list[str], missing: int) -> list[str] | None:
    """`cells` with `missing` more, cut at the widest gaps inside them (`UBND xã A   Sở
    B`: OCR read a lost `|` there as spaces), when those gaps are wider than every other
    gap, or when one cell alone has a gap and one cell is missing; else None."""
    gaps = [(m.end() - m.start(), i, m) for i, c in enumerate(cells) for m in _GAP.finditer(c)]
    gaps.sort(key=lambda g: -g[0])
    if len(gaps) >= missing and (len(gaps) == missing or gaps[missing - 1][0] > gaps[missing][0]):
        cuts = sorted(((i, m.start(), m.end()) for _, i, m in gaps[:missing]), reverse=True)
        out = list(cells)
        for i, start, end in cuts:  # from the row's end, so earlier offsets stay good
            cell = out[i]
            out[i : i + 1] = [cell[:start], cell[end:]]
        return out
    gapped = {i for _, i, _ in gaps}
    if missing == 1 and len(gapped) == 1:
        i = gapped.pop()
        out = list(cells)
        out[i : i + 1] = _GAP.split(cells[i], maxsplit=1)
        return out
    return None


def _split_at_gap(row: str, width: int) -> str:
    """A row a cell or more short whose cells have wide gaps inside, cut there again."""
    cells = _split_at_gaps(_cells_pipe(row), width - _pipe_width(row))
    return row if cells is None else "| " + " | ".join(cells) + " |"


def _gapped_row(line: str, width: int) -> str | None:
    """A line of a pipe table that lost every `|` (`3   Kiểm tra …   Sở A   Sở B`), its
    cells apart by the gaps OCR read them as, as a pipe row; None when its widest gaps do
    not part it into the table's cells."""
    if not _GAPPED_ROW.match(line):
        return None
    cells = _split_at_gaps([line.strip()], width - 1)
    return None if cells is None else "| " + " | ".join(cells) + " |"


def _opens_row(line: str) -> bool:
    """A pipe line that begins a row of its own: its first cell a row number, or empty."""
    first = _cells_pipe(line)[0]
    return not first or re.fullmatch(_ROW_NUMBER, first) is not None


def _mend_pipe_rows(lines: list[str]) -> list[str]:
    """Put back the pipe rows OCR broke, inside a pipe table only (after its heading row):
    a row whose closing `|` was lost ends at the next row; a row whose cell runs over two
    lines (the next line goes on without a leading `|`) is joined while it has fewer cells
    than the heading, or while the line after ends the row with `|`; a doubled `||`
    counts as one separator when the row then has the heading's cells; a row short of cells
    is split at the wide gaps inside its cells, where the lost `|`s were. A row that lost
    its leading `|` (it opens with its number) or every `|` (its cells apart by wide gaps)
    is a row again, a line that broke before a cell (the next line opens with `|` but no
    row number) is joined to the rest of its row, and a page number does not end the table."""
    out: list[str] = []
    width = 0  # cells of the current pipe table's heading row; 0 outside a table
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if width and not line.lstrip().startswith("|"):
            if _PAGE_NUMBER.match(line):
                out.append(line)  # a page break inside the table: the table goes on
                continue
            gapped = _gapped_row(line, width)
            if gapped is not None:
                out.append(gapped)
                continue
            if _BARE_ROW.match(line) and "|" in line:
                line = "| " + line.strip()  # the row lost its leading `|`
        if not (_is_pipe_row(line) or (width and _PIPE_OPEN_ROW.match(line))):
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
            if not nxt:
                break
            if nxt.startswith("|"):
                # the line broke before a cell (`| 5 | Xây dựng …` / `| Sở A | Sở B | … |`):
                # the rest of the row, when the two make no more cells than the heading
                if _opens_row(nxt) or _pipe_width(row) + _pipe_width(nxt) > width:
                    break
            elif _pipe_width(row) >= width and not nxt.endswith("|"):
                break
            row = f"{row} {nxt}"
            i += 1
        if not row.endswith("|"):
            row += " |"
        if "||" in row and _pipe_width(row) > width:
            once = row.strip()[1:-1].replace("||", "|")
            if len(once.split("|")) == width:
                row = f"|{once}|"
        out.append(_split_at_gap(row, width) if _pipe_width(row) < width else row)
    return out


def _bare_pipes(line: str) -> int:
    """The `|`s of a line that does not open with one (`TT | Chỉ tiêu | ĐVT`; a row whose
    last cells are empty ends with one: `I | Nhóm nhiệm vụ |  |  |`)."""
    inner = line.strip()
    if not inner or inner.startswith("|"):
        return 0
    return inner.count("|")


# How many lines one row of a table without outer `|`s may run over (a cell's own lines)
_BARE_ROW_LINES = 8


def _bare_row(lines: list[str], i: int, bars: int) -> tuple[str, int] | None:
    """The row of a table without outer `|`s (rows of `bars` `|`s) that begins at line `i`,
    and the index of the line after it: the line alone when it has the `|`s, or the lines
    that together have them, where a cell runs over several lines (`2 | Tuyên truyền … |
    Chủ trì: Sở A` / `Phối hợp: Sở B | Hằng năm`), joined by cell line breaks. None when the
    line begins no such row (it has no `|`, or the lines overshoot or run out)."""
    if "|" not in lines[i]:
        return None
    parts: list[str] = []
    count = 0
    for j in range(i, min(len(lines), i + _BARE_ROW_LINES)):
        line = lines[j].strip()
        if not line:
            return None
        parts.append(line)
        count += line.count("|")
        if count >= bars:
            return (_CELL_BREAK.join(parts), j + 1) if count == bars else None
    return None


def _framed_bare_tables(lines: list[str]) -> list[str]:
    """A pipe table written without its outer `|`s (`TT | Chỉ tiêu | ĐVT | Năm 2026`, then
    `1 | Tỷ lệ … | % | 60`): a line with two or more `|`s that does not open with one, and
    one or more rows after it with as many, framed as pipe rows. A row's empty cells at
    either end leave a `|` there (`I | Nhóm nhiệm vụ |  |  |`), a cell that runs over
    several lines is one cell with line breaks (`_bare_row`), and blank lines between rows
    keep the table open. A lone line with `|`s stays text, and so do the rows of a framed
    pipe table (one that lost its leading `|` is mended with its table)."""
    out = list(lines)
    absorbed: set[int] = set()  # the later lines of a row that runs over several
    i = 0
    inside_framed = False  # the last line with text opened with `|`
    while i < len(lines):
        n = 0 if inside_framed else _bare_pipes(lines[i])
        rows: list[tuple[int, int, str]] = []  # (first line, line after, row)
        j = i
        while n >= 2:
            k = j
            while k < len(lines) and not lines[k].strip() and rows:
                k += 1  # blank lines between rows
            got = _bare_row(lines, k, n) if k < len(lines) else None
            if got is None:
                break
            rows.append((k, got[1], got[0]))
            j = got[1]
        if len(rows) >= 2:
            for first, after, text in rows:
                out[first] = f"| {text} |"
                absorbed.update(range(first + 1, after))
            i = rows[-1][1]
            continue
        if lines[i].strip():
            inside_framed = lines[i].lstrip().startswith("|")
        i += 1
    return [line for k, line in enumerate(out) if k not in absorbed]


# A line that opens a row of its own in a tab table: a row number, then the next cell.
_TAB_ROW_START = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVX]{1,5}\.?)\t")
# A tab table's row of one cell merged across it: a numbered title (`I. SỞ NỘI VỤ`).
_ONE_CELL_ROW = re.compile(r"^\s*(?:\d{1,3}|[IVX]{1,5})[.)]\s+\S[^\t]*$")


def _tab_row(lines: list[str], i: int, tabs: int) -> tuple[str, int] | None:
    """The row of a tab table (rows of `tabs` tabs, as its heading) that begins at line `i`
    one or more tabs short and runs over the lines after it, and the index of the line
    after it: a cell holds a line break, and a copy from Word breaks the row's line there
    (`2 → Tham mưu … → Chủ trì: Sở A` / `Phối hợp: Sở B → Quý II/2026 → …`), a line between
    holding only the cell's middle lines. The lines are joined by cell line breaks when
    together they have the heading's tabs; None when the line is no such row's start (it has
    the heading's tabs, or none), or the lines overshoot, run out, meet a blank line or a
    line that opens a row of its own (a row number, then a tab)."""
    count = lines[i].count("\t")
    if not 0 < count < tabs:
        return None
    parts = [lines[i].strip(" ")]
    for j in range(i + 1, min(len(lines), i + _BARE_ROW_LINES)):
        line = lines[j]
        if not line.strip() or _TAB_ROW_START.match(line):
            return None
        parts.append(line.strip(" "))
        count += line.count("\t")
        if count >= tabs:
            return (_CELL_BREAK.join(parts), j + 1) if count == tabs else None
    return None


def _last_cell_lines(lines: list[str], i: int) -> int:
    """How many lines after line `i`, a tab table's row, are its last cell's next lines: a
    break in the last cell leaves the row's tabs all on its first line, and the cell goes on
    over lines of no tab right under it, each in lower case (`… thông báo sau,` / `tùy điều
    kiện thời tiết`); a line in upper case is a row merged across, or the text after."""
    n = 0
    while i + n + 1 < len(lines):
        line = lines[i + n + 1].strip()
        if not line or "\t" in lines[i + n + 1] or not line[0].islower():
            break
        n += 1
    return n


def _mend_tab_rows(lines: list[str]) -> list[str]:
    """A tab table's rows each on one line (`_tab_row`, `_last_cell_lines`): a table begins
    at a line of two tabs or more, its heading, and runs while its lines have tabs, blank
    lines between them."""
    out: list[str] = []
    tabs = 0  # the tabs of the current table's heading; 0 outside a table
    i = 0
    while i < len(lines):
        line = lines[i]
        if tabs and "\t" in line:
            got = _tab_row(lines, i, tabs)
            if got is not None:
                out.append(got[0])
                i = got[1]
                continue
            if line.count("\t") == tabs and (more := _last_cell_lines(lines, i)):
                rest = (x.strip() for x in lines[i + 1 : i + 1 + more])
                out.append(_CELL_BREAK.join([line.rstrip(" "), *rest]))
                i += 1 + more
                continue
        elif "\t" in line.strip() and line.count("\t") >= 2:
            tabs = line.count("\t")
        elif line.strip():
            tabs = 0
        out.append(line)
        i += 1
    return out


def _cell_line_row(line: str, tabs: int) -> bool:
    """A row of a tab table whose only filled cell is not its first (`→ → → UBND các xã`): a
    cell's next line on a row of its own (`tab_lines`); it has the table's tabs or, its empty
    last cells dropped, two or more."""
    return line.startswith("\t") and bool(line.strip()) and 2 <= line.count("\t") <= tabs


def _merged_tab_row(lines: list[str], i: int) -> bool:
    """Line `i`, inside a tab table, is one of its rows with cells merged across (`1 → SỞ NỘI
    VỤ` over the task rows `1.1`, `1.2` of that agency; `I. SỞ NỘI VỤ`, one cell over the whole
    row): Word copies a merged cell as one cell, so the row has fewer tabs than the others,
    or none. It is such a row when it opens as a row does (a row number, then a tab; or, in
    one cell, a numbered title) between two lines of the table with no blank line: the row
    above, and a row below that opens with a row number too (a new table's heading does
    not)."""
    line = lines[i]
    if not (_TAB_ROW_START.match(line) or _ONE_CELL_ROW.match(line)):
        return False
    if not 0 < i < len(lines) - 1:
        return False
    above, below = lines[i - 1], lines[i + 1]
    return (
        above.count("\t") >= 1
        and below.count("\t") >= 2
        and _TAB_ROW_START.match(below) is not None
    )


# A header block typed with one tab between its two columns (issuer and number on the left;
# the motto and the place-date, or a joint plan's second issuer, on the right: `TỈNH ỦY X` tab
# `ỦY BAN NHÂN DÂN TỈNH X`) is read as a table of two columns, as one cut by two tabs or more
# is: its lines, cleaned, would otherwise run the two columns together. Only at a document's
# top: elsewhere a line with one tab is text (an indented line, a two-part list line).
_ABOVE_HEADER = 2  # non-blank lines that may stand above it (`(DỰ THẢO)`, a form's number)
_HEADER_ROWS = 4  # rows a header table has at most (what `extract.metadata` reads as one)


def _two_columns(line: str) -> bool:
    """A line of two texts with one tab between them (not an indented line)."""
    left, tab, right = line.partition("\t")
    return bool(tab) and "\t" not in right and bool(left.strip()) and bool(right.strip())


def _header_rows(lines: list[str]) -> range:
    """Where the header block cut by one tab a line is: two to `_HEADER_ROWS` such lines in a
    row, the first among the document's first non-blank lines; else an empty range."""
    above = 0
    for i, line in enumerate(lines):
        if _two_columns(line):
            end = i
            while end < len(lines) and _two_columns(lines[end]):
                end += 1
            return range(i, end) if 2 <= end - i <= _HEADER_ROWS else range(0)
        if line.strip():
            above += 1
            if above > _ABOVE_HEADER:
                break
    return range(0)


def _tab_goes_on(lines: list[str], i: int, heading: list[str]) -> bool:
    """Whether the tab table line `i` (a page number) stands in goes on after it: the next
    line with text prints the table's heading again, or opens a row (a row number, then a
    tab) as wide as a row may be (the page's rows, with no heading of their own)."""
    nxt = next((line for line in lines[i + 1 :] if line.strip()), "")
    if nxt.count("\t") < 2:
        return False
    return _cells_tab(nxt) == heading or (
        _TAB_ROW_START.match(nxt) is not None and len(_cells_tab(nxt)) <= len(heading)
    )


def to_blocks(lines: list[str]) -> list[Block]:
    """Group runs of table-looking lines (tabs or pipes) into `Table` blocks, and a header
    block's columns cut by one tab (`_header_rows`); keep other lines."""
    header = _header_rows(lines)
    if not header:
        return _blocks(lines)
    table = Table(rows=[_cells_tab(lines[i]) for i in header])
    return [*_blocks(lines[: header.start]), table, *_blocks(lines[header.stop :])]


def _blocks(lines: list[str]) -> list[Block]:
    """Group runs of table-looking lines (tabs or pipes) into `Table` blocks; keep other lines."""
    blocks: list[Block] = []
    rows: list[list[str]] = []
    kind = ""
    tabs = 0  # the most tabs of a row of the current tab table

    def flush() -> None:
        nonlocal rows, kind, tabs
        if rows:
            if kind == "tab":
                rows = join_cell_lines(rows)
            if len(rows) >= 2 or kind == "pipe":
                blocks.append(Table(rows=rows))
            else:  # a lone tabbed line is text with tabs, not a table
                blocks.append("  ".join(rows[0]))
        rows, kind, tabs = [], "", 0

    mended = join_wrapped_rows(_mend_pipe_rows(_framed_bare_tables(_mend_tab_rows(lines))))
    for i, line in enumerate(mended):
        if _is_pipe_row(line):
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
            tabs = max(tabs, line.count("\t"))
            rows.append(_cells_tab(line))
            continue
        if kind == "tab" and _cell_line_row(line, tabs):
            rows.append(_cells_tab(line))
            continue
        if kind == "tab" and _merged_tab_row(mended, i):
            rows.append(_cells_tab(line))
            continue
        if kind and not line.strip():
            continue  # blank lines inside a table (page breaks) keep it open
        if kind == "tab" and _PAGE_NUMBER.match(line) and _tab_goes_on(mended, i, rows[0]):
            continue  # a page number between two of the table's rows: the table goes on
        flush()
        blocks.append(line)
    flush()
    return blocks
