"""Build the syllable model OCR repair uses: `src/kehoach/data/ocr/model.json.gz`.

Counts come from clean administrative text only: the samples 000 and 002 and
the hand-written `phrases.txt`; the lexicon adds its syllables and the syllable
pairs inside its words. Sample 001 is left out on purpose: its clean text is the
answer key of the OCR test.

    .venv/bin/python tools/build_ocr_model.py
"""

from __future__ import annotations

import gzip
import itertools
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kehoach.text.normalize import nfc, unify_tone_marks  # noqa: E402
from kehoach.text.ocr_repair import training_sequences  # noqa: E402

DATA = ROOT / "src" / "kehoach" / "data"
CORPUS = [
    *sorted((DATA / "samples").glob("000_*.txt")),
    *sorted((DATA / "samples").glob("002_*.txt")),
    PHRASES := DATA / "ocr" / "phrases.txt",
]
LEXICON = DATA / "ocr" / "lexicon.txt.gz"
OUTPUT = DATA / "ocr" / "model.json.gz"


def count_corpus(paths: list[Path]) -> tuple[Counter[str], Counter[str]]:
    """Syllable and syllable-pair counts over the clean texts."""
    uni: Counter[str] = Counter()
    bi: Counter[str] = Counter()
    for path in paths:
        text = path.read_text(encoding="utf-8")
        if path == PHRASES:
            # One phrase a line (a blank line keeps phrases apart), `#` comments.
            text = "\n\n".join(ln for ln in text.splitlines() if not ln.startswith("#"))
        text = unify_tone_marks(nfc(text))
        for seq in training_sequences(text):
            uni.update(s for s in seq if s != "<x>")
            bi.update(f"{a} {b}" for a, b in itertools.pairwise(seq) if "<x>" not in (a, b))
    return uni, bi


def count_lexicon(path: Path) -> tuple[Counter[str], set[str]]:
    """Syllables of the lexicon words (how many words hold each) and pairs inside words."""
    uni: Counter[str] = Counter()
    pairs: set[str] = set()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            syls = unify_tone_marks(nfc(line.strip())).lower().split()
            if not syls or not all(s.isalpha() for s in syls):
                continue
            uni.update(syls)
            pairs.update(f"{a} {b}" for a, b in itertools.pairwise(syls))
    return uni, pairs


def main() -> None:
    """Count, then write the model as gzipped JSON."""
    uni, bi = count_corpus(CORPUS)
    lex_uni, lex_pairs = count_lexicon(LEXICON)
    model = {
        "format": "kehoach.ocr-model/1",
        "sources": [p.name for p in CORPUS] + [LEXICON.name],
        "corpus_unigrams": dict(sorted(uni.items())),
        "corpus_bigrams": dict(sorted(bi.items())),
        "lexicon_unigrams": dict(sorted(lex_uni.items())),
        "lexicon_bigrams": sorted(lex_pairs),
    }
    raw = json.dumps(model, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with gzip.GzipFile(OUTPUT, "wb", compresslevel=9, mtime=0) as f:
        f.write(raw)
    print(
        f"{OUTPUT.relative_to(ROOT)}: {len(uni)} syllables, {len(bi)} pairs, "
        f"{len(lex_pairs)} lexicon pairs, {OUTPUT.stat().st_size} bytes"
    )


if __name__ == "__main__":
    main()
