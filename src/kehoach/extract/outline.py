"""From lines to paragraphs and a section outline.

Lines wrapped by a PDF or an OCR engine are joined back into paragraphs; each
paragraph gets its list marker (roman heading, `2.1.`, `(3)`, `a)`, `-`), and
paragraphs are grouped into sections by their headings (I → 1 → 1.1 …).
Appendices (`PHỤ LỤC`) and the signature part (`Nơi nhận:`) are top-level
sections of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import pairwise

from kehoach.intake.document import Block, Table
from kehoach.text import lexicon
from kehoach.text.normalize import fold

# (`IV/2027.` opening a line is the tail of a quarter wrapped from the line above, `… trong
# quý` / `IV/2027.`: a slash before a number is no heading's)
_ROMAN_RE = re.compile(
    r"^(?P<num>X{0,1}(?:IX|IV|V?I{0,3})|1V|1)\s*(?:[.\-–)]|/(?!\s*\d)|\s)\s*(?P<rest>\S.*)$"
)
# "1. Text", "2) Text", "6. 100% cán bộ …" (a number after the marker and a space); the
# party style's dash, "1- Mục đích", "2 - Yêu cầu", with a space after it (`15-CTr/TU`, a
# document's number, has none) and a capital (`2 - 3 ngày` is a range: `_dash_heading`)
_DECIMAL_RE = re.compile(
    r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})"
    r"(?:(?:\.|\))(?:\s+|(?=[^\d\s]))|\s*(?P<dash>[-–])\s+)(?P<rest>\S.*)$"
)


def _as_printed(path: str) -> str:
    """A list of the lexicon as an alternation of its words as written and in capitals."""
    items = sorted(
        {v for w in lexicon.words(path) for v in (w, w.upper())}, key=lambda w: (-len(w), w)
    )
    return "(?:" + "|".join(map(re.escape, items)) + ")"


_PART_WORD = _as_printed("outline.part_words")  # data/lexicon.toml [outline] part_words
_LETTER_HEADING_RE = re.compile(
    r"^(?:"
    + "|".join(re.escape(w.upper()) for w in lexicon.words("outline.part_words"))
    + r"\s+)?(?P<num>[A-H])\s*[.\-–)]\s*(?P<rest>\S.*)$"
)
# "PHẦN I. MỤC TIÊU", "Phần 2: Nhiệm vụ", "PHẦN THỨ NHẤT …": a part numbered in words too
_PART_RE = re.compile(
    r"^"
    + _PART_WORD
    + r"\s+(?P<num>[IVX]{1,4}|\d{1,2}|"
    + _as_printed("outline.ordinal_words")
    + r"\s+\w+)\s*[.:\-–]?\s*(?P<rest>\S.*)$"
)
# "V/v triển khai …" (về việc): a letter's subject line, not a part numbered V
_SUBJECT_LINE_RE = re.compile(r"V/[vV]\b")
# "Điều 4. Trách nhiệm của …": an article headed by its title (a short line that ends no
# sentence) is a part of the document, like a roman heading; a decision's `Điều 2. Quyết định
# này có hiệu lực …` is a sentence, not a heading (data/lexicon.toml [outline] article_words)
_ARTICLE_RE = re.compile(
    r"^" + _as_printed("outline.article_words") + r"\s+(?P<num>\d{1,2})\s*[.:]\s*(?P<rest>\S.*)$"
)
_PAREN_RE = re.compile(r"^\((?P<num>\d{1,2})\)\s*(?P<rest>.+)$")
_LETTER_RE = re.compile(r"^(?P<num>[a-zđ])\)\s*(?P<rest>.+)$")
# the marks a bullet may open with (`- …`, `+ …`, `* …`, `• …`)
BULLET_MARKS = "-–—−‒+•*·▪●○◦"
_BULLET_RE = re.compile(r"^[" + re.escape(BULLET_MARKS) + r"]\s*(?P<rest>\S.*)$")
# An appendix's heading and the recipients' label (data/lexicon.toml `documents.appendix`,
# `documents.recipients`), folded; the label's match takes its colon.
APPENDIX_RE = re.compile(r"^" + lexicon.alternation("documents.appendix", fold_words=True) + r"\b")
RECIPIENTS_RE = re.compile(
    r"^\s*" + lexicon.alternation("documents.recipients", fold_words=True) + r"\b\s*:?"
)
# compiled once: classify() and paragraphs() run on every line of every document
_DASH_END_RE = re.compile(r"\d-$")  # `số 12-` ...
_NUMBER_TAIL_RE = re.compile(r"[A-ZĐ][A-Za-zĐđ]{0,4}/")  # ... `KH/TU`, `CTr/TW` on the next line
_CODE_DASH_END_RE = re.compile(r"\d/[A-ZĐ]{1,5}-$")  # `180/2026/NĐ-` ...
_CODE_TAIL_RE = re.compile(r"[A-ZĐ]{1,5}\b")  # ... `CP` on the next line
# a rule drawn under a heading (`-----`), or what a scan leaves of one (`_—`, `—— ———`, a
# short rule read as two long dashes `——`)
_RULE_RE = re.compile(r"[-–—_=*]{3,}|[-–—_=*]{2,}(?:\s+[-–—_=*]{2,})+|_[-–—]|[-–—]_|[–—]{2}")
_PAGE_NUMBER_RE = re.compile(r"\d{1,3}")
# A signing title ("T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH") starts the signature part even
# when no "Nơi nhận:" list comes first.
_SIGN_TITLE_RE = re.compile(r"^(?:T/M|TM\.|KT\.|TL\.|TUQ\.|Q\.)\s*[A-ZĐỦỶ][A-ZĐÀ-Ỹ ]{3,}")
_SENTENCE_END = (".", ";", ":", "!", "?", "./.", "…")
# Words a wrapped line may end with: the sentence goes on below (data/lexicon.toml).
_CONNECTOR_END = frozenset(lexicon.words("outline.connector_end"))
# The first word of an agency's name, as printed: the name goes on below (data/lexicon.toml).
_NAME_START_END = frozenset(lexicon.words("outline.name_start_end"))


@dataclass
class Para:
    """A paragraph: its text (one line, cleaned), its marker kind and number."""

    text: str
    kind: str  # roman | decimal | paren | letter | bullet | plain | rule
    num: str = ""
    body: str = ""  # text after the marker
    start: int = -1  # index of its first line in the document's blocks

    @cached_property
    def folded(self) -> str:
        return fold(self.text)


@dataclass
class Section:
    """A heading and everything under it."""

    num: str
    title: str
    level: int
    kind: str  # root | roman | decimal | appendix | signature
    blocks: list[Para | Table] = field(default_factory=list)  # content before sub-sections
    children: list[Section] = field(default_factory=list)
    path: str = ""

    def walk(self):
        """This section and all below it, depth first."""
        yield self
        for c in self.children:
            yield from c.walk()

    @property
    def folded_title(self) -> str:
        return fold(self.title)

    def all_blocks(self) -> list[Para | Table]:
        """Content of this section and its sub-sections, in order (headings as Paras)."""
        out: list[Para | Table] = list(self.blocks)
        for c in self.children:
            out.append(
                Para(text=f"{c.num}. {c.title}".strip(". "), kind=c.kind, num=c.num, body=c.title)
            )
            out.extend(c.all_blocks())
        return out


def _is_upper_heading(text: str) -> bool:
    if text.isupper():
        return True
    if text.islower() or len(text) > 300 or not text[:1].isupper():
        return False
    letters = list(filter(str.isalpha, text))  # map/filter: no Python call per letter
    return bool(letters) and sum(map(str.isupper, letters)) / len(letters) > 0.7


_OCR_ROMAN_RE = re.compile(r"^(?P<num>[IVXl1|]{1,5})(?=\s*[.\-–)]\s*\S)")


def _ocr_roman(text: str) -> str:
    """OCR reads I as l, 1 or | in roman headings ("Il. NHIỆM VỤ", "1V."): put the I back."""
    m = _OCR_ROMAN_RE.match(text)
    if not m or m.group("num").isdigit() or not re.search(r"[IVX]", m.group("num")):
        return text
    fixed = re.sub(r"[l1|]", "I", m.group("num"))
    if not re.fullmatch(r"X{0,1}(?:IX|IV|V?I{0,3})", fixed):
        return text
    return fixed + text[m.end() :]


def _title_case_first(text: str) -> bool:
    """Does text open with a word in title case (`Sở`, `Đài`): a capital, then lower case?"""
    first = text.split(maxsplit=1)[0]
    return len(first) >= 2 and first[0].isupper() and first[1:].isalpha() and first[1:].islower()


def _article_heading(title: str) -> bool:
    """An article's title, not its text: a short line that ends no sentence."""
    title = title.strip()
    return len(title) <= 120 and not title.endswith((".", ";", ":", "./."))


