"""The syllable model OCR repair decides by: unigram and bigram counts, and their indexes.

The counts come from `tools/build_ocr_model.py` (clean administrative text plus
the lexicon's words); `load_model()` reads the packaged file once. Everything
that depends only on a syllable or a pair of syllables is memoized on the model
in bounded caches: documents repeat their vocabulary heavily.
"""

from __future__ import annotations

import gc
import json
import math
import sys
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property, lru_cache
from itertools import accumulate
from typing import cast

from kehoach.text.datafiles import data_file
from kehoach.text.syllables import (
    NUM,
    is_valid_syllable,
    marks,
    skeleton,
    split_tone,
    syllable_runs,
)

__all__ = [
    "TABLES_FORMAT",
    "OcrModel",
    "PairIndex",
    "Reading",
    "compile_counts",
    "decode_tables",
    "encode_tables",
    "load_model",
    "model_from_counts",
    "training_sequences",
]

TABLES_FORMAT = "kehoach.ocr-model/3"  # what `load_model` reads (the build tool writes it)

# The language model: counts from clean text, plus the lexicon's words.
_LEX_BIGRAM = 1.0  # weight of a syllable pair inside a lexicon word
_LEX_UNIGRAM = 0.3  # weight of a syllable's occurrence in a lexicon word
_UNIGRAM_FLOOR = 2.0  # least count of a known syllable, however rare in the corpus
_DISCOUNT = 0.75  # absolute discount of each seen pair
_SMOOTH = 1.0  # extra weight of the unigram in the bigram estimate
_SUSPECT_MIN = 5.0  # a look-alike this frequent ...
_SUSPECT_RATIO = 8.0  # ... and this many times more frequent makes a syllable suspect
_TELLTALE_MIN = 10  # for detection: a look-alike this frequent, the syllable never seen
_DOMINANT = 4.0  # a pair this many times more frequent than its look-alikes is not questioned

# Entries each per-model cache holds before it starts afresh (a few tens of MB in all):
# small values, many entries; bulky values (candidate lists, runs), fewer.
_MANY = 200_000
_FEW = 20_000

# What the model knows of a syllable as read: known, valid, suspect, skeleton, siblings.
Reading = tuple[bool, bool, bool, str, tuple[str, ...]]
# The syllables known pairs put on each side of a pair as read (None: no choice).
PairChoice = tuple[tuple[str, ...], tuple[str, ...]] | None
_UNKNOWN = object()  # not in a cache (where None is a value)
# What a pair of skeletons that no known pair has gives: no fillers, no dominant pair.
_NO_PAIRS: tuple[PairChoice, tuple[str, str] | None] = (None, None)


def training_sequences(text: str) -> Iterator[list[str]]:
    """Lower-case syllable sequences of `text` as the model sees them (for the build tool)."""
    text = unicodedata.normalize("NFC", text)
    for chunk in syllable_runs(text):
        yield [NUM if t.low == NUM else (t.low if not t.fixed else "<x>") for t in chunk]


