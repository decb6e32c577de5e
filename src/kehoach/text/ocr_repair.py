"""Repair OCR-garbled Vietnamese text: wrong diacritics, letter confusions, stray marks.

Each run of letters between spaces is a syllable. Where OCR damaged one, the
right syllable usually has the same base letters (`thông nhát` -> `thống nhất`),
so the candidates for a syllable (`ocr_candidates`) are the known syllables with
the same skeleton, plus, for syllables that cannot be Vietnamese, a few letter
confusions Tesseract makes (`rn` -> `m`). A syllable bigram model built from
clean administrative text (`ocr_model`, `tools/build_ocr_model.py`) chooses among
them along each phrase (`ocr_decode`); a correct-looking syllable is only
replaced when the bigram evidence outweighs a high change cost.
"""

from __future__ import annotations

import random
import re
import time
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache, partial
from operator import attrgetter

from kehoach.text.datafiles import data_file
from kehoach.text.lexicon import mapping, words
from kehoach.text.normalize import recompose_marks
from kehoach.text.ocr_decode import calm_run, decode
from kehoach.text.ocr_judge import looks_like_ocr
from kehoach.text.ocr_model import OcrModel, load_model, training_sequences
from kehoach.text.ocr_numbers import NUMBER_TOKEN, number_shapes
from kehoach.text.syllables import (
    LETTERS,
    Token,
    apply_case,
    is_valid_syllable,
    syllable_runs,
)
from kehoach.text.unglue import unglue_capital_pairs, unglue_damaged

__all__ = [
    "OcrModel",
    "Repair",
    "bench_repair",
    "repair",
    "training_sequences",
]


@dataclass(frozen=True)
class Repair:
    """One change made by `repair`: 1-based line number, text before and after."""

    line: int
    original: str
    replacement: str


def _cased(tok: Token, new: str, confusion: bool, starts_run: bool) -> str:
    """`new` in the letter case of the token it replaces."""
    template = tok.text
    if confusion and not starts_run and len(template) > 2 and template[1:].islower():
        template = template[1:]  # `Tuy Iihiên`: the capital I was a misread n
    return apply_case(template, new)


def _shouting(chunk: list[Token], i: int) -> bool:
    """An upper-case syllable before lower-case text, outside a heading: `TỔ chức`."""
    tok = chunk[i]
    if not tok.text.isupper() or tok.heading or len(tok.text) < 2 or tok.text.isascii():
        return False
    if i and chunk[i - 1].text.isupper():
        return False
    return i + 1 < len(chunk) and chunk[i + 1].text.islower()


def _repair_words(
    text: str, model: OcrModel, repairs: list[tuple[int, str, str]], join_lines: bool
) -> str:
    """Text with each run of syllables decoded; (offset, old, new) of each change added."""
    pieces = []
    pos = 0
    calm = partial(calm_run, model)  # runs that cannot change: the common case
    for chunk in syllable_runs(text, join_lines=join_lines, skip=calm):
        for i, word in _run_repairs(model, chunk):
            tok = chunk[i]
            pieces.append(text[pos : tok.start])
            pieces.append(word)
            pos = tok.end
            repairs.append((tok.start, tok.text, word))
    pieces.append(text[pos:])
    return "".join(pieces)


_RUN_KEY = attrgetter("text", "fixed", "heading")  # all a run's repairs depend on


def _run_repairs(model: OcrModel, chunk: list[Token]) -> list[tuple[int, str]]:
    """(position, word to write) for each token of a run that changes (memoized: documents
    repeat their phrases, headings and agency names)."""
    key = tuple(map(_RUN_KEY, chunk))
    got = model.run_cache.get(key)
    if got is None:
        got = []
        changes = decode(model, chunk)
        for i, tok in enumerate(chunk):
            if i not in changes and (tok.fixed or tok.text.islower() or tok.text.istitle()):
                continue  # as read, and cased as words are
            new, confusion = changes.get(i, (tok.low, False))
            word = _recased(chunk, i, new, confusion)
            if word != tok.text:
                got.append((i, word))
        model.remember_run(key, got)
    return got


