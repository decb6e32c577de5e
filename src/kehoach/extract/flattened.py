"""Task tables whose cells a PDF-to-text step flattened into wrapped lines (family 3).

Such a table reads: a header (`TT NHIỆM VỤ … CƠ QUAN CHỈ ĐẠO … THỜI GIAN`) over several
lines, then rows each starting with its number on a line of its own (or before the
first words of the task), the task text wrapped over lines, then each agency cell,
then the timeframe. Page numbers and repeated headers interrupt rows, and a row cut
by a page break resumes its text (and its last agency) after the timeframe.

The header's column order says which agency cell is which role; each following line
is classed as text, agency or time by what it holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import NamedTuple

from kehoach.extract.agencies import cell_roles, known_prefix, parse_list, parse_roles, table
from kehoach.extract.tables import column_role, read_header
from kehoach.extract.targets import TargetRow
from kehoach.extract.timeframes import parse_timeframe
from kehoach.intake.document import Block, Table
from kehoach.intake.pdf_columns import wrap_hyphen
from kehoach.model import Task
from kehoach.text.lexicon import alternation, folded
from kehoach.text.normalize import CAPITALS, clean, fold, fold_chars

# The heading's lines (data/lexicon.toml [tables] header_start_words, column_header_words), folded
_HEADER_START = re.compile(
    r"^s?tt\b.*\b" + alternation("tables.header_start_words", fold_words=True) + r"\b"
)
_HEADER_WORDS = re.compile(
    r"^(?:" + alternation("tables.column_header_words", fold_words=True) + r"|,|\s)+$"
)
_TEXT_COLUMN = re.compile(r"\b" + alternation("tables.text_column_words", fold_words=True) + r"\b")
_ROW_START = re.compile(r"^(\d{1,3})(?:\s+(\S.*))?$")
# A lettered sub-row under a numbered one ("a)", "b)" in the number column or before the text).
_SUB_START = re.compile(r"^([a-zđ])\)(?:\s*(\S.*))?$")
_LETTERS = frozenset("abcdefghiklmnopqrstuvxyzđ")
# A line made only of column-heading words (data/lexicon.toml [tables] header_words), folded.
_HEADER_LINE = re.compile(
    r"^[\s(]*{w}(?:[\s,/;()&+.:-]+{w})*[\s).:]*$".format(
        w=alternation("tables.header_words", fold_words=True) + r"\b"
    )
)
_COLUMN_OPENING = re.compile(r"\b" + alternation("tables.column_openings", fold_words=True) + r"\b")
_GROUP_START = re.compile(r"^([IVX]{1,5})(?:\s*[.\-–]?\s+(\S.*))?$")
_END = re.compile(
    r"^(?:"
    + alternation("documents.appendix", fold_words=True)
    + r"\b|"
    + alternation("documents.recipients", fold_words=True)
    + r"\b|t/?m\.? |kt\.? |tm\. )"
)
_END_PART = re.compile(
    r"^[ivx]{1,5}\s*[.\-–]\s*" + alternation("tables.end_headings", fold_words=True) + r"\b"
)
# Timeframe cells: the dated forms here, the undated wordings from data/lexicon.toml [tables]
# standing_times, standing_time_tails, standing_time_cells (folded)
_STANDING = alternation("tables.standing_times", fold_words=True)
_STANDING_TAIL = _STANDING + "|" + alternation("tables.standing_time_tails", fold_words=True)
_STANDING_CELL = _STANDING_TAIL + "|" + alternation("tables.standing_time_cells", fold_words=True)
_TIME_FULL = re.compile(
    r"^(?:quy [ivx]+ ?/ ?\d{4}|(?:trong )?nam \d{4}(?: ?- ?\d{4})?|giai doan \d{4} ?- ?\d{4}|"
    r"tu(?: nam)? \d{4}(?: ?-(?: ?\d{4})?)?|\d{4} ?- ?\d{4}|(?:truoc|den) (?:ngay|thang) [\d/ ]+|"
    + _STANDING_CELL
    + r")[.;]?$"
)
_TIME_TAIL = re.compile(
    r"\s(quy [ivx]+ ?/ ?\d{4}|nam \d{4}(?: ?- ?\d{4})?|giai doan \d{4} ?- ?\d{4}|"
    r"tu(?: nam)? \d{4}(?: ?-(?: ?\d{4})?)?|" + _STANDING_TAIL + r")\s*$"
)
_TIME_HEAD = re.compile(
    r"^(quy [ivx]+ ?/ ?\d{4}|nam \d{4}(?: ?- ?\d{4})?|giai doan \d{4} ?- ?\d{4}|"
    r"tu(?: nam)? \d{4}(?: ?- ?\d{4})?|" + _STANDING + r")\s+(?=\S)"
)
_TIME_OPENING = re.compile(
    r"^(?:" + alternation("tables.time_cell_openings", fold_words=True) + r"\b)"
)
_UNDATED_TIME = re.compile(
    r"^" + alternation("tables.undated_time_cells", fold_words=True) + r"\s+\S"
)
_TIME_MORE = re.compile(
    r"^(?:\d{4}|\d{4} ?- ?\d{4}|nam \d{4}|"
    + alternation("tables.time_cell_continuations", fold_words=True)
    + r")[.;]?$"
)
# Agency heads (data/lexicon.toml [agencies] heads) matched on folded text, so an OCR'd
# "Sơ Nội vụ" or "ỤBND xã" still counts; the original's capitals tell a name ("Ban Tuyên
# giáo") from prose ("Ban hành"). `Các …` is a group: _GROUP_FOLDED.
_HEAD_FOLDED = re.compile(
    r"^(?:" + alternation("agencies.heads", fold_words=True) + r"|ubmttq\w*|mttq\w*)\s+"
)
_GROUP_FOLDED = re.compile(
    r"^cac\s+(?:co quan|so|ban|nganh|don vi|dia phuong|cap|to chuc|xa|phong|hoi|doanh nghiep)\b"
)
_LOWER_OK = folded("agencies.lower_after_head")
_WHOLE_HEADS = folded("agencies.whole_heads")
_WORD_START = re.compile(r"\s(?=[" + CAPITALS + r"])")


def agency_head(text: str) -> bool:
    """Does text begin with the head of an agency name (`Sở Nội vụ`, `UBND xã …`, `Các cơ quan`)?"""
    if not text[:1].isupper():
        return False
    f = fold_chars(text)
    if _GROUP_FOLDED.match(f):
        return True
    m = _HEAD_FOLDED.match(f)
    if not m or f.startswith(("cac ", "Cac ")):  # `Các` + a capital is prose ("Các Nghị quyết")
        return False
    if text[m.end() : m.end() + 1].isupper():
        return True
    if re.sub(r"\s+", " ", f[: m.end()].strip().lower()) in _WHOLE_HEADS:
        return True  # `Hội đồng đánh giá …`: the head's own words name a body
    return f[m.end() :].split(" ", 1)[0].strip(",;.") in _LOWER_OK


def _heads_after_start(line: str):
    """Positions (after the first character) where an agency name begins."""
    for m in _WORD_START.finditer(line):
        if agency_head(line[m.end() :]):
            yield m.end()


@dataclass
class Flattened:
    """What flattened tables held: task rows and target statements."""

    tasks: list[Task] = field(default_factory=list)
    target_rows: list[TargetRow] = field(default_factory=list)
    target_horizon: int | None = None


@dataclass
class _Row:
    num: str
    group: str | None
    group_title: str | None
    text: list[str] = field(default_factory=list)
    cells: list[list[str]] = field(default_factory=list)  # agency cells, lines each
    time: list[str] = field(default_factory=list)
    seen_time: bool = False
    text_after: bool = False  # the task text resumed after the timeframe (a page break)
    in_other: bool = False  # inside a product/notes cell, which is not read
    sub: bool = False  # a lettered sub-row (`a)`) under a numbered row
    heading: bool = False  # a numbered row with sub-rows and no cells of its own: no task
    raw: list[str] = field(default_factory=list)  # the row's lines as printed


def _header_parts(header: str) -> list[str]:
    """The folded header text cut where a new column begins; `Cơ quan/Đơn vị chủ trì` and
    `Cơ quan, đơn vị phối hợp` stay one column."""
    cuts = [
        m.start()
        for m in _COLUMN_OPENING.finditer(header)
        if not header[: m.start()].rstrip().endswith(("/", ","))
    ]
    bounds = [0, *cuts, len(header)]
    return [header[a:b] for a, b in pairwise(bounds)]


def _roles_from_header(header: str) -> list[str]:
    """Column roles in order from the flattened header text."""
    parts = _header_parts(header)
    roles: list[str] = []
    for p in parts:
        p = p.strip(" ,")
        if not p:
            continue
        r = column_role(p)
        if r in ("text", "targets") or _TEXT_COLUMN.search(p):
            roles.append("text" if r != "targets" else "targets")
        elif r == "ignore":
            roles.append("other")  # products, notes: kept in order, read as nothing
        elif r and r != "num":
            roles.append(r)
    # a team's members coordinate under a lead column (as in `tables.read_header`)
    team = "coordinating" if "lead" in roles and "coordinating" not in roles else "other"
    return [team if r == "members" else r for r in roles]


@dataclass(frozen=True)
class _Layout:
    """What the column order says about lines that come after a row's timeframe."""

    agencies_after_time: bool = False  # "… | Thời gian | Cơ quan chủ trì | …"
    other_after_time: bool = (
        False  # "… | Thời gian | Sản phẩm": an upper-case line there is no text
    )
    numbered: bool = True  # a number column leads (`TT`); else rows may come unnumbered
    columns: int = 0  # the columns after the number column

    @classmethod
    def of(cls, roles: list[str]) -> _Layout:
        if "time" not in roles:
            return cls()
        t = roles.index("time")
        agencies = [i for i, r in enumerate(roles) if r in ("directing", "lead", "coordinating")]
        return cls(
            agencies_after_time=bool(agencies) and max(agencies) > t,
            other_after_time="other" in roles[t + 1 :],
        )


