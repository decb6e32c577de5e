"""Task tables (and target tables): columns told apart by their headings.

Works on `Table` blocks from any source: tab-separated or pipe text, Word
tables (merged cells repeated, `spans` marked) and PDF tables.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from kehoach.extract.agencies import cell_roles, known_prefix, lines_as_list, parse_list
from kehoach.extract.agency_rows import agency_row, group_leads, led_by_row
from kehoach.extract.cell_items import agency_items, item_rows, period_key
from kehoach.extract.targets import TargetRow, dated_metrics
from kehoach.extract.timeframes import parse_span, parse_timeframe
from kehoach.intake.document import Table
from kehoach.model import Metric, Task
from kehoach.text import lexicon
from kehoach.text.lexicon import alternation
from kehoach.text.normalize import clean, fold
from kehoach.text.numbers import parse_number

_ROMAN_NUM = re.compile(r"^(?P<g>[IVX]{1,5}|[A-ZĐ])\s*[.\-–)]?\s*(?P<title>.*)$")
_ROMAN_TITLE = re.compile(r"^(?P<g>[IVX]{1,5})\s*[.\-–)]\s+(?P<title>\S.*)$")
_ROMAN_MARK = re.compile(r"^[IVX]{1,5}\.?$")
_ROW_NUM = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*\.?|[a-zđ]\)|\d{1,3}\))$")
# A row numbering the columns under the heading: "(1) (2) (3)" or "1 2 3 4".
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$|^\(?\d{1,2}\)?\s*=\s*[\d()+\-x*/ ]+$")
# Headings of the column naming whom the work is done to (`Đơn vị được kiểm tra`), and of the
# column of a team's members (`Thành phần`), from the lexicon (folded).
_OBJECT_COLUMN = re.compile(
    r"\b" + lexicon.alternation("tables.object_column_words", fold_words=True) + r"\b"
)
_MEMBER_COLUMN = re.compile(
    r"^" + lexicon.alternation("tables.member_column_words", fold_words=True) + r"\b"
)
_MEMBER_EXCLUDED = re.compile(
    r"\b" + lexicon.alternation("tables.member_column_excluded", fold_words=True) + r"\b"
)
# Words of a year column's heading (folded): it names bodies, or a goal (`Kế hoạch năm 2026`)
_YEAR_AGENCY = re.compile(
    lexicon.alternation("tables.column_words.year_agency_words", fold_words=True)
)
_YEAR_GOAL = re.compile(lexicon.alternation("tables.column_words.year_goal_words", fold_words=True))
_TEAM_COLUMN = re.compile(
    r"^" + lexicon.alternation("tables.team_column_words", fold_words=True) + r"\b"
)
# A heading that only names a calendar period (`Tháng`, `Quý`): the rows are periods, each
# the time of the tasks its row lists (lexicon, folded).
_PERIOD = lexicon.alternation("tables.period_columns", fold_words=True)
_PERIOD_COLUMN = re.compile(rf"{_PERIOD}(?:\s*[/,]\s*{_PERIOD})*")
# A row that only names a period (`Tháng 3`, `Quý II/2026`, folded): a calendar's group row.
_PERIOD_ROW = re.compile(rf"{_PERIOD}\s+(?:\d{{1,2}}|[ivx]{{1,4}})(?:\s*/\s*\d{{4}})?")


def is_column_numbers(row: list[str]) -> bool:
    """True for a row that only numbers the columns (`(1) (2) (3)`, `1 | 2 | 3`): not a task."""
    cells = [c.strip() for c in row if c.strip()]
    if len(cells) < 2 or not all(_COLUMN_NUMBER.match(c) for c in cells):
        return False
    nums = [int(re.search(r"\d+", c).group(0)) for c in cells]  # type: ignore[union-attr]
    return nums == sorted(nums) and len(set(nums)) == len(nums)


@dataclass
class Columns:
    """Which column holds what; -1 when absent."""

    num: int = -1
    text: int = -1
    directing: int = -1
    lead: int = -1
    # further lead columns after the first (`Cơ quan tham mưu | Cơ quan chủ trì thực hiện`):
    # their bodies lead too, after the first column's
    more_leads: list[int] = field(default_factory=list)
    coordinating: int = -1
    time: int = -1
    time_end: int = -1  # the second of two time columns (`bắt đầu | hoàn thành`)
    is_targets: bool = False
    unit: int = -1
    values: list[tuple[int, int | None, bool]] = field(default_factory=list)  # (col, year, is_goal)
    plain_years: list[int] = field(default_factory=list)  # value columns headed by a year alone
    totals: list[int] = field(default_factory=list)  # whole-period columns (`Cả giai đoạn`)
    ignored: list[int] = field(default_factory=list)
    width: int = 0  # how many columns the heading has
    # the lead column's roles go by the order of its names (`agencies.order_note`): no
    # coordinating column, and the document says the first agency of a cell leads
    first_leads: bool = False
    # the time column names a calendar period (`Tháng`): a row is a period, its task cell
    # may list several tasks (`cell_items.py`)
    by_period: bool = False
    # an inspection schedule's rows, each the visit to the unit its text column names by the
    # team its lead column names (`_visits`)
    visits: bool = False


def lead_columns(cols: Columns) -> list[int]:
    """The columns whose bodies lead, in the table's order (none without a lead column)."""
    return [cols.lead, *cols.more_leads] if cols.lead >= 0 else []


def agency_columns(cols: Columns) -> list[int]:
    """Every column that names bodies in a role: directing, the lead ones, coordinating."""
    return [cols.directing, *lead_columns(cols), cols.coordinating]


