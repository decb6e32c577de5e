"""Targets (chỉ tiêu): numbered or bulleted statements with numbers in the objectives part."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from kehoach.extract.outline import Para, Section
from kehoach.extract.readings import handed_reading, opening, subject_reading
from kehoach.intake.document import Table
from kehoach.model import Metric, Target
from kehoach.text import lexicon
from kehoach.text.normalize import CAPITALS, fold, fold_chars
from kehoach.text.numbers import NUMBER, NUMBER_REST, parse_number


def _words_re(name: str) -> re.Pattern[str]:
    """A `targets` list of the lexicon as whole words, folded."""
    return re.compile(r"\b" + lexicon.alternation(f"targets.{name}", fold_words=True) + r"\b")


_OBJECTIVE = _words_re("objective_headings")
_NOT_OBJECTIVE = _words_re("not_objective_headings")
# A number with its unit: "23.100 nghìn lượt khách", "trên 80%", "01 - 02 thương hiệu".
# (the look-behind after the number's first digit: a pattern that opens with one is tried at
# every place of the text, one that opens with a digit only where a digit is)
_QTY_RE = re.compile(
    r"(?P<a>\d(?<![\w/.,-]\d)(?:" + NUMBER_REST + r"))"
    # a part of a whole (`3/5 di tích`, `124/124 xã`): the part is the number (`quantities`)
    r"(?:/(?P<of>\d{1,5}(?:\.\d{3})?)(?=\s))?"
    r"(?:\s*(?:-|–|đến)\s*(?P<b>" + NUMBER + r"))?"
    # a range of shares that writes the sign at both ends (`từ 25% đến 30%`, `85% - 90%`)
    r"(?:\s*%\s*(?:-|–|đến)\s*(?P<b_pc>" + NUMBER + r")(?=\s*%))?"
    r"\s*(?P<unit>%|phần trăm|[^\W\d_][^\s,;.:()]*(?:\s+[^\W\d_][^\s,;.:()]*){0,3})"
)
_YEAR_RE = re.compile(
    r"\b(?:năm|đến|giai đoạn|trước|sau)\s+((?:19|20)\d{2})\b|\b((?:19|20)\d{2})\s*-\s*(?:19|20)\d{2}\b"
)


@dataclass(frozen=True)
class TargetRow:
    """A target statement read from a table; `metrics` set when the table had value columns."""

    text: str
    metrics: tuple[Metric, ...] = ()
    horizon: int | None = None
    # the section of the plan's body the table stands in (`II.2`), None in an appendix
    section: str | None = None
    # a place's own numbers (`places.py`): never a restatement of the plan's statement for
    # the whole province, however alike a place's name and its words read
    allotted: bool = False


# A sentence opens with a capital (not a small letter: `; đón …` is no new sentence) or with
# its number ("… trên 7% GRDP. 100% dân số được …")
_SENTENCE_SPLIT = re.compile(rf"(?<=[.])\s+(?=[{CAPITALS}])|(?<=\.)\s+(?=\d+(?:[.,]\d+)?\s*%)")
_TITLE_YEAR_RE = re.compile(r"\b((?:19|20)\d{2})\b")


def _unit(raw: str) -> str:
    if raw in ("%", "phần trăm"):
        return "%"
    low = raw.lower()
    for u in _known_units():
        if low.startswith(u) and (len(low) == len(u) or not low[len(u)].isalnum()):
            return u
    return raw.split()[0]


def _known_unit(raw: str) -> bool:
    low = raw.lower()
    return any(
        low.startswith(u) and (len(low) == len(u) or not low[len(u)].isalnum())
        for u in _known_units()
    )


def counted_unit(words: str) -> str | None:
    """The unit the words open with (`câu lạc bộ văn nghệ` -> `câu lạc bộ`) when the lexicon
    knows it (`targets.units`), else None."""
    return _unit(words) if _known_unit(words) else None


@lru_cache(maxsize=1)
def _known_units() -> list[str]:
    return sorted((u.lower() for u in lexicon.words("targets.units")), key=len, reverse=True)


@lru_cache(maxsize=1)
def _reference_before() -> re.Pattern[str]:
    """A number right after one of these words is a reference (`Chỉ thị 11`), not a quantity."""
    return re.compile(r"\b" + lexicon.alternation("targets.reference_words") + r"\s*$")


def _reference(before: str) -> bool:
    """Whether the folded words before a number make it a reference (`Chỉ thị số 11`), not
    a count that ends in such a word (`tổng số 450.000 bản sách`; the lexicon's
    `count_phrases`)."""
    m = _reference_before().search(before)
    if m is None:
        return False
    return not any(before.rstrip().endswith(p) for p in lexicon.folded("targets.count_phrases"))


def quantities(text: str) -> list[tuple[float | int, str, int]]:
    """Every (value, unit, position) in a statement; years, dates, numbers of documents left out."""
    out: list[tuple[float | int, str, int]] = []
    for m in _QTY_RE.finditer(text):
        unit_raw = m.group("unit")
        # a unit the lexicon knows is one even when its first word is a function word's
        # (`tài liệu` like `tại`, `đề tài` like `để`)
        if _not_unit(unit_raw) and not _known_unit(unit_raw):
            continue
        before = fold_chars(text[max(0, m.start() - 20) : m.start()])
        if unit_raw != "%" and _reference(before) and not _counts_places(before, unit_raw):
            continue
        if _glued_code(text, m):
            continue
        a = m.group("a")
        if re.fullmatch(r"(19|20)\d{2}", a) and unit_raw != "%":
            continue
        if m.group("of") and not _part_of_whole(a, m.group("of"), unit_raw):
            continue
        b = m.group("b") or m.group("b_pc")
        try:
            values = [parse_number(a)] + ([parse_number(b)] if b else [])
        except ValueError:
            continue
        unit = _unit(unit_raw)
        out.extend((v, unit, m.start()) for v in values)
    return out


def _part_of_whole(part: str, whole: str, unit: str) -> bool:
    """Whether `part/whole` before a unit counts part of a whole (`3/5 di tích`, `124/124 xã,
    phường`): no more than the whole, and a unit the lexicon knows after it; a day and month
    (`24/11 hằng năm`) names none."""
    try:
        return parse_number(part) <= parse_number(whole) and _known_unit(unit)
    except ValueError:
        return False


def _counts_places(before: str, unit: str) -> bool:
    """A number after a word that says where (`tại`; lexicon `targets.place_words`) with a
    known unit after it: a count of places (`tại 10 xã, phường`), no reference."""
    if not _known_unit(unit):
        return False
    last = before.rstrip().rsplit(" ", 1)[-1]
    return last in lexicon.folded("targets.place_words")


def _not_unit(unit: str) -> bool:
    """True when the words after a number make it no quantity (data/lexicon.toml
    `targets.not_units`): matched as written (`tại` is none, `tài liệu` is a unit), or folded
    where the words carry no mark at all (`tai`)."""
    low = unit.lower()
    if _opens_with(low, lexicon.words("targets.not_units")):
        return True
    return low.isascii() and _opens_with(fold(low), lexicon.folded("targets.not_units"))


def _opens_with(words: str, entries: tuple[str, ...] | frozenset[str]) -> bool:
    return any(words == e or words.startswith(e + " ") for e in entries)


def _glued_code(text: str, m: re.Match[str]) -> bool:
    """A number written against letters that make no unit: a name (`dữ liệu 3D`, `mạng 5G`)
    or what is left of a word OCR misread (`1ịch sử`). A unit is spaced (`12 di tích`), a
    known one (`10ha`) or a symbol in small Latin letters (`5km`, `20m2`)."""
    at = m.start("unit")
    word = m.group("unit").split()[0]
    if word in ("%", "phần trăm") or text[at - 1 : at].isspace():
        return False
    if _unit(m.group("unit")) in _known_units():
        return False
    return not (word[:1].isascii() and word[:1].islower())


def _year_in(text: str) -> int | None:
    m = _YEAR_RE.search(text)
    return int(m.group(1) or m.group(2)) if m else None


def _horizon_of(title: str) -> int | None:
    years = [int(y) for y in _TITLE_YEAR_RE.findall(title)]
    return max(years) if years else None


@dataclass(frozen=True)
class _Spelt:
    """What `spelt_numbers` reads, built once from the lexicon."""

    count: re.Pattern[str]  # a number word before a known unit
    multiple: re.Pattern[str]  # a multiple in words (`gấp đôi`)
    values: dict[str, int]  # each word's number
    after_one: tuple[str, ...]  # `targets.one_counts_after`
    joins: frozenset[str]  # `targets.number_word_joins`


@lru_cache(maxsize=1)
def _spelt() -> _Spelt:
    """From the lexicon's `targets.number_words`, `multiple_names`, `multiple_words`,
    `one_counts_after` and `number_word_joins`."""
    numbers = {w: int(n) for w, n in lexicon.mapping("targets.number_words").items()}
    named = {w: int(n) for w, n in lexicon.mapping("targets.multiple_names").items()}
    words = "|".join(sorted(map(re.escape, numbers), key=len, reverse=True))
    names = "|".join(sorted(map(re.escape, named), key=len, reverse=True))
    units = lexicon.alternation("targets.units")
    # lower case, or opening the statement in capitals (`Hai di tích …`): a capital inside a
    # sentence is a name's (`Hai Bà Trưng`, `Ba Bể`), and no unit follows it anyway
    count = re.compile(rf"(?:(?<!\w)(?P<w>{words})|^(?P<cap>{words.title()}))(?=\s+{units}(?!\w))")
    multiples = lexicon.alternation("targets.multiple_words")
    multiple = re.compile(rf"(?<!\w)(?P<g>{multiples})\s+(?P<n>{words}|{names})(?:\s+lần)?(?!\w)")
    return _Spelt(
        count,
        multiple,
        {**numbers, **named},
        lexicon.words("targets.one_counts_after"),
        frozenset(lexicon.words("targets.number_word_joins")),
    )


def spelt_numbers(text: str) -> str:
    """The text with the numbers it writes as words in digits, where they count (`Hình thành
    ba sản phẩm` → `3 sản phẩm`, `gấp đôi` → `gấp 2 lần`): a number word before a unit the
    lexicon knows; `một` (also "a", "one of") only after a word that says it counts (`ít
    nhất`, `tối thiểu`; lexicon `targets.one_counts_after`); not one that ends a longer
    number in words (`mười hai`)."""
    spelt = _spelt()
    values = spelt.values

    def digits(m: re.Match[str]) -> str:
        word = (m.group("w") or m.group("cap")).lower()
        before = text[: m.start()].rstrip().lower()
        last = before.rsplit(" ", 1)[-1] if before else ""
        if last in values or last in spelt.joins:
            return m.group(0)
        if values[word] == 1 and not before.endswith(spelt.after_one):
            return m.group(0)
        return str(values[word])

    # (`digits` reads `text` as rebound here: its offsets are those of the text it is run on)
    text = spelt.multiple.sub(lambda m: f"{m.group('g')} {values[m.group('n')]} lần", text)
    return spelt.count.sub(digits, text)


def _metrics(text: str, doc_year: int | None = None) -> list[Metric]:
    """A statement's metrics; with `doc_year`, an aside of a past year's figure (`(năm 2025
    đạt 88,2%)`: `_past_asides`) gives none, nor its year to the numbers around it."""
    metrics: list[Metric] = []
    text = spelt_numbers(text)
    for sentence in re.split(r"(?<=\.)\s+", text):
        asides = _past_asides(sentence, doc_year)
        # a baseline year ("tăng 8% so với năm 2024") is no year a number is due by
        years = [
            (m.start(), int(m.group(1)))
            for m in _baseline_year_re().finditer(sentence)
            if not _within(m.start(), asides)
        ]
        previous: str | None = None
        found = [
            q
            for q in quantities(sentence)
            if not _present_state(sentence, q[2]) and not _within(q[2], asides)
        ]
        claimed: set[int] = set()  # where the years are that close a number's own clause
        for i, (value, unit, pos) in enumerate(found):
            # a year that closed an earlier number's clause is that number's alone past the
            # clause's `;` (`đạt 88% vào năm 2026 và 96% vào năm 2030; 75% …`: 75 has none),
            # not a number's that shares its clause (`đón 5,5 triệu lượt khách vào năm 2030,
            # trong đó 150.000 lượt khách quốc tế`)
            before = [
                y for p, y in years if p < pos and not (p in claimed and ";" in sentence[p:pos])
            ]
            after = _year_after(sentence, years, pos, found[i + 1 :])
            if after is not None:
                claimed.add(after[0])
            by = (after[1] if after else None) or (before[-1] if before else None)
            # "tăng 8%" after "đón 2,7 triệu lượt khách,": the same subject as the number before
            subject = _subject(sentence, pos, unit) or previous
            metrics.append(Metric(value=value, unit=unit, subject=subject, by=by))
            previous = subject
    return metrics


def dated_metrics(text: str, doc_year: int | None) -> list[Metric]:
    """The numbers a note dates from the document's year on (`Riêng năm 2026 đạt 150 lượt
    người`, `Năm 2027: 50%`): milestones on the way to a target; undated numbers and past
    years' figures (`Năm 2025 đạt 85%`) give none."""
    return [m for m in _metrics(text, doc_year) if m.by and (doc_year is None or m.by >= doc_year)]


_BRACKETED = re.compile(r"\([^()]*\)")


def _past_asides(sentence: str, doc_year: int | None) -> list[tuple[int, int]]:
    """The spans of the sentence's bracketed asides that state a figure of years before the
    document's (`đạt 90 - 92% (năm 2025 đạt 88,2%)`, `(giai đoạn 2021 - 2025 đạt …)`): the
    baseline the target starts from, as a past-only sentence is (`_past_only`). An aside
    that measures a change from a past year (`(tăng 20% so với năm 2025)`) is still to come."""
    return [
        m.span()
        for m in _BRACKETED.finditer(sentence)
        if _past_only(m.group(), doc_year)
        and not _baseline_re().search(fold_chars(m.group()).lower())
    ]


def _within(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= pos < end for start, end in spans)


@lru_cache(maxsize=1)
def _present_state_re() -> re.Pattern[str]:
    """An aside or clause that opens by stating the figure as it stands now (`(hiện có `,
    `, hiện nay là `; lexicon `targets.present_states`) and runs to the number, over the
    lower-cased text before it."""
    words = lexicon.alternation("targets.present_states")
    return re.compile(rf"(?:^|[(,;:]\s*){words}\s+(?:khoảng\s+|trên\s+|gần\s+)?$")


def _present_state(sentence: str, pos: int) -> bool:
    """Whether the number at pos is the figure as it stands now (`… (hiện có 41 di sản)`):
    the baseline, no metric."""
    return _present_state_re().search(sentence[:pos].lower()) is not None


@lru_cache(maxsize=1)
def _compared_year_re() -> re.Pattern[str]:
    """A year compared with (`so với năm 2025`, `so với cùng kỳ 2025`): a wording of
    `targets.baseline_years`, then the year."""
    words = lexicon.alternation("targets.baseline_years")
    return re.compile(rf"\b{words}\s+(?:năm\s+)?(?:19|20)\d{{2}}\b", re.I)


@lru_cache(maxsize=1)
def _baseline_year_re() -> re.Pattern[str]:
    """`năm 2024` not after a wording of `targets.baseline_years` (one look-behind each: a
    look-behind has one width)."""
    behind = "".join(f"(?<!{re.escape(w)} )" for w in lexicon.words("targets.baseline_years"))
    return re.compile(behind + r"\bnăm\s+((?:19|20)\d{2})", re.I)


def _year_after(
    sentence: str,
    years: list[tuple[int, int]],
    pos: int,
    later: list[tuple[float | int, str, int]],
) -> tuple[int, int] | None:
    """A year that closes a number's own clause (`… thu hút 14,5 triệu lượt khách vào năm
    2030`, `hoàn thành số hóa 100% di tích … trong năm 2027.`), as (where it is, the year):
    after the number, before the end of its clause (`;`) and before the comma or the word
    (`và`; lexicon `targets.clause_joiners`) that opens the next number's clause (`… 50% số
    xã không có ma túy, riêng năm 2025 … 20% …`: 2025 is the next number's; `đạt 88% vào năm
    2026 và đạt 96% vào năm 2030`: 2026 is 88's). With neither before the next number, only
    a `;` between them ends the clause."""
    nxt = min([p for _, _, p in later if p > pos], default=None)
    if nxt is None:
        end = len(sentence)
    else:
        end = sentence.rfind(",", pos, nxt)
        if end == -1:
            joiner = _clause_joiner_re().search(sentence, pos, nxt)
            end = joiner.start() if joiner else max(sentence.find(";", pos, nxt), pos)
    semicolon = sentence.find(";", pos, end)
    end = semicolon if semicolon != -1 else end
    after = [(p, y) for p, y in years if pos < p < end]
    return after[-1] if after else None


@lru_cache(maxsize=1)
def _clause_joiner_re() -> re.Pattern[str]:
    return re.compile(r"\s" + lexicon.alternation("targets.clause_joiners") + r"\s")


_YEAR_NUMBER = re.compile(r"(?:19|20)\d{2}")
_LEAD_NUMBER = re.compile(
    r"^[\d.,]+(?:/\d[\d.]*)?(?:\s*%?\s*(?:-|–|đến)\s*[\d.,]+)?\s*(?:%|phần trăm)?\s*"
)


def _subject(sentence: str, pos: int, unit: str | None = None) -> str | None:
    """What a number counts: the words after it up to the end of its clause, without the
    number itself ("100% xóm, tổ dân phố có nhà văn hóa" -> "xóm, tổ dân phố có nhà văn hóa");
    when only the unit follows ("doanh thu đạt 3.350 tỷ đồng", "tăng trên 3%;") or words that
    say how often or against what ("12%/năm", "so với năm 2024"), the words before it in its
    clause ("doanh thu")."""
    rest = _LEAD_NUMBER.sub("", sentence[pos:])
    end = re.search(r"[;.(]|\s\d", rest)
    clause = rest[: end.start()] if end else rest
    ended = _clause_end(clause)
    if len(ended) == len(clause) and end and end.group().strip()[:1].isdigit():
        ended = _before_next_number(clause)  # the next number's lead-in is not ours
    clause = ended
    clause = _determiner_re().sub("", clause.strip(" ,:"))
    clause = _REPEAT.sub(r"\1", clause)  # "15 di tích di tích"
    if _year_lead_only(clause):
        clause = ""  # "đạt 60%, đến năm 2030 đạt 80%": `đến` leads the next number's year
    tail = clause[len(unit) :] if unit and clause.lower().startswith(unit.lower()) else clause
    tail = _filler_re().sub("", tail).strip(" ,")
    folded = fold(tail)
    how = next((t for t in _unit_tails() if folded.startswith(t)), None)
    if not tail or how is not None:
        # the unit alone still names what is counted ("đón 2,7 triệu lượt khách"); "/năm",
        # "so với …" name nothing, "dân số" only with words after it ("100% dân số được …")
        named = not tail or bool(folded[len(how or "") :].strip(" ,./"))
        clause = _before(sentence[:pos]) or (clause if named else "")
    if len(clause) > 100:
        clause = clause[:100].rsplit(" ", 1)[0]
    return clause.strip(" ,") or None


def _year_lead_only(clause: str) -> bool:
    """Whether a clause holds only the words that lead a year (`đến`, `đến hết năm`; lexicon
    `targets.year_lead_words`): what is left of the next number's lead-in, naming nothing."""
    words = fold(clause).strip(" ,")
    words = words[: -len(" nam")] if words.endswith(" nam") else words
    return words in lexicon.folded("targets.year_lead_words")


def _before(text: str) -> str:
    """The words before a number that name what it counts: its clause, from the end of the
    number before it ("… 3,5 triệu lượt, | tổng thu từ du lịch | đạt 6.500 tỷ đồng"); where
    its clause names nothing but its year after a colon (`Tỷ lệ học sinh …: đến năm 2027 đạt
    60%, đến năm 2030 đạt 80%`), the label before the colon."""
    cut = max(text.rfind(c) for c in ";:(")
    found = _clause_before(text[cut + 1 :])
    if not found and cut >= 0 and text[cut] == ":":
        return _before(text[:cut])
    return found


def _clause_before(before: str) -> str:
    """`_before` within one part of a statement (no `;`, `:` or `(` in it)."""
    numbers = [m for m in re.finditer(NUMBER, before) if not _YEAR_NUMBER.fullmatch(m.group())]
    if numbers:  # what follows the number before, from where its own clause ends
        before = before[numbers[-1].end() :]
        folded = fold_chars(before).lower()
        cuts = [m.end() for m in re.finditer(r",|\s" + _cut_words() + r"\b", folded)]
        before = before[cuts[-1] :] if cuts else ""
    if len(before) > 100:  # keep whole words
        before = before[-100:].split(" ", 1)[-1]
    before = _strip_commitment(before)
    return _lead_words_re().sub("", before).strip(" ,")


@lru_cache(maxsize=1)
def _unit_tails() -> tuple[str, ...]:
    return tuple(lexicon.folded("targets.unit_tails"))


@lru_cache(maxsize=1)
def _clause_opening() -> re.Pattern[str]:
    return re.compile(r",\s*" + lexicon.alternation("targets.clause_openings") + r"(?!\w)", re.I)


def _clause_end(clause: str) -> str:
    """A subject stops where a new clause opens (", tăng …", ", trong đó …", "so với …")."""
    m = _clause_opening().search(clause)
    cut = m.start() if m else len(clause)
    m = _baseline_re().search(fold_chars(clause).lower())
    if m:
        cut = min(cut, m.start())
    return clause[:cut]


@lru_cache(maxsize=1)
def _baseline_re() -> re.Pattern[str]:
    return re.compile(
        r"(?:^|\s)" + lexicon.alternation("targets.baselines", fold_words=True) + r"\b"
    )


def _before_next_number(clause: str) -> str:
    """A clause cut at the next number loses the words that lead to that number: a reference
    ("… theo Quyết định số | 2156"), a phrase that opens the next quantity ("lớp tập huấn cho
    | 150 lượt cán bộ", "nhà văn hóa với tổng kinh phí | 12,5 tỷ đồng")."""
    for _ in range(3):
        m = _reference_before().search(fold_chars(clause).lower())
        if not m:
            break
        clause = clause[: m.start()].rstrip()
    folded = fold_chars(clause).lower()
    cuts = [m.start() for m in re.finditer(r"\s" + _cut_words() + r"\b", folded)]
    if cuts:
        clause = clause[: cuts[-1]]
    stripped = _strip_commitment(clause)
    if _verb_before_number_re().search(clause) and "," in stripped:
        # "2,2 triệu lượt, doanh thu du lịch đạt | 4.800": the words after the comma name the
        # next number
        stripped = stripped.rpartition(",")[0]
    return stripped.strip(" ,")


@lru_cache(maxsize=1)
def _verb_before_number_re() -> re.Pattern[str]:
    verbs = lexicon.alternation("targets.number_verbs")
    qualifiers = lexicon.alternation("targets.number_qualifiers")
    return re.compile(rf"\s{verbs}(?:\s+{qualifiers})*\s*$", re.I)


@lru_cache(maxsize=1)
def _cut_words() -> str:
    return lexicon.alternation("targets.subject_cut_before", fold_words=True)


@lru_cache(maxsize=1)
def _lead_words_re() -> re.Pattern[str]:
    """Words that open a commitment, not its subject: "Năm 2026, phấn đấu …", "Hằng năm, …"."""
    year_lead = lexicon.alternation("targets.year_lead_words")
    lead = lexicon.alternation("targets.lead_words")
    return re.compile(rf"^(?:\s*(?:(?:{year_lead} )?năm \d{{4}}|{lead})[,\s]*)+", re.I)


_REPEAT = re.compile(r"\b(\w+(?:\s\w+)?)\s+\1\b")


@lru_cache(maxsize=1)
def _filler_re() -> re.Pattern[str]:
    bound = lexicon.alternation("targets.bound_words")
    verbs = lexicon.alternation("targets.filler_verbs")
    return re.compile(rf"^\s*{bound}?\s*{verbs}?\s*", re.I)


@lru_cache(maxsize=1)
def _determiner_re() -> re.Pattern[str]:
    return re.compile(r"^" + lexicon.alternation("targets.subject_determiners") + r"\s+")


@lru_cache(maxsize=1)
def _commitment_tail() -> re.Pattern[str]:
    return re.compile(
        r"(?:\s+" + lexicon.alternation("targets.commitment_tail") + r")+\s*$", re.IGNORECASE
    )


def _strip_commitment(text: str) -> str:
    """A subject without the words that commit or connect ("tăng bình quân", "đạt", "và",
    "duy trì ổn định ở mức") at its end; a text of nothing else comes back empty."""
    text = _commitment_tail().sub("", " " + text.strip()).strip()
    return text.strip(" ,")


def _statements(section: Section, doc_year: int | None = None) -> list[str]:
    """Item paragraphs are one statement each; prose paragraphs give one per sentence. With
    `doc_year`, a prose sentence of past results only (`Năm 2025, toàn tỉnh có …` in the
    general objective of a 2026 plan) states no commitment."""
    out: list[str] = []
    for b in section.blocks:
        if isinstance(b, Table) or b.kind == "rule":
            continue
        if b.kind in ("bullet", "paren", "letter", "decimal"):
            out.append(b.body)
        else:
            out.extend(
                s for s in _SENTENCE_SPLIT.split(b.text) if s and not _past_only(s, doc_year)
            )
    return out


def _objective_statements(section: Section, doc_year: int | None) -> list[tuple[str, int | None]]:
    """The section's statements (`_statements`), each with the year of the line above it
    that is only a year (`a) Năm 2026`, `b) Đến năm 2028`: the statements under it aim at
    it), else None; a prose sentence of past results only (`_past_only`) states no
    commitment, and a prose paragraph that speaks only of years before the document's
    (`Năm 2025, toàn tỉnh có 38 thư viện …; Thư viện tỉnh có 312.000 bản sách …`) states the
    baseline, not a target."""
    out: list[tuple[str, int | None]] = []
    year: int | None = None
    for b in section.blocks:
        if isinstance(b, Table) or b.kind == "rule":
            continue
        text = b.body if b.kind in ("bullet", "paren", "letter", "decimal") else b.text
        heading = _year_heading(text)
        if heading is not None:
            year = heading
        elif b.kind in ("bullet", "paren", "letter", "decimal"):
            out.append((b.body, year))
        elif not _baseline(b.text, doc_year):
            out.extend(
                (s, year)
                for s in _SENTENCE_SPLIT.split(b.text)
                if s and not _past_only(s, doc_year)
            )
    return out


@lru_cache(maxsize=1)
def _year_heading_res() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(w) for w in lexicon.words("targets.year_headings"))


def _year_heading(text: str) -> int | None:
    """The year a line names when it is nothing else (`Năm 2026`, `Đến năm 2028:`; the
    wordings in the lexicon), else None."""
    t = text.strip().rstrip(":.").strip().lower()
    if len(t) > 30:
        return None
    m = next((m for rx in _year_heading_res() if (m := rx.fullmatch(t))), None)
    return int(m.group("year")) if m else None


def _baseline(paragraph: str, doc_year: int | None) -> bool:
    """A paragraph that speaks only of years before the document's and strives for nothing
    (`phấn đấu`): what was reached, the base the targets start from."""
    if doc_year is None or _future_re().search(fold_chars(paragraph).lower()):
        return False
    if _compared_year_re().search(paragraph):  # a change measured from a past year is still to come
        return False
    years = _spoken_years(paragraph)
    return bool(years) and all(y < doc_year for y in years)


def _statement_title(sec: Section) -> bool:
    """A numbered item read as a sub-section (`1. Tỷ lệ hộ gia đình … đạt 90% trở lên.`): a
    statement with a number, not a heading (`2. Mục tiêu cụ thể đến năm 2030`)."""
    return (
        sec.kind == "decimal"
        and not _OBJECTIVE.search(sec.folded_title)
        and bool(_metrics(sec.title))
    )


def _title_statements(sec: Section) -> list[str]:
    """What a numbered sub-section's own line states: the whole line when it is a statement,
    or what follows a heading's colon (`2. Mục tiêu cụ thể: Đến năm 2030, 100% xã …`)."""
    if _statement_title(sec):
        return [sec.title]
    head, colon, rest = sec.title.partition(":")
    if sec.kind == "decimal" and colon and _OBJECTIVE.search(fold(head)) and _metrics(rest):
        return [rest.strip()]
    # a part's heading and its text on one line, the line break lost (OCR, pasted text):
    # `I. MỤC TIÊU, CHỈ TIÊU Đến năm 2025: 100% xã …; … . Tổng thu …`
    head, rest = _caps_head(sec.title)
    if sec.kind == "roman" and _OBJECTIVE.search(fold(head)) and _metrics(rest):
        return [s for s in _SENTENCE_SPLIT.split(rest) if s]
    return []


def _caps_head(title: str) -> tuple[str, str]:
    """A title's leading words in capitals (`MỤC TIÊU, CHỈ TIÊU`) and the text after them."""
    words = title.split(" ")
    n = 0
    while n < len(words) and (words[n].isupper() or not any(c.isalpha() for c in words[n])):
        n += 1
    return " ".join(words[:n]), " ".join(words[n:]).strip()


def heading_part(title: str) -> str:
    """A section title's heading, folded: up to its first colon or sentence end (`2. Mục tiêu
    cụ thể: Đến năm 2030 …` gives `muc tieu cu the`). A numbered paragraph read as a section
    (`1. Ban Thường vụ Tỉnh ủy ghi nhận … Sau 05 năm, các chỉ tiêu …`) heads with its first
    sentence only, so a word of its later sentences makes it no objectives part."""
    head = re.split(r"[:;]|\.\s", title, maxsplit=1)[0]
    return fold(head[:150])


_JOINER = re.compile(r",|;|\bva\b")


def reviews_results(title: str) -> bool:
    """Whether a heading or a caption reports results: it opens with a wording of results
    (`Kết quả thực hiện`, `Tình hình thực hiện`; lexicon `targets.results_headings`), so
    `Kết quả thực hiện một số chỉ tiêu năm 2026` reviews the targets and `Chỉ tiêu và kết
    quả …` does not, and does not also look ahead (`… năm 2025 và phương hướng, nhiệm
    vụ năm 2026`: `_looks_ahead`). A report's results part, its table of targets against
    what was done and its appendix of results by commune hold figures reached, no targets."""
    head = heading_part(title)
    label = _review_label_re().match(head)
    m = _results_re().match(head, label.end() if label else 0)
    return m is not None and not _looks_ahead(head)


@lru_cache(maxsize=1)
def _results_re() -> re.Pattern[str]:
    return re.compile(lexicon.alternation("targets.results_headings", fold_words=True) + r"\b")


@lru_cache(maxsize=1)
def _review_label_re() -> re.Pattern[str]:
    """What may stand before the review wording that opens a results heading (`Biểu tổng
    hợp kết quả thực hiện …`; lexicon `targets.review_labels`), folded; nothing else may: a
    heading that only names the results (`Chế độ báo cáo kết quả thực hiện`, `Bộ tiêu chí
    đánh giá kết quả thực hiện`) reviews none."""
    labels = lexicon.alternation("targets.review_labels", fold_words=True)
    return re.compile(rf"(?:{labels}\s+)*")


@lru_cache(maxsize=1)
def _ahead_words_re() -> re.Pattern[str]:
    return re.compile(r"\b" + lexicon.alternation("targets.ahead_words", fold_words=True) + r"\b")


@lru_cache(maxsize=1)
def _ahead_opener_re() -> re.Pattern[str]:
    """A part of a heading joined on (`, `, `; `, `và`) that opens with a plan's wording
    (lexicon `targets.ahead_openers`), not a document's number (`và Kế hoạch số 58/KH-UBND`)."""
    openers = lexicon.alternation("targets.ahead_openers", fold_words=True)
    return re.compile(rf"(?:,|;|\bva)\s+(?:cac\s+)?{openers}\b(?!\s+so\b)")


def _looks_ahead(head: str) -> bool:
    """Whether a folded heading that reviews also names what is to come: a word that always
    looks ahead (`phương hướng`, `dự kiến`), or a joined part opening with a plan's wording
    that names a year later than any before it (`Kết quả thực hiện năm 2025 và kế hoạch năm
    2026`; one naming no year is what the review covers: `… nhiệm vụ, giải pháp`)."""
    if _ahead_words_re().search(head):
        return True
    bare = _DATES.sub(" ", head)  # a date's or a cited document's year is no period
    for m in _ahead_opener_re().finditer(bare):
        nxt = _JOINER.search(bare, m.end())
        part = bare[m.end() : nxt.start() if nxt else len(bare)]
        years = [int(y) for y in _TITLE_YEAR_RE.findall(part)]
        earlier = [int(y) for y in _TITLE_YEAR_RE.findall(bare[: m.start()])]
        if years and (not earlier or max(years) > max(earlier)):
            return True
    return False


def _objective_sections(root: Section) -> list[tuple[Section, int | None]]:
    found: list[tuple[Section, int | None]] = []

    def visit(sec: Section, inside: bool, horizon: int | None) -> None:
        title = sec.folded_title
        if sec.kind in ("signature",):
            return
        if reviews_results(sec.title):
            # a report's results part (`Phần I. KẾT QUẢ THỰC HIỆN NĂM 2026`), or a section of
            # it (`3. Kết quả thực hiện một số chỉ tiêu chủ yếu`): what its sections say of
            # targets (`Về các chỉ tiêu: …`) are figures reached
            return
        here = inside
        if _OBJECTIVE.search(heading_part(sec.title)) and sec.kind != "appendix":
            here = True
        # a numbered statement under the objectives (`3. 100% nhiệm vụ được giao … được rà
        # soát`) is one of them, whatever words it holds; a heading is read by its words
        stated = inside and _statement_title(sec)
        if here and not stated and _NOT_OBJECTIVE.search(title) and not _OBJECTIVE.search(title):
            here = False
        # a part that reviews past years inside the objectives part (`II. TÌNH HÌNH VÀ MỤC TIÊU`
        # > `1. Kết quả đạt được`): its figures are results
        head = heading_part(sec.title)
        if here and _review_re().search(head) and not _OBJECTIVE.search(head):
            here = False
        # a numbered statement ("3. Doanh thu tăng 15% so với năm 2025") names no horizon
        h = horizon if _statement_title(sec) else (_horizon_of(sec.title) or horizon)
        # the line that opens its list (`Phấn đấu trong năm 2026:`) names the year it aims at
        h = (_list_year(sec) if here else None) or h
        if here:
            found.append((sec, h))
        for c in sec.children:
            visit(c, here, h)

    for top in root.children:
        if top.kind != "appendix":
            visit(top, False, None)
    return found