_NUMBER_COLUMN = re.compile(r"^(?:s?tt|so tt|so thu tu|thu tu)\b")


def is_agency_line(line: str) -> bool:
    """Does the line begin with an agency name (so it opens or continues an agency cell)?"""
    if agency_head(line):
        return True
    return line[:1].isupper() and known_prefix(line) is not None


def split_cells(line: str) -> list[str]:
    """Split a line holding several agency cells side by side (no separator between them)."""
    cells: list[str] = []
    rest = line
    while rest:
        hit = known_prefix(rest)
        if hit and rest[:1].isupper():
            taken = rest[: hit[1]]
            after = rest[hit[1] :]
            joined = re.match(r"\s*[,;]|\s*(va|chu tri|phoi hop)\b", fold_chars(after[:20]))
            if (
                not joined
                and after.strip()
                and (agency_head(after.strip()) or known_prefix(after.strip()))
            ):
                cells.append(taken.strip())
                rest = after.strip()
                continue
            cells.append(rest.strip())
            break
        nxt = None
        for pos in _heads_after_start(rest):
            before = rest[:pos].rstrip()
            if before and not re.search(r"(,|;|\bvà|\bvới|\bhợp)$", before):
                nxt = pos
                break
        if nxt is None:
            cells.append(rest.strip())
            break
        cells.append(rest[:nxt].strip())
        rest = rest[nxt:].strip()
    return [c for c in cells if c]


