"""Tasks of plans without a task table: every way a section assigns work, read and merged.

A plan assigns work in several layouts, often in one document: an agency heads a section
(`1.2. Công an tỉnh`, `2. Sở Giáo dục và Đào tạo: Chỉ đạo …`, `4.4. Đề nghị Viện Kiểm sát …`,
`3.3. Bộ Chỉ huy Quân sự tỉnh chỉ đạo lực lượng Bộ đội Biên phòng: …`); an item names its own
agency (`- Công an tỉnh tham mưu …`, `- Đề nghị X …`, `Giao X …`) or closes with one in
parentheses; labelled lines close a group of bullets (`Đơn vị chủ trì: …; Đơn vị phối hợp: …`)
or describe an activity block (`Thời gian / Địa điểm / Đơn vị chủ trì / Kinh phí`).

Each reading is an `Assignment` with its evidence and strength; every item (one paragraph
span) gets one task, the strongest reading of its roles winning. An item no reading gives
an agency is no task.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kehoach.extract.agencies import (
    CHU_TRI_RE,
    agency_phrase,
    body_head,
    body_of_position,
    known_prefix,
    parse_list,
    parse_roles,
    registered,
    starts_with_agency,
)
from kehoach.extract.confidence import assess_task
from kehoach.extract.event_parts import is_member_line, is_programme_line
from kehoach.extract.implementation import assignment, timeframe_phrase
from kehoach.extract.labels import LabelRun, labelled
from kehoach.extract.outline import Para, Section
from kehoach.extract.timeframes import parse_timeframe
from kehoach.intake.document import Table
from kehoach.model import Task
from kehoach.text import lexicon
from kehoach.text.normalize import fold, fold_chars

# Strength of each reading: the more specific the evidence, the stronger.
INHERITED, CLOSING, HEADING, SUBJECT, BLOCK, PARENTHESIS = 1, 2, 3, 3, 4, 4


@dataclass
class Reading:
    """Who does an item's work, by one piece of evidence."""

    directing: list[str] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    coordinating: list[str] = field(default_factory=list)
    time: str | None = None
    strength: int = 0
    source: str = ""

    @property
    def has_agency(self) -> bool:
        return bool(self.lead or self.directing)

    def as_inherited(self) -> Reading:
        """This heading's reading as given to an item under it (the weakest evidence)."""
        return Reading(
            self.directing, self.lead, self.coordinating, self.time, INHERITED, "heading"
        )


@dataclass
class Assignment:
    """A proposed task: its text, where it stands and the readings of its roles."""

    id: str
    group: str | None
    group_title: str | None
    text: str
    readings: list[Reading] = field(default_factory=list)

    def best(self) -> Reading | None:
        """The strongest reading that names a lead or directing body; else one that only
        names coordinators (`Cục X phối hợp thực hiện …` with no heading above: no lead)."""
        withagency = [r for r in self.readings if r.has_agency]
        if withagency:
            return max(withagency, key=lambda r: r.strength)
        return next((r for r in self.readings if r.coordinating and r.source == "subject"), None)

    def coordinators(self) -> list[str]:
        """The coordinators named as the item's subject (`Cục X phối hợp thực hiện …`)."""
        return [
            c
            for r in self.readings
            if r.source == "subject" and not r.has_agency
            for c in r.coordinating
        ]


@lru_cache(maxsize=1)
def _no_tasks_re() -> re.Pattern[str]:
    return re.compile(r"^" + lexicon.alternation("sections.no_tasks", fold_words=True) + r"\b")


@lru_cache(maxsize=1)
def _closing_re() -> re.Pattern[str]:
    return re.compile(r"^" + lexicon.alternation("sections.closing_paragraphs", fold_words=True))


@lru_cache(maxsize=1)
def _closing_request_re() -> re.Pattern[str]:
    alt = lexicon.alternation("sections.closing_requests", fold_words=True)
    return re.compile(r"\b" + alt + r"\s*(?:\./\.|\.)?\s*$")


