"""Extraction throughput over the shipped samples, repeated to a given size."""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path


@dataclass(frozen=True)
class BenchRow:
    """One measured figure."""

    name: str
    documents: int
    megabytes: float
    seconds: float

    @property
    def mb_per_s(self) -> float:
        return self.megabytes / self.seconds if self.seconds else float("inf")


def sample_files() -> list[Path]:
    """The shipped sample documents (all text families)."""
    root = Path(str(resources.files("kehoach.data").joinpath("samples")))
    return sorted(p for p in root.rglob("*.txt"))


def bench_extract(megabytes: float = 20.0) -> list[BenchRow]:
    """Extract the samples over and over until `megabytes` of text went through; one row per
    sample family and a total, timed in CPU seconds of this process (one core)."""
    from kehoach.extract import extract_document
    from kehoach.intake import read_bytes

    files = [(p.name, p.read_bytes()) for p in sample_files()]
    for name, data in files:  # warm up: lazy imports, compiled regexes, loaded tables
        extract_document(read_bytes(data, name))
    per_round = sum(len(d) for _, d in files)
    rounds = max(1, int(megabytes * 1e6 / per_round + 0.999))
    rows: list[BenchRow] = []
    total_s = 0.0
    for name, data in files:
        start = time.process_time()
        for _ in range(rounds):
            extract_document(read_bytes(data, name))
        spent = time.process_time() - start
        total_s += spent
        rows.append(BenchRow(name, rounds, rounds * len(data) / 1e6, spent))
    rows.append(BenchRow("all samples", rounds * len(files), rounds * per_round / 1e6, total_s))
    return rows


def bench_help(runs: int = 5) -> float:
    """Median wall seconds of `kehoach --help` in a fresh interpreter."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kehoach", "--help"], capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]
