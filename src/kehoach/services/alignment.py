"""Align two plans' targets and tasks by meaning (pure: no database).

Two plans that implement the same document say many of the same things in their own
words and at their own levels: `100% di tích quốc gia được số hóa` by 2026 in both, `2%`
of GRDP from cultural industries in one and `5%` in the other. Alignment finds those
pairs and what each plan has that the other lacks.

- Targets are compared figure by figure (`t3:1` is the first figure of target t3): the
  metric first — two figures in different units never match — then the folded,
  lemmatised subjects (rapidfuzz token sets), with a small bonus for the same year so
  that `7% GRDP by 2045` pairs with `7% GRDP by 2045` rather than with the 2030 figure.
  The level (value) is not part of the score: a different level is still the same
  indicator.
- Tasks are compared by topic: the folded, lemmatised text without the words every
  culture plan repeats (`data/alignment.toml`).

Each item is matched at most once: pairs are assigned greedily, best score first. An
officer's decisions come first: a confirmed pair is kept whatever its score, a broken
pair is never proposed again.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from rapidfuzz import fuzz

from kehoach.model import PlanRecord
from kehoach.text import lexicon
from kehoach.text.normalize import clean, fold

TARGET_THRESHOLD = 70.0  # subject similarity (0–100) a figure pair needs
TASK_THRESHOLD = 55.0  # topic similarity (0–100) a task pair needs (tuned on 000 vs 002)
SAME_YEAR_BONUS = 3.0  # prefers the same deadline among equally similar figures
SAME_VALUE_BONUS = 1.0  # then the same level

REASONS = ("confirmed", "by_hand", "metric", "text")
DECISIONS = ("confirmed", "broken")


@dataclass(frozen=True)
class AlignItem:
    """One thing to align: a target's figure or a task."""

    key: str  # "t3:1" (target t3, figure 1) or the task's key "IV.2"
    text: str  # the target's or the task's text, as shown
    subject: str | None = None  # what a figure measures
    unit: str | None = None
    value: float | None = None
    year: int | None = None  # a figure's deadline (its own or the target's horizon)
    lead: tuple[str, ...] = ()  # a task's lead agencies
    coordinating: tuple[str, ...] = ()
    entity_id: int | None = None  # the target's or task's id in the database, if stored


@dataclass(frozen=True)
class Decision:
    """An officer's word on a pair: `confirmed` (also a pair made by hand) or `broken`."""

    left: str
    right: str
    decision: str
    by_hand: bool = False


@dataclass(frozen=True)
class Pair:
    left: AlignItem
    right: AlignItem
    score: float  # 0–100 (+ small bonuses); a confirmed pair keeps its computed score
    reason: str  # "confirmed" | "by_hand" | "metric" (same unit, similar subject) | "text"

    @property
    def confirmed(self) -> bool:
        return self.reason in ("confirmed", "by_hand")

    @property
    def same_value(self) -> bool:
        return self.left.value == self.right.value

    @property
    def same_year(self) -> bool:
        return self.left.year == self.right.year


@dataclass(frozen=True)
class Alignment:
    pairs: list[Pair]
    only_left: list[AlignItem]
    only_right: list[AlignItem]
    broken: list[tuple[AlignItem, AlignItem]] = field(default_factory=list)


def target_items(record: PlanRecord) -> list[AlignItem]:
    """A plan record's target figures as items (a target without figures: one item)."""
    items = []
    for t in record.targets:
        if not t.metrics:
            items.append(AlignItem(key=t.id, text=t.text, year=t.horizon))
        for n, m in enumerate(t.metrics, start=1):
            items.append(
                AlignItem(
                    key=f"{t.id}:{n}",
                    text=t.text,
                    subject=m.subject,
                    unit=m.unit,
                    value=float(m.value),
                    year=m.by or t.horizon,
                )
            )
    return items


def task_items(record: PlanRecord) -> list[AlignItem]:
    """A plan record's tasks as items."""
    return [
        AlignItem(key=t.id, text=t.text, lead=tuple(t.lead), coordinating=tuple(t.coordinating))
        for t in record.tasks
    ]


# --- vocabulary -------------------------------------------------------------------------


