"""Tasks of plans without a task table: the bullets that `Tổ chức thực hiện` assigns to agencies.

Each numbered item there names an agency (`1. Sở Văn hóa, Thể thao và Du lịch`, or
`2. Sở Giáo dục và Đào tạo: Chỉ đạo …`); that agency leads every bullet under it,
even one that begins `Phối hợp với Y …` (Y then coordinates).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kehoach.extract.agencies import parse_list, parse_roles, starts_with_agency, take_agencies
from kehoach.extract.outline import Para, Section
from kehoach.extract.timeframes import parse_timeframe
from kehoach.intake.document import Table
from kehoach.model import Task
from kehoach.text import lexicon
from kehoach.text.normalize import fold

_IMPLEMENTATION = [
    re.compile(r"\bto chuc th\w* hien\b|\btrach nhiem thuc hien\b"),
    re.compile(r"\bphan cong\b"),
]
_PHOI_HOP = re.compile(
    r"^(?:chủ trì,?\s+|chủ động\s+)?(?:phối|phội)\s+hợp\s+(?:chặt chẽ\s+)?với\s+", re.IGNORECASE
)
_PHOI_HOP_ANYWHERE = re.compile(r"\b(?:phối|phội)\s+hợp\s+(?:chặt chẽ\s+)?với\s+", re.IGNORECASE)
_REQUEST = re.compile(r"^(?:đề nghị|kính đề nghị|yêu cầu)\s+", re.IGNORECASE)


def implementation_section(root: Section) -> Section | None:
    """The `Tổ chức thực hiện` section, if any (else a section on dividing the work)."""
    sections = [s for sec in root.children for s in sec.walk() if s.kind in ("roman", "decimal")]
    for rx in _IMPLEMENTATION:
        found = next((s for s in sections if rx.search(s.folded_title)), None)
        if found is not None:
            return found
    return None


def _split_heading(title: str) -> tuple[list[str], str]:
    """(agencies the item names, task text in the item itself)."""
    title = _REQUEST.sub("", title)
    head, sep, rest = title.partition(":")
    if sep and starts_with_agency(head) and len(head) < 150:
        return parse_list(head), rest.strip()
    if starts_with_agency(title) and len(title) < 90 and not re.search(r"[.;]", title):
        return parse_list(title), ""
    names, _ = take_agencies(title)
    return (names, title) if names else ([], title)


@lru_cache(maxsize=1)
def _time_phrase() -> re.Pattern[str]:
    # matched on lower-cased text: much faster than IGNORECASE over Vietnamese letters
    return re.compile("|".join(lexicon.words("time.running_text")).replace("IVX", "ivx"))


# Every running-text timeframe holds a digit or one of these words; most bullets hold none.
_TIME_HINT = re.compile(r"\d|hằng|hàng|thường xuyên|thời gian|thời hạn")


def timeframe_phrase(text: str) -> str | None:
    """The explicit timeframe wording in a bullet, if any: the first one, or the stretch from
    the first to the last when one of them recurs (`trong năm 2025 … hằng năm … năm 2030`),
    since a recurring wording anywhere makes the timeframe recurring."""
    low = text.lower()
    if len(low) != len(text) or not _TIME_HINT.search(low):
        return None
    found = list(_time_phrase().finditer(low))
    if not found:
        return None
    first = found[0]
    if len(found) > 1 and any(re.match(r"h[ằà]ng ", m.group(0)) for m in found[1:]):
        last = found[-1]
        if last.end() - first.start() < 200:
            return text[first.start() : last.end()].strip(" ()")
    return text[first.start() : first.end()].strip(" ()")


def tasks_from_implementation(sec: Section, doc_year: int | None) -> list[Task]:
    """One task per bullet (or per item that carries its own text) under an agency heading."""
    group = sec.num or None
    tasks: list[Task] = []

    def add(tid: str, text: str, lead: list[str]) -> None:
        coord: list[str] = []
        m = _PHOI_HOP.match(text) or _PHOI_HOP_ANYWHERE.search(text)
        if m:
            coord = [a for a in take_agencies(text[m.end() :])[0] if a not in lead]
        raw = timeframe_phrase(text)
        tasks.append(
            Task(
                id=tid,
                group=group,
                group_title=sec.title,
                text=text,
                lead=lead,
                coordinating=coord,
                timeframe=parse_timeframe(raw, doc_year),
            )
        )

    for child in sec.children:
        lead, own = _split_heading(child.title)
        if not lead:
            continue
        prefix = f"{group}.{child.num}" if group else child.num
        bullets = _bullets(child, prose_allowed=not own)
        if own and not bullets:
            add(prefix, own, lead)
        elif own:
            add(f"{prefix}.0", own, lead)
        for i, text in enumerate(bullets, start=1):
            # "a) Sở X: …" under a group heading ("1. Các sở, ngành:") names its own lead
            own_lead, rest = _split_heading(text) if ":" in text[:150] else ([], "")
            if own_lead and rest and rest != text:
                add(f"{prefix}.{i}", rest, own_lead)
            else:
                add(f"{prefix}.{i}", text, lead)
    for b in _loose_items(sec):  # "- Sở X: …" items straight under the section
        names, own = _split_heading(b)
        if names and own and own != b:
            add(f"{group}.{len(tasks) + 1}" if group else str(len(tasks) + 1), own, names)
    return tasks


def _bullets(sec: Section, prose_allowed: bool = True) -> list[str]:
    """Bullet texts under an agency heading; prose paragraphs count only under a bare heading."""
    out: list[str] = []
    for b in sec.all_blocks():
        if isinstance(b, Table) or b.kind == "rule":
            continue
        if b.text.startswith("+") and out:
            out[-1] = f"{out[-1]} {b.body}"
        elif b.kind in ("bullet", "letter", "paren") or (
            b.kind == "plain" and out and prose_allowed
        ):
            if (
                b.kind == "plain"
                and out
                and not fold(b.text)[:1].isupper()
                and not b.text[:1].isupper()
            ):
                out[-1] = f"{out[-1]} {b.text}"
            else:
                out.append(b.body)
        elif b.kind == "plain" and prose_allowed:
            out.append(b.text)
    return [t for t in out if len(t) > 10]


def _loose_items(sec: Section) -> list[str]:
    return [
        b.body
        for b in sec.blocks
        if isinstance(b, Para) and b.kind in ("bullet", "letter", "paren")
    ]


_ASSIGNED = re.compile(
    r"\s*[(\[](?P<inner>[^()\[\]]*\b(?:chủ trì|thực hiện|phụ trách)\b[^()\[\]]*)[)\]]\s*[.;]?\s*$",
    re.IGNORECASE,
)
_LABELLED = re.compile(r"^(?P<label>[^:]{3,40}):\s*(?P<value>.+)$")


def assignment(
    text: str, doc_year: int | None
) -> tuple[str, list[str], list[str], str | None] | None:
    """A task whose bullet names its agencies in a closing parenthesis:
    `Xây dựng đề án … (Sở VHTTDL chủ trì, phối hợp với Sở Tài chính; thời gian: năm 2026).`
    Returns (text, lead, coordinating, timeframe wording) or None."""
    m = _ASSIGNED.search(text)
    if not m:
        return None
    lead: list[str] = []
    coord: list[str] = []
    when: str | None = None
    for part in re.split(r"\s*;\s*", m.group("inner")):
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
            value = re.sub(r"(?i)^giao\s+(?:cho\s+)?", "", value)
            if re.search(r"\bchu tri\b|\bphoi hop\b", fold(value)):
                ld, co = parse_roles(value)
                lead += [a for a in ld if starts_with_agency(a)]
                coord += co
                continue
            names, rest = take_agencies(value)
            lead += names
            rest = re.sub(r"(?i)^(?:thực hiện|triển khai)\b[,\s]*", "", rest)
            if rest and (
                timeframe_phrase(rest) or parse_timeframe(rest, doc_year).kind != "unknown"
            ):
                when = rest
    if not lead:
        return None
    return text[: m.start()].rstrip(" ,.;"), lead, coord, when


def tasks_from_assignments(root: Section, doc_year: int | None) -> list[Task]:
    """Tasks assigned inside the task bullets themselves, in any section."""
    tasks: list[Task] = []
    for top in root.children:
        if top.kind in ("signature", "appendix"):
            continue
        for sec in top.walk():
            n = 0
            for b in sec.blocks:
                if isinstance(b, Table) or b.kind == "rule":
                    continue
                got = assignment(b.body, doc_year)
                if got is None:
                    continue
                text, lead, coord, when = got
                n += 1
                tasks.append(
                    Task(
                        id=f"{sec.path}.{n}" if sec.path else str(len(tasks) + 1),
                        group=sec.path or None,
                        group_title=sec.title or None,
                        text=text,
                        lead=lead,
                        coordinating=coord,
                        timeframe=parse_timeframe(when, doc_year),
                    )
                )
    return tasks
