"""Choosing the syllables of a run: the best path through its candidates (Viterbi).

A run of syllables (`syllables.syllable_runs`) is decoded stretch by stretch:
only positions with more than one candidate are searched, between neighbours
that stay as read. Most runs cannot change at all (`calm_run`) and are passed
over before any token is made; a stretch whose reading no change could beat
(`_settled`) is not searched.
"""

from __future__ import annotations

import math
from itertools import pairwise

from kehoach.text.ocr_candidates import Candidates, candidates, edited_fillers
from kehoach.text.ocr_model import OcrModel
from kehoach.text.syllables import Token, lower_syllable

__all__ = ["calm_run", "decode"]

_BOTH_MENDED = 4.0  # bonus for a known pair that replaces both syllables of an unknown one
_MARGIN = 1e-6  # rounding allowance when ruling a change out


def calm_run(model: OcrModel, words: list[str], lows: list[str], heading: bool) -> bool:
    """True when nothing in a run can change: every word but codes known, cased as words
    are and unquestioned, no pair with a look-alike, no heading (where finals get mended).

    `words` are the run's words that are not fixed, `lows` every token's spelling (the
    `skip` of `syllable_runs`).
    """
    if heading:
        return False
    calm = model.calm_words
    if not all(map(calm.__contains__, words)) and (
        not model.busy_words.isdisjoint(words)
        or not all(model.calm(w, lower_syllable(w)) for w in words if w not in calm)
    ):
        return False
    calm_pairs = model.calm_pairs
    if calm_pairs.issuperset(pairwise(lows)):
        return True
    if not model.busy_pairs.isdisjoint(pairwise(lows)):
        return False
    return all(pair in calm_pairs or model.calm_pair(*pair) for pair in pairwise(lows))


def decode(model: OcrModel, chunk: list[Token]) -> dict[int, tuple[str, bool]]:
    """The changes the best reading of a run makes: position -> (syllable, whether a
    letter confusion gave it)."""
    lows = [t.low for t in chunk]
    readings = list(map(model.reading, lows))
    fillers: dict[int, tuple[str, ...]] = {}
    for k, entry in enumerate(map(model.choice, lows, lows[1:])):
        if entry is not None:
            fillers[k] = fillers.get(k, ()) + entry[0]
            fillers[k + 1] = entry[1]
    edited = edited_fillers(model, chunk, lows, readings)
    lattice: dict[int, Candidates] = {}  # positions with a choice, in order
    for i, (tok, reading) in enumerate(zip(chunk, readings, strict=True)):
        if (reading[4] or not reading[1] or i in fillers or i in edited) and not tok.fixed:
            cands = candidates(model, chunk, i, reading, fillers.get(i, ()), edited.get(i, ()))
            if len(cands) > 1:
                lattice[i] = cands
    changes: dict[int, tuple[str, bool]] = {}
    n = len(chunk)
    for i, j in _stretches(list(lattice)):
        stretch = [lattice[k] for k in range(i, j)]
        left = lows[i - 1] if i else None
        right = lows[j] if j < n else None
        if _settled(model, stretch, left, right):
            continue
        for k, (new, confusion) in enumerate(_viterbi(model, stretch, left, right), i):
            if new != lows[k]:
                changes[k] = (new, confusion)
    return changes


def _stretches(positions: list[int]) -> list[tuple[int, int]]:
    """(start, end) of each run of consecutive positions."""
    out: list[tuple[int, int]] = []
    for p in positions:
        if out and out[-1][1] == p:
            out[-1] = (out[-1][0], p + 1)
        else:
            out.append((p, p + 1))
    return out


def _settled(
    model: OcrModel, lattice: list[Candidates], left: str | None, right: str | None
) -> bool:
    """True when no path can beat the syllables as read, so the search can be skipped.

    A change at a position gains at most what the bigrams of the reading lose on its
    two sides (no bigram beats log 1 = 0; at the start of a run, no candidate beats
    the likeliest unigram among them), plus the bonus for a mended pair; it is ruled
    out when its cheapest candidate costs more than that.
    """
    logp = model.logp
    known = model.logp_cache.get  # the common case without a method call
    last = len(lattice) - 1
    before = left
    for i, cands in enumerate(lattice):
        read, keep, _ = cands[0]
        margin = min([cost for _, cost, _ in cands[1:]]) - keep - _MARGIN
        if margin <= 0.0:
            return False  # an unknown reading: cheaper to change than to keep
        if before is None:
            margin -= max([logp(None, s) for s, _, _ in cands]) - logp(None, read)
        else:
            margin += known((before, read)) or logp(before, read)
            if i and (before, read) not in model.bi:
                margin -= _BOTH_MENDED
        after = lattice[i + 1][0][0] if i < last else right
        if after is not None:
            margin += known((read, after)) or logp(read, after)
        if margin <= 0.0:
            return False
        before = read
    return True


def _viterbi(
    model: OcrModel, lattice: list[Candidates], left: str | None, right: str | None
) -> list[tuple[str, bool]]:
    """Best path through a stretch of candidates between fixed syllables `left` and `right`."""
    logp = model.logp
    known = model.logp_cache.get  # the common case without a method call
    if len(lattice) == 1:  # the common case, without the bookkeeping
        cands = lattice[0]
        if right is None:
            scores = [(known((left, s)) or logp(left, s)) - cost for s, cost, _ in cands]
        else:
            scores = [
                (known((left, s)) or logp(left, s)) - cost + (known((s, right)) or logp(s, right))
                for s, cost, _ in cands
            ]
        chosen = cands[scores.index(max(scores))]
        return [(chosen[0], chosen[2])]
    bi = model.bi
    scores = [(known((left, s)) or logp(left, s)) - cost for s, cost, _ in lattice[0]]
    back: list[list[int]] = []
    for i in range(1, len(lattice)):
        before = lattice[i - 1]
        # Both syllables of a pair damaged (`thông nhát`): a known pair that mends
        # both is stronger evidence than its two bigram estimates say.
        pair_unknown = (before[0][0], lattice[i][0][0]) not in bi
        cur, arg = [], []
        for k, (s, cost, _) in enumerate(lattice[i]):
            best, at = -math.inf, 0
            for j, (ps, _, _) in enumerate(before):
                score = scores[j] + (known((ps, s)) or logp(ps, s))
                if j and k and pair_unknown and (ps, s) in bi:
                    score += _BOTH_MENDED
                if score > best:
                    best, at = score, j
            cur.append(best - cost)
            arg.append(at)
        scores = cur
        back.append(arg)
    if right is not None:
        scores = [
            sc + (known((s, right)) or logp(s, right))
            for sc, (s, _, _) in zip(scores, lattice[-1], strict=True)
        ]
    j = scores.index(max(scores))
    path = [j]
    for arg in reversed(back):
        j = arg[j]
        path.append(j)
    path.reverse()
    return [(lattice[i][j][0], lattice[i][j][2]) for i, j in enumerate(path)]