def objective_sections(root: Section) -> list[Section]:
    """The sections of the plan's objectives part (`Mục tiêu`, `Chỉ tiêu`, and the numbered
    statements under them)."""
    return [sec for sec, _ in _objective_sections(root)]


def extract_targets(
    root: Section,
    doc_year: int | None,
    plan_horizon: int | None,
    appendix_rows: list[TargetRow] | None = None,
    appendix_horizon: int | None = None,
) -> list[Target]:
    """All targets: the objectives part, then appendix rows not already stated in the body."""
    targets: list[Target] = []
    seen: list[str] = []
    objectives = _objective_sections(root)
    for sec, horizon in objectives:
        statements = [(t, None) for t in _title_statements(sec)]
        for text, year in statements + _objective_statements(sec, doc_year):
            metrics = _metrics(text, doc_year)
            if not metrics:
                continue
            aim = year or horizon or plan_horizon
            targets.append(_target(len(targets) + 1, text, aim, metrics, sec.path))
            seen.append(fold(text))
    if not targets and not _tabled_objectives(objectives, appendix_rows or []):
        for sec, text, aim in _body_commitments(root, doc_year):
            metrics = _metrics(text, doc_year)
            # a commitment's own year (`phấn đấu đến năm 2030 …`) before the one its list's
            # introduction strives for, before the plan's: a conclusion's title names the
            # period it reviews (`giai đoạn 2021 - 2025`). Its own year is the latest it
            # speaks of from the document's on, a number's or not (`Trong năm 2026, hoàn
            # thành số hóa 100% …; đến năm 2030, hoàn thành …` aims at 2030)
            later = [y for y in _spoken_years(text) if doc_year is None or y >= doc_year]
            own = max([*(m.by for m in metrics if m.by), *later], default=None)
            horizon = own or aim or plan_horizon
            targets.append(_target(len(targets) + 1, text, horizon, metrics, sec.path))
            seen.append(fold(text))
    # a row restates a statement of the body, never another row: two rows of one table are
    # two indicators however alike their wording (`Tỷ lệ di tích cấp quốc gia được số hóa`,
    # `Tỷ lệ di tích cấp tỉnh được số hóa`)
    body = len(targets)
    aims: dict[str | None, int] = {sec.path: h for sec, h in objectives if h}
    for row in appendix_rows or []:
        metrics = list(row.metrics) or _metrics(row.text)
        if not metrics:
            continue
        same = None if row.allotted else _similar_index(fold(row.text), seen[:body])
        same = (
            _restated(metrics, row, targets[:body]) if same is None and not row.allotted else same
        )
        if same is not None:
            # one target; a table's value columns give each number its year (`Kế hoạch năm
            # 2026 | Đến năm 2030`), so a row that holds every number of the body's statement
            # gives the statement its numbers
            if row.metrics and _holds(row.metrics, targets[same].metrics):
                targets[same] = replace(targets[same], metrics=list(row.metrics))
            elif row.metrics:
                # a row that restates one of the statement's numbers and tells more (the years
                # on the way to it: `Doanh thu | 6.050 | … | 9.500` for `… đạt khoảng 9.500 tỷ
                # đồng; … 5,5% GRDP`): its numbers join the statement's
                targets[same] = replace(
                    targets[same], metrics=_joined(targets[same].metrics, row.metrics)
                )
            continue
        # a row's own years, else those of the objectives section its table stands in (`2.
        # Chỉ tiêu phấn đấu đến năm 2030` over `Chỉ tiêu | Chỉ tiêu cần đạt`)
        horizon = row.horizon or aims.get(row.section) or appendix_horizon or plan_horizon
        section = row.section or "appendix"
        targets.append(_target(len(targets) + 1, row.text, horizon, metrics, section))
        seen.append(fold(row.text))
    return targets


