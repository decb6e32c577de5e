"""Repair OCR-garbled Vietnamese text: wrong diacritics, letter confusions, stray marks.

Each run of letters between spaces is a syllable. Where OCR damaged one, the
right syllable usually has the same base letters (`thông nhát` -> `thống nhất`),
so the candidates for a syllable are the known syllables with the same
skeleton (`skeleton()`: diacritics dropped), plus, for syllables that cannot be
Vietnamese, a few letter confusions Tesseract makes (`rn` -> `m`). A syllable
bigram model built from clean administrative text (`tools/build_ocr_model.py`)
chooses among them along each phrase (Viterbi); a correct-looking syllable is
only replaced when the bigram evidence outweighs a high change cost.
"""

from __future__ import annotations

import gzip
import json
import math
import random
import re
import time
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise

from kehoach.text.syllables import (
    LETTERS,
    NUM,
    WORD_RE,
    Token,
    apply_case,
    is_valid_syllable,
    lower_syllable,
    marks,
    skeleton,
    split_tone,
    syllable_runs,
)

__all__ = [
    "OcrModel",
    "Repair",
    "bench_repair",
    "looks_like_ocr",
    "ocr_score",
    "repair",
    "training_sequences",
]

# Costs of keeping or changing a syllable, in nats of the bigram log-probability
# that a change has to gain. Tuned on held-out clean text (precision first) and
# on OCR-like damage; a wrong "repair" of a correct word is worse than a miss.
_KEEP_UNKNOWN = 2.5  # keeping a well-formed syllable never seen in clean text
_KEEP_INVALID = 12.0  # keeping a syllable that cannot be Vietnamese
_CHANGE_KNOWN = 7.0  # replacing a syllable seen in clean text
_CHANGE_SUSPECT = 2.5  # replacing a known syllable far rarer than a look-alike
_CHANGE_UNKNOWN = 0.5  # replacing a well-formed syllable never seen in clean text
_CHANGE_INVALID = 0.5  # replacing a syllable that cannot be Vietnamese
_NAME = 6.0  # extra for changing a syllable of a proper name
_ATTESTED = 3.0  # extra when the syllable as read forms a known pair with a neighbour
_FEWER_MARKS = 2.5  # extra when the replacement has fewer marks than the reading
_CONFUSION = 1.0  # extra for a letter confusion (beyond diacritics)
_EDIT = 3.0  # extra for a final letter dropped or added by OCR
_LONGEST = 9  # letters in the longest reading worth looking for confusions in
_BOTH_MENDED = 4.0  # bonus for a known pair that replaces both syllables of an unknown one
_DOMINANT = 4.0  # a pair this many times more frequent than its look-alikes is not questioned

# The language model: counts from clean text, plus the lexicon's words.
_LEX_BIGRAM = 1.0  # weight of a syllable pair inside a lexicon word
_LEX_UNIGRAM = 0.3  # weight of a syllable's occurrence in a lexicon word
_UNIGRAM_FLOOR = 2.0  # least count of a known syllable, however rare in the corpus
_DISCOUNT = 0.75  # absolute discount of each seen pair
_SMOOTH = 1.0  # extra weight of the unigram in the bigram estimate
_SUSPECT_MIN = 5.0  # a look-alike this frequent ...
_SUSPECT_RATIO = 8.0  # ... and this many times more frequent makes a syllable suspect
_TELLTALE_MIN = 10  # for detection: a look-alike this frequent, the syllable never seen

# Letter confusions of Tesseract on Vietnamese print (lower case; tried only on
# syllables that cannot be Vietnamese as read).
_CONFUSIONS = (
    ("ứi", "th"),
    ("ii", "n"),
    ("li", "h"),
    ("rn", "m"),
    ("ri", "n"),
    ("cl", "d"),
    ("ụự", "ự"),
    ("ựụ", "ự"),
    ("ưự", "ự"),
    ("ìi", "ì"),
    ("iì", "ì"),
    ("íi", "í"),
    ("ll", "u"),
    ("i", "l"),  # Iàm -> làm
    ("l", "i"),
    ("e", "c"),  # eác -> các
    ("c", "e"),
    ("u", "n"),
    ("n", "u"),
    ("in", "m"),
    ("fh", "th"),
    ("tli", "th"),
    ("ỉ", "i"),
)