def grid(table: Table) -> list[list[str]]:
    """The table's cells cleaned, every row as wide as the widest (short rows padded)."""
    width = max((len(r) for r in table.rows), default=0)
    return [[clean(c) for c in r] + [""] * (width - len(r)) for r in table.rows]


@lru_cache(maxsize=1)
def _column_words() -> dict[str, re.Pattern[str]]:
    """The words of each kind of column heading (lexicon `tables.column_words`), folded: the
    number and unit columns as the whole heading, the others as words in it."""
    whole = {"number": "tables.column_words.number", "unit": "tables.unit_labels"}
    found = {k: re.compile(alternation(p, fold_words=True)) for k, p in whole.items()}
    for kind in lexicon.tables()["tables"]["column_words"]:
        if kind not in whole:
            found[kind] = _words_re(f"tables.column_words.{kind}")
    return found


def column_role(h: str) -> str | None:
    """The role of a column by its folded heading (`num`, `unit`, `text`, `targets`, `time`,
    `lead`, `coordinating`, `directing`, `members`, `ignore`; None for none of them), from
    the words of `tables.column_words`."""
    if not h:
        return None
    words = _column_words()
    if words["number"].fullmatch(h):
        return "num"
    if words["unit"].fullmatch(h):
        return "unit"
    if _OBJECT_COLUMN.search(h):
        return "ignore"  # whom the work is done to: no role
    names_role = words["lead"].search(h) or words["coordinating"].search(h)
    if _MEMBER_COLUMN.match(h) and not (names_role or words["directing"].search(h)):
        return None if _MEMBER_EXCLUDED.search(h) else "members"
    agency = words["agency"].search(h)
    leads = bool(words["lead"].search(h))
    if words["ignored"].search(h) and not (agency and leads):
        return "ignore"
    if words["time"].search(h):
        return "time"
    if _PERIOD_COLUMN.fullmatch(h):
        return "time"
    if agency:
        if words["coordinating"].search(h) and not leads:
            return "coordinating"
        if words["directing"].search(h) and not leads and not words["directing_to_lead"].search(h):
            return "directing"
        return "lead"
    if words["text"].search(h):
        return "text"
    if words["targets"].search(h):
        return "targets"
    if words["content"].search(h):
        return "text"
    return None


def _names_tasks(h: str) -> bool:
    """Whether a folded text heading names tasks (`Nội dung nhiệm vụ`), not just content."""
    return bool(_column_words()["text"].search(h))


def read_header(rows: list[list[str]]) -> tuple[Columns, int] | None:
    """Find the header (one or two rows) and map its columns; None if it is no task/target table."""
    # several readers ask for each table's heading (its rows, marks, the timetable and project
    # list tests, the plan), which is read from its first four rows alone: read once
    found = _read_header(tuple(tuple(r) for r in rows[:4]))
    if found is None:
        return None
    cols, start = found
    own = replace(
        cols,
        values=list(cols.values),
        plain_years=list(cols.plain_years),
        totals=list(cols.totals),
        ignored=list(cols.ignored),
        more_leads=list(cols.more_leads),
    )
    if own.num < 0 and _numbers_rows(rows[start:], own):
        own.num = 0  # its heading unread (OCR gives `TT` as `ý`, `I`) or left blank
    return own, start


def _numbers_rows(rows: list[list[str]], cols: Columns) -> bool:
    """Whether the first column, which no heading names, numbers the rows (`1`, `2`, …, a
    group's `I`, `II`): most of its cells are such numbers."""
    taken = {cols.text, cols.directing, cols.lead, cols.coordinating, cols.time, cols.time_end}
    taken |= {cols.unit, *cols.totals, *cols.ignored, *(c for c, _, _ in cols.values)}
    if 0 in taken:
        return False
    marks = [c.strip() for r in rows if r and (c := r[0]).strip()]
    numbers = sum(bool(_ROW_NUM.match(m) or _ROMAN_MARK.match(m)) for m in marks)
    return numbers >= 2 and numbers >= 0.8 * len(marks)


@lru_cache(maxsize=256)
def _read_header(rows: tuple[tuple[str, ...], ...]) -> tuple[Columns, int] | None:
    """`read_header` of a table's first four rows (the cached copy: callers get their own)."""
    for start in range(min(3, len(rows))):
        years_below = start + 1 < len(rows) and _years_under_targets(rows[start], rows[start + 1])
        two_rows = start + 1 < len(rows) and (row_is_header(rows[start + 1]) or years_below)
        for depth in (2, 1) if two_rows else (1,):
            if start + depth > len(rows):
                continue
            heading: list[Sequence[str]] = list(rows[start : start + depth])
            if depth == 2 and years_below:
                heading[0] = _spread_over_years(heading[0], heading[1])
            width = max(len(r) for r in heading)
            heads, years = _heading_texts(heading, width)
            cols = _map_columns(heads, years, depth == 2 and years_below)
            if cols.text >= 0 and (_assigns(cols) or cols.is_targets):
                cols.width = width
                return cols, start + depth
    return None


def _assigns(cols: Columns) -> bool:
    """Whether a table names bodies in a role (a lead, coordinating or directing column)."""
    return max(cols.lead, cols.coordinating, cols.directing) >= 0


