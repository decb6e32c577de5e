"""Putting the record together: metadata, targets, tasks, reporting duties."""

from __future__ import annotations

import re
from dataclasses import replace

from kehoach.errors import NoPlanStructure
from kehoach.extract.accentless import read_restored, written_back
from kehoach.extract.agencies import document_province, order_note, own_department, spelt_out
from kehoach.extract.assignments import section_proposals, tasks_from_sections
from kehoach.extract.confidence import assess_target, assess_task
from kehoach.extract.event_parts import is_timetable
from kehoach.extract.flattened import flattened_tables
from kehoach.extract.implementation import implementation_section
from kehoach.extract.marks import Layout, unmark
from kehoach.extract.metadata import extract_metadata
from kehoach.extract.outline import (
    APPENDIX_RE,
    Para,
    Section,
    build_outline,
    ocr_markers,
    paragraphs,
)
from kehoach.extract.places import place_targets
from kehoach.extract.readings import Assignment
from kehoach.extract.reporting import extract_reporting
from kehoach.extract.spelling import respell_names
from kehoach.extract.tables import is_project_list, read_header, tasks_from_table
from kehoach.extract.targets import TargetRow, extract_targets, reviews_results
from kehoach.extract.task_lists import is_task_list
from kehoach.extract.transposed import upright
from kehoach.intake.document import Document, Table
from kehoach.model import DocumentInfo, PlanRecord, Source, Task
from kehoach.text.lexicon import fix_typos, fix_typos_in_lines
from kehoach.text.normalize import clean, fold
from kehoach.text.unglue import unglue, unglue_pairs


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date else None


def _plan_horizon(title: str | None) -> int | None:
    if not title:
        return None
    # a date inside a document reference ("Chỉ thị số 11-CT/TU ngày 04/01/2026") is no horizon
    title = re.sub(r"\bngày\s*\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{4}|\d+/\d{4}/\S+", "", title)
    title = re.sub(r"(?i)\bngày\s*\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}", "", title)
    years = [int(y) for y in re.findall(r"\b((?:19|20)\d{2})\b", title)]
    # the period the plan runs to (`năm 2026 và định hướng đến năm 2030` aims at 2030), else
    # its year (`năm 2026`)
    m = re.search(
        r"(?:giai đoạn|đến năm)\s+(?:\d{4}\s*[-–]\s*)?((?:19|20)\d{2})", title, re.IGNORECASE
    ) or re.search(r"năm\s+(?:\d{4}\s*[-–]\s*)?((?:19|20)\d{2})", title, re.IGNORECASE)
    return int(m.group(1)) if m else (max(years) if years and len(set(years)) == 1 else None)


def build_record(doc: Document) -> PlanRecord:
    """The plan record of a read document."""
    if doc.accentless:  # typed without diacritics: read with them, given back as written
        restored, marked = read_restored(doc)
        return written_back(_record(restored), marked)
    return _record(doc)


def _record(doc: Document) -> PlanRecord:
    # normalize every line once (NFC, tone marks, spaces, the spaces OCR lost); the readers
    # below rely on it and fix the known typos once, here (data/lexicon.toml [typos])
    blocks: list[str | Table] = []
    for b in doc.blocks:
        if isinstance(b, str):
            blocks.append(_line(b, doc.ocr))
        else:  # paragraphs a PDF table finder took for table rows come back as text
            lines, rest = _text_rows(b)
            blocks.extend(_line(line, doc.ocr) for line in lines)
            if rest is not None:
                blocks.append(_fixed(rest, doc.ocr))
    blocks = _typos_fixed(blocks)
    if doc.ocr:  # names OCR damaged spelt as the document mostly spells them
        blocks = ocr_markers(respell_names(blocks))
    items = paragraphs(blocks)
    root = build_outline(items)
    body_text = "\n".join(p.text for p in items if isinstance(p, Para))
    info = extract_metadata(items, root, body_text)
    doc_year = _year(info.date) or _first_year(body_text)
    horizon = _plan_horizon(info.title)
    with document_province(info.province):
        return _with_parts(doc, info, items, blocks, root, doc_year, horizon)