def _closing_request(text: str) -> bool:
    """A paragraph that only asks its addressees to carry the letter out: a short one ending
    `… nghiêm túc triển khai thực hiện./.`, or any asking to carry out `các nội dung nêu trên`
    (the endings and phrases in the lexicon)."""
    folded = fold(text)
    if any(p in folded for p in lexicon.folded("sections.closing_request_phrases")):
        return True  # "… chịu trách nhiệm tổ chức thực hiện nghiêm túc các nội dung nêu trên"
    return len(text) < 160 and bool(_closing_request_re().search(folded))


@lru_cache(maxsize=1)
def _opening_re() -> re.Pattern[str]:
    return re.compile(r"^" + lexicon.alternation("agencies.assign_openings") + r"\s+", re.I)


@lru_cache(maxsize=1)
def _folded_opening_re() -> re.Pattern[str]:
    # OCR'd marks (`Giào`, `Đê nghị`): the openings of four letters or more matched folded,
    # when an agency follows (`Mời` folds like `Mỗi`, `Mới`: it is matched as written only)
    words = [w for w in lexicon.folded("agencies.assign_openings") if len(w) >= 4]
    alt = "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )
    return re.compile(r"^(?:" + alt + r")\s+")


def _opening(text: str) -> int:
    """Length of the item opening (`Đề nghị `, `Giao `) that text begins with, else 0."""
    m = _opening_re().match(text)
    if m:
        return m.end()
    if not text[:1].isupper() or fold(text[:1]) not in _opening_initials():
        return 0  # cheap first test
    m = _folded_opening_re().match(fold_chars(text[:40]))
    if m and starts_with_agency(text[m.end() :]):
        return m.end()
    return 0


@lru_cache(maxsize=1)
def _opening_initials() -> frozenset[str]:
    return frozenset(w[0] for w in lexicon.folded("agencies.assign_openings"))


def _unopened(text: str) -> str:
    """Text without its item opening."""
    return text[_opening(text) :]


@lru_cache(maxsize=1)
def _phoi_hop_re() -> re.Pattern[str]:
    # in folded text: `phôi hợp` read by OCR is still a role
    return re.compile(r"\bphoi\s+hop\s+(?:chat\s+che\s+|thuong\s+xuyen\s+)?voi\s+")


def _dropped(text: str) -> str:
    for d in lexicon.words("agencies.dropped_descriptors"):
        if fold(text[: len(d)]) == fold(d) and text[len(d) : len(d) + 2].strip()[:1].isupper():
            return text[len(d) :].lstrip()
    return text


# `hợp (chặt chẽ) với` whatever OCR did to their marks: a cheap first test
_WITH_HINT = re.compile(r"p\s+(?:\S+\s+){0,2}[vV]\S{0,2}i\b")


def coordinating_in(text: str) -> list[str]:
    """Agencies a text says to work with (`… và phối hợp với Y trong …` gives Y), unless the
    words are a noun phrase (`quy chế phối hợp với`) or a purpose clause (`để phối hợp với`)."""
    out: list[str] = []
    if not _WITH_HINT.search(text):
        return out  # no `… với` after a word in -p: nothing to fold and search
    for m in _phoi_hop_re().finditer(fold_chars(text)):
        before = fold_chars(text[max(0, m.start() - 14) : m.start()]).split()
        last_two = " ".join(before[-2:])
        blocked = lexicon.folded("agencies.coordination_not_after")
        if before and (before[-1] in blocked or last_two in blocked):
            continue
        names, _ = agency_phrase(text[m.end() :], any_start=True)
        out += [n for n in names if n not in out]
    return out


def _named(name: str) -> bool:
    """A named body, not a generic group (`các sở, ngành`, `cơ quan …`)."""
    return not re.match(r"(?i)(các|cơ quan|đơn vị|địa phương|cấp)\b", name)


