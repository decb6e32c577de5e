"""A section's items cut where labelled lines stand, and the tasks of each piece.

Labelled lines (`Thời gian: …`, `Đơn vị chủ trì: …`; `labels.py`) either describe an activity
block (one task, headed by its title line or the section's heading) or close a group of
bullets (each bullet a task of the agencies they name). A running order's hours and an
organising committee's members (`event_parts.py`) are no items.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from kehoach.extract.agencies import agency_phrase, starts_with_agency, starts_with_group
from kehoach.extract.directed import directed_reading
from kehoach.extract.event_parts import (
    is_composition_line,
    is_member_line,
    is_programme_line,
)
from kehoach.extract.implementation import timeframe_phrase
from kehoach.extract.labels import LabelRun, labelled, time_for_point
from kehoach.extract.outline import Para, numbered_label
from kehoach.extract.readings import (
    BLOCK,
    CLOSING,
    Assignment,
    Reading,
    after_adverbial,
    after_heading_opening,
    coordinating_in,
    is_agency_label,
    is_name_line,
    labels_reading,
    opening,
    propose,
    roles_of_phrase,
    speaks_of_itself,
    unopened,
)
from kehoach.extract.timeframes import phase_time
from kehoach.intake.document import Table
from kehoach.text import lexicon
from kehoach.text.normalize import fold


@lru_cache(maxsize=1)
def _closing_re() -> re.Pattern[str]:
    return re.compile(r"^" + lexicon.alternation("sections.closing_paragraphs", fold_words=True))


@lru_cache(maxsize=1)
def _closing_request_re() -> re.Pattern[str]:
    alt = lexicon.alternation("sections.closing_requests", fold_words=True)
    return re.compile(r"\b" + alt + r"\s*(?:\./\.|\.)?\s*$")


@lru_cache(maxsize=1)
def _closing_clause_re() -> re.Pattern[str]:
    alt = lexicon.alternation("sections.closing_request_clauses", fold_words=True)
    return re.compile(r"\b" + alt + r"\s*$")


def _closing_request(text: str) -> bool:
    """A paragraph that only asks its addressees to carry the letter out: a short one ending
    `… nghiêm túc triển khai thực hiện./.`, one whose first clause asks so strictly and the
    rest says how to report (`Yêu cầu Thủ trưởng các sở, … nghiêm túc triển khai thực hiện;
    định kỳ … báo cáo …`), one whose first clause asks every addressee only to carry it out
    (`_carries_out_only`), or any asking to carry out `các nội dung nêu trên` (the endings and
    phrases in the lexicon)."""
    folded = fold(text)
    if any(p in folded for p in lexicon.folded("sections.closing_request_phrases")):
        return True  # "… chịu trách nhiệm tổ chức thực hiện nghiêm túc các nội dung nêu trên"
    first = folded.split(";", 1)[0]
    if ";" in folded and len(first) < 160 and _closing_clause_re().search(first):
        return True
    if len(text) < 160 and _closing_request_re().search(folded):
        return True
    return _carries_out_only(text)


# The first clause of a paragraph: up to its first `;`, or the end of its first sentence
_FIRST_CLAUSE = re.compile(r";|(?<![./])\.(?:\s+(?=[^\W\d_])|\s*$)|\./\.")


@lru_cache(maxsize=1)
def _carry_out_re() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words a request to carry the document out is made of (lexicon `sections.carry_out_*`),
    folded, one after another (commas and `và` between), and its verbs alone."""
    verbs = lexicon.alternation("sections.carry_out_verbs", fold_words=True)
    manners = lexicon.alternation("sections.carry_out_manners", fold_words=True)
    objects = lexicon.alternation("sections.carry_out_objects", fold_words=True)
    links = lexicon.alternation("sections.carry_out_links", fold_words=True)
    word = rf"(?:{verbs}|{manners}|{objects}|{links})"
    whole = re.compile(rf"{word}(?:(?:\s*,\s*|\s+va\s+|\s+){word})*")
    return whole, re.compile(rf"\b{verbs}\b")


