"""Numbers OCR read a digit of as a letter (`ngày l0`, `9O%`, `31/l2/2026`, `2,l`; the shapes
in the lexicon's `ocr.digit_shapes`): what the judge counts as damage and the repair puts
right."""

from __future__ import annotations

import re
from collections import Counter

from kehoach.text.lexicon import mapping

__all__ = ["NUMBER_TOKEN", "misread_numbers", "number_shapes"]

# A number as OCR may read it: digits and the letters read for them (`ocr.digit_shapes`),
# with decimal marks and date slashes between, apart from any word
_DIGIT_SHAPES = mapping("ocr.digit_shapes")
_SHAPE_CLASS = re.escape("".join(_DIGIT_SHAPES))
NUMBER_TOKEN = re.compile(rf"(?<![\w.,/-])[\d{_SHAPE_CLASS}](?:[.,/]?[\d{_SHAPE_CLASS}])*(?!\w)")
# A digit's letter beside a digit (or across a decimal mark), looked for first: a typed text
# has none (or a `CO2`), so the numbers are read one by one only in a text that may have
# misread some; found from the letter, a class the engine scans for, as the judge is fast
_SHAPE_BY_DIGIT = re.compile(
    rf"[{_SHAPE_CLASS}](?:(?=[.,]?\d)|(?<=\d[{_SHAPE_CLASS}])|(?<=\d[.,][{_SHAPE_CLASS}]))"
)


def misread_numbers(text: str) -> Counter[str]:
    """The numbers with a digit read as a letter (`2O26`, `l00%`, `30/l1/2026`), each with how
    often it occurs: damage no typed text has."""
    if not _SHAPE_BY_DIGIT.search(text):
        return Counter()
    return Counter(
        m.group() for m in NUMBER_TOKEN.finditer(text) if number_shapes(m.group()) != m.group()
    )


def number_shapes(token: str) -> str:
    """A number with the letters OCR read for its digits put right (`l0` -> `10`, `31/l2/2026`
    -> `31/12/2026`, `2,l` -> `2,1`): a letter becomes its digit when a digit stands next to
    it, or across a decimal mark, counting those put right; a token with no real digit (`l`,
    `lO`), or a letter next to a slash alone (`l/2026`, a quarter's I), stays as read."""
    if token.isdigit() or not any(c.isdigit() for c in token):
        return token
    chars = list(token)
    changed = True
    while changed:
        changed = False
        for i, c in enumerate(chars):
            if c in _DIGIT_SHAPES and _beside_digit(chars, i):
                chars[i] = _DIGIT_SHAPES[c]
                changed = True
    return "".join(chars)


def _beside_digit(chars: list[str], i: int) -> bool:
    """Whether a digit stands next to position i, or one place beyond a `.`/`,` next to it."""
    for step in (-1, 1):
        j = i + step
        if 0 <= j < len(chars) and chars[j].isdigit():
            return True
        k = j + step
        if 0 <= k < len(chars) and chars[j] in ".," and chars[k].isdigit():
            return True
    return False
