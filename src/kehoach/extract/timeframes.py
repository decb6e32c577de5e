"""Timeframe wordings -> `Timeframe` (kind, start, end, every), per the schema's table."""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

from kehoach.model import Timeframe
from kehoach.text import lexicon
from kehoach.text.normalize import clean, fold

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_Y = r"((?:19|20)\d{2})"
# What joins a month or a quarter to its year: "tháng 4/2026", "quý II năm 2026", "quý I của
# năm 2027", and the first of several years ("Tháng 4 các năm 2026, 2028, 2030": the first
# stated decides)
_OF_YEAR = r"(?: ?/ ?| nam | cua nam | cac nam )"


# "Từ ngày 01/10 đến ngày 15/10/2026", "từ ngày 15 - 20/10/2026": a window of days; an event
# plan's time cell may leave out `ngày` ("Từ 08-11/11/2026", "25-28/9/2026", "từ 30/9 đến
# 02/10/2026"): after `từ` or alone at the cell's start, two days before one month are days too.
_DAY_RANGE = re.compile(
    r"(?:\b(?:tu )?ngay |\btu |^)(\d{1,2})(?:/(\d{1,2}))?(?:/((?:19|20)\d{2}))? ?(?:-|–|den|toi) ?"
    r"(?:het )?(?:ngay )?(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})"
)
# "Từ ngày 22/5 đến ngày 24/5" (folded): a window of days with no year, read in the
# document's own year when nothing else dates the wording
_YEARLESS_DAY_RANGE = re.compile(
    r"\b(?:tu )?ngay (\d{1,2})/(\d{1,2}) ?(?:-|–|den|toi) ?(?:ngay )?(\d{1,2})/(\d{1,2})\b(?!/)"
)
# Words before a date that make it a deadline; without them a date after "ngày" is one day
# ("Ngày 10/10/2026", "20 giờ 00, ngày 10/4/2026"); a bare date in a time column is a deadline.
_DEADLINE_BEFORE = re.compile(r"\b(truoc|cham nhat|han|hoan thanh|xong|den|het)\b[^\d]*$")
# The occasion an event marks, named before its date ("nhân kỷ niệm Ngày Văn hóa Việt Nam
# 24/11/2026"): the date is that one day (folded).
_OCCASION_BEFORE = re.compile(r"\bnhan (?:dip )?(?:ky niem )?ngay [^\d]{2,60}$")


# "từ tháng 7/2027 đến năm 2030", "quý II/2026 - quý I/2027" (folded): a span between two
# periods of any unit (a month, a quarter, a year); without `từ`, the last must name its unit
# ("quý IV/2026 - 2027" is no span of this kind)
_SPAN_END = (
    r"(?:(?:thang (?P<{0}m>\d{{1,2}})|quy (?P<{0}q>i{{1,3}}|iv|[1-4]))"
    + _OF_YEAR
    + r"|(?P<{0}n>nam ))"
)
_SPAN = re.compile(
    r"(?P<tu>\b(?:bat dau )?tu )?\b"
    + _SPAN_END.format("a")
    + r"(?P<ay>(?:19|20)\d{2}) ?(?:-|–|den|toi) ?(?:het |cuoi )?"
    + _SPAN_END.format("b")
    + r"?(?P<by>(?:19|20)\d{2})\b"
)


def _span_end(m: re.Match[str], side: str, first: bool) -> str | None:
    """The first day (`first`) or the last of one end of a `_SPAN` match: its month, its
    quarter or its whole year; None for a month that is none."""
    y = int(m.group(f"{side}y"))
    if m.group(f"{side}m"):
        m1 = m2 = int(m.group(f"{side}m"))
        if not 1 <= m1 <= 12:
            return None
    elif m.group(f"{side}q"):
        q = _quarter(m.group(f"{side}q")) or 1
        m1, m2 = 3 * q - 2, 3 * q
    else:
        m1, m2 = 1, 12
    start, end = _window(y, m1, y, m2)
    return start if first else end


