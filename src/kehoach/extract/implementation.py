"""The implementation section (`Tổ chức thực hiện`), and two readings of a bullet that
`assignments` uses: its timeframe wording and the agencies in its closing parenthesis."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from kehoach.extract.agencies import (
    agency_phrase,
    parse_list,
    parse_roles,
    starts_with_agency,
    take_agencies,
)
from kehoach.extract.outline import Section
from kehoach.extract.timeframes import parse_timeframe
from kehoach.text import lexicon
from kehoach.text.normalize import fold, fold_chars

_IMPLEMENTATION = [
    re.compile(r"\bto chuc th\w* hien\b|\btrach nhiem thuc hien\b"),
    re.compile(r"\bphan cong\b"),
]


def implementation_section(root: Section) -> Section | None:
    """The `Tổ chức thực hiện` section, if any (else a section on dividing the work)."""
    sections = [s for sec in root.children for s in sec.walk() if s.kind in ("roman", "decimal")]
    # a part headed so first: the words inside another title (`2. Kết quả cụ thể hóa và tổ
    # chức thực hiện các nhiệm vụ …` among the contents of an inspection) head no part
    titled = lexicon.folded("sections.implementation")
    found = next((s for s in sections if s.folded_title.startswith(tuple(titled))), None)
    if found is not None:
        return found
    for rx in _IMPLEMENTATION:
        found = next((s for s in sections if rx.search(s.folded_title)), None)
        if found is not None:
            return found
    return None


@lru_cache(maxsize=1)
def _time_phrase() -> re.Pattern[str]:
    # matched on lower-cased text: much faster than IGNORECASE over Vietnamese letters
    return re.compile("|".join(lexicon.words("time.running_text")).replace("IVX", "ivx"))


@lru_cache(maxsize=1)
def _time_hint() -> re.Pattern[str]:
    """A digit or a word every running-text timeframe holds (`time.running_text_hints`): the
    cheap screen before `_time_phrase`, its words matched as printed."""
    hints = lexicon.words("time.running_text_hints")
    return re.compile("|".join([r"\d", *(re.escape(w) for w in hints)]))


def timeframe_phrase(text: str) -> str | None:
    """The explicit timeframe wording in a bullet, if any: the first one, or the stretch from
    the first to the last when one of them recurs (`trong năm 2025 … hằng năm … năm 2030`),
    since a recurring wording anywhere in the bullet makes the timeframe recurring (a stretch
    too long to show runs to the first recurring wording)."""
    low = text.lower()
    if len(low) != len(text) or not _time_hint().search(low):
        return None
    found = list(_time_phrase().finditer(low))
    if not found:
        return _closing_period(text, low) or _inner_period(text, low)
    own = [m for m in found if not _ends_work_name(text, m)]
    if own:
        # "Xây dựng Đề án … đến năm 2030, tầm nhìn đến năm 2045 …; hoàn thành trong năm
        # 2027": the scheme's horizon is its name's; the work has a time of its own
        found = own
    first = found[0]
    recurring = [m for m in found[1:] if re.match(r"(?:h[ằà]ng|mỗi) ", m.group(0))]
    if parse_timeframe(text[first.start() : first.end()]).kind == "from":
        # after a start (`bắt đầu từ năm 2027 tổ chức … ít nhất 01 di tích mỗi năm học`) a
        # `mỗi` is the rate of the work, and the work goes on from then as `các năm tiếp
        # theo` would: only `hằng`/`hàng` still make the timeframe recurring
        recurring = [m for m in recurring if not m.group(0).startswith("mỗi")]
    if recurring:
        last = found[-1]
        if last.end() - first.start() < 200:
            return text[first.start() : last.end()].strip(" ()")
        if not re.match(r"(?:h[ằà]ng|mỗi) ", first.group(0)):
            # far apart (`hoàn thành trước ngày 30/6/2026; <a long clause>; định kỳ 6 tháng
            # và hằng năm báo cáo …`): up to the first recurring one, which still decides
            return text[first.start() : recurring[0].end()].strip(" ()")
    return text[first.start() : first.end()].strip(" ()")


@lru_cache(maxsize=1)
def _closing_period_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    named = lexicon.alternation("time.named_works")
    period = lexicon.mapping("time")["closing_period"]
    return re.compile(period), re.compile(r"(?<!\w)" + named + r"(?!\w)")


@lru_cache(maxsize=1)
def _lead_period_re() -> re.Pattern[str]:
    """A span of years closing a bullet's lead sentence before the colon that introduces its
    sub-items (`… giai đoạn 2026 - 2030, tập trung:`; lexicon `time.introduction_tails`),
    over the lower-cased text."""
    tails = lexicon.alternation("time.introduction_tails")
    return re.compile(r"(?:giai đoạn|năm)\s+\d{4}\s*[-–]\s*\d{4}" + rf"(?=\s*(?:,\s*{tails}\s*)?:)")


# A quoted name and what follows it up to the span: `“…” gắn với xây dựng “…” `
_QUOTED_RE = re.compile(r"\s*[“\"](?P<name>[^”\"]*)[”\"](?P<after>.*)$", re.DOTALL)


def _names_work(clause: str) -> bool:
    """Whether a clause ending just before a span of years names a work whose name the span
    would end (`time.named_works`): the last such work's name runs to the span unless it is
    in quotes and more words stand between its closing quote and the span."""
    _, named = _closing_period_res()
    found = list(named.finditer(clause))
    if not found or _bare_work(clause[found[-1].end() :]):
        return False
    quoted = _QUOTED_RE.match(clause, found[-1].end())
    return quoted is None or not quoted.group("after").strip()


@lru_cache(maxsize=1)
def _bare_work_re() -> re.Pattern[str]:
    followers = lexicon.alternation("time.bare_work_followers")
    return re.compile(rf"\s*(?:[,.;]|{followers}(?!\w))")


def _bare_work(after: str) -> bool:
    """Whether what follows a work's kind word shows the work named by its kind alone
    (`… thực hiện Kết luận vào chương trình …`, `Chỉ thị này`; lexicon
    `time.bare_work_followers`): a document named before, whose name no later span ends."""
    return _bare_work_re().match(after) is not None


def _ends_a_name(text: str, at: int) -> bool:
    """Whether a span of years at `at` would end the name of a work its clause (back to the
    last `;` or `:`) names (`_names_work`)."""
    return _names_work(re.split(r"[;:]", text[:at])[-1])


# A period that may end a work's name (`… đến năm 2030`, `… giai đoạn 2026 - 2030`), lower case
_NAME_PERIOD = re.compile(r"(?:đến|trước)\s+(?:hết\s+)?năm\s|giai đoạn\s|năm\s+\d{4}\s*[-–]")


def _ends_work_name(text: str, m: re.Match[str]) -> bool:
    """Whether a time phrase found in the item is a period ending the name of a plan, scheme
    or programme its clause names (lexicon `time.named_works`)."""
    if not _NAME_PERIOD.match(m.group(0).lstrip()):
        return False
    return _ends_a_name(text, m.start())


@lru_cache(maxsize=1)
def _inner_period_re() -> tuple[re.Pattern[str], re.Pattern[str]]:
    compared = lexicon.alternation("targets.baseline_years")
    return (
        re.compile(lexicon.mapping("time")["inner_period"]),
        re.compile(rf"(?:{compared})\s+(?:cùng kỳ\s+)?$"),
    )


def _inner_period(text: str, low: str) -> str | None:
    """A year or span of years standing bare inside the item (`… sự kiện văn hóa, du lịch năm
    2027; phối hợp …`, lexicon `time.inner_period`), the first one not compared with (`so với
    năm 2025`) and not ending a work's name in its clause (`named_works`): the work's period,
    when nothing else in the item states one."""
    period, compared = _inner_period_re()
    for m in period.finditer(low):
        if not compared.search(low[: m.start()]) and not _ends_a_name(text, m.start()):
            return text[m.start() : m.end()]
    return None


def _closing_period(text: str, low: str) -> str | None:
    """A span of years closing the item (`… thể thao cơ sở giai đoạn 2026 - 2030.`, lexicon
    `time.closing_period`), or its lead sentence before the sub-items it introduces (`…
    giai đoạn 2026 - 2030, tập trung: + …`), when the clause it closes names no work whose
    name it would end (`… Chương trình mục tiêu quốc gia … giai đoạn 2026 - 2030`,
    `time.named_works`: `_names_work`)."""
    period, _ = _closing_period_res()
    # the item's end, else the end of its lead sentence before the sub-items it introduces
    m = period.search(low) or _lead_period_re().search(low)
    if m is None:
        return None
    return None if _ends_a_name(text, m.start()) else text[m.start() : m.end()]


@lru_cache(maxsize=1)
def _assigned_re() -> re.Pattern[str]:
    """A closing parenthesis that gives roles, matched on the folded text (one character for
    each of the text's: a role word whose mark OCR misread, `chủ trị`, `thức hiện`, still
    closes the bullet): it holds `chủ trì`, `thực hiện`, `phụ trách` or a verb by which a body
    directs (`lãnh đạo, chỉ đạo`, `định hướng`; lexicon `agencies.parenthesis_directing_verbs`).
    A colon may follow it: a heading's parenthesis gives the roles of the items below it
    (`2.1. Phát triển … (Đảng ủy UBND tỉnh lãnh đạo, chỉ đạo; Sở X chủ trì …):`)."""
    directs = lexicon.alternation("agencies.parenthesis_directing_verbs", fold_words=True)
    roles = rf"(?:chu tri|thuc hien|phu trach|{directs})"
    return re.compile(rf"\s*[(\[](?P<inner>[^()\[\]]*\b{roles}\b[^()\[\]]*)[)\]]\s*[.;:]?\s*$")


@lru_cache(maxsize=1)
def _directs_re() -> re.Pattern[str]:
    """A directing verb right after a party body's name in a closing parenthesis, alone or
    before the body it directs (folded)."""
    directs = lexicon.alternation("agencies.parenthesis_directing_verbs", fold_words=True)
    return re.compile(rf"^\s*{directs}(?=\s|,|$)[\s,]*")


@lru_cache(maxsize=1)
def _work_verb_re() -> re.Pattern[str]:
    """The verbs that close a part of a closing parenthesis after the names they give the work
    to (`… Thư viện tỉnh thực hiện thường xuyên`, `Sở X chủ trì tham mưu`; lexicon
    `agencies.parenthesis_work_verbs`), in folded text, a time perhaps after them."""
    verbs = lexicon.alternation("agencies.parenthesis_work_verbs", fold_words=True)
    return re.compile(rf"(?:^|\s+){verbs}(?=\s|$)(?P<after>.*)$")


def _without_work_verb(part: str, doc_year: int | None) -> tuple[str, str | None]:
    """A part of a closing parenthesis without the verb that closes it and the time after it:
    `Báo X chủ trì, phối hợp với Sở Y, Hội Z thực hiện thường xuyên` gives (`Báo X chủ trì,
    phối hợp với Sở Y, Hội Z`, `thực hiện thường xuyên`); `Sở X chủ trì tham mưu` gives (`Sở X
    chủ trì`, None). A part the verb opens (`thực hiện hằng năm`), or whose verb is followed by
    more than a time (`thực hiện theo chức năng, nhiệm vụ`), is left as it is."""
    folded = fold_chars(part)
    if len(folded) != len(part):
        return part, None
    for m in _work_verb_re().finditer(folded):
        if m.start() == 0:
            continue
        after = part[m.start("after") :].strip(" ,.")
        if after and parse_timeframe(after, doc_year).kind == "unknown":
            continue
        return part[: m.start()].rstrip(" ,"), part[m.start() :].strip(" ,.") if after else None
    return part, None


def _directed_by(part: str) -> tuple[list[str], str]:
    """The bodies that direct the work in a part of a closing parenthesis, and what the part
    says after their verb: `Đảng ủy UBND tỉnh lãnh đạo, chỉ đạo` gives ([Đảng ủy …], ``); `Ban
    Chỉ đạo 35 Tỉnh ủy chỉ đạo` and `Ban X định hướng` likewise; `Đảng ủy UBND tỉnh lãnh đạo,
    chỉ đạo UBND tỉnh phối hợp với …` gives ([Đảng ủy …], `UBND tỉnh phối hợp với …`). A
    directing verb followed by no body (`… chỉ đạo việc …`) directs no one: ([], part)."""
    names, rest = agency_phrase(part)
    m = _directs_re().match(fold_chars(rest)) if names else None
    if m is None:
        return [], part
    after = rest[m.end() :].strip(" ,.")
    if not after:
        return names, ""
    if agency_phrase(after)[0]:
        return names, after
    return [], part


# `(giao UBND phường … thực hiện)`, `(Giao: Sở X)`, `(Giao cho: …)`; folded
_GIVEN = re.compile(
    r"^" + lexicon.alternation("agencies.parenthesis_openings", fold_words=True) + r"(?:\s*:)?\s+"
)
# `X chỉ đạo Y thực hiện`, folded; not `readings._directing` (lexicon `agencies.directing_verbs`):
# a bare `lãnh đạo` inside a closing parenthesis is not read as directing
_DIRECTS = re.compile(r"^\s*(?:lanh dao,? )?chi dao\s+")
_LABELLED = re.compile(r"^(?P<label>[^:]{3,40}):\s*(?P<value>.+)$")


_CLOSING_PAREN = re.compile(r"\s*[(\[](?P<inner>[^()\[\]]{3,300})[)\]]\s*[.;:]?\s*$")


def _closes_with_bracket(text: str) -> bool:
    """Whether the text ends with a bracket (then spaces and a `.`, `;` or, for a heading over
    items, `:`): a cheap test before the two patterns above, which are tried at every position
    of an item."""
    return text.rstrip().rstrip(".;:").rstrip().endswith((")", "]"))


def parenthesis_time(text: str) -> str | None:
    """The time a closing parenthesis states alone (`1.2. Kiểm tra nghiệp vụ (thực hiện hằng
    năm)` gives `thực hiện hằng năm`); None when it names an agency or states no time."""
    if not _closes_with_bracket(text):
        return None
    m = _CLOSING_PAREN.search(text)
    if m is None:
        return None
    inner = m.group("inner").strip()
    if starts_with_agency(inner) or re.search(r"\b(?:chu tri|phoi hop)\b", fold(inner)):
        return None
    return inner if parse_timeframe(inner).kind != "unknown" else None


class Closing(NamedTuple):
    """What a closing parenthesis says: the item's text without it, its roles and when."""

    text: str
    directing: list[str]
    lead: list[str]
    coordinating: list[str]
    when: str | None