def _part_number(num: str) -> str | None:
    """A part's number as a roman numeral: `II`, `2`, `thứ hai` all give `II`."""
    if num.isdigit():
        n = int(num)
        return _ROMANS[n - 1] if 1 <= n <= len(_ROMANS) else None
    if num.isupper() and not num.lower().startswith("thứ"):
        return num
    ordinal = fold(num).split()[-1]
    return lexicon.mapping("outline.part_ordinals").get(ordinal)


def is_rule(text: str) -> bool:
    """A line that is only a rule (`-----`, `———`) or what a scan leaves of one (`_—`)."""
    return _RULE_RE.fullmatch(text) is not None


def classify(text: str) -> Para:
    """A paragraph's marker kind and number."""
    return Para(*_classified(text))


# A line is classified when the next one is looked at (does it start a paragraph?) and again
# as a paragraph of its own: the parts are kept, each call makes its own `Para`.
@lru_cache(maxsize=8192)
def _classified(text: str) -> tuple[str, str, str, str]:
    """(text, kind, number, body) of `classify`."""
    para = _classify(text)
    return para.text, para.kind, para.num, para.body


def _classify(text: str) -> Para:
    if _RULE_RE.fullmatch(text):
        return Para(text, "rule")
    if text[:1] in "IVXl1|":
        text = _ocr_roman(text)
    m = _PART_RE.match(text) if text[:1] in "Pp" else None
    if m and (len(text) < 80 or _is_upper_heading(m.group("rest"))):  # a heading, no sentence
        num = _part_number(m.group("num"))
        if num:
            return Para(text, "roman", num, m.group("rest").strip())
    m = _ARTICLE_RE.match(text) if text[:1] in "ĐđD" else None
    if m and _article_heading(m.group("rest")):
        return Para(
            text, "roman", f"{text[: m.start('num')].strip()} {m.group('num')}", m.group("rest")
        )
    m = _ROMAN_RE.match(text) if not _SUBJECT_LINE_RE.match(text) else None
    if m and m.group("num"):
        num = m.group("num").replace("1V", "IV")
        rest = m.group("rest")
        if num == "1" and (not _is_upper_heading(rest) or _title_case_first(rest)):
            # "1 xyz" / "1. Mục đích" is decimal, unless an OCR'd all-caps "I."; a first word
            # in title case opens a name whose initials make it look upper case ("1. Sở
            # VHTTDL"), no all-caps heading
            m = None
        elif num == "1":
            num = "I"
        if m:
            return Para(text, "roman", num, rest.strip())
    m = _LETTER_HEADING_RE.match(text)
    if m and _is_upper_heading(m.group("rest")):
        return Para(text, "roman", m.group("num"), m.group("rest").strip())
    m = _DECIMAL_RE.match(text)
    if m and (not m.group("dash") or m.group("rest")[:1].isupper()):
        return Para(text, "decimal", m.group("num"), m.group("rest").strip())
    for regex, kind in ((_PAREN_RE, "paren"), (_LETTER_RE, "letter"), (_BULLET_RE, "bullet")):
        m = regex.match(text)
        if m:
            return Para(text, kind, m.groupdict().get("num") or "", m.group("rest").strip())
    return Para(text, "plain", "", text)


