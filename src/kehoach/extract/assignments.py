"""Tasks of plans without a task table: every way a section assigns work, read and merged.

A plan assigns work in several layouts, often in one document: an agency heads a section
(`1.2. Công an tỉnh`, `2. Sở Giáo dục và Đào tạo: Chỉ đạo …`, `4.4. Đề nghị Viện Kiểm sát …`,
`3.3. Bộ Chỉ huy Quân sự tỉnh chỉ đạo lực lượng Bộ đội Biên phòng: …`); an item names its own
agency (`- Công an tỉnh tham mưu …`, `- Đề nghị X …`, `Giao X …`) or closes with one in
parentheses; labelled lines close a group of bullets (`Đơn vị chủ trì: …; Đơn vị phối hợp: …`)
or describe an activity block (`Thời gian / Địa điểm / Đơn vị chủ trì / Kinh phí`).

Each reading is an `Assignment` with its evidence and strength (`readings.py`); the items of a
section and its labelled blocks are cut in `segments.py`; this module walks the sections,
reads what their headings give the items under them, and makes one task per item (one
paragraph span), the strongest reading of its roles winning. An item no reading gives an
agency is no task.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from kehoach.extract.agencies import (
    agency_phrase,
    body_of_position,
    starts_with_agency,
)
from kehoach.extract.confidence import assess_task
from kehoach.extract.directed import directed_reading
from kehoach.extract.event_parts import is_member_line
from kehoach.extract.implementation import parenthesis_time, timeframe_phrase
from kehoach.extract.labels import LabelRun
from kehoach.extract.outline import Para, Section
from kehoach.extract.readings import (
    BLOCK,
    CLOSING,
    HEADING,
    INHERITED,
    Assignment,
    Reading,
    after_heading_opening,
    coordinating_in,
    coordinating_subjects,
    is_agency_label,
    item_readings,
    labels_reading,
    looks_like_agency,
    named,
    opening,
    propose,
    roles_of_phrase,
    subject_reading,
    trailing_reading,
    unopened,
)
from kehoach.extract.restated import without_restatements
from kehoach.extract.segments import (
    Item,
    hands_out_by_subject,
    intro_reading,
    introduced,
    is_closing,
    is_lead_in,
    labels_per_item,
    segment_assignments,
    segments_of,
    time_only,
)
from kehoach.extract.task_lists import is_task_part
from kehoach.extract.timeframes import parse_timeframe, phase_time
from kehoach.model import Task
from kehoach.text import lexicon
from kehoach.text.normalize import fold


@lru_cache(maxsize=1)
def _no_tasks_re() -> re.Pattern[str]:
    return re.compile(r"^" + lexicon.alternation("sections.no_tasks", fold_words=True) + r"\b")


@lru_cache(maxsize=1)
def _work_topic_re() -> re.Pattern[str]:
    return re.compile(r"^" + lexicon.alternation("sections.work_topics", fold_words=True) + r"\b")


def _gives_no_tasks(sec: Section, in_tasks: bool) -> bool:
    """A section whose content assigns no tasks (`Mục tiêu`, `Đánh giá tình hình`; lexicon
    `sections.no_tasks`); under a part of tasks, a topic of work to do is no such section
    (`III. NHIỆM VỤ` / `6. Đánh giá Bộ chỉ số văn hóa`: `sections.work_topics`)."""
    title = sec.folded_title
    if _no_tasks_re().match(title) is None:
        return False
    return not (in_tasks and sec.kind == "decimal" and _work_topic_re().match(title))


def read_heading(title: str) -> tuple[Reading, str] | None:
    """The roles a heading gives everything under it, and its own task text (after a colon,
    or the whole heading when it is a sentence with the agency as subject). Labelled lines
    joined after its sentence (`1. Sở X chủ trì tổ chức …. Thời gian: năm 2026.`) are read as
    labels, not as its text."""
    joined = trailing_reading(title, HEADING)
    if joined is None:
        return _read_heading(title)
    sentence, labels = joined
    got = _read_heading(sentence)
    if got is None:
        return (labels, sentence) if labels.has_agency else None
    reading, own = got
    if labels.has_agency:
        return labels, own or sentence
    reading.time = reading.time or labels.time
    return reading, own


def _read_heading(title: str) -> tuple[Reading, str] | None:
    after = after_heading_opening(title)
    handed = opening(after) > 0  # "Giao X …", "Đề nghị X …": X is told what to do
    text = _without_aside(_without_duty(unopened(after)))
    head, sep, rest = text.partition(":")
    if sep and is_agency_label(head):
        reading = roles_of_phrase(head)
        if reading and reading.has_agency:
            # "4. Tiểu ban An ninh: Công an tỉnh chủ trì, phối hợp với Y thực hiện các nhiệm vụ
            # sau:": the unit named first is run by the bodies its label's words give roles
            stated = _read_heading(rest) if rest.strip() else None
            if stated is not None and stated[0].has_agency and not stated[1]:
                return stated
            return reading, rest.strip()
    listed = _agency_list(head) if sep and rest.strip() else []
    if listed:  # "3. Các sở, ban, ngành; UBND các xã, phường: Căn cứ nhiệm vụ được giao, …"
        return Reading(lead=listed, strength=HEADING, source="heading"), rest.strip()
    # a long heading is read too when it only names bodies (`1. Các ban … của Tỉnh ủy, Ủy ban
    # Mặt trận Tổ quốc Việt Nam tỉnh và các đoàn thể chính trị - xã hội tỉnh`)
    short = (len(text) < 90 and not (handed and _subject_of_verb(text))) or _names_only(text)
    if starts_with_agency(text) and short and not re.search(r"[.;]", text):
        reading = roles_of_phrase(text)
        if reading and reading.has_agency and all(looks_like_agency(a) for a in reading.lead):
            return reading, ""
    listed = _agency_list(text)
    if listed:  # "2. Các cơ quan tham mưu, giúp việc Đảng ủy; các chi bộ, đảng bộ cơ sở"
        return Reading(lead=listed, strength=HEADING, source="heading"), ""
    reading = subject_reading(title)
    if reading is not None:
        # "Sở Y tế chủ trì, phối hợp với Công an tỉnh và … thực hiện các nhiệm vụ sau:"
        reading.coordinating += [c for c in coordinating_in(title) if c not in reading.lead]
        return reading, title
    return None


def _subject_of_verb(text: str) -> bool:
    """A short heading after an opening that hands work (`Giao Ủy ban nhân dân tỉnh tổ chức
    triển khai …, trong đó tập trung:`) that is a sentence: its agency the subject of a verb of
    two or three words (`agencies.end_verbs`: `tổ chức`, `triển khai`; a one-word one such as
    `có` may go on with the name, `Ủy ban nhân dân các xã có nghề dệt`) that is no role word
    (`chủ trì`, `phối hợp`, `chỉ đạo`), so it is read as a subject below, not as one long
    name. Only after such an opening: a bare name's words in lower case may read as a verb
    (`Trung tâm Dịch vụ tổng hợp xã`)."""
    names, rest = agency_phrase(text)
    folded = fold(rest).split()
    if not names or len(folded) < 2:
        return False
    roles = lexicon.folded("agencies.label_role_verbs") | lexicon.folded("agencies.directing_verbs")
    starts = {" ".join(folded[:2]), " ".join(folded[:3])}
    if folded[0] in roles or starts & roles:
        return False
    return bool(starts & lexicon.folded("agencies.end_verbs"))


def _names_only(text: str) -> bool:
    """True when `text` (up to 200 characters) is nothing but agency names."""
    return len(text) <= 200 and bool(_names_of(text))


def _names_of(text: str) -> list[str]:
    """The agencies `text` names when it is nothing but their names, else []."""
    names, rest = agency_phrase(text)
    if not names or rest.strip(" .,:") or not all(looks_like_agency(n) for n in names):
        return []
    return names


def _agency_list(text: str) -> list[str]:
    """The agencies of a heading that only lists them, parted by `;`, else []."""
    if ";" not in text or len(text) > 200 or text.rstrip().endswith("."):
        return []
    names: list[str] = []
    for part in text.split(";"):
        got = _names_of(part.strip())
        if not got:
            return []
        names += [n for n in got if n not in names]
    return names


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


_ASIDE_RE = re.compile(r"\s*\((?P<inner>[^()]{3,200})\)\s*:?\s*$")
_ASIDE_ROLE_RE = re.compile(r"\b(?:chu tri|phoi hop|thuc hien)\b")


def _without_aside(title: str) -> str:
    """A heading without a closing parenthesis that says something of its agency, not who
    else works or when (`2.3. Phòng Quản lý văn hóa (Lãnh đạo phụ trách: đồng chí …)`,
    `2. Sở X (cơ quan thường trực phong trào)`): the person in charge is in no role and the
    standing place is only the agency's part, so the name is read without them. A parenthesis
    that names an agency (`Cơ quan thường trực (Sở X)`), marks a role (`(chủ trì)`) or states
    a time (`(thực hiện hằng năm)`) is kept."""
    m = _ASIDE_RE.search(title) if title.rstrip(" :").endswith(")") else None
    if m is None or not starts_with_agency(title[: m.start()]):
        return title
    inner = m.group("inner").strip()
    if starts_with_agency(inner) or _ASIDE_ROLE_RE.search(fold(inner)):
        return title
    if parse_timeframe(inner).kind != "unknown":
        return title
    return title[: m.start()].rstrip(" ,;")


def _bodies(names: list[str], taken: Sequence[str] = ()) -> list[str]:
    """The names with a person's title read as the body it heads, each once and none of
    `taken` (a role already given)."""
    out: list[str] = []
    for n in names:
        body = body_of_position(n)
        if body not in out and body not in taken:
            out.append(body)
    return out


def _time_of(a: Assignment, best: Reading) -> str | None:
    """The item's timeframe wording: its own (a closing parenthesis, labels joined to it, the
    block it heads, then a time phrase in its text) before its group's (the line introducing
    its bullets, a heading above it, labelled lines closing its group), which a period heading
    above gives last: `b) … đưa vào
    vận hành từ quý I/2027.` under `3. … (…; thực hiện giai đoạn 2026 - 2027)` is `from`."""
    timed = [r for r in a.readings if r.time]
    own = [r for r in timed if r.strength > CLOSING]
    if own:
        return best.time if best in own else max(own, key=lambda r: r.strength).time
    # the line that introduces the item's bullets narrows the group's time
    intro = next((r.time for r in timed if r.source == "intro"), None)
    group = intro or best.time or next((r.time for r in timed), None)
    return timeframe_phrase(a.text) or group or a.period


def _task(a: Assignment, doc_year: int | None) -> Task | None:
    best = a.best()
    if best is None:
        return None
    directing = _bodies(best.directing)
    lead = _bodies(best.lead)
    coord = _bodies(best.coordinating)
    coord += _bodies(
        [*a.coordinators(), *coordinating_in(a.text), *coordinating_subjects(a.text)],
        [*coord, *lead],
    )
    when = _time_of(a, best)
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


@lru_cache(maxsize=1)
def _implementation_re() -> re.Pattern[str]:
    return re.compile(
        r"^" + lexicon.alternation("sections.implementation", fold_words=True) + r"\b"
    )


def _visit(
    sec: Section,
    inherited: Reading | None,
    group: str | None,
    out: list[Assignment],
    parent_title: str | None = None,
    groups: bool = False,
    period: str | None = None,
    per_item: bool = False,
    in_tasks: bool = False,
) -> None:
    if sec.kind in ("signature", "appendix") or _gives_no_tasks(sec, in_tasks):
        return
    in_tasks = in_tasks or is_task_part(sec)
    made_before = len(out)
    # the implementation part tells generic groups (`Các đảng ủy trực thuộc …`) what to do
    groups = groups or bool(_implementation_re().match(sec.folded_title))
    period = _period_of(sec.title) or period
    if is_member_line(sec.title) and not sec.children:
        return  # "2. Đồng chí …, Giám đốc Sở X - Phó Trưởng ban."
    heading = read_heading(sec.title) if sec.kind != "root" and sec.title else None
    if inherited is not None and len(inherited.lead) > 1 and _shares_duties(sec.title):
        # "3. Các bên cùng thực hiện:": `các bên` are the parties it is given, no group
        heading = None
    if heading is None and sec.kind == "decimal":
        # "2. Tổ chức hội nghị sơ kết (Sở VHTTDL chủ trì; thời gian: quý IV/2026)"
        body, readings = item_readings(sec.title, None)
        best = max(readings, key=lambda r: r.strength) if readings else None
        if best is not None and best.source in ("parenthesis", "handed"):
            # "3. Thống nhất …; giao Sở X chủ trì …": the body the item hands its work to
            # after what it first says (`readings.handed_reading`)
            heading = best, body
    here, own = heading if heading is not None else (inherited, "")
    when = parenthesis_time(sec.title) if heading is None and sec.kind == "decimal" else None
    if when is not None:  # "1.2. Kiểm tra nghiệp vụ (thực hiện hằng năm)": the items' time
        here = replace(here, time=when) if here is not None else Reading(time=when)
    # the outermost Roman part groups its tasks; a lettered part over Roman ones (`B.` over
    # `B.I`, `B.II`) leaves that to them
    holds_parts = any(c.kind == "roman" for c in sec.children)
    group = group or (sec.path if sec.kind == "roman" and not holds_parts else None)
    where = Assignment(sec.path, group or sec.path or None, sec.title or None, "")
    if heading is None and sec.kind == "decimal" and sec.title.rstrip().endswith(":"):
        # "1. Chủ trì, phối hợp với Y hướng dẫn …:" over its bullets, under the heading of the
        # body that leads: they take what it says, as the items under a lead-in do
        here = _led_in(here, sec.title, where)
    lead_in = _lead_in(sec)
    blocks = sec.blocks[:-1] if lead_in is not None else sec.blocks
    segments = segments_of(blocks, prose_allowed=not own)
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
    if own and heading is not None and not sec.children and _handed_on_only(segments):
        # "7. Đề nghị X tăng cường …." then "Đề nghị Y phát động …": the heading's sentence is
        # a task of its own, before those the paragraphs under it hand to other bodies
        n = 1
        out.append(
            Assignment(f"{sec.path}.1", where.group, where.group_title, own, readings, period)
        )
    several = sum(1 for _, run in segments if run is not None and run.is_block) > 1
    # a topic section whose paragraphs each name the body told the work (`Giao Phòng X …`,
    # `Công an xã chủ trì …`) hands it to groups of bodies too (`Các trường học … đưa …`)
    bodies = not groups and here is None and hands_out_by_subject(segments)
    for items, run in segments:
        for a in segment_assignments(items, run, here, where, several, groups, per_item, bodies):
            n += 1
            if not a.id:
                a.id, a.counted = (f"{sec.path}.{n}" if sec.path else str(n)), True
            a.period = a.period or period
            out.append(a)
            found = True
    if own and not found and not sec.children and heading is not None:
        a = Assignment(sec.path, where.group, where.group_title, own, readings, period)
        items, run = segments[0] if segments else ([], None)
        if not items and time_only(run) and run is not None:
            # "5. Sở Tài chính: Tham mưu …" / "Thời gian thực hiện: Hằng năm.": the heading's
            # own sentence is the item the line times
            a.readings = [
                *readings,
                Reading(time=run.joined("time"), strength=BLOCK, source="labels"),
            ]
        elif not items and run is not None and readings and readings[0].source == "labels":
            # "5.1. Xây dựng …. Cơ quan chủ trì: Sở X." / "Cơ quan phối hợp: …. Thời gian
            # thực hiện: …": the heading's labels run on in the paragraph under it (a page
            # break in a PDF cuts the paragraph there)
            more = labels_reading(run, readings[0].strength)
            first = readings[0]
            a.readings = [
                replace(
                    first,
                    directing=first.directing or more.directing,
                    lead=first.lead or more.lead,
                    coordinating=first.coordinating
                    + [c for c in more.coordinating if c not in first.coordinating],
                    time=first.time or more.time,
                ),
                *readings[1:],
            ]
        out.append(a)
    elif heading is None and here is not None and not found and not sec.children:
        # "1.1. Tham mưu …" numbered under "1. Sở X": the numbered item is the task
        a = propose(sec.title, [], where)
        a.id, a.group_title = sec.path, parent_title
        a.readings.append(here.as_inherited())
        directed = directed_reading(a.text, here)  # "1.1. Chỉ đạo Sở Y …" under "1. Sở X"
        if directed is not None:
            a.readings.append(directed)
        a.period = period
        if len(sec.title) > 15:
            out.append(a)
    for a in out[made_before:]:
        a.section = sec.path
    shared = _shared_closing(sec) if here is None or not here.has_agency else None
    if lead_in is not None:
        # "Điều 9. Trách nhiệm của Sở X" / "Chủ trì, phối hợp với Y … thực hiện các nhiệm vụ
        # sau:" / "1. …": the clauses take what the lead-in says, as bullets under one do
        here = _led_in(here, lead_in.text, where)
    givens = [
        shared if shared is not None and child is not sec.children[-1] else here
        for child in sec.children
    ]
    for child, given in zip(sec.children, _with_shared_duties(sec.children, givens), strict=True):
        _visit(child, given, group, out, sec.title or None, groups, period, per_item, in_tasks)


def _lead_in(sec: Section) -> Para | None:
    """The sentence that closes a section's own text and leads in to the numbered sections
    under it (`segments.is_lead_in`), else None."""
    last = sec.blocks[-1] if sec.blocks and sec.children else None
    if not isinstance(last, Para) or sec.children[0].kind != "decimal":
        return None
    return last if is_lead_in(last, last.text, labels=True) else None


def _led_in(given: Reading | None, text: str, where: Assignment) -> Reading | None:
    """What the items under a lead-in (`text`) are given, with what stands over it (`given`):
    `segments.introduced`, when the lead-in names a lead, or coordinators beside one given."""
    intro = intro_reading(text, where)
    if not (intro.has_agency or (given is not None and intro.coordinating)):
        return given
    return introduced(given, intro)


def _handed_on_only(segments: list[tuple[list[Item], LabelRun | None]]) -> bool:
    """Whether a section's items are only paragraphs that hand work to bodies of their own
    (`hands_work`), with no labelled lines: under a heading with its own sentence, they do
    not make that sentence their introduction. A closing paragraph (`segments.is_closing`)
    stands under the last heading only by its place: no item of it."""
    items = [p for its, _ in segments for p, t in its if not is_closing(p, t)]
    return (
        bool(items)
        and all(run is None for _, run in segments)
        and all(p.kind == "plain" for p in items)
    )


def _with_shared_duties(
    sections: list[Section], givens: list[Reading | None]
) -> list[Reading | None]:
    """What each section is given, a `Trách nhiệm chung` section given as lead every party
    that a section before it is headed by (`Trách nhiệm của Sở X`, `Trách nhiệm của Hội Y`):
    the duties those parties share (a joint plan's two signatories)."""
    if not any(_shares_duties(sec.title) for sec in sections[1:]):
        return givens  # the common case: no shared duties, no parties to read
    out: list[Reading | None] = []
    parties: list[str] = []
    for sec, given in zip(sections, givens, strict=True):
        if _shares_duties(sec.title) and len(parties) > 1:
            given = Reading(lead=list(parties), strength=HEADING, source="heading")
        out.append(given)
        parties += [p for p in _party_of(sec.title) if p not in parties]
    return out


@lru_cache(maxsize=1)
def _shared_duties_re() -> re.Pattern[str]:
    return re.compile(lexicon.alternation("sections.shared_duties", fold_words=True))


def _shares_duties(title: str) -> bool:
    """`Trách nhiệm chung`: a heading of the duties the parties headed beside it share."""
    return _shared_duties_re().fullmatch(fold(title).strip(" .:")) is not None


def _party_of(title: str) -> list[str]:
    """The bodies a sub-section's heading makes a party to the work (`Trách nhiệm của Sở X`),
    not one it asks to help (`Đề nghị Ủy ban nhân dân các xã, phường`)."""
    if not title or opening(title):
        return []
    got = read_heading(title)
    if got is None or got[0].directing or got[1]:
        return []
    return [a for a in got[0].lead if named(a)]


def _shared_closing(sec: Section) -> Reading | None:
    """Labelled lines that close a section's last sub-section (`Đơn vị chủ trì: X; đơn vị
    phối hợp: Y; thời gian thực hiện: …` after `5.2.`'s bullets) when no sub-section before
    it names its agencies so: they close the whole section, and the items of the sub-sections
    before it take them too (as from a heading, the weakest evidence)."""
    kids = sec.children
    if len(kids) < 2 or any(k.children for k in kids):
        return None
    segments = segments_of(kids[-1].blocks, prose_allowed=True)
    items, run = segments[-1]
    if run is None or run.values.get("other") or not items:
        return None
    if any(p.kind == "plain" for p, _ in items):
        return None  # a block of prose: an activity described, not a group of bullets closed
    if any(r is not None for k in kids[:-1] for _, r in segments_of(k.blocks, True)):
        return None  # each sub-section closes with its own labels
    labels = labels_reading(run)
    if not labels.has_agency:
        return None
    return Reading(
        labels.directing, labels.lead, labels.coordinating, labels.time, INHERITED, "closing"
    )


@lru_cache(maxsize=1)
def _period_heading_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{w})" for w in lexicon.words("time.period_headings")))


