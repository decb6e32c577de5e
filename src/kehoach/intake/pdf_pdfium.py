"""The pdfium functions PDF intake calls, bound with ctypes to the pdfium library that
pypdfium2 ships (in its `pypdfium2_raw` package), under their C names.

pypdfium2 itself is not imported here: its generated bindings declare every function of
pdfium, and with its helpers (logging, json, argparse, ...) importing it costs about 50 ms,
half of what reading a 16-page plan costs; and a call through its bindings converts each
argument by its declared type, which doubles the cost of the one call intake makes for each
character (`FPDFText_GetLooseCharBox`, see `char_box_unchecked`). Opening the library and
declaring the few functions below costs about 1 ms."""

from __future__ import annotations

import ctypes
import sys
from ctypes import (
    POINTER,
    Structure,
    c_char_p,
    c_float,
    c_int,
    c_size_t,
    c_uint,
    c_ulong,
    c_ushort,
    c_void_p,
)
from importlib.util import find_spec
from pathlib import Path


class Handle(c_void_p):
    """An opaque pdfium pointer (document, page, text page, page object, path segment);
    false when NULL. A subclass of `c_void_p` so that ctypes returns it as it is, not as a
    bare int (which an unchecked call would pass on as a 32-bit C int)."""


class FS_RECTF(Structure):  # pdfium's name
    _fields_ = (("left", c_float), ("top", c_float), ("right", c_float), ("bottom", c_float))


class FS_MATRIX(Structure):  # pdfium's name
    _fields_ = tuple((name, c_float) for name in "abcdef")


class _LibraryConfig(Structure):
    """FPDF_LIBRARY_CONFIG as of its version 2 (pdfium reads no field past the version's)."""

    _fields_ = (
        ("version", c_int),
        ("m_pUserFontPaths", c_void_p),
        ("m_pIsolate", c_void_p),
        ("m_v8EmbedderSlot", c_uint),
    )


FPDF_ERR_PASSWORD = 4
FPDF_PAGEOBJ_PATH = 2
FPDF_PAGEOBJ_IMAGE = 3
FPDF_PAGEOBJ_FORM = 5
FPDF_SEGMENT_LINETO = 0
FPDF_SEGMENT_MOVETO = 2


def _library_path() -> str:
    """The pdfium library file inside the `pypdfium2_raw` package, found without importing
    the package (which would load its bindings); named as pypdfium2_raw names it."""
    spec = find_spec("pypdfium2_raw")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("pypdfium2 is not installed: PDF intake needs its pdfium library")
    if sys.platform.startswith(("win32", "cygwin", "msys")):
        name = "pdfium.dll"
    elif sys.platform.startswith(("darwin", "ios")):
        name = "libpdfium.dylib"
    else:
        name = "libpdfium.so"
    for folder in spec.submodule_search_locations:
        if (Path(folder) / name).exists():
            return str(Path(folder) / name)
    raise ImportError(f"pypdfium2_raw holds no {name}")


_lib = ctypes.CDLL(_library_path())


def _bind(name: str, restype, *argtypes):
    """A pdfium function with its C signature (its own function object: `_lib[name]` is
    not cached, so the same function can also be bound unchecked)."""
    function = _lib[name]
    function.restype = restype
    function.argtypes = argtypes
    return function


_P = c_void_p  # any pdfium handle or buffer, as an argument
_F, _I, _U = POINTER(c_float), POINTER(c_int), POINTER(c_uint)

