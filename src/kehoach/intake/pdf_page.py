"""One PDF page through pdfium: its characters grouped into words, its ruling lines, and its
pictures, in page coordinates measured from the top-left corner as the page is shown.

pdfium is called through its C API (`pdf_pdfium`) for each word's first and last character:
the calls are cheap, and what is built from them (words, lines, table cells) is ours to
shape."""

from __future__ import annotations

import ctypes
import re
import struct
from dataclasses import dataclass
from unicodedata import combining

from kehoach.intake import pdf_pdfium as pdfium

X_TOLERANCE = 3.0  # a gap wider than this between two characters starts a new word
_THIN = 3.0  # a filled rectangle thinner than this is drawn as a line
_MIN_RULE = 3.0  # shorter strokes are marks, not ruling lines
_WHITE = 250  # colour channels at or above this count as white (paper)


@dataclass(slots=True)
class Word:
    """A word on the page: its text and its box (x0, x1 from the left, top, bottom from
    the top)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass
class PageContent:
    """What a page holds for intake."""

    number: int  # 1-based
    width: float
    height: float
    words: list[Word]
    rulings: list[tuple[float, float, float, float]]  # (x0, top, x1, bottom), axis-aligned
    chars: int  # characters of the text layer (spaces and line breaks not counted)
    picture_cover: float  # the largest picture's share of the page area, 0..1
    pictures: int = 0


class _Frame:
    """Turns pdfium's page space (origin bottom-left, before /Rotate) into the shown page's
    space (origin top-left)."""

    def __init__(self, page) -> None:
        rect = pdfium.FS_RECTF()
        if pdfium.FPDF_GetPageBoundingBox(page, rect):
            left, bottom, right, top = rect.left, rect.bottom, rect.right, rect.top
        else:  # pragma: no cover - pdfium always has a media box
            left, bottom = 0.0, 0.0
            right, top = pdfium.FPDF_GetPageWidthF(page), pdfium.FPDF_GetPageHeightF(page)
        self.left, self.bottom, self.right, self.top = left, bottom, right, top
        self.rotation = pdfium.FPDFPage_GetRotation(page) % 4
        w, h = right - left, top - bottom
        self.width, self.height = (h, w) if self.rotation % 2 else (w, h)

    def point(self, x: float, y: float) -> tuple[float, float]:
        r = self.rotation
        if r == 0:
            return x - self.left, self.top - y
        if r == 1:  # 90° clockwise: the page's left edge is shown on top
            return y - self.bottom, x - self.left
        if r == 2:
            return self.right - x, y - self.bottom
        return self.top - y, self.right - x

    def box(self, left: float, bottom: float, right: float, top: float):
        """(x0, x1, top, bottom) of a rectangle given in pdfium's space."""
        ax, ay = self.point(left, bottom)
        bx, by = self.point(right, top)
        return min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)


def read_page(pdf, index: int) -> PageContent:
    """Words, ruling lines and picture coverage of page `index` (0-based) of a raw document."""
    page = pdfium.FPDF_LoadPage(pdf, index)
    if not page:
        raise ValueError("the page cannot be loaded")
    try:
        frame = _Frame(page)
        textpage = pdfium.FPDFText_LoadPage(page)
        try:
            words, chars = _words(textpage, frame)
        finally:
            pdfium.FPDFText_ClosePage(textpage)
        rulings: list[tuple[float, float, float, float]] = []
        pictures = [0, 0.0]
        _walk(page, frame, rulings, pictures, None, 0)
        area = frame.width * frame.height or 1.0
        return PageContent(
            number=index + 1,
            width=frame.width,
            height=frame.height,
            words=words,
            rulings=rulings,
            chars=chars,
            picture_cover=min(1.0, pictures[1] / area),
            pictures=int(pictures[0]),
        )
    finally:
        pdfium.FPDF_ClosePage(page)


def _page_text(textpage, count: int) -> str:
    """The page's characters in pdfium's order, one per index."""
    buf = (ctypes.c_ushort * (count + 1))()
    pdfium.FPDFText_GetText(textpage, 0, count, buf)
    text = bytes(buf)[: count * 2].decode("utf-16-le", errors="replace")
    if len(text) == count:
        return text
    # characters beyond the basic plane take two UTF-16 units: ask for each one alone
    return "".join(chr(pdfium.FPDFText_GetUnicode(textpage, i) or 32) for i in range(count))


