"""Page images for OCR: a scan in grey comes out grey (the same pixels), one in colour in
colour (its stamp and signature are told from the text by their colour)."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
from PIL import Image

from kehoach.intake.images import PdfPages

SCANS = Path(__file__).parents[1] / "data" / "fixtures" / "scans"


def test_a_page_of_grey_pictures_is_rendered_grey_with_the_same_pixels() -> None:
    import pypdfium2

    data = (SCANS / "closing_groups_scan.pdf").read_bytes()
    image, dpi = PdfPages(data).page(0)
    assert image.ndim == 2 and image.flags["C_CONTIGUOUS"]
    page = pypdfium2.PdfDocument(data)[0]
    colour = page.render(scale=dpi / 72, rev_byteorder=True).to_numpy()
    assert all(np.array_equal(image, colour[:, :, c]) for c in range(3))


def test_a_page_in_colour_is_rendered_in_colour() -> None:
    photo = Image.open(SCANS / "stamped_page.jpg").convert("RGB")
    pdf = io.BytesIO()
    photo.save(pdf, "PDF", resolution=200)
    image, _dpi = PdfPages(pdf.getvalue()).page(0)
    assert image.ndim == 3 and image.shape[2] == 3
    red = (image[:, :, 0] > 150) & (image[:, :, 1] < 100)
    assert red.any()  # the stamp is there to be taken out
