"""Agency names: canonical forms, splitting lists, roles written inside a cell.

Canonical names come from a shipped alias table (`data/agencies.tsv`); names not
in it are kept as written with abbreviations expanded. Matching folds case,
diacritics and the hoá/hóa spellings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache

from kehoach.text import lexicon
from kehoach.text.datafiles import data_file
from kehoach.text.normalize import clean, fold, fold_chars

# Abbreviations expanded before look-up (data/lexicon.toml [agencies.abbreviations]).
_ABBREVIATIONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.IGNORECASE), r) for p, r in lexicon.mapping("agencies.abbreviations").items()
]

# Words that begin a named body (data/lexicon.toml); after `,` or `và` they start a new agency.
_BODY_START = lexicon.alternation("agencies.heads")
# Heads written as initials (`TT VHNT tỉnh`, `P.KHTC`): a body only when the initials of the
# rest of its name follow them (one word of capitals, not another such word after it)
_ABBREVIATED_HEAD = (
    lexicon.alternation("agencies.abbreviated_heads")
    + r"(?=\s?[A-ZĐ][A-ZĐ&]{1,9}(?![\w&])(?!\s+[A-ZĐ][A-ZĐ]))"
)
# (a head that is a whole name may close a sentence or a clause: `… yêu cầu của Ban Tổ chức.`)
_BODY_START_RE = re.compile(_BODY_START + r"(?=[\s.,;:)]|$)|" + _ABBREVIATED_HEAD)
# Role words are matched in the folded text (`fold_chars`, same offsets): OCR'd marks
# (`chủ trí`, `phôi hợp`) do not hide them.
# `X (chủ trì); Y (phối hợp)`, `Z (chỉ đạo)` in folded text (lexicon `agencies.lead_marks`,
# `coordinating_marks`, `directing_marks`)
_ROLE_MARK_RE = re.compile(
    r"\(\s*("
    + lexicon.alternation("agencies.lead_marks", fold_words=True)
    + "|"
    + lexicon.alternation("agencies.coordinating_marks", fold_words=True)
    + "|"
    + lexicon.alternation("agencies.directing_marks", fold_words=True)
    + r")\s*\)"
)
_COORDINATING_MARKS = lexicon.folded("agencies.coordinating_marks")
_DIRECTING_MARKS = lexicon.folded("agencies.directing_marks")
_TRAILING_ROLE_RE = re.compile(r"\s+(?:cung )?(?:phoi hop|thuc hien)(?: thuc hien)?\s*[.;]?\s*$")
# compiled once: these run on every agency name and list of every document
_KEY_GAPS_RE = re.compile(r"[\s,\-–]+")
_LEAD_BULLET_RE = re.compile(r"^\s*(?:-|\+|•)\s*")
_LIST_SPLIT_RE = re.compile(r"\s*[;\n]\s*")
_PHRASE_STOP_RE = re.compile(r"[.;:(]")
_CAC_RE = re.compile(r"(?i)các\b")
_COORDINATE_WITH_RE = re.compile(r"\s*,?\s*\bphoi\s+hop\s+voi\s+")
_TRAIL = " .,;:-–"
_WORK_GAP_RE = re.compile(r",?\s+")  # between a body's name and the work it does


@dataclass(frozen=True)
class AgencyTable:
    """Aliases folded to their canonical names."""

    by_key: dict[str, str]
    canonical: list[str]
    provinces: list[str]
    aliases_longest_first: list[tuple[str, str]] = field(default_factory=list)


def _key(name: str) -> str:
    return _KEY_GAPS_RE.sub(" ", fold(name)).strip(" .;:")


@lru_cache(maxsize=1)
def table() -> AgencyTable:
    """The shipped alias table, loaded once."""
    by_key: dict[str, str] = {}
    canonical: list[str] = []
    for line in data_file("agencies.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        names = [clean(n) for n in line.split("\t") if n.strip()]
        canonical.append(names[0])
        for n in names:
            by_key.setdefault(_key(n), names[0])
            by_key.setdefault(_key(expand_abbreviations(n)), names[0])
    provinces = list(lexicon.provinces())
    aliases = sorted(by_key.items(), key=lambda kv: -len(kv[0]))
    return AgencyTable(by_key, canonical, provinces, aliases)


@lru_cache(maxsize=1)
def registered() -> frozenset[str]:
    """The canonical names of the register."""
    return frozenset(table().canonical)


_ABBREV_SPELLING = {
    "ubnd": "UBND",
    "hdnd": "HĐND",
    "ubmttq": "UBMTTQ",
    "mttq": "MTTQ",
    "vhttdl": "VHTTDL",
}
_CAPS_TOKEN = re.compile(r"\b[^\W\d_a-z]{3,8}\b")
# Words of generic groups ("các cơ quan, đơn vị liên quan"), re-spelt when OCR damaged a mark
# (data/lexicon.toml [agencies] group_words).
_GROUP_WORDS = {fold(w): w for w in lexicon.words("agencies.group_words")}
_GROUP_WORDS_KEPT = frozenset(lexicon.words("agencies.group_words_kept"))


def _respell_abbreviations(text: str) -> str:
    """`ỤBND` (an OCR'd `UBND`) -> `UBND`."""

    def fix(m: re.Match[str]) -> str:
        return _ABBREV_SPELLING.get(fold(m.group(0)), m.group(0))

    return _CAPS_TOKEN.sub(fix, text)


def _respell_group(text: str) -> str:
    """Group words spelt as the schema writes them, whatever marks OCR left on them; only
    in the group's own opening run of such words (`Các Sơ, ban, ngành`): after the first
    other word, a word that folds like one of them is another word, kept as written
    (`trên địa bàn tỉnh`, not `địa ban`)."""
    words = text.split(" ")
    out: list[str] = []
    i = 0
    while i < len(words):
        pair = " ".join(words[i : i + 2])
        key2 = fold(pair.rstrip(",;."))
        if i + 1 < len(words) and key2 in _GROUP_WORDS:
            out.append(_GROUP_WORDS[key2] + pair[len(pair.rstrip(",;.")) :])
            i += 2
            continue
        w = words[i]
        bare = w.rstrip(",;.")
        word = _GROUP_WORDS.get(fold(bare))
        if bare.lower() in _GROUP_WORDS_KEPT:
            out.append(w)
        elif word is not None and bare[1:].islower():  # `Sơ,` in `Các Sơ, ban, ngành` too
            word = word[:1].upper() + word[1:] if bare[:1].isupper() else word
            out.append(word + w[len(bare) :])
        elif word is None:
            return " ".join(out + words[i:])
        else:
            out.append(w)
        i += 1
    return " ".join(out)


def expand_abbreviations(text: str) -> str:
    """`UBND tỉnh` -> `Ủy ban nhân dân tỉnh`, `Sở VHTTDL` -> `Sở Văn hóa, Thể thao và Du lịch`."""
    text = _respell_abbreviations(text)
    for pattern, full in _ABBREVIATIONS:
        text = pattern.sub(full, text)
    return _school_levels_spelt(text) if "rường" in text else text


_SCHOOL_LEVELS = lexicon.mapping("agencies.school_levels")
_SCHOOL_LEVEL = (
    "(?:" + "|".join(map(re.escape, sorted(_SCHOOL_LEVELS, key=len, reverse=True))) + ")"
)
# `Trường`, its levels written short (joined by `&`, `-`, `và` or a space), then the next word
_SCHOOL_RE = re.compile(
    r"\b(?P<head>[Tt]rường)\s+(?P<levels>"
    + _SCHOOL_LEVEL
    + r"(?:(?:\s*[&-]\s*|\s+và\s+|\s+)"
    + _SCHOOL_LEVEL
    + r")*)(?=\s+(?P<next>\S+))"
)
_SCHOOL_JOIN_RE = re.compile(r"\s*[&-]\s*|\s+và\s+")


def _school_levels_spelt(text: str) -> str:
    """`Trường THCS Kim Liên` -> `Trường Trung học cơ sở Kim Liên`, `Trường TH&THCS X` ->
    `Trường Tiểu học và Trung học cơ sở X` (lexicon `agencies.school_levels`): only before the
    school's own name (a capital, a number or `số`), so a group of schools (`các trường THCS
    trên địa bàn`) is kept as written."""

    def spell(m: re.Match[str]) -> str:
        after = m.group("next")
        if not (after[:1].isupper() or after[:1].isdigit() or after.lower() == "số"):
            return m.group(0)
        parts = _SCHOOL_JOIN_RE.split(m.group("levels"))
        words = [" ".join(_SCHOOL_LEVELS[w] for w in part.split()) for part in parts]
        return f"{m.group('head')} {' và '.join(words)}"

    return _SCHOOL_RE.sub(spell, text)


@lru_cache(maxsize=1)
def _province_names() -> tuple[str, ...]:
    """The province names, folded, longest first: a name inside a longer one does not win."""
    return tuple(sorted({fold(p) for p in table().provinces}, key=len, reverse=True))


@lru_cache(maxsize=1)
def _province_alternation() -> str:
    """A regex alternation of the folded province names, spaces matching any white space."""
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in _province_names())


@lru_cache(maxsize=1)
def _province_re() -> re.Pattern[str]:
    """`tỉnh` (or `Tỉnh ủy`) and a province name at the end, in folded text (OCR'd marks:
    `tinh Lao Cai`)."""
    return re.compile(r"(?P<keep>\btinh(?: uy)?)\s+(?:" + _province_alternation() + r")\s*$")


@lru_cache(maxsize=1)
def _province_ends() -> frozenset[str]:
    """The last words of the province names, folded: a cheap first test."""
    return frozenset(fold(p).rsplit(" ", 1)[-1] for p in table().provinces)


# The province of the document being read, when known (`document_province`): a body of
# another province keeps its province's name (`Sở Văn hóa, Thể thao và Du lịch tỉnh Hà Tĩnh`
# in a plan of Nghệ An); unknown, every province is taken for the document's.
_DOCUMENT_PROVINCE: ContextVar[str | None] = ContextVar("document_province", default=None)


