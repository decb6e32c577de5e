"""Tasks a plan states twice: one task per piece of work.

A plan that assigns work both in its body (`II. Nhiệm vụ, giải pháp`, groups of bullets closed
by `Đơn vị chủ trì: …`) and under the agencies' headings of its implementation part may repeat
a body task under its agency there. The reader can tell a repetition in two ways:

- the item says so: it cites the place of the plan where the task stands (`Chủ trì hoàn thành
  cơ sở dữ liệu số … (nhiệm vụ tại điểm b khoản 3 Mục II)`; the words in the lexicon,
  `sections.restating_words`);
- its text is the same as an earlier task's, word for word or nearly.

Either way it is dropped only when it adds no one: each of its leads already leads or
coordinates the task it repeats, and it states no time of its own that differs from that
task's. Otherwise it assigns something new (another agency's share in the work) and stays.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from kehoach.extract.readings import Assignment
from kehoach.model import Task
from kehoach.text import lexicon
from kehoach.text.normalize import fold, fold_chars

# How alike two texts must be, word for word, to be one task stated twice
_SAME_TEXT = 0.9


@lru_cache(maxsize=1)
def _citation_re() -> re.Pattern[str]:
    """A citation of a place of the plan, in folded text: `nhiệm vụ tại điểm b khoản 3 Mục II`."""

    def alt(key: str) -> str:
        return lexicon.alternation(f"sections.{key}", fold_words=True)

    gap = r"\s*,?\s*"
    return re.compile(
        rf"\b{alt('restating_words')}\s+"
        rf"(?:{alt('point_words')}\s+(?P<point>\w)\b{gap})?"
        rf"(?:{alt('clause_words')}\s+(?P<clause>\d+)\b{gap})?"
        rf"{alt('part_words')}\s+(?P<part>[ivxlc]+)\b"
    )


@lru_cache(maxsize=1)
def _own_plan_re() -> re.Pattern[str]:
    """What may follow a citation of the plan itself: its end, a stop or a bracket, or a few
    words ending with `này` / `nêu trên` (`Kế hoạch này`)."""
    endings = lexicon.alternation("sections.own_plan_endings", fold_words=True)
    return re.compile(rf"\s*(?:$|[.,;:)]|(?:\S+\s+){{0,4}}?{endings}\b)")


def cited_place(text: str) -> tuple[str, str | None] | None:
    """The place of the plan an item cites as where its task stands: (the section's path,
    the point's letter or None); None when it cites none, or cites another document (`… Mục
    II của Nghị quyết số 80-NQ/TW`)."""
    folded = fold_chars(text)
    for m in _citation_re().finditer(folded):
        if not _own_plan_re().match(folded, m.end()):
            continue
        part = m.group("part").upper()
        path = f"{part}.{m.group('clause')}" if m.group("clause") else part
        point = text[m.start("point") : m.end("point")].lower() if m.group("point") else None
        return path, point
    return None


def _under(section: str, path: str) -> bool:
    return section == path or section.startswith(path + ".")


def _agencies(task: Task) -> set[str]:
    return {fold(n) for n in (*task.lead, *task.coordinating, *task.directing)}


def _adds_nothing(task: Task, repeated: Sequence[Task]) -> bool:
    """Whether a task restating others names no one and no time they lack."""
    named: set[str] = set().union(*(_agencies(t) for t in repeated))
    if not task.lead or not {fold(n) for n in task.lead} <= named:
        return False
    own = _when(task)
    return own[0] == "unknown" or any(_when(t) == own for t in repeated)


def _when(task: Task) -> tuple[str, str | None, str | None, str | None]:
    tf = task.timeframe
    return tf.kind, tf.start, tf.end, tf.every


def _same_text(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    # difflib's own upper bounds of its ratio first (lengths, then shared words), exact and
    # cheap: most pairs of a plan's tasks fail them, and the full ratio is quadratic
    total = len(wa) + len(wb)
    if not total:
        return True  # two empty texts: difflib's ratio is 1.0
    if 2 * min(len(wa), len(wb)) < _SAME_TEXT * total:
        return False
    # (the words both texts have, counted as often as the one with fewer has them: what
    # `Counter.__and__` counts, without its Python loop over every word of one text)
    ba, bb = _bag(a), _bag(b)
    shared = sum(min(ba[w], bb[w]) for w in _distinct(a) & _distinct(b))
    if 2 * shared < _SAME_TEXT * total:
        return False
    return difflib.SequenceMatcher(None, wa, wb, autojunk=False).ratio() >= _SAME_TEXT


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    return tuple(fold(text).split())


@lru_cache(maxsize=4096)
def _bag(text: str) -> Counter[str]:
    return Counter(_words(text))


@lru_cache(maxsize=4096)
def _distinct(text: str) -> frozenset[str]:
    return frozenset(_words(text))


def without_restatements(made: list[tuple[Assignment, Task]]) -> list[Task]:
    """The tasks, each piece of work once: an item that restates tasks of another section
    (it cites their place, or repeats one's text) and adds no one is dropped."""
    out: list[Task] = []
    for i, (a, task) in enumerate(made):
        place = cited_place(task.text)
        if place is not None:
            path, point = place
            cited = [
                t
                for b, t in made
                if b is not a
                and b.section
                and _under(b.section, path)
                and not _under(a.section, path)
                and (point is None or b.point == point)
            ]
            if cited and _adds_nothing(task, cited):
                continue
        earlier = [
            t for b, t in made[:i] if b.section != a.section and _same_text(t.text, task.text)
        ]
        if earlier and _adds_nothing(task, earlier):
            continue
        out.append(task)
    return out