def _completes_agency(cell_text: str, line: str) -> bool:
    """Does `line` finish the last agency name of a cell cut by a page break (`… Thể thao` + `và Du lịch;`)?"""
    if not line[:1].islower():
        return False
    known = set(table().by_key.values())

    def last(text: str) -> str | None:
        lead, coord = parse_roles(text)
        names = coord or lead
        return names[-1] if names else None

    before, after = last(cell_text), last(f"{cell_text} {line}")
    return after in known and before not in known


def _ends_table(line: str) -> bool:
    """An appendix heading, `Nơi nhận`, a signature title or the heading of one of the plan's
    own parts (`III. TỔ CHỨC THỰC HIỆN`) ends a flattened table."""
    if line[:1] in "PpNnTtKk" and _END.match(fold(line[:12]) + " "):
        return True
    return line[:1] in "IVX" and bool(_END_PART.match(fold(line[:40])))


def _is_header_line(line: str) -> bool:
    """Is the line made only of column-heading words (one cell, several, or part of one)?"""
    return len(line) <= 160 and line[:1] not in "-+*•" and bool(_HEADER_LINE.match(fold(line)))


def _header_run(lines: list[str], i: int) -> tuple[list[str], int]:
    """The folded header lines from line i on (blank lines inside allowed) and the line after."""
    header = [fold(lines[i])]
    j = i + 1
    while j < len(lines) and (
        not lines[j].strip()
        or _HEADER_WORDS.match(fold(lines[j]) or " ")
        or _is_header_line(lines[j])
    ):
        if lines[j].strip():
            header.append(fold(lines[j]))
        j += 1
    return header, j


class Region(NamedTuple):
    """Where a flattened table lies in the lines, and its columns."""

    roles: list[str]  # the columns after the number column, in order
    numbered: bool  # a number column leads the heading (`TT`)
    head: int  # the heading's first line
    start: int  # the first body line
    end: int  # the line after the table


