"""Terminal rendering of records, repairs and scores (Rich)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from kehoach.model import PlanRecord
from kehoach.text.dates import format_date

console = Console()
notes = Console(stderr=True)  # what is said about a run, apart from its output


def _tf(t) -> str:
    tf = t.timeframe
    span = " → ".join(format_date(x) for x in (tf.start, tf.end) if x)
    return f"{tf.raw or '—'} [{tf.kind}{(' ' + span) if span else ''}{(' ' + tf.every) if tf.every else ''}]"


def print_record(record: PlanRecord) -> None:
    """A readable summary: document, targets, tasks with agencies and timeframes, duties."""
    d = record.document
    console.rule(f"[bold]{record.source.name}")
    console.print(
        f"[bold]{d.kind}[/] {d.number or '(chưa số)'} — {d.issuer or '?'} — {d.province or '?'} — "
        f"{format_date(d.date) or '?'}{' — DỰ THẢO' if d.draft else ''}"
    )
    console.print(f"[italic]{d.title or ''}[/]")
    if d.implements:
        console.print("Thực hiện: " + "; ".join(r.number or "?" for r in d.implements))
    if record.targets:
        t = Table(title=f"Chỉ tiêu ({len(record.targets)})", show_lines=False)
        for col in ("#", "Chỉ tiêu", "Năm", "Giá trị"):
            t.add_column(col)
        for g in record.targets:
            values = ", ".join(
                f"{m.value}{'' if m.unit == '%' else ' '}{m.unit or ''}" for m in g.metrics
            )
            t.add_row(g.id, g.text[:90], str(g.horizon or ""), values)
        console.print(t)
    if record.tasks:
        t = Table(title=f"Nhiệm vụ ({len(record.tasks)})", show_lines=False)
        for col in ("#", "Nhiệm vụ", "Chỉ đạo", "Chủ trì", "Phối hợp", "Thời gian"):
            t.add_column(col, overflow="fold")
        for k in record.tasks:
            t.add_row(
                k.id,
                k.text[:80],
                "; ".join(k.directing),
                "; ".join(k.lead),
                "; ".join(k.coordinating),
                _tf(k),
            )
        console.print(t)
    for r in record.reporting:
        console.print(
            f"Báo cáo: {r.every} {format_date(r.due)} → {r.to or '?'} (qua {r.via or '?'})"
        )


def print_repairs(doc) -> None:
    """List the OCR repairs made on a document."""
    if not doc.repairs:
        notes.print(f"[dim]{doc.name}: no OCR repairs[/]")
        return
    notes.print(f"[bold]{doc.name}[/]: {len(doc.repairs)} OCR repairs")
    for r in doc.repairs:
        notes.print(f"  line {r.line}: {r.original!r} → {r.replacement!r}")


def print_scores(rows) -> None:
    """One row per document, one column per figure."""
    if not rows:
        console.print("no expected records found")
        return
    t = Table(title="Extraction accuracy (plan_score)")
    t.add_column("figure", no_wrap=True)
    short = [r.name.split("_", 1)[0] for r in rows]
    heads = short if len(set(short)) == len(short) else [r.name for r in rows]
    for head in heads:
        t.add_column(head, justify="right")
    for n in rows[0].figures:
        t.add_row(n, *(f"{r.figures[n]:.3f}" for r in rows), style="bold" if n == "score" else None)
    console.print(t)