def _carries_out_only(text: str) -> bool:
    """A paragraph whose first clause asks every addressee only to carry the document out:
    its subject (after `Yêu cầu`/`Đề nghị`, or the issuer that asks: `Ủy ban nhân dân tỉnh
    yêu cầu …`) names a generic group (`các cơ quan, đơn vị, địa phương`, `Thủ trưởng các
    sở, ban, ngành`), and what follows is only how and what to carry out (`khẩn trương triển
    khai thực hiện`, `tổ chức thực hiện có hiệu quả Kế hoạch này`). A body named alone, or
    any work named (`chủ trì …`, `xây dựng kế hoạch …`), makes it an item; so does a later
    clause that hands work to a body of its own (`…. Giao Sở X theo dõi, …`)."""
    m = _FIRST_CLAUSE.search(text)
    first, after = (text[: m.start()], text[m.end() :]) if m else (text, "")
    whole, verb = _carry_out_re()
    if not verb.search(fold(first)):
        return False  # cheap first test: no request to carry anything out
    # "Căn cứ nhiệm vụ được phân công, các cơ quan, đơn vị …": the subject after the adverbial
    names, rest = agency_phrase(after_adverbial(first[opening(first) :]))
    if names and rest[:1].islower():
        # the issuer asks the addressees: "Ủy ban nhân dân tỉnh yêu cầu các cơ quan, …"
        n = opening(rest[:1].upper() + rest[1:])
        if n:
            names, rest = agency_phrase(rest[n:])
    if not names or not any(re.search(r"\bcac\b", fold(n)) for n in names):
        return False
    doing = fold(rest).strip(" ,.:")
    if not (whole.fullmatch(doing) and verb.search(doing)):
        return False
    return not any(hands_work(s) for s in re.split(r"[.;]\s+", after.strip()) if s)


def is_closing(para: Para, text: str) -> bool:
    """A plain paragraph that closes the body (`Trong quá trình thực hiện, nếu có khó khăn …`)
    or asks everyone to carry the letter out (`_closing_request`): no item of the section it
    follows."""
    return para.kind == "plain" and _closes(text)


def _closes(text: str) -> bool:
    """Text that closes the body, asks everyone to carry the letter out, or only speaks of
    the document itself (`Kế hoạch này được phổ biến đến …`) (`is_closing`)."""
    return bool(_closing_re().match(fold(text)) or _closing_request(text) or speaks_of_itself(text))


Item = tuple[Para, str]  # an item's first paragraph and its text
# An item that ends so is complete: a bracketed line after it is no wrapped part of it
_ITEM_ENDS = (".", ";", ":", "!", "?")