def _recased(chunk: list[Token], i: int, new: str, confusion: bool) -> str:
    """The word to write for token i, decoded as `new`: in its case, odd casing mended."""
    tok = chunk[i]
    if tok.text.islower():
        return new  # the model spells in lower case
    word = tok.text if new == tok.low else _cased(tok, new, confusion, i == 0)
    if not word.islower() and not word.isupper() and is_valid_syllable(word):
        # triỆt -> triệt, ĐẢng -> Đảng
        return word[0] + word[1:].lower() if word[0].isupper() else word.lower()
    if _shouting(chunk, i):
        return word[0] + word[1:].lower()  # TỔ chức -> Tổ chức
    return word


# Marks OCR leaves around words: (b/©) for (b/c), a stray quote at a line start,
# a footnote number read as an apostrophe (`Tỉnh ủy'`), `1V.` for the heading `IV.`.
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_MARKED_I = "ÌÍỈĨỊ"  # an I with a stray mark (`ỈV. KIẾN NGHỊ`)
_QUARTER_RE = re.compile(
    r"(?<![\w])(?P<word>(?i:"
    + "|".join(map(re.escape, words("ocr.quarter_words")))
    + r"))(?P<gap>[ \t]+)(?P<num>[IVl1|]{1,4})(?=[ \t]*/[ \t]*\d{4}|[ \t]+(?i:năm)[ \t]+\d{4})"
)


def _quarter(m: re.Match[str]) -> str:
    """`quý Il/2026` -> `quý II/2026`: a Roman numeral (it has an I or a V read right) with
    its misread I strokes put right, when that makes a quarter's numeral; else as written: a
    lone `l` may be the digit 1 as well (`quý l/2026`)."""
    num = m.group("num")
    fixed = re.sub("[l1|]", "I", num)
    if fixed == num or not re.search("[IV]", num) or fixed not in _ROMAN[:4]:
        return m.group()
    return m.group("word") + m.group("gap") + fixed


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(words("ocr.abbreviations"))


@lru_cache(maxsize=1)
def _misread_abbreviations() -> dict[str, str]:
    """Each way OCR misreads the abbreviations of five letters or more, as read -> as
    meant: a letter read as a shape of `[ocr.abbreviation_shapes]`, or read twice; a reading
    that two abbreviations share, or that is itself an abbreviation, is neither's."""
    shapes = mapping("ocr.abbreviation_shapes")
    readings: dict[str, set[str]] = {}
    for abbreviation in (a for a in _abbreviations() if len(a) >= 5):
        for i, letter in enumerate(abbreviation):
            head, tail = abbreviation[:i], abbreviation[i + 1 :]
            misread = [read for read, meant in shapes.items() if meant == letter]
            for read in [*misread, letter * 2]:
                readings.setdefault(head + read + tail, set()).add(abbreviation)
    return {
        read: meant.pop()
        for read, meant in readings.items()
        if len(meant) == 1 and read not in _abbreviations()
    }


# A word glued to an abbreviation of three letters or more after it (`SởVHTTDL`, misread
# too: `SởVHTTDIL`); shorter ones end words of their own (`KH`, `TU`)
_GLUED_ABBREVIATION = re.compile(
    r"(?<!\w)(?P<word>[^\W\d_]{1,7}?)(?P<abbreviation>"
    + "|".join(
        sorted(
            {a for a in _abbreviations() if len(a) >= 3} | set(_misread_abbreviations()),
            key=len,
            reverse=True,
        )
    )
    + r")(?!\w)"
)

