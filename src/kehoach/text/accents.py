"""Documents typed without diacritics (`UY BAN NHAN DAN TINH`, `Ke hoach`, `So Van hoa, The
thao va Du lich`), as old e-mail systems sent them: telling them apart, reading them with
their marks put back, and giving their text back as written.

The readers in `extract/` match the administrative vocabulary as printed (`Tổ chức thực
hiện`, `chủ trì`, `hằng năm`, `Quý II/2026`, `Sở …`). A plan typed without marks would match
none of it, and OCR repair, which changes a syllable only on strong evidence, leaves most of
it unmarked. So such a plan is read with its marks restored (`restore`): first every phrase of
the known vocabulary (the agency register, the provinces, the lexicon's word lists, the
general administrative phrases of the OCR model) is spelt as the vocabulary spells it, then
every other syllable is chosen among the known syllables with its letters by the syllable
bigram model of OCR repair, with the vocabulary's words as fixed context. The restored text
has one character for each character of the text as written, so nothing moves.

What the record gives as written (a task's or a target's text, a title, a signer, a
timeframe's wording) is turned back to the letters of the document (`as_written`); agency
names keep the register's spelling.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from kehoach.text import lexicon
from kehoach.text.normalize import fold, unify_tone_marks
from kehoach.text.syllables import NUM, WORD_RE, skeleton, syllable_letters

if TYPE_CHECKING:
    from kehoach.text.ocr_model import OcrModel

__all__ = ["as_written", "is_accentless", "restore"]

# A text is judged by this much of it: enough words, and cheap on a huge file.
_SCAN_CHARS = 200_000
_HEAD_CHARS = 4_000  # what rules out ordinary text
_MIN_WORDS = 60  # fewer words than this say too little (a form, a heading)
# Vietnamese writes marks on most syllables (about three in four); a text typed without
# them has next to none. Below this share of marked words it was typed without.
_MARKED_SHARE = 0.15
_SYLLABLE_SHARE = 0.8  # of the words: the letters of Vietnamese syllables (not English)
_FIXED = "<x>"  # what the model's training made of a code or an abbreviation
_CANDIDATES = 12  # known syllables with a word's letters, most frequent first
_LONGEST_PHRASE = 16  # tokens of the longest vocabulary phrase looked for

# A run of letters, a number, a run of white space, or one other character.
_TOKEN_RE = re.compile(r"([^\W\d_]+)|(\d[\d.,/]*)|(\s+)|(.)", re.DOTALL)
_ROMAN_RE = re.compile(r"(?=[IVXLC]+$)(?:C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_CODE_JOINERS = "-/_&"


def is_accentless(text: str) -> bool:
    """True when `text` is Vietnamese typed without diacritics: enough words, and almost
    none of them marked. Cheap on ordinary text (one C-level pass rules it out)."""
    # each marked letter takes two or more bytes in UTF-8: ordinary Vietnamese has many
    # in its first lines already (a test of the whole text would cost more than reading it)
    head = text[:_HEAD_CHARS]
    if len(head.encode("utf-8")) - len(head) > len(head) // 20:
        return False
    text = text[:_SCAN_CHARS]
    words = [w for w in WORD_RE.findall(text) if len(w) > 1 and not w.isupper()]
    if len(words) < _MIN_WORDS:
        return False
    marked = sum(not w.isascii() for w in words)
    syllables = sum(w.isascii() and syllable_letters(w) for w in words)
    # most words are syllables (not English, not codes), and next to none is marked
    return syllables >= _SYLLABLE_SHARE * len(words) and marked < _MARKED_SHARE * len(words)


def restore(text: str) -> str:
    """`text` with the marks of its unmarked words put back, one character for each (see
    the module's docstring); words already marked, numbers, codes (`25-CTr/TU`, `KH&CN`),
    abbreviations and Roman numerals are kept."""
    tokens = [(m.lastindex or 4, m.group()) for m in _TOKEN_RE.finditer(text)]
    out = [t for _, t in tokens]
    fixed = _phrases_spelt(tokens, out)
    _decode(tokens, out, fixed)
    restored = "".join(out)
    return restored if len(restored) == len(text) else text  # (every word keeps its length)


def as_written(text: str, marked: frozenset[str]) -> str:
    """Restored `text` with the letters the document was written with: the marks that
    `restore` put on its words taken off again; words the document itself wrote with
    marks (`marked`) kept."""
    if text.isascii():
        return text

    def bare(m: re.Match[str]) -> str:
        word = m.group()
        return word if word.isascii() or word in marked else _unmarked(word)

    return WORD_RE.sub(bare, text)


def marked_words(text: str) -> frozenset[str]:
    """The words `text` writes with marks (what `as_written` keeps)."""
    return frozenset(w for w in WORD_RE.findall(text) if not w.isascii())


@lru_cache(maxsize=4096)
def _unmarked(word: str) -> str:
    bare = "".join(
        c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)
    ).translate(_STROKE)
    return unicodedata.normalize("NFC", bare)


_STROKE = str.maketrans({"đ": "d", "Đ": "D"})


# The vocabulary.


def _phrase_sources() -> list[str]:
    """Every phrase of the known vocabulary, as the vocabulary spells it."""
    data = resources.files("kehoach.data")
    out: list[str] = []
    for name in ("agencies.tsv", "national_agencies.txt", "provinces.txt"):
        for line in data.joinpath(name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                out.extend(n.strip(" …!") for n in line.split("\t"))
    for line in (
        data.joinpath("ocr").joinpath("phrases.txt").read_text(encoding="utf-8").splitlines()
    ):
        if line.strip() and not line.startswith("#"):
            out.append(line)
    out.extend(_lexicon_phrases(lexicon.tables()))
    return out


_PATTERN_CHARS = re.compile(r"[\\\[\](){}?*+|^$]")
# Lexicon tables whose words are not spellings to copy: typos (wrong on purpose), OCR
# look-alikes, name parts (single words), and the tables of regular expressions.
_NOT_SPELLINGS = ("typos", "ocr", "names", "accents")


def _lexicon_phrases(node: object, top: bool = True) -> list[str]:
    """The plain strings of the lexicon (keys and values; not its regular expressions)."""
    out: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if top and key in _NOT_SPELLINGS:
                continue
            out.extend(_lexicon_phrases(key, False))
            out.extend(_lexicon_phrases(value, False))
    elif isinstance(node, list):
        for value in node:
            out.extend(_lexicon_phrases(value, False))
    elif isinstance(node, str) and not _PATTERN_CHARS.search(node):
        out.append(node)
    return out


_NUMERAL = "#"  # a phrase's stand-in for a number or a Roman numeral (`quý #`: `Quy II/2026`)


def _key(kind: int, token: str) -> str:
    """What a token is looked up by: a word folded, a number or Roman numeral `#`."""
    if kind == 2 or token == _NUMERAL or (token.isupper() and _ROMAN_RE.match(token)):
        return _NUMERAL
    return fold(token)


@lru_cache(maxsize=1)
def _phrases() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Keys of each phrase of two words or more -> its tokens as spelt. The lexicon's
    `[accents]` phrases come first and win; among the others, a phrase whose letters spell
    two phrases of the vocabulary (`cơ sở`/`cơ số`) is left out."""
    preferred = [
        *lexicon.words("accents.phrases"),
        *(f"{w} {p}" for w in lexicon.words("accents.province_words") for p in lexicon.provinces()),
    ]
    spelt: dict[tuple[str, ...], tuple[str, ...] | None] = {}
    for n, phrase in enumerate([*preferred, *_phrase_sources()]):
        phrase = unify_tone_marks(unicodedata.normalize("NFC", phrase))
        tokens = [(m.lastindex or 4, m.group()) for m in _TOKEN_RE.finditer(phrase)]
        tokens = [(kind, t) for kind, t in tokens if kind != 3]
        key = tuple(_key(kind, t) for kind, t in tokens)
        words = [t for kind, t in tokens if kind == 1 and _key(kind, t) != _NUMERAL]
        if len(words) < 2 or len(key) > _LONGEST_PHRASE:
            continue
        if n >= len(preferred) and all(w.isascii() for w in words):
            continue  # nothing to spell (the lexicon's folded words, matched folded)
        low = tuple(t.lower() for _, t in tokens)
        if key not in spelt:
            spelt[key] = low
        elif n >= len(preferred) and spelt[key] not in (None, low):
            spelt[key] = None
    return {k: v for k, v in spelt.items() if v is not None}


@lru_cache(maxsize=1)
def _phrase_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(k) for k in _phrases()}, reverse=True))