def _heading_texts(
    heading: list[Sequence[str]], width: int
) -> tuple[list[str], list[re.Match[str] | None]]:
    """Each column's heading, folded, the texts of its rows joined (a cell spanning several
    columns stands in each), and the year it names."""
    heads: list[str] = []
    years: list[re.Match[str] | None] = []
    for c in range(width):
        parts: list[str] = []
        for r in heading:
            if c < len(r) and r[c] and (not parts or fold(r[c]) != parts[-1]):
                parts.append(fold(r[c]))
        heads.append(" ".join(parts))
        # a year under a cell spanning several (`Kế hoạch giai đoạn 2026 - 2030` over
        # `Năm 2026 | Năm 2027 | …`) is the column's: the lowest row's year first
        found = (re.search(r"\b(20\d{2})\b", p) for p in reversed(parts))
        years.append(next((m for m in found if m), None))
    return heads, years


def _map_columns(heads: list[str], years: list[re.Match[str] | None], timed_years: bool) -> Columns:
    """The columns of a heading by their roles (`column_role`, `_visits`, `_quota_columns`);
    `timed_years`: a heading of two rows whose second spreads years under a spanning cell."""
    cols = Columns()
    members = -1
    quotas: list[int] = []  # target columns beside a task column (`_quota_columns`)
    for i, h in enumerate(heads):
        if i > 0 and _period_total(h):
            cols.totals.append(i)
            continue
        role = column_role(h)
        year = years[i]
        # under a spanning cell that names the way there (`Lộ trình thực hiện` over
        # `Năm 2026 | Năm 2027 | …`), a year's column holds its numbers all the same
        timed = role == "time" and timed_years
        if (
            (role in (None, "targets", "lead") or timed)
            and year
            and i > 0
            and not _YEAR_AGENCY.search(h)
        ):
            goal = bool(_YEAR_GOAL.search(h))
            cols.values.append((i, int(year.group(1)), goal))
            if _YEAR_HEADING.fullmatch(h):
                cols.plain_years.append(i)
            continue
        if role == "targets" and cols.text >= 0 and _names_tasks(heads[cols.text]):
            quotas.append(i)
            continue
        if role == "targets" and cols.is_targets and cols.text >= 0:
            # a second target heading after the statements' (`Chỉ tiêu | Chỉ tiêu cần
            # đạt`): the column of the numbers to reach, for no year of its own
            cols.values.append((i, None, True))
            continue
        if role == "targets":
            cols.is_targets, role = True, "text"
        if role == "ignore":
            cols.ignored.append(i)
        elif role == "members":
            members = i if members < 0 else members
        elif role == "time" and cols.time >= 0 and cols.time_end < 0 and _ends(h):
            cols.time_end = i
        elif role and getattr(cols, role) == -1:
            setattr(cols, role, i)
            cols.by_period |= role == "time" and bool(_PERIOD_COLUMN.fullmatch(h))
        elif role == "lead":
            cols.more_leads.append(i)
    if cols.lead < 0 and cols.text < 0:
        members = _visits(cols, heads, members)
    if members >= 0:
        # a team's members coordinate under the lead column's agency; with no lead
        # column (a meeting's attendees) they are in no role
        if cols.lead >= 0 and cols.coordinating < 0:
            cols.coordinating = members
        else:
            cols.ignored.append(members)
    _quota_columns(cols, quotas, _assigns(cols))
    return cols


def _quota_columns(cols: Columns, quotas: list[int], assigns: bool) -> None:
    """A target column after a column of tasks (`Nội dung nhiệm vụ | Đơn vị chủ trì | … | Chỉ
    tiêu đối với cơ sở`): in a table that assigns the tasks to agencies it holds each row's
    quota for the units (`Mỗi cơ sở … ít nhất 01 …`), numbers of a task row, so in no role;
    without agency columns the table is a target table all the same."""
    if not quotas:
        return
    if assigns:
        cols.ignored.extend(quotas)
    else:
        cols.is_targets = True


def _visits(cols: Columns, heads: list[str], members: int) -> int:
    """An inspection schedule with no task nor lead column (`Đơn vị được kiểm tra | Thời gian
    | Thành phần đoàn`): each row is the visit to the unit its object column names, carried out
    by the team its team column names (lexicon `tables.team_column_words`), which leads. The
    columns are set so in `cols`; the member column left, -1 when the team column was it."""
    team = next((i for i, h in enumerate(heads) if _TEAM_COLUMN.match(h)), -1)
    unit = next((i for i, h in enumerate(heads) if _OBJECT_COLUMN.search(h)), -1)
    if team < 0 or unit < 0 or unit not in cols.ignored:
        return members
    cols.ignored.remove(unit)
    cols.text, cols.lead, cols.visits = unit, team, True
    return -1 if members == team else members


_YEAR_HEADING = re.compile(r"(?:nam\s+)?20\d{2}")


def _years_under_targets(top: Sequence[str], below: Sequence[str]) -> bool:
    """Whether a target table's heading goes on in a row of years alone (`| | | Năm 2026 | Năm
    2027 | … |` under `Chỉ tiêu | … | Kế hoạch giai đoạn 2026 - 2030 | | |`): the years of
    the columns a cell of the row above spans. Only under a heading with a `Chỉ tiêu` column:
    a task table's years under `Tiến độ` are mark columns (`marks.py`)."""
    # (a cell repeating the one above it is that cell merged down, as Word repeats it)
    cells = [fold(c) for i, c in enumerate(below) if c.strip() and (i >= len(top) or c != top[i])]
    if len(cells) < 2 or not all(_YEAR_HEADING.fullmatch(c) for c in cells):
        return False
    return any(column_role(fold(c)) == "targets" for c in top)