def _find_regions(lines: list[str]) -> list[Region]:
    """Each flattened table's region. The header starts with a `TT … Nhiệm vụ …` line, or is a run of lines made only
    of column-heading words that name a task column and an agency column (no number column
    needed)."""
    regions = []
    i = 0
    while i < len(lines):
        line = lines[i]
        numbered = line[:3].lower() in ("tt ", "stt", "tt") and bool(
            _HEADER_START.match(fold(line))
        )
        if not numbered and not _is_header_line(line):
            i += 1
            continue
        header, j = _header_run(lines, i)
        roles = _roles_from_header(" ".join(header))
        agencies = any(r in ("directing", "lead", "coordinating") for r in roles)
        if (
            ("text" in roles or "targets" in roles) and len(roles) >= 2
            if numbered
            else "text" in roles and agencies
        ):
            k = j
            while k < len(lines) and not _ends_table(lines[k]):
                k += 1
            regions.append(Region(roles, bool(_NUMBER_COLUMN.match(header[0])), i, j, k))
            i = k
            continue
        i = j if not numbered else i + 1
    return regions


def _lines(blocks: list[Block]) -> list[str]:
    """The text lines, with the heading of a table that has nothing under it (a markdown
    header row whose body came out as lines) given back as lines, one a cell."""
    lines: list[str] = []
    for b in blocks:
        if isinstance(b, str):
            lines.append(b)
        elif isinstance(b, Table) and len(b.rows) <= 3:
            head = read_header(b.rows)
            if head and not any(c.strip() for r in b.rows[head[1] :] for c in r):
                lines.extend(c for r in b.rows[: head[1]] for c in r if c.strip())
    return lines


def flattened_tables(
    blocks: list[Block], doc_year: int | None, *, first_leads: bool = False
) -> Flattened:
    """Read task and target tables laid out as flattened text lines (`first_leads`: as
    `tables.tasks_from_table`)."""
    lines = _lines(blocks)  # normalized by plan.build_record
    out = Flattened()
    for region in _find_regions(lines):
        roles, start, end = region.roles, region.start, region.end
        header_text = fold(" ".join(lines[max(0, start - 6) : start]))
        if "targets" in roles:
            rows = _rows(lines[start:end], _Layout.of(roles))
            out.target_rows.extend(TargetRow(clean(" ".join(r.text))) for r in rows if r.text)
            years = [int(y) for y in re.findall(r"\b(20\d{2})\b", header_text)]
            out.target_horizon = max(years) if years else None
            continue
        rows = [r for r in table_rows(lines, region) if r.text]
        by_order = first_leads and "coordinating" not in roles
        out.tasks.extend(_task(r, roles, doc_year, by_order) for r in rows)
    return out


def table_rows(lines: list[str], region: Region) -> list[_Row]:
    """The rows of a flattened table that hold a task or a group (a numbered row heading
    lettered sub-rows is left out: its text is their group title)."""
    blocks = _block_rows(lines, region)
    if blocks is not None:  # each cell printed as a block of its own: read cell by cell
        return blocks
    layout = replace(_Layout.of(region.roles), numbered=region.numbered, columns=len(region.roles))
    rows = _rows(lines[region.start : region.end], layout)
    for r in rows:
        _by_position(r, region.roles)
    return [r for r in rows if not r.heading]


def _letters_apart(lines: list[str]) -> list[str]:
    """Lines with a sub-row's letter that a text copy put at the end of the line above
    (`Quý II/2026 b)`) given a line of their own; `_opens_sub_row` still judges them."""
    out: list[str] = []
    for line in lines:
        head = line[:-3].rstrip()
        if (
            line[-3:-2] == " "
            and line.endswith(")")
            and line[-2] in _LETTERS
            and head
            and head.count("(") <= head.count(")")  # not "(điểm a)"
        ):
            out.extend((head, line[-2:]))
        else:
            out.append(line)
    return out


