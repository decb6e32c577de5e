"""Turn text plans into the Word file and PDF an official would have made of them, and score
what kehoach reads from each form against what it reads from the text.

    PYTHONPATH=src python tools/format_variants.py build OUT_DIR PLAN.txt ... [--bullets-as-list]
    PYTHONPATH=src python tools/format_variants.py scan OUT_DIR FORM.pdf ... [--seed N]
    PYTHONPATH=src python tools/format_variants.py score OUT_DIR PLAN.txt ... [--show]

`build` writes OUT_DIR/STEM.docx and OUT_DIR/STEM.pdf for each plan. The .docx is laid out
as provincial offices type plans in Word: Times New Roman 14pt on A4; the header (issuer and
number on the left, national motto and place-date on the right) as a borderless two-column
table; the kind heading and subject bold and centred; section headings bold; body paragraphs
justified with a first-line indent, one Word paragraph per logical paragraph (lines a text
file hard-wrapped are joined back: a line whose first word would have fitted on the one
above, in the width the file was wrapped at, opens a paragraph of its own); a letter's
subject (`V/v …`) under its number in the header's left column; pipe and tab tables as ruled
Word tables (wide ones on a landscape page), each column as wide as its longest word needs
(squeezed in a table of many columns) and the width left to the columns that hold sentences,
a task's lead or time cell the text left empty under the one it goes on from merged down
with it, and a group row's title merged across the row; the signature block as a borderless
table (`Nơi nhận` left, `KT. CHỦ TỊCH` … name right, whether the text typed its two columns
apart with a tab, spaces or a pipe, or as a table; the signer's titles, `(Đã ký)` and name
each a line of its own though the text ran them on one line), a plan's header typed as a
table under a decision's signature table on a new page; a draft's mark (`DỰ THẢO`)
above the header, at the right; an appendix on a page of its own, landscape with its heading
when its table is wide; page numbers at the top of every page but the first. A text kehoach
reads as OCR output is laid out as the official typed it, the words OCR glued parted; a text
copied out of a PDF (the page numbers it kept run 2, 3, 4 … down the text) as the Word file
it was printed from: no page numbers, a table cut by a page break one table with its heading
once, and a row for each task where the copy gave each printed line of a row's cells a row
of its own. The PDF is that .docx printed by LibreOffice
(`soffice --headless --convert-to pdf`), so long paragraphs wrap over lines and pages as in
real PDFs.

`scan` prints each PDF on paper and scans it back: its pages rendered at 200 dpi and given
tests/data/make_scans.py's scanner look (turned, grey paper, noise and specks, a red stamp
on the first and last page, the lid's shadow; grey or colour JPEG), written as
OUT_DIR/STEM.scan.pdf, an image-only PDF that kehoach reads by OCR.

`score` extracts the text, the .docx, the .pdf and the scan, scores the others against the text's
record with kehoach's copy of the maintainers' `plan_score`, and writes OUT_DIR/scores.md
(one row per plan, one column per form) and the records as OUT_DIR/STEM.FORMAT.json.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document as new_document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from kehoach.extract.plan import build_record
from kehoach.extract.plan_score import score as plan_score
from kehoach.extract.plan_score import show as plan_show
from kehoach.intake import read_document
from kehoach.intake.document import Table
from kehoach.text import lexicon
from kehoach.text.normalize import fold
from kehoach.writers.docx_layout import page_numbers
from kehoach.writers.pdf import docx_to_pdf

FONT = "Times New Roman"
BODY_PT, SMALL_PT = 14, 12

# The document kinds whose heading line (`KẾ HOẠCH`) ends the header and opens the title.
_KINDS = re.compile(
    r"^(ke hoach|nghi quyet|chuong trinh( hanh dong)?|quyet dinh|chi thi|ket luan|de an|"
    r"bao cao|cong van|thong bao|huong dan)$"
)
# The right column's first line: the national motto, or the Party's or the Youth Union's name.
_MOTTO = re.compile(r"^(cong hoa|doc lap|dang cong san|doan (tncs|thanh nien cong san))")
_PLACE_DATE = re.compile(r"ngay\s*\S*\s*thang.*nam")
_NUMBER = re.compile(r"^so\s*:?\s*[\d/]")  # `Số: 12/KH-UBND`, a draft's `Số:  /KH-UBND`
_RULE = re.compile(r"^[-_*=.\s]{1,20}$")  # the short rules and stars under header lines
_MARKER = re.compile(
    r"^(?:[-–+•*]\s|\(?\d{1,3}(?:\.\d{1,3})*[.)]\s|[IVXL]{1,6}[.)\-]\s|[a-zđ]\)\s)"
)
_HEADING = re.compile(r"^(?:[IVXL]{1,6}[.\-–]|[A-Z][.)]|\d{1,2}\.(?:\d{1,2}\.)?)\s")
_SIGN_TITLE = re.compile(
    r"^(?:(?:t/?m|kt|q|tl|tuq)\.?\s.+|(?:pho )?(?:chu tich|giam doc|bi thu|truong ban|"
    r"chanh van phong|thu truong))$"
)
_SIGNED = re.compile(r"^\(?(?:da ky|ky ten|ky, ghi ro ho ten|ky, dong dau)[^)]*\)?$")
_RECIPIENTS = re.compile(r"^noi nhan\b")
_SUBJECT = re.compile(r"^(?:v/v|ve viec)\b")
_APPENDIX = re.compile(r"^phu luc\b")
# between the two columns of a typed block: a tab, spaces, or a pipe (a bare pipe table's)
_COLUMN_GAP = re.compile(r"\s*\t\s*|\s{2,}|\s*\|\s*")
# recipients apart where one ends (`…(b/c); - TT Tỉnh ủy`), not at a dash inside a body's
# name (`- Ban Thi đua - Khen thưởng Trung ương`)
_NEXT_RECIPIENT = re.compile(r"(?<=[:;,.)])\s+(?=[-+•] )")
_WIDE_TABLE = 5  # columns: such a table is set on a landscape page
_PORTRAIT_CM, _LANDSCAPE_CM = 16.0, 24.7  # the width between the margins (3 cm left, 2 right)


@dataclass
class Plan:
    """A text plan cut into the parts laid out differently in Word."""

    header: list[list[list[str]]] = field(default_factory=list)  # rows of cells of lines
    marks: list[str] = field(default_factory=list)  # `DỰ THẢO`, set above the header
    title: list[str] = field(default_factory=list)
    body: list = field(default_factory=list)  # paragraphs (str), tables, signatures, headers


@dataclass
class AttachedHeader:
    """The header of a plan attached to the decision above it (issuer | motto), on a page of
    its own after the decision's signature."""

    rows: list[list[list[str]]]


