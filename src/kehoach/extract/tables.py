"""Task tables (and target tables): columns told apart by their headings.

Works on `Table` blocks from any source: tab-separated or pipe text, Word
tables (merged cells repeated, `spans` marked) and PDF tables.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from kehoach.extract.agencies import cell_roles, known_prefix, lines_as_list, parse_list
from kehoach.extract.agency_rows import agency_row, group_leads, led_by_row
from kehoach.extract.cell_items import agency_items, item_rows, period_key
from kehoach.extract.targets import TargetRow
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
# A heading that only names a calendar period (`Tháng`, `Quý`): the rows are periods, each
# the time of the tasks its row lists (lexicon, folded).
_PERIOD = lexicon.alternation("tables.period_columns", fold_words=True)
_PERIOD_COLUMN = re.compile(rf"{_PERIOD}(?:\s*[/,]\s*{_PERIOD})*")


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
    coordinating: int = -1
    time: int = -1
    time_end: int = -1  # the second of two time columns (`bắt đầu | hoàn thành`)
    is_targets: bool = False
    unit: int = -1
    values: list[tuple[int, int | None, bool]] = field(default_factory=list)  # (col, year, is_goal)
    totals: list[int] = field(default_factory=list)  # whole-period columns (`Cả giai đoạn`)
    ignored: list[int] = field(default_factory=list)
    width: int = 0  # how many columns the heading has
    # the lead column's roles go by the order of its names (`agencies.order_note`): no
    # coordinating column, and the document says the first agency of a cell leads
    first_leads: bool = False
    # the time column names a calendar period (`Tháng`): a row is a period, its task cell
    # may list several tasks (`cell_items.py`)
    by_period: bool = False


def grid(table: Table) -> list[list[str]]:
    """The table's cells cleaned, every row as wide as the widest (short rows padded)."""
    width = max((len(r) for r in table.rows), default=0)
    return [[clean(c) for c in r] + [""] * (width - len(r)) for r in table.rows]


def column_role(h: str) -> str | None:
    if not h:
        return None
    if re.fullmatch(r"(s\s*)?tt|so tt|stt|so thu tu|thu tu", h):
        return "num"
    if re.fullmatch(r"(don vi tinh|dvt|don vi)", h):
        return "unit"
    if _OBJECT_COLUMN.search(h):
        return "ignore"  # whom the work is done to: no role
    if _MEMBER_COLUMN.match(h) and not re.search(r"\b(chu tri|phoi hop|chi dao)\b", h):
        return None if _MEMBER_EXCLUDED.search(h) else "members"
    agency = re.search(r"\b(co quan|don vi|chu tri|phoi hop|chi dao|tham muu|trach nhiem)\b", h)
    if re.search(
        r"\b(theo doi|don doc|san pham|ket qua|ghi chu|kinh phi|nguon von|du kien)\b", h
    ) and not (agency and re.search(r"\bchu tri\b", h)):
        return "ignore"
    if re.search(r"\b(thoi gian|thoi han|tien do|moc thoi gian|thoi diem|lo trinh)\b", h):
        return "time"
    if _PERIOD_COLUMN.fullmatch(h):
        return "time"
    if agency:
        if re.search(r"\bphoi hop\b", h) and not re.search(r"\bchu tri\b", h):
            return "coordinating"
        if re.search(r"\bchi dao\b", h) and not re.search(r"\b(chu tri|trien khai|tham muu)\b", h):
            return "directing"
        return "lead"
    if re.search(r"\b(nhiem vu|noi dung|cong viec|hoat dong|de an|chuong trinh|ten)\b", h):
        return "text"
    if re.search(r"\bchi tieu\b", h):
        return "targets"
    return None