def _rows(lines: list[str], layout: _Layout) -> list[_Row]:
    lines = _letters_apart(lines)
    rows: list[_Row] = []
    expected = 1
    group = group_title = None
    in_group_title = False
    parent: _Row | None = None  # the numbered row lettered sub-rows (a), b)) come under
    for n, line in enumerate(lines):
        if not line:
            continue
        if _repeated_header(line, bool(rows) and rows[-1].seen_time):
            continue  # a header repeated after a page break
        g = _GROUP_START.match(line)
        if g and (g.group(2) is None or g.group(2)[:1].isupper()):
            group, group_title = g.group(1), g.group(2) or ""
            in_group_title = True
            parent = None
            continue
        m = _ROW_START.match(line)
        page_number = m is not None and m.group(2) is None and _next_text(lines, n)[:1].islower()
        if (
            m
            and not page_number
            and int(m.group(1)) in (expected, 1)
            and (m.group(2) is None or not m.group(2)[:1].islower())
        ):
            rows.append(_Row(m.group(1), group, group_title))
            parent = rows[-1]
            expected = int(m.group(1)) + 1
            in_group_title = False
            if m.group(2):
                _add_raw(rows[-1], m.group(2), layout)
            continue
        if m and m.group(2) is None:
            continue  # a page number
        s = _SUB_START.match(line)
        if s and parent is not None and parent.text and _opens_sub_row(rows[-1], parent, s[1]):
            parent.heading = not (parent.cells or parent.seen_time)
            under = f"{parent.group}.{parent.num}" if parent.group else parent.num
            rows.append(_Row(s[1], under, clean(" ".join(parent.text)), sub=True))
            if s.group(2):
                _add_raw(rows[-1], s.group(2), layout)
            continue
        if in_group_title and (layout.numbered or not group_title):
            group_title = f"{group_title} {line}".strip()
            continue
        in_group_title = False
        if (
            not layout.numbered
            and parent is None
            and _opens_unnumbered_row(rows, group, line, layout)
        ):
            rows.append(_Row(str(sum(r.group == group for r in rows) + 1), group, group_title))
        if rows:
            _add_raw(rows[-1], line, layout)
    return rows


def _opens_unnumbered_row(rows: list[_Row], group: str | None, line: str, layout: _Layout) -> bool:
    """In a table without a number column (and no numbers seen), does the line open the next
    row? It does when the row above is complete (a line for each column, or its timeframe when
    nothing follows the time) and the line reads as a task's text: upper case, no agency, no
    timeframe."""
    if not line[:1].isupper() or is_agency_line(line) or _time_cell(line, fold_chars(line).lower()):
        return False
    if not rows or rows[-1].group != group:
        return True
    last = rows[-1]
    after_time = layout.agencies_after_time or layout.other_after_time
    return len(last.raw) >= layout.columns or (last.seen_time and not after_time)


def _opens_sub_row(current: _Row, parent: _Row, letter: str) -> bool:
    """Does a line opening `letter)` begin a sub-row? The first (`a)`) right under its numbered
    row, a later letter after a sub-row (letters may be skipped: `b)` then `d)`)."""
    if current is parent:
        return letter == "a"
    return current.sub and 0 < ord(letter) - ord(current.num[-1]) <= 3


def _add_raw(row: _Row, line: str, layout: _Layout) -> None:
    """A line of the row as printed (for `_by_position`), then classed."""
    row.raw.append(line)
    _add_line(row, line, layout)


_AGENCY_ROLES = ("directing", "lead", "coordinating")


def _by_position(row: _Row, roles: list[str]) -> None:
    """A row with exactly one line for each column (no cell wrapped, none empty) is read by
    position, when each line fits its column: an agency cell opens with an agency, the
    timeframe cell reads as one. This reads cells the line classes miss (`Vụ Pháp chế; …`,
    `Quý III, IV/2026`)."""
    if len(row.raw) != len(roles) or row.text_after or "text" not in roles:
        return
    for line, role in zip(row.raw, roles, strict=True):
        if role in _AGENCY_ROLES and (not is_agency_line(line) or len(split_cells(line)) > 1):
            return  # no agency, or two cells side by side on the line: the lines are no columns
        undated = len(line) <= 80 and _UNDATED_TIME.match(fold_chars(line).lower())
        if role == "time" and parse_timeframe(line, None).kind == "unknown" and not undated:
            return
        if role == "text" and (is_agency_line(line) or _TIME_FULL.match(fold_chars(line).lower())):
            return
    row.text = [row.raw[roles.index("text")]]
    row.cells = [[line] for line, role in zip(row.raw, roles, strict=True) if role in _AGENCY_ROLES]
    row.time = [line for line, role in zip(row.raw, roles, strict=True) if role == "time"]
    row.seen_time = bool(row.time)


def _repeated_header(line: str, after_a_row: bool) -> bool:
    """Is the line (part of) the table's header, printed again on a new page?"""
    if line[:3].lower() in ("tt ", "stt", "tt"):
        return bool(_HEADER_START.match(fold(line)))
    return after_a_row and len(line) < 40 and bool(_HEADER_WORDS.match(fold(line)))


