"""Build the syllable model OCR repair uses: `src/kehoach/data/ocr/model.bin`.

The file holds the model's tables (`kehoach.text.ocr_model.compile_counts`), not
raw counts: everything derived from the counts is worked out here once, and
numbers are stored as arrays (`encode_tables`), so that loading the model is
a few memory copies and dicts made without Python code per entry.

Counts come from clean administrative text only: the samples 000 and 002, the
hand-written `phrases.txt` and the province register `provinces.txt` (a province's
name is in every heading of its documents: `TỈNH HÀ TĨNH` must not read as `HÀ
TỈNH`); the lexicon adds its syllables and the syllable pairs inside its words.
Sample 001 is left out on purpose: its clean text is the answer key of the OCR
test.

    .venv/bin/python tools/build_ocr_model.py           # build
    .venv/bin/python tools/build_ocr_model.py --check   # build, then check on held-out text

The check repairs each clean sample with a model built without it (any repair
of clean text is a false one), repairs clean 001 with the full model, and prints
the word error rate of `ocr/001_ocr.txt` before and after repair.
"""

from __future__ import annotations

import difflib
import gzip
import itertools
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kehoach.text.normalize import fold, nfc, unify_tone_marks  # noqa: E402
from kehoach.text.ocr_model import (  # noqa: E402
    OcrModel,
    compile_counts,
    encode_tables,
    model_from_counts,
)
from kehoach.text.ocr_repair import repair, training_sequences  # noqa: E402

DATA = ROOT / "src" / "kehoach" / "data"
SAMPLES = DATA / "samples"
CORPUS = [
    *sorted(SAMPLES.glob("000_*.txt")),
    *sorted(SAMPLES.glob("002_*.txt")),
    PHRASES := DATA / "ocr" / "phrases.txt",
    PROVINCES := DATA / "provinces.txt",
]
LISTS = (PHRASES, PROVINCES)  # one phrase a line, `#` comments
LEXICON = DATA / "ocr" / "lexicon.txt.gz"
OUTPUT = DATA / "ocr" / "model.bin"
TELLTALE = DATA / "ocr" / "telltale.txt"  # what `looks_like_ocr` counts, without the model


def count_corpus(paths: list[Path]) -> tuple[Counter[str], Counter[str]]:
    """Syllable and syllable-pair counts over the clean texts."""
    uni: Counter[str] = Counter()
    bi: Counter[str] = Counter()
    for path in paths:
        text = path.read_text(encoding="utf-8")
        if path in LISTS:
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


def model_counts(corpus: list[Path]) -> dict:
    """Syllable and pair counts of the given clean texts (plus the lexicon): what the
    model's tables are compiled from."""
    uni, bi = count_corpus(corpus)
    lex_uni, lex_pairs = count_lexicon(LEXICON)
    return {
        "format": "kehoach.ocr-counts/1",
        "sources": [p.name for p in corpus] + [LEXICON.name],
        "corpus_unigrams": dict(sorted(uni.items())),
        "corpus_bigrams": dict(sorted(bi.items())),
        "lexicon_unigrams": dict(sorted(lex_uni.items())),
        "lexicon_bigrams": sorted(lex_pairs),
    }


def word_error_rate(reference: str, hypothesis: str) -> float:
    """Mismatched words after aligning both texts on their folded words (as the tests do)."""
    ref, hyp = (re.findall(r"\w+", unify_tone_marks(nfc(t))) for t in (reference, hypothesis))
    folded = ([fold(w) for w in ref], [fold(w) for w in hyp])
    errors = 0
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, *folded, False).get_opcodes():
        if op == "equal":
            errors += sum(a != b for a, b in zip(ref[i1:i2], hyp[j1:j2], strict=True))
        else:
            errors += max(i2 - i1, j2 - j1)
    return errors / len(ref)


def check(full: dict) -> None:
    """Print false repairs on held-out clean text and the OCR sample's word error rate."""
    for held_out in CORPUS[:2]:
        model = model_from_counts(model_counts([p for p in CORPUS if p != held_out]))
        _, changes = repair(held_out.read_text(encoding="utf-8"), model=model)
        shown = ", ".join(f"{c.original}->{c.replacement}" for c in changes[:10])
        print(f"held out {held_out.name}: {len(changes)} false repairs  {shown}")
    model = model_from_counts(full)
    clean = next(SAMPLES.glob("001_*.txt")).read_text(encoding="utf-8")
    print(f"clean 001 (never in the model): {len(repair(clean, model=model)[1])} repairs")
    ocr = (SAMPLES / "ocr" / "001_ocr.txt").read_text(encoding="utf-8")
    repaired, changes = repair(ocr, model=model)
    raw, after = word_error_rate(clean, ocr), word_error_rate(clean, repaired)
    print(f"001_ocr word error rate: raw {raw:.2%}, repaired {after:.2%} ({len(changes)} repairs)")


def main() -> None:
    """Count, write the model's tables, and with `--check` check it."""
    model = model_counts(CORPUS)
    tables = compile_counts(model)
    OUTPUT.write_bytes(encode_tables(tables))
    print(
        f"{OUTPUT.relative_to(ROOT)}: {len(model['corpus_unigrams'])} syllables, "
        f"{len(model['corpus_bigrams'])} pairs, {len(model['lexicon_bigrams'])} lexicon pairs, "
        f"{OUTPUT.stat().st_size} bytes"
    )
    telltale = sorted(OcrModel(tables).telltale)
    TELLTALE.write_text("".join(f"{s}\n" for s in telltale), encoding="utf-8")
    print(f"{TELLTALE.relative_to(ROOT)}: {len(telltale)} syllables")
    if "--check" in sys.argv[1:]:
        check(model)


if __name__ == "__main__":
    main()