def _spread_over_years(top: Sequence[str], below: Sequence[str]) -> list[str]:
    """The heading's first row with a cell that spans years written in each column it spans:
    text keeps a merged cell's words in its first column only, the columns after it left empty
    (Word repeats them)."""
    out = list(top)
    for c in range(1, len(out)):
        under = below[c] if c < len(below) else ""
        if not out[c].strip() and under.strip() and c - 1 < len(below) and below[c - 1].strip():
            out[c] = out[c - 1]
    return out


def _period_total(h: str) -> bool:
    """A folded heading of a whole-period column (`cả giai đoạn`, `tổng cộng 2026 - 2028`)."""
    words = lexicon.folded("tables.period_total_columns")
    return any(h == w or re.fullmatch(rf"{re.escape(w)}[\s(]*(?:20\d\d\D*)*", h) for w in words)


def _ends(heading: str) -> bool:
    """Whether a (folded) time heading names when the work ends (`Thời gian hoàn thành`)."""
    return bool(_TIME_END.search(heading))


def _words_re(path: str) -> re.Pattern[str]:
    return re.compile(r"\b" + alternation(path, fold_words=True) + r"\b")


_PROJECT = _words_re("tables.project_words")
_TASK = _words_re("tables.task_words")
_BUDGET = _words_re("tables.budget_words")
_TIME_END = _words_re("tables.time_end_column_words")


def is_project_list(table: Table, caption: str = "") -> bool:
    """A catalogue of projects to invest in, not a task table (data/lexicon.toml [tables]
    `project_words`): its item column is headed by projects (`Tên dự án`, `Công trình`) and
    not by tasks, its caption names no task, and a column (`Kinh phí dự kiến`) or the caption
    (`Danh mục dự án …`) says it lists what is to be funded."""
    head = read_header(table.rows)
    if head is None or head[0].is_targets:
        return False
    cols, first = head
    heading = fold(" ".join(_cell(r, cols.text) for r in table.rows[:first]))
    caption = fold(caption)
    if not _PROJECT.search(heading) or _TASK.search(heading) or _TASK.search(caption):
        return False
    priced = any(
        _BUDGET.search(fold(" ".join(_cell(r, i) for r in table.rows[:first])))
        for i in range(max(len(r) for r in table.rows[:first]))
    )
    return priced or bool(_PROJECT.search(caption))


def _same_width(table: Table, cols: Columns) -> bool:
    widest = max((len(r) for r in table.rows), default=0)
    used = max(cols.num, cols.text, *agency_columns(cols), cols.time, cols.time_end)
    return used < widest and abs(widest - cols.width) <= 1 if cols.width else used < widest


def row_is_header(row: Sequence[str]) -> bool:
    """A row of column headings: two or more cells that name a column's role. Cells that
    repeat one text are one cell merged across the row (a group's title, `II. TỔ CHỨC CÁC
    HOẠT ĐỘNG`, as the Word and PDF readers repeat it), however its words read."""
    if any(len(c) > 60 for c in row):
        return False  # headings are short; task rows are not (and folding them costs)
    cells = {fold(c) for c in row if c.strip()}
    if any(len(c) > 60 or _ROW_NUM.match(c) for c in cells):
        return False
    return sum(column_role(c) is not None for c in cells) >= 2


def _cell(row: list[str], i: int) -> str:
    return clean(row[i]) if 0 <= i < len(row) else ""


def _group_row(row: list[str], cols: Columns) -> tuple[str, str] | None:
    cells = [clean(c) for c in row]
    filled = [c for c in cells if c]
    if not filled:
        return None
    first = _cell(row, cols.num) if cols.num >= 0 else cells[0]
    text = _cell(row, cols.text)
    # a group's own sum in a budget column (`| I | CÔNG TÁC TUYÊN TRUYỀN | | | 6.730,5 |`) or
    # in any column of no role leaves it a group row
    skip = (cols.num, cols.text, *cols.ignored)
    others = [c for i, c in enumerate(cells) if c and i not in skip and c != text]
    all_same = len(set(filled)) == 1
    m = _ROMAN_NUM.match(first) if first else None
    if m and not _ROW_NUM.match(first) and (not others or all_same):
        title = m.group("title") or (text if text != first else "")
        if re.fullmatch(r"[IVX]{1,5}|[A-ZĐ]", m.group("g")):
            return m.group("g"), clean(title)
    m = _ROMAN_TITLE.match(text) if text and not first and not others else None
    if m:  # "I. Title" in the task column of an unnumbered row
        return m.group("g"), clean(m.group("title"))
    if text and not first and not others and _heading_row_text(text):
        return text, text
    if all_same and len(filled) > 1:
        m = _ROMAN_NUM.match(filled[0])
        if m and m.group("title"):
            return m.group("g"), clean(m.group("title"))
    return None


def _time_first(cols: Columns) -> bool:
    """A work calendar whose time column comes first after the row number (`TT | Thời gian
    | Nội dung | …`): its period cells (`Trong tháng 4`, `Trong quý II`, `Hằng tháng`) are
    merged down over the rows done in that period (`_period_cell`)."""
    return cols.num == 0 and cols.time == 1 and cols.text > cols.time


def _period_cell(cell: str, doc_year: int | None) -> bool:
    """A time cell naming a whole period (a month, a quarter, a year; a recurring or standing
    time), which a calendar merges down over several rows; not an event's day or days."""
    tf = parse_timeframe(cell, doc_year)
    if tf.kind in ("recurring", "continuous"):
        return True
    if tf.kind != "window" or not tf.start or not tf.end:
        return False
    y, m, d = (int(x) for x in tf.end.split("-"))
    return tf.start.endswith("-01") and d == monthrange(y, m)[1]