def _next_text(lines: list[str], n: int) -> str:
    """The first non-empty line after line n."""
    for x in lines[n + 1 : n + 8]:
        if x:
            return x
    return ""


def _time_cell(line: str, f: str) -> bool:
    """Is the line (folded: f) a timeframe cell of its own? The usual wordings, or a short
    line that opens as a timeframe does and reads as one (`Quý III, IV/2026`, `Tháng 8/2026`)."""
    if _TIME_FULL.match(f) or (len(line) <= 80 and _UNDATED_TIME.match(f)):
        return True
    return (
        len(line) <= 40
        and bool(_TIME_OPENING.match(f))
        and parse_timeframe(line, None).kind != "unknown"
    )


def _add_line(row: _Row, line: str, layout: _Layout) -> None:
    f = fold_chars(line).lower()
    if (_TIME_FULL.match(f) or (row.text and _time_cell(line, f))) or (
        row.seen_time and row.time and _TIME_MORE.match(f) and not row.text_after
    ):
        row.time.append(line)
        row.seen_time = True
        return
    if not row.text:
        row.text.append(line)
        return
    head = _TIME_HEAD.match(f)
    if head and agency_head(line[head.end() :]):  # "Năm 2026 Ban Tuyên giáo …": time, then agencies
        row.time.append(line[: head.end()].strip())
        row.seen_time = True
        _add_line(row, line[head.end() :], layout)
        return
    tail = _TIME_TAIL.search(f)
    body, time = (
        (line[: tail.start()].strip(), line[tail.start() :].strip()) if tail else (line, "")
    )
    if row.seen_time and not (layout.agencies_after_time and is_agency_line(body)):
        last = " ".join(row.cells[-1]) if row.cells else ""
        listing = layout.agencies_after_time and last.rstrip().endswith((",", ";"))
        if row.cells and (listing or _completes_agency(last, line)):
            row.cells[-1].append(line)
        elif layout.other_after_time and (line[:1].isupper() or row.in_other):
            row.in_other = True  # the row's product or notes column
        else:
            row.text.append(line)
            row.text_after = True
        return
    if body and is_agency_line(body):
        cells = split_cells(body)
        prev = row.cells[-1][-1] if row.cells else ""
        if row.cells and prev.rstrip().endswith((",", ";")):
            row.cells[-1].append(cells[0])
            cells = cells[1:]
        row.cells.extend([c] for c in cells)
    elif row.cells:
        row.cells[-1].append(body)
    else:
        row.text.append(body)
    if time:
        row.time.append(time)
        row.seen_time = True


def _task(row: _Row, roles: list[str], doc_year: int | None, first_leads: bool = False) -> Task:
    agency_roles = [r for r in roles if r in ("directing", "lead", "coordinating")]
    directing: list[str] = []
    lead: list[str] = []
    coordinating: list[str] = []
    cells = [" ".join(c) for c in row.cells]
    if len(cells) > len(agency_roles) and agency_roles:
        cells = [*cells[: len(agency_roles) - 1], "; ".join(cells[len(agency_roles) - 1 :])]
    for role, cell in zip(agency_roles or ["lead"], cells, strict=False):
        if role == "directing":
            directing += parse_list(cell)
        elif role == "lead":
            di, ld, co = cell_roles(cell, first_leads=first_leads)
            directing += di
            lead += ld
            coordinating += co
        else:
            coordinating += parse_list(cell)
    raw = clean(" ".join(row.time)) or None
    return Task(
        id=f"{row.group}.{row.num}" if row.group else row.num,
        group=row.group,
        group_title=clean(row.group_title or "") or None,
        text=clean(" ".join(row.text)),
        directing=list(dict.fromkeys(directing)),
        lead=list(dict.fromkeys(lead)),
        coordinating=list(dict.fromkeys(coordinating)),
        timeframe=parse_timeframe(raw, doc_year),
    )


# --- Cells printed one block each -----------------------------------------------------------
# A plain (not `-layout`) `pdftotext` copy of a table prints each cell as a block of its own:
# the cell's wrapped lines together, a blank line before the next cell (TT, its task text, its
# time, its agencies, its notes, then the next row's TT). Where a row runs over a page break,
# the page number, the repeated heading, then the rest of each cut cell follow, in the columns'
# order. Such a table is read block by block: the blocks of a row are matched to the columns in
# order (a column may be empty), and the blocks after a page break finish the cells left open.

_ALONE_NUMBER = re.compile(r"^\d{1,3}$")
_OPEN_ENDINGS = folded("tables.open_cell_endings")
_ROMANS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII")
# how much a block fits a column (`_fit`): a match, no match, a block no column takes
_MATCH, _MISMATCH, _DROPPED = 2.0, -2.0, -3.0