@dataclass(frozen=True)
class Repair:
    """One change made by `repair`: 1-based line number, text before and after."""

    line: int
    original: str
    replacement: str


def training_sequences(text: str) -> Iterator[list[str]]:
    """Lower-case syllable sequences of `text` as the model sees them (for the build tool)."""
    text = unicodedata.normalize("NFC", text)
    for chunk in syllable_runs(text):
        yield [NUM if t.low == NUM else (t.low if not t.fixed else "<x>") for t in chunk]


class OcrModel:
    """Syllable unigram and bigram counts with the indexes candidate generation needs.

    Built from the counts `tools/build_ocr_model.py` writes; `repair` uses the
    packaged one unless given another (the build tool's held-out check does).
    """

    def __init__(self, data: dict) -> None:
        self.uni, self.bi = _weighted_counts(data)
        left: dict[str, list[float]] = {}
        for (a, _), n in self.bi.items():
            entry = left.setdefault(a, [0.0, 0.0])
            entry[0] += n
            entry[1] += 1
        self.left = {a: (t, k) for a, (t, k) in left.items()}  # (pairs, kinds) after a
        self.total = sum(self.uni.values())
        self.vocab = len(self.uni)
        self.by_skel = _by_skeleton(self.uni)
        # Known syllables by sound (toneless form and tone), whatever their spelling.
        self.by_sound = {split_tone(syl): syl for lst in self.by_skel.values() for syl in lst}
        self.pair_fillers, self.dominant = _pair_indexes(self.bi)
        self.suspect, self.telltale = _suspects(self.by_skel, self.uni, data["corpus_unigrams"])
        self.readings: dict[str, tuple[bool, bool, bool, str, tuple[str, ...]]] = {}
        self._logp_cache: dict[tuple[str | None, str], float] = {}

    def logp(self, a: str | None, b: str) -> float:
        """log P(b | a), a None at the start of a run."""
        key = (a, b)
        got = self._logp_cache.get(key)
        if got is None:
            pu = (self.uni.get(b, 0.0) + 0.1) / (self.total + 0.1 * self.vocab)
            left = self.left.get(a) if a is not None else None
            if left is None:
                got = math.log(pu)
            else:
                # Interpolated absolute discounting: a syllable followed by many different
                # ones in the corpus leaves more room for a pair never seen.
                total, kinds = left
                seen = max(self.bi.get(key, 0.0) - _DISCOUNT, 0.0)
                got = math.log((seen + (_DISCOUNT * kinds + _SMOOTH) * pu) / (total + _SMOOTH))
            if len(self._logp_cache) < 200_000:
                self._logp_cache[key] = got
        return got


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


def _pair_indexes(
    bi: dict[tuple[str, str], float],
) -> tuple[dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]], frozenset]:
    """For each pair of skeletons: the syllables that fill each side; and the dominant pairs.

    A pair far more frequent than any other with its skeletons is taken as read.
    """
    firsts: dict[tuple[str, str], set[str]] = {}
    seconds: dict[tuple[str, str], set[str]] = {}
    best: dict[tuple[str, str], list] = {}
    for (a, b), n in bi.items():
        key = (skeleton(a), skeleton(b))
        firsts.setdefault(key, set()).add(a)
        seconds.setdefault(key, set()).add(b)
        entry = best.setdefault(key, [None, 0.0, 0.0])
        if n > entry[1]:
            entry[0], entry[1], entry[2] = (a, b), n, entry[1]
        elif n > entry[2]:
            entry[2] = n
    fillers = {k: (tuple(v), tuple(seconds[k])) for k, v in firsts.items()}
    dominant = frozenset(
        pair for pair, top, second in best.values() if top >= _DOMINANT * max(second, 1.0)
    )
    return fillers, dominant


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


@lru_cache(maxsize=1)
def _model() -> OcrModel:
    """The packaged model, loaded once."""
    path = resources.files("kehoach.data") / "ocr" / "model.json.gz"
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
        return OcrModel(json.load(f))