def read_heading(title: str) -> tuple[Reading, str] | None:
    """The roles a heading gives everything under it, and its own task text (after a colon,
    or the whole heading when it is a sentence with the agency as subject)."""
    text = _without_duty(_unopened(_after_heading_opening(title)))
    head, sep, rest = text.partition(":")
    if sep and _is_agency_label(head):
        reading = _roles_of_phrase(head)
        if reading and reading.has_agency:
            return reading, rest.strip()
    if starts_with_agency(text) and len(text) < 90 and not re.search(r"[.;]", text):
        reading = _roles_of_phrase(text)
        if reading and reading.has_agency and all(_looks_like_agency(a) for a in reading.lead):
            return reading, ""
    listed = _agency_list(text)
    if listed:  # "2. Các cơ quan tham mưu, giúp việc Đảng ủy; các chi bộ, đảng bộ cơ sở"
        return Reading(lead=listed, strength=HEADING, source="heading"), ""
    reading = _subject_reading(title)
    if reading is not None:
        # "Sở Y tế chủ trì, phối hợp với Công an tỉnh và … thực hiện các nhiệm vụ sau:"
        reading.coordinating += [c for c in coordinating_in(title) if c not in reading.lead]
        return reading, title
    return None


def _agency_list(text: str) -> list[str]:
    """The agencies of a heading that only lists them, parted by `;`, else []."""
    if ";" not in text or len(text) > 200 or text.rstrip().endswith("."):
        return []
    names: list[str] = []
    for part in text.split(";"):
        got, rest = agency_phrase(part.strip())
        if not got or rest.strip(" .,:") or not all(_looks_like_agency(n) for n in got):
            return []
        names += [n for n in got if n not in names]
    return names


@lru_cache(maxsize=1)
def _heading_opening_re() -> re.Pattern[str]:
    return re.compile(
        r"^" + lexicon.alternation("agencies.heading_openings", fold_words=True) + r"\s+"
    )


def _after_heading_opening(title: str) -> str:
    """A heading from its agency when an opening comes first (`Trách nhiệm chung của các cơ
    quan, đơn vị` gives `các cơ quan, đơn vị`; the openings in the lexicon), else as it is."""
    m = _heading_opening_re().match(fold_chars(title[:60]))
    if m and starts_with_agency(title[m.end() :]):
        return title[m.end() :]
    return title


@lru_cache(maxsize=1)
def _duty_re() -> re.Pattern[str]:
    return re.compile(lexicon.alternation("agencies.duty_phrases", fold_words=True) + r"\s*:?\s*$")


def _without_duty(title: str) -> str:
    """A heading without what it says after its agency: `Cục X có trách nhiệm:` gives
    `Cục X:` (the duty words in the lexicon), so the name is read without them."""
    head, sep, rest = title.partition(":")
    if len(head) > 150 or not _duty_re().search(fold(head.rstrip()) + sep):
        return title
    names, after = agency_phrase(head)
    if not names or not after or not head.rstrip().endswith(after.rstrip()):
        return title
    if not _duty_re().fullmatch(fold(after.rstrip()) + sep):
        return title
    cut = head.rstrip()[: len(head.rstrip()) - len(after.rstrip())].rstrip(" ,")
    return f"{cut}:{rest}" if sep else cut


def _is_agency_label(head: str) -> bool:
    """`Sở X`, `Sở X chủ trì, phối hợp với Y`, `X chỉ đạo Y` before a colon; not a sentence
    that merely begins with an agency (`Công an tỉnh tham mưu … Dự án 1: …`)."""
    if len(head) >= 150 or ";" in head or not starts_with_agency(head):
        return False  # "Sở X chủ trì …; thời gian: 2026 - 2028": a label closes the item
    names, rest = agency_phrase(head)
    return bool(names) and (not rest or bool(re.match(r"(chu tri|phoi hop|chi dao)\b", fold(rest))))


