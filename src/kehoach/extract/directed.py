"""An item that hands the work of the body above it on to a named body: `b) Chỉ đạo Sở X chủ
trì, phối hợp với Sở Y …` under `1. Giao Ủy ban nhân dân tỉnh …, trong đó tập trung:` (or under
an agency heading, or an introduction `a) Giao Z …:`). The schema's `X chỉ đạo Y` with X left
out: the body above directs, the named body leads (`phối hợp với` coordinators are read from
the text as for any item). An item that directs a group (`Chỉ đạo các cơ sở giáo dục trực
thuộc …`, `Chỉ đạo Ủy ban nhân dân các xã …`) or no one (`Chỉ đạo triển khai …`) is the body
above's own work: it leads, no one directs.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kehoach.extract.agencies import agency_phrase, body_head, registered, starts_with_group
from kehoach.extract.readings import HEADING, Reading, looks_like_agency, named
from kehoach.text import lexicon
from kehoach.text.normalize import fold_chars

_CAC = re.compile(r"(?i)(?<=\s)các\b")


@lru_cache(maxsize=1)
def _opening_re() -> re.Pattern[str]:
    return re.compile(
        r"^" + lexicon.alternation("agencies.directing_openings", fold_words=True) + r"\s+"
    )


def _named_body(name: str) -> bool:
    """A body with a name of its own (`Sở X`, `Công an tỉnh`, `Báo …`, a registered name), not
    a group (`các cơ quan báo chí`, `Ủy ban nhân dân các xã, phường`: a body in each)."""
    if not named(name):
        return False
    if any(starts_with_group(name[m.start() :]) for m in _CAC.finditer(name)):
        return False  # "Ủy ban nhân dân các xã, phường", "Đảng ủy các xã"
    return name in registered() or bool(body_head(name))


def directed_reading(text: str, given: Reading | None) -> Reading | None:
    """The reading of an item that opens `Chỉ đạo Y …` (`agencies.directing_openings`) with
    Y a named body, under a heading (or introduction) whose reading `given` names who leads
    and no one who directs: that lead directs, Y's bodies lead; else None. Stronger than what
    the heading gives (the item says more), weaker than the item's own naming of its roles (a
    closing parenthesis, labelled lines)."""
    if given is None or not given.lead or given.directing:
        return None
    m = _opening_re().match(fold_chars(text[:40]))
    if m is None:
        return None
    names, _ = agency_phrase(text[m.end() :])
    if not names or not _named_body(names[0]) or not all(looks_like_agency(n) for n in names):
        return None
    directing = [d for d in given.lead if d not in names]
    if not directing:
        return None
    coordinating = [c for c in given.coordinating if c not in names and c not in directing]
    return Reading(directing, names, coordinating, None, HEADING, "directed")