def _tabled_objectives(objectives: list[tuple[Section, int | None]], rows: list[TargetRow]) -> bool:
    """Whether the objectives part states its targets in a table (`2. Các chỉ tiêu chủ yếu`
    over `TT | Chỉ tiêu | Năm 2025 | …`): the document has an objectives part, so the numbers
    of its body (tasks' `ít nhất 02 chương trình`) are no targets."""
    paths = {sec.path for sec, _ in objectives}
    return any(row.section in paths for row in rows)


def _target(n: int, text: str, horizon: int | None, metrics: list[Metric], section: str) -> Target:
    # a block that names no year: the statement's own (`Phấn đấu đến năm 2030, 100% …`)
    horizon = horizon or max((m.by for m in metrics if m.by), default=None)
    return Target(id=f"t{n}", text=text, horizon=horizon, metrics=metrics, section=section or None)


@lru_cache(maxsize=1)
def _magnitudes() -> dict[str, int]:
    return {fold(w): int(n) for w, n in lexicon.mapping("targets.magnitudes").items()}


def _scaled(metric: Metric) -> float:
    """A metric's value in plain units: `2,7 triệu lượt khách` is 2700000."""
    first = fold(metric.unit.split()[0]) if metric.unit and metric.unit.split() else ""
    return float(metric.value) * _magnitudes().get(first, 1)


