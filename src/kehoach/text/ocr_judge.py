"""Judging whether a text is unrepaired OCR output, from its syllables and its numbers alone:
every text document is judged, so this loads only the syllable tables, a list of telltales
and the lexicon's digit shapes, not the repair model (`ocr_repair`, imported only when a text
needs repair)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from kehoach.text.datafiles import data_file
from kehoach.text.ocr_numbers import misread_numbers
from kehoach.text.syllables import (
    LETTERS,
    WORD_RE,
    is_valid_syllable,
    lower_syllable,
    name_syllables,
)

__all__ = ["looks_like_ocr", "ocr_score", "telltale_syllables"]

_OCR_SCAN_CHARS = 400_000  # enough text to judge; keeps the check fast on huge files
# Two kinds of evidence, each scaled so that it alone, at this level, says "OCR":
_IMPOSSIBLE = 0.004  # share of syllables that cannot be Vietnamese or are oddly cased
_TELLTALE = 0.1  # share of the distinct syllables that are telltales (see below)
# Times one impossible syllable is counted at most: a typed plan repeats the few names it is
# about (`Pa Kô`), while OCR damage is spread over many words, each met once or twice.
_IMPOSSIBLE_REPEATS = 2


@lru_cache(maxsize=1)
def telltale_syllables() -> frozenset[str]:
    """Syllables the clean corpus never has while a look-alike is frequent there (`vẻ` for
    `về`): the model's `telltale`, written beside it by `tools/build_ocr_model.py` so that
    judging a document does not load the model."""
    return frozenset(data_file("ocr", "telltale.txt").read_text(encoding="utf-8").split())


def _impossible(word: str) -> bool:
    """A syllable no Vietnamese text has: impossible spelling, or cased like `triỆt`."""
    low = lower_syllable(word)
    if not low.isascii() and not is_valid_syllable(low):
        return low not in name_syllables()  # `Đắk Lắk` is a place, not damage
    return not word[0].isupper() and not word.islower()


# Letters joined by a slash (`đ/c` for đồng chí, `b/c` for báo cáo, `T/M`): an abbreviation,
# whose one-letter parts are no syllables, so not judged as spelling (a typed event plan that
# names its contacts `đ/c …` is not OCR'd for it). One or two letters (after no letter or
# slash), `/`, one to three letters (before no letter or slash), found from the slash: a
# pattern that opened with its look-behind would be tried at every place of the text.
_SLASH = re.compile(
    f"/(?:(?<=(?<![{LETTERS}/])[{LETTERS}]/)|(?<=(?<![{LETTERS}/])[{LETTERS}]{{2}}/))"
    f"[{LETTERS}]{{1,3}}(?![{LETTERS}/])"
)


def _without_slashed(text: str) -> str:
    """The text with each slashed abbreviation put as a space."""
    return _spaced(text, ((_slash_start(text, m.start()), m.end()) for m in _SLASH.finditer(text)))


def _slash_start(text: str, slash: int) -> int:
    """Where the slashed abbreviation whose slash is at `slash` begins (one or two letters)."""
    return slash - (2 if slash >= 2 and WORD_RE.match(text, slash - 2) is not None else 1)


def _spaced(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """The text with each of the (start, end) spans, in order, put as one space."""
    pieces: list[str] = []
    done = 0
    for start, end in spans:
        pieces += [text[done:start], " "]
        done = end
    return "".join([*pieces, text[done:]]) if pieces else text


# A point's letter (`a)`, `đ)`, `đ.`): one letter before `)` or `.`, at a line's start or
# after a space or bracket, marks a list, not a word (`đ` spells no syllable, yet a typed plan
# with points a) … đ) … e) is not OCR'd for it). Found from its `)` or `.`, as the slash above.
_LIST_LETTER = re.compile(f"[).](?<=(?<![^\\s(\\[|])[{LETTERS}][).])(?=\\s|$)")


def _without_list_letters(text: str) -> str:
    """The text with each point's letter (and its `)` or `.`) put as a space."""
    return _spaced(text, ((m.start() - 1, m.end()) for m in _LIST_LETTER.finditer(text)))


def ocr_score(text: str) -> float:
    """How much the text looks like unrepaired OCR; 1.0 and above is OCR.

    A typed plan repeats its subject's words, which the small corpus may never have seen
    (`mỏ` thirty times in a mining plan, `nghiện` eighty times in a drug-prevention plan)
    and which may be names no Vietnamese syllable spells (`Pa Kô` nine times in a plan for
    an ethnic minority's festival), while OCR damage spreads over many words. So telltales
    count once each, as a share of the distinct syllables; and an impossible syllable counts
    as often as it occurs, but at most `_IMPOSSIBLE_REPEATS` times, as a share of all the
    syllables (damage that recurs, `xuắt` for `xuất`, still weighs more than a single slip).
    A number with a digit read as a letter (`2O26`) counts as an impossible syllable; a
    point's letter (`đ)`) and a slashed abbreviation (`đ/c`) are no words to judge.
    """
    text = text[:_OCR_SCAN_CHARS]
    counts = Counter(WORD_RE.findall(_without_list_letters(_without_slashed(text))))
    total = kinds = telltales = 0
    seen: set[str] = set()
    impossible = misread_numbers(text)  # a plan's numbers are no words: judged apart
    total += impossible.total()
    for word, n in counts.items():
        judged = _judged(word)
        if judged is None:
            continue
        total += n
        low, damaged, telltale = judged
        if damaged:
            impossible[low] += n
        elif low not in seen:
            seen.add(low)
            kinds += 1
            telltales += telltale
    if not total:
        return 0.0
    repeats = sum(min(n, _IMPOSSIBLE_REPEATS) for n in impossible.values())
    share = telltales / kinds / _TELLTALE if kinds else 0.0
    return repeats / total / _IMPOSSIBLE + share


# Every text document is judged, word by word: a worker meets the same words in each.
@lru_cache(maxsize=100_000)
def _judged(word: str) -> tuple[str, bool, bool] | None:
    """How `ocr_score` counts a word: None when it is not counted (an abbreviation or a
    heading's word, judged elsewhere); else its lower-case spelling, whether it is
    impossible, and whether it is a telltale."""
    if len(word) > 1 and word.isupper():
        return None
    low = lower_syllable(word)
    if _impossible(word):
        return low, True, False
    return low, False, low in telltale_syllables()


def looks_like_ocr(text: str) -> bool:
    """True when the text reads like unrepaired OCR of a Vietnamese scan."""
    return ocr_score(text) >= 1.0