def _with_parts(
    doc: Document,
    info: DocumentInfo,
    items: list[Para | Table],
    blocks: list[str | Table],
    root: Section,
    doc_year: int | None,
    horizon: int | None,
) -> PlanRecord:
    """The record of a read document with its targets, tasks and reporting duties (read as
    the document's province's: `agencies.document_province`)."""

    tasks: list[Task] = []
    # each table that gave tasks: the table, the body section it stands in, how many it gave
    by_table: list[tuple[Table, str | None, int]] = []
    target_rows: list[TargetRow] = []
    appendix_horizon = None
    # a note that the first agency of a cell leads (`Đơn vị được ghi đầu tiên là đơn vị chủ
    # trì, …`), under or over the table it speaks of
    first_leads = any(order_note(p.text) for p in items if isinstance(p, Para))
    # the body section each table stands in (a target table under `2. Chỉ tiêu cụ thể`)
    sections = {
        id(b): sec.path
        for top in root.children
        if top.kind not in ("appendix", "signature")
        for sec in top.walk()
        for b in sec.blocks
        if isinstance(b, Table)
    }
    over = _headings_over(root)  # the titles of the sections each table stands in
    columns = None  # the last task table's columns, for its continuation after a page break
    caption: list[str] = []  # the lines just before a table (since the last table or heading)
    marks: Layout | None = None  # the last table's mark columns, for its continuation
    for k, block in enumerate(items):
        if isinstance(block, Para) and block.kind not in ("roman", "decimal"):
            caption.append(block.text)
            continue
        original = block
        results = False
        if isinstance(block, Table):
            context = caption[-3:] + over.get(id(block), [])
            # a report's table of what was reached (`3. Kết quả thực hiện một số chỉ tiêu`,
            # `KẾT QUẢ THỰC HIỆN … THEO XÃ, PHƯỜNG`): its figures are no targets
            results = _reports_results(caption[-3:], over.get(id(block), []))
            allotted = place_targets(block, context, doc_year)
            if allotted is not None:  # a place's numbers a row (`Xã A | 85 | 95 | …`)
                where = sections.get(id(block))
                if not results:
                    target_rows.extend(replace(row, section=where) for row in allotted)
                columns, marks, caption = None, None, []
                continue
            # a target table turned on its side (a row for each year), set upright
            block = upright(block, context)
            # agencies and years marked in columns of their own
            notes = caption[-3:] + _notes_after(items, k)
            block, marks = unmark(block, notes, doc_year, marks)
        if isinstance(block, Table) and (
            is_timetable(block) or is_project_list(block, " ".join(caption[-3:]))
        ):
            columns = None  # an event's running order, a list of projects: they assign no work
        elif isinstance(block, Table):
            got = tasks_from_table(block, doc_year, carried_over=columns, first_leads=first_leads)
            if got:
                tasks.extend(assess_task(t, "table") for t in got[0])
                if got[0] and isinstance(original, Table):
                    # a caption naming an appendix the outline did not part from the body
                    appendix = any(APPENDIX_RE.match(fold(c)) for c in caption[-3:])
                    place = None if appendix else sections.get(id(original))
                    by_table.append((original, place, len(got[0])))
                where = sections.get(id(original))
                if not results:
                    target_rows.extend(replace(row, section=where) for row in got[1])
                head = read_header(block.rows)
                columns = head[0] if head and not head[0].is_targets else columns
            else:
                columns = None
        elif block.kind in ("roman", "decimal"):
            columns, marks = None, None  # a new section: the next table is another one
        caption = []
    if not tasks:
        flat = flattened_tables(blocks, doc_year, first_leads=first_leads)
        tasks = [assess_task(t, "flattened_table") for t in flat.tasks]
        target_rows.extend(flat.target_rows)
        appendix_horizon = flat.target_horizon
    implementation = implementation_section(root)
    if not tasks:  # no task table: every section that assigns work to agencies
        tasks = tasks_from_sections(root, doc_year)
    elif by_table:
        tasks = _with_sections(tasks, by_table, root, doc_year)
    tasks = _unique_ids(_own_department(_names_spelt_out(tasks), info.issuer))
    targets = [
        assess_target(t)
        for t in extract_targets(root, doc_year, horizon, target_rows, appendix_horizon)
    ]
    reporting = extract_reporting(root, implementation, info.issuer)
    if not (tasks or targets or reporting or info.title or info.kind != "other"):
        raise NoPlanStructure(
            "no plan found: no document heading, targets, tasks or reporting duties", where=doc.name
        )
    return PlanRecord(
        source=Source(name=doc.name, sha256=doc.sha256, format=doc.format),
        document=info,
        targets=targets,
        tasks=tasks,
        reporting=reporting,
    )


def _with_sections(
    tasks: list[Task],
    by_table: list[tuple[Table, str | None, int]],
    root: Section,
    doc_year: int | None,
) -> list[Task]:
    """The tasks of a plan with task tables: the tables' rows alone when one of them is the
    plan's task list (`task_lists.is_task_list`); else the rows merged with the tasks every
    section assigns, in the document's order, each row named by the section it stands in."""
    made: list[tuple[Assignment, Task]] | None = None

    def assigns(sec: Section) -> bool:
        nonlocal made
        if made is None:
            made = section_proposals(root, doc_year)
        return any(a.section == sec.path or a.section.startswith(sec.path + ".") for a, _ in made)

    tables = [t for t, _, _ in by_table]
    for table, where, _ in by_table:
        if where is None or is_task_list(where, root, tables, assigns, table):
            return tasks
    titles = {sec.path: sec.title for sec in root.walk()}
    rows = iter(tasks)
    beside: list[tuple[str, Task]] = []
    for _, where, n in by_table:
        assert where is not None  # every table is in the body: checked above
        for t in (next(rows) for _ in range(n)):
            named = replace(
                t,
                id=f"{where}.{t.id}",
                group=t.group or where,
                group_title=t.group_title or titles.get(where) or None,
            )
            beside.append((where, named))
    return tasks_from_sections(root, doc_year, beside, made)


