"""Reporting duties (chế độ báo cáo): who reports to whom, how often, by when."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import lru_cache

from kehoach.extract.agencies import (
    agency_phrase,
    body_of_position,
    canonical,
    current_province,
    own_department,
    parse_list,
    starts_with_agency,
    starts_with_group,
    take_agencies,
)
from kehoach.extract.assignments import read_heading
from kehoach.extract.outline import BULLET_MARKS, Para, Section
from kehoach.extract.readings import after_adverbial
from kehoach.extract.segments import is_closing
from kehoach.extract.targets import objective_sections, reviews_results
from kehoach.intake.document import Table
from kehoach.model import ReportingDuty
from kehoach.text import lexicon
from kehoach.text.normalize import fold_chars

_REPORT = re.compile(r"\bbao cao\b")


def _alt(name: str) -> str:
    """A `reporting` list of the lexicon as a regex alternation of its folded words."""
    return lexicon.alternation(f"reporting.{name}", fold_words=True)


@lru_cache(maxsize=1)
def _duty_hint() -> re.Pattern[str]:
    return re.compile(
        rf"\bbao cao\b.{{0,80}}?\b(?:{_alt('duty_hints')}|{_alt('duty_hint_bodies')} )"
        rf"|\b{_alt('duty_hints_before')}\b.{{0,40}}\bbao cao\b"
    )


@lru_cache(maxsize=1)
def _hint_body_re() -> re.Pattern[str]:
    return re.compile(rf"\b{_alt('duty_hint_bodies')}\b")


def _hints_duty(sentence: str, f: str) -> bool:
    """Whether a sentence (`f`: `_folded`) holds a word that makes its `báo cáo` a duty
    (`_duty_hint`); a body's first word only as written (`báo cáo Sở …`), not a word that
    folds like it (`báo cáo sơ kết`, `báo cáo bổ sung`)."""
    bodies = lexicon.words("reporting.duty_hint_bodies")
    for m in _hint_body_re().finditer(f):
        if sentence[m.start() : m.end()] not in bodies:
            f = f[: m.start()] + "_" * (m.end() - m.start()) + f[m.end() :]
    return _duty_hint().search(f) is not None


@lru_cache(maxsize=1)
def _to_words() -> re.Pattern[str]:
    """What a clause names the body it reports to after: `báo cáo` or a `to_words`."""
    return re.compile(rf"\bbao cao\s+|\b{_alt('to_words')}\s+")


@lru_cache(maxsize=1)
def _general_call() -> re.Pattern[str]:
    # `chế độ thông tin, báo cáo`: the name of the reporting regime, not a word list
    return re.compile(rf"\b{_alt('general_calls')}\s+(che do\s+)?(thong tin,?\s+)?bao cao\b")


@lru_cache(maxsize=1)
def _timing() -> re.Pattern[str]:
    # as written, on the lower-cased sentence: folded, `quý` is the `quy` of `quy định`
    return re.compile(rf"\b{lexicon.alternation('reporting.timing_words')}\b")


@lru_cache(maxsize=1)
def _not_duty() -> re.Pattern[str]:
    # a report that asks a superior to decide or to fund (`báo cáo UBND tỉnh xem xét, giải
    # quyết`, `báo cáo UBND bố trí kinh phí`): a request, not a duty to report
    return re.compile(
        rf"\b{_alt('requests')}\b"
        rf"|\bbao cao (?:{_alt('request_superiors')}[^.;,]{{0,30}}? )?(?:de )?"
        rf"{_alt('request_verbs')}\b"
    )


@lru_cache(maxsize=1)
def _report_form_re() -> re.Pattern[str]:
    """What a report is written on or made with (`đề cương báo cáo`, `mẫu báo cáo`, `Hệ thống
    thông tin báo cáo`; lexicon `reporting.report_forms`), and who gives talks (`báo cáo
    viên`; `reporting.report_persons`), folded."""
    return re.compile(rf"\b(?:{_alt('report_forms')}|{_alt('report_persons')})\b")


def _folded(sentence: str) -> str:
    """The sentence folded and lower-cased, its `báo cáo` blanked where it only names what a
    report is written on (`Xây dựng đề cương báo cáo, gửi các đơn vị …`) or a lecturer
    (`báo cáo viên`): sending the outline or the form, training the lecturers, asks no one to
    report. Offsets stay those of the sentence."""
    f = fold_chars(sentence).lower()
    return _report_form_re().sub(lambda m: m.group(0).replace("bao cao", "_" * 7), f)


def _asks_superior(f: str) -> bool:
    """A folded clause that asks a superior to decide or to fund; the body a report goes
    through, in brackets, does not hide the request (`báo cáo Giám đốc Sở (qua Văn phòng Sở)
    để xem xét, giải quyết`)."""
    return _not_duty().search(re.sub(r"\s*\([^()]*\)", "", f)) is not None


# reports asked for when needed: the `ad_hoc` period, and what keeps a compiler's report its own
@lru_cache(maxsize=1)
def _ad_hoc_re() -> re.Pattern[str]:
    return re.compile(rf"\b{_alt('ad_hoc')}\b")


def _period_re(every: str) -> str:
    return rf"\b{lexicon.alternation(f'reporting.periods.{every}', fold_words=True)}\b"


@lru_cache(maxsize=1)
def _periods() -> list[tuple[re.Pattern[str], str]]:
    """Each period's pattern and its name, in the order they are looked for."""
    return [
        (re.compile(_period_re("half_year")), "half_year"),
        (re.compile(_period_re("quarter")), "quarter"),
        (re.compile(_period_re("month")), "month"),
        (
            re.compile(
                _period_re("year")
                # "6 tháng (trước ngày 10/6) và năm (trước ngày 05/12)": not "6 tháng đầu năm"
                + r"|(?<!dau )(?<!cuoi )\bnam (?=\(?truoc ngay \d)"
            ),
            "year",
        ),
        (_ad_hoc_re(), "ad_hoc"),
        # the report on the plan's final review, asked for alongside the periodic ones, also
        # when more of the review is named after it ("tổng kết, đánh giá …, báo cáo …"); a
        # review every so many years ("5 năm tổng kết") is no one-off
        (re.compile(r"(?<!so ket, )(?<!so ket va )(?<!nam )\btong ket\b(?! nam\b)"), "once"),
    ]