def _restated(metrics: list[Metric], row: TargetRow, targets: list[Target]) -> int | None:
    """The body target an appendix row restates a number of (`Tổng thu từ khách du lịch |
    3.350` after `Tổng thu từ khách du lịch đạt 3.350 tỷ đồng`): one with the same value whose
    text holds most of the row's words; its index, None when there is none. A number the
    row and the statement both date must be due the same year: a row's `100` for 2030 does
    not restate a vision's `100%` by 2045."""
    words = _words(_ASIDE.sub(" ", row.text))
    for i, t in enumerate(targets):
        if not any(_same_number(m, n) for m in metrics for n in t.metrics):
            continue
        if words and len(words & _words(t.text)) >= 0.6 * len(words):
            return i
    return None


# a row's aside on how it is counted (`Số di tích được tu bổ (lũy kế từ năm 2026)`): no words
# the statement it restates need say
_ASIDE = re.compile(r"\([^()]*\)")


def _words(text: str) -> set[str]:
    """The folded words of a text, without the punctuation beside them (`chuẩn,` is `chuan`)."""
    return set(re.findall(r"\w+", fold(text)))


def _same_number(a: Metric, b: Metric) -> bool:
    """True when two metrics give the same number, due the same year where both say one."""
    return _scaled(a) == _scaled(b) and (a.by is None or b.by is None or a.by == b.by)