@lru_cache(maxsize=1)
def _school_periods() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """A school year or one of its terms named by its two years (lexicon
    `time.school_periods`), over the folded wording, and each folded name's first and last
    day (`N/MM-DD`). `tu` before it makes a start, `den het` a deadline, `và các năm (học)
    tiếp theo` after it a start too."""
    days: dict[str, tuple[str, str]] = {}
    for period in lexicon.tables()["time"]["school_periods"]:
        for name in period["names"]:
            days[fold(name)] = (period["start"], period["end"])
    names = "|".join(re.escape(n) for n in sorted(days, key=lambda n: (-len(n), n)))
    return (
        re.compile(
            r"(?P<tu>\b(?:bat dau )?tu )?(?P<den>\b(?:den|truoc) (?:het |cuoi )?)?"
            rf"\b(?P<name>{names})(?:,? (?:cua )?nam hoc)? "
            + r"(?P<y1>(?:19|20)\d{2}) ?(?:-|–|/) ?(?P<y2>(?:19|20)\d{2})\b"
            r"(?P<on>,? (?:va|den) cac nam (?:hoc )?tiep theo)?"
        ),
        days,
    )


@lru_cache(maxsize=1)
def _following_years_re() -> re.Pattern[str]:
    """A year (or a span of two) and the years after it, over the folded wording: `Năm 2027
    và các năm tiếp theo`, `2026 - 2027 và những năm tiếp theo`, and with the work's keeping
    on named between (`Trong năm 2026 và duy trì các năm tiếp theo`; lexicon
    `time.ongoing_links`): the work starts in the first year and goes on, the schema's
    `from`."""
    links = lexicon.alternation("time.ongoing_links", fold_words=True)
    return re.compile(
        r"(?:\bnam )?(?:"
        + _Y
        + r" ?(?:-|–) ?)?"
        + _Y
        + rf",? (?:va|den) (?:{links} )?(?:trong )?(?:cac|nhung) nam tiep theo"
    )


def _school_day(spec: str, y1: int) -> str:
    """`2/05-31` in the school year 2026 - 2027 -> `2027-05-31`."""
    which, _, month_day = spec.partition("/")
    return f"{y1 + int(which) - 1:04d}-{month_day}"


# "ngày 01 tháng 7 năm 2028" (folded): read as "ngày 01/7/2028"
_WRITTEN_DATE = re.compile(r"\bngay (\d{1,2}) thang (\d{1,2}) nam ((?:19|20)\d{2})\b")


@lru_cache(maxsize=1)
def _time_of_day_re() -> re.Pattern[str]:
    """A part of the day or a clock time closing the words before a date (`Sáng 14/11/2026`,
    `chiều ngày 13/11`, `08h00, 05/12/2026`; the lexicon's `time.day_parts` and `time.clock`),
    over the lower-cased text as printed: folded, `tối` (evening) would be `tới` (until)."""
    parts = lexicon.alternation("time.day_parts")
    clock = lexicon.mapping("time")["clock"]
    return re.compile(rf"(?:^|[\s,;(])(?:{parts}|{clock})\s*,?\s*(?:ngày\s*)?$")


def _at_time_of_day(raw: str, folded: str, at: int) -> bool:
    """Whether the date at `at` of the folded wording follows a part of the day or a clock
    time: an event's one day, not a deadline (`Sáng 14/11/2026` is 14 November only)."""
    low = raw.lower()
    return len(low) == len(folded) and _time_of_day_re().search(low[:at]) is not None


def _window(y1: int, m1: int, y2: int, m2: int, d2: int | None = None) -> tuple[str, str]:
    last = d2 or calendar.monthrange(y2, m2)[1]
    return f"{y1:04d}-{m1:02d}-01", f"{y2:04d}-{m2:02d}-{last:02d}"


def _tf(
    raw: str, kind: str, start: str | None = None, end: str | None = None, every: str | None = None
) -> Timeframe:
    return Timeframe(raw=raw, kind=kind, start=start, end=end, every=every)  # type: ignore[arg-type]


def _quarter(q: str) -> int | None:
    q = q.lower()
    return _ROMAN.get(q) or (int(q) if q.isdigit() and 1 <= int(q) <= 4 else None)


# A roman quarter as OCR reads it: I as 1, l or | (`quý 1V/2023`, `quý 11/2026`).
_OCR_QUARTER = re.compile(r"\bquy ([1il|v]{1,3})(?=\s*/|\s+nam\b)")


def _ocr_quarter(m: re.Match[str]) -> str:
    """`quy 1v` -> `quy iv`, `quy 11` -> `quy ii` (no quarter 11); `quy 1` stays."""
    got = m.group(1)
    if got == "1":
        return m.group(0)
    mended = got.replace("1", "i").replace("l", "i").replace("|", "i")
    return f"quy {mended}" if mended in _ROMAN else m.group(0)