def _phrases_spelt(tokens: list[tuple[int, str]], out: list[str]) -> set[int]:
    """Spell the vocabulary's phrases found in the text (longest first, left to right) as
    the vocabulary does, in `out`; the positions of the words they spell. A phrase does
    not begin or end inside a code (`25-CTr/TU ngay` holds no `từ ngày`)."""
    phrases = _phrases()
    lengths = _phrase_lengths()
    # the tokens that are not white space, and their positions
    seen = [i for i, (kind, _) in enumerate(tokens) if kind != 3]
    keys = [_key(*tokens[i]) for i in seen]
    fixed: set[int] = set()
    k = 0
    while k < len(seen):
        if tokens[seen[k]][0] != 1 or _joined(tokens, seen[k], before=True):
            k += 1
            continue
        for n in lengths:
            spelling = phrases.get(tuple(keys[k : k + n])) if k + n <= len(keys) else None
            if spelling is None:
                continue
            if keys[k + n - 1] == _NUMERAL or not _joined(tokens, seen[k + n - 1], before=False):
                for j, word in zip(seen[k : k + n], spelling, strict=True):
                    if word != _NUMERAL:
                        out[j] = _cased(tokens[j][1], word)
                        fixed.add(j)
                k += n
                break
        else:
            k += 1
    return fixed