_MARKER_FIRST = set("ABCDEFGHIVXl|0123456789(-–—−‒+•*·▪●○◦PpNnĐ")


def _starts_new(line: str) -> bool:
    if line[0] not in _MARKER_FIRST and line[1:2] != ")":
        return False  # no list marker, appendix or signature heading can start here
    if line[0] in "PpNn":
        head = fold(line[:10])
        return (
            bool(APPENDIX_RE.match(head) or RECIPIENTS_RE.match(head))
            or _classified(line)[1] != "plain"
        )
    return _classified(line)[1] != "plain"


@lru_cache(maxsize=1)
def _numbered_label_re() -> re.Pattern[str]:
    return re.compile(
        r"^"
        + lexicon.alternation("outline.numbered_labels")
        + r"\s+(?:số\s+)?(?P<n>\d{1,3})\s*[:.]\s+"
    )


def numbered_label(text: str) -> tuple[str, str] | None:
    """A work block's numbered label and the title after it (`Nhiệm vụ 21: Phát triển …`
    gives ("21", "Phát triển …"); the labels in the lexicon), else None."""
    m = _numbered_label_re().match(text)
    return (m.group("n"), text[m.end() :]) if m else None


def _continues(prev: str, line: str, width: int | None = None) -> bool:
    """Does `line` continue the paragraph ending with `prev` (a wrapped line)? `width`: the
    width the text's lines were wrapped at, when it was (`_wrap_width`)."""
    if _starts_new(line) or _RULE_RE.fullmatch(prev) or _RULE_RE.fullmatch(line):
        return False  # a rule (`-----`) under a title ends it; the body begins below it
    if line[:1].isupper() and numbered_label(line):
        return False  # "… ấn phẩm số" / "Nhiệm vụ 21: …": a new block, though `số` may wrap
    if prev.endswith("-") and re.search(r"\d-$", prev):
        return True  # a document number wrapped: "80-" / "NQ/TW"
    first = line[0]
    if len(prev) > 3 and _is_upper_heading(prev) and not _is_upper_heading(line):
        return False  # an all-caps heading ("KẾ HOẠCH") never runs on into body text
    if width and len(prev) >= width * _FULL_LINE and first.islower() and prev.endswith(";"):
        # a line filled to the wrap width, then one in lower case: the paragraph runs on
        # after a `;` too (`… điểm sinh hoạt cộng đồng;` / `đầu tư sửa chữa …`)
        return True
    if prev.endswith(_SENTENCE_END):
        return False
    if first.islower() or first.isdigit() or first in ",;)”\"'’%":
        return True
    if len(prev) >= 60 and len(line.split()) <= 3 and line.endswith((".", ";", "!", "?", "…")):
        return True  # the last words of a long line, wrapped: "… tại khu vực" / "Lễ hội."
    last = prev.rsplit(" ", 1)[-1]
    if (
        last in _NAME_START_END
        and not _is_upper_heading(prev)
        and not _heading_then_verb(prev, line)
    ):
        return True  # "… phối hợp với Sở" / "Nông nghiệp và Môi trường …"
    if _province_wrapped(prev, line):
        return True  # "… Ngày hội đọc sách tỉnh Lạng" / "Sơn; thời gian …"
    if width and len(prev) >= width * _FULL_LINE and not _is_upper_heading(line):
        return True  # a line filled to the wrap width runs on: "… Quốc gia Việt" / "Nam; …"
    return prev.endswith((",", "-", "–", "(")) or last.lower() in _CONNECTOR_END


