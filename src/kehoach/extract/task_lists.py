"""Whether a task table printed in a plan's body is the plan's task list, or one more way the
plan assigns work.

The schema takes each row of a task table as a task, and reads the sections' assignments only
in documents without such a table. A table is that list when it is in an appendix (`Phụ lục …
nhiệm vụ`), when it makes up the plan's task part (`III. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN`
holding the table alone, or a sub-part headed so: `2. Nhiệm vụ cụ thể`), when the line that
introduces it names it in those words (`Nội dung, thời gian các hoạt động và phân công thực
hiện như sau:` over an event's programme: the plan says the table is where it hands out the
work, and a `PHÂN CÔNG NHIỆM VỤ` part beside it then details that work, as a `Tổ chức thực
hiện` part would), and when the plan has no task part at all (an inspection schedule with a
task column, `Nội dung kiểm tra`, under `IV. ĐỐI TƯỢNG, THỜI GIAN KIỂM TRA`, the activities
of an event plan under `II. NỘI DUNG HOẠT ĐỘNG`): the plan's `Tổ chức thực hiện` then says
how the table is carried out, and assigns no work of its own.

A body table is one more source when the plan's task part is elsewhere, so that the table
details only some of the work:

- it stands in one sub-part of the task part, beside sub-parts of items (a survey's roadmap
  under `4.` of `III. NHIỆM VỤ, GIẢI PHÁP`, whose `1.`–`3.` are bullets): the plan assigns
  its work to agencies in other sections (`Tổ chức thực hiện`);
- it stands outside the task part, and the task part itself assigns work to named agencies
  (an event's programme under `IV. CHƯƠNG TRÌNH HOẠT ĐỘNG`, introduced as the programme alone:
  `Các hoạt động chính được tổ chức theo chương trình sau:`, beside `VI. PHÂN CÔNG NHIỆM VỤ`).

Its rows are then tasks beside those the sections assign, merged (`assignments.
tasks_from_sections`, `beside`).

An event's programme is never the task list, wherever it stands (`tables.is_schedule`: a
column of the places, `Thời gian | Nội dung | Địa điểm | Đơn vị thực hiện`, and none of a task
table's own, such as `Đơn vị chủ trì | Đơn vị phối hợp` or `Thời hạn hoàn thành`): it says when
and where each activity happens and who runs it, as activity blocks do, and the sections of
duties beside it (the organising committee's subcommittees, the agencies) give tasks too. So
is an inspection schedule that names the units visited and the team sent to each (`Đơn vị được
kiểm tra | Thời gian | Thành phần đoàn`, no task column): the plan's work is handed out in its
sections (`Tổ chức thực hiện`, the review conference's preparations).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from kehoach.extract.outline import Para, Section
from kehoach.extract.tables import is_schedule
from kehoach.intake.document import Table
from kehoach.text import lexicon


@lru_cache(maxsize=1)
def _task_part_re() -> re.Pattern[str]:
    return re.compile(r"\b" + lexicon.alternation("sections.task_parts", fold_words=True) + r"\b")


def is_task_part(sec: Section) -> bool:
    """A section headed as the plan's tasks (`NHIỆM VỤ, GIẢI PHÁP`, `PHÂN CÔNG NHIỆM VỤ`;
    the words in the lexicon, `sections.task_parts`)."""
    return bool(sec.title) and _task_part_re().search(sec.folded_title) is not None


def _introduced_as_tasks(sec: Section, table: Table) -> bool:
    """Whether the line right before the table in its section, the one that introduces it,
    names it with the words that head a task part (`… các hoạt động và phân công thực hiện như
    sau:`; lexicon `sections.task_parts`)."""
    before: Para | None = None
    for b in sec.blocks:
        if b is table:
            return before is not None and _task_part_re().search(before.folded) is not None
        before = b if isinstance(b, Para) else None
    return False


def _holds_table(sec: Section, tables: set[int]) -> bool:
    return any(isinstance(b, Table) and id(b) in tables for s in sec.walk() for b in s.blocks)


def is_task_list(
    path: str,
    root: Section,
    tables: Sequence[Table],
    assigns: Callable[[Section], bool],
    table: Table | None = None,
) -> bool:
    """Whether the task table in the body section at `path` (`table`, when given) is the
    plan's task list.

    `tables` are the plan's task tables (a sub-part holding one states no work of its own);
    `assigns(sec)` tells whether a section assigns work to named agencies (read only when
    asked: reading the sections is the costly part)."""
    if table is not None and is_schedule(table):
        return False
    tops = [t for t in root.children if t.kind not in ("appendix", "signature")]
    top = next((t for t in tops if path == t.path or path.startswith(t.path + ".")), None)
    here = next((s for s in root.walk() if s.path == path), None)
    if top is None or here is None or is_task_part(here):
        return True
    if table is not None and _introduced_as_tasks(here, table):
        return True
    ids = {id(t) for t in tables}
    if is_task_part(top):
        # one sub-part of the task part: the list only when every other sub-part is a table
        # too (`1. Lĩnh vực di sản`, `2. Lĩnh vực thư viện`); a sub-part without one states
        # work in items, bullets or its numbered heading's own sentence
        return all(_holds_table(sub, ids) for sub in top.children)
    others = [t for t in tops if t is not top and is_task_part(t)]
    return not any(assigns(t) for t in others)
