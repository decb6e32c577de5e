"""Vietnamese syllables: tone and mark handling, phonotactic validity, skeletons.

A written Vietnamese syllable is onset + rhyme + one of six tones. The set of
toneless syllables is generated here from the onsets and rhymes of the standard
orthography (with its spelling rules: `k/gh/ngh` before e ê i, `c/g/ng`
elsewhere, `qu` for the /kw/ onset); a tone is allowed on every rhyme except that
rhymes closed by a stop (-c, -ch, -p, -t) take only sắc or nặng. The check is
independent of where the tone mark sits (`hoà` and `hòa` are both valid).

`syllable_runs` cuts running text into runs of syllables that read as one
phrase (no punctuation between them), the unit OCR repair works on.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache, partial
from typing import NamedTuple

from kehoach.text.normalize import complete_table, unify_tone_marks

# The five combining tone marks and their tone numbers:
_TONE_MARKS = {"\u0300": 2, "\u0301": 1, "\u0309": 3, "\u0303": 4, "\u0323": 5}
# 0 ngang, 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng

_ONSETS = ("", *"b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x".split())  # noqa: SIM905

# Toneless rhymes (with the medial o/u where written), grouped by main vowel.
_RHYMES = """
a ac ach ai am an ang anh ao ap at au ay
ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êch êm ên ênh êp êt êu
i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
y ya yêm yên yêng yêt yêu
o oc oi om on ong op ot oong ooc
oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oen oeo oet
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u ua uân uâng uât uây uc uê uêch uênh ui um un ung uôc uôi uôm uôn uông uôt up ut
uy uya uych uyên uyêt uynh uyt uyu uơ
ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
""".split()  # noqa: SIM905

_FRONT = ("e", "ê", "i", "y")


def _spell(onset: str, rhyme: str) -> str | None:
    """Onset + rhyme as written, or None when the spelling rules forbid it."""
    first = rhyme[0]
    front = first in _FRONT and not rhyme.startswith(("ya", "yê"))
    if onset in ("k", "gh", "ngh") and not front:
        return None
    if onset in ("c", "ng") and front:
        return None
    if onset == "g" and first in ("e", "ê"):
        return None
    if onset == "qu":
        if first in ("u", "o", "ư", "ơ", "ô") and rhyme not in ("ôc",):
            return None
        return "qu" + rhyme
    if onset == "gi":
        if first == "i":
            return "g" + rhyme  # gi + in -> gin, gi + iêng -> giêng
        if rhyme.startswith(("y",)):
            return None
    if rhyme.startswith(("yê", "ya")) and onset:
        return None  # after an onset these are written iê-, ia
    if rhyme.startswith("iê") and not onset:
        return None  # written yê- without an onset
    return onset + rhyme


@lru_cache(maxsize=1)
def _skeletons() -> frozenset[str]:
    """Skeletons of all syllables: `các`, `cạc`, `cắc` … all give `cac`."""
    # one translation of them all, a space apart (a few thousand calls cost far more)
    return frozenset(skeleton(" ".join(toneless_syllables())).split(" "))


def syllable_letters(word: str) -> bool:
    """True when `word` has the letters of a Vietnamese syllable, whatever its marks
    (`cac` for `các`, `hien` for `hiện`)."""
    return skeleton(word) in _skeletons()


@lru_cache(maxsize=1)
def toneless_syllables() -> frozenset[str]:
    """Every toneless Vietnamese syllable the orthography allows."""
    out: set[str] = set()
    for onset in _ONSETS:
        for rhyme in _RHYMES:
            s = _spell(onset, rhyme)
            if s:
                out.add(s)
    # Spellings the onset-rhyme table misses: gi + i, qu + y rhymes, loan rhymes.
    out.update(("gi", "gin", "giêng", "giêt", "giêc", "giêm", "giêu", "quơ", "uyn"))
    out.update(("quyt", "quynh", "quych", "quyu", "quyp", "tuyp", "khuyp"))
    return frozenset(out)


def _stop_final(toneless: str) -> bool:
    return toneless.endswith(("c", "ch", "p", "t"))


@lru_cache(maxsize=100_000)
def split_tone(syllable: str) -> tuple[str, int]:
    """(toneless lower-case syllable in NFC, tone 0-5); tone -1 when marked twice."""
    tone = 0
    kept = []
    for ch in unicodedata.normalize("NFD", syllable.lower()):
        t = _TONE_MARKS.get(ch)
        if t is None:
            kept.append(ch)
        elif tone:
            return "", -1
        else:
            tone = t
    return unicodedata.normalize("NFC", "".join(kept)), tone


@lru_cache(maxsize=100_000)
def is_valid_syllable(token: str) -> bool:
    """True when `token` (any case) is a well-formed Vietnamese syllable."""
    toneless, tone = split_tone(token)
    if tone < 0 or toneless not in toneless_syllables():
        return False
    return not _stop_final(toneless) or tone in (1, 5)


@lru_cache(maxsize=1)
def _skeleton_table() -> dict[int, int | str]:
    """Each character's base letters without their marks, where they differ from it and are
    ASCII; a mark on its own has none (it is removed). Built on the first skeleton: only
    OCR'd and accentless text needs one, and every process that starts pays for a table
    built on import (~3 ms)."""
    table: dict[int, str] = {}
    for code in range(0xC0, 0x1EFA):
        c = chr(code)
        if unicodedata.combining(c):
            table[code] = ""
        elif unicodedata.decomposition(c):  # (most have none: NFD would give them back)
            base = "".join(
                x for x in unicodedata.normalize("NFD", c) if not unicodedata.combining(x)
            )
            if base != c and base.isascii():
                table[code] = base.lower()
    table[ord("đ")] = "d"
    table[ord("Đ")] = "d"
    return complete_table(table)


def skeleton(token: str) -> str:
    """Lower case base letters, every diacritic and the stroke of đ removed: `Đẳng` -> `dang`."""
    return token.translate(_skeleton_table()).lower()


@lru_cache(maxsize=100_000)
def marks(syllable: str) -> int:
    """How many tone and vowel marks a syllable carries (breve and đ aside: OCR adds those)."""
    toneless, tone = split_tone(syllable)
    return (tone != 0) + sum(c in "âêôơư" for c in toneless)


def apply_case(template: str, word: str) -> str:
    """Give `word` the letter case of `template` (upper, title or lower)."""
    letters = [c for c in template if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return word.upper()
    if letters and letters[0].isupper():
        return word[:1].upper() + word[1:].lower()
    return word.lower()


# Syllables in running text.

NUM = "<num>"  # a number as a context token: `số 370`, `ngày 21/6/2024`
LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
WORD_RE = re.compile(f"[{LETTERS}]+")
_GAP_WORD_RE = re.compile(f"([^{LETTERS}]*)([{LETTERS}]+)")  # what precedes a word, the word
_NUMBER_RE = re.compile(r"\d[\d.,/]*")
_CODE_JOINERS = "-/_&"
_PLAIN_AFTER = frozenset(" \n,;:.)")


class Token(NamedTuple):
    """A run of letters in a text: where it is, as written and as the model spells it.

    A named tuple: OCR repair makes tens of thousands a document, and tuples are cheap.
    """

    start: int
    end: int
    text: str
    low: str
    fixed: bool
    heading: bool = False


_as_token = partial(tuple.__new__, Token)  # a Token from its fields, without a Python call


@lru_cache(maxsize=1)
def name_syllables() -> frozenset[str]:
    """Syllables of names that Vietnamese spelling does not allow (`Đắk Lắk`, `Krông Pắc`,
    `Pa Kô`, `Xtiêng`: places and peoples named in the ethnic minorities' languages), lower
    case: kept as written, and no sign of OCR damage. From the province list and
    `data/minority_names.txt`."""
    from kehoach.text import lexicon

    words = {
        unify_tone_marks(w.lower())
        for name in [*lexicon.provinces(), *lexicon.minority_names()]
        for w in re.findall(r"[^\W\d_]+", unicodedata.normalize("NFC", name))
    }
    return frozenset(w for w in words if not w.isascii() and not is_valid_syllable(w))


def _is_protected(text: str, start: int, end: int, word: str, heading: bool) -> bool:
    """True for letters that are part of a code (`84-KL/TW`), an abbreviation, a numeral, or
    a place name no Vietnamese syllable spells (`Đắk Lắk`)."""
    if not word.isascii() and lower_syllable(word) in name_syllables():
        return True
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if before.isdigit() or after.isdigit():
        return True
    if before and before in _CODE_JOINERS and start >= 2 and text[start - 2].isalnum():
        return True
    if after and after in _CODE_JOINERS and end + 1 < len(text) and text[end + 1].isalnum():
        return True
    if word.isascii() and (len(word) == 1 or not is_valid_syllable(word)):
        # Foreign or an abbreviation, unless lower case with the letters of a
        # syllable whose marks were lost (`cac` for `các`), or a syllable with a
        # letter-shape confusion (`baIi` for `ban`).
        if word[1:].islower() and skeleton(word) in _skeletons():
            return False
        return not shape_confused(word)
    if len(word) > 1 and word.isupper():
        # An abbreviation (VHNT, HĐND) unless the line is an all-caps heading.
        return not heading and (word.isascii() or not is_valid_syllable(word))
    return False


@lru_cache(maxsize=1)
def _shape_confusions() -> tuple[tuple[str, str], ...]:
    from kehoach.text import lexicon

    return tuple(lexicon.mapping("ocr.shape_confusions").items())


@lru_cache(maxsize=1)
def _foreign() -> frozenset[str]:
    from kehoach.text import lexicon

    return frozenset(lexicon.words("ocr.foreign"))


@lru_cache(maxsize=20_000)
def shape_confused(word: str) -> bool:
    """True for an ASCII word that is a syllable's letters once one letter-shape confusion
    of the lexicon (`[ocr.shape_confusions]`) is put right: `baIi` (ban), `clii` (chi),
    `Iiam` (nam); abbreviations (`ICT`) and the lexicon's foreign words (`clip`) are not."""
    if len(word) < 2 or len(word) > _LONGEST_READING or word.lower() in _foreign():
        return False
    for wrong, right in _shape_confusions():
        i = word.find(wrong)
        while i >= 0:
            fixed = word[:i] + right + word[i + len(wrong) :]
            for candidate in (fixed, word.replace(wrong, right)):
                if candidate[1:].islower() and skeleton(candidate) in _skeletons():
                    return True
            i = word.find(wrong, i + 1)
    return False


_LONGEST_READING = 10  # letters: no syllable with a confusion in it is longer


# Kinds of gap between two words: one space, other white space that a phrase
# continues over, a number a phrase continues over (`số 370 của`), a break.
_SPACE, _SOFT, _NUMBER, _BREAK = range(4)
_GAP_CACHE_SIZE = 20_000
_gap_kinds: tuple[dict[str, int], dict[str, int]] = ({}, {})  # across lines, within a line


def _gap_kind(gap: str, join_lines: bool) -> int:
    """What a gap between two words does to the phrase they are in (memoized)."""
    cache = _gap_kinds[not join_lines]
    kind = cache.get(gap)
    if kind is None:
        newlines = gap.count("\n")
        if (newlines > 1 or (newlines and not join_lines)) or "\t" in gap:
            kind = _BREAK
        elif gap.isspace():
            kind = _SOFT
        elif gap[0].isspace() and gap[-1].isspace() and _NUMBER_RE.fullmatch(gap.strip()):
            kind = _NUMBER
        else:
            kind = _BREAK
        if len(cache) >= _GAP_CACHE_SIZE:
            cache.clear()
        cache[gap] = kind
    return kind


# Common lower-case letters: counting them is a cheap way to rule a line out as a heading.
_COMMON_LOWER = "nhtcgiaou"


def heading_lines(text: str) -> set[int]:
    """Start offsets of lines whose letters are mostly upper case."""
    out = set()
    pos = 0
    for line in text.split("\n"):
        size = len(line)
        # Letters in lower case are not in upper-case words: a line with more of them
        # than a fifth of its length cannot be a heading.
        if size >= 4 and 5 * sum(map(line.count, _COMMON_LOWER)) <= size:
            words = WORD_RE.findall(line)
            upper = sum(len(w) for w in words if w.isupper())
            total = sum(map(len, words))
            if total >= 4 and upper >= 0.8 * total:
                out.add(pos)
        pos += size + 1
    return out


@lru_cache(maxsize=100_000)
def lower_syllable(word: str) -> str:
    """Lower case with the new tone placement (`Hoá` -> `hóa`), as the model spells."""
    return unify_tone_marks(word.lower())


_WORD_CACHE_SIZE = 100_000
# word -> (as the model spells it, fixed between spaces, the same on a heading line,
# capitalized, lower case)
_words: dict[str, tuple[str, bool, bool, bool, bool]] = {}


def _word(word: str) -> tuple[str, bool, bool, bool, bool]:
    """What run cutting asks of a word (memoized)."""
    got = _words.get(word)
    if got is None:
        spaced, end = f" {word} ", len(word) + 1
        alone = _is_protected(spaced, 1, end, word, False)
        # a heading line changes the answer for an upper-case word only
        upper = len(word) > 1 and word.isupper()
        in_heading = _is_protected(spaced, 1, end, word, True) if upper else alone
        got = (lower_syllable(word), alone, in_heading, word[0].isupper(), word.islower())
        if len(_words) >= _WORD_CACHE_SIZE:
            _words.clear()
        _words[word] = got
    return got


def syllable_runs(
    text: str,
    *,
    join_lines: bool = True,
    skip: Callable[[list[str], list[str], bool], bool] | None = None,
) -> Iterator[list[Token]]:
    """Runs of syllables joined by plain spaces (or numbers); punctuation ends a run.

    A single line break does not end a run unless `join_lines` is False. Letters
    inside codes and abbreviations (`84-KL/TW`, `VHNT`) come as `fixed` tokens; a
    number between syllables comes as the token `NUM`.
    `skip(words, lows, heading)` sees each run first as its words that are not fixed,
    every token's `low` and whether any is on a heading line; a run it returns True
    for is left out, and costs no `Token` objects.
    """
    headings = heading_lines(text)
    heading = 0 in headings
    size = len(text)
    end = 0
    raw: list[tuple[int, int, str, str, bool, bool]] = []  # a Token's fields
    words: list[str] = []
    lows: list[str] = []
    in_heading = last_lower = False
    known = _words.get
    # The loop is the hot path of OCR repair: one space between words is the common
    # case and is handled first, with as few operations as will do.
    for gap, word in _GAP_WORD_RE.findall(text):
        begin = end + len(gap)
        end = begin + len(word)
        low, fixed_alone, fixed_in_heading, capital, lower = known(word) or _word(word)
        if gap == " ":
            if capital and last_lower and not heading:  # a name starts: `tỉnh Điện Biên`
                if skip is None or not skip(words, lows, in_heading):
                    yield list(map(_as_token, raw))
                raw, words, lows, in_heading = [], [], [], False
            plain = end == size or text[end] in _PLAIN_AFTER
        else:
            newline = gap.rfind("\n")
            if newline >= 0:
                heading = begin - len(gap) + newline + 1 in headings
            kind = _gap_kind(gap, join_lines) if raw else _SPACE
            if kind == _NUMBER:
                raw.append((begin, begin, NUM, NUM, True, False))
                lows.append(NUM)
            elif kind == _BREAK or (capital and last_lower and not heading):
                if skip is None or not skip(words, lows, in_heading):
                    yield list(map(_as_token, raw))
                raw, words, lows, in_heading = [], [], [], False
            plain = (not begin or text[begin - 1] in " \n") and (
                end == size or text[end] in _PLAIN_AFTER
            )
        # Fixed: part of a code or an abbreviation. Between a space or line break and
        # plain punctuation that depends on the word alone: the common case, memoized.
        if plain:
            fixed = fixed_in_heading if heading else fixed_alone
        else:
            fixed = _is_protected(text, begin, end, word, heading)
        raw.append((begin, end, word, low, fixed, heading))
        lows.append(low)
        if not fixed:
            words.append(word)
        if heading:
            in_heading = True
        last_lower = lower
    if raw and (skip is None or not skip(words, lows, in_heading)):
        yield list(map(_as_token, raw))
