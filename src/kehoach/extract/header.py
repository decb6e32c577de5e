"""The header block above a document's kind heading: two columns, the issuing body and the
number on the left, the national motto and the place-date on the right. Text and PDF give
the two columns on one line (`ỦY BAN NHÂN DÂN TỈNH X   CỘNG HÒA XÃ HỘI …`), a Word file as
a table; a body's name wraps over lines (`SỞ VĂN HÓA, THỂ THAO` / `VÀ DU LỊCH`) under its
parent body (`UBND TỈNH X`). Here the lines are cut into their columns and the issuing
body is read from the left one."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from kehoach.extract.agencies import canonical, table
from kehoach.extract.outline import kind_heading
from kehoach.text import lexicon
from kehoach.text.normalize import fold, fold_chars

# The motto lines of the right column (data/lexicon.toml `documents.mottos`), folded.
_MOTTO_RE = re.compile(lexicon.alternation("documents.mottos", fold_words=True))
# `Lào Cai, ngày …`: the place (words in title case) before a date, in the original text. The
# place begins a word (not after a letter, `/` or `-`): the range à-ỹ holds capitals too (Đ, Ơ,
# Ư), so without it the `CĐ` of a number `03/KH-BCĐ` would read as a word in title case and
# cut the number short.
_PLACE_DATE_RE = re.compile(
    r"(?<![^\W\d_])(?<![/-])(?:(?:TP\.|[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][a-zà-ỹđ]+\.?)\s*){1,4},\s*ngày\b",
)
_NUMBER_START_RE = re.compile(r"(?<=\s)Số\s*:?\s*(?=[\d.…_ ]*[-/])")
# a letter's subject under its number (`V/v …`, `về việc …`), read on the number's line
_SUBJECT_START_RE = re.compile(r"(?<=\s)(?:V/v|v/v|[Vv]ề việc)\b")
_NUMBER_LINE_RE = re.compile(r"^so\s*:?\s*[\d\s.…_]*[-/]")
_RULE_RE = re.compile(r"^[-–—_=*.\s]*$")
# where the header ends when a document has no kind heading: a letter's subject or recipients
# (data/lexicon.toml `documents.header_end`), folded
AFTER_HEADER_RE = re.compile(
    r"^" + lexicon.alternation("documents.header_end", fold_words=True) + r"\b"
)


def column_parts(line: str) -> list[str]:
    """A header line cut where its other column begins: before the motto, a place-date or
    the number (`SỞ VĂN HÓA, THỂ THAO Độc lập - Tự do - Hạnh phúc`)."""
    cuts = {m.start() for m in _MOTTO_RE.finditer(fold_chars(line))}
    cuts |= {m.start() for m in _PLACE_DATE_RE.finditer(line)}
    cuts |= {m.start() for m in _NUMBER_START_RE.finditer(line)}
    cuts |= {m.start() for m in _SUBJECT_START_RE.finditer(line)}
    bounds = sorted({0, *cuts, len(line)})
    parts = [line[a:b].strip() for a, b in pairwise(bounds)]
    return [p for p in parts if p]


def is_motto(line: str) -> bool:
    """Is the line the national motto (`CỘNG HÒA XÃ HỘI …`, `Độc lập - Tự do - Hạnh phúc`)?"""
    return bool(_MOTTO_RE.match(fold(line)))


def _ends_header(line: str) -> bool:
    return bool(kind_heading(line)) or bool(AFTER_HEADER_RE.match(fold(line))) or len(line) > 200


def header_end(header: list[str]) -> int:
    """How many lines make up the header block: up to the kind heading, a letter's subject
    or recipients, or the first sentence."""
    return next(
        (i for i, line in enumerate(header[:14]) if _ends_header(line)), min(len(header), 14)
    )


def split_columns(header: list[str]) -> list[str]:
    """The header's lines with those of the header block cut into their columns."""
    out: list[str] = []
    for i, line in enumerate(header):
        if i >= 14 or _ends_header(line):
            return out + header[i:]
        out.extend(column_parts(line))
    return out