@dataclass
class Signature:
    recipients: list[str]
    signer: list[str]
    parties: list[list[str]] = field(default_factory=list)  # two signers side by side


def _text(block) -> str:
    return block.strip() if isinstance(block, str) else ""


def split_plan(blocks: list) -> Plan:
    """Header, title and body of a plan read by kehoach's text reader."""
    plan = Plan()
    start = _kind_heading(blocks)
    header = blocks[:start] if start is not None else []
    rest = blocks[start:] if start is not None else list(blocks)
    if start is None:  # a letter: its header, with the subject under the number, ends above
        start = _recipients(blocks)  # `Kính gửi`
        header, rest = (blocks[:start], blocks[start:]) if start is not None else ([], rest)
    plan.marks = [_text(b) for b in header if _draft_mark(_text(b))]
    plan.header = _header_rows([b for b in header if not _draft_mark(_text(b))])
    if start is not None:  # the kind heading, then the subject up to a blank line or the body
        plan.title.append(_text(rest[0]))
        k = 1
        while k < len(rest) and isinstance(rest[k], str) and not rest[k].strip():
            k += 1
        while k < len(rest) and _text(rest[k]) and len(plan.title) < 4:
            line = _text(rest[k])
            # the subject may itself open with `Thực hiện …` (a plan carrying out another):
            # the first line under the kind heading is the subject unless a basis (`Căn cứ`)
            opens = _opens_body(line) if len(plan.title) > 1 else _BASIS.match(fold(line))
            if _HEADING.match(line) or opens or _RULE.match(line):
                break
            plan.title.append(line)
            k += 1
        rest = rest[k:]
    plan.body = _body(_tables_rebuilt(rest), _wrap_width(blocks))
    return plan


_COLUMN_TITLES = {
    "text": "Nội dung nhiệm vụ",
    "targets": "Chỉ tiêu",
    "directing": "Cơ quan chỉ đạo",
    "lead": "Cơ quan chủ trì",
    "coordinating": "Cơ quan phối hợp",
    "time": "Thời gian thực hiện",
    "other": "Sản phẩm",
}


def _tables_rebuilt(blocks: list) -> list:
    """A task table a PDF-to-text step flattened into lines (one cell a line: `TT Nhiệm vụ
    …` then `1`, the task, its agencies, its time) as the Word table it was, read back with
    kehoach's own reader of such lines (`extract.flattened`)."""
    from kehoach.extract.flattened import _find_regions, table_rows
    from kehoach.text.normalize import clean

    where = [i for i, b in enumerate(blocks) if isinstance(b, str)]
    lines = [clean(blocks[i]) for i in where]
    out, done = [], 0
    for region in _find_regions(lines):
        roles, head, end = region.roles, region.head, region.end
        table = [["TT", *(_COLUMN_TITLES.get(r, r) for r in roles)]]
        group = None
        for row in table_rows(lines, region):
            if row.group != group and row.group:
                group = row.group
                table.append([row.group, row.group_title or "", *[""] * (len(roles) - 1)])
            cells = iter(row.cells)
            table.append([row.num] + [_cell(r, row, cells) for r in roles])
        out.extend(blocks[done : where[head]])
        out.append(Table(rows=table))
        done = where[end - 1] + 1
    return out + blocks[done:]


def _cell(role: str, row, cells) -> str:
    if role in ("text", "targets"):
        return " ".join(row.text)
    if role == "time":
        return " ".join(row.time)
    if role in ("directing", "lead", "coordinating"):
        return " ".join(next(cells, []))
    return ""


def _kind_heading(blocks: list) -> int | None:
    for i, block in enumerate(blocks[:40]):
        line = _text(block)
        if line and line == line.upper() and _KINDS.match(fold(line).strip(" :")):
            return i
    return None


def _recipients(blocks: list) -> int | None:
    """Where a letter's `Kính gửi:` stands, when a subject line (`V/v …`) comes before it."""
    subject = False
    for i, block in enumerate(blocks[:40]):
        folded = fold(_text(block))
        subject = subject or bool(_SUBJECT.match(folded))
        if folded.startswith("kinh gui") and subject:
            return i
    return None


_BASIS = re.compile(r"^can cu\b")


def _opens_body(line: str) -> bool:
    return bool(re.match(r"^(thuc hien|can cu|trien khai thuc hien|de trien khai)\b", fold(line)))


def _draft_mark(line: str) -> bool:
    """A draft's mark on a line of its own (`DỰ THẢO`, `(Dự thảo)`): the official sets it
    apart above the header, not in the issuer's column."""
    return bool(line) and fold(line).strip("() ") in lexicon.folded("documents.draft")


