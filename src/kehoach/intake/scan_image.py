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
    grey[(spread > _COLOURED) & (top > 110)] = 255
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
    w = grey.shape[1]
    out = grey
    for x, y, bw, bh, _area in stats[1:count]:
        if bw < _STAMP_SIZE * w or bh < _STAMP_SIZE * w:
            continue
        if out is grey:
            out = grey.copy()
        region = out[y : y + bh, x : x + bw]
        region[region > core] = 255
    return out


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