_SYMBOL_FIXES = (
    (re.compile("\u2044"), lambda m: "/"),  # a slanted slash read as the fraction slash
    # the Icelandic eth read for the Vietnamese d with stroke (`Ðào tạo`): no Vietnamese letter
    (re.compile("[\u00d0\u00f0]"), lambda m: "\u0110" if m.group() == "\u00d0" else "\u0111"),
    (re.compile(r"\(b/[©®]\)|\(b/\)"), lambda m: "(b/c)"),
    (re.compile(r"(?m)^([ \t]*)'[ \t]?(?=[" + LETTERS + r"]|[-+•][ \t])"), lambda m: m.group(1)),
    # ... or before a word inside the line (`Phòng Quản lý 'Thể dục thể thao`), when no
    # quote closes after it on the line
    (
        re.compile(r"(?<=[ \t])['‘](?=[" + LETTERS + r"])(?![^\n'’]*['’])"),
        lambda m: "",
    ),
    # a table rule or a curly quote read at a line's start (`| - Sở X chủ trì …`, `‘Tổ chức`),
    # or a rule at its end (`T/M BAN THƯỜNG VỤ |`): no text of the line
    (
        re.compile(r"(?m)^([ \t]*)[|‘’][ \t]*(?=[" + LETTERS + r"]|[-+•][ \t])"),
        lambda m: m.group(1),
    ),
    (re.compile(r"(?m)(?<=\S)[ \t]+\|[ \t]*$"), lambda m: ""),
    (re.compile(r"(?<=[" + LETTERS + r"])'(?=[,;:.)]|[ \t]|$)", re.M), lambda m: ""),
    (
        re.compile(
            r"(?m)^([ \t]*)([1lIVX"
            + _MARKED_I
            + r"]{1,4})(?=[.\-]?[ \t]*[A-ZĐ\u00c0-\u00dd\u1ea0-\u1ef8]|[.\-]?[ \t]*$)"
        ),
        lambda m: m.group(1) + _roman(m.group(2)),
    ),
    # an item letter with a stray mark: `á)` for `a)`
    (
        re.compile(r"(?m)^([ \t]*)([àáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ])(?=\)[ \t])"),
        lambda m: m.group(1) + _unmarked(m.group(2)),
    ),
    # a lower-case l read as the digit 1 at a word's start (`1ịch sử`, `1ối sống`): a marked
    # letter follows, so it is no number with its unit and no label (`1a`)
    (re.compile(r"(?<![\w.,/-])1([^\W\d_]+)(?!\w)"), lambda m: _digit_l(m)),
    # the digit 1 read as an l before digits or a Vietnamese thousands group (`l.200 phòng
    # học`, `l5%`): no word begins with an l and a digit
    (re.compile(r"(?<![\w.,/-])l(?=[.,]?\d)"), lambda m: "1"),
    # the digit 0 read as the letter O inside a number (`2O30`, `5O.000`, `1O/2026`): no
    # word has a digit before an O and a digit after it
    (re.compile(r"(?<=\d)[Oo](?=\d|[.,/]\d)"), lambda m: "0"),
    # ... and the last digit of a number read as an l or an O (`202l`, `203O`): after two
    # digits, at the word's end, it is no unit (a number and its unit are set apart)
    (re.compile(r"(?<=\d\d)l(?![\w])"), lambda m: "1"),
    (re.compile(r"(?<=\d\d)O(?![\w])"), lambda m: "0"),
    # ... and any digit of a number read as a letter (`ngày l0`, `9O%`, `31/l2/2026`, `2,l`;
    # the shapes in the lexicon): `number_shapes`
    (NUMBER_TOKEN, lambda m: number_shapes(m.group())),
    # a space OCR set before a mark that closes up to the word or number before it (`chủ trì
    # , phối hợp`, `1,8 %`); not at a line's start, where a list's mark may stand
    (re.compile(r"(?<=[\w)])[ \t]+(?=[,;:%](?:[ \t]|$))", re.M), lambda m: ""),
    # a quarter's Roman numeral with an I read as `l`, `1` or `|` (`quý Il/2026`)
    (_QUARTER_RE, lambda m: _quarter(m)),
    # a word OCR glued to the abbreviation after it (`SởVHTTDL`): set apart
    (_GLUED_ABBREVIATION, lambda m: _glued_abbreviation(m)),
    # a word of 2-8 letters (none of a-z: lower case is no abbreviation, and leaving out
    # the words it rules out spares a call for nearly every word of the text)
    (re.compile(r"(?<!\w)[^\W\d_a-z]{2,8}(?!\w)"), lambda m: _abbreviation(m.group())),
)


