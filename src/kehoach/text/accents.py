"""Documents typed without diacritics (`UY BAN NHAN DAN TINH`, `Ke hoach`, `So Van hoa, The
thao va Du lich`), as old e-mail systems sent them: telling them apart, reading them with
their marks put back, and giving their text back as written.

The readers in `extract/` match the administrative vocabulary as printed (`Tổ chức thực
hiện`, `chủ trì`, `hằng năm`, `Quý II/2026`, `Sở …`). A plan typed without marks would match
none of it, and OCR repair, which changes a syllable only on strong evidence, leaves most of
it unmarked. So such a plan is read with its marks restored (`restore`), in three steps:

1. The phrases of the known vocabulary are spelt as the vocabulary spells them: the agency
   register, the central bodies, the provinces, the OCR model's administrative phrases, the
   lexicon's plain words and the runs of words its patterns spell out (`bắt đầu từ năm`),
   and the lexicon's `[accents]` phrases (`#` there is a number or a Roman numeral: `trong
   quý #` spells `trong Quy II/2026`); where they overlap, those that cover the most text.
2. A word the text around it shows to be part of a name is spelt as that part: an agency's
   head (`So Y te`, `So VHTTDL`: `Sở`, not `Số`), a family name before a person's other
   names, an item's opening before the body it hands work to (`(Giao: …)`, `Moi Hoi …`), a
   place's unit (`xa Tan Lap`: `xã`); an abbreviation with a `Đ` (`HDND`) likewise.
3. Every other word is chosen among the known syllables with its letters by the syllable
   bigram model of OCR repair (Viterbi along each phrase), the words spelt so far fixed.

Codes (`25-CTr/TU`), numbers and Roman numerals are kept. The restored text has one
character for each character of the text as written, so nothing moves. The model knows
the words of plans, not places' and people's names: those it can only guess.

What the record gives as written (a task's or a target's text, a title, a signer, a
timeframe's wording) is turned back to the letters of the document (`as_written`); agency
names keep the restored spelling, the register's.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from kehoach.text import lexicon
from kehoach.text.datafiles import data_file
from kehoach.text.normalize import fold, unify_tone_marks
from kehoach.text.syllables import NUM, WORD_RE, skeleton, syllable_letters

if TYPE_CHECKING:
    from kehoach.text.ocr_model import OcrModel

__all__ = ["as_written", "is_accentless", "restore"]

# A text is judged by this much of it: enough words, and cheap on a huge file.
_SCAN_CHARS = 200_000
_HEAD_CHARS = 4_000  # what rules out ordinary text
_MIN_WORDS = 20  # fewer words than this say too little (a heading, a line of a form)
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
    _decode(tokens, out, _phrases_spelt(tokens, out))
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


def _registers() -> list[str]:
    """The names of the registers (agencies, central bodies, provinces) and the OCR model's
    administrative phrases, spelt in full even where they need no mark (`Gia Lai`)."""
    out: list[str] = []
    for name in ("agencies.tsv", "national_agencies.txt", "provinces.txt"):
        for line in data_file(name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                out.extend(n.strip(" …!") for n in line.split("\t"))
    for line in data_file("ocr", "phrases.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line)
    return out


_PATTERN_CHARS = re.compile(r"[\\\[\](){}?*+|^$]")
_PATTERN_SPACE = re.compile(r"\\s[+*]?|\\ ")  # `\s+`, `\s*`, `\ `: a space in a phrase
# what is no letter of a phrase in a pattern: escapes (`\b`, `\d`), groups, classes, operators
_PATTERN_SYNTAX = re.compile(r"\\[A-Za-z]|\\.|\[[^\]]*\][+*?]?|\{[^}]*\}|\(\?[:=!<]*|[()|?*+^$.]")
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
    elif isinstance(node, str):  # a regular expression: the runs of words it spells out
        literal = _PATTERN_SPACE.sub(" ", node)
        out.extend(p.strip() for p in _PATTERN_SYNTAX.split(literal) if " " in p.strip())
    return out


_NUMBER_WORDS = ("targets.number_verbs", "targets.number_qualifiers")
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
        # the words before a target's number (`dat 90%`: `đạt`, not `đất`; `don khoang`)
        *(f"{w} #" for path in _NUMBER_WORDS for w in lexicon.words(path)),
        *(
            f"{verb} {qualifier}"
            for verb in lexicon.words(_NUMBER_WORDS[0])
            for qualifier in lexicon.words(_NUMBER_WORDS[1])
        ),
        *(f"{w} {p}" for w in lexicon.words("accents.province_words") for p in lexicon.provinces()),
    ]
    registers = [*preferred, *_registers()]
    spelt: dict[tuple[str, ...], tuple[str, ...] | None] = {}
    kept: set[tuple[str, ...]] = set()  # the preferred ones
    for n, phrase in enumerate([*registers, *_lexicon_phrases(lexicon.tables())]):
        phrase = unify_tone_marks(unicodedata.normalize("NFC", phrase))
        tokens = [(m.lastindex or 4, m.group()) for m in _TOKEN_RE.finditer(phrase)]
        tokens = [(kind, t) for kind, t in tokens if kind != 3]
        key = tuple(_key(kind, t) for kind, t in tokens)
        words = [t for kind, t in tokens if kind == 1 and _key(kind, t) != _NUMERAL]
        if not words or len(words) + key.count(_NUMERAL) < 2 or len(key) > _LONGEST_PHRASE:
            continue
        if n >= len(registers) and all(w.isascii() for w in words):
            continue  # the lexicon's folded words (matched folded), no spelling
        low = tuple(
            _NUMERAL if k == _NUMERAL else t.lower() for k, (_, t) in zip(key, tokens, strict=True)
        )
        if key not in spelt:
            spelt[key] = low
            if n < len(preferred):
                kept.add(key)
        elif key not in kept and spelt[key] not in (None, low):
            spelt[key] = None
    return {k: v for k, v in spelt.items() if v is not None}


@lru_cache(maxsize=1)
def _phrase_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(k) for k in _phrases()}, reverse=True))


def _phrases_spelt(tokens: list[tuple[int, str]], out: list[str]) -> set[int]:
    """Spell the vocabulary's phrases found in the text as the vocabulary does, in `out`;
    the positions of the words they spell. Where phrases overlap, those that cover the most
    of the text are taken (`Dang uy xa, phuong` is `Đảng ủy` + `xã, phường`, not `Đảng ủy
    xã` + `phuong`). A phrase does not begin or end inside a code (`25-CTr/TU ngay` holds
    no `từ ngày`)."""
    phrases = _phrases()
    lengths = _phrase_lengths()
    # the tokens that are not white space, and their positions
    seen = [i for i, (kind, _) in enumerate(tokens) if kind != 3]
    keys = [_key(*tokens[i]) for i in seen]
    size = len(seen)
    # the phrases starting at each token: (length, spelling)
    found: list[list[tuple[int, tuple[str, ...]]]] = [[] for _ in range(size)]
    for k in range(size):
        if tokens[seen[k]][0] not in (1, 2) or _joined(tokens, seen[k], before=True):
            continue
        for n in lengths:
            spelling = phrases.get(tuple(keys[k : k + n])) if k + n <= size else None
            if spelling is None:
                continue
            if keys[k + n - 1] == _NUMERAL or not _joined(tokens, seen[k + n - 1], before=False):
                found[k].append((n, spelling))
    if not any(found):
        return set()
    # the most tokens covered from each position on (right to left), and the choice made
    best = [0] * (size + 1)
    choice: list[tuple[int, tuple[str, ...]] | None] = [None] * size
    for k in range(size - 1, -1, -1):
        best[k] = best[k + 1]
        for n, spelling in found[k]:  # longest first; on a tie, the leftmost and longest
            if n + best[k + n] > best[k] or (choice[k] is None and n + best[k + n] == best[k]):
                best[k], choice[k] = n + best[k + n], (n, spelling)
    fixed: set[int] = set()
    k = 0
    while k < size:
        taken = choice[k]
        if taken is None:
            k += 1
            continue
        n, spelling = taken
        for j, word in zip(seen[k : k + n], spelling, strict=True):
            if word != _NUMERAL:
                out[j] = _cased(tokens[j][1], word)
                fixed.add(j)
        k += n
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


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    """The one-word heads of an agency's name (`Sở`, `Ban`, `Báo`, `Phòng`, `Đoàn`), lower
    case: lexicon `agencies.heads`."""
    return _one_words("agencies.heads")


@lru_cache(maxsize=1)
def _units() -> frozenset[str]:
    """The one-word units a place's name follows (`xã`, `phường`, `thôn`, `bản`, `tỉnh`):
    lexicon `documents.local_units`, `agencies.community_units`, `accents.province_words`."""
    return _one_words("documents.local_units", "agencies.community_units", "accents.province_words")


@lru_cache(maxsize=1)
def _openings() -> frozenset[str]:
    """The one-word openings of an item that hands work to the body named next (`Giao`,
    `Mời`): lexicon `agencies.assign_openings`, `agencies.parenthesis_openings`."""
    return _one_words("agencies.assign_openings", "agencies.parenthesis_openings")


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    """Abbreviations spelt with a `Đ` (`HĐND`, `BCĐ`), by their letters: lexicon `[ocr]
    abbreviations`."""
    return {fold(a): a for a in lexicon.words("ocr.abbreviations") if not a.isascii()}


@lru_cache(maxsize=1)
def _name_words() -> dict[str, tuple[str, ...]]:
    """The words `_name_word` reads, by their letters: readings of a word the model may not
    know (`Nguyễn` is no syllable of its corpus)."""
    out: dict[str, tuple[str, ...]] = {}
    for word in sorted(_heads() | _families() | _openings() | _units()):
        out[skeleton(word)] = (*out.get(skeleton(word), ()), word)
    return out


@lru_cache(maxsize=1)
def _families() -> frozenset[str]:
    """Vietnamese family names (`Nguyễn`, `Trần`, `Đỗ`): lexicon `names.family`."""
    return _one_words("names.family")


@lru_cache(maxsize=1)
def _local_units() -> frozenset[str]:
    """The units of local government (`tỉnh`, `xã`, `phường`), which close a body's name
    whatever comes before (`Truong Trung cap Van hoa tinh`)."""
    return _one_words("documents.local_units", "accents.province_words")


def _one_words(*paths: str) -> frozenset[str]:
    return frozenset(
        unify_tone_marks(w.lower())
        for path in paths
        for w in lexicon.words(path)
        if w.isalpha() and not w.isupper()
    )


_NAME_ENDS = frozenset(",;.()|")
_OPENERS = frozenset(".:;!?-+•|(")  # what a sentence, an item or a cell begins after


def _name_word(
    model: OcrModel, tokens: list[tuple[int, str]], i: int, cands: list[str]
) -> str | None:
    """The word of a name a word is, when exactly one of its readings is one and the text
    around it says a name is there: an agency's head (`Sở`, not `Số`) written with a capital
    before a name (`So Y te`, `So VHTTDL`), at a name's end (`Van phong So,`) or inside a
    sentence before a word its other readings make no known pair with (`thuoc So can cu`;
    `Quy hoach`, `So hoa`, `BAO TON` and `So: 12/KH-UBND` are the model's); a family name
    before a person's other names (`Do Quang Minh`: `Đỗ`); an opening that hands work to
    the body named next (`Giao`, `Moi`: `Mời`, not `Mới`); a place's unit (`xã`, not `xa`)
    before a capitalized name (`xa Tan Lap`, `XA TAN LAP`) or closing a body's name (`Hoi
    Nong dan tinh`)."""
    tok = tokens[i][1]
    heads = [c for c in cands if c in _heads()]
    after = next((t for _, t in tokens[i + 1 :] if not t.isspace()), "")
    name_after = after[:1].isupper() and after.isalpha()
    if len(heads) == 1 and tok[:1].isupper():
        if not after or after in _NAME_ENDS or (name_after and not syllable_letters(after)):
            return heads[0]  # `So,`, `So (qua …)`, `So VHTTDL`
        if tok.istitle() and (after.istitle() or fold(after) == "cac"):
            return heads[0]  # `So Y te`, `Phong Van hoa`, `Doan cac xa`
        before = next((t for _, t in reversed(tokens[:i]) if not t.isspace()), "")
        inside = after.isalpha() and (not name_after or (tok.isupper() and after.isupper()))
        if inside and before and before[-1] not in _OPENERS:
            nexts = model.by_skel.get(skeleton(after.lower()), ())
            others = [c for c in cands if c != heads[0]]
            if not any((c, n) in model.bi for c in others for n in nexts):
                return heads[0]  # `thuoc So can cu`, `ve So truoc ngay`
        return None
    families = [c for c in cands if c in _families()]
    if len(families) == 1 and not heads and tok.istitle() and after.istitle() and name_after:
        return families[0]  # a person's name: `Do Quang Minh` is `Đỗ …`, `Tran Quoc Vinh`
    before = next((t for _, t in reversed(tokens[:i]) if not t.isspace()), "")
    openings = [c for c in cands if c in _openings()]
    item_start = not before or before[-1] in _OPENERS or before[-1].isdigit()
    body_after = after == ":" or name_after or fold(after) in ("cac", "cho")
    if len(openings) == 1 and item_start and body_after:
        return openings[0]  # `(Giao: UBND …)`, `5. Moi Hoi …`, `Giao cac so …`
    units = [c for c in cands if c in _units()]
    if len(units) == 1 and not heads:
        if name_after and syllable_letters(after):
            return units[0]  # `xa Tan Lap`, `TINH QUANG TRI`
        name_before = (before.isalpha() and before[:1].isupper()) or units[0] in _local_units()
        if before.isalpha() and name_before and (not after or not after[:1].isalpha()):
            return units[0]  # `Hoi Nong dan tinh;`, `Truong Trung cap Van hoa tinh.`
    return None


@lru_cache(maxsize=1)
def _spelt_words() -> dict[str, str]:
    """Words always spelt one way (lexicon `accents.words`), by their letters."""
    return {fold(w): w for w in lexicon.words("accents.words")}


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
        elif tok.isupper() and (abbreviation := _abbreviations().get(low)) is not None:
            out[i] = abbreviation  # `HDND` is `HĐND`
            run.append((-1, [_FIXED]))
        else:
            known = model.by_skel.get(skeleton(low), ())
            cands = list(known[:_CANDIDATES])
            if low in model.uni and low not in cands:
                cands.append(low)
            extra = [w for w in _name_words().get(skeleton(low), ()) if w not in known]
            named = _name_word(model, tokens, i, [*cands, *known[_CANDIDATES:], *extra])
            cands = [named] if named else [w] if (w := _spelt_words().get(low)) else cands
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
    """The best path through a phrase's candidates, written into `out`; the run emptied.
    A document repeats its phrases: a run's path is remembered by its candidates."""
    if not any(i >= 0 for i, _ in run):
        run.clear()
        return
    key = tuple(tuple(cands) for _, cands in run)
    path = _paths.get(key)
    if path is None:
        path = _best_path(model, key)
        if len(_paths) >= _PATHS_KEPT:
            _paths.clear()
        _paths[key] = path
    for (i, cands), j in zip(run, path, strict=True):
        if i >= 0:
            out[i] = _cased(tokens[i][1], cands[j])
    run.clear()


_PATHS_KEPT = 20_000
_paths: dict[tuple[tuple[str, ...], ...], list[int]] = {}


def _best_path(model: OcrModel, lattice: tuple[tuple[str, ...], ...]) -> list[int]:
    """Viterbi: the index of the candidate chosen at each position."""
    logp = model.logp
    known = model.logp_cache.get  # the common case without a method call
    scores = [known((None, s)) or logp(None, s) for s in lattice[0]]
    back: list[list[int]] = []
    for k in range(1, len(lattice)):
        before, cands = lattice[k - 1], lattice[k]
        cur, arg = [], []
        for s in cands:
            best, at = -math.inf, 0
            for j, p in enumerate(before):
                score = scores[j] + (known((p, s)) or logp(p, s))
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
    return path