def _period_of(title: str) -> str | None:
    """The period a heading is made of alone (`Quý I/2026`, `Tháng 3/2026`, `Năm 2027`; the
    wordings in the lexicon), or the time of a phase it names (`Giai đoạn 1 (từ tháng 4 đến
    tháng 6/2026): Khảo sát`, `Bước 2: Quý III/2026`; `timeframes.phase_time`), else None: a
    heading that says more is no period."""
    t = title.strip().rstrip(":.").strip()
    if len(t) > 40 or not _period_heading_re().fullmatch(t.lower()):
        return phase_time(t)
    return t


def _unnumbered_requests(root: Section) -> list[Assignment]:
    """Paragraphs before any numbered heading that hand work to a body by their opening
    (`Giao Sở Công Thương chủ trì, phối hợp với …`, `Đề nghị X …`): a letter that assigns
    its work in one unnumbered paragraph. Other prose there (the preamble, `Ủy ban nhân dân
    tỉnh nhận được …`) assigns nothing."""
    out: list[Assignment] = []
    where = Assignment("", None, None, "")
    for items, _ in segments_of(root.blocks, prose_allowed=True):
        for para, text in items:
            if para.kind != "plain" or not opening(text) or is_closing(para, text):
                continue  # "Yêu cầu các cơ quan, đơn vị … khẩn trương thực hiện; …": no task
            a = propose(text, [], where)
            if a.best() is not None:
                a.id = str(len(out) + 1)
                out.append(a)
    return out