@lru_cache(maxsize=1)
def _province_words() -> tuple[tuple[str, ...], ...]:
    """The folded words of each province's name of two words or more."""
    names = {tuple(fold(p).split()) for p in lexicon.provinces()}
    return tuple(sorted(n for n in names if len(n) > 1))


@lru_cache(maxsize=1)
def _province_later_words() -> frozenset[str]:
    """The folded words a province's name goes on with after its first."""
    return frozenset(w for words in _province_words() for w in words[1:])


# How full a line is that reaches the wrap width (a justified line may be a few words short)
_FULL_LINE = 0.8
# Lines of a hard-wrapped text: at least so many, and so long at the most (a printed line;
# a text that keeps a paragraph a line has far longer ones)
_WRAPPED_LINES = 20
_WRAPPED_WIDTH = 120


@lru_cache(maxsize=16_384)
def _squeezed(line: str) -> str:
    """The line with its runs of white space one space, none at its ends: asked of each line
    three times (the wrap width, the running headers, the paragraphs), worked out once."""
    return " ".join(line.split())


def _wrap_width(blocks: list[Block]) -> int | None:
    """The width a text's lines were wrapped at (a PDF's text copied line by line: every
    line of a paragraph but its last reaches near the right margin), or None when it was not
    wrapped so: its long lines (40 characters or more) do not mostly end within a fifth of
    the longest (their ninth decile). Such a line that ends no sentence runs on into the
    next, whatever the next opens with (`… Thư viện Quốc gia Việt` / `Nam; 70% xã …`)."""
    lengths = sorted(n for b in blocks if isinstance(b, str) and (n := len(_squeezed(b))) >= 40)
    if len(lengths) < _WRAPPED_LINES:
        return None
    top = lengths[len(lengths) * 9 // 10]
    full = sum(n >= top * _FULL_LINE for n in lengths)
    if top > _WRAPPED_WIDTH or full * 10 < len(lengths) * 6:
        return None
    return top


def _province_wrapped(prev: str, line: str) -> bool:
    """Does a province's name run from the end of `prev` on to `line` (`tỉnh Lạng` / `Sơn;
    …`, `Bà Rịa -` / `Vũng Tàu`)? A ragged-right PDF wraps a name where it will."""
    head = re.findall(r"\w+", fold(line[:40]))[:3]
    if not head or head[0] not in _province_later_words():
        return False  # cheap: no province's name goes on with this word
    tail = fold(prev).replace(" - ", " ").split()[-3:]
    for words in _province_words():
        for k in range(1, len(words)):
            if tuple(tail[-k:]) == words[:k] and tuple(head[: len(words) - k]) == words[k:]:
                return True
    return False


@lru_cache(maxsize=1)
def _end_verb_re() -> re.Pattern[str]:
    return re.compile(r"^" + lexicon.alternation("agencies.end_verbs") + r"\b")


def _heading_then_verb(prev: str, line: str) -> bool:
    """A short numbered heading that ends with a name's first word (`3. Văn phòng Sở`, where
    `Sở` ends the name), then a line that opens with what the body is told to do (`Chủ trì,
    phối hợp với …`; the verbs that end an agency phrase, in the lexicon): the heading is a
    line of its own, not a name wrapped on to the next line."""
    if len(prev) > 60 or _classified(prev)[1] not in ("decimal", "roman"):
        return False
    return _end_verb_re().match(fold(line[:40])) is not None


def paragraphs(blocks: list[Block]) -> list[Para | Table]:
    """Join wrapped lines (already normalized with `clean`) into paragraphs and classify them;
    tables pass through."""
    out: list[Para | Table] = []
    buf: list[str] = []
    first = 0
    if any(isinstance(b, str) and _is_page_number(b) for b in blocks):
        # (without a page number there is no page furniture to drop: typed text has none)
        blocks = _without_page_numbers(_without_running_headers(blocks))
    width = _wrap_width(blocks)

    def flush() -> None:
        if buf:
            text = buf[0]
            for nxt in buf[1:]:
                # both patterns end at a dash (`$` also before a closing newline): the text
                # is looked at as a whole, for every line joined to it, only when one ends it
                dash = text.endswith(("-", "-\n"))
                if dash and (
                    (_DASH_END_RE.search(text) and _NUMBER_TAIL_RE.match(nxt))
                    or (_CODE_DASH_END_RE.search(text) and _CODE_TAIL_RE.match(nxt))
                ):
                    text += nxt
                else:
                    text += " " + nxt
            para = classify(text)
            para.start = first
            out.append(para)
            buf.clear()

    for i, b in enumerate(blocks):
        if isinstance(b, Table):
            flush()
            out.append(b)
            continue
        # bold markers (`**…**`) glued to a heading split it: "I- MỤC ĐÍCH**1. Mục đích**"
        for piece in b.split("**") if "**" in b else (b,):
            line = _squeezed(piece)  # blocks come normalized (plan.build_record)
            if not line:
                continue
            if buf and _continues(buf[-1], line, width):
                buf.append(line)
            else:
                flush()
                first = i
                buf.append(line)
    flush()
    return _unnumbered_parts(_decimal_top_level(out))


_ITEM_START_RE = re.compile(r"^(?:[-–—−‒+•*·▪●○◦~]|\d{1,2}\s*[.)\-])")


def ocr_markers(blocks: list[Block]) -> list[Block]:
    """OCR'd lines with their list markers put right (the shapes in the lexicon): a line
    opened by `~` is a `-` bullet; one opened by `4-` is a `+` sub-item when the nearest
    item above or below it (its wrapped lines aside) is one too (`… cộng đồng:` / `4- Ưu tiên
    …;` / `+ Gắn …`)."""
    dashes = tuple(lexicon.words("ocr.dash_shapes"))
    pluses = tuple(lexicon.words("ocr.plus_shapes"))
    out = list(blocks)
    texts = [b.strip() if isinstance(b, str) else "" for b in out]
    for i, text in enumerate(texts):
        if text.startswith(dashes):
            rest = text[1:].lstrip()
            if rest[:1].isalpha() and isinstance(out[i], str):
                out[i] = texts[i] = f"- {rest}"
    plus = [t.startswith(pluses) for t in texts]
    for i, text in enumerate(texts):
        if not plus[i]:
            continue
        near = [_item_near(texts, i, step) for step in (-1, 1)]
        if any(j is not None and (texts[j].startswith("+") or plus[j]) for j in near):
            rest = text.split("-", 1)[1].lstrip()
            if rest[:1].isalpha():
                out[i] = f"+ {rest}"
    return out


def _item_near(texts: list[str], i: int, step: int) -> int | None:
    """The nearest line above (step -1) or below (1) that opens an item, within a few lines."""
    j = i + step
    while 0 <= j < len(texts) and abs(j - i) <= 6:
        if _ITEM_START_RE.match(texts[j]):
            return j
        j += step
    return None


def _is_page_number(line: str) -> bool:
    """A line that is a bare page number, as `_PAGE_NUMBER_RE` reads one."""
    text = line.strip()
    return len(text) <= 3 and _PAGE_NUMBER_RE.fullmatch(text) is not None


def _without_running_headers(blocks: list[Block]) -> list[Block]:
    """Blocks without the page furniture a scan's text keeps at each page break: a running
    header (`Kế hoạch số 12/KH-UBND ngày … của UBND tỉnh …`), which is a line printed on
    several pages, and the bare page number next to it (before or after it, blank lines
    aside). Both are dropped wherever they fall, even between the two halves of a sentence,
    which then join again; a repeated line with no page number next to it is kept."""
    lines = [(i, _squeezed(b)) for i, b in enumerate(blocks) if isinstance(b, str)]
    lines = [(i, t) for i, t in lines if t]
    seen: dict[str, int] = {}
    for _, text in lines:
        if 15 <= len(text) <= 150:
            seen[text] = seen.get(text, 0) + 1
    if not any(n >= 2 for n in seen.values()):
        return blocks
    drop: set[int] = set()
    for k, (i, text) in enumerate(lines):
        if seen.get(text, 0) < 2 or _PAGE_NUMBER_RE.fullmatch(text):
            continue
        numbers = [
            lines[j][0]
            for j in (k - 1, k + 1)
            if 0 <= j < len(lines) and _PAGE_NUMBER_RE.fullmatch(lines[j][1])
        ]
        if numbers and not any(isinstance(b, Table) for b in blocks[numbers[0] : i]):
            drop.update([i, *numbers])
    return [b for i, b in enumerate(blocks) if i not in drop] if drop else blocks


def _without_page_numbers(blocks: list[Block]) -> list[Block]:
    """Blocks without the page numbers a PDF's text layer leaves between the two halves of a
    sentence (`… mô hình tăng` / `7` / `trưởng theo hướng …`): a line that is a bare number,
    after a line that does not end a sentence and before one that goes on in lower case; or
    before one that opens a paragraph of its own (a heading, in capitals or numbered: the
    new page's first line), which the number would otherwise join to the line before it
    (`Nguyễn Văn A` / `5` / `PHỤ LỤC`); and wherever it stands, a number that counts the
    pages (`_counted_pages`)."""
    lines = [(i, b.strip()) for i, b in enumerate(blocks) if isinstance(b, str) and b.strip()]
    drop: set[int] = set()
    paged = _counted_pages(blocks)
    for k in range(1, len(lines) - 1):
        i, text = lines[k]
        prev, nxt = lines[k - 1][1], lines[k + 1][1]
        if k in paged or (
            _PAGE_NUMBER_RE.fullmatch(text)
            and not prev.endswith(_SENTENCE_END)
            and (nxt[0].islower() or _is_upper_heading(nxt) or _starts_new(nxt))
            and not any(isinstance(b, Table) for b in blocks[lines[k - 1][0] : lines[k + 1][0]])
        ):
            drop.add(i)
    return [b for i, b in enumerate(blocks) if i not in drop] if drop else blocks


# Lines of text a page holds at the least: page numbers stand at least so far apart
_PAGE_LINES = 20


def _counted_pages(blocks: list[Block]) -> set[int]:
    """The indexes (among the blocks' lines of text) of the bare numbers that count the
    pages: each one more than the bare number before it, a page's lines or more above it
    (`2` … `3` … `4`; a table's rows count as lines). Such a number is the page's even where
    the line after it opens in capitals (`… phối hợp với Sở` / `3` / `Văn hóa, Thể thao
    …`); row numbers on lines of their own (a table flattened to a cell a line) stand closer
    together."""
    numbers: list[tuple[int, int, int]] = []  # (index among the lines, place, number)
    k = place = 0
    for b in blocks:
        if isinstance(b, Table):
            place += len(b.rows)
            continue
        text = b.strip()
        if not text:
            continue
        if _PAGE_NUMBER_RE.fullmatch(text):
            numbers.append((k, place, int(text)))
        k += 1
        place += 1
    paged: set[int] = set()
    for (k1, at1, n1), (k2, at2, n2) in pairwise(numbers):
        if n2 == n1 + 1 and at2 - at1 >= _PAGE_LINES:
            paged.update((k1, k2))
    return paged


def _decimal_top_level(items: list[Para | Table]) -> list[Para | Table]:
    """`1. MỤC TIÊU` was read as an OCR'd `I.`; when the other headings in capitals are `2.`,
    `3.` and no `II.` follows, the document numbers its parts in decimals: so is the first."""
    paras = [p for p in items if isinstance(p, Para)]
    ones = [p for p in paras if p.kind == "roman" and p.num == "I" and p.text[:1] == "1"]
    if not ones or any(p.kind == "roman" and p.num not in ("I", "") for p in paras):
        return items
    if not any(p.kind == "decimal" and p.num == "2" and _is_upper_heading(p.body) for p in paras):
        return items
    for p in ones:
        p.kind, p.num = "decimal", "1"
    return items


_ROMANS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def _unnumbered_parts(items: list[Para | Table]) -> list[Para | Table]:
    """A plan whose parts are headed in capitals without numbers (`MỤC ĐÍCH, YÊU CẦU`, `NỘI
    DUNG`, `TỔ CHỨC THỰC HIỆN`; the words in the lexicon): the headings numbered I, II, …
    so the plan reads like one that numbers them. Only when no part is numbered."""
    paras = [p for p in items if isinstance(p, Para)]
    if any(p.kind == "roman" or (p.kind == "decimal" and _is_upper_heading(p.body)) for p in paras):
        return items
    heads = [p for p in paras if p.kind == "plain" and part_heading(p.text)]
    if len(heads) < 2:
        return items
    for n, p in enumerate(heads[: len(_ROMANS)]):
        p.kind, p.num, p.body = "roman", _ROMANS[n], p.text
    return items


def part_heading(text: str) -> bool:
    """An unnumbered part heading: a part's name (`MỤC ĐÍCH, YÊU CẦU`, `Tổ chức thực hiện`)
    in capitals, or on a short line in running case that ends no sentence (a Word heading)."""
    if not _part_re().match(fold(text[:40])):
        return False
    if len(text) < 80 and text.isupper():
        return True
    return len(text) < 50 and not text.endswith((".", ";", ",", ":"))


@lru_cache(maxsize=1)
def _part_re() -> re.Pattern[str]:
    return re.compile(lexicon.alternation("sections.part_headings", fold_words=True) + r"\b")


def _level(p: Para) -> int | None:
    if p.kind == "roman":
        return 1
    if p.kind == "decimal":
        return 1 + p.num.count(".") + 1
    return None


KIND_WORDS: list[tuple[str, str]] = list(lexicon.mapping("documents.kinds").items())


def kind_of(text: str) -> str | None:
    """The document kind named by a heading such as `KẾ HOẠCH`."""
    f = fold(text)
    for words, kind in KIND_WORDS:
        if f.startswith(words):
            return kind
    return None


def kind_heading(line: str) -> str | None:
    """The kind a heading line names (`KẾ HOẠCH`, `QUYẾT ĐỊNH`): a kind's words in capitals on a
    short line; `QUYẾT ĐỊNH:`, which opens a decision's articles, is no kind heading."""
    k = kind_of(line)
    ok = k and len(line) < 60 and line.isupper() and not line.rstrip().endswith(":")
    return k if ok else None


def _attached_heading(text: str) -> bool:
    """A document kind's name in capitals on a line of its own (`KẾ HOẠCH`, `CHƯƠNG TRÌNH`),
    or of a document a decision issues with no kind of its own (`QUY CHẾ`)."""
    if len(text) > 40 or not text.isupper():
        return False
    return kind_of(text) is not None or fold(text).startswith(_attached_kinds())


@lru_cache(maxsize=1)
def _attached_kinds() -> tuple[str, ...]:
    return tuple(lexicon.folded("documents.attached_kinds"))


_LETTERS = frozenset("ABCDEFGH")


def _letter_part(p: Para) -> bool:
    """A part headed by a capital letter (`B. NHIỆM VỤ, GIẢI PHÁP`): a roman kind, numbered A-H."""
    return p.kind == "roman" and p.num in _LETTERS


def _letters_over_romans(items: list[Para | Table]) -> bool:
    """Whether the plan's parts are lettered and hold parts numbered in Roman numerals (`A.
    MỤC TIÊU` / `I. MỤC ĐÍCH` / `II. MỤC TIÊU` / `B. NHIỆM VỤ` / `I. …`): the Roman parts
    stand a level below the lettered ones. The first part must be lettered: lettered headings
    inside Roman parts (`II. NHIỆM VỤ` / `A. NHIỆM VỤ CHUNG`) are no parts above them."""
    parts = [p for p in items if isinstance(p, Para) and p.kind == "roman"]
    if not parts or not _letter_part(parts[0]):
        return False
    return any(re.fullmatch(r"[IVX]+", p.num) for p in parts)


def build_outline(items: list[Para | Table]) -> Section:
    """Group paragraphs into sections by their headings."""
    root = Section("", "", 0, "root")
    stack = [root]
    nested = _letters_over_romans(items)  # `B.` holds `I.`, `II.`: those a level lower
    for it in items:
        if isinstance(it, Para):
            f = it.folded if it.text[:1] in "PpNn" else ""
            if APPENDIX_RE.match(f) and len(it.text) < 120:
                sec = Section(it.text, it.text, 0, "appendix", path=it.text)
                root.children.append(sec)
                stack = [root, sec]
                continue
            if RECIPIENTS_RE.match(f) or (
                stack[-1].kind != "signature" and _SIGN_TITLE_RE.match(it.text)
            ):
                sec = Section("", it.text, 0, "signature", path="signature")
                root.children.append(sec)
                stack = [root, sec]
                rest = it.text.split(":", 1)[1].strip() if ":" in it.text else ""
                if rest:
                    sec.blocks.append(classify(rest))
                continue
            if stack[-1].kind == "signature" and _attached_heading(it.text):
                # "KẾ HOẠCH" after a decision's signature: the plan it issues, whose parts
                # (I., II., …) are the body from here on
                stack = [root]
            lvl = _level(it)
            if lvl is not None and nested and not _letter_part(it):
                lvl += 1
            if lvl is not None and stack[-1].kind != "signature":
                base = stack[1].level if stack[1:] and stack[1].kind == "appendix" else 0
                lvl += base
                while len(stack) > 1 and stack[-1].level >= lvl:
                    stack.pop()
                parent = stack[-1]
                sec = Section(it.num, it.body, lvl, it.kind)
                roman = next((s for s in reversed(stack) if s.kind in ("roman", "appendix")), None)
                sec.path = (
                    f"{roman.path}.{it.num}"
                    if roman and it.kind == "decimal"
                    # `2.1` under `2.` with no part above: its number is its whole path
                    else it.num
                    if it.kind == "decimal" or parent.kind == "root"
                    else f"{parent.path}.{it.num}".strip(".")
                )
                parent.children.append(sec)
                stack.append(sec)
                continue
        else:
            stack, placed = _table_stack(root, stack, it)
            if placed:
                continue
        stack[-1].blocks.append(it)
    return root


def _table_stack(root: Section, stack: list[Section], table: Table) -> tuple[list[Section], bool]:
    """The outline's stack once `table` is met, and whether the table is placed already."""
    if stack[-1].kind != "signature" and _recipients_table(table):
        # the recipients and the signer typed side by side in a table (`| Nơi nhận: - … |
        # GIÁM ĐỐC … |`) end the body as the `Nơi nhận:` line does: what follows (an
        # outline for the units' reports) is an annex of the signed document
        sec = Section("", "", 0, "signature", path="signature")
        root.children.append(sec)
        sec.blocks.append(table)
        # its rows may run on into the header of the document a decision issues
        return ([root] if _motto_rows(table.rows[1:]) else [root, sec]), True
    if stack[-1].kind == "signature" and _motto_rows(table.rows[:1]):
        # a header (issuer | national motto) after a decision's signature opens the
        # document it issues (`QUY CHẾ …`, `KẾ HOẠCH …`): its parts are the body
        return [root], False
    return stack, False


def _motto_rows(rows: list[list[str]]) -> bool:
    """Rows of a header table: a cell holds the national motto (lexicon `documents.mottos`)."""
    mottos = lexicon.folded("documents.mottos")
    return any(m in fold(c) for row in rows for c in row for m in mottos)


def _recipients_table(table: Table) -> bool:
    """A table whose first cell opens with the recipients' label (`Nơi nhận:`)."""
    first = next((c for row in table.rows[:1] for c in row if c.strip()), "")
    return RECIPIENTS_RE.match(fold(first[:40])) is not None
