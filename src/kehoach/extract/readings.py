"""The evidence of who does one item's work: each `Reading` a piece of evidence with its
strength, each `Assignment` a proposed task with its readings.

An item names its own agency as its subject (`- Công an tỉnh tham mưu …`, `X chỉ đạo Y …`,
`Cục X phối hợp thực hiện …`), after an opening that hands it work (`Đề nghị X …`, `Mời X …`,
`Giao X …`), before a colon (`Sở Tài chính: Thẩm định …`) or in a closing parenthesis
(`(Sở X chủ trì; thời gian: …)`); a heading or labelled lines above it give it more.
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
    cell_roles,
    community_title,
    has_bracket_note,
    known_prefix,
    parse_list,
    parse_roles,
    registered,
    starts_with_agency,
    starts_with_group,
)
from kehoach.extract.implementation import assignment
from kehoach.extract.labels import LabelRun, trailing_labels
from kehoach.text import lexicon
from kehoach.text.normalize import fold, fold_chars

# Strength of each reading: the more specific the evidence, the stronger. `HANDED`, a body an
# item hands its work to after what it first says (`handed_reading`), is the weakest: it
# counts only where nothing else names the item's agency.
HANDED, INHERITED, CLOSING, HEADING, SUBJECT, BLOCK, PARENTHESIS = 0, 1, 2, 3, 3, 4, 4


@dataclass
class Reading:
    """Who does an item's work, by one piece of evidence."""

    directing: list[str] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    coordinating: list[str] = field(default_factory=list)
    time: str | None = None
    strength: int = 0
    source: str = ""
    # a subject that works with others (`Sở Tư pháp phối hợp thẩm định …`, no `với`): its
    # coordinators lead when no other reading names a lead (`Assignment.best`)
    leads_alone: bool = False

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
    # the period of a heading above it that is only a period (`1. Quý I/2026`): its time when
    # it states none of its own
    period: str | None = None
    # where it stands: its section's path (`II.3`) and the letter of the point it is or stands
    # under (`b` for `b) Số hóa di sản` and its bullets), for a later item that cites it
    section: str = ""
    point: str | None = None
    # its id is its place among its section's items (`II.1.3`), not a number the document
    # gives it (`Nhiệm vụ 3: …`)
    counted: bool = False

    def best(self) -> Reading | None:
        """The strongest reading that names a lead or directing body; else one that only
        names coordinators (`Cục X phối hợp thực hiện …` with no heading above: no lead)."""
        withagency = [r for r in self.readings if r.has_agency]
        if withagency:
            return max(withagency, key=lambda r: r.strength)
        alone = next((r for r in self.readings if r.coordinating and r.source == "subject"), None)
        if alone is not None and alone.leads_alone:
            # "Sở Tư pháp phối hợp thẩm định …" with no body above: the subject does the work
            return Reading(lead=alone.coordinating, strength=alone.strength, source="subject")
        return alone

    def coordinators(self) -> list[str]:
        """The coordinators named as the item's subject (`Cục X phối hợp thực hiện …`), or by
        a lead-in over it that names no lead (`Chủ trì, phối hợp với Y thực hiện các nhiệm vụ
        sau:` under the heading of the body that leads)."""
        return [
            c
            for r in self.readings
            if r.source in ("subject", "intro") and not r.has_agency
            for c in r.coordinating
        ]


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


def opening(text: str) -> int:
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


@lru_cache(maxsize=1)
def _heading_opening_re() -> re.Pattern[str]:
    return re.compile(
        r"^" + lexicon.alternation("agencies.heading_openings", fold_words=True) + r"\s+"
    )


def after_heading_opening(title: str) -> str:
    """A heading from its agency when an opening comes first (`Trách nhiệm chung của các cơ
    quan, đơn vị` gives `các cơ quan, đơn vị`; the openings in the lexicon), else as it is."""
    m = _heading_opening_re().match(fold_chars(title[:60]))
    if m and starts_with_agency(title[m.end() :]):
        return title[m.end() :]
    return title


def unopened(text: str) -> str:
    """Text without its item opening."""
    return text[opening(text) :]