def _roles_of_phrase(phrase: str) -> Reading | None:
    """`X chủ trì, phối hợp (với) Y`, `X chỉ đạo Y`, or a plain list (all lead)."""
    m = re.search(r"\s+chi\s+dao\s+", fold_chars(phrase))
    if m and starts_with_agency(phrase):
        directing = parse_list(phrase[: m.start()])
        lead, _ = agency_phrase(_dropped(phrase[m.end() :]))
        if directing and lead:
            return Reading(directing=directing, lead=lead, strength=HEADING, source="heading")
    m = CHU_TRI_RE.search(fold_chars(phrase))
    if m and "(" not in phrase[: m.start()]:
        # "X chủ trì, phối hợp (chặt chẽ) (với) Y …": Y read up to its verb
        lead = parse_list(phrase[: m.start()])
        start = _PHOI_HOP_START.match(fold_chars(phrase[m.end() :]))
        after = phrase[m.end() + start.end() :] if start else phrase[m.end() :]
        coord = agency_phrase(after, any_start=True)[0] if after != phrase[m.end() :] else []
    else:
        lead, coord = parse_roles(phrase)
    if not lead:
        return None
    return Reading(lead=lead, coordinating=coord, strength=HEADING, source="heading")


_PHOI_HOP_START = re.compile(  # in folded text
    r"[\s,;]*(?:va\s+)?phoi\s+hop(?:\s+chat\s+che)?(?:\s+voi)?[\s:,]*"
)


def _looks_like_agency(name: str) -> bool:
    """Not a topic that happens to begin with an agency word (`Ban hành …`, `Hội nghị …`)."""
    if name in registered() or not _named(name):
        return True
    body = body_of_position(name)
    if body != name:  # "Thủ trưởng các sở, ban, ngành": a title is read for its body
        return _looks_like_agency(body)
    words = name.split()
    if len(words) < 2:
        return False
    if words[1][:1].isupper() or fold(words[1]) in ("nhan", "an", "ban"):
        return True  # "Sở Y tế", "Công an tỉnh", "Ủy ban nhân dân các xã"
    head = body_head(name)
    if head and name[len(head) :].lstrip()[:1].isupper():
        return True  # a head of two words, then a name: "Đảng ủy Mặt trận Tổ quốc"
    # "Ban cán sự đảng Ủy ban nhân dân tỉnh": a registered body inside the name
    return any(known_prefix(" ".join(words[i:])) for i in range(2, len(words)))


def _after_adverbial(text: str) -> str:
    """The sentence from its subject when an adverbial opening comes first (`Định kỳ 6 tháng
    (trước ngày 15/6), các sở, ban, ngành báo cáo …`, `Hằng năm, Sở Tài chính …`; openings in
    the lexicon), else the text as it is."""
    if not _adverbial_re().match(fold(text[:40])):
        return text
    for m in re.finditer(r",\s+", text[:200]):
        rest = text[m.end() :]
        if starts_with_agency(rest):
            return rest
    return text


@lru_cache(maxsize=1)
def _adverbial_re() -> re.Pattern[str]:
    return re.compile(lexicon.alternation("agencies.adverbial_openings", fold_words=True) + r"\b")


@lru_cache(maxsize=1)
def _only_coordinates_re() -> re.Pattern[str]:
    """A subject's verb that makes it a coordinator (`phối hợp thực hiện`, `tham gia phối
    hợp`; folded), not `phối hợp (chặt chẽ) với Y …`, where the subject works and Y helps."""
    return re.compile(
        r"(?:(?:co trach nhiem|chiu trach nhiem|tham gia|cung) )?phoi hop\b"
        r"(?! (?:chat che |thuong xuyen |tot )?voi\b)"
    )