_TOKEN = re.compile(r"[^\s\x00-\x20]+")  # runs of characters between pdfium's spaces
# pdfium's mark for a hyphen that ends a line (`NĐ-` / `CP` of `86/2023/NĐ-CP` wrapped at
# its hyphen), with no line break after it: a hyphen, that the paragraph joins back
_LINE_END_HYPHEN = "\ufffe"
_RECT = struct.Struct("4f")  # an FS_RECTF as pdfium fills it: left, top, right, bottom


def _words(textpage, frame: _Frame) -> tuple[list[Word], int]:
    """The page's words: runs of characters between the spaces and line breaks pdfium puts
    where it sees them (a gap wider than a space, a new line), each boxed from its first and
    last character; a run that is not on one line, or has a gap wider than `X_TOLERANCE`,
    is cut character by character."""
    count = pdfium.FPDFText_CountChars(textpage)
    if count <= 0:
        return [], 0
    text = _page_text(textpage, count).replace(_LINE_END_HYPHEN, "-")
    # One rectangle for every call, read back in one unpacking: this runs for each word's
    # first and last character, the bulk of intake's calls into pdfium (and is written out
    # in the loop, not called, for the same reason).
    rect = pdfium.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    get_box = pdfium.char_box_unchecked
    unpack = _RECT.unpack_from
    upright = frame.rotation == 0
    left, page_top = frame.left, frame.top

    def box(i: int):
        if not get_box(textpage, i, rect_ref):
            return None
        x0, y1, x1, y0 = unpack(rect)  # pdfium's y grows upwards: its top is the larger y
        if upright:
            return x0 - left, x1 - left, page_top - y1, page_top - y0
        return frame.box(x0, y0, x1, y1)

    words: list[Word] = []
    chars = 0
    for token in _TOKEN.finditer(text):
        start, end = token.span()
        n = end - start
        chars += n
        if get_box(textpage, start, rect_ref):
            x0, y1, x1, y0 = unpack(rect)
            if upright:
                x0, x1, top, bottom = x0 - left, x1 - left, page_top - y1, page_top - y0
            else:
                x0, x1, top, bottom = frame.box(x0, y0, x1, y1)
            if n == 1:
                words.append(Word(token.group(), x0, x1, top, bottom))
                continue
            if get_box(textpage, end - 1, rect_ref):
                lx0, y1, lx1, y0 = unpack(rect)
                if upright:
                    lx0, lx1, ltop, lbottom = lx0 - left, lx1 - left, page_top - y1, page_top - y0
                else:
                    lx0, lx1, ltop, lbottom = frame.box(lx0, y0, lx1, y1)
                # The first and last characters sit on one line, in order, no farther apart
                # than `n` characters of their size could reach without a gap wider than
                # X_TOLERANCE: one word.
                height = bottom - top
                if lbottom - ltop < height:
                    height = lbottom - ltop
                overlap = (lbottom if lbottom < bottom else bottom) - (ltop if ltop > top else top)
                if overlap >= 0.5 * height and -X_TOLERANCE <= lx0 - x1 <= n * (
                    height + X_TOLERANCE
                ):
                    x1 = lx1 if lx1 > x1 else x1
                    top = ltop if ltop < top else top
                    bottom = lbottom if lbottom > bottom else bottom
                    words.append(Word(token.group(), x0, x1, top, bottom))
                    continue
        # a character without a box, or a run that is not one word: cut it
        words.extend(_split(token.group(), [box(i) for i in range(start, end)]))
    return words, chars


_TRAILING_MARKS = frozenset(",.;:!?…)]”’")  # punctuation set low (or high) after a word


def _split(text: str, boxes: list) -> list[Word]:
    """A run cut where its characters leave the line or a gap wider than `X_TOLERANCE`
    opens; a combining mark stays with the letter before it."""
    out: list[Word] = []
    cur: Word | None = None
    for ch, b in zip(text, boxes, strict=True):
        if b is None:
            continue
        x0, x1, top, bottom = b
        if cur is not None:
            overlap = min(cur.bottom, bottom) - max(cur.top, top)
            # a character's own box (some producers' PDFs give no other) leaves a comma or a
            # full stop below the letters' middle: it keeps to the word it touches
            same = overlap >= 0.5 * min(cur.bottom - cur.top, bottom - top) or (
                overlap > 0 and ch in _TRAILING_MARKS
            )
            if combining(ch) or (same and -X_TOLERANCE <= x0 - cur.x1 <= X_TOLERANCE):
                cur.text += ch
                cur.x1, cur.top, cur.bottom = (
                    max(cur.x1, x1),
                    min(cur.top, top),
                    max(cur.bottom, bottom),
                )
                continue
        cur = Word(ch, x0, x1, top, bottom)
        out.append(cur)
    return out