# "2. Giao Sở X …", "2. Sở X tổng hợp …": the item's marker and an opening that hands the
# work to the subject
@lru_cache(maxsize=1)
def _opening() -> re.Pattern[str]:
    return re.compile(
        r"^(?:[\dIVX]+[.)]\s*|["
        + re.escape(BULLET_MARKS)
        + r"]\s*)?(?:"
        + lexicon.alternation("reporting.subject_openings")
        + r"\s+)?",
        re.I,
    )


@lru_cache(maxsize=1)
def _due_re() -> re.Pattern[str]:
    """`trước ngày D/M[/Y]`, `chậm nhất ngày D/M/Y` (lexicon `reporting.due_openings`), folded."""
    return re.compile(
        rf"\b{_alt('due_openings')} (\d{{1,2}})\s*/\s*(\d{{1,2}})(?:\s*/\s*(\d{{4}}))?"
    )


# "trước ngày 20 hằng tháng": a day of the month, not a date
_MONTH_DUE = re.compile(r"\btruoc ngay (\d{1,2})\b(?!\s*/)")
_MORE_DUE = re.compile(
    r"\s*(?:,|va|hoac)\s*(?:ngay\s*)?(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?"
)


def _sentences(sec: Section, results: bool = True) -> list[tuple[str, str, str | None, str | None]]:
    """(clause, its item, the agency heading it stands under, the clauses before it in the
    same sentence) of a section, headings included: a later clause that names no body to
    report to (`…; báo cáo tổng kết gửi trước ngày 30/9/2030`) goes where the first that
    names one does, however many clauses stand between. Without `results`, the sections
    under it that report results (`reviews_results`) are left out."""
    out: list[tuple[str, str, str | None, str | None]] = []
    head = [(sec.title, _nobody)] if _sentence_like(sec.title) else []
    for item, owner in [*head, *_items(sec, _owner_named(sec.title, _nobody), results)]:
        # a clause asks for a report only when it says so (`_duties_in`): the items that do
        # not say `báo cáo` are not cut into clauses, nor their heading's agency read
        if "bao cao" not in fold_chars(item).lower():
            continue
        previous: str | None = None  # the item's sentence before, for one naming no body
        for s in re.split(r"(?<=[.;])\s+(?=[A-ZĐ])|(?<=\.)\s+", item):
            clauses = _clauses(s)
            # "… báo cáo … về Ban X (qua Ban Y). Riêng báo cáo sơ kết 01 năm gửi trước ngày
            # 15/11/2026.": a sentence that names no body goes where the one before it does
            out.extend(
                (c, item, owner(), "; ".join(clauses[:i]) if i else previous)
                for i, c in enumerate(clauses)
            )
            if _REPORT.search(_folded(s)):  # not an item's bare marker (`2.`)
                previous = s
    return out