def _holds(row: tuple[Metric, ...], stated: list[Metric]) -> bool:
    """True when a table row holds every number of a statement and tells more: more numbers,
    or a year for a number the statement gives none (`đạt 90% … và 100% vào năm 2030`)."""
    values = [_scaled(m) for m in row]
    if len(values) < len(stated) or not all(_scaled(m) in values for m in stated):
        return False
    return len(values) > len(stated) or sum(bool(m.by) for m in row) > sum(
        bool(m.by) for m in stated
    )


def _joined(stated: list[Metric], row: tuple[Metric, ...]) -> list[Metric]:
    """A statement's metrics with a table row's that restates part of it: a number both give is
    the statement's, with the row's year when the statement names none; the row's other numbers
    follow."""
    out = list(stated)
    for m in row:
        i = next((k for k, n in enumerate(out) if _same_number(m, n)), None)
        if i is None:
            out.append(m)
        elif out[i].by is None and m.by is not None:
            out[i] = replace(out[i], by=m.by)
    return out


def _similar_index(text: str, seen: list[str]) -> int | None:
    """The index of the first seen statement the text is a wording of, else None."""
    from rapidfuzz import fuzz

    return next((i for i, s in enumerate(seen) if fuzz.token_sort_ratio(text, s) >= 75), None)