@cache
def _vocabulary() -> dict:
    text = resources.files("kehoach.data").joinpath("alignment.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _low(text: str) -> str:
    return clean(text).lower()


def _token(phrase: str) -> str:
    return fold(phrase).replace(" ", "_")


@cache
def _phrases() -> tuple[re.Pattern[str], dict[str, str]]:
    """Phrases (lemma variants and their forms, kept words) → one token, longest first."""
    data = _vocabulary()
    table: dict[str, str] = {}
    for lemma, variants in data["lemmas"].items():
        for variant in [lemma, *variants]:
            table[_low(variant)] = _token(lemma)
    for word in data["stopwords"]["keep"]:
        table.setdefault(_low(word), _token(word))
    for phrase in data["stopwords"]["phrases"]:
        table.setdefault(_low(phrase), "")
    # a province's name says whose plan it is, not what a task is about
    for province in lexicon.provinces():
        table.setdefault(_low(province), "")
    alternation = "|".join(re.escape(p) for p in sorted(table, key=lambda p: (-len(p), p)))
    return re.compile(r"(?<!\w)(?:" + alternation + r")(?!\w)"), table


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(_low(w) for w in _vocabulary()["stopwords"]["words"])


@cache
def _units() -> dict[str, str]:
    table: dict[str, str] = {}
    for unit, variants in _vocabulary()["units"].items():
        for variant in [unit, *variants]:
            table[fold(variant)] = fold(unit)
    return table


_WORD = re.compile(r"[^\W_]+(?:_[^\W_]+)*")


@cache
def lemmatise(text: str) -> str:
    """The words of `text` that carry meaning, folded, in order: lemmas and kept phrases
    as one token each (`nhân tài` → `nhan_luc_chat_luong_cao`), stop words dropped.
    Stop words are compared before folding: `từ` is one, `tư` (of `đầu tư`) is not."""
    rx, table = _phrases()
    low = rx.sub(lambda m: " " + table[m.group(0)] + " ", _low(text))
    stop = _stopwords()
    return " ".join(
        fold(w) for w in _WORD.findall(low) if "_" in w or (w not in stop and not w.isdigit())
    )


def unit_key(unit: str | None) -> str | None:
    """A unit folded to its canonical name (`phần trăm` → `%`); None when there is none."""
    if unit is None or not unit.strip():
        return None
    folded = fold(unit)
    return _units().get(folded, folded)


# --- scores -----------------------------------------------------------------------------


def target_score(a: AlignItem, b: AlignItem) -> float:
    """How surely two figures measure the same thing (0 when their units differ)."""
    if unit_key(a.unit) != unit_key(b.unit):
        return 0.0
    sa, sb = lemmatise(a.subject or a.text), lemmatise(b.subject or b.text)
    if not sa or not sb:
        return 0.0
    # token_set_ratio rewards one subject inside the other (`thiết chế văn hóa cơ sở
    # hoạt động…` / `thiết chế văn hóa hoạt động…`); token_sort_ratio keeps a short
    # subject from matching every longer one that shares a word
    score = (fuzz.token_set_ratio(sa, sb) * 2 + fuzz.token_sort_ratio(sa, sb)) / 3
    if score < TARGET_THRESHOLD:
        return score
    if a.year is not None and a.year == b.year:
        score += SAME_YEAR_BONUS
    if a.value is not None and a.value == b.value:
        score += SAME_VALUE_BONUS
    return score


def _weights(items: Iterable[AlignItem]) -> dict[str, float]:
    """Inverse document frequency of each word over both plans' tasks: a word most tasks
    share (`chương trình`) says little, one two tasks share (`tinh gọn`) says much."""
    texts = [set(lemmatise(i.text).split()) for i in items]
    df: dict[str, int] = defaultdict(int)
    for words in texts:
        for w in words:
            df[w] += 1
    n = len(texts) + 1
    return {w: math.log(n / c) for w, c in df.items()}


def _cosine(a: str, b: str, idf: dict[str, float]) -> float:
    wa = {w: idf.get(w, 1.0) for w in a.split()}
    wb = {w: idf.get(w, 1.0) for w in b.split()}
    dot = sum(v * wb[w] for w, v in wa.items() if w in wb)
    norm = math.sqrt(sum(v * v for v in wa.values()) * sum(v * v for v in wb.values()))
    return dot / norm if norm else 0.0


def task_score(a: AlignItem, b: AlignItem, idf: dict[str, float] | None = None) -> float:
    """How surely two tasks are about the same topic (0–100): rapidfuzz token sets over the
    lemmatised texts, averaged with the cosine of their words weighted by rarity."""
    ta, tb = lemmatise(a.text), lemmatise(b.text)
    if not ta or not tb:
        return 0.0
    fuzzy = (fuzz.token_set_ratio(ta, tb) + fuzz.token_sort_ratio(ta, tb) * 2) / 3
    if idf is None:
        return fuzzy
    return (fuzzy + 100 * _cosine(ta, tb, idf)) / 2


# --- assignment -------------------------------------------------------------------------


def _assign(
    left: Sequence[AlignItem],
    right: Sequence[AlignItem],
    score,
    threshold: float,
    reason: str,
    decisions: Iterable[Decision],
) -> Alignment:
    by_left = {i.key: i for i in left}
    by_right = {i.key: i for i in right}
    broken: set[tuple[str, str]] = set()
    pairs: list[Pair] = []
    used_left: set[str] = set()
    used_right: set[str] = set()
    decisions = list(decisions)
    for d in decisions:
        if d.decision == "broken":
            broken.add((d.left, d.right))
    # confirmed pairs first, in the order given (callers pass the newest first, so a newer
    # confirmation of an item wins over an older one)
    for d in decisions:
        if d.decision != "confirmed":
            continue
        a, b = by_left.get(d.left), by_right.get(d.right)
        if a is None or b is None or a.key in used_left or b.key in used_right:
            continue  # an item gone from a new version of the plan, or already paired
        pairs.append(Pair(a, b, round(score(a, b), 1), "by_hand" if d.by_hand else "confirmed"))
        used_left.add(a.key)
        used_right.add(b.key)
    candidates = []
    for i, a in enumerate(left):
        if a.key in used_left:
            continue
        for j, b in enumerate(right):
            if b.key in used_right or (a.key, b.key) in broken:
                continue
            s = score(a, b)
            if s >= threshold:
                candidates.append((-s, i, j))
    # greedy by score: the best pair first, each item once; ties by plan order
    for neg, i, j in sorted(candidates):
        a, b = left[i], right[j]
        if a.key in used_left or b.key in used_right:
            continue
        pairs.append(Pair(a, b, round(-neg, 1), reason))
        used_left.add(a.key)
        used_right.add(b.key)
    order_left = {i.key: n for n, i in enumerate(left)}
    pairs.sort(key=lambda p: order_left[p.left.key])
    return Alignment(
        pairs=pairs,
        only_left=[i for i in left if i.key not in used_left],
        only_right=[i for i in right if i.key not in used_right],
        broken=[
            (by_left[lk], by_right[rk])
            for lk, rk in sorted(broken)
            if lk in by_left and rk in by_right
        ],
    )


def align_targets(
    left: Sequence[AlignItem], right: Sequence[AlignItem], decisions: Iterable[Decision] = ()
) -> Alignment:
    """Pair the figures of two plans' targets: same unit, similar subject."""
    return _assign(left, right, target_score, TARGET_THRESHOLD, "metric", decisions)


def align_tasks(
    left: Sequence[AlignItem], right: Sequence[AlignItem], decisions: Iterable[Decision] = ()
) -> Alignment:
    """Pair two plans' tasks by topic."""
    idf = _weights([*left, *right])
    return _assign(
        left, right, lambda a, b: task_score(a, b, idf), TASK_THRESHOLD, "text", decisions
    )


# --- measuring against a hand alignment -------------------------------------------------


@dataclass(frozen=True)
class Measure:
    found: int  # pairs proposed
    correct: int  # proposed pairs the hand alignment has (sure or possible)
    sure: int  # sure pairs in the hand alignment
    recalled: int  # sure pairs proposed
    wrong: list[tuple[str, str]]
    missed: list[tuple[str, str]]

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.recalled / self.sure if self.sure else 1.0


def measure(
    found: Iterable[tuple[str, str]],
    sure: Iterable[tuple[str, str]],
    possible: Iterable[tuple[str, str]] = (),
) -> Measure:
    """Precision against sure + possible pairs, recall against sure pairs (the usual
    sure/possible scheme of hand-made alignments)."""
    got = list(dict.fromkeys(found))
    sure_set = set(sure)
    allowed = sure_set | set(possible)
    return Measure(
        found=len(got),
        correct=sum(1 for p in got if p in allowed),
        sure=len(sure_set),
        recalled=sum(1 for p in got if p in sure_set),
        wrong=[p for p in got if p not in allowed],
        missed=sorted(sure_set - set(got)),
    )


@dataclass(frozen=True)
class HandAlignment:
    """Pairs decided by reading both plans: `sure` ones and defensible `possible` ones."""

    sure: dict[str, list[tuple[str, str]]]  # "target" | "task" -> pairs of keys
    possible: dict[str, list[tuple[str, str]]]


def load_hand_alignment(path) -> HandAlignment:
    """Read a hand alignment (`{"targets": {"sure": [[l, r, note]…], "possible": …},
    "tasks": …}`); InputError naming the file when it is not one."""
    import json
    from pathlib import Path

    from kehoach.errors import InputError

    where = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        sure: dict[str, list[tuple[str, str]]] = {}
        possible: dict[str, list[tuple[str, str]]] = {}
        for kind, name in (("target", "targets"), ("task", "tasks")):
            part = data.get(name, {})
            sure[kind] = [(str(p[0]), str(p[1])) for p in part.get("sure", [])]
            possible[kind] = [(str(p[0]), str(p[1])) for p in part.get("possible", [])]
    except FileNotFoundError:
        raise InputError("no such file", where=where) from None
    except (ValueError, TypeError, AttributeError, IndexError, KeyError):
        raise InputError(
            "not a hand alignment (JSON with targets and tasks pairs)", where=where
        ) from None
    return HandAlignment(sure, possible)
