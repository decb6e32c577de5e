"""Draw docs/performance.svg and print the growth table from `kehoach bench scale --json` files.

    python tools/perf_plot.py docs/performance/*.json --svg docs/performance.svg

Each file is one database at one size; the plot shows each figure's p95 (ms) against the
number of provinces, one line per figure and database. Plain SVG, no plotting library.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2",
           "#17becf", "#7f7f7f", "#bcbd22"]  # fmt: skip
KEEP = ("status of a province", "the country's", "a province's communes", "dashboard",
        "plan page", "GET /api/plans", "GET /api/tasks")  # fmt: skip


def _key(f: dict) -> str:
    """A figure's name without the numbers that change with size."""
    name = f["name"]
    if f["group"] == "status":
        years = name.rsplit(",", 1)[1].split()[0]
        return f"status of a province's 800 tasks, {years} years of reports"
    if f["group"] == "roll-up":
        return "roll-up, 1 indicator × 20 periods, " + (
            "the country" if "country" in name else "a province"
        )
    if f["group"] == "import":
        return "import of one plan"
    if f["group"] == "extract":
        return "extraction (ms per document; MB/s)"
    return name


def load(paths: list[Path]) -> dict[tuple[str, str], list[tuple[int, float]]]:
    series: dict[tuple[str, str], list[tuple[int, float]]] = {}
    for path in paths:
        data = json.loads(path.read_text())
        provinces = data["sizes"]["provinces"]
        for f in data["figures"]:
            if not any(k in f["name"] for k in KEEP):
                continue
            if f["name"].startswith("status") and "10 years" not in f["name"]:
                continue
            series.setdefault((data["database"], _key(f)), []).append((provinces, f["p95_ms"]))
    return {k: sorted(v) for k, v in series.items()}


def table(paths: list[Path]) -> str:
    """A Markdown table: one row per figure and database, one column per size."""
    rows: dict[tuple[str, str], dict[int, str]] = {}
    sizes = set()
    for path in paths:
        data = json.loads(path.read_text())
        n = data["sizes"]["provinces"]
        sizes.add(n)
        for f in data["figures"]:
            ratio = f" ({f['ratio']:.1f}×)" if f.get("ratio") else ""
            rps = f", {f['rps']:.0f}/s" if f.get("rps") and f["group"] == "web" else ""
            if f["group"] == "extract":
                rps = f", {f['rps']:.2f} MB/s"
            rows.setdefault((data["database"], _key(f)), {})[n] = f"{f['p95_ms']:.1f}{rps}{ratio}"
    cols = sorted(sizes)
    out = ["| database | figure: p95 ms (req/s under load; p50 × its floor) | "
           + " | ".join(f"{c} prov." for c in cols) + " |",
           "|---|---|" + "---|" * len(cols)]  # fmt: skip
    for (db, name), cells in sorted(rows.items(), key=lambda kv: kv[0][0]):
        out.append(f"| {db} | {name} | " + " | ".join(cells.get(c, "") for c in cols) + " |")
    return "\n".join(out)


def svg(series: dict[tuple[str, str], list[tuple[int, float]]], width=1000, height=520) -> str:
    left, right, top, bottom = 70, 430, 30, 50
    xs = sorted({x for s in series.values() for x, _ in s}) or [1]
    ys = [y for s in series.values() for _, y in s if y > 0] or [1.0]
    x0, x1 = min(xs), max(max(xs), min(xs) + 1)
    y0, y1 = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)))
    y1 = max(y1, y0 + 1)

    def px(x: float) -> float:
        return left + (x - x0) / (x1 - x0) * (width - left - right)

    def py(y: float) -> float:
        return top + (y1 - math.log10(max(y, 10**y0))) / (y1 - y0) * (height - top - bottom)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'font-family="sans-serif" font-size="12">',
             f'<rect width="{width}" height="{height}" fill="white"/>']  # fmt: skip
    for e in range(y0, y1 + 1):
        y = py(10**e)
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
        )
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{10**e:g} ms</text>')
    for x in xs:
        parts.append(
            f'<text x="{px(x):.1f}" y="{height - bottom + 18}" text-anchor="middle">{x}</text>'
        )
    parts.append(f'<text x="{(left + width - right) / 2}" y="{height - 12}" text-anchor="middle">'
                 "provinces seeded (p95, log scale)</text>")  # fmt: skip
    for ms, what in ((50, "status target"), (100, "roll-up target"), (150, "page target")):
        y = py(ms)
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'stroke="#999" stroke-dasharray="2,4"/>')  # fmt: skip
        parts.append(f'<text x="{width - right - 4}" y="{y - 3:.1f}" text-anchor="end" '
                     f'fill="#777" font-size="10">{what} {ms} ms</text>')  # fmt: skip
    for i, ((db, name), points) in enumerate(sorted(series.items())):
        colour = COLOURS[i % len(COLOURS)]
        dash = ' stroke-dasharray="5,3"' if db == "sqlite" else ""
        path = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in points)
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>'
        )
        for x, y in points:
            parts.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3" fill="{colour}"/>')
        ly = top + 16 * i
        parts.append(f'<line x1="{width - right + 12}" x2="{width - right + 36}" y1="{ly}" y2="{ly}" '
                     f'stroke="{colour}" stroke-width="2"{dash}/>')  # fmt: skip
        label = (
            f"{db}: {name}".replace("1 indicator × 20 periods", "CT01")[:62]
            .replace("&", "&amp;")
            .replace("<", "&lt;")
        )
        parts.append(f'<text x="{width - right + 40}" y="{ly + 4}">{label}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--svg", type=Path, default=Path("docs/performance.svg"))
    args = parser.parse_args()
    args.svg.write_text(svg(load(args.files)))
    print(table(args.files))


if __name__ == "__main__":
    main()