def _named_in_parenthesis(text: str, doc_year: int | None) -> Closing | None:
    """`Tổ chức Ngày Sách … (Sở Văn hóa, Thể thao và Du lịch; tháng 4/2026).`: a closing
    parenthesis that only names agencies (all lead, as a table cell without `chủ trì`) and
    perhaps when, also after `Giao:` (`… (Giao: Sở Tư pháp).`)."""
    m = _CLOSING_PAREN.search(text)
    if m is None:
        return None
    inner = m.group("inner").strip()
    given = _GIVEN.match(fold_chars(inner))  # `(Giao: UBND các xã, phường)`, not `Giáo …`
    inner = inner[given.end() :] if given and inner[:4].lower() == "giao" else inner
    if not starts_with_agency(inner):
        return None
    lead: list[str] = []
    when: str | None = None
    for part in re.split(r"\s*;\s*", inner):
        names, rest = take_agencies(part)
        if names and rest.strip(" ,."):
            # a registered name with its province after it (`Báo và Phát thanh, Truyền hình
            # Tuyên Quang`): read up to the verb, the name holds its province
            whole, after = agency_phrase(part)
            names, rest = (whole, after) if whole and not after.strip(" ,.") else (names, rest)
        if names and not rest.strip(" ,."):
            lead += names
        elif not names and parse_timeframe(part, doc_year).kind != "unknown":
            when = part
        else:
            return None  # a sentence in brackets, not a list of agencies
    if not lead:
        return None
    return Closing(text[: m.start()].rstrip(" ,.;"), [], lead, [], when)


