"""Names in an OCR'd document spelt one way: the document's own majority spelling.

OCR repair leaves proper names alone (a capitalized syllable next to another is a
name, and names are rarely in the clean corpus), so a name it damaged stays damaged:
`Bản Thường vụ Tỉnh ủy` once among ten `Ban Thường vụ Tỉnh ủy`, `Lao Cai` among `Lào
Cai`. A document repeats its names; the spelling most of its occurrences share (the
same letters, marks aside) is the right one, a spelling the OCR model's clean text
has counting once more. A person's name on a line of its own (the
signer) starts with a family name: one read with a wrong mark (`Nguyên Thành Sinh`) is
given the family name's spelling (`[names] family` of the lexicon), and so are its
middle and given names (`[names] given`).

Only for OCR'd documents: typed text spells as its author meant.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from kehoach.intake.document import Block, Table
from kehoach.text import lexicon
from kehoach.text.normalize import fold, fold_chars
from kehoach.text.syllables import lower_syllable

_MAJORITY = 2.0  # the majority spelling is this many times more frequent than each other
_LEAST = 2  # occurrences of the majority spelling needed


@lru_cache(maxsize=1)
def _pair_re() -> re.Pattern[str]:
    """Two capitalized words one space apart (`Ban Thường`, `Lào Cai`), over the letters of
    Vietnamese (a short class compiles fast); the second in a look-ahead, so that it can
    start the next pair (`Ban Thường` and `Thường Vụ`). Compiled when first needed."""
    vowels = [
        unicodedata.normalize("NFC", v + shape + tone)
        for v, shapes in (
            ("a", "\u0306\u0302"),
            ("e", "\u0302"),
            ("o", "\u0302\u031b"),
            ("u", "\u031b"),
        )
        for shape in ("", *shapes)
        for tone in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
    ]
    vowels += [
        unicodedata.normalize("NFC", v + t) for v in "iy" for t in "\u0300\u0301\u0303\u0309\u0323"
    ]
    low = "a-zđ" + "".join(v for v in vowels if not v.isascii())
    up = "A-ZĐ" + "".join(v.upper() for v in vowels if not v.isascii())
    return re.compile(f"(?<![^\\W\\d_])([{up}][{low}]*) (?=([{up}][{low}]*)(?![^\\W\\d_]))")


Word = tuple[int, int, str]  # start, end, the word


def _titled(word: str) -> bool:
    return word[0].isupper() and (len(word) == 1 or word[1:].islower())


def _pairs(text: str) -> list[tuple[Word, Word]]:
    """Pairs of capitalized words one space apart, with where they are."""
    return [
        ((m.start(1), m.end(1), m.group(1)), (m.start(2), m.end(2), m.group(2)))
        for m in _pair_re().finditer(text)
    ]


def _texts(blocks: list[Block]) -> list[str]:
    return [
        t
        for b in blocks
        for t in ([b] if isinstance(b, str) else [c for row in b.rows for c in row])
        if t
    ]


def _majority(blocks: list[Block]) -> dict[tuple[str, str], tuple[str, str]]:
    """Each minority spelling of a capitalized pair -> the document's majority spelling."""
    spellings: dict[tuple[str, str], Counter[tuple[str, str]]] = {}
    for text in _texts(blocks):
        if text.isascii():
            continue
        for a, b in _pairs(text):
            pair = (a[2], b[2])
            spellings.setdefault((fold(pair[0]), fold(pair[1])), Counter())[pair] += 1
    out: dict[tuple[str, str], tuple[str, str]] = {}
    from kehoach.text.ocr_model import load_model  # OCR'd documents only

    known = load_model().bi
    for counts in spellings.values():
        if len(counts) < 2:
            continue
        # clean text's pairs are one more vote (`Bộ Chính` once and `Bồ Chính` once)
        for first, second in counts:
            counts[(first, second)] += (lower_syllable(first), lower_syllable(second)) in known
        (best, n), *others = counts.most_common()
        if n < _LEAST or any(n < _MAJORITY * k for _, k in others):
            continue
        for pair, _ in others:
            out[pair] = best
    return out


def _respell(text: str, fixes: dict[tuple[str, str], tuple[str, str]]) -> str:
    changes: dict[int, tuple[int, str]] = {}
    for a, b in _pairs(text):
        best = fixes.get((a[2], b[2]))
        if best is not None:
            for (start, end, _), word in zip((a, b), best, strict=True):
                changes.setdefault(start, (end, word))
    if not changes:
        return text
    pieces, pos = [], 0
    for start in sorted(changes):
        end, word = changes[start]
        pieces += [text[pos:start], word]
        pos = end
    return "".join(pieces) + text[pos:]


@lru_cache(maxsize=1)
def _family_names() -> tuple[frozenset[str], dict[str, str]]:
    """The family names as written, and by folded spelling (the first listed wins)."""
    names = lexicon.words("names.family")
    by_fold: dict[str, str] = {}
    for n in names:
        by_fold.setdefault(fold(n), n)
    return frozenset(names), by_fold


