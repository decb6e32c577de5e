"""What a plan's text carries of Word's own making, dropped as the text is read: it is never
a part of the plan, and left in it lends a target a reviewer's figure, a document number a
footnote's digit (`09-CTr/TU2`), an agency list a deleted name, and puts a table of contents
above the header.

- a table of contents: its heading (`MỤC LỤC`) and the entries under it, each closed by a
  page number after a tab or a leader of dots, or by the error text Word prints where the
  page's bookmark is gone; that error text anywhere else (a broken cross-reference);
- a reviewer's comment or a tracked change in brackets, as Word writes them out
  (`[Sở Tài chính góp ý: …]`, `[Đã xóa: 08]`; an insertion `[Đã chèn: …]` keeps its text);
- footnotes: the note's text, at a page's end inside the body (`3 Theo số liệu …`, `¹ Nghị
  quyết …`) or after a rule at the end (`[1] Chương trình …`, a comment's `[NTH1]…`), and its
  mark glued to a word or a number (`80-NQ/TW¹`, `tỉnh3.`, `Sở VHTTDL8`, `[1]`, `[NTH1]`).
  A note numbered with plain digits is one only when its mark is found: the same number
  glued to the end of a word before it, after the mark of the note before it (notes are
  numbered in the order of their marks), so a paragraph that opens with a number is not
  taken for one. A raised figure after a unit (`m²`) is the unit's, written as a digit;
- soft hyphens and other invisible characters; no-break spaces as spaces.

The words (the heading, the error texts, the labels of comments and changes, the units) are
the lexicon's (`[furniture]`)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from kehoach.intake.document import Block, Table
from kehoach.intake.furniture import next_line
from kehoach.text import lexicon
from kehoach.text.normalize import fold

_INVISIBLE = str.maketrans(
    {"\u00ad": None, "\u200b": None, "\ufeff": None, "\u00a0": " ", "\u202f": " ", "\u2007": " "}
)
_RAISED_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_DIGITS = str.maketrans(_RAISED_DIGITS, "0123456789")
# A raised figure glued to what comes before it (`TW¹`, `m²`)
_RAISED = re.compile(rf"(?<=\S)[{_RAISED_DIGITS}]+")
# The word a mark is glued to, at the end of the text before it
_LAST_WORD = re.compile(r"([^\W\d_]+)$")
# A bracketed label and text (`[Sở Tài chính góp ý: …]`), with the spaces before it; never
# across a table's cells (tabs) or into another bracket
_BRACKETED = re.compile(r"[ ]*\[([^\[\]\t\n:]{1,80}):[ ]*([^\[\]\t\n]*)\]")
# A footnote's own text: opened by raised figures, by a label in brackets (a number, or a
# comment's initials and number), or by a plain number and a space
_RAISED_NOTE = re.compile(rf"^\s*[{_RAISED_DIGITS}]+\s*\S")
_LABEL = r"\d{1,3}|[A-ZĐ]{1,6}\d{1,3}"
_BRACKET_NOTE = re.compile(rf"^\s*\[({_LABEL})\]\s*\S")
_NUMBER_NOTE = re.compile(r"^\s*(\d{1,3}) +(\S)")
_NOTE_OPENING = re.compile(rf"^\s*(?:[{_RAISED_DIGITS}\[]|\d{{1,3}} )")
# A note's mark in brackets (`[1]`, a comment's `[NVA1]`)
_BRACKET_MARK = re.compile(rf"\[(?:{_LABEL})\]")
# A note's mark in plain digits: a number glued to the end of a word, a closing bracket or
# quote, or a `%` (`TU2`, `tỉnh3.`, `(…)7`, `95%3`); the look-behind after the first digit,
# so that the engine skips to the digits
_GLUED = re.compile(r"\d(?<=[^\W\d_]\d|[)\]”’\"%]\d)\d{0,2}(?!\w)")
# The rule a text saved out of Word puts over the notes at its end
_RULE = re.compile(r"^\s*_{4,}\s*$")
# A table of contents' entry: its page number after a tab, two spaces (a tab as the .docx
# reader writes it) or a leader of dots
_PAGE_NUMBER = re.compile(r"\S(?:\t|  |[.…·_]{3,})[ .…·_\t]*(?:\d{1,4}|[ivxlc]{1,6})\s*$", re.I)
# A contents' heading is no longer than this (`MỤC LỤC`, spaced out or with a colon)
_HEADING_LENGTH = 30
# What a text needs before any of this is looked for (most lines of most plans have none)
_SCREEN = re.compile(rf"[\[\u00ad\u200b\ufeff\u00a0\u202f\u2007{_RAISED_DIGITS}]|!")


class _Words(NamedTuple):
    """The lexicon's words, folded."""

    headings: frozenset[str]
    errors: tuple[str, ...]
    comment: re.Pattern[str]
    deleted: frozenset[str]
    inserted: frozenset[str]
    formats: frozenset[str]
    units: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    comment = lexicon.alternation("furniture.comment_words", fold_words=True)
    return _Words(
        headings=lexicon.folded("furniture.contents_headings"),
        errors=lexicon.words("furniture.field_errors"),
        comment=re.compile(rf"(?<!\w){comment}(?!\w)"),
        deleted=lexicon.folded("furniture.deleted_labels"),
        inserted=lexicon.folded("furniture.inserted_labels"),
        formats=lexicon.folded("furniture.format_labels"),
        units=lexicon.folded("furniture.power_units"),
    )


