"""The Tesseract engine: where its Vietnamese model lives, and one engine per process.

tesserocr's wheel carries its own libtesseract but no models; the models come from
the system (Debian's `tesseract-ocr-vie` puts them in /usr/share/tesseract-ocr/5/
tessdata). `TESSDATA_PREFIX` overrides the search, as it does for Tesseract itself.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from kehoach.errors import NeedsOcr

# One thread per engine: pages run in parallel processes instead. A libtesseract built with
# OpenMP (Debian's, and tesserocr built against it) otherwise runs four threads per line
# in each process, which spin for each other on a machine with fewer cores; OpenMP reads
# the limit once, when the library is loaded, so it is set before tesserocr is imported.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")
LANGUAGE = "vie"
INSTALL_HINT = "install Tesseract's Vietnamese model (Debian: apt-get install tesseract-ocr-vie)"
_SEARCH = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
)


@cache
def tessdata() -> str | None:
    """The folder holding `vie.traineddata`, or None when it is not installed."""
    prefix = os.environ.get("TESSDATA_PREFIX")
    places = [prefix, str(Path(prefix) / "tessdata")] if prefix else []
    for place in [*places, *_SEARCH]:
        if place and (Path(place) / f"{LANGUAGE}.traineddata").is_file():
            return place
    return None


def check_installed(where: str | None = None) -> str:
    """The tessdata folder; raises `NeedsOcr` with what to install when OCR cannot run."""
    try:
        import tesserocr  # noqa: F401
    except ImportError:
        raise NeedsOcr(
            "a scan needs OCR, and the tesserocr package is missing; run ./run demo to install it",
            where=where,
        ) from None
    folder = tessdata()
    if folder is None:
        raise NeedsOcr("a scan needs OCR; {hint}", where=where, hint=INSTALL_HINT)
    return folder


def version() -> str:
    """The engine and model, as a record names them (`tesseract 5.5.4 vie`)."""
    import tesserocr

    first = tesserocr.tesseract_version().split()[:2]
    return f"{' '.join(first)} {LANGUAGE}"


_ENGINE = None


def engine():
    """This process's Tesseract engine (made once; a worker process reuses it per page)."""
    global _ENGINE
    if _ENGINE is None:
        import tesserocr

        _ENGINE = tesserocr.PyTessBaseAPI(
            path=check_installed(), lang=LANGUAGE, psm=tesserocr.PSM.AUTO
        )
        # The test for fixed-pitch (typewriter) lines, a dynamic programme over every
        # line's blobs, is a seventh of the page layout's work and changes nothing the
        # LSTM reads (its text and boxes are the same on every scan we have).
        _ENGINE.SetVariable("textord_disable_pitch_test", "1")
    return _ENGINE