@lru_cache(maxsize=20_000)
def _confusion_variants(low: str) -> frozenset[str]:
    """Readings one letter confusion away, and (marked syllables) one letter shorter."""
    out: set[str] = set()
    if len(low) > _LONGEST:
        return frozenset(out)  # no syllable is that long: letters run together, or noise
    for wrong, right in _CONFUSIONS:
        i = low.find(wrong)
        while i >= 0:
            out.add(low[:i] + right + low[i + len(wrong) :])
            i = low.find(wrong, i + 1)
    if not low.isascii():
        out.update(low[:i] + low[i + 1 :] for i in range(len(low)) if len(low) > 2)
    return frozenset(out)


def _title(tok: Token) -> bool:
    """Capitalized (`Bằng`), outside a heading."""
    word = tok.text
    return word[0].isupper() and not tok.heading and (len(word) == 1 or word[1:].islower())


def _in_name(chunk: list[Token], i: int) -> bool:
    """True for a capitalized syllable next to another: a proper name (`Cao Bằng`)."""
    if not _title(chunk[i]):
        return False
    return (i > 0 and _title(chunk[i - 1])) or (i + 1 < len(chunk) and _title(chunk[i + 1]))


def _attested(model: OcrModel, chunk: list[Token], i: int) -> bool:
    """True when the syllable as read forms a known pair with a neighbour as read."""
    low = chunk[i].low
    if i > 0 and (chunk[i - 1].low, low) in model.bi:
        return True
    return i + 1 < len(chunk) and (low, chunk[i + 1].low) in model.bi


def _reading(model: OcrModel, low: str) -> tuple[bool, bool, bool, str, tuple[str, ...]]:
    """What the model knows of a syllable as read: known, valid, suspect, skeleton, siblings."""
    got = model.readings.get(low)
    if got is None:
        known = low in model.uni
        valid = known or is_valid_syllable(low)
        suspect = low in model.suspect
        sk = skeleton(low)
        own = tuple(model.by_skel.get(sk, ())[:6]) if not known or suspect else ()
        if valid and not known:
            spelled = model.by_sound.get(split_tone(low))
            if spelled:  # `bỉên`: the tone mark of `biển` on the wrong vowel
                valid, own = False, (spelled, *own)
        got = (known, valid, suspect, sk, own)
        if len(model.readings) < 100_000:
            model.readings[low] = got
    return got


def _candidates(
    model: OcrModel,
    chunk: list[Token],
    i: int,
    fillers: tuple[str, ...],
    edited: tuple[str, ...] = (),
) -> list[tuple[str, float, bool]]:
    """(syllable, change cost, by letter confusion) for position i of a run.

    `fillers` are the syllables that known pairs put at this position, given the
    skeletons of the neighbours; `edited` those one final letter away.
    """
    tok = chunk[i]
    low = tok.low
    known, valid, suspect, _, siblings = _reading(model, low)
    alternatives = siblings + fillers
    if valid and not edited and all(s == low for s in alternatives):
        return [(low, 0.0, False)]
    if known and len(chunk) == 1 and low not in model.telltale:
        return [(low, 0.0, False)]  # no context to judge by, and clean text has it
    if known:
        keep, change = 0.0, _CHANGE_SUSPECT if suspect else _CHANGE_KNOWN
        if _in_name(chunk, i):
            # `Hoa Ban` is a name however rare `hoa` is; but `Sở Nôi vụ` is `Sở Nội vụ`.
            change = _CHANGE_KNOWN if suspect else _CHANGE_KNOWN + _NAME
        if _attested(model, chunk, i):
            change += _ATTESTED
    elif valid:
        keep, change = _KEEP_UNKNOWN, _CHANGE_UNKNOWN
        if _title(tok) and (i > 0 or _in_name(chunk, i)):
            keep, change = 0.0, _CHANGE_KNOWN + _NAME  # probably a proper name
    else:
        keep, change = _KEEP_INVALID, _CHANGE_INVALID
    out = {low: (keep, False)}
    own = marks(low)
    for s in alternatives:
        # OCR mostly drops marks; a reading with more marks than the truth is rarer.
        out.setdefault(s, (change + (_FEWER_MARKS if known and marks(s) < own else 0.0), False))
    for s in edited:
        out.setdefault(s, (change + _EDIT, True))
    if not valid:
        for v in _confusion_variants(low):
            if v in model.uni or is_valid_syllable(v):
                out.setdefault(v, (change + _CONFUSION, True))  # marks kept: vịnli -> vịnh
            for s in model.by_skel.get(skeleton(v), ())[:3]:
                out.setdefault(s, (change + _CONFUSION + 3.0, True))
    return [(s, c, conf) for s, (c, conf) in out.items()]


