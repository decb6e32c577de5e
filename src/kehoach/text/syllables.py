"""Vietnamese syllables: tone and mark handling, phonotactic validity, skeletons.

A written Vietnamese syllable is onset + rhyme + one of six tones. The set of
toneless syllables is generated here from the onsets and rhymes of the standard
orthography (with its spelling rules: `k/gh/ngh` before e ê i, `c/g/ng`
elsewhere, `qu` for the /kw/ onset); a tone is allowed on every rhyme except that
rhymes closed by a stop (-c, -ch, -p, -t) take only sắc or nặng. The check is
independent of where the tone mark sits (`hoà` and `hòa` are both valid).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

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
def toneless_syllables() -> frozenset[str]:
    """Every toneless Vietnamese syllable the orthography allows."""
    out: set[str] = set()
    for onset in _ONSETS:
        for rhyme in _RHYMES:
            s = _spell(onset, rhyme)
            if s:
                out.add(s)
    out.update(("gi", "gin", "giêng", "giêt", "giêc", "giêm", "giêu", "quơ", "uyn"))
    return frozenset(out)


def _stop_final(toneless: str) -> bool:
    return toneless.endswith(("c", "ch", "p", "t"))


@lru_cache(maxsize=200_000)
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


@lru_cache(maxsize=200_000)
def is_valid_syllable(token: str) -> bool:
    """True when `token` (any case) is a well-formed Vietnamese syllable."""
    toneless, tone = split_tone(token)
    if tone < 0 or toneless not in toneless_syllables():
        return False
    return not _stop_final(toneless) or tone in (1, 5)


_SKELETON_TABLE: dict[int, str] = {}
for _c in range(0xC0, 0x1EFA):
    _ch = chr(_c)
    _base = "".join(x for x in unicodedata.normalize("NFD", _ch) if not unicodedata.combining(x))
    if _base != _ch and _base.isascii():
        _SKELETON_TABLE[_c] = _base.lower()
_SKELETON_TABLE[ord("đ")] = "d"
_SKELETON_TABLE[ord("Đ")] = "d"


def skeleton(token: str) -> str:
    """Lower case base letters, every diacritic and the stroke of đ removed: `Đẳng` -> `dang`."""
    return token.translate(_SKELETON_TABLE).lower()


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