@lru_cache(maxsize=1)
def _phoi_hop_re() -> re.Pattern[str]:
    # in folded text: `phôi hợp` read by OCR is still a role
    manners = lexicon.alternation("agencies.coordination_manners", fold_words=True)
    return re.compile(rf"\bphoi\s+hop\s+(?:{manners}\s+)?voi\s+")


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
    if "p" not in text:
        return out  # no `phối hợp`: nothing to fold and search
    folded = fold_chars(text)
    # no `… với` after a word in -p: only a bare `phối hợp` to read
    with_voi = _phoi_hop_re().finditer(folded) if _WITH_HINT.search(text) else ()
    for m in with_voi:
        before = fold_chars(text[max(0, m.start() - 14) : m.start()]).split()
        last_two = " ".join(before[-2:])
        blocked = lexicon.folded("agencies.coordination_not_after")
        if before and (before[-1] in blocked or last_two in blocked):
            continue
        names, _ = agency_phrase(text[m.end() :], any_start=True)
        out += [n for n in names if n not in out]
    for m in _bare_phoi_hop_re().finditer(folded):
        # "…; phối hợp Báo và Phát thanh, Truyền hình X sản xuất phim …", "phối hợp các trường
        # học trên địa bàn": without `với`, what follows is an agency only when it begins as one
        after = text[m.end() :]
        if not starts_with_agency(after) or (not named(after) and not starts_with_group(after)):
            continue  # "phối hợp các hoạt động …": no group of bodies
        names, _ = agency_phrase(after)
        out += [n for n in names if n not in out and looks_like_agency(n)]
    return out


_CLAUSE_END = re.compile(r"(?<=[;.])\s+")
_AFTER_LEAD = re.compile(r"\bchu tri,\s+")  # in folded text: `X chủ trì, | Y phối hợp …`


def _later_clauses(text: str) -> list[str]:
    """The clauses after an item's first: past a `;` or a sentence's end, and past the lead's
    `chủ trì,` (`Giao Bảo tàng tỉnh chủ trì, Ban Quản lý di tích tỉnh phối hợp thực hiện`)."""
    cuts = [(m.start(), m.end()) for m in _CLAUSE_END.finditer(text)]
    cuts += [(m.end(), m.end()) for m in _AFTER_LEAD.finditer(fold_chars(text))]
    cuts.sort()
    ends = [start for start, _ in cuts[1:]] + [len(text)] if cuts else []
    return [text[end_of_cut:stop] for (_, end_of_cut), stop in zip(cuts, ends, strict=True)]


def coordinating_subjects(text: str) -> list[str]:
    """Agencies a later clause of the item names as its subject that only works with the
    others (`Ban X chủ trì tham mưu …; Sở Nội vụ phối hợp rà soát …`, `… . Các sở, ngành phối
    hợp thực hiện.`, `X chủ trì, Y phối hợp thực hiện`): coordinators of the item's work, as
    in `X chủ trì, phối hợp với Y`."""
    out: list[str] = []
    if "p" not in text or (";" not in text and ". " not in text and "," not in text):
        return out  # cheap: no later clause, or no `phối hợp`
    for clause in _later_clauses(text):
        if not starts_with_agency(clause):
            continue
        reading = subject_reading(clause)
        if reading is not None and not reading.has_agency:
            out += [c for c in reading.coordinating if c not in out]
    return out


@lru_cache(maxsize=1)
def _bare_phoi_hop_re() -> re.Pattern[str]:
    # in folded text: `phối hợp` then no `với` (nor a manner word before one)
    manners = lexicon.alternation("agencies.coordination_manners", fold_words=True)
    return re.compile(rf"\bphoi\s+hop\s+(?!voi\b|{manners}\b|thuc hien\b|trien khai\b)")


def named(name: str) -> bool:
    """A named body, not a generic group (`các sở, ngành`, `cơ quan …`)."""
    return not re.match(r"(?i)(các|cơ quan|đơn vị|địa phương|cấp)\b", name)


def is_agency_label(head: str) -> bool:
    """`Sở X`, `Sở X chủ trì, phối hợp với Y`, `X chỉ đạo Y` before a colon; not a sentence
    that merely begins with an agency (`Công an tỉnh tham mưu … Dự án 1: …`)."""
    if len(head) >= 150 or not starts_with_agency(head):
        return False
    if ";" in head:
        # "Sở X chủ trì …; thời gian: 2026 - 2028": a label closes the item; but "Báo X; Cổng
        # Y:" only lists the bodies the item is for
        return all(_names_only(part) for part in head.split(";"))
    if re.search(r"\.\s+\S", head):
        return False  # "Sở X chủ trì tổ chức …. Thời gian: …": the colon is a later sentence's
    if has_bracket_note(head):
        return True  # "Tiểu ban Y tế (Sở Y tế chủ trì):": the bracketed body's part
    names, rest = agency_phrase(head)
    if not names or not all(looks_like_agency(n) for n in names):
        # "Hội nghị cấp tỉnh: Ủy viên …" (who attends), "Các quan điểm chỉ đạo của Nghị quyết:
        # …" (what is studied): a topic that opens with an agency's word labels no body
        return False
    return not rest or bool(_label_role_re().match(fold(rest)))