@lru_cache(maxsize=20_000)
def _letter_edits(sk: str) -> tuple[str, ...]:
    """Skeletons one final letter away: OCR drops or adds a final (`THỰ HIỆN`)."""
    added = tuple(sk + c for c in "ctnmpgh")
    return (*added, sk[:-1]) if len(sk) > 1 else added


def _edited_fillers(
    model: OcrModel, chunk: list[Token], lows: list[str], readings: list[tuple]
) -> dict[int, tuple[str, ...]]:
    """Syllables one final letter away from a reading that pairs with neither neighbour,
    which do form a known pair with a neighbour as read."""
    out: dict[int, tuple[str, ...]] = {}
    n = len(chunk)
    if n == 1:
        return out
    for i in range(n):
        # Only where it matters and is cheap: headings (`KINH PHÍ THỰ HIỆN`, which the
        # extractor must recognise) and syllables clean text never has.
        tok = chunk[i]
        if tok.fixed or (readings[i][0] and not tok.heading) or _attested(model, chunk, i):
            continue
        found: list[str] = []
        for sk in _letter_edits(readings[i][3]):
            if i + 1 < n and (entry := model.pair_fillers.get((sk, readings[i + 1][3]))):
                found.extend(a for a in entry[0] if (a, lows[i + 1]) in model.bi)
            if i and (entry := model.pair_fillers.get((readings[i - 1][3], sk))):
                found.extend(b for b in entry[1] if (lows[i - 1], b) in model.bi)
        if found:
            out[i] = tuple(found)
    return out


def _decode(model: OcrModel, chunk: list[Token]) -> list[tuple[str, bool]]:
    """Best syllable for each position of a run; only stretches with a choice are searched."""
    n = len(chunk)
    lows = [t.low for t in chunk]
    get = model.readings.get
    readings = [get(low) or _reading(model, low) for low in lows]
    fillers: list[tuple[str, ...]] = [()] * n
    choice = False
    sks = [r[3] for r in readings]
    for k, entry in enumerate(map(model.pair_fillers.get, pairwise(sks))):
        if (
            entry is not None
            and (entry[0] != (lows[k],) or entry[1] != (lows[k + 1],))
            and (lows[k], lows[k + 1]) not in model.dominant
        ):
            fillers[k] += entry[0]
            fillers[k + 1] += entry[1]
            choice = True
    edited = _edited_fillers(model, chunk, lows, readings)
    if not choice and not edited and all(r[1] and not r[4] for r in readings):
        return [(low, False) for low in lows]  # nothing to choose: the common case
    lattice = [
        _candidates(model, chunk, i, fillers[i], edited.get(i, ()))
        if not tok.fixed and (fillers[i] or i in edited or readings[i][4] or not readings[i][1])
        else [(lows[i], 0.0, False)]
        for i, tok in enumerate(chunk)
    ]
    out = [(cands[0][0], False) for cands in lattice]  # the syllable as read comes first
    i = 0
    while i < n:
        if len(lattice[i]) == 1:
            i += 1
            continue
        j = i
        while j < n and len(lattice[j]) > 1:
            j += 1
        left = lattice[i - 1][0][0] if i else None
        right = lattice[j][0][0] if j < n else None
        out[i:j] = _viterbi(model, lattice[i:j], left, right)
        i = j
    return out