@contextmanager
def document_province(province: str | None) -> Iterator[None]:
    """Read the agency names inside the block as those of a document of `province`."""
    token = _DOCUMENT_PROVINCE.set(fold(province) if province else None)
    try:
        yield
    finally:
        _DOCUMENT_PROVINCE.reset(token)


def current_province() -> str | None:
    """The province (folded) of the document being read, if known (`document_province`)."""
    return _DOCUMENT_PROVINCE.get()


# The readings of names below are cached: each document names its bodies again and again, and
# a worker reads many documents. They depend only on the text, the shipped register and
# lexicon (loaded once; nothing edits them while a process runs: the agency register of the
# store is another thing) and the document's province, which is part of every key.
_NAMES_CACHED = 8192


def strip_province(name: str) -> str:
    """`Công an tỉnh Điện Biên` -> `Công an tỉnh`: the document's province is implicit; another
    province's name stays (`document_province`)."""
    return _strip_province(name, _DOCUMENT_PROVINCE.get())


@lru_cache(maxsize=_NAMES_CACHED)
def _strip_province(name: str, own: str | None) -> str:
    """`strip_province` in a document of province `own` (folded)."""
    if fold(name.rstrip().rsplit(" ", 1)[-1]) not in _province_ends():
        return name.strip()
    folded = fold_chars(name)
    m = _province_re().search(folded)
    if m and own is not None and " ".join(fold(folded[m.end("keep") :]).split()) != own:
        return name.strip()  # a body of another province
    return (name[: m.end("keep")] if m else name).strip()


@lru_cache(maxsize=1)
def _standing_place_res() -> tuple[re.Pattern[str], ...]:
    """A standing place with the body that holds it, in folded text: `Cơ quan thường trực
    BCĐ (Sở X)`, `Sở X - Cơ quan thường trực BCĐ` and `Sở X (cơ quan thường trực giúp UBND
    tỉnh)` (lexicon `agencies.standing_places`)."""
    place = lexicon.alternation("agencies.standing_places", fold_words=True)
    return (
        re.compile(rf"^{place}\b[^()]*\((?P<body>[^()]+)\)$"),
        re.compile(rf"^(?P<body>[^()]+?)\s+[-–]\s+{place}\b[^()]*$"),
        re.compile(rf"^(?P<body>[^()]+?)\s*\(\s*{place}\b[^()]*\)?$"),
    )


def _holder_of_place(name: str) -> str | None:
    """The body named beside a standing place it holds (`Cơ quan thường trực Ban Chỉ đạo (Sở
    Văn hóa, Thể thao và Du lịch)` gives the Sở), else None."""
    if not name.endswith(")") and "-" not in name and "–" not in name and "(" not in name:
        return None  # cheap: no form
    folded = fold_chars(name)
    for rx in _standing_place_res():
        m = rx.match(folded)
        if m:
            body = name[m.start("body") : m.end("body")].strip()
            return body if starts_with_agency(body) else None
    return None


_UNIT_IN_BRACKETS = re.compile(r"^(?P<body>[^()]+?)\s*\((?P<unit>[^()]+)\)$")


def _body_of_unit(name: str) -> str | None:
    """The registered body named before a unit of its own in brackets (`Sở Văn hóa, Thể thao
    và Du lịch (Thư viện tỉnh)`, `Công an tỉnh (Phòng An ninh chính trị nội bộ)`): the body
    answers for the work its unit does. None when the bracket names no body (`(có di
    tích)`) or what comes before it is not registered."""
    m = _UNIT_IN_BRACKETS.match(name) if name.endswith(")") else None
    if m is None or not starts_with_agency(m.group("unit")):
        return None
    body = m.group("body").strip(_TRAIL)
    tab = table()
    hit = tab.by_key.get(_key(body)) or tab.by_key.get(_key(clean(expand_abbreviations(body))))
    return hit


def canonical(name: str) -> str:
    """The canonical form of one agency name."""
    return _canonical(name, _DOCUMENT_PROVINCE.get())


@lru_cache(maxsize=_NAMES_CACHED)
def _canonical(name: str, province: str | None) -> str:
    """`canonical` in a document of `province` (folded; read by `strip_province`)."""
    name = clean(name).strip(_TRAIL)
    name = _LEAD_BULLET_RE.sub("", name)
    if not name:
        return name
    holder = _holder_of_place(name) or _body_of_unit(name)
    if holder:
        return canonical(holder)
    name = strip_province(name)
    tab = table()
    hit = tab.by_key.get(_key(name))
    if hit:
        return hit
    expanded = clean(expand_abbreviations(name))
    hit = tab.by_key.get(_key(expanded))
    if hit:
        return hit
    if _CAC_RE.match(expanded):
        return _respell_group(expanded)
    best = _fuzzy(expanded)
    if best:
        return best
    return (
        expanded[0].upper() + expanded[1:]
        if expanded[0].islower() and not re.match(r"(?i)các\b", expanded)
        else expanded
    )


def _fuzzy(name: str) -> str | None:
    from rapidfuzz import fuzz, process

    tab = table()
    key = _key(name)
    match = process.extractOne(key, list(tab.by_key), scorer=fuzz.ratio, score_cutoff=93)
    if match is None or match[0].split(" ", 1)[0] != key.split(" ", 1)[0]:
        # a misspelt name, not another kind of body: `Báo Tài nguyên và Môi trường` is no
        # `Sở Tài nguyên và Môi trường`
        return None
    if set(key.split()) < set(match[0].split()):
        # a name with a word of the registered one left out names fewer bodies, not the
        # same misspelt: `Ủy ban nhân dân các phường` is no `… các xã, phường`
        return None
    if _level_added(key, match[0]):
        # a name that names its level where the registered one names none is that level's
        # own body: `Ban Xây dựng Đảng Đảng ủy xã` is no `Ban Xây dựng Đảng Đảng ủy`
        return None
    province = _province_ending(key)
    if province and not match[0].endswith(" " + province):
        # a name ending in a province is no misspelling of the name with `tỉnh` (`Hà Tĩnh`
        # folds like `hà tỉnh`): `Báo và Phát thanh, Truyền hình Hà Tĩnh` stays as written
        return None
    return tab.by_key[match[0]]


@lru_cache(maxsize=1)
def _level_re() -> re.Pattern[str]:
    """A local unit's word (`xã`, `phường`, `huyện`; lexicon `documents.local_units`) standing
    alone, as a level and not a word's first syllable (`xã hội`), in folded text."""
    units = lexicon.alternation("documents.local_units", fold_words=True)
    return re.compile(r"(?<!\w)" + units + r"(?=\s*(?:$|[:;,.)]))")


def _level_added(key: str, registered: str) -> bool:
    """Whether a folded name ends naming a local level (`… xã`) that the registered name
    does not name."""
    levels = _level_re().findall
    return not set(levels(key)) <= set(levels(registered))


def _province_ending(key: str) -> str | None:
    """The province name (folded) a folded name ends with, if any."""
    if key.rsplit(" ", 1)[-1] not in _province_ends():
        return None
    for name in _province_names():
        if key.endswith(" " + name):
            return name
    return None


# A bracket after a body that names the person in charge of its part (`Phòng Quản lý văn hóa
# (đ/c Lâm Văn A, Phó Giám đốc Sở phụ trách)`), in folded text: a person is in no role.
_PERSON_BRACKET_RE = re.compile(
    r"\s*\(\s*" + lexicon.alternation("agencies.person_openings", fold_words=True) + r"\s[^()]*\)"
)


def _without_persons(cell: str) -> str:
    """A list without the brackets that name a person in charge (`_PERSON_BRACKET_RE`)."""
    folded = fold_chars(cell)
    if len(folded) != len(cell):
        return cell
    cuts = list(_PERSON_BRACKET_RE.finditer(folded))
    for m in reversed(cuts):
        cell = cell[: m.start()] + cell[m.end() :]
    return cell


def split_list(cell: str) -> list[str]:
    """Split a cell or phrase listing agencies into the names it lists (not yet canonical)."""
    out: list[str] = []
    for part in _LIST_SPLIT_RE.split(_without_persons(cell)):
        part = _unrequested(part.strip(_TRAIL))
        if not part:
            continue
        pieces = (_without_tail(p.strip(_TRAIL)).strip(_TRAIL) for p in _split_bodies(part))
        out.extend(p for p in pieces if p)
    return out


@lru_cache(maxsize=1)
def _scope_qualifier_re() -> re.Pattern[str]:
    """A qualifier of the scope an agency works in, after its name in a list (lexicon
    `agencies.scope_qualifiers`), in folded text."""
    words = lexicon.alternation("agencies.scope_qualifiers", fold_words=True)
    return re.compile(rf"\s+{words}\b")


def _without_tail(piece: str) -> str:
    """One body of a list without the words after its name that are none of it: the scope of
    its part (`Bộ Chỉ huy Quân sự tỉnh theo chức năng`, `Các sở, ngành theo chức năng, nhiệm
    vụ`) or, after a registered name, the work it does (`Sở Tài chính thẩm định, trình UBND
    tỉnh`: the body the work goes to has no part in it)."""
    folded = fold_chars(piece)
    q = _scope_qualifier_re().search(folded) if len(folded) == len(piece) else None
    if q and q.start() > 0:
        piece = piece[: q.start()]
    # a head's title before the body stands for the body (`Chủ tịch UBND các xã, phường chỉ
    # đạo`): the work after the name is cut the same
    hit = known_prefix(piece) or titled_prefix(piece)
    if hit is None or hit[1] >= len(piece):
        return piece
    rest = piece[hit[1] :]
    # the work may follow after a comma (`phối hợp với Sở VHTTDL, tổ chức Hội khỏe …`)
    gap = _WORK_GAP_RE.match(rest)
    if gap is None or not rest[gap.end() : gap.end() + 1].islower():
        return piece
    rest = rest[gap.end() :]
    if _name_goes_on(fold_chars(piece), len(piece) - len(rest), rest):
        return piece
    return piece[: hit[1]] if _opens_with_verb(rest) else piece


