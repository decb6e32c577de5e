"""Unicode NFC, whitespace, tone-mark placement and diacritic folding."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Old and new placement of the tone mark on oa/oe/uy: `hoá` and `hóa` are one
# word. The schema writes the new placement (hóa, ủy), so we rewrite to that.
# "quý"/"thúy" stay: after q the u is part of the onset (the mark sits on y).
_TONE_PLACEMENT = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
# One simple pattern (a vowel pair at a word's end, not after q) keeps this fast; the
# callback leaves pairs that are not in the table (e.g. "uà") alone.
# The look-behind comes after the first letter so that the engine can skip ahead to an o or u
# (a pattern that starts with a look-behind is tried at every position of every line).
_TONE_RE = re.compile(r"[oOuU](?<![qQ][oOuU])[àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ](?![^\W\d_])")
_WS = re.compile(r"\s+")
_COMBINING = re.compile("[\u0300-\u036f]")
_FOLD_TABLE = str.maketrans({"đ": "d", "Đ": "d"})
_HYPHEN_WRAP = re.compile(r"(\w)-\s*\n\s*(\w)")


def nfc(text: str) -> str:
    """Unicode NFC (composed) form."""
    return unicodedata.normalize("NFC", text)


# A letter followed by combining marks NFC could not compose: OCR put a tone mark before the
# circumflex or breve of its vowel (`õ` + U+0302 for `ỗ`), or marked it twice.
_LEFTOVER = re.compile("[^\\W\\d_][\u0300-\u036f]+")
# marks on no letter (`1̀.`, a mark after a space or a bracket): dropped
_STRAY = re.compile("(?<![^\\W\\d_\u0300-\u036f])[\u0300-\u036f]+")
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


def _recompose(match: re.Match[str]) -> str:
    letters = unicodedata.normalize("NFD", match.group(0))
    base, combining = letters[0], letters[1:]
    shapes = [c for c in combining if c not in _TONES]
    tones = [c for c in combining if c in _TONES]
    return unicodedata.normalize("NFC", base + "".join(shapes) + "".join(tones[:1]))


def recompose_marks(text: str) -> str:
    """NFC text with the combining marks NFC leaves loose put on their letter: the vowel's
    shape mark (circumflex, breve, horn) first, then one tone mark (`Hõ̂i` -> `Hỗi`), so a
    letter with a detached diacritic is one letter again; marks on no letter (`1̀.`) dropped.
    For OCR'd text."""
    text = unicodedata.normalize("NFC", text)
    if text.isascii() or not _COMBINING.search(text):
        return text
    return _STRAY.sub("", _LEFTOVER.sub(_recompose, text))


def _retone(match: re.Match[str]) -> str:
    s = match.group(0)
    low = s.lower()
    new = _TONE_PLACEMENT.get(low)
    if new is None:
        return s
    return "".join(n.upper() if o.isupper() else n for o, n in zip(s, new, strict=True))


def unify_tone_marks(text: str) -> str:
    """Rewrite old-style tone placement (hoá, uỷ) to the new style (hóa, ủy) at word ends."""
    return _TONE_RE.sub(_retone, text)


# The stages of extraction each clean and fold the same lines (a line is folded four times on
# average): caching these pure functions saves most of that repeated work.
_CACHED = 16_384


@lru_cache(maxsize=_CACHED)
def clean(text: str) -> str:
    """NFC, old tone placement unified, whitespace runs collapsed, ends stripped."""
    if not text.isascii():
        text = unify_tone_marks(unicodedata.normalize("NFC", text))
    return " ".join(text.split())


# The characters documents are written in: Latin with every mark, punctuation, symbols, box
# drawing, dingbats; and the private-use block a Word symbol font's bullets come in.
_WRITTEN = (*range(0x3000), *range(0xF000, 0xF100))


def complete_table(table: dict[int, str]) -> dict[int, int | str]:
    """A `str.translate` table with every character of `_WRITTEN` in it, most as
    themselves, so that it translates as `table` does: translate looks each character of a
    non-ASCII text up, and one that is missing costs a raised and cleared KeyError, several
    times the look-up (folding a line took twice as long)."""
    full: dict[int, int | str] = {code: code for code in _WRITTEN}
    full.update(table)
    return full


def _build_fold_table() -> dict[int, int | str]:
    table = {ord("đ"): "d", ord("Đ"): "d"}
    for code in range(0xC0, 0x1F00):
        c = chr(code)
        base = unicodedata.normalize("NFD", c)[0]
        if base != c and base.isascii() and base.isalpha():
            table[code] = base.lower()
    return complete_table(table)


# One C-level pass (str.translate) instead of NFD + a Python loop: folding is on every hot path.
_FOLD_CHARS = _build_fold_table()


def _capitals() -> str:
    """The capital letters (A-Z, and every one from À to Ỹ in code order) as the inside of a
    character class (`[À-Ỹ]` would hold the small letters too): runs of consecutive ones as
    ranges, which compile in half the time of the 735 letters written out."""
    codes = [c for c in range(0xC0, 0x1EFA) if chr(c).isupper()]
    runs: list[list[int]] = []
    for c in codes:
        if runs and c == runs[-1][1] + 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return "A-Z" + "".join(
        chr(a) if a == b else f"{chr(a)}-{chr(b)}" if b > a + 1 else chr(a) + chr(b)
        for a, b in runs
    )


# Built once for the patterns that tell a capital (a new sentence, a name's first word).
CAPITALS = _capitals()


@lru_cache(maxsize=_CACHED)
def _lower_folded(text: str) -> str:
    """`text.lower()` through the fold table: one character for each of the lower-cased
    text's (the table maps a character to one). Both `fold` and `fold_chars` start from it,
    and two thirds of what is folded one way is folded the other way too (a paragraph is
    searched for words, then for where they are): translated once."""
    return text.lower().translate(_FOLD_CHARS)


@lru_cache(maxsize=_CACHED)
def fold(text: str) -> str:
    """Lower case without diacritics, for search and matching: `Số hóa` -> `so hoa`."""
    folded = _lower_folded(text)
    if not folded.isascii() and _COMBINING.search(folded):  # decomposed (non-NFC) input
        decomposed = unicodedata.normalize("NFD", folded)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c)).translate(
            _FOLD_CHARS
        )
    return " ".join(folded.split())


@lru_cache(maxsize=_CACHED)
def fold_chars(text: str) -> str:
    """Like `fold` but one output character per input character (NFC input), so a match's
    positions in the folded text are its positions in the original."""
    folded = _lower_folded(text)
    if len(folded) == len(text):  # (as long as the lower-cased text)
        return folded
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text).translate(_FOLD_CHARS)
