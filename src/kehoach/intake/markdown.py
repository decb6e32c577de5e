"""Markdown as a converter writes a plan out (pandoc, an LLM, a wiki export): the parts of it
that are layout, not the officials' words, taken away before the text is read line by line
(`txt.read`; the emphasis marks and heading `#`s are cleaned there, for any text).

- Hard wraps. A converter may wrap every paragraph and list item at a fixed width (pandoc:
  72 columns), a list item's later lines indented under its first. A line is joined to the
  one above when the line above was wrapped, that is when the line's first word would not
  have fitted on it within the width the text is wrapped at; the width is the widest such
  line, and the text counts as wrapped only when most lines that go on without a blank line
  fill it so. A text that keeps a paragraph a line is left as it is. A hard line break (a
  `\\` ending the line: Word's soft break) keeps the paragraph one line, as the .docx reader
  keeps it one block.
- Block quotes (`> …`: pandoc writes an indented Word paragraph so): the `>` is dropped.
- Backslash escapes (`\\-`, `\\+`, `\\*`, `2026\\.`): a converter escapes the punctuation that
  would otherwise be read as markdown (a typed dash opening a paragraph would become a list
  item). The escaped character is the officials' own; it is hidden from the mark cleaning
  and the table reading as a stand-in (`hide_escapes`) and put back after (`unhide`).
- Footnotes: a reference (`[^1]`) and the note's text (`[^1]: …`, its later lines indented)
  are dropped, as the .docx reader leaves footnotes out. So are images (`![](media/…)`: a
  seal, a signature) and HTML comments; a link or a span with attributes keeps its text
  (`[Độc lập - Tự do - Hạnh phúc]{.underline}`), and inline HTML its text (`<u>…</u>`).
- Grid tables (`+----+----+` borders, `|` between cells, a cell's text over several lines:
  pandoc writes a table so when a cell holds more than one line) are read into `Table`s
  (`grid_table`): a cell's wrapped lines joined, its paragraphs and list items one line
  each; a cell merged across columns or down rows has its text in each place it covers,
  the copies marked in `spans`, as the .docx reader gives a merged cell.

A text is read so only when it has at least two kinds of marks only markdown writes (ATX
headings, escapes, footnotes, `**strong**` emphasis, a pipe table's alignment row, a grid
table's border), so a plain text that happens to hold one of them keeps its lines."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from kehoach.intake.document import Table

# Marks that only markdown writes; each kind found counts once.
_SIGNS = (
    re.compile(r"^#{1,6}\s+\S", re.MULTILINE),  # an ATX heading
    re.compile(r"\\[-+*_#.()\[\]!`>|]"),  # a backslash escape
    re.compile(r"\[\^[^\]\s]+\]"),  # a footnote reference
    re.compile(r"\*\*\S[^*\n]*\*\*"),  # strong emphasis
    re.compile(r"^\s*\|?\s*:?-{3,}:?\s*\|", re.MULTILINE),  # a pipe table's alignment row
    re.compile(r"^\s*\+(?:[-=:]{3,}\+)+\s*$", re.MULTILINE),  # a grid table's border
)
_MARKDOWN_SIGNS = 2

# CommonMark lets any ASCII punctuation be escaped by a backslash.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# Escaped characters stand in the Unicode private use area while they are hidden.
_HIDDEN = 0xE000
_HIDDEN_RE = re.compile(r"[\ue000-\ue07f]")

_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\](?!:)")
_FOOTNOTE_DEF = re.compile(r"^\s{0,3}\[\^[^\]\s]+\]:")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)(?:\{[^}]*\})?")
_LINK = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})")
_COMMENT = re.compile(r"<!--.*?-->")
_INLINE_HTML = re.compile(
    r"</?(?:u|ins|span|mark|sup|sub|em|strong|b|i|s|del|strike|font)\b[^>]*>", re.IGNORECASE
)
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s|$)")
# A heading's closing `#`s and its attributes (`{#ke-hoach .unnumbered}`, from a bookmark)
_HEADING_TAIL = re.compile(r"(?:\s+#+)?(?:\s+\{[^}]*\})?\s*$")
# A list item's first line: a bullet, or a number, letter or Roman numeral and `.` or `)`.
_LIST_ITEM = re.compile(r"^\s*(?:[*+-]|\(?(?:\d{1,9}|[a-zđ]|[IVXLC]{1,6})[.)])\s+\S")
_TABLE_LINE = re.compile(r"^\s*[|+]")  # a pipe table's row or a grid table's line
_HARD_BREAK = re.compile(r"(?<!\\)(?:\\\\)*\\$")  # a line ending in an unescaped `\`

# Lines that go on without a blank line, at least so many, for a text to be read as wrapped
_WRAPPED_PAIRS = 5
# and the share of them whose line above is full (its next word would not have fitted)
_WRAPPED_SHARE = 0.8


def is_markdown(text: str) -> bool:
    """Whether a text has at least two kinds of marks only markdown writes."""
    return sum(1 for sign in _SIGNS if sign.search(text)) >= _MARKDOWN_SIGNS


def hide_escapes(line: str) -> str:
    """The line with each backslash-escaped character in a stand-in the mark cleaning does
    not touch (an escaped `*` is no emphasis, an escaped `|` no cell border)."""
    if "\\" not in line:
        return line
    return _ESCAPE.sub(lambda m: chr(_HIDDEN + ord(m.group(1))), line)


def unhide(text: str) -> str:
    """The text with the escaped characters back as themselves."""
    return _HIDDEN_RE.sub(lambda m: chr(ord(m.group()) - _HIDDEN), text)


def inline_text(line: str) -> str:
    """A line's words without markdown's inline furniture (its escapes already hidden):
    footnote references, images and comments dropped; links, spans and inline HTML kept as
    their text; a heading's closing `#`s and attributes dropped."""
    if "[" in line:
        line = _LINK.sub(r"\1", _FOOTNOTE_REF.sub("", _IMAGE.sub("", line)))
    if "<" in line:
        line = _INLINE_HTML.sub("", _COMMENT.sub("", line))
    if _HEADING.match(line):
        line = _HEADING_TAIL.sub("", line)
    return line


