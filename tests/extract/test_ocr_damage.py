"""Plans damaged the way Tesseract damages Vietnamese (tests/data/make_ocr_damaged.py), at
several seeds and rates, still read right: repair in intake, then the reader's folded
look-ups. `tools/ocr_damage_eval.py` runs the whole grid; these are cases that once fell
short (a heading `Hõ̂i`, `baIi`, `Sơ Văn hóa`, `chủ trí`, `CHU TÍCH`, `VỈ`, `Lao Cai`)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from kehoach.extract import extract_document
from kehoach.extract.plan_score import score
from kehoach.intake import read_bytes

from .conftest import EXPECTED, SAMPLES

DAMAGER = Path(__file__).parents[1] / "data" / "make_ocr_damaged.py"
DOCS = {
    "000": SAMPLES / "000_c6c358976faa1d91.txt",
    "001": SAMPLES / "001_47cec5a30aa91629.txt",
    "002": SAMPLES / "002_06834df7b106b0a8.txt",
    "lc": EXPECTED / "lc-kh-khoangsan-2026.txt",
    "ld": EXPECTED / "ld-kh-pcmt-2030.txt",
}
# (document, seed, share of words damaged)
CASES = [
    ("001", 1, 0.15),
    ("001", 3, 0.1),
    ("001", 4, 0.3),
    ("000", 4, 0.25),
    ("002", 3, 0.2),
    ("lc", 1, 0.2),
    ("lc", 2, 0.1),
    ("ld", 4, 0.1),
    ("ld", 2, 0.4),
]


def _damage(text: str, seed: int, rate: float) -> str:
    spec = importlib.util.spec_from_file_location("make_ocr_damaged", DAMAGER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.damage(text, seed=seed, rate=rate)


@pytest.mark.slow
@pytest.mark.parametrize(("doc", "seed", "rate"), CASES, ids=[f"{d}-{s}-{r}" for d, s, r in CASES])
def test_a_damaged_plan_still_reads_right(doc: str, seed: int, rate: float) -> None:
    path = DOCS[doc]
    damaged = _damage(path.read_text(encoding="utf-8"), seed, rate)
    read = read_bytes(damaged.encode("utf-8"), path.name)
    assert read.ocr  # judged OCR'd, so repaired
    truth = json.loads((EXPECTED / "expected" / f"{path.stem}.json").read_text(encoding="utf-8"))
    figures = score(truth, extract_document(read).to_json())
    assert figures["score"] >= 0.95, figures