def _header_rows(blocks: list) -> list[list[list[str]]]:
    """The header as two rows of (left, right) cells: issuer | motto, number | place-date."""
    tables = [b for b in blocks if isinstance(b, Table)]
    after_table = blocks[blocks.index(tables[0]) + 1 :] if tables else []
    if tables and any("\t" in _text(b) for b in after_table):
        # The header's tab rows went on past the table the reader saw (a row of one cell,
        # `PHƯỜNG X<TAB>`, ends a tab table): every row read line by line instead.
        tabbed = ["\t".join(row) for t in tables for row in t.rows]
        return _header_rows([*tabbed, *(b for b in blocks if not isinstance(b, Table))])
    if tables:  # a header already written as a table: a cell's lines typed apart by spaces
        rows = [[_header_parts(c) for c in row if c.strip()] for row in tables[0].rows]
        # A letter's subject (`V/v …`) the text typed under the table, its right column
        # left empty, stands in Word under the number, in the issuer's column.
        after = blocks[blocks.index(tables[0]) + 1 :]
        subject = [_text(b) for b in after if _text(b)]
        if rows and rows[-1] and subject and _SUBJECT.match(fold(subject[0])):
            rows[-1][0] = [*rows[-1][0], " ".join(subject)]
        return rows
    left, right, number, date = [], [], [], []
    last = left  # a rule or star goes under the column of the line above it
    subject = False  # a letter's subject (`V/v …`) stands under its number
    for block in blocks:
        line = _text(block)
        if not line:
            continue
        for n, part in enumerate(_header_parts(line)):
            folded = fold(part)
            if subject and not (_MOTTO.match(folded) or _PLACE_DATE.search(folded)):
                number[-1] = f"{number[-1]} {part}"  # the subject is one paragraph, wrapped
                continue
            subject = subject or bool(_SUBJECT.match(folded))
            if _MOTTO.match(folded):
                column = right
            elif _PLACE_DATE.search(folded):
                column = date
            elif subject or _NUMBER.match(folded):
                column = number
            elif _MOTTO.match(folded):
                column = right
            elif _PLACE_DATE.search(folded):
                column = date
            elif re.fullmatch(r"\*+", part):
                column = left  # the stars under a party or union body's name
            elif _RULE.match(part):
                column = last
            elif n > 0 and last is left:  # the line's second column, whatever it says
                column = right
            else:
                column = left
            column.append(part)
            last = column
    if not any((left, right, number, date)):
        return []
    return [[left, right], [number, date]]


# Where a header line holding both columns (flattened, or glued by OCR) is cut: before the
# motto, and between a glued number and the place that dates it (`Số17-NQ/TUQuảngNinh,ngày…`).
# A copy that joined the two columns with one space (`TỈNH X Độc lập - Tự do - Hạnh phúc`,
# `Số: 86/KH-UBND Phú Thọ, ngày …`) is cut there too.
_MOTTO_INSIDE = re.compile(
    r"\s+(?=(?:ĐẢNG\s*CỘNG\s*SẢN|CỘNG\s*H(?:ÒA|OÀ)\s*XÃ|Độc\s*lập\s*[-–]\s*Tự\s*do))"
)
_GLUED_DATE = re.compile(r"(?<=[A-ZĐ0-9/])\s*(?=[A-ZĐ][a-zà-ỹđ]+\s*[A-ZĐ]?[a-zà-ỹđ]*\s*,\s*ngày)")


def _header_parts(line: str) -> list[str]:
    parts: list[str] = []
    pieces = re.split(r"(\s{2,}|\t)", line)
    for gap, part in zip(["", *pieces[1::2]], pieces[::2], strict=True):
        if parts and (
            re.fullmatch(r"Số\s*:?\s*\d*", parts[-1]) or re.search(r"(ngày|tháng)$", parts[-1])
        ):  # `Số:   4390     /UBND-NLN`, `ngày     tháng 8`: spaces left to fill in, kept
            parts[-1] = f"{parts[-1]}{gap if gap.strip(' ') == '' else ' '}{part}"
            continue
        for piece in _MOTTO_INSIDE.split(part):
            parts.extend(p.strip() for p in _GLUED_DATE.split(piece) if p.strip())
    return parts


def _body(blocks: list, width: int) -> list:
    """Logical paragraphs, tables and signature blocks of the body, in order (`width`: the
    one the whole text was hard-wrapped at, if it was)."""
    out: list = []
    i = 0
    joinable = False  # whether the paragraph last added may take a wrapped line
    last = ""  # the line last added, as the text has it
    while i < len(blocks):
        block = blocks[i]
        if isinstance(block, Table):
            signed = _signature_of(block)
            out.extend(signed if signed is not None else [block])
            joinable = False
            i += 1
            continue
        line = block.strip()
        if not line:
            joinable = False
            i += 1
            continue
        folded = fold(line)
        if _RECIPIENTS.match(folded) or (_SIGN_TITLE.match(folded) and line == line.upper()):
            signature, i = _signature(blocks, i)
            out.append(signature)
            joinable = False
            continue
        if joinable and out and isinstance(out[-1], str) and _wrapped(out[-1], line, last, width):
            out[-1] = f"{out[-1]} {line}"
            last = line
            i += 1
            continue
        out.append(line)
        last = line
        joinable = True
        i += 1
    return out


def _wrap_width(blocks: list) -> int:
    """The width a text file was hard-wrapped at: how long its longest lines run (a few
    longer ones let through); a file not wrapped has lines of whole paragraphs."""
    lengths = sorted(len(b.strip()) for b in blocks if isinstance(b, str) and b.strip())
    return lengths[int(0.95 * (len(lengths) - 1))] if lengths else 0


def _wrapped(prev: str, line: str, last: str, width: int) -> bool:
    """Whether `line` continues `prev`, a text file having hard-wrapped one paragraph: in
    lower case, or when its first word would not have fitted on the line above (`last`) in
    the width the file was wrapped at."""
    if prev.endswith((".", ":", ";", "!", "?")) or _MARKER.match(line) or _HEADING.match(line):
        return False
    if line[:1].isupper() and _opens_body(line):  # a preamble's `Căn cứ …`, `Thực hiện …`
        return False
    if prev == prev.upper() or line == line.upper():  # headings in capitals stand alone
        return False
    if line[:1].islower():
        return True
    # (wrapped lines of a page's OCR or a copy from a PDF fall short of it by some words)
    fitted = len(last) + 1 + len(line.split()[0]) < 0.8 * width
    return len(prev) >= 80 and not fitted and ":" not in line[:40]