def _opens_with_verb(text: str) -> bool:
    """Whether text opens with a verb that ends an agency's name (lexicon `agencies.end_verbs`;
    a short one that folds like another word only as written: `agencies.exact_verbs`); `có`
    alone (`agencies.commune_feature_links`) says which bodies a group takes in."""
    words = _PHRASE_WORD_RE.findall(fold_chars(text[:60]).lower())[:3]
    printed = _PHRASE_WORD_RE.findall(text[:60].lower())[:3]
    for n in (3, 2, 1):
        if len(words) < n:
            continue
        phrase = " ".join(words[:n])
        if phrase not in _VERBS:
            continue
        if phrase in lexicon.folded("agencies.commune_feature_links"):
            return False  # "UBND các xã, phường có khu, điểm du lịch": which bodies, no work
        exact = _exact_verbs().get(phrase)
        return exact is None or " ".join(printed[:n]) in exact
    return False


@lru_cache(maxsize=1)
def _request_opening_re() -> re.Pattern[str]:
    """The words that hand work to the body named next (`Đề nghị`, `Mời`, `Giao`; lexicon
    `agencies.assign_openings`), as written, at the start of a part of a list."""
    return re.compile(r"^" + lexicon.alternation("agencies.assign_openings") + r"\s+", re.I)


def _unrequested(part: str) -> str:
    """A part of an agency cell without the request it opens with (`Đề nghị Ban Tuyên giáo
    và Dân vận Tỉnh ủy chủ trì` in a role cell, `mời Hội Nông dân tỉnh` in a list): the body
    asked is the agency, the asking is no part of its name."""
    m = _request_opening_re().match(part)
    return part[m.end() :] if m and starts_with_agency(part[m.end() :]) else part


# A new body after `,` or `và` (`vá`: OCR'd), its first word matched as written or, in upper
# case, without marks (OCR'd `Tòa an`, `Ủy bản`); or after a `:` that OCR read for a `;`
# after a registered name (`Sở Nội vụ: UBND các xã`)
_LIST_SEPARATOR_RE = re.compile(r"\s*(?:[,:]|\bv[àaáảãạ]\b)\s*")
# in a list, a head that is a whole name (`…, Tỉnh đoàn, Hội Nông dân tỉnh`) may stand right
# before a `,` or `;` (lexicon `agencies.whole_name_heads`)
_LIST_HEAD_RE = re.compile(
    _BODY_START
    + r"(?=\s|$)|"
    + _ABBREVIATED_HEAD
    + "|"
    + lexicon.alternation("agencies.whole_name_heads")
    + r"(?=[,;])"
)
_HEAD_FOLDED_RE = re.compile(lexicon.alternation("agencies.heads", fold_words=True) + r"(?=\s|$)")


# A dash set apart by spaces between two named bodies (`Sở Văn hóa, Thể thao và Du lịch - Sở
# Giáo dục và Đào tạo`): a separator only before a capitalised head (`_dash_parts`); inside a
# name the words after a dash are no body's head (`Thi đua - Khen thưởng`, `chính trị - xã hội`).
_DASH_SEPARATOR_RE = re.compile(r"\s+[-–]\s+")


def _dash_parts(part: str, at: int) -> bool:
    """Whether the dash before `at` parts two bodies: a capitalised head or a registered name
    follows it, and no standing place that the body before it holds (`Sở X - Cơ quan thường
    trực BCĐ`, read by `_holder_of_place`) nor a person's title."""
    after = part[at:]
    if part.count("(", 0, at) > part.count(")", 0, at):
        return False  # a unit's own name in brackets (`Sở X (Phòng A - Phòng B)`)
    if not after[:1].isupper() or _position_re().match(after):
        return False
    if _standing_place_re().match(fold_chars(after)):
        return False
    return bool(_LIST_HEAD_RE.match(part, at)) or known_prefix(after) is not None


@lru_cache(maxsize=1)
def _standing_place_re() -> re.Pattern[str]:
    """A standing place at the start of folded text (lexicon `agencies.standing_places`)."""
    return re.compile(lexicon.alternation("agencies.standing_places", fold_words=True) + r"\b")


def _split_bodies(part: str) -> list[str]:
    """`part` cut before each body it lists, by a separator or run on (`_run_on_cut`)."""
    pieces: list[str] = []
    pos = _cut_run_ons(part, 0, pieces)
    named_to = _known_end(part, pos)
    dashes = [m for m in _DASH_SEPARATOR_RE.finditer(part) if _dash_parts(part, m.end())]
    for m in sorted([*_LIST_SEPARATOR_RE.finditer(part), *dashes], key=lambda m: m.start()):
        if m.start() < named_to or m.start() < pos:
            continue  # inside a registered name (`Văn phòng HĐND và UBND xã`), or cut before
        if m.group().strip() == ":" and not _whole_name(part[pos : m.start()]):
            continue  # a label's colon (`Cơ quan thường trực: Sở …`)
        if m in dashes or _separator_cuts(part, pos, m):
            pieces.append(part[pos : m.start()])
            pos = _cut_run_ons(part, m.end(), pieces)
            named_to = _known_end(part, pos)
    pieces.append(part[pos:])
    return pieces


def _whole_name(text: str) -> bool:
    """Whether text is one registered name, all of it (`Sở Nội vụ`)."""
    hit = known_prefix(text.strip())
    return hit is not None and hit[1] >= len(text.strip())


def _separator_cuts(part: str, pos: int, m: re.Match[str]) -> bool:
    """Whether the separator `m` (`,`, `và`) ends the entry that begins `part` at `pos`: a
    body begins after it."""
    at = m.end()
    if _owned_last_item(part[pos : m.start()], part[at:]):
        return False
    return bool(
        _LIST_HEAD_RE.match(part, at)
        or (part[at : at + 1].isupper() and _HEAD_FOLDED_RE.match(fold_chars(part[at : at + 24])))
        or _registered_at(part, at)
        or (_titled_at(part, at) and not _PERSON_RE.match(fold_chars(part[pos:])))
    )


def _cut_run_ons(part: str, at: int, pieces: list[str]) -> int:
    """The bodies run on from `at` (`Sở Nội vụ Sở Tài chính Công an tỉnh`) each added to
    `pieces` but the last; where that last begins."""
    while (cut := _run_on_cut(part, at)) is not None:
        pieces.append(part[at : cut[0]])
        at = cut[1]
    return at


_RUN_ON_GAP_RE = re.compile(r"[ \t\n]+")


@dataclass(frozen=True)
class _RunOnRes:
    """The patterns `_run_on_cut` reads folded text with (lexicon `agencies.run_on_*`)."""

    complete: re.Pattern[str]  # a key of a name that ends naming its level or owner, or whose
    # head no owner's name follows
    owner: re.Pattern[str]  # the head of a body that owns units named bare before it
    place: re.Pattern[str]  # a province's name (perhaps after `tỉnh`), the place a name ends on
    level: re.Pattern[str]  # `tỉnh`, the level a name of the province's own ends on
    endings: frozenset[str]  # the complete endings


@lru_cache(maxsize=1)
def _run_on_res() -> _RunOnRes:
    endings = lexicon.alternation("agencies.run_on_complete_endings", fold_words=True)
    heads = lexicon.alternation("agencies.run_on_complete_heads", fold_words=True)
    owners = lexicon.alternation("agencies.run_on_owner_heads", fold_words=True)
    return _RunOnRes(
        re.compile(rf"^{heads} |(?:^| ){endings}$"),
        re.compile(rf"{owners}(?=\s|$)"),
        re.compile(rf"(?:tinh\s+)?(?:{_province_alternation()})[ \t\n]+"),
        re.compile(r"(?<=\s)tinh(?=[ \t\n])"),
        lexicon.folded("agencies.run_on_complete_endings"),
    )


def _run_on_cut(part: str, at: int) -> tuple[int, int] | None:
    """(where it ends, where the next begins) when the name that begins `part` at `at` is
    followed, with no separator, by another body: the lines of a cell ran together (`Sở Nội
    vụ Sở Tài chính`, `Công an tỉnh Ninh Bình Bộ Chỉ huy Quân sự tỉnh`). The name is a
    registered one, or one that begins with a head and ends on `tỉnh` (`Trung tâm Văn hóa -
    Điện ảnh tỉnh Bảo tàng tỉnh`; province names begin with no head's word). Else None."""
    if not part[at : at + 1].isupper():
        return None  # cheap: no name begins here
    hit = known_prefix(part[at:])
    if hit is not None:
        return _run_on_next(part, at, at + hit[1])
    if not _names_a_body(part[at:]):
        return None
    # an unregistered name: no further than the first separator that ends it
    limit = _first_cut(part, at)
    for level in _run_on_res().level.finditer(fold_chars(part[:limit]), at):
        cut = _run_on_next(part, at, level.end())
        if cut is not None:
            return cut
    return None


def _first_cut(part: str, at: int) -> int:
    """Where the entry that begins `part` at `at` ends at the latest: the first comma or `và`
    before a body (`_separator_cuts`) or dash between two (`_dash_parts`), whichever comes
    first; else the part's end. Matches come in order, so the first that cuts is the nearest."""
    cuts = (
        m.start() for m in _LIST_SEPARATOR_RE.finditer(part, at) if _separator_cuts(part, at, m)
    )
    dashes = (
        m.start() for m in _DASH_SEPARATOR_RE.finditer(part, at) if _dash_parts(part, m.end())
    )
    return min(next(cuts, len(part)), next(dashes, len(part)))


