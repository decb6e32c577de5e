"""The parts of a Word package the reader needs: the body, the styles and the numbering.

Read with `zipfile` and lxml directly: the package's relationships name the main part and,
from it, the styles and numbering parts. python-docx would do the same, at the cost of
importing its whole object model (about 0.15 s of CPU in every process that reads a .docx).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass

from kehoach.errors import UnsupportedFormat
from kehoach.intake.docx_xml import W, parse

_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_MAIN = "word/document.xml"  # where every Word writer puts the main part


@dataclass(frozen=True)
class WordPackage:
    """The elements of the parts the reader needs (styles and numbering may be missing)."""

    body: object
    styles: object | None
    numbering: object | None


def open_package(data: bytes, name: str) -> WordPackage:
    """The package's parts, or `UnsupportedFormat` saying why the file cannot be read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            main = _target(z, names, "_rels/.rels", "", "/officeDocument") or _MAIN
            if main not in names:
                raise UnsupportedFormat(
                    "this .docx file cannot be read: part {part} is missing",
                    where=name,
                    part=f"'/{main}'",
                )
            folder = posixpath.dirname(main)
            rels = posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels")
            parts = {
                kind: _target(z, names, rels, folder, f"/{kind}")
                for kind in ("styles", "numbering")
            }
            main_xml = z.read(main)
            body = parse(main_xml).find(f"{W}body")
            if body is None:
                raise UnsupportedFormat(
                    "this .docx file cannot be read: {reason}", where=name, reason="no body"
                )
            styles_xml = z.read(parts["styles"]) if parts["styles"] in names else None
            styles = parse(styles_xml) if styles_xml is not None else None
            # Only a paragraph with a w:numPr, its own or its style's, is numbered; most plans
            # number their items by hand, and then the numbering part (as large as the
            # styles part) is not read at all.
            numbering = (
                parse(z.read(parts["numbering"]))
                if parts["numbering"] in names
                and (_may_hold(main_xml, b"numPr") or _may_hold(styles_xml, b"numPr"))
                else None
            )
    except zipfile.BadZipFile:
        raise UnsupportedFormat(
            "this .docx file cannot be read: not a Word document (not a ZIP package)", where=name
        ) from None
    except UnsupportedFormat:
        raise
    except Exception as exc:  # lxml, zlib: any damage is the file's, not ours
        raise UnsupportedFormat(
            "this .docx file cannot be read: {reason}", where=name, reason=_short(exc)
        ) from None
    return WordPackage(body, styles, numbering)


def _target(z: zipfile.ZipFile, names: set[str], rels: str, folder: str, kind: str) -> str | None:
    """The part a relationship of `kind` (the end of its type) points to, from `rels`."""
    if rels not in names:
        return None
    for rel in parse(z.read(rels)).iter(_REL):
        if rel.get("Type", "").endswith(kind) and rel.get("TargetMode") != "External":
            target = rel.get("Target", "")
            path = target[1:] if target.startswith("/") else posixpath.join(folder, target)
            return posixpath.normpath(path)
    return None


def _may_hold(xml: bytes | None, element: bytes) -> bool:
    """Whether an XML part may hold an element of that (local) name: it does not when the
    name is nowhere in its bytes, if the part's encoding writes names as ASCII (UTF-8 and
    its kin; not UTF-16, whose every character holds a NUL byte)."""
    if xml is None:
        return False
    head = xml[3:5] if xml.startswith(b"\xef\xbb\xbf") else xml[:2]
    ascii_names = head[:1] == b"<" and head[1:2] not in (b"\x00", b"")
    return not ascii_names or element in xml


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]