def _heading_row_text(text: str) -> bool:
    """The text of an unnumbered row with no other cell that heads the rows below it, not a
    wrapped line of the task above: a period alone (`Tháng 3`, a calendar's month), or words
    in capitals (`THÁNG 3`, `CÁC HOẠT ĐỘNG THƯỜNG XUYÊN`), as a table's group titles are set."""
    if len(text) > 80 or not any(ch.isalpha() for ch in text):
        return False
    return text == text.upper() or _PERIOD_ROW.fullmatch(fold(text)) is not None


def _period_of_group(title: str | None, doc_year: int | None) -> str:
    """The time a group row gives the task rows under it whose time cell is empty: its title
    when that names a period (`THÁNG 3`: March), else none."""
    if not title or not _heading_row_text(title):
        return ""
    return title if parse_timeframe(title, doc_year).kind != "unknown" else ""


def _target_row(row: list[str], cols: Columns, text: str, doc_year: int | None) -> TargetRow:
    """A target row; with value columns the goal columns give the numbers and the years: the
    columns headed as goals (`Mục tiêu 2030`; `Kế hoạch năm 2026 | Đến năm 2030`: a number for
    each from the document's year on, `by` its year), else every year from the document's own
    on (`Năm 2026 | Năm 2030`); an earlier year, or a column of results (`Thực hiện năm
    2025`), is the baseline. A cell with no number (`-`) gives none."""
    if not cols.values:
        return TargetRow(text)
    if doc_year is not None and not any(
        v[2] or (v[1] or doc_year) >= doc_year for v in cols.values
    ):
        # every column a year already past and none a goal (`Năm 2021 | … | Năm 2025` in a 2026
        # scheme's review of the past years): figures reached, no targets
        return TargetRow(text)
    ahead = [v for v in cols.values if doc_year is None or (v[1] or 0) >= doc_year]
    goals = [v for v in ahead if v[2]] or [v for v in cols.values if v[2]]
    if goals and doc_year is not None:
        # a column headed by a year alone, from the document's on, beside a goal's (`Năm 2026
        # | Đến năm 2030`) is a goal too: what a column of results is headed by (`Thực hiện`,
        # `Ước`) it does not say
        goals += [v for v in ahead if not v[2] and v[0] in cols.plain_years]
    if len(goals) >= 2:  # `Kế hoạch năm 2026 | Đến năm 2030`: a number for each goal
        chosen = sorted(goals, key=lambda v: v[1] or 0)
    elif goals or len(ahead) < 2:
        chosen = [max(goals or cols.values, key=lambda v: (v[2], v[1] or 0))]
    else:
        chosen = sorted(ahead, key=lambda v: v[1] or 0)
    unit = _cell(row, cols.unit) or None
    unit = "%" if unit in ("%", "tỷ lệ %") else unit
    metrics = []
    for col, year, _ in chosen:
        by = year if len(chosen) > 1 else None
        metrics += _cell_metrics(_cell(row, col), unit, text, by)
    for col in cols.totals if len(chosen) > 1 else []:
        # beside its year columns, the whole period's number: a target of no single year
        metrics += _cell_metrics(_cell(row, col), unit, text, None)
    for col in cols.ignored:
        # a note that dates a number on the way (`Riêng năm 2026 đạt 150 lượt người`)
        metrics += [replace(m, subject=text) for m in dated_metrics(_cell(row, col), doc_year)]
    if not metrics:
        return TargetRow(text)
    return TargetRow(text, tuple(metrics), max(y or 0 for _, y, _ in chosen) or None)


def _cell_metrics(cell: str, unit: str | None, text: str, by: int | None) -> list[Metric]:
    """The metrics of a target row's value cell: its numbers in the unit column's unit, else
    in the cell's own (`85%`, `150 công trình`, `Từ 90% trở lên`)."""
    values, own = cell_quantity(cell)
    return [Metric(value=v, unit=unit or own, subject=text, by=by) for v in values]


@lru_cache(maxsize=1)
def _value_cell_re() -> re.Pattern[str]:
    """A value cell: signs or words of a bound (lexicon `tables.value_qualifiers`), a number,
    perhaps a second one ending a range (`12 - 15`, `01 đến 02`), perhaps `%` or the counted
    unit (`150 công trình`, `3.000 lượt`), perhaps a bound after it (`90% trở lên`: lexicon
    `targets.bound_words`)."""
    words = alternation("tables.value_qualifiers")
    bound = alternation("targets.bound_words")
    num = r"\d[\d.,\s]*?"
    return re.compile(
        rf"(?i)^(?:[≥>≤<~]=?\s*|{words}\s+)*(?P<a>{num})"
        rf"(?:\s*(?:-|–|\bđến\b)\s*(?P<b>{num}))?\s*"
        rf"(?P<unit>%|[^\W\d_][^\d%()/:;]{{0,40}}?)?(?:\s+(?:{bound}))?\s*$"
    )


def cell_quantity(cell: str) -> tuple[list[int | float], str | None]:
    """The numbers of a value cell (one, or one for each end of a range: `12 - 15` gives 12
    and 15) and the unit it writes after them (`%`, `công trình`; None for none); no numbers
    when it holds none (`-`, `Duy trì`, `Hằng năm`)."""
    m = _value_cell_re().match(clean(cell))
    if m is None:
        return [], None
    try:
        values = [parse_number(g.replace(" ", "")) for g in m.group("a", "b") if g]
    except ValueError:
        return [], None
    return values, (clean(m.group("unit")) or None) if m.group("unit") else None