def segments_of(
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
        if is_programme_line(b.text) or is_member_line(b.text) or is_composition_line(b.text):
            # a running order's hours (`+ 08 giờ 00: Đón tiếp …`) and a committee's members
            # (`- Giám đốc Sở X: Trưởng ban`) or parts (`Gồm 05 tiểu ban …`) assign no work,
            # nor the short line that introduces them (`- Chương trình Lễ khai mạc:`)
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
        # a `+` sub-item joins the item above it; a list of `+` bullets with no other item
        # above them (`+ Tổ chức …. Giao: Sở X; …` / `+ …`) is a list of items of their own
        if b.text.startswith("+") and items and not items[-1][0].text.startswith("+"):
            items[-1] = (items[-1][0], f"{items[-1][1]} {b.body}")
        elif b.kind in ("bullet", "letter", "paren", "decimal"):
            items.append((b, b.body))
        elif (
            b.kind == "plain"
            and items
            and (not b.text[:1].isupper() or not items[-1][1].endswith(_ITEM_ENDS))
            and not (b.text[:1].isupper() and is_name_line(items[-1][1]))
        ):  # a wrapped line: lower-case start, or the item above has not ended (a body's
            # name alone on its line is a heading over the paragraphs under it: no wrap)
            items[-1] = (items[-1][0], f"{items[-1][1]} {b.text}")
        elif b.kind == "plain":
            items.append((b, b.text))
    out.append((items, run))
    out = [([(p, t) for p, t in its if len(t) > 10 or is_name_line(t)], run) for its, run in out]
    if not prose_allowed:
        # prose under a heading with its own text is its explanation, unless it hands work
        # to a body of its own (`Đề nghị Hội X phát động …` under `7. Đề nghị Ủy ban Mặt trận
        # Tổ quốc … tăng cường …`) or opens with a body it tells what to do (`Sở X có trách
        # nhiệm theo dõi …` under `12. Các sở, ngành … nghiêm túc thực hiện …`)
        out = [
            (
                its
                if run
                else [
                    (p, t) for p, t in its if p.kind != "plain" or hands_work(t) or _body_told(t)
                ],
                run,
            )
            for its, run in out
        ]
    return out


def hands_work(text: str) -> bool:
    """A paragraph that opens by handing work to the body it names next (`Giao Sở X …`,
    `Đề nghị Hội Y …`; the openings of `agencies.assign_openings`)."""
    n = opening(text)
    return n > 0 and starts_with_agency(text[n:])


def hands_out_by_subject(segments: list[tuple[list[Item], LabelRun | None]]) -> bool:
    """Whether a section assigns its work paragraph by paragraph, each naming its own body
    (`Giao Phòng X chủ trì …`, `Công an xã chủ trì …`, `Đề nghị Hội Y …`), with no labelled
    lines: at least two such items. A paragraph there whose subject is a group of bodies
    (`Các trường học trên địa bàn xã đưa …`) is handed its work as plainly."""
    if any(run is not None for _, run in segments):
        return False
    told = 0
    for items, _ in segments:
        for _, text in items:
            told += hands_work(text) or _body_told(text)
            if told >= 2:
                return True
    return False


def _body_told(text: str) -> bool:
    """A paragraph whose subject is a named body (`Sở X`, `Công an tỉnh`; no generic group)
    and whose next words tell it what to do (`Sở X có trách nhiệm theo dõi …`)."""
    if not text[:1].isupper() or not starts_with_agency(text) or starts_with_group(text):
        return False
    if _closes(text):
        return False  # "Văn phòng UBND tỉnh thông báo để các cơ quan biết, thực hiện./."
    names, rest = agency_phrase(text)
    if not names or not rest[:1].islower():
        return False
    # "Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, … nghiêm túc thực hiện Chỉ thị này./.":
    # the body that speaks asks others, it is told nothing
    return not hands_work(rest[:1].upper() + rest[1:])


def time_only(run: LabelRun | None) -> bool:
    """Labelled lines that say only when (`Thời gian thực hiện: Quý III/2027.`)."""
    return run is not None and set(run.values) == {"time"}


def labels_per_item(sections: list[list[tuple[list[Item], LabelRun | None]]]) -> bool:
    """Whether the document's time-only labelled lines each give the time of the one item
    above them (`- Tổ chức …` / `Thời gian thực hiện: Hằng năm.` / `- Hướng dẫn …` / …),
    not of a group of bullets they close: most such lines, and at least two, follow a
    single item (or a heading's own sentence) since the previous labelled lines."""
    single = multi = 0
    for segments in sections:
        for items, run in segments:
            if time_only(run):
                if len(items) <= 1:
                    single += 1
                else:
                    multi += 1
    return single >= 2 and single > multi


def _is_title(text: str) -> bool:
    """A line that names an activity (`Lễ khai mạc Ngày hội`), not a sentence describing it."""
    return len(text) < 200 and not text.rstrip().endswith(_ITEM_ENDS)


def segment_assignments(
    items: list[Item],
    run: LabelRun | None,
    here: Reading | None,
    where: Assignment,
    several_blocks: bool = False,
    groups: bool = False,
    per_item: bool = False,
    bodies: bool = False,
) -> list[Assignment]:
    """Tasks of one segment: an activity block (its title line when the section holds
    several, else the heading, or the one item the labels describe), each bullet of a group
    the labels close, or each item on its own evidence (`groups`: the items stand in the
    implementation part, where a generic group as subject is told to do the work; `bodies`:
    in a topic whose items each name their body, where a group of bodies of one kind is).
    `per_item` (see `labels_per_item`): a time-only labelled line is the time of the item
    right above it alone, and as its own it goes before a time phrase in its text."""
    labels = labels_reading(run) if run is not None else None
    items, intros, points = _under_intros(items, where)
    if labels is not None and labels.has_agency and run is not None:
        marked = [it for it in items if it[0].kind != "plain"]
        title = next((t for _, t in items if _is_title(t)), None) if not marked else None
        label = numbered_label(title) if title is not None else None
        if run.is_block and title is not None and (several_blocks or label is not None):
            # activities under one heading, each titled by a line of its own (bold in the
            # original): "Lễ khai mạc Ngày hội" / "Thời gian: …"; a numbered label before the
            # title ("Nhiệm vụ 3: Rà soát …") numbers the task, even the heading's only one
            a = propose(label[1] if label else title, [labels], where)
            if label is not None:
                a.id = f"{where.id}.{label[0]}" if where.id else label[0]
            return [a]
        if run.is_block and (not items or not marked) and where.group_title:
            # the section heading is the activity; its prose only describes it
            return [
                Assignment(where.id, where.group, where.group_title, where.group_title, [labels])
            ]
        if run.is_block and marked and items[0][0].kind != "plain" and len(marked) == 1:
            return [propose(items[0][1], [labels], where)]
        if marked:
            # the labels close a group of bullets: prose before the first of them introduces or
            # describes the group ("Trung tâm X là thiết chế …, giữ vai trò …"), no task of its
            # own unless it hands work to a body itself (`Giao Sở X …`)
            first = next(i for i, (para, _) in enumerate(items) if para.kind != "plain")
            items = [it for i, it in enumerate(items) if i >= first or hands_work(it[1])]
        out_closed = []
        for para, text in items:
            point = _point(para, points)
            # "Thời gian: Nội dung tại điểm a hoàn thành trong quý III/2026; các nội dung còn
            # lại thực hiện thường xuyên": each point its own part of the group's time
            time = time_for_point(labels.time, point) if labels.time else None
            closing = Reading(
                labels.directing, labels.lead, labels.coordinating, time, CLOSING, "closing"
            )
            out_closed.append(_given(propose(text, [closing], where), intros.get(id(para)), point))
        return out_closed
    out = []
    last = items[-1][0] if items else None
    given = here  # what the section gives, before a body's name line heads paragraphs
    for para, text in items:
        if is_closing(para, text):
            continue  # "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, …"
        if para.kind == "plain" and is_name_line(text):
            # "Sở X" alone on its line (a heading whose number was lost) heads the
            # paragraphs after it, until one names a body of its own
            here = roles_of_phrase(unopened(text)) or here
            continue
        if (
            para.kind == "plain"
            and here is not given
            and (starts_with_agency(text) or hands_work(text))
        ):
            here = given
        head = text.rstrip().removesuffix(":")
        if para.kind == "plain" and text.rstrip().endswith(":") and is_agency_label(head):
            # "Sở Tài chính:" on its own line heads the items after it
            here = roles_of_phrase(unopened(head)) or here
            continue
        a = propose(text, [], where, groups, bodies)
        if labels is not None and labels.time and per_item and time_only(run):
            if para is last:
                a.readings.append(Reading(time=labels.time, strength=BLOCK, source="labels"))
        elif labels is not None and labels.time:
            time = time_for_point(labels.time, _point(para, points))
            a.readings.append(Reading(time=time, source="labels"))
        if here is not None:
            a.readings.append(here.as_inherited())
        intro = intros.get(id(para))
        _add_directed(a, intro if intro is not None and intro.has_agency else here)
        out.append(_given(a, intro, _point(para, points)))
    return out


def _add_directed(a: Assignment, given: Reading | None) -> None:
    """The item's `directed_reading` under what its heading or introduction gives, if any."""
    directed = directed_reading(a.text, given)
    if directed is not None:
        a.readings.append(directed)


# Markers that may introduce bullets (`-`) standing under them
_INTRO_KINDS = ("letter", "decimal", "paren")
# A sentence's end inside a paragraph: a stop, then a word (a capital: `_two_sentences`)
_SENTENCE_BREAK = re.compile(r"[.!?]\s+(\w)")
# Markers of the items a plain lead-in sentence may introduce
_LISTED_KINDS = ("bullet", *_INTRO_KINDS)


def _under_intros(
    items: list[Item], where: Assignment
) -> tuple[list[Item], dict[int, Reading], dict[int, str]]:
    """The items without those that only introduce the bullets under them (`a) Tổ chức Ngày
    Sách hằng năm, gồm các hoạt động:` then `- Triển lãm …`, `- Cuộc thi …`; or a sub-heading,
    a title with no sentence's end, `b) Đối với di sản phi vật thể` then its bullets): the
    bullets are the tasks, and each takes what its introduction says (by the id of its
    paragraph; and, under a letter, that letter: the point the bullets make up). A plain
    sentence that leads in to the list after it (`Chủ trì, phối hợp với Y thực hiện các nhiệm
    vụ sau:` then `a)`, `b)`) is no item either: each item of that list, and the bullets under
    them, take what it says (`is_lead_in`)."""
    out: list[Item] = []
    given: dict[int, Reading] = {}
    points: dict[int, str] = {}
    intro: Reading | None = None
    point: str | None = None
    outer: tuple[str, Reading] | None = None  # a lead-in's list's marker, and its reading
    for i, (para, text) in enumerate(items):
        following = items[i + 1][0].kind if i + 1 < len(items) else None
        if following in _LISTED_KINDS and is_lead_in(para, text):
            outer, intro, point = (following, intro_reading(text, where)), None, None
            continue
        if outer is not None and para.kind not in (outer[0], "bullet"):
            outer = None  # the list the lead-in introduced has ended
        colon = text.rstrip().endswith(":")
        # an unnumbered paragraph introduces its bullets by its colon alone (`… tổ chức Hội nghị
        # sơ kết … Phân công chuẩn bị như sau:`): a plain title may be a task of its own
        introduces = colon or (para.kind in _INTRO_KINDS and _is_title(text))
        if para.kind in (*_INTRO_KINDS, "plain") and introduces and following == "bullet":
            # a paragraph's sentences before the one that introduces the bullets tell of the
            # work (`… tổ chức Hội nghị (dự kiến trong tháng 12/2026)`), not who does each part
            said = _last_sentence(text) if para.kind == "plain" else text
            intro = intro_reading(said, where)
            if outer is not None:
                intro = introduced(outer[1], intro)
            point = para.num if para.kind == "letter" else None
            continue
        if para.kind != "bullet":
            intro, point = None, None
        elif intro is not None:
            given[id(para)] = intro
            if point is not None:
                points[id(para)] = point
        if id(para) not in given and outer is not None:
            given[id(para)] = outer[1]
        out.append((para, text))
    return out, given, points


def is_lead_in(para: Para, text: str, labels: bool = False) -> bool:
    """A plain sentence that ends with a colon and leads in to the list under it (`Chủ trì,
    phối hợp với Sở X và Ủy ban nhân dân các xã thực hiện các nhiệm vụ sau:`), no task of its
    own; with `labels` also a body's name before its items (`Sở Tài chính:`, `Sở X chủ trì,
    phối hợp với Y:`), which among a section's paragraphs heads those after it
    (`segment_assignments`). One sentence only: a paragraph that first states work of its own
    (`… tổ chức Hội nghị sơ kết (dự kiến trong tháng 12/2026). Phân công chuẩn bị như sau:`)
    is an item, its time no time of the items after it."""
    if para.kind != "plain" or not text.rstrip().endswith(":"):
        return False
    if _two_sentences(text):
        return False
    head = text.rstrip().removesuffix(":")
    return labels or not (is_agency_label(head) or is_name_line(head))


def _two_sentences(text: str) -> bool:
    """Whether a sentence ends inside the text (a stop, then a capital)."""
    return any(m.group(1).isupper() for m in _SENTENCE_BREAK.finditer(text))


def introduced(outer: Reading | None, intro: Reading) -> Reading:
    """What a lead-in (`intro`) gives the items under it beside what stands over it (`outer`):
    the bodies it names itself, else those above, with the coordinators it adds (`Chủ trì,
    phối hợp với Y …` under `Điều 9. Trách nhiệm của Sở X`: X leads, Y coordinates); its time
    before theirs."""
    if intro.has_agency or outer is None:
        time = intro.time or (outer.time if outer is not None else None)
        return replace(intro, time=time)
    more = [c for c in intro.coordinating if c not in outer.coordinating + outer.lead]
    return replace(outer, coordinating=[*outer.coordinating, *more], time=intro.time or outer.time)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^\W\d_])")