def party_committee(header: list[str]) -> str | None:
    """The party committee (`ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH`) the header block names, if any."""
    for name in left_bodies(header[: header_end(header)]):
        if fold(name).startswith("dang uy "):
            return canonical(_name_case(name))
    return None


def is_upper(text: str) -> bool:
    """Are all the text's letters capitals (and has it any)?"""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def issuer_named(folded: str) -> str | None:
    """The issuer (data/lexicon.toml `issuers`) whose name folded text begins with."""
    return next((v for k, v in lexicon.mapping("issuers").items() if folded.startswith(k)), None)


@lru_cache(maxsize=1)
def _heads() -> tuple[str, ...]:
    """The folded words a body's name begins with (`sở`, `ban`, `ủy ban`, `đảng bộ` …)."""
    words = set(lexicon.folded("agencies.heads")) | set(lexicon.mapping("issuers"))
    return tuple(sorted(words, key=len, reverse=True))


def _begins_body(line: str) -> bool:
    f = fold(line)
    return any(f == h or f.startswith(h + " ") for h in _heads())


# A parent body written without its place closes the name above it (`BAN TUYÊN GIÁO` /
# `TỈNH ỦY`); folded.
_PARENT_ONLY = ("tinh uy", "thanh uy", "huyen uy", "dang uy")
_CONNECTOR_END = (" va", ",", "-", "–")


def _continues(name: str, line: str) -> bool:
    """Does an upper-case header line go on with the body's name above it?"""
    prev, f = fold(name), fold(line)
    if " " not in prev or prev.endswith(_CONNECTOR_END) or f.startswith(("va ", ", ")):
        return True  # `ỦY` / `BAN NHÂN DÂN`; `SỞ KHOA HỌC VÀ` / `CÔNG NGHỆ`
    if f in _PARENT_ONLY:
        return not prev.endswith(f)
    return not _begins_body(line)


def left_bodies(block: list[str]) -> list[str]:
    """The bodies the header block's left column names, top down, each name's wrapped lines
    joined (`UBND TỈNH X`, `SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH`)."""
    bodies: list[str] = []
    open_name = False  # whether the line above belongs to a body's name
    for line in block:
        line = line.strip(" -–—_=*")
        f = fold(line)
        if line and (_MOTTO_RE.match(f) or _PLACE_DATE_RE.match(line)):
            continue  # the right column, between two lines of the left one
        typed = not bodies and len(line) < 60 and _begins_body(line)  # `Ủy ban nhân dân tỉnh X`
        if not line or _NUMBER_LINE_RE.match(f) or "(" in line or not (is_upper(line) or typed):
            open_name = False  # a rule or the number under the name
            continue
        if open_name and bodies and _continues(bodies[-1], line):
            bodies[-1] = f"{bodies[-1]} {line}"
        elif _begins_body(line) or (bodies and open_name):
            bodies.append(line)
        else:
            open_name = False
            continue
        open_name = True
    return bodies


def _name_case(name: str) -> str:
    """An upper-case name in title case, its joining words in lower case."""
    words = name.title().split()
    return " ".join(
        w.lower() if w.lower() in ("và", "các") and i else w for i, w in enumerate(words)
    )


# The parents a header stacks a body under (data/lexicon.toml `documents.party_parents`,
# `state_parents`), folded, and the names their bodies take after their own.
_PARTY_PARENTS = tuple(sorted(lexicon.folded("documents.party_parents")))
_STATE_PARENTS = tuple(sorted(lexicon.folded("documents.state_parents")))
_SUFFIXES = lexicon.mapping("documents.parent_suffixes")