Owner = Callable[[], str | None]  # the agency whose heading an item stands under, read on demand


def _nobody() -> None:
    return None


def _owner_named(title: str, outer: Owner) -> Owner:
    """The agency a heading names, else the one over it (`outer`), read when first asked."""
    return lambda: _heading_agency(title) or outer()


def _items(sec: Section, owner: Owner, results: bool = True) -> Iterator[tuple[str, Owner]]:
    """A section's paragraphs and sub-headings in order, each with the agency whose heading
    it stands under (`1. Sở Văn hóa, Thể thao và Du lịch` then `- Tổng hợp, báo cáo …`);
    without `results`, not those of a section reporting results (`_sentences`)."""
    for block in sec.blocks:
        if isinstance(block, Table):
            continue
        # a closing paragraph that asks every agency to carry the plan out (`Yêu cầu các cơ
        # quan, đơn vị … khẩn trương thực hiện; định kỳ … báo cáo …`) speaks to all: the
        # heading it happens to follow does not report through it
        yield block.text, (_nobody if is_closing(block, block.text) else owner)
    for child in sec.children:
        if not results and reviews_results(child.title):
            continue
        if _sentence_like(child.title) or not _reporting_heading(child):
            # "2. Chế độ báo cáo" heads the duties; it states none
            yield f"{child.num}. {child.title}".strip(". "), owner
        yield from _items(child, _owner_named(child.title, owner), results)


def _reporting_heading(sec: Section) -> bool:
    """A section of the plan's outline that heads its reporting duties (`2. Chế độ báo cáo`)."""
    return (
        sec.kind in ("roman", "decimal")
        and sec.level <= 2
        and _REPORT.search(fold_chars(sec.title).lower()) is not None
    )


def _sentence_like(title: str) -> bool:
    """A heading that reads as a sentence ("3. Báo cáo đột xuất khi có yêu cầu.") and may state
    a duty; "Chế độ báo cáo" is no duty, nor is a heading in capitals, however long it runs."""
    return (len(title) > 80 or title.endswith((".", ";"))) and not title.isupper()


def _heading_agency(title: str) -> str | None:
    """The agency a heading names and nothing else (`1. Sở Văn hóa, Thể thao và Du lịch:`),
    or the one a heading introducing the items under it hands them to."""
    return _heading_agency_of(title, current_province())


@lru_cache(maxsize=1024)  # asked again for each enclosing section's sentences
def _heading_agency_of(title: str, province: str | None) -> str | None:
    """`_heading_agency` for a document of `province` (a name of another province is kept
    whole: the cache must not give one document's reading to another's)."""
    heading = read_heading(title) if title else None
    # a sentence that hands the items below it to its subject ("1. Giao Ủy ban nhân dân tỉnh
    # tổ chức thực hiện …, trong đó tập trung một số nội dung sau:") heads them as well
    intro = heading is not None and title.rstrip().endswith(":")
    lead = heading[0].lead if heading and (not heading[1] or intro) else []
    return lead[0] if lead else None


def _clauses(sentence: str) -> list[str]:
    """A sentence cut at `;` into clauses that each ask for a report (`…; hằng năm, tham mưu …
    báo cáo HĐND tỉnh …; đồng thời, chỉ đạo sơ kết, tổng kết và báo cáo Bộ Công an …`); a clause
    without `báo cáo` stays with the one after it (it states its period or its subject)."""
    parts = re.split(r"\s*;\s+", sentence)
    if len(parts) < 2:
        return [sentence]
    out: list[str] = []
    pending = ""
    for part in parts:
        pending = f"{pending}; {part}" if pending else part
        if _REPORT.search(fold_chars(part).lower()):
            out.append(pending)
            pending = ""
    if pending:
        out = [*out[:-1], f"{out[-1]}; {pending}"] if out else [pending]
    return out