FPDF_InitLibraryWithConfig = _bind("FPDF_InitLibraryWithConfig", None, POINTER(_LibraryConfig))
FPDF_LoadMemDocument64 = _bind("FPDF_LoadMemDocument64", Handle, _P, c_size_t, c_char_p)
FPDF_GetLastError = _bind("FPDF_GetLastError", c_ulong)
FPDF_GetPageCount = _bind("FPDF_GetPageCount", c_int, _P)
FPDF_CloseDocument = _bind("FPDF_CloseDocument", None, _P)
FPDF_LoadPage = _bind("FPDF_LoadPage", Handle, _P, c_int)
FPDF_ClosePage = _bind("FPDF_ClosePage", None, _P)
FPDF_GetPageBoundingBox = _bind("FPDF_GetPageBoundingBox", c_int, _P, POINTER(FS_RECTF))
FPDF_GetPageWidthF = _bind("FPDF_GetPageWidthF", c_float, _P)
FPDF_GetPageHeightF = _bind("FPDF_GetPageHeightF", c_float, _P)
FPDFPage_GetRotation = _bind("FPDFPage_GetRotation", c_int, _P)
FPDFText_LoadPage = _bind("FPDFText_LoadPage", Handle, _P)
FPDFText_ClosePage = _bind("FPDFText_ClosePage", None, _P)
FPDFText_CountChars = _bind("FPDFText_CountChars", c_int, _P)
FPDFText_GetText = _bind("FPDFText_GetText", c_int, _P, c_int, c_int, POINTER(c_ushort))
FPDFText_GetUnicode = _bind("FPDFText_GetUnicode", c_uint, _P, c_int)
FPDFText_GetLooseCharBox = _bind("FPDFText_GetLooseCharBox", c_int, _P, c_int, POINTER(FS_RECTF))
FPDFPage_CountObjects = _bind("FPDFPage_CountObjects", c_int, _P)
FPDFPage_GetObject = _bind("FPDFPage_GetObject", Handle, _P, c_int)
FPDFFormObj_CountObjects = _bind("FPDFFormObj_CountObjects", c_int, _P)
FPDFFormObj_GetObject = _bind("FPDFFormObj_GetObject", Handle, _P, c_ulong)
FPDFPageObj_GetType = _bind("FPDFPageObj_GetType", c_int, _P)
FPDFPageObj_GetMatrix = _bind("FPDFPageObj_GetMatrix", c_int, _P, POINTER(FS_MATRIX))
FPDFPageObj_GetBounds = _bind("FPDFPageObj_GetBounds", c_int, _P, _F, _F, _F, _F)
FPDFPageObj_GetStrokeColor = _bind("FPDFPageObj_GetStrokeColor", c_int, _P, _U, _U, _U, _U)
FPDFPageObj_GetFillColor = _bind("FPDFPageObj_GetFillColor", c_int, _P, _U, _U, _U, _U)
FPDFPath_GetDrawMode = _bind("FPDFPath_GetDrawMode", c_int, _P, _I, _I)
FPDFPath_CountSegments = _bind("FPDFPath_CountSegments", c_int, _P)
FPDFPath_GetPathSegment = _bind("FPDFPath_GetPathSegment", Handle, _P, c_int)
FPDFPathSegment_GetPoint = _bind("FPDFPathSegment_GetPoint", c_int, _P, _F, _F)
FPDFPathSegment_GetType = _bind("FPDFPathSegment_GetType", c_int, _P)
FPDFPathSegment_GetClose = _bind("FPDFPathSegment_GetClose", c_int, _P)

# FPDFText_GetLooseCharBox(text_page, index, FS_RECTF*) without argument checks: called for
# (nearly) every word's first and last character, where checking the three arguments costs
# as much as pdfium's own work. Call it only with a `Handle`, a Python int and
# `ctypes.byref(FS_RECTF())`. Bound through PyDLL (the same library, already loaded), which
# keeps the GIL over the call instead of releasing and taking it back: the call is far
# shorter than that round trip, and pdfium does not call back into Python.
char_box_unchecked = ctypes.PyDLL(_lib._name)["FPDFText_GetLooseCharBox"]
char_box_unchecked.restype = c_int

# pdfium keeps one global state; initialising it again (pypdfium2 does, when the scan reader
# imports it) is a no-op in pdfium. Version 2 of the config, as pypdfium2 uses.
FPDF_InitLibraryWithConfig(_LibraryConfig(version=2))
