"""Page furniture of a text copied out of a signed PDF (an e-office's copy), dropped before the
lines are read: it is never a part of the plan, and left in it cuts a sentence or a table's
row in two (`… được tu bổ, tôn` / note / `tạo.`) and lends the plan a date or a body.

- a digital-signature stamp: `Ký bởi: …`, then `Email: …`, `Cơ quan: …`, `Ngày ký: dd.mm.yyyy
  hh:mm:ss +07:00`, a value wrapped on to lines of its own (`tỉnh Ninh Bình`, the clock on
  the line after the date); it closes with the signing time. A stamp with no signing time
  is not taken for one: the lines stay;
- the note a signed PDF prints on its pages (`Văn bản này được ký số bởi …`);
- a page counter on a line of its own (`Trang 2/6`), and the running title printed next to
  it on two pages or more (`Kế hoạch số hóa di sản văn hóa năm 2026`).

The labels and notes are the lexicon's (`[furniture]`). Bare page numbers are left to the
outline and the table readers, which tell them from a table's row numbers."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from kehoach.text import lexicon
from kehoach.text.normalize import fold

# Lines a stamp runs over at the most (five labels, a few of them wrapped)
_STAMP_LINES = 12
# A line of a stamp's narrow column that holds a wrapped value is no longer than this
_STAMP_WIDTH = 60
# The signing time's clock (`16:20:31`)
_CLOCK_RE = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
# A running title is a line of this many characters, next to a page counter so many times
_TITLE_LENGTH = range(10, 151)
_TITLE_REPEATS = 2


class _Patterns(NamedTuple):
    """The folded line openings the furniture is told by (the lexicon's words)."""

    stamp: re.Pattern[str]  # a stamp's first label (`ky boi:`)
    label: re.Pattern[str]  # any of its other labels (`email:`, `co quan:`)
    time: re.Pattern[str]  # its signing time's label (`ngay ky:`)
    note: re.Pattern[str]  # a signed PDF's note (`van ban nay duoc ky so`)
    counter: re.Pattern[str]  # a page counter, the whole line (`trang 2/6`)


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    def opening(path: str) -> re.Pattern[str]:
        return re.compile(r"^" + lexicon.alternation(path, fold_words=True) + r"\s*:")

    page = lexicon.alternation("furniture.page_words", fold_words=True)
    return _Patterns(
        stamp=opening("furniture.stamp_opening"),
        label=opening("furniture.stamp_labels"),
        time=opening("furniture.stamp_time"),
        note=re.compile(r"^" + lexicon.alternation("furniture.signed_notes", fold_words=True)),
        counter=re.compile(r"^" + page + r"\s*\d{1,3}(?:\s*/\s*\d{1,3})?$"),
    )


def without_furniture(lines: list[str]) -> list[str]:
    """The lines without the page furniture of a signed PDF (module doc)."""
    folded = [fold(line[:80]) for line in lines]
    drop = _stamps(lines, folded) | _notes_and_titles(lines, folded)
    return [line for i, line in enumerate(lines) if i not in drop] if drop else lines


def _stamps(lines: list[str], folded: list[str]) -> set[int]:
    """The indexes of the lines of every signature stamp."""
    drop: set[int] = set()
    for i, text in enumerate(folded):
        if _patterns().stamp.match(text):
            end = _stamp_end(lines, folded, i)
            if end is not None:
                drop.update(range(i, end))
    return drop


def _stamp_end(lines: list[str], folded: list[str], i: int) -> int | None:
    """The index after the stamp that opens at line `i`: after its signing time, and after the
    labelled lines that follow that (a stamp that lists its labels in another order); None
    when no signing time closes it within a stamp's lines, or a line between is too long to
    be a wrapped value of its narrow column."""
    label, time = _patterns().label, _patterns().time
    for j in range(i + 1, min(len(lines), i + _STAMP_LINES)):
        text = folded[j]
        if time.match(text):
            end = j + 1
            if not _CLOCK_RE.search(text) and end < len(lines) and _CLOCK_RE.match(folded[end]):
                end += 1  # the clock wrapped on to the line after the date
            while end < len(lines) and label.match(folded[end]):
                end += 1
            return end
        if not label.match(text) and len(lines[j].strip()) > _STAMP_WIDTH:
            return None
    return None


def _notes_and_titles(lines: list[str], folded: list[str]) -> set[int]:
    """The indexes of a signed PDF's notes and page counters, and of the running titles next
    to the counters (the same line beside two counters or more)."""
    note, counter = _patterns().note, _patterns().counter
    counters = [i for i, text in enumerate(folded) if counter.match(text)]
    drop = {i for i, text in enumerate(folded) if note.match(text)} | set(counters)
    beside: dict[str, list[int]] = {}
    for i in counters:
        for j in (next_line(lines, i, -1), next_line(lines, i, 1)):
            if j is not None and j not in drop:
                beside.setdefault(" ".join(lines[j].split()), []).append(j)
    for text, at in beside.items():
        if len(at) >= _TITLE_REPEATS and len(text) in _TITLE_LENGTH:
            drop.update(at)
    return drop


def next_line(lines: list[str], i: int, step: int) -> int | None:
    """The nearest line with text above (step -1) or below (1) line `i`; None at an end."""
    j = i + step
    while 0 <= j < len(lines) and not lines[j].strip():
        j += step
    return j if 0 <= j < len(lines) else None