def _glued_abbreviation(m: re.Match[str]) -> str:
    """`SởVHTTDL` -> `Sở VHTTDL`: a syllable ending in a small letter, then an abbreviation
    (`_GLUED_ABBREVIATION`); else as written."""
    word, abbreviation = m.group("word"), m.group("abbreviation")
    if not word[-1].islower() or not is_valid_syllable(word):
        return m.group()
    return f"{word} {abbreviation}"


def _digit_l(m: re.Match[str]) -> str:
    """`1ịch` -> `lịch`: the letters after the 1, in lower case with a mark, make a syllable
    with an l before them; else as written."""
    rest = m.group(1)
    if not rest.islower() or not is_valid_syllable("l" + rest):
        return m.group()
    if rest.isascii() and (len(rest) < 2 or not load_model().uni.get("l" + rest)):
        # `1ao động`: unmarked letters make a syllable with the l too, when it is a word the
        # language counts know; one letter is an item's label (`1a`), `1ha` no syllable
        return m.group()
    return "l" + rest


def _abbreviation(word: str) -> str:
    """`ÚBND` -> `UBND`: an upper-case word with marks that is no syllable, and without
    them a known abbreviation (`[ocr] abbreviations` of the lexicon); a long one with a
    letter misread (`VHTTDI`, `VHTTDIL`, `VHTTTDL` -> `VHTTDL`: `_misread_abbreviations`);
    else `word`."""
    if not word.isupper() or word in _abbreviations() or is_valid_syllable(word):
        return word
    if word.isascii():
        return _misread_abbreviations().get(word, word)
    bare = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    bare = unicodedata.normalize("NFC", bare)
    return bare if bare in _abbreviations() else word


def _unmarked(letter: str) -> str:
    """The letter without its marks."""
    return unicodedata.normalize("NFD", letter)[0]


def _roman(s: str) -> str:
    """`1V` -> `IV`, `ỈV` -> `IV` when the digits or marked letters make a roman numeral,
    else `s` unchanged."""
    fixed = s.replace("1", "I").replace("l", "I")
    for marked in _MARKED_I:
        fixed = fixed.replace(marked, "I")
    if fixed != s and any(c in "IVX" + _MARKED_I for c in s) and fixed in _ROMAN:
        return fixed
    return s


def _fix_symbols(text: str, repairs: list[Repair]) -> str:
    """Text with `_SYMBOL_FIXES` applied, the changes added to `repairs`."""
    for pattern, fix in _SYMBOL_FIXES:
        if "'" in pattern.pattern and "'" not in text:
            continue
        pieces = []
        pos = 0
        found = []
        for m in pattern.finditer(text):
            new = fix(m)
            if new != m.group():
                pieces.append(text[pos : m.start()])
                pieces.append(new)
                pos = m.end()
                found.append((m.start(), m.group(), new))
        if pos:
            repairs.extend(_line_numbers(text, found))
            pieces.append(text[pos:])
            text = "".join(pieces)
    return text


# A part heading's Roman numeral as OCR reads bold capitals: `II` as `IH` or `H`, `III` as
# `II` or `HI` (an I lost, or two run together into an H), `I.` as `IL.`
_PART_HEADING = re.compile(
    r"^([ \t]*)((?:[IVXHLl1|"
    + _MARKED_I
    + r"]|["
    + re.escape("".join(words("ocr.part_numeral_shapes")))
    + r"](?=[VX])){1,5})(?=[.\-][ \t]*[^\W\d_])",
    re.M,
)


def _numeral_skeleton(numeral: str) -> str:
    """The V and X of a numeral: what OCR keeps of it when it confuses its I strokes."""
    return "".join(ch for ch in numeral if ch in "VX")