def cell_values(cell: str) -> list[int | float]:
    """The numbers of a cell of numbers alone (`≥ 98`, `85%`, `12 - 15`): none when it holds
    none or writes a unit after them (`cell_quantity`)."""
    values, unit = cell_quantity(cell)
    return values if unit in (None, "%") else []


def tasks_from_table(
    table: Table,
    doc_year: int | None,
    carried_over: Columns | None = None,
    *,
    first_leads: bool = False,
) -> tuple[list[Task], list[TargetRow]] | None:
    """(tasks, target statements) read from a table, or None if it is neither kind of table.
    `carried_over`: the columns of the task table just before, for a table without a heading
    of its own and as wide (the same table carried over a page break). `first_leads`: the
    document says that the first agency a cell names leads and the others coordinate
    (`agencies.order_note`), read so in a table with no coordinating column."""
    head = read_header(table.rows)
    if head is None and carried_over is not None and _same_width(table, carried_over):
        head = carried_over, 0
    if head is None:
        return None
    cols, first = head
    cols = replace(cols, first_leads=first_leads and cols.coordinating < 0)
    header_keys = [fold(" ".join(r)) for r in table.rows[:first]]
    tasks: list[dict] = []
    targets: list[TargetRow] = []
    group, group_title = None, None
    leads: list[str] = []  # the agencies of the agency row above (`agency_rows.py`)
    outer: tuple[str, str] | None = None  # the last group row's (group, title)
    numbered = cols.num >= 0 and any(_ROW_NUM.match(_cell(r, cols.num)) for r in table.rows[first:])
    # a table read from text keeps a merged cell's text in its first row only, the rows below
    # left empty as Word stores them (no `spans` to tell): when a task row's lead cell is
    # empty under a filled one (every task has a lead), the table shows its merges so, and
    # an empty lead or time cell under a filled one in the same group is that cell going on
    # (the time column only when a row with its lead merged leaves its time empty too: a task
    # may state no time, so an empty time cell beside its own lead is no merge by itself;
    # the other role columns only when the whole row is: coordinators are often none)
    merged_down: dict[int, str] = {}
    # the period a calendar's group row (`_period_of_group`), or the period cell above in a
    # time-first calendar (`_time_first`), gives its rows with no time of their own
    group_time = ""
    time_first = _time_first(cols) and not table.spans
    rows_read = 0  # the task rows so far (a row listing several tasks counts once)
    if not table.spans:
        merged_down = dict.fromkeys(merged_down_columns(table.rows[first:], cols), "")
        if merged_down:
            merged_down |= dict.fromkeys(_whole_row_columns(cols), "")
        if _keyed_by_time(cols) or (cols.time >= 0 and _schedule_heading(table.rows[:first])):
            merged_down.setdefault(cols.time, "")
    for r, row in enumerate(table.rows[first:], start=first):
        row = _realign(row, cols)
        if (
            not any(c.strip() for c in row)
            or fold(" ".join(row)) in header_keys
            or (row_is_header(row) and not _states_work(row, cols))
            or is_column_numbers(row)
        ):
            continue
        g = _group_row(row, cols)
        if g:
            group, group_title = g
            outer = g
            leads = group_leads(group_title) if cols.lead < 0 and not cols.is_targets else []
            merged_down = dict.fromkeys(merged_down, "")  # a group row ends every merge
            group_time = _period_of_group(group_title, doc_year) if cols.time >= 0 else ""
            continue
        named = agency_row(row) if cols.lead < 0 and not cols.is_targets else None
        if named:  # "1. Công an tỉnh": the lead of the rows under it (`agency_rows.py`)
            leads = group_leads(named[1])
            group, group_title = _under_agency_row(named, outer, table.rows[r + 1 :], cols)
            continue
        text = _cell(row, cols.text)
        num = _cell(row, cols.num)
        spans = table.spans[r] if r < len(table.spans) else []
        text_is_repeat = bool(spans) and cols.text < len(spans) and spans[cols.text]
        if cols.is_targets:
            if text:
                targets.append(_target_row(row, cols, text, doc_year))
            continue
        bare = not any(
            _cell(row, c) for c in (*agency_columns(cols), cols.time, cols.time_end) if c >= 0
        )
        if bare and not num and _total_row(text):
            continue  # `| | TỔNG CỘNG (I+II+III) | | | 131.131 |`: the sum of a budget column
        # an unnumbered row under numbered ones continues the task above: more agencies
        # (a merged task cell), or more text when the row has nothing else (a wrapped cell)
        continues = (
            bool(tasks) and numbered and not num and (not text or text == tasks[-1]["text"] or bare)
        )
        if tasks and (text_is_repeat or continues):
            more = text if not text_is_repeat and text != tasks[-1]["text"] else ""
            _merge_into(tasks[-1], row, cols, more)
            continue
        if not text or (bare and _heads_numbered_rows(num, table.rows[r + 1 :], cols)):
            merged_down = dict.fromkeys(merged_down, "")
            continue  # `| 1 | Kiểm kê, số hóa di sản | | |` over rows 1.1, 1.2: a sub-heading
        row = _merged_from_above(row, merged_down, _whole_row_columns(cols), _row_empty(row, cols))
        if time_first and _cell(row, cols.time):
            own = _cell(row, cols.time)
            group_time = own if _period_cell(own, doc_year) else ""
        if group_time and not _cell(row, cols.time):
            # a calendar's row with no time of its own is done in its group's period
            row = [*row, *[""] * (cols.time + 1 - len(row))]
            row[cols.time] = group_time
        rows_read += 1
        items = item_rows(row, cols.text, agency_columns(cols), by_period=cols.by_period)
        # a calendar's row goes by its period (`Tháng 3` numbers its tasks `3.1`, `3.2`)
        key = num.rstrip(".)")
        if not key and cols.by_period:
            key = period_key(_cell(row, cols.time)) or ""
        for k, item in enumerate(items, start=1):
            # a row listing several tasks numbers them under its own number
            own = f"{key or rows_read}.{k}" if len(items) > 1 else key
            text = _cell(item, cols.text)
            tasks.append(_new_task(item, cols, own, text, group, group_title, rows_read))
            if leads:
                led_by_row(tasks[-1], leads)
    return [_finish(t, doc_year) for t in tasks], targets