def _signature(blocks: list, i: int) -> tuple[Signature, int]:
    """The recipients list and the signer's lines, in whichever order they stand."""
    sig = Signature([], [])
    while i < len(blocks):
        line = _text(blocks[i])
        folded = fold(line)
        if isinstance(blocks[i], str) and not line:
            i += 1
            continue
        if _RECIPIENTS.match(folded) and _COLUMN_GAP.search(line):
            # the whole block flattened onto one line, or typed in two columns (spaces or a
            # tab between them): recipients, then the signer's lines
            first, *signer = _COLUMN_GAP.split(line)
            sig.recipients.extend(_NEXT_RECIPIENT.split(first))
            sig.signer.extend(s for s in signer if s)
            i = _two_columns(blocks, i + 1, sig)
            continue
        if _RECIPIENTS.match(folded):
            sig.recipients.append(line)
            i += 1
            while i < len(blocks) and (
                (not _text(blocks[i]) and isinstance(blocks[i], str))
                or _text(blocks[i])[:1] in "-+•"
            ):
                if _text(blocks[i]):
                    sig.recipients.append(_text(blocks[i]))
                i += 1
            continue
        if _SIGN_TITLE.match(folded) and _COLUMN_GAP.search(line) and not sig.recipients:
            # two parties signing side by side (a joint programme), typed in two columns
            # down to their names; the recipients follow under them
            i = _joint_signers(blocks, i, sig)
            continue
        if sig.recipients and line[:1] in "-+•":
            # the two columns flattened line by line: a recipient between the signer's lines
            sig.recipients.append(line)
            i += 1
            continue
        if sig.recipients and sig.signer and _name(line) and not _name(sig.signer[-1]):
            sig.signer.append(line)
            i += 1
            continue
        if _SIGN_TITLE.match(folded) and line == line.upper():
            # the titles (`TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`, `PHÓ BÍ THƯ THƯỜNG TRỰC`),
            # a `(Đã ký)`, then the name
            while i < len(blocks) and (
                not _text(blocks[i])
                or (
                    _text(blocks[i]).isupper()
                    and len(_text(blocks[i]).split()) <= 8
                    and not _APPENDIX.match(fold(_text(blocks[i])))
                )
                or _SIGNED.match(fold(_text(blocks[i])))
            ):
                if _text(blocks[i]):
                    sig.signer.append(_text(blocks[i]))
                i += 1
            if i < len(blocks) and _name(_text(blocks[i])):
                sig.signer.append(_text(blocks[i]))
                i += 1
            continue
        break
    return sig, i


def _signature_of(table: Table) -> list | None:
    """A signature block the text typed as a table (`| Nơi nhận: - Như trên; … | KT. CHỦ TỊCH
    … |`): the borderless block an office types, its recipients and signer's lines apart.
    The rows after the signer's name that go on with no recipient (a decision's attached
    plan, its header typed as the next pipe table: `| ỦY BAN NHÂN DÂN TỈNH X | CỘNG HÒA … |`,
    which the text reader joins to the signature's) are the next page's header, as
    `AttachedHeader`, or a table of their own."""
    rows = [r for r in table.rows if r]
    if not rows or len(rows[0]) != 2 or not _RECIPIENTS.match(fold(rows[0][0].strip())):
        return None
    sig = Signature([], [])
    for n, (left, *right) in enumerate(rows):
        if sig.signer and _name(_signer_lines(sig.signer[-1])[-1]) and not _recipient_row(left):
            rest = Table(rows=rows[n:])
            header = _MOTTO.match(fold(rows[n][-1].strip()))
            return [sig, AttachedHeader(_header_rows([rest])) if header else rest]
        if left.strip():
            sig.recipients.extend(_NEXT_RECIPIENT.split(left.strip()))
        sig.signer.extend(p for r in right for p in _COLUMN_GAP.split(r.strip()) if p)
    return [sig]


def _recipient_row(left: str) -> bool:
    """A signature table's row that goes on with the recipients (or leaves the left empty)."""
    return not left.strip() or left.strip()[:1] in "-+•"


def _two_columns(blocks: list, i: int, sig: Signature) -> int:
    """The lines under a signature block typed in two columns (`- Lưu: VT.     PHÓ GIÁM
    ĐỐC`): recipients on the left, the signer's lines far to the right."""
    while i < len(blocks) and isinstance(blocks[i], str):
        raw = blocks[i].rstrip()
        if not raw.strip():
            i += 1
            continue
        indent = len(raw) - len(raw.lstrip())
        if indent >= 20 or raw.startswith("\t") or raw.lstrip()[:1] == "|":
            sig.signer.append(raw.strip().lstrip("|").strip())  # only the right column here
        elif raw.lstrip()[:1] in "-+•":
            left, *right = _COLUMN_GAP.split(raw.strip())
            sig.recipients.append(left)
            sig.signer.extend(r for r in right if r)
        else:
            break
        i += 1
    return i


def _joint_signers(blocks: list, i: int, sig: Signature) -> int:
    """The lines of two signers typed side by side, down to the line holding their names:
    each column's lines kept apart (`sig.parties`)."""
    left: list[str] = []
    right: list[str] = []
    while i < len(blocks) and isinstance(blocks[i], str):
        raw = blocks[i].rstrip()
        if not raw.strip():
            i += 1
            continue
        if _RECIPIENTS.match(fold(raw.strip())):
            break
        first, *rest = (
            _COLUMN_GAP.split(raw.strip()) if not raw.startswith("\t") else ["", raw.strip()]
        )
        if first:
            left.append(first)
        right.extend(r for r in rest if r)
        i += 1
        if _name(first) or (rest and _name(rest[-1])):
            break
    sig.parties = [left, right]
    sig.signer = left + right
    return i