def assignment(text: str, doc_year: int | None) -> Closing | None:
    """A task whose bullet names its agencies in a closing parenthesis:
    `Xây dựng đề án … (Sở VHTTDL chủ trì, phối hợp với Sở Tài chính; thời gian: năm 2026).`,
    `(Sở Giáo dục và Đào tạo chỉ đạo các trường thực hiện; thời gian: …)`."""
    if not _closes_with_bracket(text):
        return None
    folded = fold_chars(text)
    m = _assigned_re().search(folded) if len(folded) == len(text) else None
    if not m:
        return _named_in_parenthesis(text, doc_year)
    inner = text[m.start("inner") : m.end("inner")]
    directing: list[str] = []
    lead: list[str] = []
    coord: list[str] = []
    when: str | None = None
    for part in re.split(r"\s*;\s*", inner):
        lab = _LABELLED.match(part)
        label = fold(lab.group("label")) if lab else ""
        value = lab.group("value") if lab else part
        if re.search(r"\b(thoi gian|thoi han|tien do|hoan thanh)\b", label):
            when = value
        elif "phoi hop" in label:
            coord += parse_list(value)
        elif lab and re.search(r"\b(chu tri|thuc hien|co quan|don vi)\b", label):
            lead += parse_list(value)
        else:
            given = _GIVEN.match(fold_chars(value))
            value = value[given.end() :] if given else value
            value, closing_time = _without_work_verb(value, doc_year)
            when = when or closing_time
            over, value = _directed_by(value)
            directing += [d for d in over if d not in directing]
            if not value:
                continue  # "Đảng ủy UBND tỉnh lãnh đạo, chỉ đạo": the part only directs
            if re.search(r"\bchu tri\b|\bphoi hop\b", fold(value)):
                ld, co = parse_roles(value)
                lead += [a for a in ld if starts_with_agency(a)]
                coord += co
                continue
            # read up to the verb (`Các cấp ủy, tổ chức đảng`, `Ban Chỉ đạo 35 Tỉnh ủy`)
            names, rest = agency_phrase(value)
            if not names:
                names, rest = take_agencies(value)
            directs = _DIRECTS.match(fold_chars(rest)) if names else None
            under, after = agency_phrase(rest[directs.end() :]) if directs else ([], "")
            if under:  # "X chỉ đạo Y thực hiện": X directs, Y leads
                directing += names
                names, rest = under, after
            lead += names
            rest = re.sub(r"(?i)^(?:thực hiện|triển khai)\b[,\s]*", "", rest)
            if rest and (
                timeframe_phrase(rest) or parse_timeframe(rest, doc_year).kind != "unknown"
            ):
                when = rest
    if not lead and not directing:
        return None
    return Closing(text[: m.start()].rstrip(" ,.;:"), directing, lead, coord, when)