@lru_cache(maxsize=1)
def _topic_re() -> re.Pattern[str]:
    return re.compile(
        r"(?:cac|nhung) " + lexicon.alternation("agencies.topic_nouns", fold_words=True) + r"\b"
    )


def is_name_line(text: str) -> bool:
    """A short line that is only an agency's name, with no final stop (`Sở Văn hóa, Thể thao
    và Du lịch`, `Ủy ban nhân dân các xã, phường`): a heading whose numbering was lost (a plan
    copied out of Word), over the paragraphs that body is to carry out."""
    text = text.strip()
    if len(text) >= 100 or text.endswith((".", ";", ":", "!", "?", ",")):
        return False
    return starts_with_agency(text) and _names_only(text)


def _names_only(text: str) -> bool:
    """Text that is nothing but agency names (`Báo và Phát thanh, Truyền hình X`)."""
    names, rest = agency_phrase(text.strip())
    return bool(names) and not rest.strip(" .,") and all(looks_like_agency(n) for n in names)


@lru_cache(maxsize=1)
def _label_role_re() -> re.Pattern[str]:
    return re.compile(lexicon.alternation("agencies.label_role_verbs", fold_words=True) + r"\b")


@lru_cache(maxsize=1)
def _directing() -> str:
    """`chỉ đạo`, `lãnh đạo, chỉ đạo`, `lãnh đạo` and the space after it (X directs Y), from
    `agencies.directing_verbs`: one pattern for a phrase (`roles_of_phrase`, searched after a
    space) and a subject (`subject_reading`, matched at its verb). `implementation._DIRECTS`
    (the lead of a closing parenthesis) stays apart: a bare `lãnh đạo` is no directing verb
    there, and taking it would change what such parentheses give."""
    return lexicon.alternation("agencies.directing_verbs", fold_words=True) + r"\s+"


def roles_of_phrase(phrase: str) -> Reading | None:
    """`X chủ trì, phối hợp (với) Y`, `X (lãnh đạo,) chỉ đạo Y`, or a plain list (all lead)."""
    # `lãnh đạo, chỉ đạo` is one verb: X directs, the words no part of its name
    m = _phrase_directs_re().search(fold_chars(phrase))
    if m and starts_with_agency(phrase):
        directing = parse_list(phrase[: m.start()])
        lead, _ = agency_phrase(_dropped(phrase[m.end() :]))
        if directing and lead:
            return Reading(directing=directing, lead=lead, strength=HEADING, source="heading")
    m = CHU_TRI_RE.search(fold_chars(phrase))
    if m and "(" not in phrase[: m.start()]:
        # "X chủ trì, phối hợp (chặt chẽ) (với) Y …": Y read up to its verb
        lead = parse_list(phrase[: m.start()])
        start = _phoi_hop_start().match(fold_chars(phrase[m.end() :]))
        after = phrase[m.end() + start.end() :] if start else phrase[m.end() :]
        coord = agency_phrase(after, any_start=True)[0] if after != phrase[m.end() :] else []
    else:
        lead, coord = parse_roles(phrase)
    if not lead:
        return None
    return Reading(lead=lead, coordinating=coord, strength=HEADING, source="heading")


@lru_cache(maxsize=1)
def _phrase_directs_re() -> re.Pattern[str]:
    return re.compile(r"\s+" + _directing())


@lru_cache(maxsize=1)
def _subject_directs_re() -> re.Pattern[str]:
    return re.compile(_directing())


@lru_cache(maxsize=1)
def _phoi_hop_start() -> re.Pattern[str]:  # in folded text
    manners = lexicon.alternation("agencies.lead_coordination_manners", fold_words=True)
    return re.compile(rf"[\s,;]*(?:va\s+)?phoi\s+hop(?:\s+{manners})?(?:\s+voi)?[\s:,]*")