def _joined(tokens: list[tuple[int, str]], i: int, *, before: bool) -> bool:
    """Whether token i is joined to a word or number before it (or after it) by a code's
    joiner: `CTr/TU`, `KH-UBND`, `VHTT&DL`."""
    j, k = (i - 1, i - 2) if before else (i + 1, i + 2)
    return (
        0 <= k < len(tokens)
        and tokens[j][0] == 4
        and tokens[j][1] in _CODE_JOINERS
        and tokens[k][0] in (1, 2)
    )


def _cased(template: str, word: str) -> str:
    """`word` with the letter case of `template`, letter by letter (they are as long)."""
    if len(word) != len(template):
        return template
    return "".join(
        w.upper() if t.isupper() else w for t, w in zip(template, word.lower(), strict=True)
    )


# The syllable model.


def _protected(tokens: list[tuple[int, str]], i: int) -> bool:
    """A word kept as written: part of a code (`25-CTr/TU`, `KH&CN`), next to a digit,
    a Roman numeral (`II`), a list letter (`a)`), or no syllable's letters (`UBND`)."""
    word = tokens[i][1]
    before = tokens[i - 1][1] if i else ""
    after = tokens[i + 1][1] if i + 1 < len(tokens) else ""
    if before[-1:].isdigit() or after[:1].isdigit():
        return True
    # `KH-UBND`, `VHTT&DL`, `25-CTr/TU`; not words in lower case (`năm/lần`, `xã/phường`)
    joined = _joined(tokens, i, before=True) or _joined(tokens, i, before=False)
    if joined and (len(word) == 1 or not word.islower()):
        return True
    if word.isupper() and _ROMAN_RE.match(word):
        return True
    return len(word) == 1 and after in (")", ".")


def _decode(tokens: list[tuple[int, str]], out: list[str], fixed: set[int]) -> None:
    """Choose each unmarked word's syllable along each phrase (Viterbi over the bigram
    model); a phrase ends at punctuation, a number or a code goes on as its context token."""
    from kehoach.text.ocr_model import load_model

    model = load_model()
    run: list[tuple[int, list[str]]] = []  # (token position or -1, candidates)
    for i, (kind, tok) in enumerate(tokens):
        if kind == 3:  # white space: a line break between two lines ends the phrase
            if tok.count("\n") > 1:
                _choose(model, run, out, tokens)
            continue
        if kind == 2:
            if run:
                run.append((-1, [NUM]))
            continue
        if kind == 4:
            _choose(model, run, out, tokens)
            continue
        low = out[i].lower()
        if i in fixed or not tok.isascii():
            run.append((-1, [unify_tone_marks(low)]))
        elif _protected(tokens, i):
            run.append((-1, [_FIXED]))
        else:
            cands = list(model.by_skel.get(skeleton(low), ())[:_CANDIDATES])
            if low in model.uni and low not in cands:
                cands.append(low)
            run.append((i, cands) if len(cands) > 1 else (-1, cands or [_FIXED]))
            if len(cands) == 1:
                out[i] = _cased(tok, cands[0])
    _choose(model, run, out, tokens)


def _choose(
    model: OcrModel,
    run: list[tuple[int, list[str]]],
    out: list[str],
    tokens: list[tuple[int, str]],
) -> None:
    """The best path through a phrase's candidates, written into `out`; the run emptied."""
    if not any(i >= 0 for i, _ in run):
        run.clear()
        return
    logp = model.logp
    scores = [logp(None, s) for s in run[0][1]]
    back: list[list[int]] = []
    for k in range(1, len(run)):
        before, cands = run[k - 1][1], run[k][1]
        cur, arg = [], []
        for s in cands:
            best, at = -math.inf, 0
            for j, p in enumerate(before):
                score = scores[j] + logp(p, s)
                if score > best:
                    best, at = score, j
            cur.append(best)
            arg.append(at)
        scores = cur
        back.append(arg)
    j = scores.index(max(scores))
    path = [j]
    for arg in reversed(back):
        j = arg[j]
        path.append(j)
    path.reverse()
    for (i, cands), j in zip(run, path, strict=True):
        if i >= 0:
            out[i] = _cased(tokens[i][1], cands[j])
    run.clear()