def _valid_date(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


# standing work with no period of its own (`thường xuyên`, `liên tục`), folded: the schema's
# `continuous`, asked both of a first clause and of the whole wording
_STANDING_RE = re.compile(r"\bthuong xuyen\b|\blien tuc\b")


# A pure reading of the wording and the year (a frozen value; the lexicon is loaded once):
# cached, as a document's task rows and paragraphs repeat their times (`Hằng năm`, `Năm 2026`).
@lru_cache(maxsize=4096)
def parse_timeframe(raw: str | None, doc_year: int | None = None) -> Timeframe:
    """Read a timeframe wording; `doc_year` dates the start of `trước ngày …` deadlines."""
    if raw is None or not clean(raw):
        return Timeframe()
    raw = clean(raw).strip(" .;,")
    f = _WRITTEN_DATE.sub(r"ngay \1/\2/\3", fold(raw))
    if "quy " in f:
        f = _OCR_QUARTER.sub(_ocr_quarter, f)
    if re.search(r"\b(hang|moi) (nam|thang|quy)\b|\bnam sau\b", f):
        every = re.search(r"\b(?:hang|moi) (nam|thang|quy)\b", f)
        unit = every.group(1) if every else "nam"
        if re.search(r"truoc ngay \d{1,2}\b(?!/)", f) and "hang thang" in f:
            unit = "thang"
        return _tf(
            raw, "recurring", every={"nam": "year", "thang": "month", "quy": "quarter"}[unit]
        )
    if re.search(r"\bthuong xuyen\b", f) and re.search(r"\byeu cau\b", f):
        return _tf(raw, "on_request")
    if re.search(r"\b(dinh ky )?theo yeu cau\b|\bkhi co yeu cau\b", f):
        return _tf(raw, "on_request")
    # "Thường xuyên; hồ sơ … hoàn thành năm 2027": a standing time stated in a clause of its
    # own before any date is the first period stated, so it decides (a date in the same clause,
    # "thường xuyên từ năm 2026", says when the standing work begins and is read below)
    head = re.split(r"[;,]", f, maxsplit=1)[0]
    if head != f and _STANDING_RE.search(head) and _first_period(raw, head, doc_year) is None:
        return _tf(raw, "continuous")
    first = _first_period(raw, f, doc_year)
    if first is not None:
        return first
    if _STANDING_RE.search(f):
        return _tf(raw, "continuous")
    return _tf(raw, "unknown")


def _first_period(raw: str, f: str, doc_year: int | None) -> Timeframe | None:
    """The first date or period stated in the wording, as a window/from."""
    candidates: list[tuple[int, Timeframe]] = []
    spans: dict[int, Timeframe] = {}  # a span between two periods (`_SPAN`) by where it begins

    def add(pos: int, tf: Timeframe) -> None:
        candidates.append((pos, tf))

    # "Từ năm 2027"; not "từ năm 2026 đến năm 2030" (a window, read below)
    for m in re.finditer(
        r"\b(?:tu|bat dau tu)(?: nam)? " + _Y + r"(?! ?(?:-|–|den|toi) ?(?:nam )?\d)", f
    ):
        add(m.start(), _tf(raw, "from", f"{m.group(1)}-01-01"))
    # "từ tháng 5/2026"; not "từ tháng 3/2025 đến tháng 5/2025" (a window, read below)
    for m in re.finditer(
        r"\btu thang (\d{1,2})(?: ?/ ?| nam )"
        + _Y
        + r"(?! ?(?:-|–|den|toi) ?(?:het )?(?:thang )?\d)",
        f,
    ):
        mo, y = int(m.group(1)), int(m.group(2))
        if 1 <= mo <= 12:
            add(m.start(), _tf(raw, "from", f"{y:04d}-{mo:02d}-01"))
    for m in re.finditer(r"\b(?:den|truoc) (?:het |cuoi )?nam " + _Y, f):
        y = int(m.group(1))
        add(m.start(), _tf(raw, "window", *_window(min(doc_year or y, y), 1, y, 12)))
    # "Năm 2027 và các năm tiếp theo", "2026 - 2027 và các năm tiếp theo", "Trong năm 2026 và
    # duy trì các năm tiếp theo": from the first year
    for m in _following_years_re().finditer(f):
        add(m.start(), _tf(raw, "from", f"{m.group(1) or m.group(2)}-01-01"))
    # a school year or a term ("Năm học 2026 - 2027", "Học kỳ II năm học 2026-2027"): one period
    # named by two years, its own first and last day (not the window of two calendar years);
    # "từ năm học …", "… và các năm học tiếp theo" from its first day; "đến hết năm học …" up to
    # its last, from the document's year as `Đến hết năm 2030`
    school, school_days = _school_periods()
    for m in school.finditer(f):
        y1 = int(m.group("y1"))
        if int(m.group("y2")) != y1 + 1:
            continue
        opens, closes = (_school_day(spec, y1) for spec in school_days[m.group("name")])
        if m.group("tu") or m.group("on"):
            add(m.start(), _tf(raw, "from", opens))
        elif m.group("den"):
            add(m.start(), _tf(raw, "window", min(f"{doc_year or y1:04d}-01-01", opens), closes))
        else:
            add(m.start(), _tf(raw, "window", opens, closes))
    for m in re.finditer(_Y + r" ?(?:-|–|den|toi) ?(?:nam )?" + _Y, f):
        y1, y2 = int(m.group(1)), int(m.group(2))
        if y1 <= y2:
            add(m.start(), _tf(raw, "window", *_window(y1, 1, y2, 12)))
    for m in re.finditer(r"\bquy (i{1,3}|iv|[1-4])\b" + _OF_YEAR + _Y, f):
        q = _quarter(m.group(1))
        if q:
            y = int(m.group(2))
            add(m.start(), _tf(raw, "window", *_window(y, 3 * q - 2, y, 3 * q)))
    # "Quý I - II/2026", "từ quý I đến quý II/2026": from the first quarter's start to the
    # last's end; a list ("quý III và IV năm 2026", "Quý I, III/2026") is several periods, and
    # the schema says the first stated decides
    for m in re.finditer(
        r"\bquy (i{1,3}|iv|[1-4]) ?(-|–|den|va|,) ?(?:quy )?(i{1,3}|iv|[1-4])\b(?: ?/ ?| nam )"
        + _Y,
        f,
    ):
        q1, q2, y = _quarter(m.group(1)), _quarter(m.group(3)), int(m.group(4))
        if q1 and q2 and q1 < q2:
            q2 = q1 if m.group(2) in ("va", ",") else q2
            add(m.start(), _tf(raw, "window", *_window(y, 3 * q1 - 2, y, 3 * q2)))
    # "Tháng 6, 7/2026", "tháng 6 và 7 năm 2026": several periods, the first decides
    for m in re.finditer(
        r"\bthang (\d{1,2}) ?(?:va|,) ?(?:thang )?(\d{1,2})(?: ?/ ?| nam )" + _Y, f
    ):
        m1, m2, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= m1 < m2 <= 12:
            add(m.start(), _tf(raw, "window", *_window(y, m1, y, m1)))
    # "Tháng 6 - 8/2026", "từ tháng 3 đến hết tháng 5/2025", "từ tháng 11/2025 đến tháng
    # 02/2026": from the first month's start to the last's end
    for m in re.finditer(
        r"\bthang (\d{1,2})(?: ?/ ?" + _Y + r")? ?(?:-|–|den|toi) ?(?:het |cuoi )?(?:thang )?"
        r"(\d{1,2})(?: ?/ ?| nam )" + _Y,
        f,
    ):
        m1, m2, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        y1 = int(m.group(2)) if m.group(2) else y
        if 1 <= m1 <= 12 and 1 <= m2 <= 12 and (y1, m1) < (y, m2):
            add(m.start(), _tf(raw, "window", *_window(y1, m1, y, m2)))
    # "từ tháng 7/2027 đến năm 2030", "từ quý II/2026 đến quý I/2027", "từ năm 2026 đến hết
    # tháng 6/2027": one span from the first period's start to the last's end, whatever each
    # end's unit (same-unit spans of months or years are read above too)
    for m in _SPAN.finditer(f):
        if not m.group("tu") and not (m.group("bm") or m.group("bq") or m.group("bn")):
            continue
        first, last = _span_end(m, "a", True), _span_end(m, "b", False)
        if first is not None and last is not None and first < last:
            spans[m.start()] = _tf(raw, "window", first, last)
            add(m.start(), spans[m.start()])
    for m in re.finditer(r"\b(6|06|sau) thang (dau|cuoi) nam " + _Y, f):
        y = int(m.group(3))
        first_half = m.group(2) == "dau"
        add(
            m.start(),
            _tf(raw, "window", *(_window(y, 1, y, 6) if first_half else _window(y, 7, y, 12))),
        )
    for m in re.finditer(r"\bquy (i{1,3}|iv|[1-4])\b(?: ?/ ?| nam | cua nam )" + _Y, f):
        q = _quarter(m.group(1))
        if q and re.search(r"\b(?:tu|bat dau tu)\s*$", f[: m.start()]):
            add(m.start() - 1, _tf(raw, "from", f"{int(m.group(2)):04d}-{3 * q - 2:02d}-01"))
    for m in _DAY_RANGE.finditer(f):
        d1, d2, mo2, y = int(m.group(1)), int(m.group(4)), int(m.group(5)), int(m.group(6))
        mo1 = int(m.group(2)) if m.group(2) else mo2
        y1 = int(m.group(3)) if m.group(3) else y
        if _valid_date(y1, mo1, d1) and _valid_date(y, mo2, d2):
            add(
                m.start(),
                _tf(raw, "window", f"{y1:04d}-{mo1:02d}-{d1:02d}", f"{y:04d}-{mo2:02d}-{d2:02d}"),
            )
    for m in re.finditer(r"\b(?:ngay )?(\d{1,2})/(\d{1,2})/" + _Y, f):
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if not _valid_date(y, mo, d):
            continue
        day = f"{y:04d}-{mo:02d}-{d:02d}"
        before = f[: m.start(1)]
        if re.search(r"\btu (?:ngay ?)?$", before):
            # "Từ ngày 20/8/2026", "Từ 15/10/2026" (no end: a range is read above)
            add(m.start(), _tf(raw, "from", day))
        elif not _OCCASION_BEFORE.search(before) and (
            _DEADLINE_BEFORE.search(before)
            or not (before.endswith(("ngay ", "ngay")) or _at_time_of_day(raw, f, m.start(1)))
        ):
            start_year = doc_year or y
            add(m.start(), _tf(raw, "window", f"{min(start_year, y):04d}-01-01", day))
        else:  # one event day: "Ngày 10/10/2026", "Sáng ngày 10/10/2026"
            add(m.start(), _tf(raw, "window", day, day))
    for m in re.finditer(r"\bthang (\d{1,2})" + _OF_YEAR + _Y, f):
        mo, y = int(m.group(1)), int(m.group(2))
        if 1 <= mo <= 12:
            add(m.start(), _tf(raw, "window", *_window(y, mo, y, mo)))
    for m in re.finditer(
        r"\bnam "
        + _Y
        + r"\b(?! ?(?:-|–|den|toi) ?(?:nam )?\d{4})(?!,? (?:va|den) cac nam)|^"
        + _Y
        # a cell of years alone ("2026, 2027"): the first stated decides
        + r"(?=$| ?(?:,|;|va) ?(?:nam )?(?:19|20)\d{2}\b)",
        f,
    ):
        y = int(m.group(1) or m.group(2))
        add(m.start(), _tf(raw, "window", *_window(y, 1, y, 12)))
    month = re.fullmatch(r"(\d{1,2}) ?/ ?" + _Y, f)
    if month and 1 <= int(month.group(1)) <= 12:
        # a time cell holding a month and year alone ("04/2026"): that month
        mo, y = int(month.group(1)), int(month.group(2))
        add(0, _tf(raw, "window", *_window(y, mo, y, mo)))
    if not candidates and doc_year:
        # "Từ ngày 22/5 đến ngày 24/5" with no year: a window of days of the document's year
        for m in _YEARLESS_DAY_RANGE.finditer(f):
            d1, mo1, d2, mo2 = (int(g) for g in m.groups())
            if _valid_date(doc_year, mo1, d1) and _valid_date(doc_year, mo2, d2):
                first_day = f"{doc_year:04d}-{mo1:02d}-{d1:02d}"
                last_day = f"{doc_year:04d}-{mo2:02d}-{d2:02d}"
                if first_day <= last_day:
                    add(m.start(), _tf(raw, "window", first_day, last_day))
                    break
        # "trước ngày 30/6", "ngày 19/4" with no year: a deadline or an event day of the
        # document's own year
        for m in re.finditer(r"\bngay (\d{1,2})/(\d{1,2})\b(?!/)", f):
            d, mo = int(m.group(1)), int(m.group(2))
            if not _valid_date(doc_year, mo, d):
                continue
            day = f"{doc_year:04d}-{mo:02d}-{d:02d}"
            deadline = _DEADLINE_BEFORE.search(f[: m.start()])
            add(m.start(), _tf(raw, "window", f"{doc_year:04d}-01-01" if deadline else day, day))
            break
        # "Tháng 9", "Quý III" with no year: the document's own
        bare = re.match(r"(?:trong |vao )?(?:thang (\d{1,2})|quy (i{1,3}|iv|[1-4]))$", f)
        if bare and bare.group(1) and 1 <= int(bare.group(1)) <= 12:
            mo = int(bare.group(1))
            add(0, _tf(raw, "window", *_window(doc_year, mo, doc_year, mo)))
        elif bare and bare.group(2) and (q := _quarter(bare.group(2))):
            add(0, _tf(raw, "window", *_window(doc_year, 3 * q - 2, doc_year, 3 * q)))
    if not candidates:
        return None
    # "từ tháng 7/2027 đến năm 2030" is no start alone, "quý II/2026 - quý I/2027" no quarter
    # alone: a span read where they begin decides
    candidates.sort(key=lambda c: (c[0], spans.get(c[0]) is not c[1], c[1].kind != "from"))
    return candidates[0][1]


@lru_cache(maxsize=1)
def _phase_re() -> re.Pattern[str]:
    """A phase's name at a heading's start (`giai đoạn 1`, `bước ii`, `đợt thứ 2`, `giai
    đoạn chuẩn bị`; lexicon `time.phase_words`), over the lower-cased heading: not a span of
    years (`giai đoạn 2026 - 2030` names no phase)."""
    words = lexicon.alternation("time.phase_words")
    return re.compile(
        rf"^{words}\s+(?:thứ\s+)?(?:\d{{1,2}}|[ivx]{{1,4}}|[^\W\d]+(?:\s+[^\W\d]+){{0,2}})"
        r"(?=[\s(:,.–-]|$)\s*"
    )


@lru_cache(maxsize=1)
def _phase_time_opening_re() -> re.Pattern[str]:
    return re.compile(rf"^(?:{lexicon.alternation('time.phase_time_openings')}\s|\d)")


def phase_time(title: str) -> str | None:
    """The time of a phase heading (`Giai đoạn 1 (từ tháng 4 đến tháng 6/2026): Khảo sát`,
    `Bước 2: Quý III/2026 - Tổng hợp`, `Đợt 3 từ tháng 9/2026 đến quý I/2027: …`): the
    wording in brackets right after the phase's name, or after it (a colon between) up to the
    next colon, bracket, `;` or a dash before a capital; None when the heading names no phase
    or that wording states no time."""
    low = title.lower()
    m = _phase_re().match(low) if len(low) == len(title) else None
    if m is None:
        return None
    rest = title[m.end() :]
    if rest.startswith("("):
        inner, closed, _ = rest[1:].partition(")")
        wording = inner.strip() if closed else ""
    else:
        wording = re.split(r"\s*[:;()]", rest.lstrip(" :,.–-"), maxsplit=1)[0]
        for dash in re.finditer(r"\s[-–]\s+(?=\w)", wording):
            if wording[dash.end()].isupper():  # "Quý III/2026 - Tổng hợp": the subject follows
                wording = wording[: dash.start()]
                break
        wording = wording.strip(" .,")
        if not _phase_time_opening_re().match(wording.lower()):
            return None
    if not wording or parse_timeframe(wording).kind == "unknown":
        return None
    return wording


def parse_span(start: str | None, end: str | None, doc_year: int | None = None) -> Timeframe:
    """The time of a row that gives it in two cells, when the work starts and when it ends
    (`Quý III/2026 | Quý IV/2027`): one span from the start of the first cell's period to the
    end of the second's; `raw` is `<start> - <end>`. A recurring wording in either cell makes
    it recurring; a dated start with an open end (`Quý II/2026 | Thường xuyên`) runs from that
    start; two standing cells (`Thường xuyên | Thường xuyên`) are continuous."""
    start, end = clean(start or ""), clean(end or "")
    if not start or not end:
        return parse_timeframe(start or end or None, doc_year)
    raw = f"{start} - {end}"
    whole = parse_timeframe(raw, doc_year)
    if whole.kind in ("recurring", "on_request"):
        return whole
    first, last = parse_timeframe(start, doc_year), parse_timeframe(end, doc_year)
    if first.kind == "unknown" or (first.kind == "continuous" and last.kind != "continuous"):
        return _tf(raw, last.kind, last.start, last.end, last.every)
    if first.start and last.kind == "continuous":
        return _tf(raw, "from", first.start)
    if first.start and last.kind == "window" and last.end and first.start <= last.end:
        return _tf(raw, "window", first.start, last.end)
    return _tf(raw, first.kind, first.start, first.end, first.every)
