"""Page images for OCR: the pages of a scanned PDF (rendered by pdfium) and the frames of
an image file (.png, .jpg, .tiff; a multi-page TIFF is a multi-page document)."""

from __future__ import annotations

import io

import numpy as np

from kehoach.errors import UnsupportedFormat
from kehoach.intake.document import IMAGE_SUFFIXES

__all__ = ["IMAGE_SUFFIXES", "ImageFrames", "PdfPages"]
_A4_INCHES = 8.27  # the short side of an A4 page: a photo's resolution is guessed from it
_MIN_DPI, _MAX_DPI = 150, 300


class PdfPages:
    """A PDF's pages as images, each at the resolution of the scan it holds (150–300 dpi)."""

    def __init__(self, data: bytes, name: str = "") -> None:
        import pypdfium2

        try:
            self._pdf = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as exc:
            text = str(exc).lower()
            if "password" in text:
                raise UnsupportedFormat(
                    "the PDF is protected by a password; save a copy without the password",
                    where=name,
                ) from None
            raise UnsupportedFormat(
                "this .pdf file cannot be read: {reason}", where=name, reason=exc
            ) from None

    def __len__(self) -> int:
        return len(self._pdf)

    def close(self) -> None:
        """Let pdfium's document go now (left to the end of the process, pypdfium2 warns
        on stderr that it was still open)."""
        self._pdf.close()

    def page(self, index: int) -> tuple[np.ndarray, int]:
        """Page `index` (from 0) as an RGB array, or a grey one when the page is nothing
        but grey pictures (a scan in grey: the same pixels, a third of the memory, and no
        colour to look for), and its resolution in dpi."""
        page = self._pdf[index]
        dpi, grey = _scan_dpi(page)
        # rendered in colour even so: pdfium's grey bitmaps take twice as long, for the
        # same values (a grey picture's pixels are equal in the three channels)
        array = page.render(scale=dpi / 72, rev_byteorder=True).to_numpy()  # pdfium's memory
        if array.ndim == 3 and grey:
            return np.ascontiguousarray(array[:, :, 0]), dpi  # a copy: the first channel
        return np.array(array[:, :, :3] if array.ndim == 3 else array, copy=True), dpi


def _scan_dpi(page) -> tuple[int, bool]:
    """The resolution of the largest picture on the page (the scan), within 150–300 dpi;
    and whether the page holds nothing but grey pictures."""
    import pypdfium2.raw as raw

    best = 0.0
    grey = True
    for obj in page.get_objects():
        if obj.type != raw.FPDF_PAGEOBJ_IMAGE:
            grey = False  # text or drawing: it may be in colour
            continue
        grey = grey and _grey_image(obj)
        left, _bottom, right, _top = obj.get_bounds()
        width_px, _ = obj.get_px_size()
        if right - left > 72:  # wider than an inch: a scan, not a logo
            best = max(best, width_px / ((right - left) / 72))
    dpi = int(min(_MAX_DPI, max(_MIN_DPI, best))) if best else _MAX_DPI
    return dpi, grey and best > 0


def _grey_image(obj) -> bool:
    """Whether a picture is in grey (or black and white) only."""
    import pypdfium2.raw as raw

    try:
        colorspace = obj.get_metadata().colorspace
    except Exception:  # metadata pdfium cannot give: taken as colour
        return False
    return colorspace in (raw.FPDF_COLORSPACE_DEVICEGRAY, raw.FPDF_COLORSPACE_CALGRAY)


class ImageFrames:
    """The frames of an image file, checked when opened."""

    def __init__(self, data: bytes, name: str = "") -> None:
        from PIL import Image, UnidentifiedImageError

        self._data = data
        try:
            with Image.open(io.BytesIO(data)) as image:
                image.verify()
            with Image.open(io.BytesIO(data)) as image:
                self._count = getattr(image, "n_frames", 1)
        except (UnidentifiedImageError, Image.DecompressionBombError) as exc:
            why = "it is too large" if "decompression" in str(exc).lower() else "it is not an image"
            raise UnsupportedFormat(
                "this image cannot be read: {reason}", where=name, reason=why
            ) from None
        except (OSError, SyntaxError, ValueError) as exc:
            raise UnsupportedFormat(
                "this image cannot be read: it is damaged ({reason})",
                where=name,
                reason=str(exc)[:80],
            ) from None

    def close(self) -> None:
        """Nothing to let go: the frames are read from the bytes, one at a time."""

    def __len__(self) -> int:
        return self._count

    def page(self, index: int) -> tuple[np.ndarray, int]:
        """Frame `index` (from 0) as an RGB or grey array, turned as the camera says."""
        from PIL import Image, ImageOps

        with Image.open(io.BytesIO(self._data)) as image:
            image.seek(index)
            frame = ImageOps.exif_transpose(image) or image
            dpi = _image_dpi(frame)
            mode = "L" if frame.mode in ("1", "L", "I;16", "I", "F") else "RGB"
            return np.array(frame.convert(mode)), dpi


def _image_dpi(image) -> int:
    stated = image.info.get("dpi")
    if stated and stated[0] and float(stated[0]) >= 72:
        return int(min(_MAX_DPI * 2, float(stated[0])))
    guess = min(image.size) / _A4_INCHES  # a photo: assume the page fills the picture
    return int(min(_MAX_DPI, max(_MIN_DPI, guess)))