def _without_notes(lines: list[str]) -> list[str]:
    """The lines without the footnotes' own text: a note's first line `[^1]: …` and its later
    lines, indented under it (blank lines between them too)."""
    out: list[str] = []
    in_note = False
    for line in lines:
        if _FOOTNOTE_DEF.match(line):
            in_note = True
            continue
        if in_note:
            if not line.strip() or line.startswith((" ", "\t")):
                continue
            in_note = False
        out.append(line)
    return out


def _unquoted(line: str) -> str:
    """A line of a block quote without its `>`s, which become spaces (the line's width is
    what it was wrapped at)."""
    m = _QUOTE.match(line)
    return " " * m.end() + line[m.end() :] if m and ">" in m.group() else line


def _opens_block(line: str) -> bool:
    """A line that opens a block of its own, whatever is above it."""
    return bool(_HEADING.match(line) or _LIST_ITEM.match(line) or _TABLE_LINE.match(line))


def _joinable(line: str) -> bool:
    """A line that a wrapped line may go on from: text, not a heading or a table's line."""
    return bool(line.strip()) and not _TABLE_LINE.match(line) and not _HEADING.match(line)


def _first_word(line: str) -> str:
    words = line.split(maxsplit=1)
    return words[0] if words else ""


def wrap_width(lines: list[str]) -> int | None:
    """The width the text's paragraphs were hard-wrapped at, or None when they were not: the
    widest line that another goes on from, when most such lines are full at that width."""
    pairs = [
        (a.rstrip(), b)
        for a, b in pairwise(lines)
        if _joinable(a) and b.strip() and not _opens_block(b) and not _HARD_BREAK.search(a)
    ]
    if len(pairs) < _WRAPPED_PAIRS:
        return None
    width = max(len(a) for a, _ in pairs)
    full = sum(1 for a, b in pairs if len(a) + 1 + len(_first_word(b)) > width)
    return width if full >= _WRAPPED_SHARE * len(pairs) else None


def unwrapped(lines: list[str]) -> list[str]:
    """The lines with each hard-wrapped paragraph or list item joined back into one line
    (its later lines' indent dropped), and each line that a hard line break ends joined to
    the next; other lines as they are."""
    width = wrap_width(lines)
    out: list[str] = []
    last = ""  # the last physical line put out, when the next may go on from it
    for line in lines:
        if last and line.strip() and not _opens_block(line):
            broken = _HARD_BREAK.search(last) is not None
            if broken or (width and len(last) + 1 + len(_first_word(line)) > width):
                head = out[-1].rstrip()
                out[-1] = f"{head[:-1].rstrip() if broken else head} {line.strip()}"
                last = line.rstrip()
                continue
        if last and _HARD_BREAK.search(last):
            out[-1] = out[-1].rstrip()[:-1].rstrip()  # a break that ends the paragraph
        out.append(line)
        last = line.rstrip() if _joinable(line) else ""
    if last and _HARD_BREAK.search(last):
        out[-1] = out[-1].rstrip()[:-1].rstrip()
    return out