def _subject_reading(text: str) -> Reading | None:
    """An item whose subject is an agency: `Công an tỉnh tham mưu …`, `Đề nghị X …`,
    `Giao X là cơ quan thường trực …`, `X chỉ đạo Y …`."""
    body = _after_adverbial(_unopened(text))
    if not starts_with_agency(body):
        return None
    names, rest = agency_phrase(body)
    if not names or not rest or not all(_looks_like_agency(n) for n in names):
        return None
    f = fold(rest[:60])
    if _only_coordinates_re().match(f):
        # "Cục X phối hợp thực hiện …": X works with whoever leads (the heading's agency)
        return Reading(coordinating=names, strength=SUBJECT, source="subject")
    directs = re.match(r"(?:lanh dao,? )?chi dao |lanh dao ", f)
    if directs:  # "X (lãnh đạo,) chỉ đạo Y …" when Y is an agency, else X leads
        lead, _ = agency_phrase(_dropped(rest[directs.end() :].lstrip()))
        if lead:
            return Reading(directing=names, lead=lead, strength=SUBJECT, source="subject")
    return Reading(lead=names, strength=SUBJECT, source="subject")


Item = tuple[Para, str]  # an item's first paragraph and its text
# An item that ends so is complete: a bracketed line after it is no wrapped part of it
_ITEM_ENDS = (".", ";", ":", "!", "?")


def _segments(
    blocks: list[Para | Table], prose_allowed: bool
) -> list[tuple[list[Item], LabelRun | None]]:
    """The section's items, cut where labelled lines stand: each segment is the items since
    the previous labelled lines and the labelled lines that follow them (None at the end).
    Bullets keep their `+` sub-items; prose paragraphs count only under a heading without
    its own text, or when labelled lines follow them."""
    out: list[tuple[list[Item], LabelRun | None]] = []
    items: list[Item] = []
    run: LabelRun | None = None
    for b in blocks:
        if isinstance(b, Table) or b.kind == "rule":
            continue
        if is_programme_line(b.text) or is_member_line(b.text):
            # a running order's hours (`+ 08 giờ 00: Đón tiếp …`) and a committee's members
            # (`- Giám đốc Sở X: Trưởng ban`) assign no work, nor the short line that
            # introduces them (`- Chương trình Lễ khai mạc:`)
            if items and items[-1][1].endswith(":") and len(items[-1][1].split()) <= 8:
                items.pop()
            continue
        wrapped = b.text[:1] == "(" and bool(items) and not items[-1][1].endswith(_ITEM_ENDS)
        pairs = labelled(b.text) if run is not None or not wrapped else []
        if pairs:
            run = run or LabelRun()
            run.add(pairs)
            continue
        if run is not None:
            out.append((items, run))
            items, run = [], None
        if b.text.startswith("+") and items:
            items[-1] = (items[-1][0], f"{items[-1][1]} {b.body}")
        elif b.kind in ("bullet", "letter", "paren", "decimal"):
            items.append((b, b.body))
        elif (
            b.kind == "plain"
            and items
            and (not b.text[:1].isupper() or not items[-1][1].endswith(_ITEM_ENDS))
        ):  # a wrapped line: lower-case start, or the item above has not ended
            items[-1] = (items[-1][0], f"{items[-1][1]} {b.text}")
        elif b.kind == "plain":
            items.append((b, b.text))
    out.append((items, run))
    out = [([(p, t) for p, t in its if len(t) > 10], run) for its, run in out]
    if not prose_allowed:  # prose under a heading with its own text is its explanation
        out = [
            (its if run else [(p, t) for p, t in its if p.kind != "plain"], run) for its, run in out
        ]
    return out


def _item_readings(text: str, doc_year: int | None) -> tuple[str, list[Reading]]:
    """The item's own evidence: a closing parenthesis naming its agencies, or an agency
    subject; returns the task text (without the parenthesis) and the readings."""
    readings: list[Reading] = []
    got = assignment(text, doc_year)
    if got is not None:
        text, lead, coord, when = got
        readings.append(Reading([], lead, coord, when, PARENTHESIS, "parenthesis"))
    head, sep, rest = text.partition(":")
    if sep and _is_agency_label(_unopened(head)):
        reading = _roles_of_phrase(_unopened(head))
        if reading and reading.has_agency and rest.strip():
            reading.strength, reading.source = SUBJECT, "subject"
            readings.append(reading)
            return rest.strip(), readings
    subject = _subject_reading(text)
    if subject is not None and all(
        _named(a) for a in subject.lead + subject.directing + subject.coordinating
    ):
        readings.append(subject)
    return text, readings