# Where a signing block typed as one run of words (`TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ
# TỊCH Trần Văn A`) is cut into the lines an office types it as: before an authority's mark,
# a deputy's title and the `(Đã ký)` mark, and after that mark.
_SIGNER_CUT = re.compile(
    r"\s+(?=(?:T/M|TM|KT|Q|TL|TUQ)\.\s|PHÓ\s|\((?:Đã|đã|ĐÃ)\s+(?:ký|KÝ)\))|(?<=(?:ký|KÝ)\))\s+"
)


def _signer_lines(text: str) -> list[str]:
    """A signer's lines: its titles, `(Đã ký)`, then the name, each a line of its own."""
    words = text.split()
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper() and not words[k - 1].isupper():
        k -= 1
    if not 2 <= len(words) - k <= 5:
        k = len(words)  # no name at the end
    head = " ".join(words[:k])
    lines = [p for p in _SIGNER_CUT.split(head) if p] if head else []
    return lines + ([" ".join(words[k:])] if k < len(words) else [])


def _name(line: str) -> bool:
    words = line.split()
    return 1 < len(words) <= 6 and all(w[:1].isupper() for w in words) and not line.isupper()


# --- writing the Word file -------------------------------------------------------------


def _font(run, size: float, bold: bool = False, italic: bool = False) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold = bold
    run.italic = italic
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)


def _paragraph(container, text: str, *, size=BODY_PT, bold=False, italic=False, align=None,
               indent=False, style=None):  # fmt: skip
    p = container.add_paragraph(style=style)
    if text:
        _font(p.add_run(text), size, bold, italic)
    fmt = p.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(6)
    if align is not None:
        p.alignment = align
    if indent:
        fmt.first_line_indent = Cm(1.0)
    return p


def _borderless(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def _widths(table, widths) -> None:
    """Column widths LibreOffice keeps (the grid's and each cell's), not fitted to text."""
    table.autofit = False
    for column, w in zip(table.columns, widths, strict=False):
        column.width = w
    for row in table.rows:
        for cell, w in zip(row.cells, widths, strict=False):
            cell.width = w


def _cell_lines(cell, lines: list[str], *, size, bold_last=False, bold=False, center=True,
                italic_first=False):  # fmt: skip
    cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)
    for k, line in enumerate(lines or [""]):
        p = cell.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.LEFT
        p.paragraph_format.space_after = Pt(0)
        if line:
            _font(
                p.add_run(line),
                size,
                bold=bold or (bold_last and k == len(lines) - 1),
                italic=italic_first and k == 0,
            )


