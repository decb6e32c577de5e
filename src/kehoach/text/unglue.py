"""Spaces put back where OCR lost them: `Số17-NQ/TUQuảngNinh,ngày30tháng10năm2023` reads
`Số 17-NQ/TU Quảng Ninh, ngày 30 tháng 10 năm 2023`, `NGHỊQUYẾT` reads `NGHỊ QUYẾT`.

Only runs no Vietnamese word could be are touched: a syllable is at most seven letters, so a
run of letters is cut only when it is longer than one syllable and every piece is a
well-formed syllable (`Facebook`, `UBND`, `VHTTDL` have no such reading and stay whole), or
at a change of case inside it (`QuảngNinh`); a syllable glued to a number (`ngày30`) is set
apart from it. Typed text has no such runs, so it passes through unchanged.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from kehoach.text.normalize import unify_tone_marks
from kehoach.text.syllables import is_valid_syllable, skeleton

__all__ = ["unglue", "unglue_capital_pairs", "unglue_damaged", "unglue_pairs"]

_UNSEEN = 0.01  # the weight of a syllable the counts never saw
_LONGEST = 7  # letters of the longest syllable (`nghiêng`)
_GLUED = re.compile(r"\S{8,}")  # a glued run is longer than any word with its punctuation
_PARTS = re.compile(r"[^\W\d_]+|\d+|[^\w\s]|_")  # letter runs, digit runs, single marks


# Lines and cells repeat (a table's agencies and years, a running header): a pure reading of
# the text and the shipped syllable counts, cached.
@lru_cache(maxsize=16_384)
def unglue(text: str) -> str:
    """`text` with the spaces OCR lost put back (unchanged when none were lost)."""
    # the split is one C-level pass: far cheaper than the pattern on every line
    if max(map(len, text.split()), default=0) < 8 or not _GLUED.search(text):
        return text
    return _GLUED.sub(_token, text)


@lru_cache(maxsize=16_384)
def unglue_damaged(text: str) -> str:
    """OCR'd `text` with the spaces lost put back, as `unglue`, also in runs some of whose
    syllables OCR damaged as well (`ditíchquócgia`, `Nghiquyêtvào`: `quóc`, `quyêt` are no
    syllables, but known ones spelt with their letters): such a syllable stands apart, as
    read, for OCR repair to put right among its neighbours (`di tích quốc gia`), which it
    cannot do inside the run; a run of letters glued to a number is cut into two known
    syllables (`01môhình` reads `01 mô hình`). For OCR repair, before it decodes: typed text
    has no damaged syllables, and `unglue` does not guess them."""
    if max(map(len, text.split()), default=0) < 8 or not _GLUED.search(text):
        return text
    return _GLUED.sub(_damaged_token, text)


# A lower-case word of a few letters with a marked one: what two short syllables glued make
# (`vàcác`, `họcsinh`); one syllable is at most seven letters, so longer runs are `unglue`'s.
_SHORT_RUN = re.compile(r"(?<![\w'’])[^\W\d_]{4,7}(?![\w'’])")


def unglue_pairs(text: str) -> str:
    """OCR'd `text` with two syllables that lost the space between them set apart (`tỉnh
    vàcác tổ chức` reads `tỉnh và các tổ chức`): a lower-case word with a marked letter that is
    no syllable, when it is two syllables both seen in the language counts. A word OCR
    damaged in another way has no such reading and stays as read."""
    if text.isascii():
        return text
    text = _SHORT_RUN.sub(_pair, text)
    return _SENTENCE_GLUED.sub(_sentences_apart, text) if "." in text else text


# Two words glued at a full stop (`mới.Các`): shorter than the runs `unglue` looks at
_SENTENCE_GLUED = re.compile(r"(?<![\w.])([^\W\d_]{1,7})\.([^\W\d_]{2,7})(?![\w.])")


def _sentences_apart(match: re.Match[str]) -> str:
    """`mới.Các` -> `mới. Các`: a sentence's last word, lower case, and the next one's
    first, capitalised, both syllables; not `TP.Hạ`, `gov.vn`."""
    end, first = match.group(1), match.group(2)
    lower_end = end.islower() and _syllable(end)
    if lower_end and first[0].isupper() and first[1:].islower() and _syllable(first):
        return f"{end}. {first}"
    return match.group(0)


def _pair(match: re.Match[str]) -> str:
    run = match.group(0)
    if run.isascii() or is_valid_syllable(run):
        return run
    if run.islower() or (run[0].isupper() and run[1:].islower()):
        # `vàcác`; `Báovà`, `Căncứ` at a sentence's or a name's start
        return " ".join(_two_syllables(run))
    return _capital_pair(match)


_VOWELS = frozenset("aăâeêioôơuưy" + "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")


def unglue_capital_pairs(text: str) -> str:
    """`text` with two syllables glued in capitals (`KẾHOẠCH`) or at a capital (`vàDu`)
    set apart: a run with a marked letter that is no syllable, when it is two syllables
    seen in the language counts, the second opening with a consonant (a capital run), or
    two well-formed syllables parted by the capital (`vàDu`). Safe before OCR repair, which
    would take the run for one damaged syllable (`KẾHOẠCH` -> `KHOẠCH`)."""
    if text.isascii():
        return text
    return _SHORT_RUN.sub(_capital_pair, text)


def _capital_pair(match: re.Match[str]) -> str:
    run = match.group(0)
    if run.isascii() or run.islower() or is_valid_syllable(run):
        return run
    if run.isupper():
        cut = _two_syllables(run.lower())
        # the second opens with a consonant: a vowel there is as likely a letter OCR
        # doubled (`THỤỰC` is `THỰC`, not `THỤ ỰC`)
        if len(cut) == 2 and cut[1][0] not in _VOWELS:
            return f"{run[: len(cut[0])]} {run[len(cut[0]) :]}"
        return run
    words = _case_words(run)
    if len(words) == 2 and words[0].islower() and all(map(is_valid_syllable, words)):
        return " ".join(words)  # `vàDu`; not `UBNDtỉnh`, `iPhone`
    return run


@lru_cache(maxsize=4096)
def _two_syllables(run: str) -> tuple[str, ...]:
    """The likeliest cut of `run` into two known syllables, or `run` itself."""
    from kehoach.text.ocr_model import load_model

    counts = load_model().uni
    best: tuple[float, tuple[str, ...]] = (0.0, (run,))
    for cut in range(1, len(run)):
        a, b = run[:cut], run[cut:]
        if not (is_valid_syllable(a) and is_valid_syllable(b)):
            continue
        ca, cb = counts.get(unify_tone_marks(a.lower())), counts.get(unify_tone_marks(b.lower()))
        if ca and cb and ca * cb > best[0]:
            best = (ca * cb, (a, b))
    return best[1]


def _token(match: re.Match[str]) -> str:
    return _unglued(match.group(0))


def _damaged_token(match: re.Match[str]) -> str:
    return _unglued(match.group(0), damaged=True)


@lru_cache(maxsize=8192)  # `2026-2030`, `KH-UBND`, `(2026-2030)`: the same runs on many lines
def _unglued(token: str, damaged: bool = False) -> str:
    """A run of eight or more characters without a space, with the spaces lost in it back
    (`damaged`: some of its syllables may be OCR-damaged, `unglue_damaged`)."""
    parts = _PARTS.findall(token)
    if len(parts) == 1:
        return " ".join(_letters(token, damaged)) if token.isalpha() else token
    out: list[str] = []
    last = before = ""
    for part in parts:
        pieces = _letters(part, damaged) if part.isalpha() else [part]
        if out and _apart(last, pieces[0], before):
            out.append(" ")
        out.append(" ".join(pieces))
        before = pieces[-2] if len(pieces) > 1 else last
        last = pieces[-1]
    return "".join(out)


def _apart(prev: str, part: str, before: str = "") -> bool:
    """Whether a space was lost between two parts of a run (`before`: the part before
    `prev`)."""
    if prev.isalpha() and part.isdigit():  # `ngày30`, `số2156`; not `NQ80`, `Q1`
        return _syllable(prev)
    if prev.isdigit() and part.isalpha():  # `30tháng`; not `19a`, `3D`
        return _syllable(part) and len(part) > 1
    if prev in ",;%" and part.isalpha():  # `Ninh,ngày`, `tỉnh;đón`, `92%hộ` (a decimal
        return True  # comma is between digits)
    # an opening quote or bracket after a word, a closing one before the next word
    # (`danh hiệu“Gia đình văn hóa”được`, `lễ hội(Lễ`): not `(b/c)`, `2026-2030)`
    if part in "“(" and prev.isalpha():
        return _syllable(prev)
    if prev in "”)" and part.isalpha():
        return _syllable(part) and len(part) > 1
    # `kỷ nguyênmới.Các ngành`: a sentence's last word glued to the next one's capitalised
    # first word; not `TP.HCM`, `PGS.TS.Nguyễn`, a web address (`www.`: no syllable)
    return (
        prev == "."
        and before.islower()
        and _syllable(before)
        and len(part) > 1
        and part[0].isupper()
        and part[1:].islower()
    )


def _syllable(word: str) -> bool:
    return len(word) <= _LONGEST and is_valid_syllable(word)


def _letters(run: str, damaged: bool = False) -> list[str]:
    """A run of letters cut into the words it was glued from (itself when it is one);
    `damaged`: some of them may be OCR-damaged syllables (`unglue_damaged`)."""
    words = _case_words(run)
    if damaged and len(run) <= _LONGEST and _word_case(run) and not run.isascii():
        # a short run cut out of a longer one (`01môhình`: `môhình` after the number): two
        # known syllables, as `unglue_pairs` reads a lone word
        return [run] if is_valid_syllable(run) else list(_two_syllables(run))
    if len(run) <= _LONGEST and (len(words) == 1 or is_valid_syllable(run)):
        return [run]
    if len(words) > 1 and all(_syllable(w) or len(w) > _LONGEST for w in words):
        return [p for w in words for p in _letters(w, damaged)]
    # a run without a marked letter is as likely a foreign word (`FACEBOOK`, `Blockchain`)
    if len(run) <= _LONGEST or run.isascii():
        return [run]
    cut = _syllables(run) or (_damaged_syllables(run) if damaged else None)
    return list(cut) if cut else [run]


def _word_case(run: str) -> bool:
    """In lower case, or capitalised (`Nghiquyêtvào` opening a sentence): as words are."""
    return run.islower() or (run[0].isupper() and run[1:].islower())


def _case_words(run: str) -> list[str]:
    """A run cut before each capitalised word inside it: `QuảngNinh`, `TU|Quảng`."""
    cuts = [i for i in range(1, len(run) - 1) if run[i].isupper() and run[i + 1].islower()]
    return [run[a:b] for a, b in zip([0, *cuts], [*cuts, len(run)], strict=True)]


@lru_cache(maxsize=4096)
def _syllables(run: str) -> tuple[str, ...] | None:
    """The fewest well-formed syllables `run` is made of, the more frequent ones when several
    readings have as few (`TỈNH ỦY`, not `TỈ NHỦY`), or None when it has no reading."""
    from kehoach.text.ocr_model import load_model  # only glued text needs the counts

    counts = load_model().uni
    # best[end]: (pieces, -weight, the syllables) of the best reading of run[:end]
    best: list[tuple[int, float, tuple[str, ...]] | None] = [None] * (len(run) + 1)
    best[0] = (0, 0.0, ())
    for end in range(1, len(run) + 1):
        for start in range(max(0, end - _LONGEST), end):
            head, piece = best[start], run[start:end]
            if head is None or not is_valid_syllable(piece):
                continue
            weight = math.log(counts.get(unify_tone_marks(piece.lower()), _UNSEEN))
            got = (head[0] + 1, head[1] - weight, (*head[2], piece))
            if best[end] is None or got[:2] < best[end][:2]:  # type: ignore[index]
                best[end] = got
    last = best[-1]
    return last[2] if last is not None else None


@lru_cache(maxsize=4096)
def _damaged_syllables(run: str) -> tuple[str, ...] | None:
    """`_syllables` for a run in lower case (a capital first allowed) with no reading in
    well-formed syllables alone: some pieces may be syllables OCR damaged, letters no
    syllable has as read whose skeleton a known syllable has (`quóc`, `quyêt`). The reading
    with the fewest such pieces, then the fewest pieces, then the more frequent syllables;
    none when more than half its pieces are damaged (letters run together, or a foreign
    word, not Vietnamese misread)."""
    if not _word_case(run):
        return None  # `UBNDtỉnh`: an abbreviation before a word, not a damaged syllable
    from kehoach.text.ocr_model import load_model

    model = load_model()
    counts, by_skel = model.uni, model.by_skel
    # best[end]: (damaged pieces, pieces, -weight, the pieces) of the best reading of run[:end]
    best: list[tuple[int, int, float, tuple[str, ...]] | None] = [None] * (len(run) + 1)
    best[0] = (0, 0, 0.0, ())
    for end in range(1, len(run) + 1):
        for start in range(max(0, end - _LONGEST), end):
            head, piece = best[start], run[start:end]
            if head is None:
                continue
            low = piece.lower()
            if is_valid_syllable(piece):
                hurt, weight = 0, math.log(counts.get(unify_tone_marks(low), _UNSEEN))
            elif (known := by_skel.get(skeleton(low))) and not low.isascii():
                # the most frequent syllable with its letters, far less likely than one read
                hurt, weight = 1, math.log(counts.get(known[0], _UNSEEN) * _UNSEEN)
            else:
                continue
            got = (head[0] + hurt, head[1] + 1, head[2] - weight, (*head[3], piece))
            if best[end] is None or got[:3] < best[end][:3]:  # type: ignore[index]
                best[end] = got
    last = best[-1]
    if last is None or last[0] == 0 or 2 * last[0] > last[1]:
        return None
    return last[3]