def _viterbi(
    model: OcrModel,
    lattice: list[list[tuple[str, float, bool]]],
    left: str | None,
    right: str | None,
) -> list[tuple[str, bool]]:
    """Best path through a stretch of candidates between fixed syllables `left` and `right`."""
    scores = [model.logp(left, s) - cost for s, cost, _ in lattice[0]]
    back: list[list[int]] = []
    for i in range(1, len(lattice)):
        before = lattice[i - 1]
        # Both syllables of a pair damaged (`thông nhát`): a known pair that mends
        # both is stronger evidence than its two bigram estimates say.
        pair_unknown = (before[0][0], lattice[i][0][0]) not in model.bi
        cur, arg = [], []
        for k, (s, cost, _) in enumerate(lattice[i]):
            best, at = -math.inf, 0
            for j, (ps, _, _) in enumerate(before):
                score = scores[j] + model.logp(ps, s)
                if j and k and pair_unknown and (ps, s) in model.bi:
                    score += _BOTH_MENDED
                if score > best:
                    best, at = score, j
            cur.append(best - cost)
            arg.append(at)
        scores = cur
        back.append(arg)
    if right is not None:
        scores = [
            sc + model.logp(s, right) for sc, (s, _, _) in zip(scores, lattice[-1], strict=True)
        ]
    j = max(range(len(scores)), key=scores.__getitem__)
    path = [j]
    for arg in reversed(back):
        j = arg[j]
        path.append(j)
    path.reverse()
    return [(lattice[i][j][0], lattice[i][j][2]) for i, j in enumerate(path)]


def _cased(tok: Token, new: str, confusion: bool, starts_run: bool) -> str:
    """`new` in the letter case of the token it replaces."""
    template = tok.text
    if confusion and not starts_run and len(template) > 2 and template[1:].islower():
        template = template[1:]  # `Tuy Iihiên`: the capital I was a misread n
    return apply_case(template, new)


def _shouting(chunk: list[Token], i: int) -> bool:
    """An upper-case syllable before lower-case text, outside a heading: `TỔ chức`."""
    tok = chunk[i]
    if not tok.text.isupper() or tok.heading or len(tok.text) < 2 or tok.text.isascii():
        return False
    if i and chunk[i - 1].text.isupper():
        return False
    return i + 1 < len(chunk) and chunk[i + 1].text.islower()


def _repair_words(text: str, model: OcrModel, repairs: list[tuple[int, str, str]]) -> str:
    """Text with each run of syllables decoded; (offset, old, new) of each change added."""
    pieces = []
    pos = 0
    for chunk in syllable_runs(text):
        for i, (tok, (new, conf)) in enumerate(zip(chunk, _decode(model, chunk), strict=True)):
            if tok.fixed or (new == tok.low and (tok.text.islower() or tok.text.istitle())):
                continue  # as read, and cased as words are: the common case
            word = tok.text if new == tok.low else _cased(tok, new, conf, i == 0)
            if not word.islower() and not word.isupper() and is_valid_syllable(word):
                # triỆt -> triệt, ĐẢng -> Đảng
                word = word[0] + word[1:].lower() if word[0].isupper() else word.lower()
            elif _shouting(chunk, i):
                word = word[0] + word[1:].lower()  # TỔ chức -> Tổ chức
            if word != tok.text:
                pieces.append(text[pos : tok.start])
                pieces.append(word)
                pos = tok.end
                repairs.append((tok.start, tok.text, word))
    pieces.append(text[pos:])
    return "".join(pieces)


# Marks OCR leaves around words: (b/©) for (b/c), a stray quote at a line start,
# a footnote number read as an apostrophe (`Tỉnh ủy'`), `1V.` for the heading `IV.`.
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_SYMBOL_FIXES = (
    (re.compile(r"\(b/[©®]\)|\(b/\)"), lambda m: "(b/c)"),
    (re.compile(r"(?m)^([ \t]*)'[ \t]?(?=[" + LETTERS + "])"), lambda m: m.group(1)),
    (re.compile(r"(?<=[" + LETTERS + r"])'(?=[,;:.)]|[ \t]|$)", re.M), lambda m: ""),
    (
        re.compile(r"(?m)^([ \t]*)([1lIVX]{1,4})(?=\.[ \t]*[A-ZĐ\u00c0-\u00dd\u1ea0-\u1ef8])"),
        lambda m: m.group(1) + _roman(m.group(2)),
    ),
)


def _roman(s: str) -> str:
    """`1V` -> `IV` when the digits make a roman numeral, else `s` unchanged."""
    fixed = s.replace("1", "I").replace("l", "I")
    if fixed != s and any(c in "IVX" for c in s) and fixed in _ROMAN:
        return fixed
    return s