def looks_like_agency(name: str) -> bool:
    """Not a topic that happens to begin with an agency word (`Ban hành …`, `Hội nghị …`), nor
    what is studied or done after `các` (`Các hình thức phối hợp khác …`, `Các nội dung …`;
    lexicon `agencies.topic_nouns`), which a group's `các` would otherwise let through."""
    if _topic_re().match(fold(name)) is not None:
        return False
    if name in registered() or not named(name) or community_title(name):
        return True
    body = body_of_position(name)
    if body != name:  # "Thủ trưởng các sở, ban, ngành": a title is read for its body
        return looks_like_agency(body)
    words = name.split()
    if len(words) < 2:
        return False
    if words[1][:1].isupper() or fold(words[1]) in ("nhan", "an", "ban"):
        return True  # "Sở Y tế", "Công an tỉnh", "Ủy ban nhân dân các xã"
    head = body_head(name)
    if head and name[len(head) :].lstrip()[:1].isupper():
        return True  # a head of two words, then a name: "Đảng ủy Mặt trận Tổ quốc"
    if head and starts_with_group(name[len(head) :]):
        return True  # a head, then the group it stands for in each: "Đảng ủy các xã, phường"
    known = known_prefix(name)
    if known and name[known[1] :].lstrip(" ,")[:1].isupper():
        return True  # a registered body, then the province: "Báo và Phát thanh, Truyền hình X"
    # "Ban cán sự đảng Ủy ban nhân dân tỉnh": a registered body inside the name
    return any(known_prefix(" ".join(words[i:])) for i in range(2, len(words)))


def after_adverbial(text: str) -> str:
    """The sentence from its subject when an adverbial opening comes first (`Định kỳ 6 tháng
    (trước ngày 15/6), các sở, ban, ngành báo cáo …`, `Hằng năm, Sở Tài chính …`; openings in
    the lexicon), else the text as it is."""
    if not _adverbial_re().match(fold(text[:40])):
        return text
    return _from_agency(text, _COMMA, 200)


_COMMA = re.compile(r",\s+")
_SENTENCE_END = re.compile(r"[.;]\s+")


def _from_agency(text: str, sep: re.Pattern[str], within: int) -> str:
    """The text from the first `sep` within its first `within` characters after which an
    agency begins, else the text as it is."""
    for m in sep.finditer(text[:within]):
        rest = text[m.end() :]
        if starts_with_agency(rest):
            return rest
    return text


@lru_cache(maxsize=1)
def _adverbial_re() -> re.Pattern[str]:
    return re.compile(lexicon.alternation("agencies.adverbial_openings", fold_words=True) + r"\b")


@lru_cache(maxsize=1)
def _coordinator_work_re() -> re.Pattern[str]:
    works = lexicon.alternation("agencies.coordinator_works", fold_words=True)
    return re.compile(rf"^phoi hop (?!{works}\b)\w")


def _names_own_work(folded: str) -> bool:
    """Whether a subject's bare `phối hợp` (folded, at the start of what follows the subject)
    goes on with work of its own (`phối hợp thẩm định các dự thảo …`), not with a part in
    another's (`phối hợp thực hiện`; lexicon `agencies.coordinator_works`) nor after a word
    that makes it a coordinator (`tham gia phối hợp`)."""
    return _coordinator_work_re().match(folded) is not None


@lru_cache(maxsize=1)
def _only_coordinates_re() -> re.Pattern[str]:
    """A subject's verb that makes it a coordinator (`phối hợp thực hiện`, `tham gia phối
    hợp`; folded), not `phối hợp (chặt chẽ) với Y …`, where the subject works and Y helps."""
    openings = lexicon.alternation("agencies.coordinator_openings", fold_words=True)
    manners = lexicon.alternation("agencies.coordination_manners", fold_words=True)
    more = lexicon.alternation("agencies.subject_coordination_manners", fold_words=True)
    return re.compile(rf"(?:{openings} )?phoi hop\b(?! (?:(?:{manners}|{more}) )?voi\b)")


@lru_cache(maxsize=1)
def _own_mention_re() -> re.Pattern[str]:
    kinds = "|".join(re.escape(k) for k in lexicon.mapping("documents.kinds"))
    return re.compile(rf"^(?:{kinds}) nay\b")


def speaks_of_itself(text: str) -> bool:
    """A paragraph that only speaks of the document itself (`Kế hoạch này được phổ biến đến
    các chi bộ và đảng viên./.`, `Chương trình hành động này có hiệu lực …`): no later sentence
    of it opens with a body (`_after_own_mention`), so it tells no one to do any work."""
    return bool(_own_mention_re().match(fold(text[:30]))) and _after_own_mention(text) == text


