"""WordprocessingML element access for the .docx reader: the parser, and property look-ups
that walk the children themselves.

The reader looks up a few properties on every paragraph, run and cell. lxml's
`el.find("a/b")` runs an ElementPath selector for each call (several µs, more than the
walk itself: a property element has a handful of children), so the helpers here loop over
the children and compare tags, which keeps `find`'s answer (the first match in document
order, looking in every `a` child) at a fraction of the cost.
"""

from __future__ import annotations

from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
VAL = f"{W}val"

Element = Any  # an lxml element; typed loosely so that naming it does not import lxml


def parse(data: bytes) -> Element:
    """The root element of an XML part.

    lxml rather than xml.etree: it parses a large document.xml in half the time, and it
    makes a Python object only for the elements the reader visits (most of a Word body
    is run formatting it never looks at). Imported here, on the first .docx, not at
    start-up. No entities resolved, no network: a .docx comes from anyone.
    """
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    return etree.fromstring(data, parser)


def first(el: Element, *path: str) -> Element | None:
    """What `el.find("a/b/…")` finds: the first element at the end of the path, in document
    order (looking in every `a` child, not only the first, as ElementPath does)."""
    tag, rest = path[0], path[1:]
    for child in el:
        if child.tag == tag:
            found = first(child, *rest) if rest else child
            if found is not None:
                return found
    return None


def prop(el: Element, *path: str) -> str | None:
    """The w:val of a property element (None when absent, '' when it has no value)."""
    return val(first(el, *path))


def int_prop(el: Element, *path: str, default: int) -> int:
    return int_val(first(el, *path), default)


def int_val(el: Element | None, default: int) -> int:
    """The w:val of a property element as a number (`default` when absent or not one)."""
    value = val(el)
    try:
        return max(int(value), 0) if value else default
    except ValueError:
        return default


def properties(el: Element, container: str) -> dict[str, Element]:
    """The first element of each tag in `el`'s `container` children (its w:pPr, w:tcPr):
    what `el.find(f"{container}/{tag}")` finds, for every tag in one walk."""
    found: dict[str, Element] = {}
    for child in el:
        if child.tag == container:
            for element in child:
                found.setdefault(element.tag, element)
    return found


def val(el: Element | None) -> str | None:
    """The w:val of a property element found (None when absent, '' when it has no value)."""
    return None if el is None else el.get(VAL, "")