def _duties_in(
    sentence: str, item: str, owner: str | None = None, before: str | None = None
) -> list[ReportingDuty]:
    """The duties a clause asks for; one that names no body to report to (`…; báo cáo đột
    xuất khi có yêu cầu`) goes where the clause before it in the sentence (`before`) goes."""
    f = _folded(sentence)
    if not _REPORT.search(f) or _asks_superior(f) or not _hints_duty(sentence, f):
        return []
    if _general_call().search(f) and not _timing().search(sentence.lower()):
        return []
    found: list[tuple[int, str]] = []
    for rx, every in _periods():
        found.extend(
            (m.start(), every)
            for m in rx.finditer(f)
            if every != "once" or _REPORT.search(_clause_at(f, m.start()))
        )
    found.sort()
    # a clause joined to the report's (`… chương trình kiểm tra hằng năm …; báo cáo … khi có
    # yêu cầu`) states the report's period only when the report's own clause states none
    own = f.rfind("; ", 0, f.find("bao cao")) + 1
    if own and any(pos >= own for pos, _ in found):
        found = [(pos, every) for pos, every in found if pos >= own]
    dues = _due_dates(f)
    relay = re.search(r"\bde tong hop\b[^.;]*?\bbao cao\b", f)
    if relay and any(d[0] > relay.end() for d in dues):
        # "… về Sở X trước ngày 05/6 và 05/12 để tổng hợp, báo cáo UBND tỉnh trước ngày 20/6
        # và 20/12": one duty stated twice; it is due at the body it ends at
        dues = [d for d in dues if d[0] > relay.end()]
    elif relay and dues and any(pos >= relay.end() for pos, _ in found):
        # "… về Sở (qua Văn phòng Sở) trước ngày 15/6/2026 để tổng hợp, xây dựng báo cáo sơ
        # kết 6 tháng …": a period named after the relay, with the due before it, is the
        # compiler's own report, not the period of the one asked for
        found = [(pos, every) for pos, every in found if pos < relay.start()]
    duties: list[ReportingDuty] = []
    recipients, via = _to_via(sentence, item, owner)
    to = recipients[0] if recipients else None
    if before is not None and (to is None or via is None):
        # "Sở X báo cáo UBND tỉnh …; báo cáo Bộ Y khi có yêu cầu": a clause that names no body
        # to report to, or no one who reports, has those of the clause before it (the first
        # it reports to)
        before_to, before_via = _to_via(before, item, owner)
        to = to or (before_to[0] if before_to else None)
        via = via or (before_via if before_via != to else None)
    periodic = [(pos, every) for pos, every in found if every != "ad_hoc"]
    yearly = [d for d in dues if d[3] is None]  # day and month only: a recurring due
    paired: dict[int, tuple] = {}
    if periodic and len(yearly) == len(periodic):
        # "6 tháng, hằng năm (trước ngày 15/6 và 15/12)", "trước ngày 15/11 hằng năm":
        # the periods and the dates in the order written
        paired = {pos: due for (pos, _), due in zip(periodic, yearly, strict=True)}
    elif not periodic and len(yearly) == 2 and yearly[0][2] <= 7 and yearly[1][2] >= 11:
        # "trước ngày 20/6 và 20/12" with no period named: the mid-year and the annual report
        found = sorted([*found, (yearly[0][0], "half_year"), (yearly[1][0], "year")])
        paired = {yearly[0][0]: yearly[0], yearly[1][0]: yearly[1]}
    elif [e for _, e in periodic] == ["year"] and len(yearly) == 2:
        # "trước ngày 15/6 và 15/12 hằng năm": the mid-year report, then the annual one
        found = [(yearly[0][0], "half_year"), *found]
        paired = {yearly[0][0]: yearly[0], periodic[0][0]: yearly[1]}
        found.sort()
    by_period: dict[str, ReportingDuty] = {}
    used: list[tuple] = []
    # a clause that names no recurrence (`định kỳ`, `hằng năm`) asks for a report on a period
    # once when its due date has a year: "báo cáo kết quả thực hiện 6 tháng đầu năm trước ngày
    # 15/6/2026" (a one-year plan's mid-year report), "… cả năm trước ngày 10/12/2026"
    dated_once = _recurrence_re().search(f) is None
    for i, (pos, every) in enumerate(found):
        nxt = found[i + 1][0] if i + 1 < len(found) else len(f)
        due = paired.get(pos) if paired else next((d for d in dues if pos <= d[0] < nxt), None)
        if due is not None:
            used.append(due)
        due_s = f"{due[2]:02d}-{due[1]:02d}" if due and every != "ad_hoc" else None
        if every == "once" and due and due[3] is not None:
            # "Báo cáo tổng kết … trước ngày 30/9/2030": a one-off is due on a dated day
            due_s = f"{due[3]:04d}-{due_s}"
        if every == "month" and due_s is None:
            day = _MONTH_DUE.search(f, max(0, pos - 40), nxt)
            due_s = f"{int(day.group(1)):02d}" if day else None
        if every in ("half_year", "year") and due and due[3] is not None and dated_once:
            every, due_s = "once", f"{due[3]:04d}-{due[2]:02d}-{due[1]:02d}"
        # "Định kỳ hằng năm (báo cáo năm gửi trước ngày 05/12)": a period named twice in one
        # sentence is one duty, due when either names a date
        if every not in by_period or (by_period[every].due is None and due_s is not None):
            by_period[every] = ReportingDuty(every=every, due=due_s, to=to, via=via)  # type: ignore[arg-type]
    duties.extend(by_period.values())
    if found:
        # "… 6 tháng đầu năm trước ngày 15/6/2026 và báo cáo kết quả thực hiện năm 2026 trước
        # ngày 15/12/2026": a dated due no period claimed is a report asked for once more;
        # beside a recurring one too ("định kỳ hằng năm (trước ngày 10/12) và sau đợt 1
        # (trước ngày 20/3/2026) tổng hợp, báo cáo …"): a day with its year recurs never
        for d in dues:
            if d[3] is None or d in used:
                continue
            if (dated_once and _REPORT.search(f, 0, d[0])) or (
                not dated_once and _REPORT.search(_clause_at(f, d[0]))
            ):
                on = f"{d[3]:04d}-{d[2]:02d}-{d[1]:02d}"
                duties.append(ReportingDuty(every="once", due=on, to=to, via=via))
    if len(recipients) > 1:
        # "báo cáo Ủy ban nhân dân tỉnh và Bộ X kết quả …": each body a duty of its own
        duties = [replace(d, to=r) for d in duties for r in recipients]
    if not found and _restated_re().search(f):
        # "Sở X tổng hợp, báo cáo UBND tỉnh kết quả theo định kỳ nêu trên": the duties stated
        # before it, stated again for the body that compiles them
        return []
    if not found:
        # "báo cáo UBND tỉnh kết quả đợt 1 trước ngày 10/7/2026 và kết quả đợt 2 trước ngày
        # 15/01/2027": each dated day after `báo cáo` a one-off of its own; else the first
        dated = [d for d in dues if d[3] is not None]
        reported = [d for d in dated if _REPORT.search(f, 0, d[0])]
        if dated:
            for once in reported or dated[:1]:
                on = f"{once[3]:04d}-{once[2]:02d}-{once[1]:02d}"
                duties.append(ReportingDuty(every="once", due=on, to=to, via=via))
        elif yearly:
            # "báo cáo … kết quả thực hiện trước ngày 30/11": a day and month with no year and
            # no period named fall due every year
            due_s = f"{yearly[0][2]:02d}-{yearly[0][1]:02d}"
            duties.append(ReportingDuty(every="year", due=due_s, to=to, via=via))
        else:
            duties.append(ReportingDuty(every="ad_hoc", due=None, to=to, via=via))
    return duties


