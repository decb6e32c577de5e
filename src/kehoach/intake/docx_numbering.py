"""Word's automatic list numbering, written out as Word shows it (`1.`, `a)`, `II.`, bullets `-`)."""

from __future__ import annotations

import re

from kehoach.intake.docx_styles import Styles
from kehoach.intake.docx_xml import Element, W, first, int_prop, prop

# Qualified names, built once: they are looked up for every paragraph.
_NUMID, _ILVL, _PSTYLE = f"{W}numId", f"{W}ilvl", f"{W}pStyle"
_START_OVERRIDE = f"{W}startOverride"
_PLACEHOLDER = re.compile(r"%([1-9])")  # a level's number in lvlText: `%1.%2.`


class Numbering:
    """Word's automatic list numbers, counted in document order as Word shows them."""

    def __init__(self, root: Element | None, styles: Styles) -> None:
        """From the numbering part's element (None when missing) and the styles."""
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # abstract -> lvl -> …
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstract, starts)
        self.styles = styles
        self.level_of_style: dict[str, dict[str, int]] = {}  # abstract -> pStyle -> lvl
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if root is not None:
            self._read_numbering(root)

    def _read_numbering(self, root) -> None:
        for abstract in root.findall(f"{W}abstractNum"):
            levels, styles = {}, {}
            for lvl in abstract.findall(f"{W}lvl"):
                ilvl = int(lvl.get(_ILVL, "0"))
                levels[ilvl] = (
                    prop(lvl, f"{W}numFmt") or "decimal",
                    prop(lvl, f"{W}lvlText") or "",
                    int_prop(lvl, f"{W}start", default=1),
                )
                if (linked := prop(lvl, _PSTYLE)) is not None:
                    styles[linked] = ilvl  # a heading style tied to this level
            key = abstract.get(f"{W}abstractNumId", "")
            self.levels[key], self.level_of_style[key] = levels, styles
        for num in root.findall(f"{W}num"):
            starts = {
                int(o.get(_ILVL, "0")): int_prop(o, _START_OVERRIDE, default=1)
                for o in num.findall(f"{W}lvlOverride")
                if first(o, _START_OVERRIDE) is not None
            }
            self.nums[num.get(f"{W}numId", "")] = (prop(num, f"{W}abstractNumId") or "", starts)

    def _num_of(
        self, own: str | None, num: Element | None
    ) -> tuple[str | None, int | None, str | None]:
        """(numId, level or None when the style's list decides it, paragraph style)."""
        if num is not None and first(num, _NUMID) is not None:
            return prop(num, _NUMID), int_prop(num, _ILVL, default=0), own
        level = int_prop(num, _ILVL, default=0) if num is not None else None
        for found in self.styles.lineage(own):
            if found.num_id is not None:
                ilvl = found.level
                return (
                    found.num_id,
                    level if level is not None else (None if ilvl == -1 else ilvl),
                    own,
                )
        return None, None, own

    def label(self, style: str | None, num: Element | None) -> str:
        """The number or bullet Word shows before a paragraph ('' when none), from its
        w:pStyle value and its w:numPr (None when it has none)."""
        num_id, ilvl, style = self._num_of(style, num)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract, starts = self.nums[num_id]
        if ilvl is None:
            ilvl = self.level_of_style.get(abstract, {}).get(style or "", 0)
        levels = self.levels.get(abstract, {})
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.started:  # a list instance with its own start restarts
            self.started.add(num_id)
            for lvl, start in starts.items():
                counters[lvl] = start - 1
        counters[ilvl] = counters.get(ilvl, levels[ilvl][2] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        fmt, text, _ = levels[ilvl]
        if fmt == "bullet":
            return text if text in ("-", "–", "+", "•", "*", "·") else "-"
        if fmt == "none":
            return ""

        def value(m: re.Match[str]) -> str:
            lvl = int(m.group(1)) - 1
            n = counters.get(lvl, levels.get(lvl, ("decimal", "", 1))[2])
            return _format_number(n, levels.get(lvl, ("decimal", "", 1))[0])

        return _PLACEHOLDER.sub(value, text).strip()


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = "abcdefghijklmnopqrstuvwxyz"
        s = letters[(n - 1) % 26] * ((n - 1) // 26 + 1)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        s = _roman(n)
        return s.lower() if fmt == "lowerRoman" else s
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out += numeral
            n -= value
    return out