# A `Mục đích` part is no objectives part, but a plan without one states its commitments
# there too (`phấn đấu … đón khoảng 150.000 lượt khách`): it is body like any other part.
_SKIP_SECTIONS = _words_re("skipped_parts")
_BODY_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ])")


@lru_cache(maxsize=1)
def _commitment() -> re.Pattern[str]:
    return re.compile(r"\b" + lexicon.alternation("targets.commitments", fold_words=True) + r"\b")


@lru_cache(maxsize=1)
def _written_commitments() -> frozenset[str]:
    return frozenset(" ".join(w.lower().split()) for w in lexicon.words("targets.commitments"))


def _commits(sentence: str) -> bool:
    """Whether a sentence says a word that commits to a number (`phấn đấu`, `đạt`, `tăng`; the
    lexicon's `targets.commitments`) as written, or with no marks at all where OCR lost them
    (`dat`); a word spelt otherwise whose marks fold alike is none (`kho tàng`, `đơn vị`)."""
    low = sentence.lower()
    for m in _commitment().finditer(fold_chars(sentence)):
        written = " ".join(low[m.start() : m.end()].split())
        if written in _written_commitments() or written.isascii():
            return True
    return False


def _body_commitments(root: Section, doc_year: int | None):
    """Quantified commitments of a document with no objectives part: each sentence that
    commits to a number (`Phấn đấu … từ 05 mỏ … trở lên.`), not the paragraph around it. The
    preamble counts (a directive states its aim there: `… Ban Thường vụ Tỉnh ủy xác định:
    phấn đấu đến năm 2030 có trên 95% …`), and so does a numbered item's own statement; results
    reported (`đã ban hành 215 nghị quyết`, `Giai đoạn 2021 - 2025, … 94,6% …`, a section
    that reviews past years) do not."""
    for sec, whole in _body_sections(root):
        if not whole:
            for sentence in _BODY_SENTENCE.split(sec.title):
                if (
                    _commits(sentence)
                    and quantities(sentence)
                    and not _reported(sentence, doc_year)
                    and not _names_a_body(sentence)
                ):
                    yield sec, _from_first_quantity(sentence), None
            continue
        listed = _listed_commitments(sec)
        for text in _title_statements(sec) + _statements(sec):
            # "3. Quy mô: Lễ khai mạc khoảng 900 đại biểu …": the event's size, no commitment;
            # a sentence of it that strives ("… Phấn đấu đón khoảng 25.000 lượt khách …")
            # commits all the same
            particulars = _particulars().match(fold(text[:40])) is not None
            # an item of a list a committing line introduces
            if text in listed and not particulars:
                if quantities(text):
                    yield sec, text, listed[text]
                continue
            for sentence in _BODY_SENTENCE.split(text):
                if particulars and not _future_re().search(fold_chars(sentence).lower()):
                    continue
                if (
                    _commits(sentence)
                    and quantities(sentence)
                    and not _reported(sentence, doc_year)
                ):
                    yield sec, _from_first_quantity(sentence), None