def _states_work(row: list[str], cols: Columns) -> bool:
    """A row that names a known body in an agency column or a period in the time column: a
    task, however many of its short cells hold a heading's words (`Hội chợ sản phẩm chè` under
    `Nội dung`, `Sở Công Thương chủ trì, …` under `Đơn vị thực hiện`); a heading repeated
    inside the table names neither."""
    if any(known_prefix(_cell(row, c)) for c in agency_columns(cols) if c >= 0):
        return True
    return cols.time >= 0 and parse_timeframe(_cell(row, cols.time)).kind != "unknown"


@lru_cache(maxsize=1)
def _total_row_re() -> re.Pattern[str]:
    return re.compile(r"^" + alternation("tables.total_rows", fold_words=True) + r"\s*(?:[(:].*)?$")


def _total_row(text: str) -> bool:
    """A row that sums a column (`Tổng cộng`, `Cộng`; the words in the lexicon): no task."""
    return len(text) < 80 and _total_row_re().match(fold(text)) is not None


def _under_agency_row(
    named: tuple[str, str], outer: tuple[str, str] | None, rows: list[list[str]], cols: Columns
) -> tuple[str | None, str | None]:
    """The (group, title) of the task rows under an agency row (`1. Công an tỉnh`): the row's
    number within the group row above it, and the agency's name; the group row above when
    the agency row has no number, or when the rows under it carry its number themselves
    (`3 | Công an tỉnh` over `3.1`, `3.2`)."""
    num, title = named
    if not num or _heads_numbered_rows(num, rows, cols):
        return outer if outer else (None, None)
    return (f"{outer[0]}.{num}" if outer else num), title


def merged_down_columns(rows: list[list[str]], cols: Columns) -> list[int]:
    """The columns (the lead ones, and time) whose empty cells under a filled one, in a task
    table read from text, are that cell merged down (see `tasks_from_table`); `rows` are
    those under the heading. None when the table shows no merged lead."""
    if not _leads_merged(rows, cols):
        return []
    if cols.time >= 0 and _leads_merged(rows, cols, with_time=True):
        return [*lead_columns(cols), cols.time]
    return lead_columns(cols)


@lru_cache(maxsize=2)
def _column_words_re(path: str) -> re.Pattern[str]:
    return re.compile(r"\b" + lexicon.alternation(path, fold_words=True) + r"\b")


def is_schedule(table: Table) -> bool:
    """An event's programme (`Thời gian | Nội dung | Địa điểm | Đơn vị thực hiện`), told by its
    heading (`_schedule_heading`), or an inspection schedule whose rows name the units visited,
    not the work (`_visits`): it details one activity of the plan."""
    head = read_header(table.rows)
    return head is not None and (head[0].visits or _schedule_heading(table.rows[: head[1]]))


def _schedule_heading(heading: list[list[str]]) -> bool:
    """A programme's heading: a column of places and none of a task table's own (roles split
    into columns, deadlines, products; lexicon `tables.schedule_columns`,
    `tables.task_table_columns`). It is no task list (`task_lists.is_task_list`): its rows are
    tasks beside those the sections of duties assign; and it runs in the order of its times,
    so an empty time cell under a filled one is that cell merged down."""
    cells = [fold(c) for row in heading for c in row if c.strip()]
    places = _column_words_re("tables.schedule_columns")
    own = _column_words_re("tables.task_table_columns")
    return any(places.search(c) for c in cells) and not any(own.search(c) for c in cells)


def _keyed_by_time(cols: Columns) -> bool:
    """A timeline (`Mốc thời gian | Nội dung công việc | Đơn vị chủ trì | …`): the time is
    the first column and no number column goes before it, so the time is what orders the
    rows, and an empty time cell under a filled one is that milestone's cell merged down
    over its further rows (as a text table leaves it), not a task with no time."""
    return cols.time == 0 and cols.num < 0 and cols.text > cols.time


def _leads_merged(rows: list[list[str]], cols: Columns, *, with_time: bool = False) -> bool:
    """True when a numbered task row has its lead cells all empty under a row of the same
    group that has one (not always the row just above: a merged cell may span several rows):
    the text left a merged lead cell empty below its first row. With `with_time`, only such a
    row whose time cell is empty too counts."""
    if cols.lead < 0 or cols.num < 0:
        return False
    above = False
    for row in rows:
        if _group_row(row, cols):
            above = False
            continue
        if not (_ROW_NUM.match(_cell(row, cols.num)) and _cell(row, cols.text)):
            continue
        led = any(_cell(row, c) for c in lead_columns(cols))
        if not led and above and not (with_time and _cell(row, cols.time)):
            return True
        # a lead cell merged down over several rows is still above the last of them
        above = above or led
    return False