@lru_cache(maxsize=1)
def _given_names() -> tuple[frozenset[str], dict[str, list[str]]]:
    """The middle and given names as written, and those that share each folded spelling."""
    names = list(dict.fromkeys(lexicon.words("names.given")))
    by_fold: dict[str, list[str]] = {}
    for n in names:
        by_fold.setdefault(fold(n), []).append(n)
    return frozenset(names), by_fold


def _given(word: str) -> str:
    """A middle or given name spelt as the one name of the lexicon with its letters when OCR
    changed its marks (`Hổng` -> `Hồng`); as written when it is a name there, or when its
    letters are two names' (`Vãn`: `Văn` or `Vân`)."""
    written, by_fold = _given_names()
    if word in written or not word.isalpha():
        return word
    names = by_fold.get(fold(word), [])
    return names[0] if len(names) == 1 else word


def _person(text: str) -> str:
    """Text closing with a person's name (two to four capitalized words, alone or after a
    signing title in upper case: `PHÓ CHỦ TỊCH Nguyễn Thành Sinh`), its family name spelt as
    the lexicon spells it when OCR changed its marks (`Nguyên Thành Sinh`); in a name of
    three words or more, the words after it too (`Lê Thị Hổng Vân`: `[names] given`). A pair
    of words is too often a place (`Hà Tĩnh`) to read its second word as a given name."""
    body = text.rstrip("* ")
    words = body.split(" ")
    n = 0
    while n < min(len(words), 4) and words[-1 - n] and _titled(words[-1 - n].lstrip("*")):
        n += 1
    if n < 2 or (n < len(words) and not words[-1 - n].isupper()):
        return text
    name = words[-n:]
    marks = name[0][: len(name[0]) - len(name[0].lstrip("*"))]
    family = name[0][len(marks) :]
    written, by_fold = _family_names()
    right = family if family in written else by_fold.get(fold(family))
    if right is None or not family.isalpha():
        return text
    rest = [_given(w) for w in name[1:]] if n >= 3 else name[1:]
    start = len(body) - len(" ".join(name))
    return body[:start] + marks + " ".join([right, *rest]) + text[len(body) :]


@lru_cache(maxsize=1)
def _openings() -> tuple[re.Pattern[str], dict[str, str]]:
    """The names of the agency register and the lexicon's openings of bodies' names (two
    words or more), folded, as one pattern over folded text; and each folded one's spelling."""
    from kehoach.extract.agencies import registered

    names = [*registered(), *lexicon.words("ocr.name_openings")]
    spelt = {fold(n): n for n in names if " " in n}
    alt = "|".join(map(re.escape, sorted(spelt, key=len, reverse=True)))
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)"), spelt


def _openings_spelt(text: str) -> str:
    """Text with the names of registered bodies, and the opening words of others' names,
    that OCR read with a wrong mark spelt right (`Thư viện tinh` -> `Thư viện tỉnh`, `Ủy ban
    nhân dẫn các phường …` -> `Ủy ban nhân dân các phường …`; the register and lexicon `[ocr]
    name_openings`), in the letter case they are written in: a name's words in lower case
    make no pair of capitals that the document's majority spelling would right
    (`_majority`). Only where it begins with a capital, as a name does."""
    if text.isascii():
        return text
    folded = fold_chars(text)
    pattern, spelt = _openings()
    if len(folded) != len(text) or pattern.search(folded) is None:
        return text
    from kehoach.text.ocr_model import load_model  # OCR'd documents only

    known = load_model().bi
    out, pos = [], 0
    for m in pattern.finditer(folded):
        written, right = text[m.start() : m.end()], spelt[m.group()]
        if written.lower() == right.lower() or not written[:1].isupper():
            continue
        after = text[m.end() :].split(maxsplit=1)
        if (
            after
            and (lower_syllable(written.rsplit(" ", 1)[-1]), lower_syllable(after[0])) in known
        ):
            continue  # its last word as written goes on as a word of its own (`tinh thần`)
        out += [text[pos : m.start()], right.upper() if written.isupper() else right]
        pos = m.end()
    return "".join(out) + text[pos:]


def _respelt(text: str, fixes: dict[tuple[str, str], tuple[str, str]]) -> str:
    return _person(_openings_spelt(_respell(text, fixes) if fixes else text))


def respell_names(blocks: list[Block]) -> list[Block]:
    """The blocks of an OCR'd document with its names spelt the majority way, the openings
    of bodies' names as the lexicon spells them, and lines that are a person's name with
    the family name spelt right."""
    fixes = _majority(blocks)
    out: list[Block] = []
    for b in blocks:
        if isinstance(b, str):
            out.append(_respelt(b, fixes))
        else:
            rows = [[_respelt(c, fixes) for c in row] for row in b.rows]
            out.append(Table(rows=rows, spans=b.spans, page=b.page))
    return out