def _after_own_mention(text: str) -> str:
    """The sentence after one that speaks of the document itself (`Chỉ thị này được phổ biến
    đến chi bộ. Các cấp ủy … tổ chức quán triệt …`) when it opens with an agency, else the
    text as it is: the document's own fate names no one to do the work."""
    if not _own_mention_re().match(fold(text[:30])):
        return text
    return _from_agency(text, _SENTENCE_END, 300)


@lru_cache(maxsize=1)
def _statement_re() -> re.Pattern[str]:
    return re.compile(
        r"^" + lexicon.alternation("agencies.statement_verbs", fold_words=True) + r"\b"
    )


def _subject_part(text: str) -> str:
    """The item from where its subject may stand: after its opening (`Đề nghị `), a sentence
    on the document itself and an adverbial opening."""
    return after_adverbial(_after_own_mention(unopened(text)))


def subject_reading(text: str) -> Reading | None:
    """An item whose subject is an agency: `Công an tỉnh tham mưu …`, `Đề nghị X …`,
    `Giao X là cơ quan thường trực …`, `X chỉ đạo Y …`; not the issuer's own assessment
    (`Ban Thường vụ Tỉnh ủy ghi nhận, đánh giá cao …`)."""
    body = _subject_part(text)
    if not starts_with_agency(body):
        return None
    names, rest = agency_phrase(body)
    if not names or not rest or not all(looks_like_agency(n) for n in names):
        return None
    f = fold(rest[:60])
    if _statement_re().match(f):
        return None
    if _only_coordinates_re().match(f) and not opening(text):
        # "Cục X phối hợp thực hiện …": X works with whoever leads (the heading's agency);
        # but "Đề nghị X phối hợp tuyên truyền …" asks X itself for the work: X leads
        return Reading(
            coordinating=names,
            strength=SUBJECT,
            source="subject",
            leads_alone=_names_own_work(f),
        )
    directs = _subject_directs_re().match(f)
    if directs:  # "X (lãnh đạo,) chỉ đạo Y …" when Y is an agency, else X leads
        lead, _ = agency_phrase(_dropped(rest[directs.end() :].lstrip()))
        if lead:
            return Reading(directing=names, lead=lead, strength=SUBJECT, source="subject")
    return Reading(lead=names, strength=SUBJECT, source="subject")


def labels_reading(run: LabelRun, strength: int = BLOCK) -> Reading:
    """What labelled lines say: `Đơn vị chủ trì: X chủ trì, phối hợp Y`, `Đơn vị phối hợp: …`,
    `Thời gian: …`."""
    directing = parse_list(run.joined("directing"))
    marked, lead, coord = cell_roles(run.joined("lead")) if run.values.get("lead") else ([], [], [])
    directing += [d for d in marked if d not in directing]
    coord += [c for c in parse_list(run.joined("coordinating")) if c not in coord]
    return Reading(directing, lead, coord, run.joined("time") or None, strength, "labels")


def trailing_reading(text: str, strength: int) -> tuple[str, Reading] | None:
    """A sentence with labelled lines joined after it (`labels.trailing_labels`): the
    sentence and what the labels say, else None."""
    joined = trailing_labels(text)
    if joined is None:
        return None
    sentence, pairs = joined
    run = LabelRun()
    run.add(pairs)
    return sentence, labels_reading(run, strength)