def _whole_row_columns(cols: Columns) -> list[int]:
    """The role columns (directing, coordinating) a merge carries down only with all the row's
    bodies: a row may well have no coordinators, so an empty cell there beside its own lead is
    none; a row whose every role cell is empty (its time its own or not) is the row above's
    bodies merged down, as Word merges the agency cells of rows one team carries out."""
    return [c for c in (cols.directing, cols.coordinating) if c >= 0]


def _row_empty(row: list[str], cols: Columns) -> bool:
    """True when the row's every role cell is empty."""
    return not any(_cell(row, c) for c in agency_columns(cols) if c >= 0)


def _merged_from_above(
    row: list[str], merged_down: dict[int, str], whole_row: list[int], whole: bool
) -> list[str]:
    """The row with each empty merged-down column given the text above it, which it then
    passes on (`merged_down`: column -> the text its cell last held); the `whole_row` columns
    only when the `whole` row is merged down, else the row's own cell (empty: none) is what a
    row merged below it takes."""
    if not merged_down:
        return row
    row = list(row) + [""] * (max(merged_down) + 1 - len(row))
    for c, above in merged_down.items():
        if row[c].strip() or (c in whole_row and not whole):
            merged_down[c] = row[c]  # an empty coordinating cell of its own is none
        elif above:
            row[c] = above
    return row


def _realign(row: list[str], cols: Columns) -> list[str]:
    """A row one cell short of the heading whose cell before the time column reads as a
    timeframe lost a separator before it (OCR): the time goes back to its column, and the
    cell that swallowed the separator stays in the earlier column (its agencies, read
    together, are all lead)."""
    if not cols.width or len(row) != cols.width - 1 or cols.time <= 0 or cols.time >= cols.width:
        return row
    shifted = _cell(row, cols.time - 1)
    if not shifted or parse_timeframe(shifted).kind == "unknown":
        return row
    return [*row[: cols.time - 1], "", *row[cols.time - 1 :]]


def _heads_numbered_rows(num: str, rows: list[list[str]], cols: Columns) -> bool:
    """A numbered row with no agency nor time whose next numbered row is numbered under it
    (`1` then `1.1`): it heads those rows, as a group row (`A.`, `I.`) heads its own."""
    own = num.rstrip(".)")
    if not own or not _ROW_NUM.match(num):
        return False
    for row in rows:
        nxt = _cell(row, cols.num).rstrip(".)")
        if nxt:
            return nxt.startswith(own + ".")
    return False


def _new_task(row, cols, num, text, group, group_title, n) -> dict:
    t = {
        "num": num.rstrip(".)") or str(n),
        "text": text,
        "group": group,
        "group_title": group_title,
        "directing": [],
        "lead": [],
        "coordinating": [],
        "time": [],
        "time_end": [],
    }
    _add_agencies(t, row, cols)
    return t


def _agency_cell(row: list[str], i: int) -> str:
    """An agency cell, its lines that each name a body listed apart (`lines_as_list`), and
    so its dash items (`- Sở X - Sở Y`, `cell_items.agency_items`)."""
    if not 0 <= i < len(row):
        return ""
    items = agency_items(row[i])
    return clean(lines_as_list("; ".join(items) if len(items) > 1 else row[i]))


def _add_agencies(t: dict, row: list[str], cols: Columns) -> None:
    if cols.directing >= 0:
        t["directing"] += parse_list(_agency_cell(row, cols.directing))
    going_on = bool(t["lead"])
    for col in lead_columns(cols):
        directing, lead, coord = cell_roles(_agency_cell(row, col), first_leads=cols.first_leads)
        if cols.first_leads and going_on:
            lead, coord = [], lead + coord  # a row going on a cell: its first is not the cell's
        t["directing"] += directing
        t["lead"] += lead
        t["coordinating"] += coord
    if cols.coordinating >= 0:
        t["coordinating"] += parse_list(_agency_cell(row, cols.coordinating))
    for key, col in (("time", cols.time), ("time_end", cols.time_end)):
        time = _cell(row, col)
        if time and time not in t[key]:
            t[key].append(time)


def _merge_into(t: dict, row: list[str], cols: Columns, more_text: str) -> None:
    if more_text:
        t["text"] = f"{t['text']} {more_text}"
    before = {k: list(t[k]) for k in ("directing", "lead", "coordinating")}
    _add_agencies(t, row, cols)
    for k in ("directing", "lead", "coordinating"):
        t[k] = list(dict.fromkeys(before[k] + [a for a in t[k] if a not in before[k]]))


def _finish(t: dict, doc_year: int | None) -> Task:
    raw = " ".join(t["time"]) or None
    end = " ".join(t["time_end"]) or None
    group = t["group"]
    return Task(
        # a group named by its title (a calendar's `THÁNG 3`) leaves the row's own number
        id=f"{group}.{t['num']}" if group and " " not in group else t["num"],
        group=group,
        group_title=t["group_title"],
        text=t["text"],
        directing=list(dict.fromkeys(t["directing"])),
        lead=list(dict.fromkeys(t["lead"])),
        coordinating=list(dict.fromkeys(t["coordinating"])),
        timeframe=parse_span(raw, end, doc_year) if end else parse_timeframe(raw, doc_year),
    )