@lru_cache(maxsize=1)
def _recurrence_re() -> re.Pattern[str]:
    """Words that make a report recur (folded): `định kỳ`, and the recurring periods' own
    words (`hằng năm`, `hằng quý`, `mỗi tháng`; not `6 tháng`, `cả năm`)."""
    words = [
        w
        for every in ("quarter", "month", "year")
        for w in lexicon.folded(f"reporting.periods.{every}")
        if w.split()[0] in ("hang", "moi", "dinh")
    ]
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\bdinh ky\b|\b(?:{alt})\b")


def _clause_at(f: str, pos: int) -> str:
    """The `;`-clause of folded text around pos: `tổng kết` in a clause that asks for no
    report (`…, báo cáo Ban Thường vụ; tham mưu sơ kết và tổng kết …`) is a review, not the
    report on it."""
    start = f.rfind(";", 0, pos) + 1
    end = f.find(";", pos)
    return f[start : end if end >= 0 else len(f)]


@lru_cache(maxsize=1)
def _restated_re() -> re.Pattern[str]:
    return re.compile(r"\b" + lexicon.alternation("reporting.restated_periods", fold_words=True))


def _due_dates(f: str) -> list[tuple[int, int, int, int | None]]:
    """(position, day, month, year or None) of each `trước ngày D/M[/Y]` (or `chậm nhất ngày …`)
    in folded text, and of
    the dates joined to it (`trước ngày 15/6 và 15/12`)."""
    out: list[tuple[int, int, int, int | None]] = []
    for m in _due_re().finditer(f):
        out.append((m.start(), int(m.group(1)), int(m.group(2)), _year(m.group(3))))
        pos = m.end()
        while more := _MORE_DUE.match(f, pos):
            out.append(
                (more.start(1), int(more.group(1)), int(more.group(2)), _year(more.group(3)))
            )
            pos = more.end()
    return out