def _fix_part_numbers(text: str, repairs: list[Repair]) -> str:
    """Part headings (`II. NHIỆM VỤ`, a Roman numeral before a title in capitals) numbered
    in sequence: a numeral OCR misread (`IH.`), or read as the one before it (`II.` after
    `II.`), or out of sequence where the next part confirms the gap (`II.` between `II.` and
    `IV.`), is the next one, when it has that numeral's V and X (only its I strokes wrong)."""
    parts = []
    for m in _PART_HEADING.finditer(text):
        end = text.find("\n", m.end())
        rest = text[m.end() : end if end >= 0 else len(text)]
        letters = [ch for ch in rest if ch.isalpha()]
        if len(letters) >= 3 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters):
            parts.append(m)
    values = [_ROMAN.index(m.group(2)) + 1 if m.group(2) in _ROMAN else None for m in parts]
    if sum(v is not None for v in values) < 2:
        # too few numerals read as Roman ones to tell a sequence: `1. MỤC ĐÍCH` may be the
        # first of Arabic-numbered parts, not a misread `I.`
        return text
    found, previous = [], 0
    for k, m in enumerate(parts):
        value, expected = values[k], previous + 1
        following = next((v for v in values[k + 1 :] if v is not None), None)
        wrong = (
            value is None or value == previous or (value != expected and following == expected + 1)
        )
        if wrong and expected <= len(_ROMAN):
            numeral = _ROMAN[expected - 1]
            if _numeral_skeleton(m.group(2)) == _numeral_skeleton(numeral):
                found.append((m.start(2), m.group(2), numeral))
                value = expected
        previous = value if value is not None else expected
    return _replaced(text, found, repairs)


def _replaced(text: str, found: list[tuple[int, str, str]], repairs: list[Repair]) -> str:
    """`text` with each `(start, old, new)` of `found` made, the changes added to `repairs`."""
    if not found:
        return text
    repairs.extend(_line_numbers(text, found))
    out = text
    for start, old, new in reversed(found):
        out = out[:start] + new + out[start + len(old) :]
    return out


_SHORT_RUN = re.compile(r"(?<![\w'’])[^\W\d_]{4,7}(?![\w'’])")  # two syllables' letters at most


def _unglued_capitals(text: str, repairs: list[Repair]) -> str:
    """Text with two syllables glued in capitals or at a capital set apart (`KẾHOẠCH`,
    `vàDu`: `unglue.unglue_capital_pairs`), the changes added to `repairs`."""
    if text.isascii():
        return text
    found = []
    for m in _SHORT_RUN.finditer(text):
        if m.group().islower() or m.group().isascii():
            continue  # the common case, and no capital pair
        got = unglue_capital_pairs(m.group())
        if got != m.group():
            found.append((m.start(), m.group(), got))
    return _replaced(text, found, repairs)


_GLUED_RUN = re.compile(r"\S{8,}")  # longer than any word with its punctuation: `unglue`


def _unglued_runs(text: str, repairs: list[Repair]) -> str:
    """Text with the spaces OCR lost in a run put back, also where some of its syllables are
    damaged (`ditíchquócgia` -> `di tích quóc gia`: `unglue.unglue_damaged`), the changes
    added to `repairs`: the words decoded apart, in their neighbours' company, are repaired
    as any others (`quóc` -> `quốc`); glued, they were one run no syllable could be."""
    found = []
    for m in _GLUED_RUN.finditer(text):
        got = unglue_damaged(m.group())
        if got != m.group():
            found.append((m.start(), m.group(), got))
    return _replaced(text, found, repairs)


# A syllable cut by a hyphen at a line's end (`tập tru-` / `ng: …`, `tuyên tru-` / `yền, …`):
# its head, the line break, and its tail with the marks glued after it
_WRAPPED = re.compile(
    r"(?<![\w-])(?P<head>[^\W\d_]{1,6})-[ \t]*\n(?P<indent>[ \t]*)"
    r"(?P<tail>[^\W\d_]{1,6})(?P<marks>[^\w\s]*)[ \t]*"
)


