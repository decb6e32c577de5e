"""Words on a PDF page grouped into lines of text, left to right and top to bottom."""

from __future__ import annotations

from itertools import pairwise

from kehoach.text.normalize import nfc

GAP = 24.0  # points of empty space that split a line into parts (two-column headings)


def group_lines(words: list) -> list[tuple[float, list]]:
    """Words grouped into lines by vertical overlap (a raised footnote mark stays on its
    line), each line's words left to right; lines top to bottom as (top, words)."""
    ordered = sorted(words, key=lambda w: (w["top"], w["x0"]))
    lines: list[list] = []
    spans: list[tuple[float, float]] = []  # each line's top and bottom
    for w in ordered:
        for i in range(len(lines) - 1, max(len(lines) - 4, -1), -1):
            top, bottom = spans[i]
            overlap = min(bottom, w["bottom"]) - max(top, w["top"])
            if overlap >= 0.5 * min(bottom - top, w["bottom"] - w["top"]):
                lines[i].append(w)
                spans[i] = (min(top, w["top"]), max(bottom, w["bottom"]))
                break
        else:
            lines.append([w])
            spans.append((w["top"], w["bottom"]))
    out = [
        (span[0], sorted(line, key=lambda w: w["x0"]))
        for span, line in zip(spans, lines, strict=True)
    ]
    return sorted(out, key=lambda it: it[0])


def line_text(words: list) -> str:
    """A line's words; a wide gap (two columns of a heading) becomes two spaces."""
    text = words[0]["text"]
    for prev, w in pairwise(words):
        text += ("  " if w["x0"] - prev["x1"] > GAP else " ") + w["text"]
    return nfc(text).strip()