def _bodies(names: list[str], taken: list[str] = ()) -> list[str]:
    """The names with a person's title read as the body it heads, each once and none of
    `taken` (a role already given)."""
    out: list[str] = []
    for n in names:
        body = body_of_position(n)
        if body not in out and body not in taken:
            out.append(body)
    return out


def _task(a: Assignment, doc_year: int | None) -> Task | None:
    best = a.best()
    if best is None:
        return None
    directing = _bodies(best.directing)
    lead = _bodies(best.lead)
    coord = _bodies(best.coordinating)
    coord += _bodies([*a.coordinators(), *coordinating_in(a.text)], [*coord, *lead])
    when = best.time or next((r.time for r in a.readings if r.time), None)
    when = when or timeframe_phrase(a.text)
    return assess_task(
        Task(
            id=a.id,
            group=a.group,
            group_title=a.group_title,
            text=a.text,
            # new lists (`_bodies`): a heading's reading is shared by every item under it, and
            # a task's lists are its own (a review may change one task's agencies)
            directing=directing,
            lead=lead,
            coordinating=coord,
            timeframe=parse_timeframe(when, doc_year),
        ),
        best.source,
    )


def _visit(
    sec: Section,
    inherited: Reading | None,
    group: str | None,
    out: list[Assignment],
    parent_title: str | None = None,
) -> None:
    if sec.kind in ("signature", "appendix") or _no_tasks_re().match(sec.folded_title):
        return
    if is_member_line(sec.title) and not sec.children:
        return  # "2. Đồng chí …, Giám đốc Sở X - Phó Trưởng ban."
    heading = read_heading(sec.title) if sec.kind != "root" and sec.title else None
    if heading is None and sec.kind == "decimal":
        # "2. Tổ chức hội nghị sơ kết (Sở VHTTDL chủ trì; thời gian: quý IV/2026)"
        body, readings = _item_readings(sec.title, None)
        best = max(readings, key=lambda r: r.strength) if readings else None
        if best is not None and best.source == "parenthesis":
            heading = best, body
    here, own = heading if heading is not None else (inherited, "")
    group = group or (sec.path if sec.kind == "roman" else None)
    where = Assignment(sec.path, group or sec.path or None, sec.title or None, "")
    segments = _segments(sec.blocks, prose_allowed=not own)
    readings = [heading[0]] if heading is not None else []
    if heading is not None and not heading[0].has_agency:
        if sec.children or any(its for its, _ in segments):
            # a heading's agency leads what stands under it, whatever verb it is given
            r = heading[0]
            here = Reading(lead=r.coordinating, time=r.time, strength=r.strength, source=r.source)
            heading = here, own
            readings = [here]
        elif inherited is not None:
            # "2. Cục X phối hợp thực hiện …" as the task itself: the lead is the section's
            readings.append(inherited.as_inherited())
    n = 0
    found = False
    several = sum(1 for _, run in segments if run is not None and run.is_block) > 1
    for items, run in segments:
        for a in _from_segment(items, run, here, where, several):
            n += 1
            a.id = a.id or (f"{sec.path}.{n}" if sec.path else str(n))
            out.append(a)
            found = True
    if own and not found and not sec.children and heading is not None:
        out.append(Assignment(sec.path, where.group, where.group_title, own, readings))
    elif heading is None and here is not None and not found and not sec.children:
        # "1.1. Tham mưu …" numbered under "1. Sở X": the numbered item is the task
        a = _assignment(sec.title, [], where)
        a.id, a.group_title = sec.path, parent_title
        a.readings.append(here.as_inherited())
        if len(sec.title) > 15:
            out.append(a)
    for child in sec.children:
        _visit(child, here, group, out, sec.title or None)