_Matrix = tuple[float, float, float, float, float, float]


def _compose(inner: _Matrix, outer: _Matrix | None) -> _Matrix:
    if outer is None:
        return inner
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E,
            e * B + f * D + F)  # fmt: skip


def _matrix(obj) -> _Matrix:
    m = pdfium.FS_MATRIX()
    if not pdfium.FPDFPageObj_GetMatrix(obj, m):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _walk(parent, frame: _Frame, rulings, pictures, outer: _Matrix | None, depth: int) -> None:
    """Collect ruling lines and picture areas from the page's objects (and from the forms
    drawn on it)."""
    is_form = depth > 0
    count = (
        pdfium.FPDFFormObj_CountObjects(parent) if is_form else pdfium.FPDFPage_CountObjects(parent)
    )
    get = pdfium.FPDFFormObj_GetObject if is_form else pdfium.FPDFPage_GetObject
    for k in range(max(count, 0)):
        obj = get(parent, k)
        kind = pdfium.FPDFPageObj_GetType(obj)
        if kind == pdfium.FPDF_PAGEOBJ_PATH:
            _path_rulings(obj, frame, rulings, _compose(_matrix(obj), outer) if is_form else None)
        elif kind == pdfium.FPDF_PAGEOBJ_IMAGE:
            x0, x1, top, bottom = _bounds(obj, frame)
            pictures[0] += 1
            pictures[1] = max(pictures[1], (x1 - x0) * (bottom - top))
        elif kind == pdfium.FPDF_PAGEOBJ_FORM and depth < 4:
            _walk(obj, frame, rulings, pictures, _compose(_matrix(obj), outer), depth + 1)


def _bounds(obj, frame: _Frame):
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    pdfium.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    return frame.box(left.value, bottom.value, right.value, top.value)


def _visible(getter, obj) -> bool:
    """The colour set by `getter` shows on white paper (not transparent, not white)."""
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not getter(obj, r, g, b, a):
        return True
    return a.value > 0 and min(r.value, g.value, b.value) < _WHITE


def _path_rulings(obj, frame: _Frame, rulings, matrix: _Matrix | None) -> None:
    """A path's straight horizontal and vertical strokes; a thin filled bar counts as a line.
    White fills (paragraph shading) and white strokes are paper, not rules."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    pdfium.FPDFPath_GetDrawMode(obj, fill, stroke)
    if stroke.value and _visible(pdfium.FPDFPageObj_GetStrokeColor, obj):
        _stroke_segments(obj, frame, rulings, matrix or _matrix(obj))
    elif fill.value and _visible(pdfium.FPDFPageObj_GetFillColor, obj):
        x0, x1, top, bottom = _bounds(obj, frame)
        if x1 - x0 < _THIN and bottom - top >= _MIN_RULE:
            x = (x0 + x1) / 2
            rulings.append((x, top, x, bottom))
        elif bottom - top < _THIN and x1 - x0 >= _MIN_RULE:
            y = (top + bottom) / 2
            rulings.append((x0, y, x1, y))


def _stroke_segments(obj, frame: _Frame, rulings, m: _Matrix) -> None:
    x, y = ctypes.c_float(), ctypes.c_float()
    start = prev = None
    for j in range(pdfium.FPDFPath_CountSegments(obj)):
        seg = pdfium.FPDFPath_GetPathSegment(obj, j)
        if not pdfium.FPDFPathSegment_GetPoint(seg, x, y):
            continue
        px = m[0] * x.value + m[2] * y.value + m[4]
        py = m[1] * x.value + m[3] * y.value + m[5]
        point = frame.point(px, py)
        kind = pdfium.FPDFPathSegment_GetType(seg)
        if kind == pdfium.FPDF_SEGMENT_MOVETO or prev is None:
            start = point
        elif kind == pdfium.FPDF_SEGMENT_LINETO:
            _add_rule(prev, point, rulings)
        prev = point
        if pdfium.FPDFPathSegment_GetClose(seg) and start is not None:
            _add_rule(point, start, rulings)
            prev = start


def _add_rule(a: tuple[float, float], b: tuple[float, float], rulings) -> None:
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) < 1.0 and abs(ax - bx) >= _MIN_RULE:
        y = (ay + by) / 2
        rulings.append((min(ax, bx), y, max(ax, bx), y))
    elif abs(ax - bx) < 1.0 and abs(ay - by) >= _MIN_RULE:
        x = (ax + bx) / 2
        rulings.append((x, min(ay, by), x, max(ay, by)))
