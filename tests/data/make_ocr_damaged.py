"""Make an OCR-damaged copy of a clean sample, the way Tesseract damages Vietnamese.

    python tests/data/make_ocr_damaged.py   # writes tests/data/fixtures/002_ocr_damaged.txt

About one word in ten loses or changes a diacritic (ế→ê, ả→á, ộ→ô), a few letters are
misread (th→ứi, n→Ii, h→li) and roman headings lose their I (I- → 1-). Numbers are left alone
so the expected record of the clean sample stays the answer key. Deterministic (seeded).
"""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "kehoach" / "data" / "samples" / "002_06834df7b106b0a8.txt"
OUT = ROOT / "tests" / "data" / "fixtures" / "002_ocr_damaged.txt"

TONES = ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
LETTER_SWAPS = [("th", "ứi"), ("n", "Ii"), ("h", "li"), ("m", "rn")]


def damage_word(word: str, rng: random.Random) -> str:
    if not any(c.isalpha() for c in word) or any(c.isdigit() for c in word):
        return word
    roll = rng.random()
    if roll < 0.75:  # a tone mark dropped or changed
        d = unicodedata.normalize("NFD", word)
        marks = [i for i, c in enumerate(d) if c in TONES]
        if marks:
            i = rng.choice(marks)
            d = d[:i] + (rng.choice(TONES) if rng.random() < 0.5 else "") + d[i + 1 :]
        else:
            vowels = [i for i, c in enumerate(d) if c in "aeiouyAEIOUY"]
            if vowels:
                i = rng.choice(vowels) + 1
                while i < len(d) and unicodedata.combining(d[i]):
                    i += 1  # after the vowel's own marks (ă, â, ơ …), as a real accent sits
                d = d[:i] + rng.choice(TONES) + d[i:]
        return unicodedata.normalize("NFC", d)
    for a, b in LETTER_SWAPS:
        if a in word:
            return word.replace(a, b, 1)
    return word


def damage(text: str, seed: int = 80, rate: float = 0.1) -> str:
    rng = random.Random(seed)
    out_lines = []
    for line in text.split("\n"):
        line = re.sub(r"^I([-.]\s)", r"1\1", line)
        words = line.split(" ")
        out_lines.append(" ".join(damage_word(w, rng) if rng.random() < rate else w for w in words))
    return "\n".join(out_lines)


if __name__ == "__main__":
    OUT.write_text(damage(SRC.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