@lru_cache(maxsize=1)
def _particulars() -> re.Pattern[str]:
    """A line that opens with the label of an event's particulars (`Quy mô:`, `Thành phần:`;
    the lexicon's `targets.particular_labels`), in folded text: it describes the event as
    planned, and its numbers (guests, stalls, teams) are no commitment."""
    return re.compile(
        r"^" + lexicon.alternation("targets.particular_labels", fold_words=True) + r"\s*:"
    )


def _listed_commitments(sec: Section) -> dict[str, int | None]:
    """The items of the section's lists that a line striving for them introduces (`… phấn
    đấu đến hết năm 2026 đạt các chỉ tiêu sau:` as the section's own line or a paragraph
    above the items, then `- 100% xã, phường …`): each a commitment though it says no
    committing word of its own, with the year the introduction strives for (None when it
    names none)."""
    out: dict[str, int | None] = {}
    intro: str | None = sec.title if sec.kind != "root" else None
    for b in sec.blocks:
        if isinstance(b, Table) or b.kind == "rule":
            continue
        if b.kind in ("bullet", "paren", "letter"):
            if intro is not None and _strives_for_list(intro):
                out[b.body] = _striven_year(intro)
        else:
            intro = b.text
    return out


# a line that names the targets its list gives (`… đạt các chỉ tiêu sau:`, `các mục tiêu cụ
# thể như sau:`), folded; not one that only speaks of them (`Để đạt các mục tiêu trên, …
# thực hiện các nhiệm vụ sau:`)
_TARGETS_FOLLOW = re.compile(r"\b(?:chi tieu|muc tieu)\b[^:;.]{0,30}\bsau\s*:$")


def _strives_for_list(intro: str) -> bool:
    """A line that introduces a list (it ends with a colon) and strives (`phấn đấu`) or names
    the targets the list gives (`đạt các chỉ tiêu sau:`)."""
    folded = fold(intro).rstrip()
    if not folded.endswith(":"):
        return False
    return bool(_future_re().search(folded) or _TARGETS_FOLLOW.search(folded))


def _list_year(sec: Section) -> int | None:
    """The year the last paragraph of a section's own, when it strives for the list after it
    (`_strives_for_list`: `Phấn đấu trong năm 2026:` over `1. 100% xã …`), aims at."""
    paras = [b for b in sec.blocks if isinstance(b, Para)]
    if not sec.children or not paras or not _strives_for_list(paras[-1].text):
        return None
    return _striven_year(paras[-1].text)