class OcrModel:
    """Syllable unigram and bigram counts with the indexes candidate generation needs.

    Loaded from the tables `compile_counts` works out of the build tool's counts;
    `repair` uses the packaged one unless given another (the build tool's held-out
    check does).
    """

    def __init__(self, tables: dict) -> None:
        # Every worker that meets an OCR'd document loads the model first. The tables are
        # lists of strings and arrays of numbers (`compile_counts`), made into dicts by
        # zip and map, which run no Python code per entry (a comprehension over the
        # ~30,000 pairs would cost several times more).
        with _collector_paused():
            syllables: list[str] = tables["syllables"]
            numbered = syllables.__getitem__  # a syllable's number -> the syllable
            self.uni: dict[str, float] = dict(zip(syllables, tables["counts"], strict=True))
            firsts = map(numbered, tables["pair_first"])
            pairs = zip(firsts, map(numbered, tables["pair_second"]), strict=True)
            self.bi: dict[tuple[str, str], float] = dict(
                zip(pairs, tables["pair_weight"], strict=True)
            )
            skeletons: list[str] = tables["skeletons"]
            # what `pair_fillers` indexes, when a repair first needs it
            self._pair_tables = (
                syllables,
                tables["pair_first"],
                tables["pair_second"],
                tables["pair_weight"],
                skeletons,
                tables["pair_group_keys"],
                tables["pair_group_starts"],
            )
            self.total = tables["total"]
            self.vocab = len(self.uni)
            # The parts of `logp` that depend on one syllable, computed by the build tool.
            self._unigram = dict(zip(syllables, tables["unigram"], strict=True))
            self._unseen = (0.0 + 0.1) / (self.total + 0.1 * self.vocab)
            # After a: (its pairs' total + smoothing, weight of the unigram)
            after = map(numbered, tables["after_syllable"])
            shares = zip(tables["after_total"], tables["after_weight"], strict=True)
            self._after = dict(zip(after, shares, strict=True))
            members = list(map(numbered, tables["by_skeleton"]))
            self.by_skel = {
                skeletons[sk]: members[start:end]
                for sk, start, end in zip(
                    tables["by_skeleton_keys"], *_bounds(tables["by_skeleton_sizes"]), strict=True
                )
            }
            # Known syllables by sound (toneless form and tone), whatever their spelling.
            sounds = zip(tables["sound_toneless"], tables["sound_tone"], strict=True)
            spelled = map(numbered, tables["sound_syllable"])
            self.by_sound = dict(zip(sounds, spelled, strict=True))
            self.suspect = frozenset(map(numbered, tables["suspect"]))
            self.telltale = frozenset(map(numbered, tables["telltale"]))
        self._readings: dict[str, Reading] = {}
        # log P(b | a) by (a, b); never 0.0, so `cache.get(key) or model.logp(...)` is safe
        self.logp_cache: dict[tuple[str | None, str], float] = {}
        self._choices: dict[tuple[str, str], PairChoice] = {}
        self.candidate_cache: dict[tuple, tuple] = {}  # filled by `ocr_candidates`
        self.run_cache: dict[tuple, list] = {}  # a run's repairs, filled by `ocr_repair`
        # Syllables as written that are never questioned on their own, and pairs of
        # syllables that never are: what lets most phrases through untouched.
        self.calm_words: set[str] = set()
        self.calm_pairs: set[tuple[str, str]] = set()
        self.busy_words: set[str] = set()  # and those that may change
        self.busy_pairs: set[tuple[str, str]] = set()

    @cached_property
    def pair_fillers(self) -> PairIndex:
        """For each pair of skeletons, the syllables that fill each side (built on first
        repair only: telling OCR'd text from clean text does not need them)."""
        return PairIndex(*self._pair_tables)

    def logp(self, a: str | None, b: str) -> float:
        """log P(b | a), a None at the start of a run."""
        key = (a, b)
        got = self.logp_cache.get(key)
        if got is None:
            pu = self._unigram.get(b, self._unseen)
            if a is None or (after := self._after.get(a)) is None:
                got = math.log(pu)
            else:
                # Interpolated absolute discounting: a syllable followed by many different
                # ones in the corpus leaves more room for a pair never seen.
                total, weight = after
                seen = max(self.bi.get((a, b), 0.0) - _DISCOUNT, 0.0)
                got = math.log((seen + weight * pu) / total)
            _remember(self.logp_cache, key, got, _MANY)
        return got

    def reading(self, low: str) -> Reading:
        """What the model knows of a syllable as read: known, valid, suspect, skeleton, siblings.

        The siblings (known syllables with the same skeleton) are only listed for
        a syllable that is unknown or suspect: a known one is questioned only by
        its context.
        """
        got = self._readings.get(low)
        if got is None:
            known = low in self.uni
            valid = known or is_valid_syllable(low)
            suspect = low in self.suspect
            sk = skeleton(low)
            own = tuple(self.by_skel.get(sk, ())[:6]) if not known or suspect else ()
            if valid and not known:
                spelled = self.by_sound.get(split_tone(low))
                if spelled:  # `bỉên`: the tone mark of `biển` on the wrong vowel
                    valid, own = False, (spelled, *own)
            got = (known, valid, suspect, sk, own)
            _remember(self._readings, low, got, _MANY)
        return got

    def choice(self, a: str, b: str) -> PairChoice:
        """The syllables known pairs with the skeletons of `a b` put on each side, or None
        when the pair as read is the only one, or far more frequent than its look-alikes."""
        key = (a, b)
        got = self._choices.get(key, _UNKNOWN)
        if got is not _UNKNOWN:  # (None is a choice worked out: there is none)
            return cast(PairChoice, got)
        entry, dominant = self.pair_fillers.work_out((self.reading(a)[3], self.reading(b)[3]))
        if entry is not None and ((entry[0] == (a,) and entry[1] == (b,)) or dominant == key):
            entry = None
        _remember(self._choices, key, entry, _MANY)
        return entry

    def calm(self, word: str, low: str) -> bool:
        """True for a syllable as written that is known, not suspect and cased as words are:
        only a neighbour can make it change."""
        if word in self.calm_words:
            return True
        known, _, suspect, _, own = self.reading(low)
        calm = known and not suspect and not own and (word.islower() or word.istitle())
        _bounded_add(self.calm_words if calm else self.busy_words, word)
        return calm

    def calm_pair(self, a: str, b: str) -> bool:
        """True for a pair as read that gives neither syllable a choice."""
        calm = self.choice(a, b) is None
        _bounded_add(self.calm_pairs if calm else self.busy_pairs, (a, b))
        return calm

    def remember_run(self, key: tuple, repairs: list) -> None:
        """Keep the repairs of a run of syllables (a bounded cache)."""
        _remember(self.run_cache, key, repairs, _FEW)

    def remember_candidates(self, key: tuple, candidates: tuple) -> None:
        """Keep the candidates of a reading in its context (a bounded cache)."""
        _remember(self.candidate_cache, key, candidates, _FEW)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused, while the model's tens of thousands of tuples are
    made: none is garbage, and each collection their number triggers would go through the
    half-made model again (in a worker whose parent froze its objects, full collections
    follow one another, the old generation being empty). Loading costs a fifth less."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _remember(cache: dict, key: object, value: object, size: int) -> None:
    """Store in a bounded cache, started afresh when full (cheaper than LRU bookkeeping)."""
    if len(cache) >= size:
        cache.clear()
    cache[key] = value


