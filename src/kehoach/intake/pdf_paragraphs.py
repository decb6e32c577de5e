"""Lines of a PDF joined back into the paragraphs they were wrapped from, so a PDF reads
like the Word file it was printed from: one block per paragraph.

A line continues the one before it when that one was wrapped, not ended: in justified
text it reaches the right edge; in text set ragged-right (no edge that several lines
reach) the first word of the line would not have fit in the room left after it, and so in
a paragraph set ragged among justified ones (a heading aligned left) when the line before
left its sentence open (a bracket not closed, the line going on in lower case). The line
must also start at the left margin (not indented as a new paragraph is), be set in the
same size, follow at line spacing (or open the next page), and not open a list item of
its own (`- `, `1.`, `II.`, `a)`; a dash that a wrapped sentence carried to the line's
start is none: `chính trị` / `- xã hội`, `giai đoạn 2026` / `- 2030`, and where the column
sets its dash items indented, a dash at the margin: `Phong Nha` / `- Kẻ Bàng`) nor, after a line
that ended a sentence, a labelled line (`Đơn vị chủ trì: …`, `Thời gian: …`: the labels
of `data/lexicon.toml`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import cache
from itertools import pairwise

from kehoach.intake.pdf_columns import wrap_hyphen
from kehoach.text import lexicon
from kehoach.text.normalize import fold

_DASHES = "-–—"
_SIZED = 24  # characters: a line this long shows its letters' size in its height
_EDGE = 3.0  # points: a line ending this close to the right edge reaches it
_MARKER = re.compile(
    r"^(?:[-–—+•●▪◦*]\s|\(?\d{1,3}(?:\.\d{1,3})*[.)]\s|[IVXLC]{1,6}[.)]\s|\(?[a-zđ][.)]\s)"
)


class TextLine(str):
    """A line of text that remembers where it stood on its page."""

    x0: float
    x1: float
    top: float
    bottom: float
    page_width: float
    hang: float | None  # where the text after a list marker starts, and its wrapped lines

    @classmethod
    def at(
        cls, text: str, x0: float, x1: float, top: float, bottom: float, page_width: float,
        hang: float | None = None,
    ):  # fmt: skip
        """A line and its box."""
        line = cls(text)
        line.x0, line.x1, line.top, line.bottom, line.page_width = x0, x1, top, bottom, page_width
        line.hang = hang
        return line

    @property
    def height(self) -> float:
        return self.bottom - self.top


Edge = tuple[float, float, bool, bool]  # left margin, right edge, justified, dashes indented


def _edges(lines: list[TextLine]) -> dict[int, Edge]:
    """Per page width: (left margin, right edge, justified, dashes indented) of its text
    column."""
    by_width: dict[int, list[TextLine]] = {}
    for line in lines:
        by_width.setdefault(round(line.page_width), []).append(line)
    out: dict[int, Edge] = {}
    for width, group in by_width.items():
        right = max(ln.x1 for ln in group)
        full = [ln for ln in group if ln.x1 >= right - _EDGE]
        justified = len(full) >= 3
        # The margin is where the lines after a full line start, those that go on with a
        # paragraph (a full line may open a paragraph set with a first-line indent; in a
        # plan of two-line paragraphs most full lines do); failing that, where most full
        # lines (justified text) or most lines (ragged-right) start.
        # The leftmost such start that recurs: Word lists' wrapped lines, at their hanging
        # indent, may outnumber the paragraphs' (they join through `TextLine.hang`).
        after_full = [ln for prev, ln in pairwise(group) if prev.x1 >= right - _EDGE]
        if len(after_full) >= 2:
            counts = Counter(round(ln.x0) for ln in after_full)
            need = max(2, len(after_full) // 10) if len(counts) > 1 else 1
            left = min(x for x, n in counts.items() if n >= need or n == max(counts.values()))
        else:
            starts = full if justified else group
            left = Counter(round(ln.x0) for ln in starts).most_common(1)[0][0]
        if right - left >= 0.5 * width:  # a text column, not a few lines of the same length
            out[width] = (left, right, justified, _dashes_indented(group, left))
    return out


def _dashes_indented(lines: list[TextLine], left: float) -> bool:
    """Whether the dash items of a text column start indented, off its margin: those that
    open a line after one that ended a sentence (an item for sure). A dash at the margin
    there is none, but a wrapped sentence's (`Phong Nha` / `- Kẻ Bàng`)."""
    starts = [
        ln.x0
        for prev, ln in pairwise(lines)
        if ln[:1] in _DASHES and _MARKER.match(ln) and prev.rstrip().endswith((".", ";", ":"))
    ]
    indented = sum(x > left + _EDGE for x in starts)
    return indented >= 2 and indented >= 5 * (len(starts) - indented)


