"""Candidate syllables for a syllable as OCR read it, each with the cost of choosing it.

The right syllable usually has the same base letters (`thông nhát` -> `thống
nhất`): the known syllables with the same skeleton, and those that known pairs
put next to the neighbours, are candidates. For syllables that cannot be
Vietnamese as read, a few letter confusions Tesseract makes (`rn` -> `m`) add
more. A correct-looking syllable is only replaced when the bigram evidence
outweighs a high change cost.
"""

from __future__ import annotations

from functools import lru_cache

from kehoach.text.ocr_model import OcrModel, Reading
from kehoach.text.syllables import Token, is_valid_syllable, marks, skeleton

# (syllable, change cost, by letter confusion): the first is always the syllable as read.
Candidates = tuple[tuple[str, float, bool], ...]

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


def attested(model: OcrModel, chunk: list[Token], i: int) -> bool:
    """True when the syllable as read forms a known pair with a neighbour as read."""
    low = chunk[i].low
    if i > 0 and (chunk[i - 1].low, low) in model.bi:
        return True
    return i + 1 < len(chunk) and (low, chunk[i + 1].low) in model.bi


def candidates(
    model: OcrModel,
    chunk: list[Token],
    i: int,
    reading: Reading,
    fillers: tuple[str, ...],
    edited: tuple[str, ...] = (),
) -> Candidates:
    """(syllable, change cost, by letter confusion) for position i of a run, read as `reading`.

    `fillers` are the syllables that known pairs put at this position, given the
    skeletons of the neighbours; `edited` those one final letter away.
    """
    tok = chunk[i]
    low = tok.low
    known, valid, _, _, siblings = reading
    alternatives = siblings + fillers
    if valid and not edited and all(s == low for s in alternatives):
        return ((low, 0.0, False),)
    if known and len(chunk) == 1 and low not in model.telltale:
        return ((low, 0.0, False),)  # no context to judge by, and clean text has it
    if known:
        # `Hoa Ban` is a name however rare `hoa` is; but `Sở Nôi vụ` is `Sở Nội vụ`.
        context = (_in_name(chunk, i), attested(model, chunk, i))
    elif valid:
        context = (_title(tok) and (i > 0 or _in_name(chunk, i)), False)
    else:
        context = (False, False)
    return _costed(model, low, reading, alternatives, edited, context)


def _costed(
    model: OcrModel,
    low: str,
    reading: Reading,
    alternatives: tuple[str, ...],
    edited: tuple[str, ...],
    context: tuple[bool, bool],
) -> Candidates:
    """The candidates of `low` with their costs, memoized: phrases repeat in a document."""
    key = (low, alternatives, edited, context)
    got = model.candidate_cache.get(key)
    if got is None:
        got = _cost_candidates(model, low, reading, alternatives, edited, context)
        model.remember_candidates(key, got)
    return got


def _cost_candidates(
    model: OcrModel,
    low: str,
    reading: Reading,
    alternatives: tuple[str, ...],
    edited: tuple[str, ...],
    context: tuple[bool, bool],
) -> Candidates:
    """The candidates of `low`: `context` is (in a name, attested) for a known syllable,
    (probably a proper name, -) for an unknown one."""
    known, valid, suspect, _, _ = reading
    name, is_attested = context
    if known:
        keep, change = 0.0, _CHANGE_SUSPECT if suspect else _CHANGE_KNOWN
        if name:
            change = _CHANGE_KNOWN if suspect else _CHANGE_KNOWN + _NAME
        if is_attested:
            change += _ATTESTED
    elif valid:
        keep, change = (0.0, _CHANGE_KNOWN + _NAME) if name else (_KEEP_UNKNOWN, _CHANGE_UNKNOWN)
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
    return tuple((s, c, conf) for s, (c, conf) in out.items())


@lru_cache(maxsize=20_000)
def _letter_edits(sk: str) -> tuple[str, ...]:
    """Skeletons one final letter away: OCR drops or adds a final (`THỰ HIỆN`)."""
    added = tuple(sk + c for c in "ctnmpgh")
    return (*added, sk[:-1]) if len(sk) > 1 else added


def edited_fillers(
    model: OcrModel, chunk: list[Token], lows: list[str], readings: list[Reading]
) -> dict[int, tuple[str, ...]]:
    """Syllables one final letter away from a reading that pairs with neither neighbour,
    which do form a known pair with a neighbour as read."""
    out: dict[int, tuple[str, ...]] = {}
    n = len(chunk)
    if n == 1:
        return out
    # Only where it matters and is cheap: headings (`KINH PHÍ THỰ HIỆN`, which the
    # extractor must recognise) and syllables clean text never has.
    known = model.pair_fillers.skeletons
    for i, (tok, reading) in enumerate(zip(chunk, readings, strict=True)):
        if (reading[0] and not tok.heading) or tok.fixed or attested(model, chunk, i):
            continue
        found: list[str] = []
        for sk in _letter_edits(readings[i][3]):
            if sk not in known:
                continue  # no known syllable has it (most edits): no pair to look up
            if i + 1 < n and (entry := model.pair_fillers.get((sk, readings[i + 1][3]))):
                found.extend(a for a in entry[0] if (a, lows[i + 1]) in model.bi)
            if i and (entry := model.pair_fillers.get((readings[i - 1][3], sk))):
                found.extend(b for b in entry[1] if (lows[i - 1], b) in model.bi)
        if found:
            out[i] = tuple(found)
    return out