@dataclass
class _CellRow:
    """A row read as blocks: those before a page break and those after it (tails)."""

    num: str
    group: str | None
    group_title: str | None
    blocks: list[list[str]] = field(default_factory=list)
    tails: list[list[str]] = field(default_factory=list)


def _joined(lines: list[str]) -> str:
    """A cell's wrapped lines as one: a hyphen closing a line (`số 09-` / `NQ/TU`) kept unspaced."""
    out = ""
    for line in lines:
        line = line.strip()
        if out and not (wrap_hyphen(out) and line[:1].isalnum()):
            out += " "
        out += line
    return out


def _blocks(lines: list[str]) -> list[list[str]]:
    """The lines in blocks, split at blank lines."""
    out: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            out[-1].append(line.strip())
        elif out[-1]:
            out.append([])
    return [b for b in out if b]


def _heading_starts(block: list[str]) -> bool:
    """Does the block open the table's heading (`TT`, `STT`, `TT Nhiệm vụ …`)?"""
    f = fold(block[0])
    return f in ("tt", "stt") or bool(_HEADER_START.match(f))


def _cell_rows(lines: list[str], region: Region) -> list[_CellRow]:
    """The table's rows as blocks: page numbers and repeated headings left out, group rows
    (`I` and its title) giving the group of the rows under them."""
    heading = len(_blocks(lines[region.head : region.start]))
    blocks = _blocks(lines[region.start : region.end])
    rows: list[_CellRow] = []
    group = title = None
    after_break = False
    i = 0
    while i < len(blocks):
        block = blocks[i]
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        # the page number: alone, or printed against the last cell of the page, before the
        # heading printed again or the rest of a cut cell (lower case)
        page_end = _ALONE_NUMBER.match(block[-1]) is not None and (
            nxt is None or _heading_starts(nxt) or nxt[0][:1].islower()
        )
        if page_end:
            block = block[:-1]
            if not block:
                after_break, i = True, i + 1
                continue
        if len(block) > 1 and _ALONE_NUMBER.match(block[0]) and _heading_starts(block[1:]):
            block = block[1:]  # the page number on the heading's first line
        if _heading_starts(block):  # the heading printed again: its blocks, then the rows
            i += 1
            for _ in range(heading - 1):
                if i < len(blocks) and all(_is_header_line(x) for x in blocks[i]):
                    i += 1
            after_break = True
            continue
        g = _GROUP_START.match(block[0]) if len(block) == 1 else None
        if g and g.group(1) in _ROMANS and (g.group(2) is None or g.group(2)[:1].isupper()):
            group, title = g.group(1), g.group(2)
            if title is None and nxt is not None and not _ALONE_NUMBER.match(nxt[0]):
                title, i = _joined(nxt), i + 1
            after_break, i = False, i + 1
            continue
        expected = int(rows[-1].num) + 1 if rows else 1
        if len(block) == 1 and _ALONE_NUMBER.match(block[0]) and int(block[0]) == expected:
            rows.append(_CellRow(block[0], group, title))
            after_break, i = False, i + 1
            continue
        if rows:
            (rows[-1].tails if after_break else rows[-1].blocks).append(block)
        # after a page break: the rest of the cells it cut
        after_break = after_break or page_end
        i += 1
    return rows


def _fit(block: list[str], role: str) -> float:
    """How well a block fits a column: its text, its time, an agency cell, its notes."""
    text = _joined(block)
    f = fold_chars(text).lower()
    agency = is_agency_line(text) or _GROUP_FOLDED.match(f) is not None
    short = len(text) <= 80
    cell = _time_cell(text, f)  # the whole block a timeframe's wording
    if role == "text":  # (a task may name its period: `Tổng kết … giai đoạn 2026 - 2030.`)
        return 1.0 if not (agency or cell) else _MISMATCH
    timeish = cell or (
        short
        and (_TIME_OPENING.match(f) is not None or parse_timeframe(text, None).kind != "unknown")
    )
    if role == "time":
        return _MATCH if timeish else _MISMATCH - 1 if agency else 0.0 if short else _MISMATCH
    if role in _AGENCY_ROLES:
        return _MATCH if agency else _MISMATCH
    return 0.0  # notes, products: anything


