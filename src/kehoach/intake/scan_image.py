"""A page image made ready for OCR: grey, without coloured ink, dark edges or skew.

Scanned plans carry a red stamp and a blue signature over the signer's name, a dark
band where the scanner lid did not cover the page, and a tilt of a degree or so.
Tesseract reads level black text on white best, and the table finder needs ruling
lines that run straight along the pixel rows, so all of that is undone here.
"""

from __future__ import annotations

import cv2
import numpy as np

_COLOURED = 70  # max - min channel spread above which a pixel is coloured ink, not black text
_TINTED = 35  # ... and above which one beside coloured ink is that ink's rim
_MAX_SKEW = 5.0  # degrees searched each way
_SKEW_WIDTH = 1000  # pixels: the skew is measured on a copy this wide
_STAMP_SIZE = 0.08  # of the page's width: a seal at least this wide and tall (text never is)
_STAMP_STROKE = 4  # pixels: a seal's rings and lettering are solid grey at least this thick


def to_grey(image: np.ndarray) -> np.ndarray:
    """A greyscale copy with coloured ink (stamps, signatures) turned to white."""
    if image.ndim == 2:
        return image
    if image.shape[2] == 4:
        image = image[:, :, :3]
    grey = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    # the channels' largest and smallest value, by OpenCV (numpy's max/min over the last
    # axis of three took a quarter of a second a page)
    red, green, blue = cv2.split(image)
    top = cv2.max(cv2.max(red, green), blue)
    spread = cv2.subtract(top, cv2.min(cv2.min(red, green), blue))
    # coloured and not dark: black text under a stamp stays, being dark in every channel
    light = top > 110
    coloured = (spread > _COLOURED) & light
    # a JPEG keeps colour at a quarter of the resolution: at a stroke's rim its colour runs
    # thin, and the rim would stay as a grey outline of the seal; tinted pixels beside
    # coloured ones are its ink too
    near = cv2.dilate(coloured.view(np.uint8), np.ones((5, 5), np.uint8)) > 0
    grey[coloured | (near & light & (spread > _TINTED))] = 255
    return grey


def whiten_edges(grey: np.ndarray) -> np.ndarray:
    """Dark bands touching the image's edge (the scanner lid, a photo's background) made white."""
    dark = (grey < 90).astype(np.uint8)
    h, w = dark.shape
    if not (dark[0].any() or dark[-1].any() or dark[:, 0].any() or dark[:, -1].any()):
        return grey  # nothing dark touches the edge
    count, labels, stats, _ = cv2.connectedComponentsWithStats(dark, connectivity=8)
    out = grey.copy()
    for i in range(1, count):
        x, y, bw, bh, area = stats[i]
        touches = x == 0 or y == 0 or x + bw >= w or y + bh >= h
        big = bw > w * 0.3 or bh > h * 0.3 or area > 0.01 * w * h
        if touches and big:
            out[labels == i] = 255
    return out


def drop_grey_stamps(grey: np.ndarray) -> np.ndarray:
    """A seal scanned in grey made white, the black text over it kept.

    In a greyscale scan a red seal is mid-grey: too dark to be paper, so OCR reads its rings
    with the signer's lines under it as a picture, and its letters as text. Text has mid-grey
    only at the rim of its black strokes, a pixel or two wide; a seal's rings, star and
    lettering are solid grey several pixels thick, so an opening of the mid-grey pixels keeps
    the seal alone. Where that leaves a shape as large as a seal, every pixel lighter than the
    text's black (Otsu's threshold among the ink pixels) is made paper."""
    paper, _binary = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    dark = grey[grey <= paper]
    if dark.size < 1000:
        return grey
    core, _binary = cv2.threshold(dark.reshape(1, -1), 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    mid = cv2.inRange(grey, int(core) + 1, int(paper))  # lighter than ink, darker than paper
    stroke = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (_STAMP_STROKE, _STAMP_STROKE))
    solid = cv2.morphologyEx(mid, cv2.MORPH_OPEN, stroke)
    count, _labels, stats, _ = cv2.connectedComponentsWithStats(
        cv2.dilate(solid, np.ones((15, 15), np.uint8)), connectivity=8, ltype=_labels_type(grey)
    )
    out = grey
    rules: list[tuple[np.ndarray, np.ndarray]] | None = None
    for x, y, bw, bh in _seals(stats[1:count, :4], grey.shape[1]):
        if rules is None:
            from kehoach.intake.scan_tables import ruling_lines  # (which reads ink from here)

            out, rules = grey.copy(), [_pieces(lines) for lines in ruling_lines(grey)]
        box = (x, y, bw, bh)
        kept = _rules_under(*rules[0], box, across=True) | _rules_under(
            *rules[1], box, across=False
        )
        region = out[y : y + bh, x : x + bw]
        region[(region > core) & ~kept] = 255
    return out


