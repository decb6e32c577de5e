"""Importing a scan on the web: the review page says it was read by OCR and shows the
places on the pages that doubtful fields were read from (slow: Tesseract)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from webkit import as_user

from kehoach.intake.tesseract import tessdata

SCANS = Path(__file__).parents[1] / "data" / "fixtures" / "scans"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(tessdata() is None, reason="Tesseract's Vietnamese model is missing"),
]


@pytest.fixture(scope="module")
def officer(world):
    return as_user(world, "officer")


@pytest.fixture(scope="module")
def review(officer):
    token = officer.csrf("/import")
    data = (SCANS / "002_table_scan.pdf").read_bytes()
    page = officer.client.post(
        "/import",
        data={"csrf_token": token},
        files={"file": ("phu-luc-quet.pdf", data, "application/pdf")},
    )
    assert page.status_code == 200, page.text
    upload = re.search(r'name="token" value="([0-9a-f]{64})"', page.text).group(1)
    return page.text, upload


def test_the_review_page_says_the_text_came_from_ocr(review) -> None:
    text, _ = review
    assert "Văn bản được đọc từ bản quét bằng nhận dạng ký tự (OCR)" in text
    assert "Ban Tuyên giáo và Dân vận Tỉnh ủy" in text  # a lead agency read from a cell


def test_doubtful_fields_show_their_place_on_the_page(review, officer) -> None:
    text, upload = review
    for src in re.findall(r'<img src="(/import/[0-9a-f]{64}/page/\d+\.png\?box=[\d,]+)"', text):
        assert officer.get(src).headers["content-type"] == "image/png"
    picture = officer.get(f"/import/{upload}/page/1.png?box=100,100,400,200")
    assert picture.status_code == 200
    assert picture.content.startswith(b"\x89PNG")


def test_page_pictures_are_for_officers_and_real_pages(review, world, officer) -> None:
    _, upload = review
    assert officer.get(f"/import/{upload}/page/9.png?box=1,1,2,2").status_code == 404
    assert officer.get(f"/import/{upload}/page/1.png?box=a,b").status_code == 404
    reporter = as_user(world, "reporter")
    assert reporter.get(f"/import/{upload}/page/1.png?box=1,1,2,2").status_code == 403