def _bounded_add(cache: set, key: object) -> None:
    """Add to a bounded set, started afresh when full."""
    if len(cache) >= _MANY:
        cache.clear()
    cache.add(key)


def _weighted_counts(data: dict) -> tuple[dict[str, float], dict[tuple[str, str], float]]:
    """Syllable and pair counts: the corpus's, plus the lexicon's at their weights."""
    uni: dict[str, float] = dict(data["corpus_unigrams"])
    for syl, n in data["lexicon_unigrams"].items():
        uni[syl] = uni.get(syl, 0.0) + _LEX_UNIGRAM * n
    bi: dict[tuple[str, str], float] = {}
    for key, n in data["corpus_bigrams"].items():
        a, b = key.split(" ")
        bi[(a, b)] = float(n)
    for key in data["lexicon_bigrams"]:
        a, b = key.split(" ")
        bi[(a, b)] = bi.get((a, b), 0.0) + _LEX_BIGRAM
    # A syllable of the lexicon is a word of the language however rare it is in
    # the small corpus: the floor keeps the unigram alone from replacing it.
    return {syl: max(n, _UNIGRAM_FLOOR) for syl, n in uni.items()}, bi


def _by_skeleton(uni: dict[str, float]) -> dict[str, list[str]]:
    """Known syllables grouped by skeleton, most frequent first."""
    by_skel: dict[str, list[str]] = {}
    for syl in uni:
        if syl != NUM and is_valid_syllable(syl):
            by_skel.setdefault(skeleton(syl), []).append(syl)
    for lst in by_skel.values():
        lst.sort(key=lambda s: -uni[s])
    return by_skel


