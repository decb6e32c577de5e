"""Character similarity of OCR against a document's true text, body and table pages apart.

    .venv/bin/python tools/ocr_similarity.py SCAN.pdf TRUE.txt

TRUE.txt is the document's text with its task table as pipe rows (as the samples'
`.txt` are); everything from the appendix heading (`Phụ lục`) on is the table part.
Prints, for body pages and for table pages: the similarity (1 - edit distance /
length, whitespace collapsed) of kehoach's OCR, and for table pages also of
Tesseract's plain reading order (the whole page read at once), the baseline.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from rapidfuzz.distance import Levenshtein


def _flat(text: str) -> str:
    return " ".join(text.replace("|", " ").split())


def _truth(path: Path) -> tuple[str, str]:
    lines = [
        ln
        for ln in path.read_text(encoding="utf-8").splitlines()
        if not re.match(r"^\|[\s|-]*$", ln)
    ]
    cut = next(i for i, ln in enumerate(lines) if ln.strip().lower().startswith("phụ lục"))
    return _flat("\n".join(lines[:cut])), _flat("\n".join(lines[cut:]))


def main(scan: Path, truth: Path) -> None:
    """Print the figures."""
    import tesserocr

    from kehoach.intake.images import PdfPages
    from kehoach.intake.scan_page import Grid, read_page
    from kehoach.intake.tesseract import engine

    body_truth, table_truth = _truth(truth)
    pages = PdfPages(scan.read_bytes())
    api = engine()
    body, table, plain = [], [], []
    for index in range(len(pages)):
        image, dpi = pages.page(index)
        page = read_page(image, index + 1, dpi, api)
        texts = [
            " ".join(
                c
                for row, sp in zip(it.rows, it.spans, strict=True)
                for c, copy in zip(row, sp, strict=True)
                if not copy
            )
            if isinstance(it, Grid)
            else it.text
            for it in page.items
        ]
        if any(isinstance(it, Grid) and len(it.rows[0]) >= 4 for it in page.items):
            table.extend(texts)
            from PIL import Image

            from kehoach.intake.scan_image import prepare

            api.SetImage(Image.fromarray(prepare(image)[0]))
            api.SetSourceResolution(dpi)
            api.SetPageSegMode(tesserocr.PSM.AUTO)
            plain.append(api.GetUTF8Text())
        else:
            body.extend(texts)

    def sim(a: list[str], b: str) -> float:
        return Levenshtein.normalized_similarity(_flat("\n".join(a)), b)

    print(f"body pages:  {sim(body, body_truth):.3f}  ({len(_flat(' '.join(body)))} characters)")
    print(
        f"table pages: {sim(table, table_truth):.3f}  (plain reading order: {sim(plain, table_truth):.3f})"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
