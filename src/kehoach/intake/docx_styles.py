"""The styles part of a Word package: what the reader needs of each style (its font, the
list it numbers, the style it is based on), read in one walk over the styles.

Fonts and numbering both follow `basedOn` chains through the same styles; reading the part
once for both halves the walk (a template's styles part holds a few hundred styles).
"""

from __future__ import annotations

from collections.abc import Iterator

from kehoach.intake.docx_xml import VAL, Element, W, first, int_val, val

_STYLE, _STYLE_ID, _TYPE, _DEFAULT = f"{W}style", f"{W}styleId", f"{W}type", f"{W}default"
_BASED_ON, _PPR, _RPR, _NUMPR = f"{W}basedOn", f"{W}pPr", f"{W}rPr", f"{W}numPr"
_NUMID, _ILVL, _RFONTS = f"{W}numId", f"{W}ilvl", f"{W}rFonts"
_ASCII, _HANSI = f"{W}ascii", f"{W}hAnsi"


class Style:
    """One style, as the reader needs it. (A plain class: a dataclass would cost more to
    define, at every start-up, than reading all the styles of a plan.)"""

    __slots__ = ("based_on", "font", "level", "num_id")

    def __init__(
        self, font: str | None, based_on: str | None, num_id: str | None, level: int | None
    ) -> None:
        self.font = font  # its w:rPr/w:rFonts (None when it names none)
        self.based_on = based_on
        self.num_id = num_id  # its w:pPr/w:numPr's numId (None without a numPr or numId)
        self.level = level  # the numPr's ilvl: -1 when it has none, None without a numPr


class Styles:
    """The styles of a package by id, the default paragraph style and the default font."""

    def __init__(self, root: Element | None) -> None:
        self.by_id: dict[str, Style] = {}
        self.normal: str | None = None  # the paragraph style of paragraphs that name none
        self.default_font: str | None = None
        if root is None:
            return
        for style in root.iterchildren(_STYLE):
            if style.get(_TYPE) == "paragraph" and style.get(_DEFAULT) in ("1", "true"):
                self.normal = style.get(_STYLE_ID)
            self.by_id[style.get(_STYLE_ID, "")] = _read_style(style)
        defaults = first(root, f"{W}docDefaults", f"{W}rPrDefault")
        self.default_font = font_of(defaults) if defaults is not None else None

    def lineage(self, style_id: str | None) -> Iterator[Style]:
        """The style `style_id` names, then the ones it is based on, in turn (a short
        `basedOn` chain: at most ten, so that a loop in a broken file ends)."""
        for _ in range(10):
            found = self.by_id.get(style_id) if style_id is not None else None
            if found is None:
                return
            yield found
            style_id = found.based_on


def _read_style(style: Element) -> Style:
    """A style's first w:basedOn, the first w:numPr in its w:pPr and the first w:rFonts in
    its w:rPr (what `find` would give for each), in one walk over its children."""
    based = num = fonts = None
    for child in style:
        tag = child.tag
        if tag == _BASED_ON and based is None:
            based = child
        elif tag == _PPR and num is None:
            num = first(child, _NUMPR)
        elif tag == _RPR and fonts is None:
            fonts = first(child, _RFONTS)
    return Style(
        font=(fonts.get(_ASCII) or fonts.get(_HANSI)) if fonts is not None else None,
        based_on=based.get(VAL) if based is not None else None,
        num_id=val(first(num, _NUMID)) if num is not None else None,
        level=int_val(first(num, _ILVL), -1) if num is not None else None,
    )


def font_of(el: Element) -> str | None:
    """The font named by the first w:rFonts in the element's w:rPr (asked of every run:
    looked up by hand, see docx_xml)."""
    for child in el:
        if child.tag == _RPR:
            for prop in child:
                if prop.tag == _RFONTS:
                    return prop.get(_ASCII) or prop.get(_HANSI)
    return None