class PairIndex:
    """For each pair of skeletons: the syllables that fill each side, and the pair far more
    frequent than any other with those skeletons (taken as read). Worked out for a pair of
    skeletons when it is first asked for: a document asks for a few thousand of the tens
    of thousands, and the model loads faster without building them all.

    The pairs come grouped by their skeletons (`compile_counts`), each group with a key
    that numbers its pair of skeletons, in the order of the keys. Most pairs of skeletons
    asked for have no group at all.
    """

    def __init__(
        self,
        syllables: list[str],
        firsts: Sequence[int],
        seconds: Sequence[int],
        weights: Sequence[float],
        skeletons: list[str],
        keys: Sequence[int],
        starts: Sequence[int],
    ) -> None:
        self._syllables = syllables
        self._firsts, self._seconds, self._weights = firsts, seconds, weights
        # each skeleton that a known syllable has -> its number
        self.skeletons = {sk: i for i, sk in enumerate(skeletons)}
        self._count = len(skeletons)
        # The groups' keys, ascending, and where each group starts (and, last, where the
        # pairs end): a group is found by bisection, so loading builds no dict of them.
        self._keys, self._starts = keys, starts
        self._known: dict[tuple[str, str], tuple[PairChoice, tuple[str, str] | None]] = {}

    def work_out(self, key: tuple[str, str]) -> tuple[PairChoice, tuple[str, str] | None]:
        """(the fillers of each side, the dominant pair or None) for a pair of skeletons."""
        got = self._known.get(key)
        if got is not None:
            return got
        first, second = self.skeletons.get(key[0]), self.skeletons.get(key[1])
        if first is None or second is None:
            return _NO_PAIRS
        keys = self._keys
        wanted = _group_key(first, second, self._count)
        group = bisect_left(keys, wanted)
        if group == len(keys) or keys[group] != wanted:
            return _NO_PAIRS
        syllables = self._syllables
        start, end = self._starts[group], self._starts[group + 1]
        if end == start + 1:  # most groups: one pair, dominant if frequent enough on its own
            a, b = syllables[self._firsts[start]], syllables[self._seconds[start]]
            got = (((a,), (b,)), (a, b) if self._weights[start] >= _DOMINANT else None)
            _remember(self._known, key, got, _MANY)
            return got
        firsts: dict[str, None] = {}
        seconds: dict[str, None] = {}
        top_pair, top, runner_up = None, 0.0, 0.0
        for i in range(start, end):
            a, b, n = syllables[self._firsts[i]], syllables[self._seconds[i]], self._weights[i]
            firsts[a] = seconds[b] = None
            if n > top:
                top_pair, top, runner_up = (a, b), n, top
            elif n > runner_up:
                runner_up = n
        entry = (tuple(firsts), tuple(seconds))
        dominant = top_pair if top_pair and top >= _DOMINANT * max(runner_up, 1.0) else None
        got = (entry, dominant)
        _remember(self._known, key, got, _MANY)
        return got

    def get(self, key: tuple[str, str]) -> PairChoice:
        """The syllables that fill each side of a pair with these skeletons, or None."""
        return self.work_out(key)[0]

    def dominant(self, pair: tuple[str, str]) -> bool:
        """Whether `pair` is far more frequent than any other with its skeletons."""
        return self.work_out((skeleton(pair[0]), skeleton(pair[1])))[1] == pair


