"""Task tables whose columns hold marks, not words.

An assignment matrix gives each agency a column of its own (`Sở VHTTDL | Sở GDĐT | …`, often
under a merged `Cơ quan thực hiện`), a task's row marking the agencies that take part: `C`
for the lead (chủ trì), `P` for those that coordinate (phối hợp), or a bare tick (`x`, `✓`)
that takes the role its column's heading names (with none named: the lead, or coordinating
beside a `C` in the same row). A roadmap gives each period a column (`2026 | 2027 | …` under
a merged `Lộ trình thực hiện`; `Quý I | Quý II | …` under `Năm 2026`), a task's row ticking
the periods it runs in, or naming a part of a year in a year's column (`Quý II`). A legend by
the table (`C - Cơ quan chủ trì; P - Cơ quan phối hợp`, `Chữ viết tắt: Sở TC - Sở Tài
chính; …`) says what the marks stand for and spells out the agencies' abbreviated headings.

`unmark` turns such a table into the table an official would have typed in words, so that the
task-table reader (`tables.py`) reads it as any other: the mark columns give way to columns
naming the marked agencies by role (`Cơ quan chủ trì`, `Cơ quan phối hợp`, `Cơ quan chỉ
đạo`; or the table's own column of that role, when it has one) and to a time column with the
marked periods in words (data/lexicon.toml [tables.mark_columns]), which `timeframes` reads
as the schema says:
- a task ticked in every year of the roadmap (three or more) is yearly, `Hằng năm (2026 -
  2030)`, only where the table says its ticks mean that: its heading over the years, or its
  legend speaking of the marks (`nhiệm vụ được đánh dấu ở mọi năm thực hiện hằng năm`; the
  lexicon's [tables] yearly_mark_words). Elsewhere ticks in every year are the window from the
  first to the last (`2026 - 2030`), as any adjacent ticks: a mark is no wording, and the
  schema reads a task as recurring only when its wording says so;
- ticks in adjacent periods are one window: `2026 - 2028`, `Từ tháng 4/2026 đến tháng
  9/2026`; a single one is its own (`Năm 2026`, `Quý II năm 2026`);
- ticks apart are several periods, the first stated deciding (`Năm 2028, Năm 2030` runs in 2028);
- a part of a year is that part of its column's year (`Quý II năm 2026`), a period of its own;
- a word for the stage the work is at (`Thí điểm`, `Duy trì`, `Hoàn thành`) names no part of
  its year: it marks the year as a tick does, though a row of such words is no yearly task.

A heading printed again inside the table (both rows of a two-row one, after a page break) is
left out of its body.

It works on `Table` blocks, so on text pipe and tab tables, Word tables (merged headings
repeated, `spans` marked) and PDF tables alike; a table carried over a page break without a
heading of its own is read with the columns of the table before (`Layout`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from kehoach.extract.tables import column_role, is_column_numbers, read_header, row_is_header
from kehoach.extract.timeframes import parse_timeframe
from kehoach.intake.document import Table
from kehoach.text import lexicon
from kehoach.text.normalize import clean, fold

_ROLES = ("directing", "lead", "coordinating")
_YEAR_LABEL = re.compile(r"^(?:nam\s+)?((?:19|20)\d{2})$")
_HAS_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_NUMBER = re.compile(r"^[\d\s.,%≥≤<>~+\-–]+$")
_PART_MAX = 40  # characters: a part of a year in a roadmap's cell (`6 tháng đầu năm`)
# Between a legend's mark or abbreviation and what it stands for (`C - Cơ quan chủ trì`, `x =
# tham gia`, `CĐ: chỉ đạo`): a dash only between spaces (`Báo và PT-TH` is one name).
_SEPARATOR = re.compile(r"\s[-–]\s|=|:")


@dataclass(frozen=True)
class Legend:
    """What a table's legend says: marks' roles (folded mark -> role), agencies' names
    (folded abbreviation -> full name), and whether ticks in every year mean a yearly task."""

    roles: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    yearly: bool = False


@dataclass(frozen=True)
class Period:
    """The period a column of a roadmap stands for: its wording with its year (`Quý II năm
    2026`), its first and last day, and its year when it is a whole one."""

    wording: str
    start: date
    end: date
    year: int | None


@dataclass(frozen=True)
class Layout:
    """A marked table's columns: which hold an agency's marks (column -> (agency, the role its
    heading gives a tick there, None when it names none)) and which a period's (a year's, a
    quarter's); how wide the table is, what its legend says, and whether a task ticked in every
    year is yearly (its legend or its heading over the years says so)."""

    width: int
    agencies: dict[int, tuple[str, str | None]]
    periods: dict[int, Period]
    legend: Legend
    yearly: bool = False


def _key(text: str) -> str:
    return re.sub(r"[\s,.;:\-–]+", " ", fold(text)).strip()


@cache
def _cell_marks() -> dict[str, str | None]:
    """Folded cell mark -> its role; None for a tick."""
    marks: dict[str, str | None] = dict.fromkeys(lexicon.folded("tables.tick_cell_marks"))
    for role in _ROLES:
        marks.update(dict.fromkeys(lexicon.folded(f"tables.{role}_cell_marks"), role))
    return marks


@cache
def _role_words() -> list[tuple[re.Pattern[str], str]]:
    return [
        (re.compile(rf"\b{re.escape(fold(words))}\b"), role)
        for role, words in lexicon.mapping("tables.legend_role_words").items()
    ]


def _pair(entry: str) -> tuple[str, str] | None:
    """(short, full) of one legend entry, after its label (`Ghi chú: C - chủ trì`, `(ký
    hiệu: X = chủ trì`); None when it pairs nothing."""
    entry = entry.strip(" .()")
    while True:
        cut = _SEPARATOR.search(entry)
        if cut is None:
            return None
        short, full = entry[: cut.start()].strip(" ()\"'“”"), entry[cut.end() :].strip(" .():")
        if cut.group() != ":" or not _SEPARATOR.search(full):
            break
        entry = full  # `Ghi chú:` is a label: the entry follows it
    if not short or len(short) > 40 or len(full) <= len(short):
        return None
    return short, full


def _sentences(note: str) -> list[str]:
    """A note's sentences (`C - chủ trì; P - phối hợp. Sở TC - Sở Tài chính.`); a dot after
    a short word in capitals (`TP. Điện Biên Phủ`) ends none."""
    out: list[str] = []
    for part in re.split(r"(?<=\w)\.\s+", note):
        if out and re.search(r"\b[A-ZĐ]{1,3}$", out[-1]):
            out[-1] = f"{out[-1]}. {part}"
        else:
            out.append(part)
    return out


@cache
def _yearly_words() -> re.Pattern[str]:
    """A yearly word (`hằng năm`), with the word of placement before it when there is one
    (`vào mỗi năm`: where a mark goes, not a yearly task)."""
    yearly = lexicon.alternation("tables.yearly_mark_words", fold_words=True)
    placed = lexicon.alternation("tables.mark_placement_words", fold_words=True)
    return re.compile(rf"(?:\b({placed})\s+)?\b{yearly}\b")


def _says_yearly(text: str) -> bool:
    """Whether a heading or a legend's entry calls the work it marks yearly (`thực hiện hằng
    năm`), not only where a mark goes (`đánh dấu x vào mỗi năm thực hiện`)."""
    return any(m.group(1) is None for m in _yearly_words().finditer(fold(text)))


@cache
def _mark_words() -> re.Pattern[str]:
    return re.compile(rf"\b{lexicon.alternation('tables.legend_mark_words', fold_words=True)}\b")


def _speaks_of_marks(entry: str) -> bool:
    """A legend's entry about the marks: it names marking (`đánh dấu`, `ký hiệu`) or a tick
    mark itself (`(x) thực hiện hằng năm`), not a line of prose by the table."""
    f = fold(entry)
    ticks = {m for m, role in _cell_marks().items() if role is None}
    return bool(_mark_words().search(f)) or any(
        w.strip("()[]:;,.=\"'“”") in ticks for w in f.split()
    )


def read_legend(notes: list[str]) -> Legend:
    """The marks and abbreviations a legend by a table spells out (`C - Cơ quan chủ trì; P -
    Cơ quan phối hợp`, `Chữ viết tắt: Sở TC - Sở Tài chính; CA tỉnh - Công an tỉnh`), and
    whether it says a task ticked in every year is yearly (`nhiệm vụ được đánh dấu ở mọi năm
    thực hiện hằng năm`). A name may hold commas, so only `;` parts names; marks are parted
    at commas too (`C: chủ trì, P: phối hợp`)."""
    roles: dict[str, str] = {}
    names: dict[str, str] = {}
    yearly = False
    for note in (s for n in notes for s in _sentences(clean(n))):
        for entry in re.split(r"\s*[;,]\s*", note):
            pair = _pair(entry)
            if pair is None or " " in pair[0] or len(pair[0]) > 4:
                continue
            meaning = fold(pair[1])
            role = next((r for rx, r in _role_words() if rx.search(meaning)), None)
            if role:
                roles.setdefault(fold(pair[0]), role)
        for entry in re.split(r"\s*;\s*", note):
            pair = _pair(entry)
            if pair is not None:
                names.setdefault(_key(pair[0]), pair[1])
            yearly = yearly or (_speaks_of_marks(entry) and _says_yearly(entry))
    return Legend(roles, names, yearly)


def _is_tick_or_role(cell: str, legend: Legend) -> bool:
    f = fold(cell).strip(" .()")
    return f in legend.roles or f in _cell_marks()


def _mark_role(cell: str, tick_role: str | None, legend: Legend) -> str | None:
    """The role a mark gives: the legend's, the lexicon's (`C`, `P`), else its heading's;
    None for a tick under a heading that names no role."""
    f = fold(cell).strip(" .()")
    return legend.roles.get(f) or _cell_marks().get(f) or tick_role


def _heading_role(heading: str) -> str | None:
    """The role a heading over agency columns names (`Cơ quan phối hợp`), None for none
    (`Cơ quan thực hiện`)."""
    f = fold(heading)
    if re.search(r"\bphoi hop\b", f) and not re.search(r"\bchu tri\b", f):
        return "coordinating"
    if re.search(r"\bchi dao\b", f) and not re.search(r"\bchu tri\b", f):
        return "directing"
    return "lead" if re.search(r"\bchu tri\b", f) else None


def _row_roles(
    marks: list[tuple[str, tuple[str, str | None]]], legend: Legend
) -> list[tuple[str, str]]:
    """Each marked agency of a row with its role. A tick whose heading names no role is the
    lead's, unless the row marks a lead of its own: then it takes part, coordinating (`C`
    for one agency, `x` for others)."""
    roles = [(agency, _mark_role(mark, tick, legend)) for mark, (agency, tick) in marks]
    has_lead = any(r == "lead" for _, r in roles)
    return [(a, r or ("coordinating" if has_lead else "lead")) for a, r in roles]


@cache
def _heading_words() -> re.Pattern[str]:
    w = lexicon.alternation("tables.header_words", fold_words=True)
    return re.compile(rf"^[\s(]*{w}(?:[\s,/;()&+.:-]+{w})*[\s).:]*$")


def _in_year(part: str, year: int) -> str:
    """A part of a year named in a year's column, with that year: `Quý II` -> `Quý II năm
    2026`, `6 tháng cuối năm` -> `6 tháng cuối năm 2026`, `Trước 30/6` -> `Trước 30/6/2026`."""
    if _HAS_YEAR.search(part):
        return part
    words = lexicon.mapping("tables.mark_columns")
    if re.search(r"\d{1,2}/\d{1,2}$", part):
        return words["part_date"].format(part=part, year=year)
    if fold(part).endswith(" nam"):
        return words["part_of_year"].format(part=part, year=year)
    return words["part"].format(part=part, year=year)


def _period_cell(cell: str, period: Period) -> bool:
    """A roadmap's cell: empty, a tick, or a part of its year (`Quý II` under `2026`), never a
    number."""
    if not cell or _is_tick(cell):
        return True
    if period.year is None or len(cell) > _PART_MAX or _NUMBER.match(cell):
        return False
    return parse_timeframe(_in_year(cell, period.year)).kind != "unknown"


@cache
def _period_heading() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{w})" for w in lexicon.words("time.period_headings")))


def _period(label: str, parent: str, doc_year: int | None) -> Period | None:
    """The period a column's heading names (`2026`, `Năm 2027`, `Quý II` under `Năm 2026`,
    `Tháng 3` in a plan of 2026: the lexicon's [time] period_headings), else None."""
    year = _YEAR_LABEL.match(fold(label))
    if year:
        y = int(year.group(1))
        return Period(
            lexicon.mapping("tables.mark_columns")["year"].format(year=y),
            date(y, 1, 1),
            date(y, 12, 31),
            y,
        )
    if len(label) > _PART_MAX:
        return None
    if not _HAS_YEAR.search(label):
        found = _HAS_YEAR.search(parent)
        in_year = int(found.group(0)) if found else doc_year
        if in_year is None:
            return None
        label = _in_year(label, in_year)
    if not _period_heading().fullmatch(label.lower()):
        return None
    tf = parse_timeframe(label)
    if tf.kind != "window" or tf.start is None or tf.end is None:
        return None
    start, end = date.fromisoformat(tf.start), date.fromisoformat(tf.end)
    whole = start.year if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) else None
    return Period(label, start, end, whole if whole == end.year else None)


@dataclass
class _Frame:
    num: int
    text: int
    head_end: int  # the rows of the heading, with its sub-heading and column-number rows
    labels: list[str]  # each column's own heading (the deepest)
    parents: list[str]  # the heading over it (a merged `Cơ quan thực hiện`), if any

    def repeats_heading(self, row: list[str]) -> bool:
        """A row of the heading printed again inside the table (after a page break, both
        rows of a two-row heading): each of its cells names its column or the heading
        over it (`Lộ trình thực hiện` over the years, then `2026 | 2027 | …`)."""
        cells = [(c, clean(x)) for c, x in enumerate(row) if clean(x)]
        return bool(cells) and all(
            c < len(self.labels) and x in (self.labels[c], self.parents[c]) for c, x in cells
        )


def _frame(table: Table) -> _Frame | None:
    """Where a task table's heading ends and what heads each column; None for a table that
    is no task table, or a target table (its year columns hold numbers)."""
    rows = table.rows
    head = read_header(rows)
    if head is not None:
        cols, first = head
        if cols.is_targets:
            return None
        num, text = cols.num, cols.text
    else:  # no agency heading: the agencies head their own columns (`Sở A | Sở B`)
        found = next(
            (
                (r, c)
                for r in range(min(3, len(rows)))
                if row_is_header(rows[r])
                for c, h in enumerate(rows[r])
                if column_role(fold(h)) == "text"
            ),
            None,
        )
        if found is None:
            return None
        first, text = found[0] + 1, found[1]
        num = next((c for c, h in enumerate(rows[found[0]]) if column_role(fold(h)) == "num"), -1)
    head_end = first
    heading_text = {fold(r[text]) for r in rows[:first] if text < len(r)}

    def under_heading(row: list[str]) -> bool:
        """A row that goes on with the heading: agency or year headings, column numbers."""
        if is_column_numbers(row):
            return True
        own = [row[c] for c in (num, text) if 0 <= c < len(row)]
        return all(not c.strip() or fold(c) in heading_text for c in own) and any(
            c.strip() for c in row
        )

    while head_end < len(rows) and head_end < first + 3 and under_heading(rows[head_end]):
        head_end += 1
    width = max((len(r) for r in rows), default=0)
    heads = [r for r in rows[:head_end] if not is_column_numbers(r)]
    labels, parents = [], []
    for c in range(width):
        cells = [(i, clean(r[c])) for i, r in enumerate(heads) if c < len(r) and clean(r[c])]
        label_row, label = cells[-1] if cells else (-1, "")
        above = [t for i, t in cells if i < label_row and t != label]
        if not above and label_row > 0:  # a merged heading typed in its first column only
            row = heads[label_row - 1]
            left = next(
                (clean(row[k]) for k in range(min(c, len(row) - 1), -1, -1) if clean(row[k])), ""
            )
            above = [left] if left else above
        labels.append(label)
        parents.append(" ".join(above))
    return _Frame(num, text, head_end, labels, parents)


def _body(table: Table, frame: _Frame, c: int) -> list[str]:
    """A column's cells in the task rows, a title spread over the row (a group row, its
    merged cell repeated) left out."""
    out = []
    for r in range(frame.head_end, len(table.rows)):
        row = table.rows[r]
        if c >= len(row) or is_column_numbers(row) or frame.repeats_heading(row):
            continue
        spans = table.spans[r] if r < len(table.spans) else []
        cell = clean(row[c])
        title = clean(row[frame.text]) if 0 <= frame.text < len(row) else ""
        if (c < len(spans) and spans[c]) or (cell and cell == title):
            continue
        out.append(cell)
    return out


def _layout(table: Table, frame: _Frame, legend: Legend, doc_year: int | None) -> Layout | None:
    """The mark columns of a table, or None when it has no agency nor period columns of marks.
    A column left empty is one of them beside others under the same heading (`TV tỉnh` under
    `Đơn vị thực hiện`, no task marks it), and a period's column always (a year no task runs
    in still keeps the others from being every year)."""
    agencies: dict[int, tuple[str, str | None]] = {}
    periods: dict[int, Period] = {}
    unmarked: list[int] = []
    for c, label in enumerate(frame.labels):
        if c in (frame.num, frame.text) or not label:
            continue
        cells = _body(table, frame, c)
        period = _period(label, frame.parents[c], doc_year)
        if period is not None:
            if all(_period_cell(cell, period) for cell in cells):
                periods[c] = period
            continue
        if _heading_words().match(fold(label)):
            continue  # a column's heading (`Phối hợp`), not an agency's name
        if all(not cell or _is_tick_or_role(cell, legend) for cell in cells):
            agencies[c] = (legend.names.get(_key(label), label), _heading_role(frame.parents[c]))
            if not any(cells):
                unmarked.append(c)
    parents = {frame.parents[c] for c in agencies if c not in unmarked and frame.parents[c]}
    for c in unmarked:
        if frame.parents[c] not in parents:
            del agencies[c]
    if len([c for c in agencies if c not in unmarked]) < 2:
        agencies = {}  # one agency's column is no matrix
    if len(periods) < 2 or not any(any(_body(table, frame, c)) for c in periods):
        periods = {}
    if not agencies and not periods:
        return None
    width = max(len(r) for r in table.rows)
    yearly = legend.yearly or any(_says_yearly(frame.parents[c]) for c in periods)
    return Layout(width, agencies, periods, legend, yearly)


def _periods_wording(
    marks: list[tuple[Period, str]], periods: list[Period], yearly: bool = False
) -> str:
    """A row's marked periods in words (module docstring); `yearly`: the table says a task
    ticked in every year is a yearly one."""
    words = lexicon.mapping("tables.mark_columns")
    marked = [(p, cell) for p, cell in marks if cell]
    if not marked:
        return ""
    if (
        yearly
        and all(_is_tick(cell) for _, cell in marked)
        and len(periods) >= 3
        and all(p.year is not None for p in periods)
        and [p for p, _ in marked] == periods
    ):
        return words["yearly"].format(first=periods[0].year, last=periods[-1].year)
    runs: list[list[Period]] = []  # adjacent ticked periods; a part of a year alone
    parts: dict[int, str] = {}  # run -> the part of a year its one cell names
    for p, cell in marked:
        if not _marks_whole(cell, p):
            parts[len(runs)] = _in_year(cell, p.year or p.start.year)
            runs.append([p])
        elif (
            runs and len(runs) - 1 not in parts and runs[-1][-1].end + timedelta(days=1) == p.start
        ):
            runs[-1].append(p)
        else:
            runs.append([p])
    out = []
    for k, run in enumerate(runs):
        first, last = run[0], run[-1]
        if k in parts:
            out.append(parts[k])
        elif len(run) == 1:
            out.append(first.wording)
        elif first.year is not None and last.year is not None:
            out.append(words["years"].format(first=first.year, last=last.year))
        else:
            out.append(
                words["span"].format(
                    m1=first.start.month, y1=first.start.year, m2=last.end.month, y2=last.end.year
                )
            )
    return ", ".join(out)


def _is_tick(cell: str) -> bool:
    return fold(cell).strip(" .()") in _cell_marks()


def _marks_whole(cell: str, period: Period) -> bool:
    """A cell that marks its column's whole period: a tick, or a word for the stage the work
    is at that year that names no part of it (`Thí điểm`, `Nhân rộng`, `Duy trì`, `Hoàn
    thành` under `2027` reads as `… năm 2027`, the whole year), unlike `Quý II` or `Trước
    30/9`. Such words join the ticks beside them into one run of years; only a row of bare
    ticks in every year reads as yearly (where the table says so), the words naming a course
    of work, not a yearly task."""
    if _is_tick(cell):
        return True
    tf = parse_timeframe(_in_year(cell, period.year or period.start.year))
    if tf.kind != "window" or tf.start is None or tf.end is None:
        return False
    return date.fromisoformat(tf.start) <= period.start and date.fromisoformat(tf.end) >= period.end


def _apply(
    table: Table, layout: Layout, head_end: int, heads: list[str] | None, frame: _Frame | None
) -> Table:
    """The table with its mark columns read into role and time columns; its heading printed
    again inside it (`frame`: the table's own heading) left out, as no task."""
    words = lexicon.mapping("tables.mark_columns")
    marked = set(layout.agencies) | set(layout.periods)
    kept = [c for c in range(layout.width) if c not in marked]
    body = [
        r
        for r in range(head_end, len(table.rows))
        if not is_column_numbers(table.rows[r])
        and not (frame is not None and frame.repeats_heading(table.rows[r]))
    ]
    named: dict[int, dict[str, list[str]]] = {}
    for r in body:
        row = table.rows[r]
        marks = [
            (row[c], agency_tick)
            for c, agency_tick in sorted(layout.agencies.items())
            if c < len(row) and row[c].strip() and not _spread(table, r, c)
        ]
        named[r] = {role: [] for role in _ROLES}
        for agency, role in _row_roles(marks, layout.legend):
            named[r][role].append(agency)
    heading = [heads[c] if heads else "" for c in kept]
    own = {column_role(fold(h)): i for i, h in reversed(list(enumerate(heading))) if h}
    slots: dict[str, int] = {}
    used = [role for role in _ROLES if any(named[r][role] for r in body)]
    for role in [*used, *(["time"] if layout.periods else [])]:
        slots[role] = own.get(role, len(heading))
        if slots[role] == len(heading):
            heading.append(words[role])
    periods = sorted(layout.periods.items(), key=lambda cp: cp[1].start)
    in_order = [p for _, p in periods]
    rows: list[list[str]] = [heading] if heads is not None else []
    spans: list[list[bool]] = [[False] * len(heading)] if heads is not None and table.spans else []
    for r in body:
        row = table.rows[r]
        new = [row[c] if c < len(row) else "" for c in kept]
        new += [""] * (len(heading) - len(new))
        for role, agencies in named[r].items():
            if agencies:
                s = slots[role]
                new[s] = "; ".join([new[s], *agencies] if new[s].strip() else agencies)
        if layout.periods and not new[slots["time"]].strip():
            cells = [
                (p, clean(row[c]) if c < len(row) and not _spread(table, r, c) else "")
                for c, p in periods
            ]
            new[slots["time"]] = _periods_wording(cells, in_order, layout.yearly)
        rows.append(new)
        if table.spans:
            sp = table.spans[r] if r < len(table.spans) else []
            spans.append(
                [c < len(sp) and sp[c] for c in kept] + [False] * (len(heading) - len(kept))
            )
    return Table(rows=rows, spans=spans, page=table.page)


def _spread(table: Table, r: int, c: int) -> bool:
    """A cell that repeats a merged cell (a group's title spread over the row)."""
    row = table.rows[r]
    spans = table.spans[r] if r < len(table.spans) else []
    return bool(c < len(spans) and spans[c]) or (
        len({clean(x) for x in row if x.strip()}) == 1 and len(clean(row[c])) > 4
    )


def unmark(
    table: Table, notes: list[str], doc_year: int | None = None, carried: Layout | None = None
) -> tuple[Table, Layout | None]:
    """The table with its agency and period mark columns read into words (module docstring),
    and its layout for a table carried over from it; the table as it is, and None, when it
    has no mark columns. `notes`: the lines around the table, where a legend may be;
    `doc_year`: the year of columns headed by a part of a year alone (`Quý I`); `carried`:
    the layout of the table just before, for a table without a heading of its own and as
    wide (the same table carried over a page break)."""
    frame = _frame(table)
    if frame is None:
        width = max((len(r) for r in table.rows), default=0)
        if carried is not None and width == carried.width:
            return _apply(table, carried, 0, None, None), carried
        return table, None
    layout = _layout(table, frame, read_legend(notes), doc_year)
    if layout is None:
        return table, None
    heads = [
        " ".join(dict.fromkeys(t for t in (frame.parents[c], frame.labels[c]) if t))
        for c in range(layout.width)
    ]
    return _apply(table, layout, frame.head_end, heads, frame), layout