def _sub_body(name: str, parent: str) -> str | None:
    """The canonical name of a body printed under its parent (`SỞ …` under `UBND TỈNH`, `BAN
    TUYÊN GIÁO VÀ DÂN VẬN` under `TỈNH ỦY`)."""
    f = fold(name)
    if f.startswith("dang uy "):
        return canonical(_name_case(name))
    if f.startswith(_STATE_PARENTS):
        return _lone_body(name)
    hit = issuer_named(f)
    if hit:
        return hit  # `BAN CHẤP HÀNH` under `ĐẢNG BỘ TỈNH`, `BAN THƯỜNG VỤ`
    own = _without_place(name)
    if known_body(own):
        return own
    p = fold(parent)
    suffix = (
        _SUFFIXES["party"]
        if p.startswith(_PARTY_PARENTS)
        else _SUFFIXES["state"]
        if p.startswith(_STATE_PARENTS)
        else None
    )
    if suffix:
        whole = canonical(f"{_name_case(name)} {suffix}")
        if known_body(whole):
            return whole  # `BAN TUYÊN GIÁO VÀ DÂN VẬN` under `TỈNH ỦY X`
    return own


def _lone_body(name: str) -> str | None:
    """The issuer a header naming one body names (`ỦY BAN NHÂN DÂN TỈNH X`, `TỈNH ỦY X`,
    `SỞ …`, `ĐẢNG ỦY …`); `None` for a district's or commune's."""
    f = fold(name)
    if re.match(r"(?:uy ban nhan dan|ubnd)\s+(?:huyen|xa|quan|thi xa|phuong)\b", f):
        return None
    if f.startswith("dang uy "):
        return canonical(_name_case(name))
    hit = issuer_named(f)
    if hit:
        return hit
    if f.startswith("dang bo tinh"):
        return None
    return _without_place(name)


# A province written after a department's name (`SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH` / `TỈNH
# NGHỆ AN`): canonical names leave the document's province implicit (data/lexicon.toml
# `documents.place_after`). Folded.
_PLACE_AFTER_RE = re.compile(
    r"\s" + lexicon.alternation("documents.place_after", fold_words=True) + r"\s+\S.*$"
)


@lru_cache(maxsize=1)
def _known_names() -> frozenset[str]:
    return frozenset(table().by_key.values())


def known_body(name: str) -> bool:
    """Is the name a body of the agency register (a canonical name)?"""
    return name in _known_names()


def _without_place(name: str) -> str:
    """The canonical name, the province written after it dropped when the rest is a known
    body."""
    own = canonical(_name_case(name))
    m = _PLACE_AFTER_RE.search(fold_chars(name))
    if m is None or known_body(own):
        return own
    bare = canonical(_name_case(name[: m.start()]))
    return bare if known_body(bare) else own


_LOCAL_COMMITTEE_RE = re.compile(
    r"(?P<head>"
    + lexicon.alternation("documents.state_parents", fold_words=True)
    + r")\s+(?P<unit>"
    + lexicon.alternation("documents.local_units", fold_words=True)
    + r")\s+\S"
)


def local_committee(header: list[str]) -> str | None:
    """The people's committee of a commune, ward or district the header names alone
    (`ỦY BAN NHÂN DÂN` / `PHƯỜNG AN HÒA` gives `Ủy ban nhân dân phường An Hòa`: only the
    province is left implicit, the place's own name is kept), else None."""
    bodies = left_bodies(header[: header_end(header)])
    if len(bodies) != 1:
        return None
    m = _LOCAL_COMMITTEE_RE.match(fold(bodies[0]))
    if m is None:
        return None
    words = bodies[0].split()
    at = len(m.group("head").split())
    to = at + len(m.group("unit").split())
    place = " ".join(w.capitalize() for w in words[to:])
    return f"Ủy ban nhân dân {' '.join(words[at:to]).lower()} {place}"


def header_issuer(header: list[str]) -> str | None:
    """The issuing body the header block's left column names: the lowest of the bodies it
    stacks (a department under its parent), else the one body."""
    bodies = left_bodies(header[: header_end(header)])
    if len(bodies) >= 2:
        return _sub_body(bodies[-1], bodies[-2])
    return _lone_body(bodies[0]) if bodies else None