def _suspects(
    by_skel: dict[str, list[str]], uni: dict[str, float], corpus: dict[str, int]
) -> tuple[frozenset[str], frozenset[str]]:
    """Syllables far rarer than a look-alike with as many marks: what OCR damage looks like.

    The second, stricter set (never in the corpus, a look-alike seen often) is
    what `looks_like_ocr` counts.
    """
    suspect = frozenset(
        s
        for sib in by_skel.values()
        for s in sib[1:]
        if any(
            uni[t] >= _SUSPECT_MIN and uni[t] >= _SUSPECT_RATIO * uni[s] and marks(t) >= marks(s)
            for t in sib
        )
    )
    telltale = frozenset(
        s
        for sib in by_skel.values()
        for s in sib
        if corpus.get(s, 0) == 0 and corpus.get(sib[0], 0) >= _TELLTALE_MIN
    )
    return suspect, telltale


def compile_counts(counts: dict) -> dict:
    """The tables the model is loaded from, worked out from the build tool's counts.

    Everything that depends only on the counts (weights, skeletons, sounds, suspects,
    unigram probabilities, pairs grouped by skeletons) is computed here, once, when the
    model is built. Syllables and skeletons are listed once and referred to by their
    place in their list; numbers are arrays, which `encode_tables` writes as they are
    in memory. Groups of consecutive entries are given by their sizes.
    """
    uni, bi = _weighted_counts(counts)
    syllables = sorted(uni)
    place = {s: i for i, s in enumerate(syllables)}
    skeletons = sorted({skeleton(s) for s in syllables})
    sk_place = {sk: i for i, sk in enumerate(skeletons)}
    left: dict[str, list[float]] = {}
    for (a, _), n in bi.items():
        entry = left.setdefault(a, [0.0, 0.0])
        entry[0] += n
        entry[1] += 1
    total = sum(uni.values())
    norm = total + 0.1 * len(uni)  # what `OcrModel.logp` smooths unigrams with
    groups = _grouped_pairs(bi)
    pairs = [pair for group in groups for pair in group]
    by_skel = _by_skeleton(uni)
    by_sound = {split_tone(syl): syl for lst in by_skel.values() for syl in lst}
    suspect, telltale = _suspects(by_skel, uni, counts["corpus_unigrams"])
    return {
        "format": TABLES_FORMAT,
        "sources": counts["sources"],
        "total": total,
        "syllables": syllables,
        "counts": array("d", (uni[s] for s in syllables)),
        "unigram": array("d", ((uni[s] + 0.1) / norm for s in syllables)),
        "skeletons": skeletons,
        "pair_first": array("H", (place[a] for a, _ in pairs)),
        "pair_second": array("H", (place[b] for _, b in pairs)),
        "pair_weight": array("d", (bi[pair] for pair in pairs)),
        "pair_group_keys": array(
            "I",
            (
                _group_key(sk_place[skeleton(a)], sk_place[skeleton(b)], len(skeletons))
                for (a, b), *_ in groups
            ),
        ),
        "pair_group_starts": array("I", [0, *accumulate(map(len, groups))]),
        "after_syllable": array("H", (place[a] for a in left)),
        "after_total": array("d", (t + _SMOOTH for t, _ in left.values())),
        "after_weight": array("d", (_DISCOUNT * k + _SMOOTH for _, k in left.values())),
        "by_skeleton": array("H", (place[s] for lst in by_skel.values() for s in lst)),
        "by_skeleton_sizes": array("H", map(len, by_skel.values())),
        "by_skeleton_keys": array("H", map(sk_place.__getitem__, by_skel)),
        "sound_toneless": [t for t, _ in by_sound],
        "sound_tone": array("B", (tone for _, tone in by_sound)),
        "sound_syllable": array("H", (place[s] for s in by_sound.values())),
        "suspect": array("H", sorted(place[s] for s in suspect)),
        "telltale": array("H", sorted(place[s] for s in telltale)),
    }


def _group_key(first: int, second: int, skeletons: int) -> int:
    """The key of a group of pairs: the numbers of its two skeletons, out of `skeletons`."""
    return first * skeletons + second


