"""Choosing the syllables of a run: the best path through its candidates (Viterbi).

A run of syllables (`syllables.syllable_runs`) is decoded stretch by stretch:
only positions with more than one candidate are searched, between neighbours
that stay as read.
"""

from __future__ import annotations

import math
from itertools import pairwise

from kehoach.text.ocr_candidates import Candidates, candidates, edited_fillers
from kehoach.text.ocr_model import OcrModel
from kehoach.text.syllables import Token

__all__ = ["calm_run", "decode"]

_BOTH_MENDED = 4.0  # bonus for a known pair that replaces both syllables of an unknown one
_MARGIN = 1e-6  # rounding allowance when ruling a change out


def calm_run(model: OcrModel, chunk: list[Token]) -> bool:
    """True when nothing in the run can change: every syllable but codes known, cased as
    words are and unquestioned, no pair with a look-alike, no heading (where finals get
    mended)."""
    calm = model.calm
    if not all(t.fixed or calm(t.text, t.low) for t in chunk):
        return False
    if any(t.heading for t in chunk):
        return False
    pairs = model.calm_pairs
    calm_pair = model.calm_pair
    lows = [t.low for t in chunk]
    return all(calm_pair(a, b) for a, b in pairwise(lows) if (a, b) not in pairs)


def decode(model: OcrModel, chunk: list[Token]) -> list[tuple[str, bool]]:
    """Best syllable for each position of a run, and whether a letter confusion gave it."""
    n = len(chunk)
    lows = [t.low for t in chunk]
    readings = [model.reading(low) for low in lows]
    fillers: list[tuple[str, ...]] = [()] * n
    for k, entry in enumerate(map(model.choice, lows, lows[1:])):
        if entry is not None:
            fillers[k] += entry[0]
            fillers[k + 1] += entry[1]
    edited = edited_fillers(model, chunk, lows, readings)
    lattice: list[Candidates] = [
        candidates(model, chunk, i, fillers[i], edited.get(i, ()))
        if not tok.fixed and (fillers[i] or i in edited or readings[i][4] or not readings[i][1])
        else ((lows[i], 0.0, False),)
        for i, tok in enumerate(chunk)
    ]
    out = [(low, False) for low in lows]  # the syllable as read comes first
    i = 0
    while i < n:
        if len(lattice[i]) == 1:
            i += 1
            continue
        j = i
        while j < n and len(lattice[j]) > 1:
            j += 1
        left = lows[i - 1] if i else None
        right = lows[j] if j < n else None
        if not _settled(model, lattice[i:j], left, right):
            out[i:j] = _viterbi(model, lattice[i:j], left, right)
        i = j
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
    bi = model.bi
    reads = [cands[0][0] for cands in lattice]
    if left is None:
        first = lattice[0]
        into = [max(logp(None, s) for s, _, _ in first) - logp(None, reads[0])]
    else:
        into = [-logp(left, reads[0])]
    into += [-logp(a, b) + (0.0 if (a, b) in bi else _BOTH_MENDED) for a, b in pairwise(reads)]
    out_of = [-logp(a, b) for a, b in pairwise(reads)]
    out_of.append(-logp(reads[-1], right) if right is not None else 0.0)
    for cands, gain_in, gain_out in zip(lattice, into, out_of, strict=True):
        keep = cands[0][1]
        cheapest = min(cost for _, cost, _ in cands[1:])
        if cheapest - keep <= gain_in + gain_out + _MARGIN:
            return False
    return True


def _viterbi(
    model: OcrModel, lattice: list[Candidates], left: str | None, right: str | None
) -> list[tuple[str, bool]]:
    """Best path through a stretch of candidates between fixed syllables `left` and `right`."""
    logp = model.logp
    bi = model.bi
    scores = [logp(left, s) - cost for s, cost, _ in lattice[0]]
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
                score = scores[j] + logp(ps, s)
                if j and k and pair_unknown and (ps, s) in bi:
                    score += _BOTH_MENDED
                if score > best:
                    best, at = score, j
            cur.append(best - cost)
            arg.append(at)
        scores = cur
        back.append(arg)
    if right is not None:
        scores = [sc + logp(s, right) for sc, (s, _, _) in zip(scores, lattice[-1], strict=True)]
    j = max(range(len(scores)), key=scores.__getitem__)
    path = [j]
    for arg in reversed(back):
        j = arg[j]
        path.append(j)
    path.reverse()
    return [(lattice[i][j][0], lattice[i][j][2]) for i, j in enumerate(path)]