def _first_word_fits(prev: TextLine, line: TextLine, right: float) -> bool:
    """Whether the line's first word (and a space) fits in the room left after `prev`: then
    `prev` ended there, it was not wrapped (widths from the line's own average letter)."""
    word = line.split(" ", 1)[0]
    if not line or not word:
        return True
    per_char = (line.x1 - line.x0) / len(line)
    return right - prev.x1 >= per_char * (len(word) + 1)


def _off_margin(prev: TextLine, line: TextLine, left: float) -> bool:
    """Whether `line` starts neither at the margin nor under the text of the list item
    `prev` belongs to (a Word list's hanging indent: the marker at the margin, the text and
    its wrapped lines a tab stop further)."""
    if abs(line.x0 - left) <= _EDGE:
        return False
    return prev.hang is None or abs(line.x0 - prev.hang) > _EDGE


def hang_of(text: str, second_word_x0: float | None) -> float | None:
    """Where a list item's text starts (its second word, after the marker), else None."""
    return second_word_x0 if second_word_x0 is not None and _MARKER.match(text) else None


def _centred(line: TextLine, left: float, right: float) -> bool:
    """A line centred in the text column, off its margins (a full line is not one)."""
    return line.x0 > left + _EDGE and abs(line.x0 + line.x1 - left - right) <= 2 * _EDGE


def _is_upper(text: str) -> bool:
    return text.upper() == text


def _capitals(text: str) -> bool:
    """A line of words in capitals (`I NHIỆM VỤ` whose dot OCR lost, `PHỤ LỤC`), not one
    acronym (`UBND.`) that a sentence wrapped on to."""
    words = [w for w in text.split() if sum(ch.isalpha() for ch in w) >= 2]
    return len(words) >= 2 and _is_upper(text)


@cache
def _labels() -> frozenset[str]:
    """The labels of an activity block's lines or of a group's closing lines, folded."""
    return frozenset().union(*(lexicon.folded(f"agencies.{k}_labels") for k in lexicon.LABEL_ROLES))


def _labelled(prev: TextLine, line: TextLine) -> bool:
    """Whether `line` is a labelled line opened after a sentence ended: in ragged-right text
    its first word may not have fitted after `prev`, yet it starts a line of its own."""
    head, colon, _ = line[:48].partition(":")
    return bool(colon) and prev.rstrip().endswith((".", ";", ":")) and fold(head) in _labels()


def _left_open(prev: TextLine, line: TextLine) -> bool:
    """Whether a line that stops short of the right edge of justified text, with no room
    for the next line's first word, left its sentence open: a paragraph set ragged among
    justified ones (a heading aligned left) wraps so. It does not end a sentence, and a
    bracket or quote it opened is not closed, or the next line goes on in lower case."""
    if prev.rstrip().endswith((".", ";", ":", "!", "?")):
        return False
    opened = prev.count("(") > prev.count(")") or prev.count("“") > prev.count("”")
    return opened or line[:1].islower()


def _goes_on(prev: TextLine, line: TextLine) -> bool:
    """Whether a line opened by a dash goes on with the wrapped sentence before it: a word in
    lower case after the dash (`chính trị` / `- xã hội`), or a number after a number, the two
    ends of a range (`giai đoạn 2026` / `- 2030`, `01` / `- 02 hồ sơ`)."""
    return line[2:3].islower() or (line[2:3].isdigit() and prev.rstrip()[-1:].isdigit())