def _is_title(text: str) -> bool:
    """A line that names an activity (`Lễ khai mạc Ngày hội`), not a sentence describing it."""
    return len(text) < 200 and not text.rstrip().endswith(_ITEM_ENDS)


def _from_segment(
    items: list[Item],
    run: LabelRun | None,
    here: Reading | None,
    where: Assignment,
    several_blocks: bool = False,
) -> list[Assignment]:
    """Tasks of one segment: an activity block (its title line when the section holds
    several, else the heading, or the one item the labels describe), each bullet of a group
    the labels close, or each item on its own evidence."""
    labels = _run_reading(run) if run is not None else None
    if labels is not None and labels.has_agency and run is not None:
        marked = [it for it in items if it[0].kind != "plain"]
        title = next((t for _, t in items if _is_title(t)), None) if not marked else None
        if run.is_block and several_blocks and title is not None:
            # unnumbered activities under one heading, each titled by a line of its own
            # (bold in the original): "Lễ khai mạc Ngày hội" / "Thời gian: …"
            return [_assignment(title, [labels], where)]
        if run.is_block and (not items or not marked) and where.group_title:
            # the section heading is the activity; its prose only describes it
            return [
                Assignment(where.id, where.group, where.group_title, where.group_title, [labels])
            ]
        if run.is_block and marked and items[0][0].kind != "plain" and len(marked) == 1:
            return [_assignment(items[0][1], [labels], where)]
        closing = Reading(
            labels.directing, labels.lead, labels.coordinating, labels.time, CLOSING, "closing"
        )
        return [_assignment(text, [closing], where) for _, text in items]
    out = []
    for para, text in items:
        if para.kind == "plain" and (_closing_re().match(fold(text)) or _closing_request(text)):
            continue  # "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, …"
        head = text.rstrip().removesuffix(":")
        if para.kind == "plain" and text.rstrip().endswith(":") and _is_agency_label(head):
            # "Sở Tài chính:" on its own line heads the items after it
            here = _roles_of_phrase(_unopened(head)) or here
            continue
        a = _assignment(text, [], where)
        if labels is not None and labels.time:
            a.readings.append(Reading(time=labels.time, source="labels"))
        if here is not None:
            a.readings.append(here.as_inherited())
        out.append(a)
    return out


def _assignment(text: str, readings: list[Reading], where: Assignment) -> Assignment:
    body, own = _item_readings(text, None)
    return Assignment("", where.group, where.group_title, body, [*own, *readings])


def _run_reading(run: LabelRun) -> Reading:
    directing = parse_list(run.joined("directing"))
    lead, coord = parse_roles(run.joined("lead")) if run.values.get("lead") else ([], [])
    coord += [c for c in parse_list(run.joined("coordinating")) if c not in coord]
    return Reading(directing, lead, coord, run.joined("time") or None, BLOCK, "labels")


def _unnumbered_requests(root: Section) -> list[Assignment]:
    """Paragraphs before any numbered heading that hand work to a body by their opening
    (`Giao Sở Công Thương chủ trì, phối hợp với …`, `Đề nghị X …`): a letter that assigns
    its work in one unnumbered paragraph. Other prose there (the preamble, `Ủy ban nhân dân
    tỉnh nhận được …`) assigns nothing."""
    out: list[Assignment] = []
    where = Assignment("", None, None, "")
    for items, _ in _segments(root.blocks, prose_allowed=True):
        for para, text in items:
            if para.kind != "plain" or not _opening(text):
                continue
            a = _assignment(text, [], where)
            if a.best() is not None:
                a.id = str(len(out) + 1)
                out.append(a)
    return out


def tasks_from_sections(root: Section, doc_year: int | None) -> list[Task]:
    """One task per item that some section assigns to an agency, strongest reading first."""
    proposals = _unnumbered_requests(root)
    for top in root.children:
        _visit(top, None, None, proposals)
    tasks: list[Task] = []
    for a in proposals:
        t = _task(a, doc_year)
        if t is not None:
            tasks.append(t)
    return tasks