_GRID_BORDER = re.compile(r"^\s*\+[-=:+| ]*[-=][-=:+| ]*[+|]\s*$")
_GRID_ROW = re.compile(r"^\s*\|.*\|\s*$")


def _is_border(line: str) -> bool:
    return line.lstrip().startswith("+") and _GRID_BORDER.match(line) is not None


def _cell_text(lines: list[str]) -> str:
    """A grid cell's text from its lines: its wrapped lines joined, its paragraphs (apart by
    blank lines) and list items each a line of their own."""
    paragraphs: list[str] = []
    joined: list[str] = []
    for raw in unwrapped([ln.rstrip() for ln in lines]):
        text = raw.strip()
        if not text:
            if joined:
                paragraphs.append(" ".join(joined))
                joined = []
            continue
        if _LIST_ITEM.match(text) and joined:
            paragraphs.append(" ".join(joined))
            joined = []
        joined.append(text)
    if joined:
        paragraphs.append(" ".join(joined))
    return "\n".join(paragraphs)


def grid_table(lines: list[str]) -> Table:
    """A grid table's rows (`lines`: from its top border to its bottom one). The columns
    stand between the `+`s of the borders; a row's lines stand between two borders. A cell
    spans the next column where its lines have no `|` at the column's edge, and the next row
    where the border below it has no `-` over it."""
    base = min(len(ln) - len(ln.lstrip()) for ln in lines)
    lines = [ln[base:].rstrip() for ln in lines]
    edges = sorted({i for ln in lines if _is_border(ln) for i, c in enumerate(ln) if c == "+"})
    bands: list[list[str]] = []  # each row's lines
    rules: list[str] = []  # the border above each row
    for line in lines:
        if _is_border(line):
            rules.append(line)
            bands.append([])
        else:
            bands[-1].append(line)
    if bands and not bands[-1]:
        bands.pop()
    width = len(edges) - 1
    rows: list[list[list[str]]] = []  # each row's cells' lines
    owner: list[list[tuple[int, int]]] = []  # the (row, column) whose text a place shows
    for r, band in enumerate(bands):
        cells: list[list[str]] = [[] for _ in range(width)]
        places: list[tuple[int, int]] = []
        c = 0
        while c < width:
            end = c + 1  # the cell runs to the next edge that its lines mark with `|`
            while end < width and not all(
                len(ln) > edges[end] and ln[edges[end]] in "|+" for ln in band
            ):
                end += 1
            rule = rules[r][edges[c] + 1 : edges[end]] if r < len(rules) else "-"
            down = r > 0 and "-" not in rule and "=" not in rule
            start = owner[r - 1][c] if down else (r, c)
            for ln in band:
                text = ln[edges[c] + 1 : edges[end]] if len(ln) > edges[c] else ""
                (rows[start[0]][start[1]] if down else cells[c]).append(text)
            places.extend([start] * (end - c))
            c = end
        rows.append(cells)
        owner.append(places)
    texts = [[_cell_text(cell) for cell in row] for row in rows]
    return Table(
        rows=[[texts[r][c] for r, c in places] for places in owner],
        spans=[
            [(r, c) != (k, j) for j, (r, c) in enumerate(places)] for k, places in enumerate(owner)
        ],
    )


def parts(lines: list[str]) -> Iterator[list[str] | Table]:
    """A markdown text's runs of lines, cleaned, and its grid tables, in order: the lines
    unwrapped and unquoted, the footnotes' text dropped, the escapes hidden and the inline
    furniture taken away; each grid table a `Table` whose cells are cleaned so."""
    lines = _without_notes(unwrapped([_unquoted(ln) for ln in lines]))
    run: list[str] = []
    i = 0
    while i < len(lines):
        if _is_border(lines[i]):
            end = i + 1
            while end < len(lines) and (_is_border(lines[end]) or _GRID_ROW.match(lines[end])):
                end += 1
            while end > i + 1 and not _is_border(lines[end - 1]):
                end -= 1  # the table ends at its last border
            if end > i + 2:
                if run:
                    yield run
                    run = []
                table = grid_table(lines[i:end])
                yield Table(
                    rows=[
                        [
                            "\n".join(inline_text(hide_escapes(x)) for x in cell.split("\n"))
                            for cell in row
                        ]
                        for row in table.rows
                    ],
                    spans=table.spans,
                )
                i = end
                continue
        run.append(inline_text(hide_escapes(lines[i])))
        i += 1
    if run:
        yield run