def _run_on_next(part: str, at: int, end: int) -> tuple[int, int] | None:
    """(`end`, where the next body begins) when one begins after the name `part[at:end]` and
    the space after it, perhaps after the province's name; else None: what follows goes on the
    name (`Báo và Phát thanh, Truyền hình Ninh Bình`, `Trạm Y tế xã Hội Xuân`, `Phòng Văn hóa -
    Xã hội Ủy ban nhân dân phường X`, `Ban Thường vụ tỉnh Đoàn`)."""
    gap = _RUN_ON_GAP_RE.match(part, end)
    if gap is None:
        return None  # the end of the part, or a separator: `_split_bodies` reads on
    res = _run_on_res()
    nxt = gap.end()
    place = res.place.match(fold_chars(part[nxt : nxt + 60]))
    if place is not None:
        # the place is the name's own (`canonical` reads it: `Công an tỉnh Ninh Bình` is the
        # province's police, `Báo và Phát thanh, Truyền hình Ninh Bình` keeps it)
        end = nxt + len(place.group(0).rstrip())
        nxt += place.end()
    rest = part[nxt:]
    if not rest[:1].isupper():
        return None
    named = _key(part[at : gap.start()])
    first = fold(rest[:24]).split(" ", 1)[0]
    if f"{named.rsplit(' ', 1)[-1]} {first}" in res.endings:
        return None  # `… tỉnh Đoàn`: the level and the next word are one (`Tỉnh đoàn`)
    if known_prefix(rest) is None and (
        (place is None and _ends_in_one_place(named)) or not _names_a_body(rest)
    ):
        # after one commune's or ward's name (`Trạm Y tế xã`) a capital begins that place's
        # name, which may open with a head's word (`Hội Xuân`, `Đoàn Kết`): only a
        # registered name is surely another body
        return None
    if place is None and not res.complete.search(named) and res.owner.match(fold_chars(rest[:40])):
        return None  # a unit named bare, then the body that owns it: one name
    return end, nxt


@lru_cache(maxsize=1)
def _local_units() -> tuple[frozenset[str], re.Pattern[str]]:
    """The local units' words (lexicon `documents.local_units`), folded, and one ending a
    folded key."""
    units = lexicon.alternation("documents.local_units", fold_words=True)
    return lexicon.folded("documents.local_units"), re.compile(rf"(?:^| ){units}$")


def _ends_in_one_place(key: str) -> bool:
    """Whether a folded name ends with one local unit's word (`tram y te xa`), whose place's
    name may follow; not a group of them (`uy ban nhan dan cac xa phuong`)."""
    words, ending = _local_units()
    m = ending.search(key)
    if m is None:
        return False
    before = key[: m.start()].rsplit(" ", 1)[-1]
    return before != "cac" and before not in words


_LOWER_AFTER_HEAD = lexicon.folded("agencies.lower_after_head")
_WHOLE_HEADS = lexicon.folded("agencies.whole_heads")


def _names_a_body(text: str) -> bool:
    """Whether text (capitalised) begins naming a body: a group (`Các sở, ngành …`) or a head
    (lexicon `agencies.heads`, matched folded for OCR'd marks) whose own words or the word
    after it make a name (`Nhà hát Chèo`, `Ban Quản lý di tích`, `Ủy ban nhân dân các xã`,
    `Hội đồng thẩm định`), not prose (`Ban hành`, `Hội nghị`, `Các Nghị quyết`)."""
    if starts_with_group(text):
        return True
    folded = fold_chars(text[:60])
    m = _HEAD_FOLDED_RE.match(folded)
    if m is None or m.group(0) == "cac":
        return False
    head = " ".join(m.group(0).split())
    if head in _WHOLE_HEADS or any(w[:1].isupper() for w in text[: m.end()].split()[1:]):
        return True
    after = _NAME_WORD_RE.match(text, m.end())
    word = after.group(1) if after else ""
    return word[:1].isupper() or fold(word.strip(",;.")) in _LOWER_AFTER_HEAD


def _titled_at(part: str, at: int) -> bool:
    """Whether a person's title over a body starts at `at` (`… và người đứng đầu các tổ chức
    chính trị - xã hội tỉnh`, `…, Giám đốc Sở Y tế`; the titles in the lexicon): the body
    it heads is a new agency, unless the entry before it introduces a person (`Đồng chí
    Nguyễn Văn A, Phó Giám đốc Sở`), whose title it is."""
    m = _position_re().match(part[at:])
    return m is not None and starts_with_agency(part[at + m.end() :])


def _registered_at(part: str, at: int) -> bool:
    """Whether a registered name that begins with no head word starts at `at` (`Cổng Thông
    tin điện tử tỉnh` after `Báo và Phát thanh, Truyền hình X, `): a named body, so a new
    agency. Capitalised only: a lower-case word after a comma goes on the list before it."""
    return part[at : at + 1].isupper() and known_prefix(part[at:]) is not None


_BARE_LIST_RE = re.compile(r"(?i)các\s+[^\W\d_]+(?:\s*,\s*[^\W\d_]+)*")


@lru_cache(maxsize=1)
def _owner_item_re() -> re.Pattern[str]:
    """A head and the owning body's name, closing a list (`Văn phòng Bộ`), or a bare head
    that a group's qualifier follows (`Vụ liên quan`, `Phòng trực thuộc Sở`)."""
    owner = lexicon.alternation("agencies.group_owners")
    qualifier = lexicon.alternation("agencies.group_qualifiers")
    return re.compile(
        _BODY_START + rf"\s+(?:{qualifier}(?:\s+{owner})?|{owner})\s*(?:$|[,;]|\bvà\b)"
    )


def _owned_last_item(before: str, after: str) -> bool:
    """True when `after` is the last item of a group listing bare nouns: in `Các Cục, Vụ,
    Viện, Văn phòng Bộ` a head and the name of the body that owns them all, in `các Cục, Vụ
    liên quan` a head and the qualifier of the whole group."""
    return bool(_BARE_LIST_RE.fullmatch(before.strip())) and bool(_owner_item_re().match(after))


def _known_end(part: str, at: int) -> int:
    """Where the registered name that begins `part` at `at` ends (`at` when none begins
    there): a `,` or `và` inside it parts nothing (`Văn phòng Đoàn ĐBQH và HĐND tỉnh`)."""
    if not _LIST_SEPARATOR_RE.search(part, at):
        return at
    hit = known_prefix(part[at:])
    return at + hit[1] if hit else at


# An entry that opens by introducing a person (`Đồng chí …`, `Đ/c …`), in folded text.
_PERSON_RE = re.compile(lexicon.alternation("agencies.person_openings", fold_words=True) + r"\s+\S")


def lines_as_list(cell: str) -> str:
    """An agency cell whose lines each name a body (`Sở X (chủ trì)`, `Sở Y`, `UBND các xã`
    on lines of their own, as a .docx cell's paragraphs or a pipe cell's `<br>`s) as one
    line listing them apart by `;`; a line that goes on a name (`… Thể thao và` / `Du lịch`,
    `Ủy ban nhân dân` / `các xã`) joins the one before it with a space."""
    lines = [line.strip() for line in cell.split("\n") if line.strip()]
    if len(lines) < 2:
        return cell
    out = lines[0]
    for line in lines[1:]:
        opens_body = (
            line[:1].isupper()
            and _BODY_START_RE.match(line) is not None
            and not _ends_on_bare_head(out)
        )
        opens_part = opens_body or _opens_with_label(line)  # "phối hợp: Sở Y" on its own line
        out += ("; " if opens_part and not out.endswith((",", ";")) else " ") + line
    return out


@lru_cache(maxsize=1)
def _bare_head_end_re() -> re.Pattern[str]:
    return re.compile(
        r"(?:^|[;,])\s*" + lexicon.alternation("agencies.bare_heads", fold_words=True) + r"$"
    )


def _ends_on_bare_head(text: str) -> bool:
    """Whether `text` ends on a head that names no body by itself (`Sở Y tế; Ủy ban`, the
    lexicon's `agencies.bare_heads`): the name goes on in the next line."""
    return _bare_head_end_re().search(fold(text[-40:])) is not None


def _opens_with_label(line: str) -> bool:
    """A line of a cell that opens with a role label (`Phối hợp: …`, `- PH: …`)."""
    written, abbreviated, _ = _cell_label_res()
    line = line.lstrip("-+• \t")
    return bool(written.match(fold_chars(line)) or abbreviated.match(line))


def parse_list(cell: str) -> list[str]:
    """Split and canonicalize; duplicates dropped, order kept."""
    return list(_parse_list(cell, _DOCUMENT_PROVINCE.get()))


@lru_cache(maxsize=_NAMES_CACHED)
def _parse_list(cell: str, province: str | None) -> tuple[str, ...]:
    """`parse_list` in a document of `province` (folded; read by `canonical`)."""
    seen: set[str] = set()
    names: list[str] = []
    for raw in _with_shared_committee(split_list(cell)):
        if _PERSON_RE.match(fold_chars(raw)):
            continue  # "Đồng chí Nguyễn Văn A, Phó Giám đốc Sở": a person is in no role
        name = canonical(raw)
        k = _key(name)
        if name and k not in seen:
            seen.add(k)
            names.append(name)
    return tuple(names)


@lru_cache(maxsize=1)
def _party_unit_re() -> re.Pattern[str]:
    """A party committee's unit (lexicon `agencies.party_units`), then perhaps the committee
    that owns it (`agencies.party_committees`) and its level's words, in folded text."""
    units = lexicon.alternation("agencies.party_units", fold_words=True)
    owners = lexicon.alternation("agencies.party_committees", fold_words=True)
    return re.compile(rf"{units}(?:\s+(?P<owner>{owners}\b.*))?$")


def _with_shared_committee(items: list[str]) -> list[str]:
    """The names of a list with each bare unit of a party committee given the committee the
    next item names after the same kind of unit, when only such units stand between them:
    `Ban Xây dựng Đảng` / `Văn phòng Đảng ủy xã` gives `Ban Xây dựng Đảng Đảng ủy xã`."""
    out = list(items)
    owner: str | None = None
    for i in range(len(out) - 1, -1, -1):
        folded = fold_chars(out[i])
        m = _party_unit_re().fullmatch(folded) if len(folded) == len(out[i]) else None
        if m is None:
            owner = None  # any other body ends the run
        elif m.group("owner"):
            owner = out[i][m.start("owner") :]
        elif owner:
            out[i] = f"{out[i]} {owner}"
    return out


