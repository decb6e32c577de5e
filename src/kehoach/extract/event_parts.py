"""Parts of an event plan that assign no work: the programme of the day (`Chương trình
chi tiết`) and the members of the organising committee (`Ban Tổ chức`).

Event plans often append the running order of a ceremony as a table (`Thời gian | Nội
dung | Đơn vị thực hiện`, one row per quarter hour) or as lines (`- 07 giờ 30 - 08 giờ 00:
Đón tiếp đại biểu`). Its rows name who speaks or performs, but they assign no work: the
activity they belong to is the task. What tells them apart is the time: a time of day alone
(`07 giờ 30`, `7h30 - 8h00`; `[time] clock` in the lexicon), with no day, month or year.

A committee's members are listed by the place each holds (`- Giám đốc Sở X: Trưởng ban;`,
`2. Đồng chí …, Phó Giám đốc Công an tỉnh - Ủy viên.`): a body named there is a member's
office, not a body given work. So is a line that says what the committee is made of (`Gồm 05
tiểu ban, thành phần theo Quyết định số …`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kehoach.extract.tables import read_header
from kehoach.intake.document import Table
from kehoach.text import lexicon
from kehoach.text.normalize import fold


@lru_cache(maxsize=1)
def _clock_range() -> str:
    """A time of day or a range of them, as a pattern (the clock forms in the lexicon)."""
    clock = lexicon.mapping("time")["clock"]
    part = lexicon.alternation("time.day_parts")
    one = rf"(?:{part}\s*[:,]?\s*)?{clock}(?:\s*\(?{part}\)?)?"
    return rf"(?:từ\s+)?{one}(?:\s*(?:[-–]|đến)\s*{one})?"


@lru_cache(maxsize=1)
def _clock_re() -> re.Pattern[str]:
    return re.compile(rf"(?i)^\s*{_clock_range()}\s*[.;]?\s*$")


def is_clock_time(text: str) -> bool:
    """A time of day alone or a range of them (`07 giờ 00 - 07 giờ 30`, `Sáng 7h30`)."""
    return bool(_clock_re().match(text))


@lru_cache(maxsize=1)
def _line_time_re() -> re.Pattern[str]:
    # the time read by the clock pattern itself, not up to the first colon: `14:00: Khai mạc`
    return re.compile(rf"(?i)^\s*[-–+•*]?\s*{_clock_range()}\s*:\s*\S")


def is_programme_line(text: str) -> bool:
    """A line of a running order: a time of day, then what happens (`+ 08 giờ 00 - 08 giờ
    30: Đón tiếp đại biểu`, `14:00: Khai mạc`)."""
    return _line_time_re().match(text) is not None


def is_timetable(table: Table) -> bool:
    """A programme of the day: the table's time column (or, without a heading that names
    one, its first column) holds mostly times of day with no date."""
    head = read_header(table.rows)
    if head is None:
        return False
    cols, start = head
    col = cols.time if cols.time >= 0 else 0
    cells = [r[col].strip() for r in table.rows[start:] if col < len(r) and r[col].strip()]
    clocks = sum(1 for c in cells if is_clock_time(c))
    return len(cells) >= 2 and clocks * 2 > len(cells)


_ITEM_MARK_RE = re.compile(r"^\s*(?:[-–+•*]|\d+[.)]|[a-z]\))\s*")


@lru_cache(maxsize=1)
def _member_re() -> re.Pattern[str]:
    alt = lexicon.alternation("sections.member_roles", fold_words=True)
    return re.compile(rf"^{alt}\s*:|(?::|\s[-–]|,)\s*{alt}$")


@lru_cache(maxsize=1)
def _member_roles() -> tuple[str, ...]:
    return tuple(lexicon.folded("sections.member_roles"))


def is_member_line(text: str) -> bool:
    """A line naming a committee member's place (`Trưởng ban: …`, `…: Ủy viên`,
    `…, Giám đốc Sở X - Phó Trưởng ban`; the places in the lexicon)."""
    line = _ITEM_MARK_RE.sub("", fold(text)).strip(" .;")
    # the pattern wants a place at one end of the line (folded: one space between words), and
    # most lines have none: two looks at the ends cost less than its search along the line
    roles = _member_roles()
    if not (line.startswith(roles) or line.endswith(roles)):
        return False
    return bool(_member_re().search(line))


@lru_cache(maxsize=1)
def _composition_re() -> re.Pattern[str]:
    return re.compile(
        r"^" + lexicon.alternation("sections.composition_openings", fold_words=True) + r"\b"
    )


def is_composition_line(text: str) -> bool:
    """A line saying what a committee is made of (`Gồm 05 tiểu ban, thành phần theo Quyết
    định số …`; the openings in the lexicon, `sections.composition_openings`)."""
    return _composition_re().match(_ITEM_MARK_RE.sub("", fold(text))) is not None
