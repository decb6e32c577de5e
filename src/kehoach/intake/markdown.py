"""Markdown as a converter writes a plan out (pandoc, an LLM, a wiki export): the parts of it
that are layout, not the officials' words, taken away before the text is read line by line.

- Hard wraps. A converter may wrap every paragraph and list item at a fixed width (pandoc:
  72 columns), a list item's later lines indented under its first. A line is joined to the
  one above when the line above was wrapped, that is when the line's first word would not
  have fitted on it within the width the text is wrapped at; the width is the widest such
  line, and the text counts as wrapped only when most lines that go on without a blank line
  fill it so. A text that keeps a paragraph a line is left as it is.
- Backslash escapes (`\\-`, `\\+`, `\\*`, `2026\\.`): a converter escapes the punctuation that
  would otherwise be read as markdown (a typed dash opening a paragraph would become a list
  item). The escaped character is the officials' own; it is hidden from the mark cleaning
  and the table reading as a stand-in (`hide_escapes`) and put back after (`unhide`).
- Footnotes: a reference (`[^1]`) and the note's text (`[^1]: …`, its later lines indented)
  are dropped, as the .docx reader leaves footnotes out.

A text is read so only when it has at least two kinds of markdown marks (ATX headings,
escapes, footnotes, `**strong**` emphasis, a pipe table's alignment row), so a plain text that
happens to hold one of them (a `**` or a backslash) keeps its lines."""

from __future__ import annotations

import re

# Marks that only markdown writes; each kind found counts once.
_SIGNS = (
    re.compile(r"^#{1,6}\s+\S", re.MULTILINE),  # an ATX heading
    re.compile(r"\\[-+*_#.()\[\]!`>|]"),  # a backslash escape
    re.compile(r"\[\^[^\]\s]+\]"),  # a footnote reference
    re.compile(r"\*\*\S[^*\n]*\*\*"),  # strong emphasis
    re.compile(r"^\s*\|?\s*:?-{3,}:?\s*\|", re.MULTILINE),  # a pipe table's alignment row
)
_MARKDOWN_SIGNS = 2

# CommonMark lets any ASCII punctuation be escaped by a backslash.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# Escaped characters stand in the Unicode private use area while they are hidden.
_HIDDEN = 0xE000
_HIDDEN_RE = re.compile(r"[\ue000-\ue07f]")

_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\](?!:)")
_FOOTNOTE_DEF = re.compile(r"^\s{0,3}\[\^[^\]\s]+\]:")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s|$)")
_LIST_ITEM = re.compile(r"^\s{0,3}(?:[*+-]|\d{1,9}[.)])\s+\S")
_TABLE_LINE = re.compile(r"^\s*[|+]")  # a pipe table's row or a grid table's border

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


def without_footnotes(lines: list[str]) -> list[str]:
    """The lines without footnote references and without the notes' own text (a note's
    first line `[^1]: …` and its later lines, which are indented or go on without a blank)."""
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
        out.append(_FOOTNOTE_REF.sub("", line) if "[^" in line else line)
    return out


def _opens_block(line: str) -> bool:
    """A line that opens a block of its own, whatever is above it."""
    return bool(
        _HEADING.match(line) or _LIST_ITEM.match(line) or _TABLE_LINE.match(line)
    )


def _first_word(line: str) -> str:
    words = line.split(maxsplit=1)
    return words[0] if words else ""


def _pairs(lines: list[str]) -> list[tuple[str, str]]:
    """Each line with text and the line after it, when that one goes on the same block."""
    return [
        (a.rstrip(), b)
        for a, b in zip(lines, lines[1:], strict=False)
        if _joinable(a) and b.strip() and not _opens_block(b)
    ]


def wrap_width(lines: list[str]) -> int | None:
    """The width the text's paragraphs were hard-wrapped at, or None when they were not: the
    widest line that another goes on from, when most such lines are full at that width."""
    pairs = _pairs(lines)
    if len(pairs) < _WRAPPED_PAIRS:
        return None
    width = max(len(a) for a, _ in pairs)
    full = sum(1 for a, b in pairs if len(a) + 1 + len(_first_word(b)) > width)
    return width if full >= _WRAPPED_SHARE * len(pairs) else None


def unwrapped(lines: list[str]) -> list[str]:
    """The lines with each hard-wrapped paragraph or list item joined back into one line
    (its later lines' indent dropped); other lines as they are."""
    width = wrap_width(lines)
    if width is None:
        return lines
    out: list[str] = []
    last = ""  # the last physical line put out, when the next may go on from it
    for line in lines:
        if last and line.strip() and not _opens_block(line):
            if len(last) + 1 + len(_first_word(line)) > width:
                out[-1] = f"{out[-1].rstrip()} {line.strip()}"
                last = line.rstrip()
                continue
        out.append(line)
        last = line.rstrip() if _joinable(line) else ""
    return out


def _joinable(line: str) -> bool:
    """A line that a wrapped line may go on from: text, not a heading or a table's line."""
    return bool(line.strip()) and not _TABLE_LINE.match(line) and not _HEADING.match(line)