CHU_TRI_RE = re.compile(r"\s*\bchu\s+tri\b[\s,;]*")  # in folded text
_PHOI_HOP = re.compile(r"\s*(?:va\s+)?phoi\s+hop(?:\s+voi)?\s*[:,]?\s*")  # folded, at the start


def _after_phoi_hop(text: str) -> str:
    """`text` without a leading `(và) phối hợp (với)`."""
    m = _PHOI_HOP.match(fold_chars(text))
    return text[m.end() :] if m else text


@lru_cache(maxsize=1)
def _cell_label_res() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """The role labels of an agency cell: (the labels written out, in folded text; the
    abbreviated ones, upper case as printed; folded label -> role). From the lexicon
    (`[agencies] lead_labels`, `coordinating_labels`, `directing_labels`, `*_label_abbreviations`)."""
    roles: dict[str, str] = {}
    for role in ("lead", "coordinating", "directing"):
        for w in lexicon.words(f"agencies.{role}_labels"):
            roles.setdefault(_KEY_GAPS_RE.sub(" ", fold(w)), role)
    spelt = "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(roles, key=len, reverse=True)
    )
    short: dict[str, str] = {}
    for role in ("lead", "coordinating"):
        for w in lexicon.words(f"agencies.{role}_label_abbreviations"):
            short[w] = role
            roles[fold(w)] = role
    written = re.compile(r"(?<!\w)(?P<label>" + spelt + r")\s*:")
    abbreviated = re.compile(
        r"(?<!\w)(?P<label>" + "|".join(map(re.escape, sorted(short, key=len))) + r")\s*:"
    )
    return written, abbreviated, roles


# What may stand before a role label inside a cell: the cell's start, a line break, a
# separator (`;`, `.`, `/`, `|`), or a bullet set apart by a space (`- Phối hợp:`, not `12-CT:`)
_LABEL_BEFORE = re.compile(r"(?:^|[\n;./|]|(?:^|\s)[-+•])$")


def labelled_roles(cell: str) -> tuple[list[str], list[str], list[str]] | None:
    """(directing, lead, coordinating) of an agency cell whose roles are labelled inside it,
    each label opening the names up to the next: `Chủ trì: X; phối hợp: Y, Z`, `CT: X / PH:
    Y`, `Chủ trì: X` and `Phối hợp: Y` on lines of their own (bulleted or not), `Chủ trì tham
    mưu: X. Phối hợp: …`. A label stands at the cell's start, after a line break or a
    separator, or, capitalised, after a space (the cell's lines joined). Names before the first
    label lead. None when no label opens a part of the cell."""
    written, abbreviated, roles = _cell_label_res()
    folded = fold_chars(cell)
    found: list[tuple[int, int, str]] = []  # (label start, value start, role)
    matches = [(m, False) for m in written.finditer(folded)]
    matches += [(m, True) for m in abbreviated.finditer(cell)]
    for m, short in matches:
        start = m.start("label")
        before = cell[:start].rstrip(" \t")
        separated = _LABEL_BEFORE.search(before) is not None
        if not separated and (short or not cell[start].isupper() or before[-1] in "(["):
            continue  # "Sở X (chủ trì: …": no label's place
        if any(s <= start < e for s, e, _ in found):
            continue
        bulleted = before.rstrip("-+•").rstrip(" \t") if separated else before
        role = roles[_KEY_GAPS_RE.sub(" ", fold(m.group("label")))]
        found.append((len(bulleted), m.end(), role))
    if not found:
        return None
    found.sort()
    out: dict[str, list[str]] = {"directing": [], "lead": [], "coordinating": []}
    parts = [(0, "lead"), *((value, role) for _, value, role in found)]
    ends = [start for start, _, _ in found] + [len(cell)]
    for (value, role), end in zip(parts, ends, strict=True):
        chunk = clean(cell[value:end]).strip(_TRAIL + "/|")
        if not chunk:
            continue
        # a lead's value may name the roles itself (`X chủ trì, phối hợp với Y`)
        got = (
            dict(zip(("lead", "coordinating"), parse_roles(chunk), strict=True))
            if role == "lead"
            else {role: parse_list(chunk)}
        )
        for r, names in got.items():
            out[r] += [n for n in names if n not in out[r]]
    return out["directing"], out["lead"], out["coordinating"]


def parse_roles(cell: str) -> tuple[list[str], list[str]]:
    """A cell's (lead, coordinating): `X chủ trì, phối hợp với Y` gives ([X], [Y]);
    `X (chủ trì); Y (phối hợp)` likewise; a plain list is all lead. (`cell_roles` also gives
    the agencies a cell marks as directing.)"""
    _, lead, coord = cell_roles(cell)
    return lead, coord


def cell_roles(cell: str, *, first_leads: bool = False) -> tuple[list[str], list[str], list[str]]:
    """A cell's (directing, lead, coordinating): its roles marked after the names (`X (chỉ
    đạo); Y (chủ trì); Z, W (phối hợp)`), labelled before them (`Chủ trì: Y; phối hợp: Z`,
    `labelled_roles`) or worded (`Y chủ trì, phối hợp với Z`, `parse_roles`). A list with
    no role words is all lead, unless `first_leads` (the document says that the first agency
    a cell names leads: `order_note`): then the first leads and the others coordinate, as do
    the unmarked names after the marked ones when no lead is marked."""
    directing, lead, coordinating = _cell_roles(cell, first_leads, _DOCUMENT_PROVINCE.get())
    return list(directing), list(lead), list(coordinating)