def section_proposals(root: Section, doc_year: int | None) -> list[tuple[Assignment, Task]]:
    """Each item some section assigns to an agency, with its task (restatements not yet
    dropped), in the document's order; `Assignment.section` says where it stands."""
    proposals = _unnumbered_requests(root)
    per_item = labels_per_item([segments_of(s.blocks, True) for s in root.walk()])
    tops = root.children
    for top, given in zip(tops, _with_shared_duties(tops, [None] * len(tops)), strict=True):
        _visit(top, given, None, proposals, per_item=per_item)
    made: list[tuple[Assignment, Task]] = []
    # the paragraphs counted among their section's items that only introduce the items after
    # them (`Các hoạt động … tập trung vào các nội dung sau:`), by section: no item, so the
    # tasks are numbered as if they were not there; an item that assigns no work (a bullet
    # naming no agency) keeps its place
    skipped: dict[str, int] = {}
    for a in proposals:
        t = _task(a, doc_year)
        if t is None:
            if a.counted and a.text.rstrip().endswith(":"):
                skipped[a.section] = skipped.get(a.section, 0) + 1
            continue
        if a.counted and skipped.get(a.section):
            head, _, n = a.id.rpartition(".")
            n = str(int(n) - skipped[a.section])
            a.id = f"{head}.{n}" if head else n
            t = replace(t, id=a.id)
        made.append((a, t))
    return made


def tasks_from_sections(
    root: Section,
    doc_year: int | None,
    beside: Sequence[tuple[str, Task]] = (),
    made: list[tuple[Assignment, Task]] | None = None,
) -> list[Task]:
    """One task per item that some section assigns to an agency, strongest reading first.

    `beside` are tasks the plan states another way, each with the path of the section it
    stands in (the rows of a body table that is not the plan's task list): they join the
    sections' tasks in the document's order, and an item that restates one of them and adds
    no one is dropped, as between sections. `made`: `section_proposals`, when already read."""
    if made is None:
        made = section_proposals(root, doc_year)
    if beside:
        order = {sec.path: i for i, sec in enumerate(root.walk())}
        rows = [(Assignment(t.id, t.group, t.group_title, t.text, section=p), t) for p, t in beside]
        # stable: the sections' items keep their order, a table's rows follow its section's
        keyed = [((order.get(a.section, 0), 0), (a, t)) for a, t in made]
        keyed += [((order.get(a.section, 0), 1), (a, t)) for a, t in rows]
        made = [pair for _, pair in sorted(keyed, key=lambda k: k[0])]
    return without_restatements(made)