def _aligned(blocks: list[list[str]], roles: list[str]) -> tuple[list[int | None], bool]:
    """The column of each block (None: no column takes it), the blocks in the columns' order
    with columns left empty between them; and whether every block fits its column."""
    n, m = len(blocks), len(roles)
    fits = [[_fit(b, r) for r in roles] for b in blocks]
    neg = float("-inf")
    # best[i][j]: the best score of the first i blocks among the first j columns
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    step: list[list[str]] = [[""] * (m + 1) for _ in range(n + 1)]
    for j in range(m + 1):
        best[0][j] = 0.0
    for i in range(1, n + 1):
        best[i][0], step[i][0] = best[i - 1][0] + _DROPPED, "drop"
        for j in range(1, m + 1):
            # an earlier column is preferred a little: a row's empty cells are mostly its last
            options = [
                (best[i][j - 1], "skip"),
                (best[i - 1][j - 1] + fits[i - 1][j - 1] - 0.01 * j, "take"),
                (best[i - 1][j] + _DROPPED, "drop"),
            ]
            best[i][j], step[i][j] = max(options, key=lambda o: o[0])
    cols: list[int | None] = [None] * n
    i, j = n, m
    while i > 0:
        move = step[i][j]
        if move == "skip":
            j -= 1
        elif move == "take":
            cols[i - 1] = j - 1
            i, j = i - 1, j - 1
        else:
            i -= 1
    clean_fit = all(c is not None and fits[k][c] >= 0 for k, c in enumerate(cols))
    return cols, clean_fit


def _open(role: str, cell: str, tail: str) -> bool:
    """Is a cell cut by a page break, so that the block after the break goes on with it?"""
    words = fold_chars(cell).lower().split()
    if not words:
        return False
    if role == "other":
        return True
    if cell.endswith((",", ";", "-", "/")) or words[-1] in _OPEN_ENDINGS:
        return True
    if role == "text":
        return not cell.endswith((".", "!", "?", "…"))
    if role == "time":
        return parse_timeframe(cell, None).kind == "unknown" and not _UNDATED_TIME.match(
            fold_chars(cell).lower()
        )
    return role in _AGENCY_ROLES and _completes_agency(cell, tail)


def _cells(row: _CellRow, roles: list[str]) -> tuple[list[str], bool]:
    """A row's cell texts by column (empty where the row has none) and whether its blocks
    fitted their columns."""
    cols, fitted = _aligned(row.blocks, roles)
    cells = [""] * len(roles)
    for block, c in zip(row.blocks, cols, strict=True):
        if c is not None:
            cells[c] = f"{cells[c]} {_joined(block)}".strip()
    start = 0
    for tail in row.tails:
        text = _joined(tail)
        filled = [c for c in range(start, len(roles)) if cells[c]]
        open_ = [c for c in filled if _open(roles[c], cells[c], text)]
        c = open_[0] if open_ else (filled[-1] if filled else len(roles) - 1)
        cells[c] = f"{cells[c]} {text}".strip()
        start = c
    return cells, fitted


def _block_rows(lines: list[str], region: Region) -> list[_Row] | None:
    """The rows of a table whose cells are printed one block each; None when the table is not
    printed so: its row numbers stand alone, most rows' blocks fit the columns in order, and
    many rows hold a cell wrapped over lines in one block."""
    roles = region.roles
    if not region.numbered or "text" not in roles:
        return None
    rows = _cell_rows(lines, region)
    if len(rows) < 2:
        return None
    read = [_cells(r, roles) for r in rows]
    fitted = sum(ok for _, ok in read)
    wrapped = sum(any(len(b) > 1 for b in r.blocks) for r in rows)
    # a row number with the row's text on its line (`2 Biên soạn …`): not printed so
    numbered_text = any(
        (m := _ROW_START.match(b[0])) is not None
        and int(m[1]) == int(r.num) + 1
        and (m[2] or "")[:1].isupper()
        for r in rows
        for b in r.blocks
    )
    if numbered_text or fitted < 0.8 * len(rows) or wrapped < 0.3 * len(rows):
        return None
    out: list[_Row] = []
    for row, (cells, _) in zip(rows, read, strict=True):
        by_role: dict[str, list[str]] = {}
        for role, cell in zip(roles, cells, strict=True):
            by_role.setdefault(role, []).append(cell)
        r = _Row(row.num, row.group, row.group_title)
        r.text = [t for t in by_role.get("text", []) if t]
        r.time = [t for t in by_role.get("time", []) if t]
        r.seen_time = bool(r.time)
        r.cells = [
            [cell] if cell else []
            for role, cell in zip(roles, cells, strict=True)
            if role in _AGENCY_ROLES
        ]
        if r.text:
            out.append(r)
    return out