def _year(text: str | None) -> int | None:
    return int(text) if text else None


# an item that opens with `Báo cáo …` (after its number or bullet)
_REPORT_OPENS_RE = re.compile(
    r"(?:[\dIVX]+[.)]\s*|[" + re.escape(BULLET_MARKS) + r"]\s*)?bao cao\b"
)


def _to_via(sentence: str, item: str, owner: str | None) -> tuple[list[str], str | None]:
    """The bodies a clause reports to (the first, then the named ones listed with it: `báo cáo
    UBND tỉnh và Bộ X`), canonical, and the body it reports through."""
    f = _folded(sentence)
    via = None
    m = re.search(r"\(qua ", f)
    if m:
        via = _via_in_brackets(sentence[m.end() :])
    to = None
    also: list[str] = []
    start = f.find("bao cao")
    for m in _to_words().finditer(f[start:]):
        at = start + m.end()
        if f[max(0, at - 5) : at].startswith("(qua"):
            continue
        names, _ = take_agencies(sentence[at:])
        if names:
            to, also = names[0], names[1:]
            break
    m = re.search(r"\bde tong hop\b[^.;]*?\bbao cao\s+", f)
    if to and via is None and m:  # "gửi về X để tổng hợp, báo cáo Y": X compiles, Y receives
        names, _ = take_agencies(sentence[m.end() :])
        if names and names[0] != to:
            to, via, also = names[0], to, names[1:]
        elif names:  # the first `báo cáo` is the relayed one: X is sent to before it
            sent = list(re.finditer(r"\b(?:ve|gui|len|toi)\s+", f[: m.start()]))
            compiler = take_agencies(sentence[sent[-1].end() :])[0] if sent else []
            via = compiler[0] if compiler else None
    if via is None and not _REPORT_OPENS_RE.match(f):
        # an item that opens with "Báo cáo …" names no agency ("Báo" heads newspapers' names)
        # the sentence's own subject ("… trước ngày 22/4. Phòng X tổng hợp, báo cáo …"),
        # else the item's (a later clause: "…; định kỳ báo cáo …")
        # "Chậm nhất ngày 15/7/2027, Sở X tham mưu …": the subject after a deadline put first
        subject, rest = agency_phrase(after_adverbial(_opening().sub("", sentence, count=1)))
        if subject and rest.startswith("(") and (named := _via_in_brackets(rest[1:])):
            # "Cơ quan thường trực BCĐ (Sở VHTTDL) tổng hợp …": the body the role is
            subject = [named]
        subject = subject or agency_phrase(_opening().sub("", item, count=1))[0]
        if subject and subject[0] != to:
            via = _compiler(subject[0])
        elif not subject and owner and owner != to:  # the section's agency compiles it
            via = _compiler(owner)
    via = via.strip(" )") if via else via  # "(qua Văn phòng Sở)."
    # "báo cáo Chủ tịch UBND tỉnh": a head's title stands for the body they head; a group
    # listed after the first body (`… và các cơ quan liên quan`) is no body reported to
    bodies = [to] if to else []
    bodies += [a for a in also if not starts_with_group(body_of_position(a))]
    return list(dict.fromkeys(body_of_position(canonical(a)) for a in bodies)), via