def read_header(rows: list[list[str]]) -> tuple[Columns, int] | None:
    """Find the header (one or two rows) and map its columns; None if it is no task/target table."""
    # several readers ask for each table's heading (its rows, marks, the timetable and project
    # list tests, the plan), which is read from its first four rows alone: read once
    found = _read_header(tuple(tuple(r) for r in rows[:4]))
    if found is None:
        return None
    cols, start = found
    own = replace(
        cols, values=list(cols.values), totals=list(cols.totals), ignored=list(cols.ignored)
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
            heads = []
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
            cols = Columns()
            members = -1
            for i, h in enumerate(heads):
                if i > 0 and _period_total(h):
                    cols.totals.append(i)
                    continue
                role = column_role(h)
                year = years[i]
                # under a spanning cell that names the way there (`Lộ trình thực hiện` over
                # `Năm 2026 | Năm 2027 | …`), a year's column holds its numbers all the same
                timed = role == "time" and depth == 2 and years_below
                if (
                    (role in (None, "targets", "lead") or timed)
                    and year
                    and i > 0
                    and not re.search(r"co quan|don vi", h)
                ):
                    goal = bool(re.search(r"muc tieu|chi tieu|ke hoach|phan dau|den nam", h))
                    cols.values.append((i, int(year.group(1)), goal))
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
            if members >= 0:
                # a team's members coordinate under the lead column's agency; with no lead
                # column (a meeting's attendees) they are in no role
                if cols.lead >= 0 and cols.coordinating < 0:
                    cols.coordinating = members
                else:
                    cols.ignored.append(members)
            agencies = max(cols.lead, cols.coordinating, cols.directing)
            if cols.text >= 0 and (agencies >= 0 or cols.is_targets):
                cols.width = width
                return cols, start + depth
    return None


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
    used = max(
        cols.num, cols.text, cols.lead, cols.coordinating, cols.directing, cols.time, cols.time_end
    )
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
    if all_same and len(filled) > 1:
        m = _ROMAN_NUM.match(filled[0])
        if m and m.group("title"):
            return m.group("g"), clean(m.group("title"))
    return None


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
        metrics += [Metric(value=v, unit=unit, subject=text, by=by) for v in _values(row, col)]
    for col in cols.totals if len(chosen) > 1 else []:
        # beside its year columns, the whole period's number: a target of no single year
        metrics += [Metric(value=v, unit=unit, subject=text, by=None) for v in _values(row, col)]
    if not metrics:
        return TargetRow(text)
    return TargetRow(text, tuple(metrics), max(y or 0 for _, y, _ in chosen) or None)


@lru_cache(maxsize=1)
def _value_cell_re() -> re.Pattern[str]:
    """A value cell: signs or words of a bound (lexicon `tables.value_qualifiers`), a number,
    perhaps a second one ending a range (`12 - 15`, `01 đến 02`), perhaps `%`."""
    words = alternation("tables.value_qualifiers")
    num = r"\d[\d.,\s]*?"
    return re.compile(
        rf"(?i)^(?:[≥>≤<~]=?\s*|{words}\s+)*(?P<a>{num})"
        rf"(?:\s*(?:-|–|\bđến\b)\s*(?P<b>{num}))?\s*%?$"
    )


def _values(row: list[str], col: int) -> list[int | float]:
    return cell_values(_cell(row, col))


def cell_values(cell: str) -> list[int | float]:
    """The numbers of a value cell: one (`≥ 98`, `85`), or one for each end of a range (`12 -
    15` gives 12 and 15); none when it holds no number (`-`, `Duy trì`)."""
    m = _value_cell_re().match(clean(cell))
    if m is None:
        return []
    try:
        return [parse_number(g.replace(" ", "")) for g in m.group("a", "b") if g]
    except ValueError:
        return []


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
    # may state no time, so an empty time cell beside its own lead is no merge by itself)
    merged_down: dict[int, str] = {}
    rows_read = 0  # the task rows so far (a row listing several tasks counts once)
    if not table.spans:
        merged_down = dict.fromkeys(merged_down_columns(table.rows[first:], cols), "")
        if _keyed_by_time(cols):
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
            _cell(row, c)
            for c in (cols.directing, cols.lead, cols.coordinating, cols.time, cols.time_end)
            if c >= 0
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
        row = _merged_from_above(row, merged_down)
        rows_read += 1
        agencies = [cols.directing, cols.lead, cols.coordinating]
        items = item_rows(row, cols.text, agencies, by_period=cols.by_period)
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
    agencies = (cols.lead, cols.coordinating, cols.directing)
    if any(known_prefix(_cell(row, c)) for c in agencies if c >= 0):
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
    """The columns (lead, and time) whose empty cells under a filled one, in a task table
    read from text, are that cell merged down (see `tasks_from_table`); `rows` are those
    under the heading. None when the table shows no merged lead."""
    if not _leads_merged(rows, cols):
        return []
    if cols.time >= 0 and _leads_merged(rows, cols, with_time=True):
        return [cols.lead, cols.time]
    return [cols.lead]


def _keyed_by_time(cols: Columns) -> bool:
    """A timeline (`Mốc thời gian | Nội dung công việc | Đơn vị chủ trì | …`): the time is
    the first column and no number column goes before it, so the time is what orders the
    rows, and an empty time cell under a filled one is that milestone's cell merged down
    over its further rows (as a text table leaves it), not a task with no time."""
    return cols.time == 0 and cols.num < 0 and cols.text > cols.time


def _leads_merged(rows: list[list[str]], cols: Columns, *, with_time: bool = False) -> bool:
    """True when a numbered task row has an empty lead cell under a row of the same group
    that has one: the text left a merged lead cell empty below its first row. With
    `with_time`, only such a row whose time cell is empty too counts."""
    if cols.lead < 0 or cols.num < 0:
        return False
    above = False
    for row in rows:
        if _group_row(row, cols):
            above = False
            continue
        if not (_ROW_NUM.match(_cell(row, cols.num)) and _cell(row, cols.text)):
            continue
        if not _cell(row, cols.lead) and above and not (with_time and _cell(row, cols.time)):
            return True
        above = bool(_cell(row, cols.lead))
    return False


def _merged_from_above(row: list[str], merged_down: dict[int, str]) -> list[str]:
    """The row with each empty merged-down column given the text above it, which it then
    passes on (`merged_down`: column -> the text its cell last held)."""
    if not merged_down:
        return row
    row = list(row) + [""] * (max(merged_down) + 1 - len(row))
    for c, above in merged_down.items():
        if row[c].strip():
            merged_down[c] = row[c]
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
    if cols.lead >= 0:
        directing, lead, coord = cell_roles(
            _agency_cell(row, cols.lead), first_leads=cols.first_leads
        )
        if cols.first_leads and t["lead"]:
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
        id=f"{group}.{t['num']}" if group else t["num"],
        group=group,
        group_title=t["group_title"],
        text=t["text"],
        directing=list(dict.fromkeys(t["directing"])),
        lead=list(dict.fromkeys(t["lead"])),
        coordinating=list(dict.fromkeys(t["coordinating"])),
        timeframe=parse_span(raw, end, doc_year) if end else parse_timeframe(raw, doc_year),
    )