def _fix_symbols(text: str, repairs: list[Repair]) -> str:
    """Text with `_SYMBOL_FIXES` applied, the changes added to `repairs`."""
    for pattern, fix in _SYMBOL_FIXES:
        if "'" in pattern.pattern and "'" not in text:
            continue
        pieces = []
        pos = 0
        found = []
        for m in pattern.finditer(text):
            new = fix(m)
            if new != m.group():
                pieces.append(text[pos : m.start()])
                pieces.append(new)
                pos = m.end()
                found.append((m.start(), m.group(), new))
        if pos:
            repairs.extend(_line_numbers(text, found))
            pieces.append(text[pos:])
            text = "".join(pieces)
    return text


def _line_numbers(text: str, found: list[tuple[int, str, str]]) -> list[Repair]:
    """Repairs from (offset in `text`, old, new)."""
    newlines = [m.start() for m in re.finditer("\n", text)]
    return [Repair(bisect_left(newlines, off) + 1, old, new) for off, old, new in found]


def repair(text: str, *, model: OcrModel | None = None) -> tuple[str, list[Repair]]:
    """Repair OCR damage in Vietnamese text; the same lines come back, with the changes made.

    The text comes back in Unicode NFC; `Repair.line` counts from 1.
    """
    text = unicodedata.normalize("NFC", text)
    changes: list[Repair] = []
    fixed = _fix_symbols(text, changes)  # never adds or removes a line break
    word_fixes: list[tuple[int, str, str]] = []
    repaired = _repair_words(fixed, model or _model(), word_fixes)
    changes += _line_numbers(fixed, word_fixes)
    changes.sort(key=lambda r: r.line)
    return repaired, changes


_OCR_SCAN_CHARS = 400_000  # enough text to judge; keeps the check fast on huge files
_OCR_THRESHOLD = 0.01  # share of damaged-looking syllables above which text is OCR


def _damage(word: str, model: OcrModel) -> int:
    """1 when a syllable looks OCR-damaged: impossible, oddly cased, or a rare sibling."""
    if len(word) > 1 and word.isupper():
        return 0  # abbreviation or heading: judged elsewhere
    low = lower_syllable(word)
    if not low.isascii() and not is_valid_syllable(low):
        return 1
    if not word[0].isupper() and not word.islower():
        return 1  # triỆt
    return int(low in model.telltale)


def ocr_score(text: str) -> float:
    """Share of syllables that look OCR-damaged (see `looks_like_ocr`)."""
    model = _model()
    counts = Counter(WORD_RE.findall(text, 0, _OCR_SCAN_CHARS))
    total = damaged = 0
    for word, n in counts.items():
        if len(word) > 1 and word.isupper():
            continue
        total += n
        damaged += n * _damage(word, model)
    return damaged / total if total else 0.0


def looks_like_ocr(text: str) -> bool:
    """True when the text reads like unrepaired OCR of a Vietnamese scan."""
    return ocr_score(text) > _OCR_THRESHOLD


def bench_repair(mb: float = 1.0) -> dict:
    """Throughput of `looks_like_ocr` and `repair` on `mb` megabytes of OCR-like text.

    The text is paragraphs of the packaged OCR sample in random order. Returns
    `{"mb", "looks_like_ocr", "detect_mb_per_s", "repair_mb_per_s", "repairs"}`.
    """
    path = resources.files("kehoach.data") / "samples" / "ocr" / "001_ocr.txt"
    sample = path.read_text(encoding="utf-8")
    rng = random.Random(0)
    paragraphs = [p for p in sample.split("\n\n") if p.strip()]
    size = int(mb * 1_000_000)
    parts: list[str] = []
    length = 0
    while length < size:
        p = rng.choice(paragraphs)
        parts.append(p)
        length += len(p.encode("utf-8")) + 2
    text = "\n\n".join(parts)
    real_mb = len(text.encode("utf-8")) / 1_000_000
    _model()  # loading is a one-off cost, not throughput
    t0 = time.perf_counter()
    flagged = looks_like_ocr(text)
    t1 = time.perf_counter()
    _, changes = repair(text)
    t2 = time.perf_counter()
    return {
        "mb": round(real_mb, 3),
        "looks_like_ocr": flagged,
        "detect_mb_per_s": round(real_mb / max(t1 - t0, 1e-9), 2),
        "repair_mb_per_s": round(real_mb / max(t2 - t1, 1e-9), 2),
        "repairs": len(changes),
    }