def _compiler(reporter: str) -> str | None:
    """The body that reports, as the one compiling the report: a generic group (`Các cơ quan,
    đơn vị được giao …`) is none, each of its members sends a report of its own, nor are
    the heads of one (`Thủ trưởng các sở, ban, ngành`, `Giám đốc các sở`)."""
    return None if starts_with_group(body_of_position(reporter)) else reporter


def _via_in_brackets(text: str) -> str | None:
    """The body of `(qua Phòng Quản lý Du lịch)`: the whole bracket when it is one name (the
    words in lower case inside it, `lý`, do not end it), else the agencies it begins with."""
    inner, closed, _ = text.partition(")")
    if closed and (contact := _contact_re().search(fold_chars(inner).lower())):
        inner = inner[: contact.start()]  # "(qua Sở X, địa chỉ thư điện tử: …)"
    if closed and starts_with_agency(inner) and len(inner) < 120:
        names = parse_list(inner)
        if len(names) == 1:
            return names[0]
    names, _ = take_agencies(text)
    return names[0] if names else None


@lru_cache(maxsize=1)
def _contact_re() -> re.Pattern[str]:
    """Where contact details begin after a body's name (`, địa chỉ thư điện tử: …`)."""
    return re.compile(rf"\s*[,;:(–-]?\s*\b{_alt('contact_details')}\b")


def extract_reporting(
    root: Section, implementation: Section | None, issuer: str | None = None
) -> list[ReportingDuty]:
    """One entry per (every, due, to) duty, from the reporting section, else the implementation
    one (and a report relayed `(qua …)` in any other section). A bare `Sở` (`báo cáo … về Sở`)
    in a department's own plan is that department."""
    # a target that speaks of a report (`1. 100% xã … gửi báo cáo về Sở đúng thời gian`) is
    # an objective, no heading of the duties
    objectives = {id(s) for s in objective_sections(root)}
    scope = [
        s
        for top in root.children
        for s in top.walk()
        if _reporting_heading(s) and id(s) not in objectives
    ]
    inside = list(implementation.walk()) if implementation is not None else []
    if implementation is not None and any(s in inside for s in scope):
        # "V. TỔ CHỨC THỰC HIỆN / 1. Sở X: … tham mưu UBND tỉnh báo cáo … khi có yêu cầu. / 4.
        # Chế độ báo cáo": a reporting item inside the implementation section does not make
        # its agency paragraphs' duties any less duties; the whole section is read
        scope = [*(s for s in scope if s not in inside), implementation]
    elif implementation is not None and not any(implementation in s.walk() for s in scope):
        # an agency's bullet in `Tổ chức thực hiện` may ask for a report of its own (`… gửi Sở
        # X trước ngày 15/12 hằng năm để tổng hợp, báo cáo Ban Chỉ đạo`) beside the section
        # on reporting
        scope = [*scope, implementation]
    # a report's results part (`Phần I. KẾT QUẢ THỰC HIỆN NĂM 2026`) tells of reports sent
    # (`… đã gửi báo cáo 6 tháng về UBND tỉnh (qua Sở X) đúng thời hạn`): no duty
    body = [
        top
        for top in root.children
        if top.kind not in ("signature", "appendix") and not reviews_results(top.title)
    ]
    # the sections whose every duty counts, results sections under them included
    named = {id(s) for s in scope}
    if not scope:  # no section for it: any duty stated in the body
        scope = body
    closing = _closing_paragraph(body[-1]) if body else _closing_request_of(root)
    if closing is not None and not any(closing[0] in s.walk() for s in scope):
        # "Trên cơ sở nhiệm vụ được giao, các cơ quan … gửi báo cáo … về Sở X trước ngày …":
        # the plain paragraph that closes the body speaks to every agency, as the
        # implementation section does, whichever section the outline put it under
        scope = [*scope, Section(num="", title="", level=9, kind="plain", blocks=[closing[1]])]
    # the other sections' items are mostly tasks, whose `báo cáo` is their product; a sentence
    # there that sends a report through the body compiling it (`… tự kiểm tra, báo cáo kết quả
    # về UBND tỉnh (qua Sở X) trước ngày …`) states a duty all the same
    rest = [t for t in body if not any(t in s.walk() or s in t.walk() for s in scope)]
    stated = [
        (d, sentence)
        for sec in [*scope, *rest]
        for sentence, item, owner, before in _sentences(sec, results=id(sec) in named)
        if sec in scope or _relayed(sentence)
        for d in _duties_in(sentence, item, owner, before)
    ]
    stated = _compilers_sides(stated)
    periodic = [d for d, _ in stated if d.every != "ad_hoc"]
    duties: list[ReportingDuty] = []
    seen: set[tuple[str, str | None, str | None]] = set()
    for d, sentence in stated:
        if d.every == "ad_hoc" and _compiled_again(sentence, d, periodic):
            continue
        # a report of the same period to another body is another duty (the communes' ad-hoc
        # reports to the department, the team leader's to the province)
        if (d.every, d.due, d.to) not in seen:
            seen.add((d.every, d.due, d.to))
            duties.append(d)
    if issuer:
        own = own_department(issuer)
        duties = [replace(d, to=own(d.to), via=own(d.via)) for d in duties]
    return duties