def _striven_year(intro: str) -> int | None:
    """The year a striving line aims at (`phấn đấu đến hết năm 2026`: from its `phấn đấu` on,
    else anywhere in it), None when it names none."""
    strives = _future_re().search(fold_chars(intro).lower())
    years = _spoken_years(intro[strives.start() :] if strives else intro)
    return max(years) if years else None


def _body_sections(root: Section):
    """The sections whose sentences may commit: the preamble (the root's own paragraphs),
    then every part but the signature, appendices, the implementation, funding and reporting
    parts and the parts that review past results; each with whether all of it may commit,
    or only its own paragraph's sentences that name no body (`_committing`)."""
    yield root, True
    for top in root.children:
        if top.kind in ("signature", "appendix"):
            continue
        yield from _committing(top)


def _committing(sec: Section):
    if _SKIP_SECTIONS.search(sec.folded_title):
        return
    if _assigned_to_body(sec):
        # `2. Giám đốc Sở X:` / `a) … bắt đầu từ năm 2027 … ít nhất 01 di tích …`: the work a
        # named body is given is its tasks, and numbers inside tasks are no targets; but a
        # sentence of the numbered paragraph itself that names no body and commits to a number
        # (`2.6. Đảng ủy X lãnh đạo, chỉ đạo Y đổi mới … . Phấn đấu có trên 92% hộ gia đình
        # …`) states what the work is to reach, as a conclusion words its commitments
        yield sec, False
        return
    # a numbered paragraph that strives (`2. Năm 2026 … có ý nghĩa quyết định đến kết quả
    # thực hiện cả giai đoạn. … phấn đấu đến hết năm 2026 đạt …`) reviews nothing
    if _review_re().search(heading_part(sec.title)) and not _future_re().search(
        fold_chars(sec.title).lower()
    ):
        return
    yield sec, True
    for c in sec.children:
        yield from _committing(c)


def _names_a_body(sentence: str) -> bool:
    """Whether a sentence names a body as its subject or hands one work (`Sở X chủ trì …`,
    `Giao Y …`, `…; giao Z …`): a task's sentence, not a commitment's."""
    return bool(opening(sentence)) or any(
        r is not None and (r.has_agency or r.coordinating)
        for r in (subject_reading(sentence), handed_reading(sentence))
    )


def _assigned_to_body(sec: Section) -> bool:
    """A numbered section headed by the body it assigns work to (`2. Giám đốc Sở X:`, `3. Sở
    Y chủ trì, phối hợp với … tham mưu …`): a section of tasks."""
    # imported here: assignments reads tables (through event_parts), which read TargetRow
    from kehoach.extract.assignments import read_heading

    if sec.kind == "root" or not sec.title:
        return False
    heading = read_heading(sec.title)
    return heading is not None and heading[0].has_agency


@lru_cache(maxsize=1)
def _review_re() -> re.Pattern[str]:
    return re.compile(r"\b" + lexicon.alternation("targets.review_headings") + r"\b")


@lru_cache(maxsize=1)
def _future_re() -> re.Pattern[str]:
    return re.compile(r"\b" + lexicon.alternation("targets.future_commitments") + r"\b")


@lru_cache(maxsize=1)
def _review_opening_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{w})" for w in lexicon.words("targets.review_openings")))


@lru_cache(maxsize=1)
def _reported_re() -> re.Pattern[str]:
    # the words of the past, and those that state the figure as it stands now (`toàn tỉnh hiện
    # có 4.126 di tích`: a situation described, no aim; lexicon `targets.present_states`)
    words = (
        lexicon.alternation("targets.reported")
        + "|"
        + lexicon.alternation("targets.present_states")
    )
    return re.compile(r"(?<!\w)(?:" + words + r")(?!\w)")


# dates and the years of cited documents name no period a sentence speaks of
_DATES = re.compile(
    r"\b\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{4}\b|\bngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
    r"|\d+/\d{4}/\S+",
    re.I,
)


# a month or a quarter of a year (`đến hết tháng 4/2026`, `trong quý II/2026`), lower case
_PERIOD_YEAR_RE = re.compile(
    r"\b(?:tháng\s+\d{1,2}|quý\s+[ivx]{1,3}|quý\s+\d)\s*/\s*((?:19|20)\d{2})\b"
)


def _spoken_years(sentence: str) -> list[int]:
    """The years a sentence speaks of, the years of its months and quarters (`Phấn đấu đến
    hết tháng 4/2026, 100% …` aims at 2026) too: not dates, nor cited documents' years, nor a
    baseline (`tăng 12% so với năm 2025`)."""
    bare = _compared_year_re().sub(" ", _DATES.sub(" ", sentence)).lower()  # "Năm 2025, …" too
    years = [int(a or b) for a, b in _YEAR_RE.findall(bare)]
    years += [int(y) for y in re.findall(r"\b(?:19|20)\d{2}\s*[-–]\s*((?:19|20)\d{2})\b", bare)]
    years += [int(y) for y in _PERIOD_YEAR_RE.findall(bare)]
    return years


def _past_only(sentence: str, doc_year: int | None) -> bool:
    """A sentence every year of which is before the document's (`Năm 2025, toàn tỉnh có
    1.126 tủ sách …` in a 2026 plan), or that opens by looking back over the years a past
    plan ran (`Qua 05 năm thực hiện Kế hoạch số …, toàn tỉnh có …`), and that does not strive
    (`phấn đấu`): past results."""
    if doc_year is None or _future_re().search(fold_chars(sentence).lower()):
        return False
    if _review_opening_re().match(sentence.lower()):
        return True
    years = _spoken_years(sentence)
    return bool(years) and all(y < doc_year for y in years)


def _reported(sentence: str, doc_year: int | None) -> bool:
    """A sentence that reports results instead of committing to them: every year it speaks
    of already past (`Giai đoạn 2021 - 2025, toàn tỉnh …`), or a word of the past or of the
    present state before its first number (`… đã ban hành 215 nghị quyết`, `… hiện có 4.126 di
    tích`) — unless it strives (`phấn đấu`) or names a
    year from the document's own on."""
    if _future_re().search(fold_chars(sentence).lower()):
        return False
    years = _spoken_years(sentence)
    if doc_year is not None and years:
        return all(y < doc_year for y in years)
    found = quantities(sentence)
    first = found[0][2] if found else len(sentence)
    return bool(_reported_re().search(sentence[:first].lower()))


def _from_first_quantity(sentence: str) -> str:
    """A commitment without the clauses before it that hold no number (`Kích cầu du lịch …;
    phấn đấu … đón khoảng 150.000 lượt khách …` starts at `Phấn đấu`)."""
    clauses = re.split(r"(?<=;)\s+", sentence)
    while len(clauses) > 1 and not quantities(clauses[0]):
        clauses.pop(0)
    text = " ".join(clauses)
    return text[:1].upper() + text[1:]