def _continues(prev: TextLine, line: TextLine, edges, new_page: bool) -> bool:
    edge = edges.get(round(line.page_width))
    if edge is None or round(prev.page_width) != round(line.page_width):
        return False
    left, right, justified, dashes_indented = edge
    if _centred(prev, left, right) and _centred(line, left, right):
        # a centred title wrapped: its line was as wide as the column allowed
        room = right - left - (prev.x1 - prev.x0)
        if _first_word_fits(prev, line, prev.x1 + room) or _is_upper(prev) != _is_upper(line):
            return False
    elif _off_margin(prev, line, left) or (  # not at the margin, or `prev` was not wrapped
        prev.x1 < right - _EDGE
        and (_first_word_fits(prev, line, right) or (justified and not _left_open(prev, line)))
    ):
        return False
    if _capitals(line) and not _is_upper(prev):
        return False  # a heading in capitals opens a line of its own, marked or not
    # Boxes are the glyphs' own: a few letters without capitals or tone marks (`tỉnh.`,
    # `thực hiện Kế hoạch này.`) stand lower than the line's size, so a short line's height
    # says nothing of its size, and the space above it looks wider than it is.
    height = max(prev.height, line.height)
    if len(line) >= _SIZED and abs(prev.height - line.height) > 0.25 * height:
        return False
    # ... and for the same reason its top stands lower: the gap above it is allowed what
    # its box lacks of the line above's height
    slack = max(0.0, prev.height - line.height)
    if not new_page and not (-0.4 * prev.height <= line.top - prev.bottom <= 0.6 * height + slack):
        return False
    if "  " in prev or "  " in line:
        return False
    # A line that reaches the edge mid-sentence was wrapped (the last line of a justified
    # paragraph is not stretched), so what follows goes on with its sentence even when it
    # looks like a new item: the dash of `chính trị - xã hội`, `văn hóa - thể thao` wrapped
    # to the line's start (a word in lower case after it: an item opens with a capital, and
    # a lead-in line may reach the edge without a colon); in justified text, a label in
    # lower case (`…; thời gian: từ quý II/2026)`) too.
    # In a column whose dash items start indented, a dash at the margin after a wrapped line
    # is one a name carried there (`Phong Nha` / `- Kẻ Bàng`, `Bà Rịa` / `- Vũng Tàu`).
    wrapped = prev.x1 >= right - _EDGE and not prev.rstrip().endswith((".", ";", ":", "!", "?"))
    dash_wrapped = wrapped and line[:1] in _DASHES
    at_margin = abs(line.x0 - left) <= _EDGE
    if _MARKER.match(line) and not (
        dash_wrapped and (_goes_on(prev, line) or (dashes_indented and at_margin))
    ):
        return False
    return not (_labelled(prev, line) and (not justified or line[:1].isupper()))


def join_paragraphs(
    pages: list[list], wrapped: Callable[[str, str], str] | None = None
) -> list[list]:
    """Each page's items with wrapped lines joined into paragraphs (a paragraph that runs
    on to the next page is joined onto the page it starts on). `wrapped(before, line)`, if
    given, is the text a line that goes on with `before` is joined as (a reader that misreads
    the case of a line's first word puts it right there)."""
    edges = _edges([it for items in pages for it in items if isinstance(it, TextLine)])
    if not edges:
        return pages
    out: list[list] = []
    tail: TextLine | None = None  # the last physical line of the paragraph being built
    for items in pages:
        kept: list = []
        for i, item in enumerate(items):
            if not isinstance(item, TextLine):
                kept.append(item)
                tail = None
                continue
            host = kept if kept else (out[-1] if out else None)
            if tail is not None and host and _continues(tail, item, edges, new_page=i == 0):
                para = host[-1]
                joiner = "" if wrap_hyphen(para) and item[:1].isalnum() else " "
                text = wrapped(para, str(item)) if wrapped else item
                host[-1] = TextLine.at(
                    f"{para}{joiner}{text}", para.x0, item.x1, para.top, item.bottom,
                    item.page_width,
                )  # fmt: skip
                if item.hang is None:  # the item's wrapped lines keep to its hanging indent
                    item.hang = tail.hang
                tail = item
                continue
            kept.append(item)
            tail = item
        out.append(kept)
        if not items or not isinstance(items[-1], TextLine):
            tail = None
    return out