def _closing_paragraph(last_part: Section) -> tuple[Section, Para] | None:
    """The body's last paragraph (that of its last part), with the section it stands in,
    when it is a plain one (no item of a list, no heading): the plan's closing words to the
    agencies."""
    last: tuple[Section, Para] | None = None
    for s in last_part.walk():
        paras = [b for b in s.blocks if isinstance(b, Para)]
        if paras:
            last = (s, paras[-1])
    return last if last is not None and last[1].kind == "plain" else None


def _closing_request_of(root: Section) -> tuple[Section, Para] | None:
    """A letter with no numbered part (`Giao Sở X …` / `Đề nghị Y …` / `Yêu cầu các cơ quan,
    đơn vị … khẩn trương thực hiện; báo cáo …`): its last paragraph, when it asks every agency
    to carry the letter out (`segments.is_closing`), states the duties to report, as a
    plan's closing paragraph does."""
    paras = [b for b in root.blocks if isinstance(b, Para)]
    if paras and is_closing(paras[-1], paras[-1].text):
        return root, paras[-1]
    return None


_RELAYED_RE = re.compile(r"\bbao cao\b[^.;]*\(qua ")


def _relayed(sentence: str) -> bool:
    """A sentence that sends a report through a body in brackets (`báo cáo … (qua Sở X)`)."""
    return _RELAYED_RE.search(_folded(sentence)) is not None


def _compilers_sides(
    stated: list[tuple[ReportingDuty, str]],
) -> list[tuple[ReportingDuty, str]]:
    """The agencies' duty to report to X (`… gửi báo cáo về Sở X trước ngày 05/12 hằng năm`)
    without the one X then compiles and reports on with the same period (`Sở X tổng hợp,
    báo cáo UBND tỉnh trước ngày 15/12 hằng năm`): one duty stated for both sides, the
    schema says, which goes to the body the compiler reports to, through the compiler, by
    the compiler's date."""
    compiled = {
        (d.every, fold_chars(d.via).lower())
        for d, _ in stated
        if d.every != "ad_hoc" and d.via and d.to and d.to != d.via
    }
    return [
        (d, sentence)
        for d, sentence in stated
        if d.every == "once"
        or not d.to
        or (d.every, fold_chars(d.to).lower()) not in compiled
        or d.via == d.to
    ]


def _compiled_again(sentence: str, duty: ReportingDuty, found: list[ReportingDuty]) -> bool:
    """`Sở X tổng hợp kết quả, báo cáo UBND tỉnh theo quy định` with the agencies' periodic
    duty to the same body stated before or after it: the compiler's side of that duty (one
    entry, the schema says), not a report with no period; one that asks for ad-hoc reports
    (`đột xuất`) is its own."""
    f = fold_chars(sentence).lower()
    return (
        "tong hop" in f
        and not _ad_hoc_re().search(f)
        and any(d.every != "ad_hoc" and d.to == duty.to for d in found)
    )
