"""One page image read by Tesseract: its text lines and its tables, cell by cell.

Read whole, a ruled task table comes out with the cells of a row interleaved
line by line. So the tables are found first (`scan_tables`), their ruling lines
are painted out and each cell is recognised on its own; the rest of the page
(tables blanked) is read as running text, one line per printed line. Every
line and cell keeps Tesseract's confidence and its box on the page, so what
was read can be shown next to the picture it was read from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

import cv2
import numpy as np

from kehoach.intake.pdf_columns import wrap_hyphen
from kehoach.intake.scan_image import ink, prepare
from kehoach.intake.scan_numerals import has_quarter_numeral, quarter_numeral, roman_mark
from kehoach.intake.scan_tables import Layout, find_tables
from kehoach.text.normalize import fold, nfc

Box = tuple[int, int, int, int]  # x0, y0, x1, y1 in pixels of the levelled page
Word = tuple[str, float, Box]  # a word as Tesseract read it: text, confidence (0-1), box

_PAGE_NUMBER = re.compile(r"^[\s\-–—.]*(?:trang\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?[\s\-–—.]*$", re.I)
_WORD = re.compile(r"[^\W\d_]+")
_MARGIN = 0.12  # page numbers sit in the top or bottom 12% of the page
_MIN_INK = 12  # ink pixels (after removing specks) below which a cell is empty
_PAD = 8  # white pixels kept around a cell's ink: Tesseract reads badly at a crop's edge
_NUMBERING = "0123456789IVX.,)"  # row numbers, group numerals and figures (`57,1`)
_DECIMAL = re.compile(r"^\d+(?:[.,]\d+)+$")  # a figure (`3,5`, `1.250`)
_PLAIN = re.compile(r"^(?:[^\W\d_]+|\d+(?:[.,]\d+)*)$")  # a word, or a number
_BARS = re.compile(r"^[|lI]{1,3}$")
# A lone mark is read best at some size Tesseract was trained on, which differs from mark
# to mark (`3` at twice its size, bold `TT` at two and a half times): it is read at these
# scales too
_MARK_SCALES = (1.5, 2.0, 2.5)
_WORD_SCALES = (1.0, 2.0)  # ... and as a word (`9`, which as a line reads `Q`)
_ROW_NUMBER = re.compile(r"^(?:\d{1,3}|[IVX]{1,5})[.)]?$")
# Small words whose capital differs from the lower-case letter only in size (v/V, c/C,
# x/X, s/S, o/O): Tesseract often capitalises them mid-sentence (`ngành Và các cơ quan`),
# which hides where one agency ends and the next begins.
_SIZE_ONLY = re.compile(
    r"(?<=[a-zà-ỹđ] )(Và|Với|Về|Vào|Vì|Vẫn|Vị|Vụ|Vực|Các|Có|Của|Cho|Cơ|Cấp|Cũng|Cần|Xã|Xây|Xử|Xong|Sự|Sẽ|Sau|Ở)\b"
)
# a dash bullet read as a tilde (`~ Sở …`), or a speck before one read so (`~- Sở …`)
_TILDE_BULLET = re.compile(r"^[~¬](?:\s*(?=[-–] )| )")
_QUOTES = re.compile(r"[\"'`‘’“”]+")
_STRAY_QUOTE = re.compile(r"^[\"'`‘’“”]+(?=[^\W\d_])")


@dataclass
class Line:
    """A recognised line (or table cell): its text, confidence 0–1 and box."""

    text: str
    confidence: float
    box: Box
    second: int | None = None  # where its second word starts (a list item's text)


@dataclass
class Grid:
    """A recognised table: rows of cell texts (merged cells repeated, `spans` marking the
    copies) and each real cell once with its confidence and box."""

    rows: list[list[str]]
    spans: list[list[bool]]
    cells: list[Line]
    box: Box


@dataclass
class PageText:
    """What one page gave: lines and tables in reading order, and how sure OCR was."""

    number: int
    width: int
    height: int
    dpi: int
    angle: float = 0.0
    items: list[Line | Grid] = field(default_factory=list)
    confidence: float | None = None  # None: no text on the page
    note: str | None = None  # why the page gave nothing, or why its text was left out
    cpu: float = 0.0  # CPU seconds spent on the page (for the benchmark)


def read_page(image: np.ndarray, number: int, dpi: int, api) -> PageText:
    """Recognise one page image (RGB or grey) with the Tesseract engine `api`."""
    grey, angle = prepare(image)
    h, w = grey.shape
    page = PageText(number=number, width=w, height=h, dpi=dpi, angle=round(angle, 2))
    layouts, lines_mask = find_tables(grey)
    clean = grey.copy()
    clean[lines_mask > 0] = 255  # ruling lines painted out: cells and text read without them
    solid = _specks_removed(clean)
    grids = [_read_table(api, clean, solid, layout, dpi) for layout in layouts]
    text_page = clean.copy()
    for layout in layouts:
        x0, y0, x1, y1 = layout.box
        text_page[max(0, y0 - 4) : y1 + 5, max(0, x0 - 4) : x1 + 5] = 255
    lines = _read_lines(api, text_page, dpi)
    items: list[tuple[int, Line | Grid]] = [(ln.box[1], ln) for ln in lines]
    items += [(g.box[1], g) for g in grids]
    items.sort(key=lambda it: it[0])
    page.items = _drop_page_number([it for _, it in items], h)
    page.confidence = _confidence(page.items)
    page.note = _note(page)
    if page.note and page.confidence is not None:
        page.items = []  # a page in another language, or unreadable: its text is left out
    return page


def _specks_removed(grey: np.ndarray) -> np.ndarray:
    """Ink without the one- and two-pixel specks of scanner noise (to tell empty cells)."""
    return cv2.morphologyEx(ink(grey), cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))


def _set_image(api, grey: np.ndarray, dpi: int) -> None:
    # the pixels as they are (a PIL image is written out as a BMP for Leptonica to read)
    h, w = grey.shape
    api.SetImageBytes(np.ascontiguousarray(grey).tobytes(), w, h, 1, w)
    api.SetSourceResolution(dpi)


def _read_lines(api, grey: np.ndarray, dpi: int) -> list[Line]:
    """The page's text lines, top to bottom. Where a printed line holds two columns (the
    heading's two blocks, `Nơi nhận:` beside the signature) the pieces are joined left to
    right with two spaces, as the PDF reader does."""
    import tesserocr

    gap = dpi / 3  # a third of an inch: wider than any space between words
    lines = _words(api, grey, dpi, tesserocr.PSM.AUTO)
    lines = _columns_reread(api, grey, dpi, lines, gap)
    found = [_line(_quarters_read(_specks_dropped(words, gap), grey), gap) for words in lines]
    return _same_height_joined([ln for ln in found if not _junk(ln)])


def _words(
    api, grey: np.ndarray, dpi: int, mode: int, at: tuple[int, int] = (0, 0)
) -> list[list[Word]]:
    """The words of an image, line by line as Tesseract finds the lines; boxes moved by
    `at` (where the image lies on the page)."""
    import tesserocr

    _set_image(api, grey, dpi)
    api.SetPageSegMode(mode)
    api.Recognize()
    iterator = api.GetIterator()
    if iterator is None:  # nothing on the page
        return []
    lines: list[list[Word]] = []
    word = tesserocr.RIL.WORD
    dx, dy = at
    for piece in tesserocr.iterate_level(iterator, word):
        try:
            text = piece.GetUTF8Text(word) or ""
        except RuntimeError:  # tesserocr's "No text returned"
            continue
        box = piece.BoundingBox(word)
        if not text.strip() or box is None:
            continue
        if not lines or piece.IsAtBeginningOf(tesserocr.RIL.TEXTLINE):
            lines.append([])
        x0, y0, x1, y1 = box
        lines[-1].append(
            (text.strip(), piece.Confidence(word) / 100.0, (x0 + dx, y0 + dy, x1 + dx, y1 + dy))
        )
    return lines


_SURE = 0.85  # lines read at least this surely are not read again
_SURE_SIDE = 0.8  # ... and each of their columns (below it a person checks a field)


def _columns_reread(
    api, grey: np.ndarray, dpi: int, lines: list[list[Word]], gap: float
) -> list[list[Word]]:
    """Two columns side by side in different type (`Nơi nhận:` and its list in small type
    beside the signer's title and name in large type): Tesseract finds lines across both at
    one pitch and reads the small column as nonsense. Where such lines are doubtful, each
    column of the band they make (with the lines above and below it that keep to one
    column) is read again on its own, as a block."""
    import tesserocr

    splits = [_column_split(words, gap) for words in lines]
    h = grey.shape[0]
    out: list[list[Word]] = []
    i = 0
    while i < len(lines):
        if splits[i] is None:
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and splits[j + 1] is not None:
            j += 1
        left = max(splits[k][0] for k in range(i, j + 1))  # type: ignore[index]
        right = min(splits[k][1] for k in range(i, j + 1))  # type: ignore[index]
        band = lines[i : j + 1]
        if left >= right or all(_sure(ws, splits[k]) for k, ws in enumerate(band, i)):
            out.extend(band)
            i = j + 1
            continue
        split = (left + right) // 2
        while out and _one_side(out[-1], split):  # the list's heading above, say
            band.insert(0, out.pop())
        while j + 1 < len(lines) and splits[j + 1] is None and _one_side(lines[j + 1], split):
            j += 1
            band.append(lines[j])
        y0 = max(0, min(b[1] for ws in band for _, _, b in ws) - 3)
        y1 = min(h, max(b[3] for ws in band for _, _, b in ws) + 3)
        block = tesserocr.PSM.SINGLE_BLOCK
        out.extend(_words(api, grey[y0:y1, :split], dpi, block, (0, y0)))
        out.extend(_words(api, grey[y0:y1, split:], dpi, block, (split, y0)))
        i = j + 1
    return sorted(out, key=lambda ws: min(b[1] for _, _, b in ws))


def _column_split(words: list[Word], gap: float) -> tuple[int, int] | None:
    """Where a line's widest gap between words, if wider than `gap`, lies: (the left
    column's end, the right column's start)."""
    widest = max(pairwise(words), key=lambda p: p[1][2][0] - p[0][2][2], default=None)
    if widest is None or widest[1][2][0] - widest[0][2][2] <= gap:
        return None
    return widest[0][2][2], widest[1][2][0]


def _sure(words: list[Word], split: tuple[int, int] | None) -> bool:
    """Whether a line of two columns was read surely enough to keep: the line as a whole,
    and each column's piece of it not nonsense (the nonsense made of a signer's name is no
    surer for the recipients' line beside it); marks alone beside a column (specks, dropped
    later) are no column."""
    if _mean_confidence(words) < _SURE:
        return False
    if split is None:
        return True
    left = [w for w in words if w[2][2] <= split[0]]
    right = [w for w in words if w[2][0] >= split[1]]
    sides = [side for side in (left, right) if any(ch.isalnum() for w in side for ch in w[0])]
    return all(_mean_confidence(side) >= _SURE_SIDE for side in sides)


def _one_side(words: list[Word], split: int) -> bool:
    return all(b[2] <= split for _, _, b in words) or all(b[0] >= split for _, _, b in words)


def _mean_confidence(words: list[Word]) -> float:
    size = sum(len(t) for t, _, _ in words) or 1
    return sum(c * len(t) for t, c, _ in words) / size


def _specks_dropped(words: list[Word], gap: float) -> list[Word]:
    """A line's words without the marks inside it that are no word at all: a doubtful one (a
    speck read as `—` in `ngày — tháng`), or one standing alone between the line's two
    columns (a speck read as a backquote between the recipients and the signer's name); the
    line's first word (a bullet) is kept, unless it is quotes alone (a quote that opens a
    word is read as part of it)."""
    out = []
    for i, (word, conf, box) in enumerate(words):
        if (i == 0 and not _QUOTES.fullmatch(word)) or any(ch.isalnum() for ch in word):
            out.append((word, conf, box))
            continue
        if i == 0:
            continue
        after = words[i + 1][2][0] - box[2] if i + 1 < len(words) else gap + 1
        if conf >= 0.6 and (box[0] - words[i - 1][2][2] <= gap or after <= gap):
            out.append((word, conf, box))
    return out


def _line(words: list[Word], gap: float) -> Line:
    text = words[0][0]
    for (_, _, before), (word, _, box) in pairwise(words):
        text += ("  " if box[0] - before[2] > gap else " ") + word
    size = sum(len(w) for w, _, _ in words) or 1
    confidence = sum(c * len(w) for w, c, _ in words) / size
    box = (
        min(b[0] for _, _, b in words),
        min(b[1] for _, _, b in words),
        max(b[2] for _, _, b in words),
        max(b[3] for _, _, b in words),
    )
    second = words[1][2][0] if len(words) > 1 else None
    return Line(_one_line(text), confidence, box, second)


def _one_line(text: str) -> str:
    # one space between words, two between the columns of a line (see `_line`)
    return _opening_marks(_recased(nfc(re.sub(r"\s{2,}", "  ", " ".join(text.split(" ")).strip()))))


def _opening_marks(text: str) -> str:
    """A line or cell with the specks OCR read at its start put right: a dash bullet read
    as a tilde is a dash; a quote before the first letter that nothing closes goes."""
    m = _TILDE_BULLET.match(text)
    if m is not None:
        rest = text[m.end() :]
        text = rest if rest[:1] in "-–" else "- " + rest
    if text.count('"') == 1 or not any(q in text[1:] for q in "\"'`‘’“”"):
        text = _STRAY_QUOTE.sub("", text)
    return text


def _recased(text: str) -> str:
    return _SIZE_ONLY.sub(lambda m: m.group(1).lower(), text)


# Capitals that differ from their small letter only in size (with any marks): Tesseract,
# which expects a capital at a line's start, gives one there mid-sentence (`thường` /
# `Xuyên`).
_SIZE_ONLY_CAPITALS = frozenset("CSVWXZOÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢ")


def recased_wrap(before: str, line: str) -> str:
    """`line`, which goes on with the sentence of `before`, with its first word in small
    letters when OCR could only have capitalised it by mistake: `before` ends mid-sentence
    on words in small letters (not on a name, `Thủ tướng`); the word's capital differs from
    its small letter only in size; and the word opens no name (a body's, `Sở`, `Công an`, `Văn phòng`; a document
    kind's, `Chương trình`; a place's or a person's, `Sơn La`: capitalised words)."""
    first, _, rest = line.partition(" ")
    if first[:1] not in _SIZE_ONLY_CAPITALS or not (first[1:].islower() or len(first) == 1):
        return line
    tail = before.split()[-2:]  # a name in progress (`Thủ tướng` / `Chính phủ`) goes on
    if not (tail and tail[-1][-1:].isalpha() and all(w.islower() for w in tail)):
        return line
    if rest[:1].isupper():
        return line
    words = " ".join(_WORD.findall(fold(line)))
    if any(words == w or words.startswith(w + " ") for w in _name_starts()):
        return line
    return first.lower() + line[len(first) :]


@cache
def _name_starts() -> tuple[str, ...]:
    """The first words of names printed with a capital mid-sentence, folded: the lexicon's
    agency heads (not `Các`, which opens a group as `các` does) and document kinds."""
    from kehoach.text import lexicon

    heads = lexicon.words("agencies.heads")
    named = {fold(w) for w in heads if w[:1].isupper() and w.lower() not in heads}
    return tuple(sorted(named | set(lexicon.mapping("documents.kinds"))))


def _junk(line: Line) -> bool:
    """Specks, stamp rims and signature strokes read as a letter or two."""
    letters = sum(ch.isalnum() for ch in line.text)
    return letters == 0 or (letters <= 2 and line.confidence < 0.6)


def _same_height_joined(lines: list[Line]) -> list[Line]:
    lines = sorted(lines, key=lambda ln: ln.box[1])
    rows: list[list[Line]] = []
    for ln in lines:
        for row in rows[-3:]:
            top = max(r.box[1] for r in row)
            bottom = min(r.box[3] for r in row)
            overlap = min(bottom, ln.box[3]) - max(top, ln.box[1])
            apart = all(ln.box[0] >= r.box[2] or ln.box[2] <= r.box[0] for r in row)
            if apart and overlap >= 0.5 * min(ln.box[3] - ln.box[1], bottom - top):
                row.append(ln)
                break
        else:
            rows.append([ln])
    out = []
    for row in rows:
        row.sort(key=lambda r: r.box[0])
        text = "  ".join(r.text for r in row)
        size = sum(len(r.text) for r in row) or 1
        conf = sum(r.confidence * len(r.text) for r in row) / size
        box = (
            min(r.box[0] for r in row),
            min(r.box[1] for r in row),
            max(r.box[2] for r in row),
            max(r.box[3] for r in row),
        )
        out.append(Line(text, conf, box, row[0].second if len(row) == 1 else None))
    return out


def _read_table(api, grey: np.ndarray, solid: np.ndarray, layout: Layout, dpi: int) -> Grid:
    """Each cell recognised on its own; a merged cell's text repeated where it spans."""
    nrows, ncols = len(layout.ys) - 1, len(layout.xs) - 1
    rows = [[""] * ncols for _ in range(nrows)]
    spans = [[False] * ncols for _ in range(nrows)]
    cells: list[Line] = []
    for cell in layout.cells:
        box = layout.cell_box(cell)
        text, conf, ink_box = _read_cell(api, grey, solid, box, dpi)
        if text:
            cells.append(Line(text, conf, ink_box))
        r0, c0, r1, c1 = cell
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                rows[r][c] = text
                spans[r][c] = (r, c) != (r0, c0)
    return Grid(rows=rows, spans=spans, cells=cells, box=layout.box)


def _read_cell(
    api, grey: np.ndarray, solid: np.ndarray, box: Box, dpi: int
) -> tuple[str, float, Box]:
    import tesserocr

    x0, y0, x1, y1 = box
    inner = solid[y0 + 3 : y1 - 2, x0 + 3 : x1 - 2]
    ys, xs = np.nonzero(inner) if inner.size else (np.array([]), np.array([]))
    if len(xs) < _MIN_INK:
        return "", 1.0, box
    h, w = solid.shape
    ink_box = (
        max(0, x0 + 3 + int(xs.min()) - _PAD),
        max(0, y0 + 3 + int(ys.min()) - _PAD),
        min(w, x0 + 3 + int(xs.max()) + _PAD),
        min(h, y0 + 3 + int(ys.max()) + _PAD),
    )
    wide, tall = ink_box[2] - ink_box[0], ink_box[3] - ink_box[1]
    mode = _mode(wide, tall, dpi, tesserocr)
    # each cell as a picture of its own, in a white frame: read better than a rectangle
    # of the whole page (short marks especially)
    crop = grey[ink_box[1] : ink_box[3], ink_box[0] : ink_box[2]]
    text, conf = _recognise(api, crop, dpi, mode)
    short = mode == tesserocr.PSM.SINGLE_LINE and wide < 2.5 * tall  # a mark, not a sentence
    if short:
        text, conf = _short_mark(api, crop, dpi, text, conf)
        text = roman_mark(text, crop)
    elif has_quarter_numeral(text):
        text = _quarters_counted(api, crop, dpi, mode, text)
    return _recased(_opening_marks(text)), conf, ink_box


def _quarters_counted(api, crop: np.ndarray, dpi: int, mode: int, text: str) -> str:
    """A cell's text with each quarter's numeral (`IH/2026`) as its picture counts it
    (`scan_numerals`): the cell read again word by word, for the words' boxes."""
    framed = cv2.copyMakeBorder(crop, 10, 10, 10, 10, cv2.BORDER_CONSTANT, value=255)
    for words in _words(api, framed, dpi, mode):
        for (read, _, _), (counted, _, _) in zip(words, _quarters_read(words, framed), strict=True):
            if counted != read:
                text = text.replace(read, counted, 1)
    return text


def _quarters_read(words: list[Word], grey: np.ndarray) -> list[Word]:
    """A line's words with each quarter's numeral (`IH/2026`) as its picture counts it
    (`scan_numerals`)."""
    out = []
    for i, (word, conf, box) in enumerate(words):
        if has_quarter_numeral(word):
            x0, y0, x1, y1 = box
            picture = grey[max(0, y0 - 1) : y1 + 1, max(0, x0 - 1) : x1 + 1]
            word = quarter_numeral(word, picture, words[i - 1][0] if i else "")
        out.append((word, conf, box))
    return out


def _recognise(api, crop: np.ndarray, dpi: int, mode: int, scale: float = 1.0):
    """(text, confidence) of a crop, read as a picture of its own in a white frame (better
    than a rectangle of the whole page, for short marks especially)."""
    if scale != 1.0:
        crop = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    framed = cv2.copyMakeBorder(crop, 10, 10, 10, 10, cv2.BORDER_CONSTANT, value=255)
    _set_image(api, framed, int(dpi * scale))  # a new image each time, or Tesseract
    api.SetPageSegMode(mode)  # returns its last reading again
    text = _cell_text(api.GetUTF8Text() or "")
    return text, (api.MeanTextConf() / 100.0 if text else 1.0)


def _short_mark(api, crop: np.ndarray, dpi: int, text: str, conf: float) -> tuple[str, float]:
    """A short mark, most often a row number (`13` read as `lộ)`, `I` as `|`, `9` as `Q`,
    `TT` as `I`, however sure Tesseract was of them): read again larger, then as digits or a
    Roman numeral; the surest plain reading wins."""
    import tesserocr

    line = tesserocr.PSM.SINGLE_LINE
    word = tesserocr.PSM.SINGLE_WORD
    readings = [(text, conf), *(_recognise(api, crop, dpi, line, s) for s in _MARK_SCALES)]
    readings += [_recognise(api, crop, dpi, word, s) for s in _WORD_SCALES]
    api.SetVariable("tessedit_char_whitelist", _NUMBERING)
    numbered = _recognise(api, crop, dpi, line)
    api.SetVariable("tessedit_char_whitelist", "")
    if _ROW_NUMBER.match(numbered[0]) or _DECIMAL.match(numbered[0]):
        readings.append((numbered[0], max(numbered[1], 0.5)))  # whitelisted reads score 0
    # a Roman numeral in a sans font is plain bars (`|`, `lI`)
    readings = [("I" * len(t) if _BARS.match(t) else t, c) for t, c in readings if t]
    plain = [r for r in readings if _PLAIN.match(r[0]) or _ROW_NUMBER.match(r[0])]
    return max(plain or readings or [(text, conf)], key=lambda r: r[1])


def _mode(wide: int, tall: int, dpi: int, tesserocr) -> int:
    """How Tesseract should take a cell: one line (a row number, a date) as a line, else as a
    block of lines (single-word mode reads short marks worse)."""
    line = tall < 0.3 * dpi  # under two lines of body text
    return tesserocr.PSM.SINGLE_LINE if line else tesserocr.PSM.SINGLE_BLOCK


def _cell_text(text: str) -> str:
    """A cell's lines as one line: wrapped lines joined, a hyphen at a wrap kept unspaced."""
    out = ""
    for line in (ln.strip() for ln in text.split("\n")):
        if not line:
            continue
        if out and not (wrap_hyphen(out) and line[:1].isalnum()):
            out += " "
        out += line
    return nfc(" ".join(out.split()))


def _drop_page_number(items: list[Line | Grid], height: int) -> list[Line | Grid]:
    for index in (0, -1):
        item = items[index] if items else None
        if isinstance(item, Line) and _PAGE_NUMBER.match(item.text):
            near_edge = item.box[1] < height * _MARGIN or item.box[3] > height * (1 - _MARGIN)
            if near_edge:
                items.pop(index)
    return items


def spots(items: list[Line | Grid]) -> list[Line]:
    """Every line and table cell of a page, in reading order."""
    out: list[Line] = []
    for item in items:
        out.extend(item.cells if isinstance(item, Grid) else [item])
    return out


def _confidence(items: list[Line | Grid]) -> float | None:
    pieces = spots(items)
    size = sum(len(p.text) for p in pieces)
    if not size:
        return None
    return round(sum(p.confidence * len(p.text) for p in pieces) / size, 3)


def _note(page: PageText) -> str | None:
    """Why this page's text cannot be used, or None when it reads as Vietnamese."""
    from kehoach.text.syllables import is_valid_syllable

    if page.confidence is None:
        return "no text was found"
    words = [w for p in spots(page.items) for w in _WORD.findall(p.text)]
    if len(words) >= 12:
        share = sum(is_valid_syllable(w) for w in words) / len(words)
        if share < 0.5:
            return "the text is not Vietnamese"
    if page.confidence < 0.4:
        return "the text could not be read (too faint or blurred)"
    return None