def _grouped_pairs(bi: dict[tuple[str, str], float]) -> list[list[tuple[str, str]]]:
    """The pairs grouped by the skeletons of their syllables, as `PairIndex` looks them up:
    the groups in the order of their skeletons (that of their keys, which it bisects).

    Within a group the pairs keep the order fillers are listed in (by the first syllable's
    first appearance among the pairs, then the second's): it decides which of two equally
    likely candidates a repair takes.
    """
    first_rank = {a: i for i, a in enumerate(dict.fromkeys(a for a, _ in bi))}
    second_rank = {b: i for i, b in enumerate(dict.fromkeys(b for _, b in bi))}
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for a, b in sorted(bi, key=lambda pair: (first_rank[pair[0]], second_rank[pair[1]])):
        groups.setdefault((skeleton(a), skeleton(b)), []).append((a, b))
    return [groups[key] for key in sorted(groups)]


# The model file: a line of JSON (the format, the scalars, and each table's name, type and
# length in bytes), then the tables' bytes one after the other: a list of strings as UTF-8
# lines, an array of numbers as its little-endian machine values. Reading an array is one
# memory copy; a JSON list would make a Python object of each number as it parses.
_TEXT = "lines"
_ITEM_SIZES = {"B": 1, "H": 2, "I": 4, "d": 8}  # array types: unsigned ints, a 64-bit float


def encode_tables(tables: dict) -> bytes:
    """The model file's bytes for `tables` (what `compile_counts` gives)."""
    header: dict = {}
    layout = []
    parts = []
    for name, value in tables.items():
        if isinstance(value, array):
            _check_item_size(value)
            value = array(value.typecode, value)  # a copy, to put in file order
            if sys.byteorder == "big":
                value.byteswap()
            data, kind = value.tobytes(), str(value.typecode)
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            data, kind = "\n".join(value).encode("utf-8"), _TEXT
        else:
            header[name] = value
            continue
        layout.append([name, kind, len(data)])
        parts.append(data)
    header["tables"] = layout
    line = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return b"".join([line, b"\n", *parts])


def decode_tables(data: bytes) -> dict:
    """The tables of a model file (the inverse of `encode_tables`)."""
    end = data.index(b"\n")
    tables = json.loads(data[:end])
    layout = tables.pop("tables", [])
    view = memoryview(data)
    pos = end + 1
    for name, kind, size in layout:
        chunk = view[pos : pos + size]
        pos += size
        if kind == _TEXT:
            tables[name] = str(chunk, "utf-8").split("\n") if size else []
        else:
            values = array(kind)
            _check_item_size(values)
            values.frombytes(chunk)
            if sys.byteorder == "big":
                values.byteswap()
            tables[name] = values
    return tables


def _check_item_size(values: array) -> None:
    """C leaves the size of some array types to the platform: the file's are fixed."""
    if values.itemsize != _ITEM_SIZES[values.typecode]:
        raise ValueError(
            f"array type {values.typecode!r} is not {_ITEM_SIZES[values.typecode]} bytes here"
        )


def _bounds(sizes: Iterable[int]) -> tuple[list[int], list[int]]:
    """(starts, ends) of consecutive groups of entries, from their sizes."""
    ends = list(accumulate(sizes))
    return [0, *ends[:-1]], ends


def model_from_counts(counts: dict) -> OcrModel:
    """A model built from counts rather than the packaged tables (the build tool's check)."""
    return OcrModel(compile_counts(counts))


@lru_cache(maxsize=1)
def load_model() -> OcrModel:
    """The packaged model, loaded once."""
    path = data_file("ocr", "model.bin")
    tables = decode_tables(path.read_bytes())
    if tables.get("format") != TABLES_FORMAT:
        raise ValueError(
            f"{path}: not a {TABLES_FORMAT} file; rebuild it with tools/build_ocr_model.py"
        )
    return OcrModel(tables)
