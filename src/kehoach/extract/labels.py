"""Labelled lines: `Thời gian: …`, `Địa điểm: …`, `Đơn vị chủ trì: …`, `Đơn vị phối hợp: …`.

Event plans describe each activity as a block of such lines; other plans close a group of
bullets with `Đơn vị chủ trì: …; Đơn vị phối hợp: …`. The labels are data
(`data/lexicon.toml`, `[agencies] *_labels`); this module only recognises them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kehoach.text import lexicon
from kehoach.text.normalize import fold, fold_chars

ROLES = lexicon.LABEL_ROLES
_LABEL_RE = re.compile(r"^\s*(?:[-–+•*]\s*)?(?P<label>[^:;()]{2,45}?)\s*:\s*(?P<value>.*)$")
_LABEL_SPLIT_RE = re.compile(r"\s*[;.]\s+(?=[^:;.]{2,45}:)")  # before each `Label:`


@lru_cache(maxsize=1)
def _labels() -> list[tuple[str, str]]:
    """(folded label, role), longest first, so `đơn vị phối hợp` wins over `phối hợp`."""
    out = [(fold(w), role) for role in ROLES for w in lexicon.words(f"agencies.{role}_labels")]
    return sorted(out, key=lambda lr: -len(lr[0]))


def _role_of(label: str) -> str | None:
    f = fold(label).strip(" .")
    if len(f.split()) > 7:
        return None
    for known, role in _labels():
        if f == known or (f.startswith(known + " ") and role != "other"):
            return role
        if f.startswith(known + ",") or f.startswith(known + " va "):
            return role  # "Thời gian, địa điểm: …" is read for its first label
    return None


def labelled(text: str) -> list[tuple[str, str]]:
    """The (role, value) pairs of a labelled line, [] when the line is not one; several labels
    on one line are split at `;` or `.` before the next label."""
    out: list[tuple[str, str]] = []
    text = text.strip()
    if text[:1] in "([" and text.rstrip(" .;")[-1:] in ")]":
        # a line of labels in brackets closing a group: "(Cơ quan chủ trì: X; thời gian: …)"
        text = text.rstrip(" .;")[1:-1]
    if ":" not in text:  # every label ends at a colon: most lines hold none
        return []
    for part in _LABEL_SPLIT_RE.split(text):
        m = _LABEL_RE.match(part)
        role = _role_of(m.group("label")) if m else None
        if role is None:
            if not out:
                return []
            out[-1] = (out[-1][0], f"{out[-1][1]}; {part}")
            continue
        out.append((role, m.group("value").strip(" .;") if m else ""))
    return out


# A sentence's end, then what may be a label (`… tổ chức ngày hội. Thời gian: năm 2026.`)
_AFTER_SENTENCE_RE = re.compile(r"\.\s+(?=[^:;.]{2,45}:)")


def trailing_labels(text: str) -> tuple[str, list[tuple[str, str]]] | None:
    """An item's sentence, then labelled lines joined to it in the same paragraph (PDF
    paragraph joining puts a `Thời gian thực hiện: …` line after its bullet): the sentence
    and the labels' (role, value) pairs, or None when what follows the sentence is not
    labels only."""
    for m in _AFTER_SENTENCE_RE.finditer(text):
        head, tail = text[: m.start() + 1], text[m.end() :]
        if len(head) < 10:
            continue
        parts = _LABEL_SPLIT_RE.split(tail.strip())
        matches = [_LABEL_RE.match(p) for p in parts]
        if all(lm is not None and _role_of(lm.group("label")) for lm in matches):
            return head, labelled(tail)
    return None


@dataclass
class LabelRun:
    """Consecutive labelled lines, by role."""

    values: dict[str, list[str]] = field(default_factory=dict)

    def add(self, pairs: list[tuple[str, str]]) -> None:
        for role, value in pairs:
            if value:
                self.values.setdefault(role, []).append(value)

    @property
    def is_block(self) -> bool:
        """An activity block's lines (time, place, funding …), not only a closing `chủ trì` line."""
        return bool(self.values.get("time") or self.values.get("other"))

    def joined(self, role: str) -> str:
        return "; ".join(self.values.get(role, []))


@lru_cache(maxsize=1)
def _point_part_re() -> re.Pattern[str]:
    """A part of a time label that names the points it is for (`Nội dung tại điểm a`, `các
    điểm b, c`, `điểm a và d:`), its letters in `letters`; folded."""

    def alt(key: str) -> str:
        return lexicon.alternation(f"sections.{key}", fold_words=True)

    letter = r"[a-z](?![\w/])"
    return re.compile(
        rf"^(?:cac\s+)?(?:{alt('point_subjects')}\s+)?(?:(?:neu\s+)?tai\s+)?(?:cac\s+)?"
        rf"{alt('point_words')}\s+(?P<letters>{letter}(?:\s*(?:,|va)\s*{letter})*)"
        r"\s*[:,.-]?\s*"
    )


@lru_cache(maxsize=1)
def _remaining_part_re() -> re.Pattern[str]:
    """A part of a time label for the points no other part names (`các nội dung còn lại`,
    `các điểm còn lại`, `còn lại:`); folded."""
    subjects = lexicon.alternation("sections.point_subjects", fold_words=True)
    points = lexicon.alternation("sections.point_words", fold_words=True)
    rest = lexicon.alternation("sections.remaining_points", fold_words=True)
    return re.compile(rf"^(?:cac\s+)?(?:(?:{subjects}|{points})\s+)?{rest}\b\s*[:,.-]?\s*")


def time_for_point(value: str, point: str | None) -> str | None:
    """The time a group's time label gives one of its lettered points: a label that parts its
    time by points (`Nội dung tại điểm a hoàn thành trong quý III/2026; các nội dung còn lại
    thực hiện thường xuyên`) gives point `a` the first part's wording (`hoàn thành trong quý
    III/2026`) and the others the part for the rest; a point no part is for, when there is no
    such part, is given the parts that name no point (None when every part names points). A
    label that names no points, or an item that is no point (`point` None), keeps it whole."""
    if point is None:
        return value
    parts = [p for p in re.split(r"\s*;\s*", value) if p.strip()]
    named: dict[str, str] = {}
    rest: str | None = None
    plain: list[str] = []
    for part in parts:
        f = fold_chars(part).lower()
        m = _point_part_re().match(f)
        if m is not None:
            for letter in re.findall(r"[a-z]", re.sub(r"\bva\b", ",", m.group("letters"))):
                named.setdefault(letter, part[m.end() :].strip())
            continue
        m = _remaining_part_re().match(f)
        if m is not None and named:
            rest = part[m.end() :].strip()
            continue
        plain.append(part)
    if not named:
        return value
    got = named.get(point.lower())
    if got is None:
        got = rest if rest is not None else ("; ".join(plain) or None)
    return got or None