def _last_sentence(text: str) -> str:
    """The paragraph's last sentence (a stop, then a word: `Phân công chuẩn bị như sau:`)."""
    return _SENTENCE_END.split(text)[-1]


def _point(para: Para, points: dict[int, str]) -> str | None:
    """The letter of the point an item is (`b) …`) or stands under."""
    return points.get(id(para)) or (para.num if para.kind == "letter" else None)


def intro_reading(text: str, where: Assignment) -> Reading:
    """What an introduction gives the bullets under it: its agencies and its time (or its
    phase's). A point that only names its bodies (`g) Các cơ quan báo chí:`, `c) Sở X chủ
    trì, phối hợp với Y:`, `d) Trách nhiệm của Sở Z:`) heads its bullets as a heading does,
    even among points headed by a topic (`a) Lĩnh vực di sản văn hóa:`), whose bullets each
    name their own body."""
    head = unopened(after_heading_opening(text.rstrip().removesuffix(":").rstrip()))
    label = roles_of_phrase(head) if is_agency_label(head) else None
    body = text
    if label is not None and label.has_agency:
        best: Reading | None = label
    else:
        a = propose(text, [], where)
        body, best = a.text, a.best()
    r = Reading(strength=CLOSING, source="intro")
    if best is not None:
        r.directing, r.lead, r.coordinating = best.directing, best.lead, list(best.coordinating)
    # "Chủ trì, phối hợp với Y thực hiện các nhiệm vụ sau:": Y helps with every item under it
    r.coordinating += [c for c in coordinating_in(body) if c not in r.coordinating + r.lead]
    # a phase's time (`a) Giai đoạn 1 (quý II/2026): Khảo sát`) is its bullets'
    r.time = (best.time if best is not None else None) or timeframe_phrase(body)
    r.time = r.time or phase_time(text)
    return r


def _given(a: Assignment, intro: Reading | None, point: str | None = None) -> Assignment:
    """The task with what its introduction gives it, if it has one, and its point's letter."""
    if intro is not None:
        a.readings.insert(0, intro)  # before the group's closing labels, which it narrows
    a.point = point
    return a
