"""`kehoach compare`: two plans' targets and tasks aligned, measured against a hand alignment."""

from pathlib import Path

import typer

from kehoach.cli import app
from kehoach.cli.edge import user_errors

DB_HELP = "Database URL (default: KEHOACH_DATABASE_URL, else sqlite:///var/kehoach.db)."
PLANS_HELP = "Two plans: stored plan ids, or files (a plan record .json, or a document to read)."


def _sides(a: str, b: str, db: str | None):
    """Items of both plans: from files when both are files, else from the database."""
    from kehoach.errors import InputError
    from kehoach.services import alignment

    if Path(a).is_file() and Path(b).is_file():
        from kehoach.model import PlanRecord, problem, record_from_json

        def record(path: str) -> PlanRecord:
            if path.endswith(".json"):
                try:
                    return record_from_json(Path(path).read_text(encoding="utf-8"))
                except ValueError as exc:  # not JSON, or not a record (pydantic says why)
                    raise InputError(
                        "not a plan record (kehoach.plan/1 JSON): {problem}",
                        where=path,
                        problem=problem(exc),
                    ) from None
            from kehoach.extract import extract_file

            return extract_file(path)

        left, right = record(a), record(b)
        return (
            alignment.align_targets(alignment.target_items(left), alignment.target_items(right)),
            alignment.align_tasks(alignment.task_items(left), alignment.task_items(right)),
            (left.document.number or a, right.document.number or b),
        )
    from kehoach.services import compare
    from kehoach.services.plans import list_plans
    from kehoach.services.types import SYSTEM
    from kehoach.store.db import open_database, session_scope

    ids = []
    for arg in (a, b):
        if not arg.isdigit():
            raise InputError("neither a file nor a plan id", where=arg)
        ids.append(int(arg))
    with session_scope(open_database(db)) as session:
        rows = {p.id: p for p in list_plans(session, SYSTEM)}
        for pid in ids:
            if pid not in rows:
                raise InputError("no plan with id {plan_id}", plan_id=pid)
        side = compare.align_plans(session, rows[ids[0]], rows[ids[1]])
        names = tuple(
            f"{rows[i].document.number or rows[i].document.kind} ({rows[i].jurisdiction_name})"
            for i in ids
        )
    return side.targets, side.tasks, names


@app.command("compare")
def compare_cmd(
    plans: tuple[str, str] = typer.Option(..., "--plans", help=PLANS_HELP),
    eval_: Path | None = typer.Option(
        None, "--eval", help="A hand alignment (JSON) to measure precision and recall against."
    ),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Align two plans that implement the same document: matched targets (figure by
    figure) and tasks, what each has that the other lacks, and with --eval the precision
    and recall against a hand alignment.

    Example: kehoach compare --plans 1 3 --eval tests/data/fixtures/alignment_80nq_000_002.json
    """
    from kehoach.services import alignment

    with user_errors():
        hand = alignment.load_hand_alignment(eval_) if eval_ else None
        targets, tasks, names = _sides(plans[0], plans[1], db)
    print(f"{names[0]}  ↔  {names[1]}")
    for kind, found in (("target", targets), ("task", tasks)):
        print(f"\n{'Targets' if kind == 'target' else 'Tasks'}: {len(found.pairs)} matched")
        for p in found.pairs:
            extra = ""
            if kind == "target":
                extra = f"  [{_figure(p.left)} | {_figure(p.right)}]"
            print(f"  {p.left.key:>8} ↔ {p.right.key:<8} {p.score:5.1f} {p.reason}{extra}")
            print(f"           {_short(p.left.subject or p.left.text)}")
            print(f"           {_short(p.right.subject or p.right.text)}")
        print(f"  only in the first:  {', '.join(i.key for i in found.only_left) or '-'}")
        print(f"  only in the second: {', '.join(i.key for i in found.only_right) or '-'}")
        if hand is not None:
            m = alignment.measure(
                [(p.left.key, p.right.key) for p in found.pairs],
                hand.sure[kind],
                hand.possible[kind],
            )
            print(
                f"  precision {m.precision:.2f} ({m.correct}/{m.found}), "
                f"recall {m.recall:.2f} ({m.recalled}/{m.sure})"
            )
            for left, right in m.wrong:
                print(f"    not in the hand alignment: {left} ↔ {right}")
            for left, right in m.missed:
                print(f"    missed: {left} ↔ {right}")


def _figure(item) -> str:
    """`100% → 2026`, `15 di tích → 2030` (numbers in Vietnamese notation)."""
    from kehoach.text.numbers import format_number

    value = "" if item.value is None else format_number(item.value)
    unit = item.unit or ""
    text = f"{value}{unit}" if unit == "%" else f"{value} {unit}".strip()
    return text + (f" → {item.year}" if item.year else "")


def _short(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