def without_word_furniture(lines: list[str]) -> list[str]:
    """The lines of a text without Word's furniture (module doc); a table's rows, their
    cells cut by tabs, are lines too."""
    texts, drop = _cleaned(lines, [True] * len(lines))
    return [t for i, t in enumerate(texts) if i not in drop]


def blocks_without_word_furniture(blocks: list[Block]) -> list[Block]:
    """`without_word_furniture` for a document's blocks: a table's cells are cleaned, and
    looked in for the marks of the notes, but are never a note or a contents' entry."""
    texts: list[str] = []
    where: list[tuple[int, int, int]] = []  # (block, row, cell); row -1 for a line
    for b, block in enumerate(blocks):
        if isinstance(block, str):
            texts.append(block)
            where.append((b, -1, -1))
        else:
            for r, row in enumerate(block.rows):
                texts.extend(row)
                where.extend((b, r, c) for c in range(len(row)))
    cleaned, drop = _cleaned(texts, [r < 0 for _, r, _ in where])
    if not drop and cleaned == texts:
        return blocks
    out: list[Block | None] = [
        replace(b, rows=[list(row) for row in b.rows]) if isinstance(b, Table) else b
        for b in blocks
    ]
    for i, (b, r, c) in enumerate(where):
        if r < 0:
            out[b] = None if i in drop else cleaned[i]
        else:
            table = out[b]
            assert isinstance(table, Table)
            table.rows[r][c] = cleaned[i]
    return [b for b in out if b is not None]


def _cleaned(texts: list[str], is_line: list[bool]) -> tuple[list[str], set[int]]:
    """The texts cleaned, and the indexes of the lines to drop (the contents, the notes)."""
    drop = _contents(texts, is_line)
    out = [t if i in drop or not _SCREEN.search(t) else _inline(t) for i, t in enumerate(texts)]
    drop |= _notes(out, is_line, drop)
    return out, drop


def _inline(text: str) -> str:
    """A text without invisible characters, field errors, comments and changes, and with
    its raised figures read (a unit's kept as digits, a footnote's mark dropped)."""
    text = text.translate(_INVISIBLE)
    if "!" in text:
        for error in _words().errors:
            text = text.replace(error, "")
    if "[" in text:
        text = _BRACKETED.sub(_bracketed, text)
    return _RAISED.sub(_raised, text)


def _bracketed(m: re.Match[str]) -> str:
    """A bracketed comment or change as it reads in the plan: gone, or an insertion's text."""
    label = fold(m.group(1))
    words = _words()
    if label in words.inserted:
        return m.group(0)[: m.group(0).index("[")] + m.group(2)
    if label in words.deleted or label in words.formats or words.comment.search(label):
        return ""
    return m.group(0)


def _unit_before(text: str, at: int) -> bool:
    """Whether the word that ends at `at` is a unit a raised figure powers (`m`, `km`)."""
    word = _LAST_WORD.search(text, 0, at)
    return word is not None and fold(word.group(1)) in _words().units


def _raised(m: re.Match[str]) -> str:
    return m.group(0).translate(_TO_DIGITS) if _unit_before(m.string, m.start()) else ""