def _unwrapped_syllables(text: str, repairs: list[Repair]) -> str:
    """Text with each syllable OCR cut at a line's end made whole on the first line (`tập
    tru-` / `ng:` gives `tập trung:` / ``): the two pieces make one syllable only together,
    which no hyphenated pair of words does (`Ê-` / `đê`, `ki-` / `lô` stay), and the line
    count is kept (the tail's line keeps its rest)."""
    if "-\n" not in text and not re.search(r"-[ \t]+\n", text):
        return text
    found = []
    for m in _WRAPPED.finditer(text):
        head, tail = m.group("head"), m.group("tail")
        if not (tail.islower() or (head.isupper() and tail.isupper())):
            continue  # `Ê-` / `Đê`: a name in parts, not a syllable cut
        if not is_valid_syllable(head + tail):
            continue
        whole = f"{head}{tail}{m.group('marks')}\n{m.group('indent')}"
        found.append((m.start(), m.group(), whole))
    return _replaced(text, found, repairs)


def _line_numbers(text: str, found: list[tuple[int, str, str]]) -> list[Repair]:
    """Repairs from (offset in `text`, old, new)."""
    newlines = [m.start() for m in re.finditer("\n", text)]
    return [Repair(bisect_left(newlines, off) + 1, old, new) for off, old, new in found]


def repair(
    text: str, *, model: OcrModel | None = None, join_lines: bool = True
) -> tuple[str, list[Repair]]:
    """Repair OCR damage in Vietnamese text; the same lines come back, with the changes made.

    The text comes back in Unicode NFC, loose combining marks put on their letters
    (`normalize.recompose_marks`); `Repair.line` counts from 1. A phrase is read
    across a single line break (a sentence wrapped in a paragraph); with
    `join_lines=False` each line is read on its own, for text whose lines do not
    continue each other (table cells, one a line).
    """
    text = recompose_marks(text)  # NFC, and letters with a detached mark made whole
    changes: list[Repair] = []
    if join_lines:  # a syllable cut at a line's end is read whole (table cells are apart)
        text = _unwrapped_syllables(text, changes)
    fixed = _fix_symbols(text, changes)  # never adds or removes a line break
    if join_lines:  # a document's running text; table cells (one a line) hold no part headings
        fixed = _fix_part_numbers(fixed, changes)
    fixed = _unglued_runs(fixed, changes)  # `ditíchquócgia`: syllables, one of them damaged
    fixed = _unglued_capitals(fixed, changes)  # `KẾHOẠCH` is two words, not one damaged
    word_fixes: list[tuple[int, str, str]] = []
    repaired = _repair_words(fixed, model or load_model(), word_fixes, join_lines)
    changes += _line_numbers(fixed, word_fixes)
    changes.sort(key=lambda r: r.line)
    return repaired, changes


def bench_repair(mb: float = 1.0) -> dict:
    """Throughput of `looks_like_ocr` and `repair` on `mb` megabytes of OCR-like text.

    The text is paragraphs of the packaged OCR sample in random order, so it repeats
    itself as a long document does (and the model's caches get warm); time is CPU
    time of this process. Returns
    `{"mb", "looks_like_ocr", "detect_mb_per_s", "repair_mb_per_s", "repairs"}`.
    """
    path = data_file("samples", "ocr", "001_ocr.txt")
    sample = path.read_text(encoding="utf-8")
    rng = random.Random(0)
    paragraphs = [p for p in sample.split("\n\n") if p.strip()]
    size = int(mb * 1_000_000)
    parts: list[str] = []
    length = 0
    while length < size:
        p = rng.choice(paragraphs)
        parts.append(p)
        length += len(p.encode("utf-8")) + 2
    text = "\n\n".join(parts)
    real_mb = len(text.encode("utf-8")) / 1_000_000
    load_model()  # loading is a one-off cost, not throughput
    t0 = time.process_time()
    flagged = looks_like_ocr(text)
    t1 = time.process_time()
    _, changes = repair(text)
    t2 = time.process_time()
    return {
        "mb": round(real_mb, 3),
        "looks_like_ocr": flagged,
        "detect_mb_per_s": round(real_mb / max(t1 - t0, 1e-9), 2),
        "repair_mb_per_s": round(real_mb / max(t2 - t1, 1e-9), 2),
        "repairs": len(changes),
    }