def _header(doc, rows: list[list[list[str]]]) -> None:
    width = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=width)
    _borderless(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, row in enumerate(rows):
        for c in range(width):
            lines = row[c] if c < len(row) else []
            is_motto = c == width - 1 and r == 0
            _cell_lines(
                table.cell(r, c),
                lines,
                size=13,
                bold=is_motto,
                bold_last=c == 0 and r == 0,
            )
            if r == len(rows) - 1 and c == width - 1:  # the place and date: italic
                for p in table.cell(r, c).paragraphs:
                    for run in p.runs:
                        run.italic = True
    _widths(table, [Cm(6.0), *[Cm(10.0 / (width - 1))] * (width - 1)])


def _word_table(doc, table: Table, room: float) -> None:
    """A ruled table `room` cm wide: its columns as wide as their words need, the rest of
    the width to the columns that hold sentences; a cell the text left empty under the one
    it goes on from merged with it, as Word keeps such a cell."""
    width = max(len(r) for r in table.rows)
    out = doc.add_table(rows=len(table.rows), cols=width)
    out.style = "Table Grid"
    for r, row in enumerate(table.rows):
        for c in range(width):
            text = row[c] if c < len(row) else ""
            lines = [ln for ln in re.split(r"\s*<br\s*/?>\s*|\n", text) if ln] or [""]
            _cell_lines(out.cell(r, c), lines, size=SMALL_PT, bold=r == 0, center=r == 0)
    titles = _title_rows(table)
    spread = {r for r, _ in titles}  # a title merged across the row takes no column's width
    kept = [row for r, row in enumerate(table.rows) if r not in spread]
    _widths(out, [Cm(w) for w in _column_widths(kept, width, room)])
    for c, top, bottom in _merged_down(table):
        out.cell(top, c).merge(out.cell(bottom, c))
    for r, c in titles:
        out.cell(r, c).merge(out.cell(r, width - 1))
    for (r0, c0), (r1, c1) in _header_merges(table):
        out.cell(r0, c0).merge(out.cell(r1, c1))


_CHAR_CM = 0.25  # the mean width of a letter of Times New Roman at 12pt (bold headings)
_PADDING_CM = 0.45  # a cell's left and right margins, and a little air
_NARROWEST_CM = 1.2  # a column of row numbers (`TT`, `(13)`)
_WORDS_SHARE = 0.6  # at most this share of the width goes to fitting columns' longest words


def _column_widths(rows: list[list[str]], width: int, room: float) -> list[float]:
    """Widths (cm) an official gives the columns: each wide enough for its longest word,
    within reason (a table of many columns squeezes them toward the narrowest a column of
    row numbers needs, so a long code in a narrow column breaks as in Word), the width left
    shared by how much text the columns hold, so the task's column is the widest."""
    cells = [[row[c] if c < len(row) else "" for row in rows] for c in range(width)]
    words = [
        max(
            _NARROWEST_CM,
            min(max((len(w) for cell in col for w in cell.split()), default=1), 12) * _CHAR_CM
            + _PADDING_CM,
        )
        for col in cells
    ]
    budget = _WORDS_SHARE * room
    if sum(words) > budget:
        floor = _NARROWEST_CM * width
        k = max(0.0, budget - floor) / (sum(words) - floor)
        words = [_NARROWEST_CM + (w - _NARROWEST_CM) * k for w in words]
    text = [sum(len(cell) for cell in col) for col in cells]
    left = room - sum(words)
    return [w + left * t / (sum(text) or 1) for w, t in zip(words, text, strict=True)]


def _header_merges(table: Table) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The merged cells of a heading of two rows that the text wrote in their first cell
    only: a heading over several columns (`Cơ quan thực hiện | | |` over `Sở TC | Sở NV |
    …`) across the empty cells after it, and a column's heading (`TT`, `Thời hạn`) down
    over the empty cell under it. (top-left, bottom-right) of each."""
    if len(table.rows) < 3:
        return []
    top, low = table.rows[0], table.rows[1]
    width = max(len(r) for r in table.rows)

    def at(row: list[str], c: int) -> str:
        return row[c].strip() if c < len(row) else ""

    # a heading's second row: no row number, and a cell under an empty one of the first
    if at(low, 0) or not any(at(low, c) and not at(top, c) for c in range(width)):
        return []
    out = []
    for c in range(width):
        if not at(top, c):
            continue
        end = c
        while end + 1 < width and not at(top, end + 1) and at(low, end + 1):
            end += 1
        if end > c and at(low, c):
            out.append(((0, c), (0, end)))
        elif end == c and not at(low, c):
            out.append(((0, c), (1, c)))
    return out


def _title_rows(table: Table) -> list[tuple[int, int]]:
    """(row, column) of each group row of a task table whose title the text wrote in its
    first or second cell, the cells after it empty (`| IX. TUYÊN TRUYỀN | | |`, `| A | THƯ
    VIỆN | | |`), and each agency row over the tasks it leads (`1 → SỞ NỘI VỤ`): Word's row
    merges the title's cell across the rest of the table, so the title is not squeezed into
    the column of row numbers."""
    from kehoach.extract.agency_rows import agency_row
    from kehoach.extract.tables import _group_row, read_header

    head = read_header(table.rows)
    if head is None:
        return []
    cols, first = head
    width = max(len(r) for r in table.rows)
    out = []
    for r in range(first, len(table.rows)):
        row = table.rows[r]
        filled = [c for c, cell in enumerate(row) if cell.strip()]
        titled = _group_row(row, cols) or (cols.lead < 0 and agency_row(row))
        if filled and filled[-1] <= 1 and filled[-1] < width - 2 and titled:
            out.append((r, filled[-1]))
    return out


def _merged_down(table: Table) -> list[tuple[int, int, int]]:
    """(column, first row, last row) of each lead or time cell of a task table that the
    text wrote in its first row only, the task rows under it left empty in the same group:
    one merged cell of the Word table the text was typed from, as kehoach's reader of text
    tables reads it (`extract.tables`)."""
    from kehoach.extract.tables import (
        _ROW_NUM,
        _cell,
        _group_row,
        merged_down_columns,
        read_header,
    )

    head = read_header(table.rows)
    if head is None:
        return []
    cols, first = head
    roles = (cols.directing, cols.lead, cols.coordinating, cols.time, cols.time_end)
    out: list[tuple[int, int, int]] = []
    for c in merged_down_columns(table.rows[first:], cols):
        start = None  # the row whose filled cell is being merged down
        for r in range(first, len(table.rows)):
            row = table.rows[r]
            task = (
                _ROW_NUM.match(_cell(row, cols.num))
                and _cell(row, cols.text)
                and not _group_row(row, cols)
                and any(_cell(row, k) for k in roles if k >= 0)  # not a sub-heading row
            )
            if not task:
                start = None
            elif _cell(row, c):
                start = r
            elif start is not None:
                if out and out[-1][:2] == (c, start):
                    out[-1] = (c, start, r)
                else:
                    out.append((c, start, r))
    return out


def _signature_table(doc, sig: Signature) -> None:
    if sig.parties:
        # a joint signature: the two signers side by side, the recipients under them
        table = doc.add_table(rows=1, cols=2)
        _borderless(table)
        for cell, lines in zip(table.rows[0].cells, sig.parties, strict=True):
            _cell_lines(
                cell, [ln for s in lines for ln in _signer_lines(s)], size=BODY_PT, bold=True
            )
        _widths(table, [Cm(8.0), Cm(8.0)])
        if sig.recipients:
            sig = Signature(sig.recipients, [])
        else:
            return
    table = doc.add_table(rows=1, cols=2)
    _borderless(table)
    left, right = table.rows[0].cells
    _cell_lines(left, sig.recipients, size=11, center=False, italic_first=True)
    if left.paragraphs and left.paragraphs[0].runs:
        left.paragraphs[0].runs[0].bold = True
    _cell_lines(right, [ln for s in sig.signer for ln in _signer_lines(s)], size=BODY_PT, bold=True)
    _widths(table, [Cm(8.0), Cm(8.0)])


def _landscape(doc, on: bool) -> None:
    """Start a new section, landscape or portrait."""
    from docx.enum.section import WD_SECTION

    section = doc.add_section(WD_SECTION.NEW_PAGE)
    w, h = section.page_width, section.page_height
    if on != (w > h):
        section.page_width, section.page_height = h, w
    section.orientation = WD_ORIENT.LANDSCAPE if on else WD_ORIENT.PORTRAIT


def _wide(table: Table) -> bool:
    return max(len(r) for r in table.rows) >= _WIDE_TABLE


def _appendix(block) -> bool:
    """An appendix's heading line (`Phụ lục`, `PHỤ LỤC II`), not a sentence naming one."""
    return isinstance(block, str) and len(block) < 120 and bool(_APPENDIX.match(fold(block)))


_CAPTION_LINES = 4  # an appendix's subject and `(Kèm theo …)` above its table, at most


def _wide_table_under(body: list, n: int) -> bool:
    """Whether the appendix whose heading is body[n] opens with a wide table."""
    for block in body[n + 1 : n + 2 + _CAPTION_LINES]:
        if isinstance(block, Table):
            return _wide(block)
        if isinstance(block, Signature) or _appendix(block):
            return False
    return False


def _bullet_list(text: str) -> bool:
    return text.startswith(("- ", "• "))  # `+` sub-items stay typed, as officials type them


def write_docx(plan: Plan, path: Path, *, bullets_as_list: bool = False) -> None:
    """The plan as an official's Word file."""
    doc = new_document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    section.left_margin, section.right_margin = Cm(3.0), Cm(2.0)
    page_numbers(section)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(BODY_PT)
    for mark in plan.marks:  # a draft's mark, at the top right above the header
        _paragraph(doc, mark, bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
    if plan.header:
        _header(doc, plan.header)
        _paragraph(doc, "")
    for k, line in enumerate(plan.title):
        _paragraph(doc, line, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=BODY_PT + (k == 0))
    landscape = False
    caption = False  # between an appendix's heading and its table
    for n, block in enumerate(plan.body):
        if isinstance(block, Table):
            wide = _wide(block)
            if wide != landscape:
                _landscape(doc, wide)
                landscape = wide
            _word_table(doc, block, _LANDSCAPE_CM if wide else _PORTRAIT_CM)
            _paragraph(doc, "")
            caption = False
            continue
        if isinstance(block, Signature):
            _signature_table(doc, block)
            continue
        if isinstance(block, AttachedHeader):
            doc.add_page_break()
            _header(doc, block.rows)
            _paragraph(doc, "")
            continue
        if _appendix(block):
            # an appendix begins on a page of its own, landscape when its table is wide,
            # its heading and subject on that page above the table
            landscape = _wide_table_under(plan.body, n)
            _landscape(doc, landscape)
            caption = True
            _paragraph(doc, block, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
            continue
        if landscape and not caption:  # text after a wide table goes back to a portrait page
            _landscape(doc, False)
            landscape = False
        heading = _HEADING.match(block) and len(block) < 100 and not block.endswith(".")
        if caption and block.startswith("(") and block.endswith(")"):
            _paragraph(doc, block, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        elif heading or (block == block.upper() and len(block) < 120):
            # a part heading (`I. MỤC TIÊU`) stands at the indent; a lone line in capitals
            # (`PHỤ LỤC`, an appendix's subject) is centred
            align = None if heading else WD_ALIGN_PARAGRAPH.CENTER
            _paragraph(doc, block, bold=True, align=align, indent=align is None)
        elif bullets_as_list and _bullet_list(block):
            _paragraph(doc, block[2:], style="List Bullet", align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        else:
            _paragraph(doc, block, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True)
    doc.save(path)


def to_pdf(docx_files: list[Path], out: Path) -> None:
    """Print the Word files to PDF with LibreOffice, as the report writer does (its own
    profile per conversion; a clear error when LibreOffice is missing)."""
    for path in docx_files:
        (out / f"{path.stem}.pdf").write_bytes(docx_to_pdf(path.read_bytes()))


def _typed(doc) -> list:
    """The blocks of a text plan as its official typed them: a text kehoach reads as OCR
    output has its glued words (`Du lịchchủ trì`) parted as kehoach parts them, as no Word
    file glues them; a text copied out of a PDF has its pages joined again (`_unpaged`)."""
    if not doc.ocr:
        return _unpaged(doc.blocks)
    from kehoach.text.unglue import unglue, unglue_pairs

    def typed(text: str) -> str:
        return "\n".join(unglue_pairs(unglue(part)) for part in text.split("\n"))

    return _unpaged(
        [
            Table(rows=[[typed(c) for c in row] for row in b.rows], spans=b.spans, page=b.page)
            if isinstance(b, Table)
            else typed(b)
            for b in doc.blocks
        ]
    )


_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")


def _page_numbers(blocks: list) -> set[int]:
    """Where a text copied out of a PDF kept the number printed on each page: bare numbers
    running on by one from page 2 or 3 down the text (`2` … `3` … `4`), none inside a
    table flattened into lines, whose row numbers stand alone too. Empty when there is no
    such run (a typed text)."""
    from kehoach.extract.flattened import _find_regions
    from kehoach.text.normalize import clean

    where = [i for i, b in enumerate(blocks) if isinstance(b, str)]
    regions = _find_regions([clean(blocks[i]) for i in where])
    inside = {where[k] for r in regions for k in range(r.head, r.end)}
    found: list[int] = []
    expect = 0
    for i, block in enumerate(blocks):
        if not isinstance(block, str) or not _PAGE_NUMBER.match(block) or i in inside:
            continue
        n = int(block)
        if (found and n == expect) or (not found and n <= 3):
            found.append(i)
            expect = n + 1
    return set(found) if len(found) >= 2 else set()


def _unpaged(blocks: list) -> list:
    """A text copied out of a PDF as the Word file it was printed from: no page numbers
    (a paragraph they cut goes on), a table the page break cut continued without its
    repeated heading, and a task table's rows whole, where the copy gave each printed line
    of a row's cells a row of its own. A typed text is left as it is."""
    from kehoach.intake.pdf_columns import Grid, continue_grid

    numbers = _page_numbers(blocks)
    if not numbers:
        return blocks
    out: list = []
    for i, block in enumerate(blocks):
        if i in numbers:
            continue
        if isinstance(block, Table) and out:
            k = len(out)  # the table this one goes on from, blank lines between
            while k > 0 and isinstance(out[k - 1], str) and not out[k - 1].strip():
                k -= 1
            before = out[k - 1] if k > 0 else None
            if isinstance(before, Table) and _same_heading(before.rows, block.rows):
                grid = Grid(rows=[list(r) for r in before.rows], spans=[], page=0)
                more = Grid(rows=[list(r) for r in block.rows], spans=[], page=0)
                grid.spans = [[False] * len(r) for r in grid.rows]
                more.spans = [[False] * len(r) for r in more.rows]
                continue_grid(grid, more)
                del out[k:]
                out[-1] = Table(rows=grid.rows)
                continue
        out.append(block)
    return [Table(rows=_rows_unwrapped(b.rows)) if isinstance(b, Table) else b for b in out]


def _same_heading(rows: list[list[str]], more: list[list[str]]) -> bool:
    def key(row: list[str]) -> list[str]:
        return [fold(c).strip() for c in row]

    return bool(rows and more) and key(rows[0]) == key(more[0])


def _rows_unwrapped(rows: list[list[str]]) -> list[list[str]]:
    """A task table's rows as typed: a row without a row number goes on the row above it,
    cell by cell (`Sở Văn hóa, Thể thao` / `và Du lịch`; `80-` / `NQ/TW` without a space;
    an item opening with its marker on a line of its own), and a heading's wrapped line
    (`Thời gian` / `hoàn thành`) its heading; a heading's second row, whose cells stand
    under empty ones (`Cơ quan thực hiện` over `Chủ trì | Phối hợp`), stays a row."""
    from kehoach.extract.tables import column_role
    from kehoach.intake.pdf_columns import wrap_hyphen

    if not rows or not rows[0] or column_role(fold(rows[0][0]).strip()) != "num":
        return rows
    out = [list(rows[0])]
    numbered = False
    for row in rows[1:]:
        last = out[-1]
        if row and row[0].strip():
            numbered = True
            out.append(list(row))
            continue
        under_empty = any(
            c.strip() and not (k < len(last) and last[k].strip()) for k, c in enumerate(row)
        )
        if not numbered and under_empty:
            out.append(list(row))
            continue
        for k, piece in enumerate(row):
            piece = piece.strip()
            if not piece:
                continue
            while len(last) <= k:
                last.append("")
            if not last[k]:
                last[k] = piece
            elif wrap_hyphen(last[k]):
                last[k] += piece
            else:
                last[k] += ("\n" if _MARKER.match(piece) else " ") + piece
    return out


def build(out: Path, plans: list[Path], *, bullets_as_list: bool = False) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in plans:
        plan = split_plan(_typed(read_document(path)))
        target = out / f"{path.stem}.docx"
        write_docx(plan, target, bullets_as_list=bullets_as_list)
        written.append(target)
    to_pdf(written, out)
    return written


def scan(out: Path, pdfs: list[Path], *, seed: int = 80) -> list[Path]:
    """Each PDF as a scanner gives it back, with tests/data/make_scans.py's look."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "data"))
    from make_scans import pdf_pages, save_pdf, scan_look

    out.mkdir(parents=True, exist_ok=True)
    written = []
    for pdf in pdfs:
        rng = random.Random(f"{seed}:{pdf.stem}")  # the same scan of a plan whatever the list
        colour = rng.random() < 0.5
        images = pdf_pages(pdf)
        last = len(images) - 1
        pages = [
            scan_look(p, rng, stamp=i in (0, last), colour=colour) for i, p in enumerate(images)
        ]
        target = out / f"{pdf.stem}.scan.pdf"
        save_pdf(pages, target, quality=60)
        written.append(target)
    return written


# --- scoring ----------------------------------------------------------------------------

FORMS = ("docx", "pdf", "scan.pdf")


def score(out: Path, plans: list[Path], *, show: bool = False) -> str:
    rows = []
    for path in plans:
        expected = build_record(read_document(path)).to_json()
        (out / f"{path.stem}.txt.json").write_text(
            json.dumps(expected, ensure_ascii=False, indent=1)
        )
        cells = []
        for form in FORMS:
            variant = out / f"{path.stem}.{form}"
            if not variant.exists():
                cells.append("–")
                continue
            try:
                actual = build_record(read_document(variant)).to_json()
            except Exception as exc:  # a reader failure is a score of 0, shown
                cells.append(f"0 ({type(exc).__name__})")
                continue
            (out / f"{path.stem}.{form}.json").write_text(
                json.dumps(actual, ensure_ascii=False, indent=1)
            )
            figures = plan_score(expected, actual)
            weak = [k for k, v in figures.items() if v < 0.999 and k != "score"]
            cells.append(f"{figures['score']:.3f}" + (f" ({', '.join(weak)})" if weak else ""))
            if show and figures["score"] < 0.999:
                print(f"--- {path.name} as {form}: {figures['score']:.3f}")
                plan_show(expected, actual)
        n_tasks, n_targets = len(expected["tasks"]), len(expected["targets"])
        rows.append(f"| {path.name} | {n_tasks}/{n_targets} | " + " | ".join(cells) + " |")
    head = "| plan | tasks/targets (text) | .docx | .pdf | scan |\n|---|---|---|---|---|\n"
    table = head + "\n".join(rows) + "\n"
    (out / "scores.md").write_text(table)
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("build", "scan", "score"))
    parser.add_argument("out", type=Path)
    parser.add_argument("plans", type=Path, nargs="+")
    parser.add_argument("--bullets-as-list", action="store_true",
                        help="write '- ' bullets as Word list paragraphs")  # fmt: skip
    parser.add_argument("--show", action="store_true", help="list what differs")
    parser.add_argument("--seed", type=int, default=80, help="the scans' randomness")
    args = parser.parse_args()
    if args.command == "build":
        for path in build(args.out, args.plans, bullets_as_list=args.bullets_as_list):
            print(path, path.with_suffix(".pdf"))
    elif args.command == "scan":
        for path in scan(args.out, args.plans, seed=args.seed):
            print(path)
    else:
        print(score(args.out, args.plans, show=args.show), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