def _contents(texts: list[str], is_line: list[bool]) -> set[int]:
    """The indexes of every table of contents' lines: a contents heading, and the entries
    (and blank lines) after it up to its last entry; none when no entry follows."""
    drop: set[int] = set()
    for i, text in enumerate(texts):
        if not is_line[i] or len(text) > _HEADING_LENGTH:
            continue
        if fold(text).rstrip(":") not in _words().headings:
            continue
        last = None
        for j in range(i + 1, len(texts)):
            if not is_line[j] or (texts[j].strip() and not _entry(texts[j])):
                break
            if texts[j].strip():
                last = j
        if last is not None:
            drop.update(range(i, last + 1))
    return drop


def _entry(text: str) -> bool:
    """A contents' entry: a heading closed by its page number, or by Word's error text."""
    stripped = text.strip()
    return bool(_PAGE_NUMBER.search(stripped)) or any(
        stripped.endswith(e) and len(stripped) > len(e) for e in _words().errors
    )


def _notes(texts: list[str], is_line: list[bool], dropped: set[int]) -> set[int]:
    """The indexes of the footnotes' lines (and of the rule over the notes at the end); the
    notes' marks are taken out of `texts` in place."""
    candidates = {
        i
        for i, text in enumerate(texts)
        if is_line[i] and i not in dropped and "\t" not in text and _NOTE_OPENING.match(text)
    }
    numbered = any(_NUMBER_NOTE.match(texts[i]) for i in candidates)
    glued = _glued_numbers(texts, candidates | dropped) if numbered else {}
    bracket_marks = _bracket_marks(texts, candidates)
    notes: set[int] = set()
    marks: list[_Mark] = []
    for i in sorted(candidates):
        text = texts[i]
        if _RAISED_NOTE.match(text):
            notes.add(i)
        elif m := _BRACKET_NOTE.match(text):
            if f"[{m.group(1)}]" in bracket_marks:
                notes.add(i)
        elif (m := _NUMBER_NOTE.match(text)) and (m.group(2).isupper() or m.group(2) in '“"('):
            after = marks[-1] if marks else _Mark(-1, 0, 0)
            mark = next((k for k in glued.get(m.group(1), []) if after < k and k.text < i), None)
            if mark is not None:
                notes.add(i)
                marks.append(mark)
    for mark in sorted(marks, reverse=True):  # from a text's end, so earlier offsets hold
        texts[mark.text] = texts[mark.text][: mark.start] + texts[mark.text][mark.end :]
    noted = {f"[{m.group(1)}]" for i in notes if (m := _BRACKET_NOTE.match(texts[i]))}
    for i, text in enumerate(texts):
        if i not in notes and "[" in text:
            for mark_text in noted & set(_BRACKET_MARK.findall(text)):
                text = text.replace(mark_text, "")
            texts[i] = text
    return notes | _rules_over(texts, is_line, notes)


class _Mark(NamedTuple):
    """Where a number glued to a word is: its text, and its span in it."""

    text: int
    start: int
    end: int


def _glued_numbers(texts: list[str], skip: set[int]) -> dict[str, list[_Mark]]:
    """Every number glued to the end of a word (or a closing bracket or quote, or a `%`)
    that is not a unit's power, by the number, in the order of the texts: the marks a note
    numbered with plain digits may have. None in the texts of `skip`."""
    found: dict[str, list[_Mark]] = {}
    for t, text in enumerate(texts):
        if t in skip:
            continue
        for m in _GLUED.finditer(text):
            if not _unit_before(text, m.start()):
                found.setdefault(m.group(0), []).append(_Mark(t, m.start(), m.end()))
    return found


def _bracket_marks(texts: list[str], skip: set[int]) -> set[str]:
    """The bracketed labels (`[1]`, `[NVA1]`) in the texts not in `skip`."""
    return {
        mark
        for t, text in enumerate(texts)
        if t not in skip and "[" in text
        for mark in _BRACKET_MARK.findall(text)
    }


def _rules_over(texts: list[str], is_line: list[bool], notes: set[int]) -> set[int]:
    """The rules whose next line with text is a footnote."""
    rules: set[int] = set()
    for i, text in enumerate(texts):
        if not is_line[i] or "____" not in text or not _RULE.match(text):
            continue
        if next_line(texts, i, 1) in notes:
            rules.add(i)
    return rules
