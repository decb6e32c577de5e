"""Task tables grouped under agency rows.

A table may list each agency's tasks under a row that holds only the agency's name (`I. SỞ
VĂN HÓA, THỂ THAO VÀ DU LỊCH`, `1. Công an tỉnh`, `ĐỀ NGHỊ ỦY BAN MTTQ VIỆT NAM TỈNH VÀ CÁC
TỔ CHỨC CHÍNH TRỊ - XÃ HỘI TỈNH`), its columns naming only who helps (`STT | Nhiệm vụ | Đơn
vị phối hợp | Thời gian`): the agencies of the row lead every task row under it. A task row
that begins `Phối hợp với Y …` is then the lead's work with Y, who coordinates.
"""

from __future__ import annotations

import re

from kehoach.extract.agencies import agency_phrase, known_prefix, registered, starts_with_group
from kehoach.extract.readings import coordinating_in, looks_like_agency, unopened
from kehoach.text import lexicon
from kehoach.text.normalize import clean, fold, fold_chars

# A row number before the name in the same cell: `1. Công an tỉnh`, `2) Sở Y tế`
_NUMBERED = re.compile(r"^(?P<num>\d{1,2})\s*[.)]\s+(?P<name>\S.*)$")
# Words that join names and stay in lower case when an upper-case title is re-cased
_JOINING = ("và", "các")
# `Phối hợp với Y …` opening a task row (folded)
_COORDINATES = re.compile(r"^phoi\s+hop\s+voi\s")


def group_leads(title: str) -> list[str]:
    """The agencies a group row's title names when it names nothing else (`SỞ VĂN HÓA, THỂ
    THAO VÀ DU LỊCH`, `Đề nghị Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội
    tỉnh`), canonical; [] for a title of topics (`TUYÊN TRUYỀN, NÂNG CAO NHẬN THỨC`)."""
    title = clean(title).strip(" .:")
    if not title or len(title) > 200:
        return []
    upper = title == title.upper() and any(c.isalpha() for c in title)
    text = unopened(_recased(title) if upper else title).strip(" .:")
    names, rest = agency_phrase(text)
    if not names or rest.strip(" .,:;") or not all(map(_an_agency, names)):
        return []
    if not upper:
        return names
    # an upper-case title read in title case: each name is a registered one, a group, or a
    # registered one with the province's name (`Báo và Phát thanh, Truyền hình <tỉnh>`)
    out = [_spelt(n) for n in names]
    return [n for n in out if n] if all(out) else []


def agency_row(cells: list[str]) -> tuple[str, str] | None:
    """(number, title) of a row that only names agencies, with its number in the same cell
    or the cell before (`1. Công an tỉnh`, `| 1 | Công an tỉnh | | |`); None otherwise (an
    unnumbered row naming a body may be a task cell's wrapped line). A name merged across
    the row (a Word or PDF table repeats it in each column it spans) is one cell."""
    filled: list[str] = []
    for cell in (clean(c) for c in cells):
        if cell and (not filled or cell != filled[-1]):
            filled.append(cell)
    m = _NUMBERED.match(filled[0]) if len(filled) == 1 else None
    if m:
        num, title = m.group("num"), m.group("name")
    elif len(filled) == 2 and re.fullmatch(r"\d{1,2}[.)]?", filled[0]):
        num, title = filled[0].rstrip(".)"), filled[1]
    else:
        return None
    return (num, title) if group_leads(title) else None


def led_by_row(task: dict, leads: list[str]) -> None:
    """A task row under an agency row: led by the row's agencies when its own cells name no
    lead, and coordinated with those its text begins by working with."""
    if not task["lead"]:
        task["lead"] = list(leads)
    for name in coordinating_of_row(task["text"]):
        if name not in task["coordinating"] and name not in task["lead"]:
            task["coordinating"].append(name)


def coordinating_of_row(text: str) -> list[str]:
    """The agencies a task row under an agency row says its lead works with, when it begins
    so (`Phối hợp với Sở Giáo dục và Đào tạo xây dựng …`)."""
    if not _COORDINATES.match(fold_chars(text[:20])):
        return []
    return coordinating_in(text)


def _an_agency(name: str) -> bool:
    """A body, or a group of bodies (`các sở, ban, ngành`), not a group of topics (`Các
    hoạt động trọng tâm`)."""
    if fold(name).startswith("cac "):
        return starts_with_group(name)
    return looks_like_agency(name)


def _recased(title: str) -> str:
    """An upper-case title with each word capitalised but the joining words (`và`, `các`):
    names are told by their capitals, and take their registered spelling when read."""
    words = title.lower().split()
    return " ".join(
        w if w in _JOINING and i else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


def _spelt(name: str) -> str | None:
    """A name read from a re-cased upper-case title as it is written: the registered name, a
    generic group in lower case (`các tổ chức chính trị - xã hội tỉnh`), or a registered
    name followed by a province's; None for anything else (a topic in capitals)."""
    if name in registered():
        return name
    if starts_with_group(name):
        return name[:1] + name[1:].lower()
    hit = known_prefix(name)
    if hit is None:
        return None
    rest = name[hit[1] :].strip(" ,")
    province = next((p for p in lexicon.provinces() if fold(p) == fold(rest)), None)
    return f"{hit[0]} {province}" if province else None