@lru_cache(maxsize=_NAMES_CACHED)  # a table's cells repeat their agencies row after row
def _cell_roles(
    cell: str, first_leads: bool, province: str | None
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """`cell_roles` in a document of `province` (folded; read by `canonical`)."""
    directing, lead, coordinating = _read_cell_roles(cell, first_leads)
    return tuple(directing), tuple(lead), tuple(coordinating)


def _read_cell_roles(cell: str, first_leads: bool) -> tuple[list[str], list[str], list[str]]:
    cell = clean(cell)
    noted = _noted_roles(cell, first_leads)
    if noted is not None:  # "UBND tỉnh (Sở VHTTDL tham mưu)"
        return noted
    folded = fold_chars(cell)
    if _ROLE_MARK_RE.search(folded):
        return _marked_roles(cell, folded, first_leads)
    labelled = labelled_roles(cell)
    if labelled is not None:  # "Chủ trì: Sở Y tế; phối hợp: Công an tỉnh"
        return labelled
    worded = _worded_roles(cell, folded)
    if worded is not None:
        return [], *worded
    return [], *_listed_roles(cell, first_leads)


# the kinds of verb a bracketed body's part is worded with (`agencies.bracket_<kind>_verbs`),
# the later kinds first where a wording is in two lists
_BRACKET_KINDS = ("lead", "advisor", "guide", "coordinator")


@lru_cache(maxsize=1)
def _bracket_note_re() -> re.Pattern[str]:
    """A part of an agency cell that names a body, then another in brackets with the verb of
    its part (lexicon `agencies.bracket_advisor_verbs`, `bracket_guide_verbs`,
    `bracket_coordinator_verbs`), in folded text."""
    verbs = "|".join(
        lexicon.alternation(f"agencies.bracket_{kind}_verbs", fold_words=True)
        for kind in _BRACKET_KINDS
    )
    return re.compile(
        r"^(?P<outer>[^()]+?)\s*\(\s*(?P<inner>[^()]+?)\s+(?P<verb>" + verbs + r")\s*\)\s*[.,]?\s*$"
    )


def _noted_roles(cell: str, first_leads: bool) -> tuple[list[str], list[str], list[str]] | None:
    """(directing, lead, coordinating) of a cell in which a body is named in brackets after
    another with the verb of its own part (`UBND tỉnh (Sở VHTTDL tham mưu)`: the Sở leads, the
    committee that decides directs; `Các cơ quan báo chí (Sở VHTTDL hướng dẫn)`: the press
    leads, the Sở directs; `Tiểu ban Y tế (Sở Y tế chủ trì)`: the Sở leads the unit it runs);
    its other parts (at `;`) as any cell. None when no part does so."""
    if "(" not in cell:
        return None  # cheap: every agency cell comes here
    parts = [p.strip(_TRAIL) for p in _LIST_SPLIT_RE.split(cell) if p.strip(_TRAIL)]
    notes = [_bracket_note(p) for p in parts]
    if not any(notes):
        return None
    out: dict[str, list[str]] = {"directing": [], "lead": [], "coordinating": []}
    for part, note in zip(parts, notes, strict=True):
        if note is None:
            got = dict(zip(out, _read_cell_roles(part, first_leads), strict=True))
        else:
            outer, inside, kind = parse_list(note[0]), parse_list(note[1]), note[2]
            if kind == "lead":  # the body before the brackets only names the unit run
                got = {"lead": inside}
            elif kind == "advisor":
                got = {"directing": outer, "lead": inside}
            elif kind == "guide":
                got = {"directing": inside, "lead": outer}
            else:
                got = {"lead": outer, "coordinating": inside}
        for role, names in got.items():
            out[role] += [n for n in names if n not in out[role]]
    return out["directing"], out["lead"], out["coordinating"]


def _bracket_note(part: str) -> tuple[str, str, str] | None:
    """(the body before the brackets, the body in them, the kind of the verb after it: its
    lexicon list `agencies.bracket_<kind>_verbs`) of a part of a cell read by `_noted_roles`;
    None when the part has no such note or its brackets name no body."""
    m = _bracket_note_re().match(fold_chars(part))
    inner = part[m.start("inner") : m.end("inner")] if m else ""
    if m is None or not starts_with_agency(inner):
        return None
    verb = _KEY_GAPS_RE.sub(" ", m.group("verb")).strip()
    return part[: m.end("outer")], inner, _bracket_verb_kinds().get(verb, "coordinator")


def has_bracket_note(text: str) -> bool:
    """Whether text is a body, then another in brackets with the verb of its part (`Tiểu ban
    Y tế (Sở Y tế chủ trì)`, `UBND tỉnh (Sở VHTTDL tham mưu)`; `_noted_roles`)."""
    return "(" in text and _bracket_note(clean(text).strip(_TRAIL)) is not None


@lru_cache(maxsize=1)
def _bracket_verb_kinds() -> dict[str, str]:
    """Each bracket verb (folded, its gaps one space) and its kind; where a wording is in two
    lists, the earlier kind of `_BRACKET_KINDS` (a leading verb, an advising one, a guiding
    one)."""
    return {
        _KEY_GAPS_RE.sub(" ", verb): kind
        for kind in reversed(_BRACKET_KINDS)
        for verb in lexicon.folded(f"agencies.bracket_{kind}_verbs")
    }


@lru_cache(maxsize=1)
def _order_note_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The two ways a note says that a cell's first agency leads, in folded text: `Đơn vị
    được ghi đầu tiên là đơn vị chủ trì` and `Cơ quan chủ trì là cơ quan ghi đầu tiên`
    (lexicon `agencies.order_note_units`, `order_note_first`)."""
    unit = lexicon.alternation("agencies.order_note_units", fold_words=True)
    first = lexicon.alternation("agencies.order_note_first", fold_words=True)
    placed = rf"\b{unit}\s+{first}\b"
    return (
        re.compile(placed + r"[^.;]{0,40}?\bla\b[^.;]{0,20}?\bchu\s+tri\b"),
        re.compile(r"\bchu\s+tri\s+la\s+(?:[^.;]{0,20}?)" + placed),
    )


def order_note(text: str) -> bool:
    """True when `text` says the roles in an agency cell go by the order of its names: the
    first named leads, the others coordinate (`Ghi chú: … đơn vị được ghi đầu tiên là đơn vị
    chủ trì, các đơn vị còn lại là đơn vị phối hợp`)."""
    folded = fold(text)
    return "chu tri" in folded and any(rx.search(folded) for rx in _order_note_res())


def _listed_roles(cell: str, first_leads: bool) -> tuple[list[str], list[str]]:
    """(lead, coordinating) of a list with no role words: all lead; by `first_leads`, the
    first named (a body or a group alike) leads and the others coordinate."""
    names = parse_list(cell)
    return (names[:1], names[1:]) if first_leads else (names, [])


def _marked_roles(
    cell: str, folded: str, first_leads: bool
) -> tuple[list[str], list[str], list[str]]:
    """ "X (chỉ đạo); Y (chủ trì), Z (phối hợp)": each mark gives its role to the names since
    the mark before it; the unmarked rest after a lead coordinates ("X (chủ trì); Y, Z")."""
    directing: list[str] = []
    lead: list[str] = []
    coord: list[str] = []
    pos = 0
    for mark in _ROLE_MARK_RE.finditer(folded):
        chunk = cell[pos : mark.start()].strip(" ,;")
        word = _KEY_GAPS_RE.sub(" ", mark.group(1))
        role = (
            coord
            if word in _COORDINATING_MARKS
            else directing
            if word in _DIRECTING_MARKS
            else lead
        )
        role.extend(n for n in parse_list(chunk) if n not in role)
        pos = mark.end()
    rest = cell[pos:].strip(" ,;.")
    if rest:
        more_lead, more_coord = ([], parse_list(rest)) if lead else _listed_roles(rest, first_leads)
        lead += more_lead
        coord += more_coord
    return directing, lead, coord


_PART_END_RE = re.compile(r"[;.]|,\s*")


def _after_lead_work(text: str) -> str:
    """What follows `chủ trì` in a cell without the work it names up to the part that follows
    it (`X chủ trì giám sát; Y phối hợp`, `X chủ trì tổ chức, phối hợp với Y`, `X chủ trì thực
    hiện`): the work begins with a verb (lexicon `agencies.end_verbs`), a body's name does not.
    A comma ends the work only before a body or a `phối hợp`: the words of the work may hold
    one (`X chủ trì theo chức năng, nhiệm vụ` names no body after its comma)."""
    words = _PHRASE_WORD_RE.findall(fold_chars(text[:40]).lower())[:2]
    if not words or starts_with_agency(_unrequested(text)) or _PHOI_HOP.match(fold_chars(text)):
        return text
    if words[0] not in _VERBS and " ".join(words) not in _VERBS:
        return text
    for end in _PART_END_RE.finditer(text):
        after = text[end.end() :]
        if not end.group(0).startswith(",") or (
            starts_with_agency(_unrequested(after)) or _PHOI_HOP.match(fold_chars(after))
        ):
            return text[end.start() :].lstrip(" ,")
    return ""


@lru_cache(maxsize=1)
def _closing_work_verb_re() -> re.Pattern[str]:
    """A verb of the work closing the names before `phối hợp với` (`X thực hiện, phối hợp với
    Y`; lexicon `agencies.parenthesis_work_verbs`), in folded text: no part of the last name."""
    verbs = lexicon.alternation("agencies.parenthesis_work_verbs", fold_words=True)
    return re.compile(rf"\s+{verbs}\s*$")


def _without_closing_work_verb(names: str) -> str:
    m = _closing_work_verb_re().search(fold_chars(names))
    return names[: m.start()] if m and len(fold_chars(names)) == len(names) else names


def _worded_roles(cell: str, folded: str) -> tuple[list[str], list[str]] | None:
    """(lead, coordinating) of a cell whose words name the roles (`X chủ trì, phối hợp với
    Y`, `X; Y phối hợp`, `phối hợp với Y`), else None."""
    chu_tri = CHU_TRI_RE.search(folded)
    if chu_tri:
        before = cell[: chu_tri.start()]
        after = _after_phoi_hop(_after_lead_work(cell[chu_tri.end() :]))
        # "… chủ trì; các sở, ngành phối hợp": the role word after the names
        t = _TRAILING_ROLE_RE.search(fold_chars(after))
        return parse_list(before), parse_list(after[: t.start()] if t else after)
    m = _COORDINATE_WITH_RE.search(folded)
    if m and m.start() > 0:
        # "X thực hiện, phối hợp với Y": X leads, its verb no part of its name
        lead = _without_closing_work_verb(cell[: m.start()])
        return parse_list(lead), parse_list(cell[m.end() :])
    t = _TRAILING_ROLE_RE.search(folded)
    if t and t.start() > 0 and "phoi hop" in folded[t.start() :]:
        # "Sở Tư pháp, Sở Y tế phối hợp" (a part of `Sở X chủ trì; Sở Tư pháp, Sở Y tế phối
        # hợp` parted at `;`), "Sở X; Sở Tư pháp phối hợp": the names before the role word
        # coordinate, those of an earlier part lead
        leading, _, helping = cell[: t.start()].rpartition(";")
        return parse_list(leading), parse_list(helping)
    if _PHOI_HOP.match(folded):
        return [], parse_list(_after_phoi_hop(cell))
    return None


def body_head(text: str) -> str:
    """The word(s) a named body begins with (`Sở`, `Đảng ủy`, `Công an`), else ``""``."""
    m = _BODY_START_RE.match(text)
    return m.group(0) if m else ""


@lru_cache(maxsize=1)
def _position_re() -> re.Pattern[str]:
    # as printed, not folded: `Trưởng` (a head of a body) folds like `Trường` (a school)
    return re.compile(r"^" + lexicon.alternation("agencies.positions") + r"\s+", re.IGNORECASE)


@lru_cache(maxsize=1)
def _community_title_re() -> re.Pattern[str]:
    unit = lexicon.alternation("agencies.community_units")
    units = rf"(?:các\s+)?{unit}(?:\s*(?:,|\bvà\b)\s*(?:các\s+)?{unit})*"
    # as printed, not folded (`Trưởng` folds like `Trường`); units as whole words
    return re.compile(
        r"^" + lexicon.alternation("agencies.positions") + r"\s+" + units + r"(?!\w)",
        re.IGNORECASE,
    )


def community_title(text: str) -> int:
    """Length of the title over residential units that begins text (`Trưởng các thôn`;
    units in the lexicon), else 0: such units hold no office, so the title is the agency."""
    m = _community_title_re().match(text)
    return m.end() if m else 0


def body_of_position(name: str) -> str:
    """The body a person's title names (`Chủ tịch Ủy ban nhân dân các xã, phường` gives
    `Ủy ban nhân dân các xã, phường`; the titles in the lexicon): a role is a body's, and a
    title is no agency. Any other name as it is, and a title over residential units, which
    have no body (`Trưởng các thôn`)."""
    m = _position_re().match(name)
    if m is None or not starts_with_agency(name[m.end() :]) or community_title(name):
        return name
    return canonical(name[m.end() :])


def own_department(issuer: str) -> Callable[[str | None], str | None]:
    """What a name stands for in the plan of `issuer`: a bare `Sở` (`phối hợp với Sở`, `báo
    cáo … về Sở`) in a department's own plan is that department; any other name as it is."""
    if not fold_chars(issuer).lower().startswith("so "):
        return lambda name: name
    return lambda name: issuer if name and fold_chars(name).lower() == "so" else name


def starts_with_agency(text: str) -> bool:
    """True when the text begins with a named body or an agency group (`Sở …`, `Các cơ quan …`),
    or with a registered name whatever its marks (`Hỗi Văn học Nghệ thuật tỉnh`, OCR'd); not
    with `các` before a noun of work (`Các nhiệm vụ …`)."""
    text = text.strip()
    if _work_not_group(text):
        return False
    if _BODY_START_RE.match(text) or community_title(text):
        return True
    if not text[:1].isupper() or fold(text[:12]).split(" ", 1)[0] not in _by_first_word():
        return False  # cheap: no registered name begins with this word
    return known_prefix(text) is not None


def known_prefix(text: str) -> tuple[str, int] | None:
    """The longest known agency name at the start of text: (canonical, characters consumed)."""
    return _known_prefix(text[:120])


@lru_cache(maxsize=_NAMES_CACHED)  # the same opening is asked of by several readers
def _known_prefix(head: str) -> tuple[str, int] | None:
    key = _key(head)
    for alias, canon in _by_first_word().get(key.split(" ", 1)[0], ()):
        if key.startswith(alias) and (len(key) == len(alias) or not key[len(alias)].isalnum()):
            return canon, _consumed(head, alias)
    return None


def titled_prefix(text: str) -> tuple[str, int] | None:
    """A person's title and the known body it heads at the start of text (`Bộ trưởng Bộ Văn
    hóa, Thể thao và Du lịch`, the titles in the lexicon): (the title with the body's canonical
    name, characters consumed); None when no title opens the text or no known body follows."""
    m = _position_re().match(text)
    hit = known_prefix(text[m.end() :]) if m else None
    if m is None or hit is None:
        return None
    return f"{m.group(0).strip()} {hit[0]}", m.end() + hit[1]


@lru_cache(maxsize=1)
def _by_first_word() -> dict[str, list[tuple[str, str]]]:
    """Aliases grouped by their first word, longest first, so a look-up tries only a few."""
    index: dict[str, list[tuple[str, str]]] = {}
    for alias, canon in table().aliases_longest_first:
        index.setdefault(alias.split(" ", 1)[0], []).append((alias, canon))
    return index


def _consumed(text: str, alias_key: str) -> int:
    """How many characters of text make up alias_key (keys fold and collapse separators)."""
    folded = fold_chars(text)
    key: list[str] = []
    pending = False
    for i, c in enumerate(folded):
        if c in _KEY_SEPARATORS:
            pending = bool(key)
            continue
        if pending:
            key.append(" ")
            pending = False
        key.append(c)
        if len(key) >= len(alias_key):
            return i + 1 if "".join(key) == alias_key else len(alias_key)
    return len(text)


_KEY_SEPARATORS = set(" \t\n,-–")
_GROUP_NOUN = lexicon.alternation("agencies.group_nouns")
_GENERIC_RE = re.compile(
    r"(?i)^các\s+" + _GROUP_NOUN + r"(?:(?:\s*,\s*|\s+và\s+(?:các\s+)?)" + _GROUP_NOUN + r")*"
    r"(?:\s+(?:có\s+)?liên quan|\s+trực thuộc|\s+thuộc\s+(?:UBND|Ủy ban nhân dân)\s+tỉnh|\s+cấp tỉnh|\s+của tỉnh)?"
)
_NAME_WORD_RE = re.compile(r"\s*(\S+)")


def starts_with_group(text: str) -> bool:
    """Whether text begins with a generic group (`các xã, phường`, `các cơ quan liên quan`)."""
    return _GENERIC_RE.match(text.lstrip()) is not None


# Words in lower case that go on with a name read word by word (data/lexicon.toml)
_NAME_LOWER_OK = frozenset(lexicon.words("agencies.name_lower_words"))
_NAME_LOWER_AFTER_CAPITAL = frozenset(lexicon.words("agencies.name_lower_after_capital"))
_NAME_WORD_PAIRS = frozenset(
    tuple(fold(w) for w in pair.split()) for pair in lexicon.words("agencies.name_word_pairs")
)


# Words that end a group's name in running text: what the group is told to do comes next.
_VERBS = lexicon.folded("agencies.end_verbs")


def _co_quan_before(words: list[re.Match[str]], i: int) -> bool:
    """`cơ quan` (folded) just before word i: `cơ quan tham mưu` is a noun phrase, while in
    `các sở, ngành liên quan tham mưu …` the verb begins."""
    return i >= 2 and words[i - 1].group(0) == "quan" and words[i - 2].group(0) == "co"


def _take_group(text: str) -> int:
    """Length of the agency group that begins text ("Các cấp ủy đảng, chính quyền tổ chức …"
    gives "Các cấp ủy đảng, chính quyền"): up to the first verb after at least one noun,
    at most twelve words; 0 when text does not begin with a group."""
    m = _GENERIC_RE.match(text)
    if not m:
        return 0
    folded = fold_chars(text)
    words = list(re.finditer(r"[^\s,;.:()]+", folded[:200]))
    end = m.end()
    for i, w in enumerate(words[1:13], start=1):
        one = w.group(0)
        two = f"{one} {words[i + 1].group(0)}" if i + 1 < len(words) else one
        three = f"{two} {words[i + 2].group(0)}" if i + 2 < len(words) else two
        after_noun = i >= 2
        cq_tham_muu = two == "tham muu" and _co_quan_before(words, i)
        if _inside_name(folded, w.start()):
            continue
        if after_noun and not cq_tham_muu and (one in _VERBS or two in _VERBS or three in _VERBS):
            return max(end, len(text[: w.start()].rstrip(" ,;")))
        if re.search(r"[.;:(]", text[words[i - 1].end() : w.start()]):
            return max(end, words[i - 1].end())
    return end


def take_agencies(text: str) -> tuple[list[str], str]:
    """Read the agencies named at the start of running text; return them and the rest.

    `Sở Văn hóa, Thể thao và Du lịch tham mưu …` gives (["Sở Văn hóa, …"], "tham mưu …")."""
    names: list[str] = []
    rest = text
    while True:
        probe = re.sub(r"^\s*(?:,|;|\bvà\b)?\s*", "", rest) if names else rest.lstrip()
        if names and probe is rest.lstrip() and not re.match(r"\s*(?:,|;|và\b)", rest):
            break
        hit = known_prefix(probe)
        if hit:
            names.append(hit[0])
            rest = probe[hit[1] :]
            continue
        title = community_title(probe)
        if title:
            names.append(canonical(probe[:title]))
            rest = probe[title:]
            continue
        group = _take_group(probe)
        if group:
            names.append(canonical(probe[:group]))
            rest = probe[group:]
            continue
        head = _BODY_START_RE.match(probe)
        if head is None:
            break
        words: list[str] = [head.group(0)]
        pos = head.end()
        for wm in _NAME_WORD_RE.finditer(probe, pos):
            w = wm.group(1)
            bare = w.strip(",;.")
            if not (
                bare[:1].isupper()
                or bare in _NAME_LOWER_OK
                or (bare in _NAME_LOWER_AFTER_CAPITAL and words[-1][:1].isupper())
                or (fold(words[-1]), fold(bare)) in _NAME_WORD_PAIRS
            ):
                break
            words.append(bare)
            pos = wm.end() - (len(w) - len(w.rstrip(",;.")))
            if w != bare:
                break
        # a run of capitalised words may name several bodies (`Ban Thường trực Ủy ban MTTQ
        # tỉnh và Đoàn Chủ tịch …`): split as a cell's list is
        run = " ".join(words)
        listed = parse_list(run)
        names.extend(listed if len(listed) > 1 else [canonical(run)])
        rest = probe[pos:]
    return names, rest.strip()


@lru_cache(maxsize=1)
def _continuations() -> tuple[str, ...]:
    """The phrases a name goes on through (`agencies.name_continuations`), and every commune
    group with what its communes have (`các xã, phường có vùng …`, `… nơi có di tích`;
    `agencies.commune_groups`, `commune_feature_links` and `commune_features`), perhaps
    with what was done to it (`… có di tích được xếp hạng`;
    `agencies.commune_feature_qualifiers`), or the area they lie in (`các xã, phường vùng
    đồng bào …`; `agencies.commune_areas`), folded."""
    qualifiers = ["", *(f" {q}" for q in lexicon.folded("agencies.commune_feature_qualifiers"))]
    qualified = {
        f"{g} {link} {f}{q}"
        for g in lexicon.folded("agencies.commune_groups")
        for link in lexicon.folded("agencies.commune_feature_links")
        for f in lexicon.folded("agencies.commune_features")
        for q in qualifiers
    } | {
        f"{g} {a}"
        for g in lexicon.folded("agencies.commune_groups")
        for a in lexicon.folded("agencies.commune_areas")
    }
    return tuple(sorted(set(lexicon.folded("agencies.name_continuations")) | qualified))


@lru_cache(maxsize=1)
def _continuations_by_head() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The continuations grouped by their first few characters, in order: a few hundred
    phrases (each commune group with each feature) open in a handful of ways (`cac xa`,
    `co lie`), and a text that lacks an opening holds none of its group."""
    phrases = _continuations()
    k = min([6, *map(len, phrases)])
    groups: dict[str, list[str]] = {}
    for c in phrases:
        groups.setdefault(c[:k], []).append(c)
    return tuple((head, tuple(group)) for head, group in groups.items())


@lru_cache(maxsize=64)
def _continuations_in(folded: str) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """The continuations (`_continuations`) found in folded text, each with every place it
    starts (overlapping ones too). Callers ask about many words of one text, and most texts
    hold none of the few hundred phrases: looked for once per text, not once per word, and
    only those whose opening the text has (`_continuations_by_head`)."""
    found = []
    for head, group in _continuations_by_head():
        if head not in folded:
            continue
        for c in group:
            start = folded.find(c)
            starts = []
            while start != -1:
                starts.append(start)
                start = folded.find(c, start + 1)
            if starts:
                found.append((c, tuple(starts)))
    return tuple(found)


def _inside_name(folded: str, at: int) -> bool:
    """Does a phrase that goes on with a name (`có liên quan`, `cơ quan tham mưu, giúp
    việc`; data) cover the word at `at` of the folded text?"""
    for c, starts in _continuations_in(folded):
        # the first place from `at - len(c)` on, as `folded.find(c, at - len(c), at + len(c))`
        # gives it (a phrase that ends right before `at` hides a later one that overlaps it)
        lo = max(0, at - len(c))
        start = next((s for s in starts if s >= lo), -1)
        if start != -1 and start <= at < start + len(c):
            return True
    return False


@lru_cache(maxsize=1)
def _exact_verbs() -> dict[str, frozenset[str]]:
    """The short verbs that fold like other words, by their folded form: the ways each is
    written (`cứ`, `cử` both fold to `cu`)."""
    out: dict[str, set[str]] = {}
    for w in lexicon.words("agencies.exact_verbs"):
        out.setdefault(fold(w), set()).add(w)
    return {k: frozenset(v) for k, v in out.items()}


_PHRASE_WORD_RE = re.compile(r"[^\s,;.:()]+")
# The longest agency phrase read in running text, in words: a list of four or five bodies
# ("Cục X, Cục Y và Đa dạng sinh học, cơ quan chuyên môn thuộc Bộ Z và các địa phương").
_PHRASE_WORDS = 40
_BARE_GROUP_RE = re.compile(r"(?i)" + _GROUP_NOUN + r"\b")


@lru_cache(maxsize=1)
def _work_group_re() -> re.Pattern[str]:
    nouns = lexicon.alternation("agencies.group_work_nouns", fold_words=True)
    return re.compile(rf"cac\s+{nouns}\b")


def _work_not_group(t: str) -> bool:
    """Text that opens with `các` and a noun of work (`Các nhiệm vụ thực hiện xuyên suốt …`,
    the lexicon's group_work_nouns): a heading over tasks, not a group of bodies."""
    return _work_group_re().match(fold(t[:40])) is not None


def _verb_not_group(t: str) -> bool:
    """Text that opens with a group noun which is also a verb, then another verb (`tổ chức
    tổng kết, đánh giá …`): an instruction, not a group of bodies (`Tổ chức chính trị - xã
    hội …` is one)."""
    if _BODY_START_RE.match(t) or known_prefix(t) or community_title(t):
        return False
    words = [w.group(0) for w in _PHRASE_WORD_RE.finditer(fold_chars(t[:80]).lower())][:4]
    first = " ".join(words[:2])
    if first not in _VERBS or first not in lexicon.folded("agencies.group_nouns"):
        return False
    after = words[2:]
    return bool(after) and (after[0] in _VERBS or " ".join(after[:2]) in _VERBS)


@lru_cache(maxsize=1)
def _place_re() -> re.Pattern[str]:
    """A local unit and its place's name (`phường Hoa Lư`, `xã Kim Liên`; lexicon
    `documents.local_units`), in folded text but for the name's capital."""
    units = lexicon.alternation("documents.local_units", fold_words=True)
    return re.compile(units + r"\s+(?=\S)")


def _name_goes_on(folded: str, at: int, rest: str) -> bool:
    """Whether the words `rest`, at `at` of the folded text after a registered name, still
    belong to a name: a phrase that goes on with one (`Ủy ban nhân dân các xã, phường | có
    làng nghề`: `_inside_name`), the commune or ward it belongs to (`_names_a_place`), or a
    level's word alone (`_names_its_level`). No verb then ends the name there."""
    return (
        (0 <= at < len(folded) and _inside_name(folded, at))
        or _names_a_place(rest)
        or _names_its_level(rest)
    )


def _names_a_place(rest: str) -> bool:
    """Whether text after a registered name goes on with the commune or ward it belongs to
    (`Phòng Văn hóa - Xã hội | phường Hoa Lư`): the name of that commune's own body."""
    m = _place_re().match(fold_chars(rest[:40]))
    return m is not None and rest[m.end() : m.end() + 1].isupper()


def _names_its_level(rest: str) -> bool:
    """Whether text after a registered name that names no level is a local unit's word alone
    (`Ban Xây dựng Đảng Đảng ủy | xã:`), or one the body's work follows (`… Đảng ủy | xã tổ
    chức bồi dưỡng …`): the name of that level's own body (`… Đảng ủy xã`)."""
    if _level_re().match(fold_chars(rest[:40])) is not None:
        return True
    unit = _level_word_re().match(fold_chars(rest[:40]))
    return unit is not None and _opens_with_verb(rest[unit.end() :])


@lru_cache(maxsize=1)
def _level_word_re() -> re.Pattern[str]:
    """A local unit's word (lexicon `documents.local_units`) and the space after it, in folded
    text."""
    units = lexicon.alternation("documents.local_units", fold_words=True)
    return re.compile(units + r"\s+")


def agency_phrase(text: str, *, any_start: bool = False) -> tuple[list[str], str]:
    """The agencies at the start of running text, read up to the verb that follows them:
    `Bộ Tư lệnh Vùng Cảnh sát biển 3 tham mưu …` gives (["Bộ Tư lệnh Vùng Cảnh sát biển 3"], "tham mưu …").

    Only words in lower case end the phrase (`Ban Chỉ đạo 138` is a name). With `any_start`
    the phrase may begin with any words (`lực lượng chuyên trách … của lực lượng Công an`,
    `địa phương`), as after `phối hợp với`; else it must begin like an agency."""
    t = text.lstrip()
    if not t:
        return [], text
    if not any_start and not (
        _BODY_START_RE.match(t) or known_prefix(t) or _BARE_GROUP_RE.match(t) or community_title(t)
    ):
        return [], text
    if not any_start and (_verb_not_group(t) or _work_not_group(t)):
        return [], text
    names, rest = take_agencies(t)
    known = registered()
    folded = fold_chars(t[:400])
    # registered names read exactly ("Sở Tài chính | thẩm định …"), unless the name goes on
    # with a group's own words ("Ủy ban nhân dân các xã, phường | có làng nghề")
    at = len(t) - len(rest) if t.endswith(rest) else -1
    if (
        names
        and all(n in known for n in names)
        and rest[:1].islower()
        and not _name_goes_on(folded, at, rest)
    ):
        return names, rest
    words = list(_PHRASE_WORD_RE.finditer(folded))
    end = len(folded) if len(folded) < 400 else 0
    # a registered name that opens the phrase holds no verb, whatever its words look like
    # (`Trung tâm Dịch vụ tổng hợp phường và Phòng X phối hợp …`: `tổng hợp` is its own)
    first = known_prefix(t)
    named_up_to = first[1] if first else 0
    for i, w in enumerate(words[:_PHRASE_WORDS]):
        gap = folded[words[i - 1].end() : w.start()] if i else ""
        if gap and _PHRASE_STOP_RE.search(gap) and not (gap == "." and t[w.start()].isupper()):
            # (a dot straight before a capital is an abbreviation's: `P.KHTC`)
            end = words[i - 1].end()
            break
        if i and t[w.start()].isupper() and w.start() >= named_up_to:
            # so does one named later in the list (`Phòng X và Trung tâm Dịch vụ tổng hợp
            # phường tham mưu …`)
            later = known_prefix(t[w.start() :])
            named_up_to = w.start() + later[1] if later else named_up_to
        if i == 0 or t[w.start()].isupper() or w.start() < named_up_to:
            continue
        one = w.group(0)
        two = f"{one} {words[i + 1].group(0)}" if i + 1 < len(words) else one
        three = f"{two} {words[i + 2].group(0)}" if i + 2 < len(words) else two
        cq_tham_muu = two == "tham muu" and _co_quan_before(words, i)
        if _inside_name(folded, w.start()):
            continue
        nouns = lexicon.folded("agencies.group_nouns")
        noun = two if two in nouns else one if one in nouns else None
        if noun is not None:
            # "các cơ quan": cơ (folded "co") is a noun, not "có"; a word that is both
            # ("tổ chức") is a noun in a list ("các cơ quan, tổ chức"), else the verb
            listed = "," in folded[words[i - 1].end() : w.start()] or words[i - 1].group(0) in (
                "cac",
                "va",
                "nhung",
            )
            # a one-word noun that begins a two-word verb is the verb unless listed:
            # "Ban Quản lý di tích … bố trí" (bố trí folds like bộ, a noun)
            verb_after = noun == one and two in _VERBS and two not in nouns
            if (noun not in _VERBS and not verb_after) or listed:
                continue
        exact = _exact_verbs().get(one)
        if (
            exact is not None
            and two not in _VERBS
            and three not in _VERBS
            and t[w.start() : w.end()].lower() not in exact
        ):
            continue  # "Ban cán sự": cán is not cần
        if (
            " " in two
            and two in _exact_verbs()
            and one not in _VERBS
            and three not in _VERBS
            and " ".join(t[w.start() : words[i + 1].end()].lower().split())
            not in _exact_verbs()[two]
        ):
            continue  # "các đoàn thể cùng cấp": cùng cấp is not cung cấp
        if not cq_tham_muu and (one in _VERBS or two in _VERBS or three in _VERBS):
            end = w.start()
            break
    else:
        if len(words) > _PHRASE_WORDS:
            return [], text
    phrase = t[:end].rstrip(" ,;-–")
    if not phrase or len(phrase.split()) > _PHRASE_WORDS:
        return [], text
    names = parse_list(phrase)
    return names, t[end:].lstrip(" ,;")


def _initials(word: str) -> bool:
    """`QLVH`, `TDTT`, `TT`: a word of capitals only."""
    return 2 <= len(word) <= 8 and word.isalpha() and word.isupper()


def spelt_out(name: str, full_names: list[str]) -> str:
    """An abbreviated name the document writes in full elsewhere (`Phòng QLVH` beside
    `Phòng Quản lý văn hóa`, `TT Văn hóa - Nghệ thuật tỉnh` beside `Trung tâm Văn hóa -
    Nghệ thuật tỉnh`): that full name, when exactly one of them has the same words but
    where a run of capitals spells the initials of its words; else the name as it is."""
    words = _spell_words(name)
    if not any(_initials(w) for w in words):
        return name
    hits = {f for f in full_names if f != name and _spells(words, _spell_words(f))}
    return hits.pop() if len(hits) == 1 else name


def _spell_words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s,\-–]+", name) if w]


def _spells(short: list[str], full: list[str]) -> bool:
    """True when `short` is `full` with some runs of words written as their initials."""
    if not short:
        return not full
    if not full:
        return False
    head = short[0]
    if fold(head) == fold(full[0]) and _spells(short[1:], full[1:]):
        return True
    if not _initials(head):
        return False
    # the initials of the next words, a `và` among them left out (`TTXTDL` spells `Thông tin
    # và Xúc tiến du lịch`)
    initials = ""
    for used, w in enumerate(full, start=1):
        if used > 1 and fold(w) == "va" and len(initials) < len(head):
            continue
        initials += fold(w)[:1]
        if len(initials) == len(head):
            return initials == fold(head) and _spells(short[1:], full[used:])
    return False
