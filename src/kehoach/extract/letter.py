"""A letter (`công văn`): no kind heading and no numbered parts, its subject under its number
(`V/v triển khai …`), then `Kính gửi:` and its recipients, then an opening that says what it
answers or carries out, up to `… như sau:` / `… yêu cầu:`, then the items it assigns."""

from __future__ import annotations

import re

from kehoach.extract.header import AFTER_HEADER_RE, is_motto
from kehoach.extract.outline import classify
from kehoach.text.normalize import fold, fold_chars

_SUBJECT_RE = re.compile(r"^(?:v/v|ve viec)\s*:?\s*", re.IGNORECASE)
_PLACE_DATE_RE = re.compile(r",\s*ngay\s*\d{0,2}\s*(?:thang|/)")
_RECIPIENTS_RE = re.compile(r"^kinh gui\b")
_OPENING_RE = re.compile(r"^(?:thuc hien|can cu|trien khai|ngay \d|theo|de )")


def letter_subject(header: list[str]) -> tuple[str | None, str | None]:
    """A letter's kind and title: its subject line (`V/v triển khai …`, `về việc …`) under
    the number, up to `Kính gửi`."""
    for i, line in enumerate(header):
        m = _SUBJECT_RE.match(fold_chars(line))
        if m is None or not line[m.end() :].strip():
            continue
        lines = [line[m.end() :]]
        for nxt in header[i + 1 : i + 4]:
            if (
                AFTER_HEADER_RE.match(fold(nxt))
                or _PLACE_DATE_RE.search(fold_chars(nxt))
                or is_motto(nxt)  # a Word header table's right column, read after the left
            ):
                break
            lines.append(nxt)
        title = " ".join(" ".join(lines).split())
        return "cong_van", title[0].upper() + title[1:]
    return None, None


def letter_opening(lines: list[str]) -> list[str]:
    """The lines of a letter up to the end of its opening: the header and recipients, then
    the paragraphs before the first item (`1. …`, `- …`) or through the one that announces
    them (`… có ý kiến như sau:`). What the items and footnotes cite is work they assign,
    not what the letter carries out. Lines without `Kính gửi` come back whole."""
    start = next((i for i, t in enumerate(lines) if _RECIPIENTS_RE.match(fold(t))), None)
    if start is None:
        return lines
    i = start + 1
    while i < len(lines) and _recipient(lines[i - 1], lines[i]):
        i += 1
    for j in range(i, len(lines)):
        if j > i and classify(lines[j]).kind not in ("plain", "rule"):
            return lines[:j]  # the first item
        if lines[j].rstrip().endswith(":"):
            return lines[: j + 1]
    return lines


def _recipient(prev: str, line: str) -> bool:
    """Is the line one of the recipients under `Kính gửi:` (a `- …` item, or a name wrapped
    from the item above)?"""
    if classify(line).kind == "bullet":
        return True
    return (
        not prev.rstrip().endswith((".", ";", ":"))
        and len(line) < 80
        and not _OPENING_RE.match(fold(line))
    )