def _reports_results(caption: list[str], headings: list[str]) -> bool:
    """Whether a table reports results (`targets.reviews_results`): a heading it stands under
    says so, or a line of its caption that reads as a title (short, one sentence: not a
    paragraph that only opens on the same words)."""
    titles = [c for c in caption if len(c) <= 200 and not re.search(r"[.!?]\s", c)]
    return any(reviews_results(line) for line in [*titles, *headings])


def _headings_over(root: Section) -> dict[int, list[str]]:
    """The titles of the sections each table stands in, outermost first, by the table's id."""
    over: dict[int, list[str]] = {}

    def visit(sec: Section, titles: list[str]) -> None:
        here = [*titles, sec.title] if sec.title else titles
        for b in sec.blocks:
            if isinstance(b, Table):
                over[id(b)] = here
        for c in sec.children:
            visit(c, here)

    visit(root, [])
    return over


def _notes_after(items: list[Para | Table], k: int, most: int = 4) -> list[str]:
    """The lines after the table at k, up to the next table or heading: where its legend is
    (`Ghi chú: C - Cơ quan chủ trì; P - Cơ quan phối hợp`)."""
    notes: list[str] = []
    for item in items[k + 1 : k + 1 + most]:
        if not isinstance(item, Para) or item.kind in ("roman", "decimal"):
            break
        notes.append(item.text)
    return notes


def _text_rows(table: Table) -> tuple[list[str], Table | None]:
    """The leading rows that hold one paragraph of prose (in one cell, or repeated across
    merged cells: a shaded paragraph in a PDF), as lines; and the table that remains."""
    lines: list[str] = []
    for row in table.rows:
        values = {c.strip() for c in row if c.strip()}
        if len(values) != 1 or len(next(iter(values))) < 120:
            break
        lines.append(values.pop())
    if not lines:
        return [], table
    n = len(lines)
    rows = table.rows[n:]
    if not any(c.strip() for row in rows for c in row):
        return lines, None
    return lines, Table(rows=rows, spans=table.spans[n:], page=table.page)


def _line(text: str, ocr: bool = False) -> str:
    """A line cleaned, with the spaces OCR lost put back (typos: `_typos_fixed`); in OCR'd
    text also between two short words (`vàcác`), which typed text never glues."""
    line = unglue(clean(text))
    return unglue_pairs(line) if ocr else line


def _typos_fixed(blocks: list[str | Table]) -> list[str | Table]:
    """The lines' typos fixed (the tables' cells are fixed as tables)."""
    fixed = iter(fix_typos_in_lines([b for b in blocks if isinstance(b, str)]))
    return [next(fixed) if isinstance(b, str) else b for b in blocks]


def _fixed(table: Table, ocr: bool = False) -> Table:
    """A table with the known typos fixed and lost spaces put back in its cells."""
    glue = (lambda c: unglue_pairs(unglue(c))) if ocr else unglue
    rows = [[fix_typos(glue(c)) for c in row] for row in table.rows]
    return Table(rows=rows, spans=table.spans, page=table.page)


def _names_spelt_out(tasks: list[Task]) -> list[Task]:
    """Abbreviated agency names (`Phòng QLVH`, `TT Văn hóa - Nghệ thuật tỉnh`) written as the
    document writes them in full in another task: one name for one body."""
    names = list(dict.fromkeys(a for t in tasks for a in t.directing + t.lead + t.coordinating))
    full = {a: spelt_out(a, names) for a in names}
    return _renamed(tasks, full)


def _own_department(tasks: list[Task], issuer: str | None) -> list[Task]:
    """A bare `Sở` among a task's agencies (`Chủ động phối hợp với Sở trong kiểm tra …`) is
    the department whose own plan it is (`agencies.own_department`)."""
    if not issuer:
        return tasks
    own = own_department(issuer)
    names = dict.fromkeys(a for t in tasks for a in t.directing + t.lead + t.coordinating)
    return _renamed(tasks, {a: own(a) or a for a in names})


def _renamed(tasks: list[Task], names: dict[str, str]) -> list[Task]:
    """The tasks with each agency written as `names` gives it, each once in a role."""
    if all(k == v for k, v in names.items()):
        return tasks
    return [
        replace(
            t,
            directing=list(dict.fromkeys(names[a] for a in t.directing)),
            lead=list(dict.fromkeys(names[a] for a in t.lead)),
            coordinating=list(dict.fromkeys(names[a] for a in t.coordinating)),
        )
        for t in tasks
    ]


def _unique_ids(tasks: list[Task]) -> list[Task]:
    """Task ids stay unique when two tables number their rows alike (1, 2 … and 1, 2 …)."""
    seen: dict[str, int] = {}
    out: list[Task] = []
    for t in tasks:
        n = seen.get(t.id, 0) + 1
        seen[t.id] = n
        out.append(t if n == 1 else replace(t, id=f"{t.id}#{n}"))
    return out


def _first_year(text: str) -> int | None:
    m = re.search(r"\b(20\d{2})\b", text)
    return int(m.group(1)) if m else None