def item_readings(
    text: str, doc_year: int | None, groups: bool = False, bodies: bool = False
) -> tuple[str, list[Reading]]:
    """The item's own evidence: labelled lines joined after its sentence, a closing
    parenthesis naming its agencies, or an agency subject; returns the task text (without
    the labels or the parenthesis) and the readings. A subject that is a generic group (`Các
    đảng ủy trực thuộc …`) counts when the item hands it the work (`Đề nghị X và các tổ chức
    …`) or when `groups` (the implementation part, where such groups are told what to do),
    or when `bodies` (a topic whose items each name the body told) and the group is of
    bodies of one kind (`_kind_of_bodies`), unless all it is told is to report (a reporting
    duty)."""
    readings: list[Reading] = []
    joined = trailing_reading(text, PARENTHESIS)
    if joined is not None:
        # `Sở X chủ trì tổ chức ngày hội. Thời gian: năm 2026.`: the item, as when the
        # labelled line stands on its own under it
        text, labels = joined
        readings.append(labels)
    got = assignment(text, doc_year)
    if got is not None:
        text = got.text
        readings.append(
            Reading(got.directing, got.lead, got.coordinating, got.when, PARENTHESIS, "parenthesis")
        )
    head, sep, rest = text.partition(":")
    if sep and is_agency_label(unopened(head)):
        reading = roles_of_phrase(unopened(head))
        if reading and reading.has_agency and rest.strip():
            reading.strength, reading.source = SUBJECT, "subject"
            readings.append(reading)
            return rest.strip(), readings
    subject = subject_reading(text)
    if subject is not None and (
        all(named(a) for a in subject.lead + subject.directing + subject.coordinating)
        # "Các đảng ủy xã, phường chỉ đạo Ủy ban nhân dân xã, phường …": a group that directs
        # a named body assigns the work as plainly as a named body does; a group alone as the
        # subject of a body section's bullet is often no assignment ("Các cấp ủy … nâng cao")
        or (subject.directing and subject.lead and all(named(a) for a in subject.lead))
        # "Sở X chỉ đạo các cơ sở giáo dục …": a named body directing a group under it, and
        # "Các sở, ban, ngành, Ủy ban nhân dân các xã … lồng ghép …": a group beside a named
        # body, are told the work as plainly
        or (subject.directing and subject.lead and all(named(a) for a in subject.directing))
        or (
            len(subject.lead) > 1
            and any(named(a) for a in subject.lead)
            and not _only_reports(text)
        )
        or opening(text)
        or (groups and not _only_reports(text))
        or (bodies and all(map(_kind_of_bodies, subject.lead)) and not _only_reports(text))
    ):
        readings.append(subject)
    if not any(r.has_agency for r in readings):
        handed = handed_reading(text)
        if handed is not None:
            readings.append(handed)
    return text, readings


@lru_cache(maxsize=1)
def _handed_clause_re() -> re.Pattern[str]:
    """A clause after a sentence or clause end that opens by handing work (`… . Giao Sở X …`,
    `…; giao Sở X …`, `…, đề nghị Y …`): the openings of `agencies.assign_openings` with
    their first letter in either case (no IGNORECASE: slow over Vietnamese letters)."""
    words = lexicon.words("agencies.assign_openings")
    forms = {f for w in words for f in (w, w[:1].lower() + w[1:], w[:1].upper() + w[1:])}
    alt = "|".join(
        re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True)
    )
    return re.compile(rf"[.;:,]\s+(?=(?:{alt})\s)")


def handed_reading(text: str) -> Reading | None:
    """The body an item hands its work to after what it first says (`1. Đồng ý chủ trương tổ
    chức lễ hội. Giao Sở X chủ trì, phối hợp với …`, `2. Thống nhất …; giao Sở Y …`, `3. Về
    kinh phí: Giao Sở Z …`): the reading of the first such clause, else None. The weakest
    evidence (`HANDED`)."""
    for m in _handed_clause_re().finditer(text):
        clause = text[m.end() :]
        clause = clause[:1].upper() + clause[1:]
        reading = subject_reading(clause)
        if reading is not None and reading.has_agency:
            reading.strength, reading.source = HANDED, "handed"
            return reading
    return None


@lru_cache(maxsize=1)
def _group_noun_re() -> re.Pattern[str]:
    """`các` and a group noun (the longest first) at the start of a folded name."""
    nouns = lexicon.alternation("agencies.group_nouns", fold_words=True)
    return re.compile(rf"cac\s+({nouns})\b")


def _kind_of_bodies(name: str) -> bool:
    """A named body, or a group of bodies of one kind (`Các trường học trên địa bàn xã`, `Các
    hợp tác xã`), not every level or sector at once (`Các cấp, các ngành`; lexicon
    `agencies.whole_system_nouns`), which an exhortation addresses."""
    m = _group_noun_re().match(fold(name))
    return m is None or m.group(1) not in lexicon.folded("agencies.whole_system_nouns")


def _only_reports(text: str) -> bool:
    """`Các huyện ủy … báo cáo kết quả …`: the subject's verb is to report."""
    _, rest = agency_phrase(_subject_part(text))
    return fold(rest[:20]).startswith("bao cao")


def propose(
    text: str,
    readings: list[Reading],
    where: Assignment,
    groups: bool = False,
    bodies: bool = False,
) -> Assignment:
    """An item proposed as a task where `where` stands: its own readings, then the given ones
    (`groups`, `bodies`: see `item_readings`)."""
    body, own = item_readings(text, None, groups, bodies)
    return Assignment("", where.group, where.group_title, body, [*own, *readings])
