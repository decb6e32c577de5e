"""Score the reader on OCR-damaged copies of the shared samples.

    PYTHONPATH=src .venv/bin/python tools/ocr_damage_eval.py [--seeds 1,2,3,4]
        [--rates 0.05,0.1,0.15,0.2] [--jobs 2] [--samples DIR] [--worst N]

Each clean text sample with an expected record (`DIR/NAME.txt` beside
`DIR/expected/NAME.json`) is damaged the way `tests/data/make_ocr_damaged.py`
damages text (seeded), read as `kehoach extract` reads a file (intake, OCR
judging and repair, extraction), and scored with the maintainers'
`plan_score.py`. Prints a table of sample x rate (min / mean over the seeds),
the overall min and mean, and the worst cases with their weakest figures.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT_SAMPLES = SHARED / "samples"
SCORER = SHARED / "tools" / "plan_score.py"


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_damager: ModuleType | None = None
_scorer: ModuleType | None = None


def _modules() -> tuple[ModuleType, ModuleType]:
    global _damager, _scorer
    if _damager is None or _scorer is None:
        _damager = _load("make_ocr_damaged", ROOT / "tests" / "data" / "make_ocr_damaged.py")
        _scorer = _load("plan_score", SCORER)
    return _damager, _scorer


def samples_with_records(folder: Path) -> list[tuple[Path, Path]]:
    """(text sample, expected record) pairs: the clean `.txt` samples that have a record."""
    out = []
    for exp in sorted((folder / "expected").glob("*.json")):
        txt = folder / f"{exp.stem}.txt"
        if txt.is_file():
            out.append((txt, exp))
    return out


def run_case(case: tuple[str, str, int, float]) -> tuple[str, float, int, dict[str, float]]:
    """Damage one sample with (seed, rate), extract, score: (name, rate, seed, figures)."""
    txt, exp, seed, rate = case
    damager, scorer = _modules()
    from kehoach.extract import extract_document
    from kehoach.intake import read_bytes

    text = Path(txt).read_text(encoding="utf-8")
    damaged = damager.damage(text, seed=seed, rate=rate)
    name = Path(txt).name
    record = extract_document(read_bytes(damaged.encode("utf-8"), name))
    truth = json.loads(Path(exp).read_text(encoding="utf-8"))
    return Path(txt).stem, rate, seed, scorer.score(truth, record.to_json())


def _floats(s: str) -> list[float]:
    return [float(x) for x in s.split(",") if x.strip()]


def _ints(s: str) -> list[int]:
    return [int(x) for x in s.split(",") if x.strip()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=_ints, default=[1, 2, 3, 4], help="comma-separated seeds")
    ap.add_argument(
        "--rates", type=_floats, default=[0.05, 0.1, 0.15, 0.2], help="share of words damaged"
    )
    ap.add_argument("--jobs", type=int, default=2, help="worker processes")
    ap.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES)
    ap.add_argument("--only", default="", help="comma-separated sample stems to run")
    ap.add_argument("--worst", type=int, default=8, help="worst cases to list")
    ap.add_argument("--json", type=Path, help="write every case's figures here")
    args = ap.parse_args(argv)

    pairs = samples_with_records(args.samples)
    if args.only:
        wanted = set(args.only.split(","))
        pairs = [p for p in pairs if p[0].stem in wanted]
    if not pairs:
        raise SystemExit(f"no text samples with expected records in {args.samples}")
    cases = [(str(t), str(e), s, r) for t, e in pairs for r in args.rates for s in args.seeds]
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            results = list(pool.map(run_case, cases, chunksize=1))
    else:
        results = [run_case(c) for c in cases]

    names = [t.stem for t, _ in pairs]
    width = max(len(n) for n in names)
    head = f"{'sample':<{width}} " + " ".join(f"{r:>11}" for r in args.rates)
    print(head)
    print(f"{'':<{width}} " + " ".join(f"{'min / mean':>11}" for _ in args.rates))
    for n in names:
        cells = []
        for r in args.rates:
            got = [f["score"] for name, rate, _, f in results if name == n and rate == r]
            cells.append(f"{min(got):.3f}/{statistics.mean(got):.3f}")
        print(f"{n:<{width}} " + " ".join(f"{c:>11}" for c in cells))
    scores = [f["score"] for *_, f in results]
    print(f"\n{len(scores)} cases: min {min(scores):.3f}  mean {statistics.mean(scores):.3f}")
    for r in args.rates:
        got = [f["score"] for _, rate, _, f in results if rate == r]
        print(f"  rate {r}: min {min(got):.3f}  mean {statistics.mean(got):.3f}")
    if args.worst:
        print("\nworst cases (sample rate seed: score; figures below 1):")
        for name, rate, seed, f in sorted(results, key=lambda x: x[3]["score"])[: args.worst]:
            weak = ", ".join(f"{k} {v:.2f}" for k, v in f.items() if k != "score" and v < 1)
            print(f"  {name} {rate} {seed}: {f['score']:.3f}  {weak}")
    if args.json:
        rows = [{"sample": n, "rate": r, "seed": s, **f} for n, r, s, f in results]
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