def _seals(pieces: np.ndarray, width: int) -> list[tuple[int, int, int, int]]:
    """The boxes (x, y, width, height) of the seals among pieces of solid grey: a piece as
    large as a seal, with the pieces around it within half its size (a ring the text over
    it broke into arcs leaves one large arc and several small ones)."""
    x0, y0 = pieces[:, 0], pieces[:, 1]
    x1, y1 = x0 + pieces[:, 2], y0 + pieces[:, 3]
    large = (pieces[:, 2] >= _STAMP_SIZE * width) & (pieces[:, 3] >= _STAMP_SIZE * width)
    seals = []
    for i in np.nonzero(large)[0]:
        reach = max(pieces[i, 2], pieces[i, 3]) // 2
        near = (x1 >= x0[i] - reach) & (x0 <= x1[i] + reach)
        near &= (y1 >= y0[i] - reach) & (y0 <= y1[i] + reach)
        left, top = int(x0[near].min()), int(y0[near].min())
        seals.append((left, top, int(x1[near].max()) - left, int(y1[near].max()) - top))
    return seals


def _pieces(lines: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The pieces of a mask of ruling lines, labelled, and each one's box (x, y, width,
    height) by label."""
    _count, labels, stats, _ = cv2.connectedComponentsWithStats(
        lines, connectivity=8, ltype=cv2.CV_32S
    )
    return labels, stats[:, :4]


def _rules_under(
    labels: np.ndarray, boxes: np.ndarray, box: tuple[int, int, int, int], *, across: bool
) -> np.ndarray:
    """Which pixels of a seal's box (x, y, width, height) are a table's ruling lines (the
    horizontal ones if `across`, else the vertical ones), as thin and as grey as the seal's
    ink, which the table's grid needs: a line that runs on out of the box, or that lies in
    line with one that does (a column's rule, broken over a merged cell). The seal's rings
    are straight only for a short way, inside the box, and in line with no rule."""
    x, y, bw, bh = box
    left, top, wide, tall = boxes.T
    out = (left < x) | (top < y) | (left + wide > x + bw) | (top + tall > y + bh)
    out[0] = False  # the background
    start, size = (top, tall) if across else (left, wide)  # where a piece lies across its run
    ends = start + size
    inline = np.zeros_like(out)
    for i in np.nonzero(out)[0]:
        inline |= (start < ends[i]) & (ends > start[i])
    keep = out | inline
    keep[0] = False
    return keep[labels[y : y + bh, x : x + bw]]


def _labels_type(grey: np.ndarray) -> int:
    """16-bit labels (three times quicker) when no more shapes than that can fit: shapes
    dilated by 15 pixels and apart take 16 × 16 pixels each at least."""
    h, w = grey.shape
    return cv2.CV_16U if (h // 16 + 1) * (w // 16 + 1) < 65535 else cv2.CV_32S


def ink(grey: np.ndarray) -> np.ndarray:
    """Ink pixels as 255 on 0 (Otsu's threshold)."""
    _, binary = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return binary


def skew_angle(grey: np.ndarray) -> float:
    """The page's tilt in degrees (positive: turned anticlockwise), from the angle at which
    the rows of ink are sharpest (text lines and ruling lines both count)."""
    scale = min(1.0, _SKEW_WIDTH / grey.shape[1])
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    points = cv2.findNonZero(ink(small))  # (x, y) row by row, as np.nonzero, but quicker
    if points is None or len(points) < 500:
        return 0.0
    xs, ys = points.reshape(-1, 2).T
    if len(xs) > 200_000:  # a sample is as good and much faster
        pick = np.random.default_rng(0).choice(len(xs), 200_000, replace=False)
        xs, ys = xs[pick], ys[pick]
    xs = xs.astype(np.float64)
    ys = ys.astype(np.float64)

    rows, turned = np.empty_like(ys), np.empty_like(xs)  # reused: no new arrays per angle
    seen: dict[float, int] = {}  # the finer searches start and end on angles tried

    def sharpness(angle: float) -> int:
        """Σ (Δ ink per row)²: whole numbers, summed exactly in any order."""
        if (known := seen.get(float(angle))) is not None:
            return known
        t = np.deg2rad(angle)
        np.multiply(ys, np.cos(t), out=rows)
        np.multiply(xs, np.sin(t), out=turned)
        np.subtract(rows, turned, out=rows)
        np.rint(rows, out=rows)
        np.subtract(rows, rows.min(), out=rows)
        steps = np.diff(np.bincount(rows.astype(np.intp)))
        seen[float(angle)] = value = int(np.dot(steps, steps))
        return value

    best = max(np.arange(-_MAX_SKEW, _MAX_SKEW + 0.01, 0.5), key=sharpness)
    for step in (0.1, 0.02):
        around = np.arange(best - 5 * step, best + 5 * step + step / 2, step)
        best = max(around, key=sharpness)
    return float(best)


def deskew(grey: np.ndarray) -> tuple[np.ndarray, float]:
    """The page turned level, and the angle it was turned by (degrees)."""
    angle = skew_angle(grey)
    if abs(angle) < 0.05:
        return grey, 0.0
    h, w = grey.shape
    turn = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    level = cv2.warpAffine(
        grey, turn, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_CONSTANT, borderValue=255
    )
    return level, angle


def prepare(image: np.ndarray) -> tuple[np.ndarray, float]:
    """The page as OCR wants it: grey, stamps and dark edges gone, level."""
    return deskew(drop_grey_stamps(whiten_edges(to_grey(image))))
