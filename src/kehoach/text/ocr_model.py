"""The syllable model OCR repair decides by: unigram and bigram counts, and their indexes.

The counts come from `tools/build_ocr_model.py` (clean administrative text plus
the lexicon's words); `load_model()` reads the packaged file once. Everything
that depends only on a syllable or a pair of syllables is memoized on the model
in bounded caches: documents repeat their vocabulary heavily.
"""

from __future__ import annotations

import gzip
import json
import math
import unicodedata
from collections.abc import Iterator
from functools import cached_property, lru_cache
from importlib import resources

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
    "load_model",
    "model_from_counts",
    "training_sequences",
]

TABLES_FORMAT = "kehoach.ocr-model/2"  # what `load_model` reads (the build tool writes it)

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
        syllables: list[str] = tables["syllables"]
        self.uni: dict[str, float] = dict(zip(syllables, tables["counts"], strict=True))
        flat = iter(tables["pairs"])
        self.bi: dict[tuple[str, str], float] = {
            (syllables[a], syllables[b]): n for a, b, n in zip(flat, flat, flat, strict=True)
        }
        self.total = tables["total"]
        self.vocab = len(self.uni)
        # The parts of `logp` that depend on one syllable, computed once.
        norm = self.total + 0.1 * self.vocab
        self._unigram = {b: (n + 0.1) / norm for b, n in self.uni.items()}
        self._unseen = (0.0 + 0.1) / norm
        # After a: (its pairs' total + smoothing, weight of the unigram)
        flat = iter(tables["after"])
        self._after = {syllables[i]: (t, w) for i, t, w in zip(flat, flat, flat, strict=True)}
        self._skeletons = dict(zip(syllables, tables["skeletons"], strict=True))
        self.by_skel = {
            sk: [syllables[i] for i in idx] for sk, idx in tables["by_skeleton"].items()
        }
        # Known syllables by sound (toneless form and tone), whatever their spelling.
        self.by_sound = {(t, tone): syllables[i] for t, tone, i in tables["sounds"]}
        self.suspect = frozenset(syllables[i] for i in tables["suspect"])
        self.telltale = frozenset(syllables[i] for i in tables["telltale"])
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
        return PairIndex(self.bi, self._skeletons)

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
        try:
            return self._choices[key]
        except KeyError:
            pass
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
    of thousands, and the model loads faster without building them all."""

    def __init__(self, bi: dict[tuple[str, str], float], skeletons: dict[str, str]) -> None:
        self._bi = bi
        self._firsts: dict[str, list[str]] = {}
        self._seconds: dict[str, list[str]] = {}
        for a in dict.fromkeys(a for a, _ in bi):
            self._firsts.setdefault(skeletons[a], []).append(a)
        for b in dict.fromkeys(b for _, b in bi):
            self._seconds.setdefault(skeletons[b], []).append(b)
        self._known: dict[tuple[str, str], tuple[PairChoice, tuple[str, str] | None]] = {}

    def work_out(self, key: tuple[str, str]) -> tuple[PairChoice, tuple[str, str] | None]:
        """(the fillers of each side, the dominant pair or None) for a pair of skeletons."""
        got = self._known.get(key)
        if got is not None:
            return got
        firsts: dict[str, None] = {}
        seconds: dict[str, None] = {}
        top_pair, top, second = None, 0.0, 0.0
        bi = self._bi
        ends = self._seconds.get(key[1], ())
        for a in self._firsts.get(key[0], ()):
            for b in ends:
                n = bi.get((a, b))
                if n is None:
                    continue
                firsts[a] = seconds[b] = None
                if n > top:
                    top_pair, top, second = (a, b), n, top
                elif n > second:
                    second = n
        entry = (tuple(firsts), tuple(seconds)) if firsts else None
        dominant = top_pair if top_pair and top >= _DOMINANT * max(second, 1.0) else None
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

    Everything that depends only on the counts (weights, skeletons, sounds, suspects) is
    computed here, once, when the model is built: loading then only reads lists. Syllables
    are listed once and referred to by their place in that list.
    """
    uni, bi = _weighted_counts(counts)
    syllables = sorted(uni)
    place = {s: i for i, s in enumerate(syllables)}
    left: dict[str, list[float]] = {}
    for (a, _), n in bi.items():
        entry = left.setdefault(a, [0.0, 0.0])
        entry[0] += n
        entry[1] += 1
    by_skel = _by_skeleton(uni)
    by_sound = {split_tone(syl): syl for lst in by_skel.values() for syl in lst}
    suspect, telltale = _suspects(by_skel, uni, counts["corpus_unigrams"])
    return {
        "format": TABLES_FORMAT,
        "sources": counts["sources"],
        "syllables": syllables,
        "counts": [_compact(uni[s]) for s in syllables],
        "total": sum(uni.values()),
        "skeletons": [skeleton(s) for s in syllables],
        "pairs": [x for (a, b), n in bi.items() for x in (place[a], place[b], _compact(n))],
        "after": [
            x
            for a, (t, k) in left.items()
            for x in (place[a], t + _SMOOTH, _compact(_DISCOUNT * k + _SMOOTH))
        ],
        "by_skeleton": {sk: [place[s] for s in lst] for sk, lst in by_skel.items()},
        "sounds": [[t, tone, place[s]] for (t, tone), s in by_sound.items()],
        "suspect": sorted(place[s] for s in suspect),
        "telltale": sorted(place[s] for s in telltale),
    }


def _compact(n: float) -> float | int:
    """A whole weight as an int: the same number, a shorter file."""
    return int(n) if float(n).is_integer() else n


def model_from_counts(counts: dict) -> OcrModel:
    """A model built from counts rather than the packaged tables (the build tool's check)."""
    return OcrModel(compile_counts(counts))


@lru_cache(maxsize=1)
def load_model() -> OcrModel:
    """The packaged model, loaded once."""
    path = resources.files("kehoach.data") / "ocr" / "model.json.gz"
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
        tables = json.load(f)
    if tables.get("format") != TABLES_FORMAT:
        raise ValueError(
            f"{path}: not a {TABLES_FORMAT} file; rebuild it with tools/build_ocr_model.py"
        )
    return OcrModel(tables)
