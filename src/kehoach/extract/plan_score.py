# Vendored from shared/tools/plan_score.py (the maintainers' measuring stick); keep in step.
"""Score a plan record against an expected one (kehoach.plan/1).

    python3 plan_score.py EXPECTED.json ACTUAL.json [--json] [--show]

Prints one line per figure and a final `score:` line (the mean of the
figures, 0..1). Standard library only, so anyone can run it.

How things are compared
- Text: NFC, lower case, old/new accent placement unified (hoá = hóa),
  every dash the same (– = -),
  abbreviations in agency names expanded (UBND, HĐND, VHTTDL, …),
  punctuation at the ends dropped, whitespace collapsed.
- Tasks are paired by text similarity (>= 0.80), targets likewise (>= 0.60),
  each expected item with at most one actual item, best pairs first.
- Task accuracies are shares of the EXPECTED tasks: a task counts when it
  was found and its agency set (directing, lead, coordinating) or its
  timeframe (kind, start, end, every) equals the expected one; a task that
  was not found counts as wrong. Likewise for targets: horizon and the
  multiset of metric values. So a record that misses half the table cannot
  score well on the other figures.
- Reporting duties are compared as (every, due) pairs.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import unicodedata

# Two placements of the tone mark on oa/oe/uy: both sides are folded to the
# one the schema writes (hóa, ủy). Applied to both sides alike, so a word it
# over-folds (quý -> qúy) still compares equal.
_TONE_PLACEMENT = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
_ABBREVIATIONS = [
    (r"\bubnd\b", "ủy ban nhân dân"),
    (r"\bhđnd\b", "hội đồng nhân dân"),
    (r"\bubmttq(vn)?\b", "ủy ban mặt trận tổ quốc"),
    (r"\bmttq(vn)?\b", "mặt trận tổ quốc"),
    (r"\bvhttdl\b", "văn hóa, thể thao và du lịch"),
    (r"\bvh,\s*tt\s*&\s*dl\b", "văn hóa, thể thao và du lịch"),
    (r"\bkh\s*&\s*cn\b", "khoa học và công nghệ"),
    (r"\bkh-cn\b", "khoa học và công nghệ"),
    (r"\bgd\s*&\s*đt\b", "giáo dục và đào tạo"),
    (r"\bct-xh\b", "chính trị - xã hội"),
    (r"\bbtv\b", "ban thường vụ"),
]


def norm(text: object) -> str:
    if text is None:
        return ""
    s = unicodedata.normalize("NFC", str(text)).lower()
    for variant, canonical in _TONE_PLACEMENT.items():
        s = s.replace(variant, canonical)
    s = re.sub(r"\s*[-‐‑‒–—]\s*", " - ", s)  # all dashes alike, spaced alike
    s = re.sub(r"\s+", " ", s).strip()
    return s.strip(" .;,:")


def norm_agency(text: object) -> str:
    s = norm(text)
    for pattern, full in _ABBREVIATIONS:
        s = re.sub(pattern, full, s)
    s = re.sub(r"\s*,\s*", ", ", s)
    return s.strip(" .;,:")


def norm_docnum(text: object) -> str:
    return re.sub(r"\s+", "", norm(text))


def similarity(a: str, b: str) -> float:
    ta, tb = norm(a).split(), norm(b).split()
    if not ta or not tb:
        return 0.0
    return difflib.SequenceMatcher(None, ta, tb, autojunk=False).ratio()


def pair(expected: list, actual: list, key, threshold: float) -> list[tuple[int, int]]:
    scored = []
    for i, e in enumerate(expected):
        for j, a in enumerate(actual):
            s = similarity(key(e), key(a))
            if s >= threshold:
                scored.append((s, i, j))
    scored.sort(reverse=True)
    used_e, used_a, pairs = set(), set(), []
    for _, i, j in scored:
        if i not in used_e and j not in used_a:
            used_e.add(i)
            used_a.add(j)
            pairs.append((i, j))
    return pairs


def f1(n_pairs: int, n_expected: int, n_actual: int) -> float:
    if n_expected == 0 and n_actual == 0:
        return 1.0
    if n_pairs == 0:
        return 0.0
    p, r = n_pairs / n_actual, n_pairs / n_expected
    return 2 * p * r / (p + r)


def share(hits: int, total: int) -> float:
    return 1.0 if total == 0 else hits / total


def agencies(task: dict, role: str) -> frozenset:
    return frozenset(norm_agency(a) for a in (task.get(role) or []))


def timeframe(task: dict) -> tuple:
    tf = task.get("timeframe") or {}
    return (tf.get("kind"), tf.get("start"), tf.get("end"), tf.get("every"))


def values(target: dict) -> list:
    out: list[float | None] = []
    for m in target.get("metrics") or []:
        v = m.get("value")
        try:
            out.append(round(float(v), 6))
        except (TypeError, ValueError):
            out.append(None)
    return sorted(out, key=lambda x: (x is None, x))


def score(expected: dict, actual: dict) -> dict[str, float]:
    figures: dict[str, float] = {}
    ed, ad = expected.get("document") or {}, actual.get("document") or {}
    doc_hits = 0
    fields = ["kind", "number", "issuer", "province", "date", "draft", "signer"]
    for field in fields:
        ev, av = ed.get(field), ad.get(field)
        if field == "number":
            same = norm_docnum(ev) == norm_docnum(av)
        elif field == "issuer":
            same = norm_agency(ev) == norm_agency(av)
        elif field == "draft":
            same = bool(ev) == bool(av)
        else:
            same = norm(ev) == norm(av)
        doc_hits += same
    doc_hits += similarity(ed.get("title") or "", ad.get("title") or "") >= 0.8
    figures["document_fields"] = doc_hits / (len(fields) + 1)
    e_impl = {norm_docnum(r.get("number")) for r in ed.get("implements") or [] if r.get("number")}
    a_impl = {norm_docnum(r.get("number")) for r in ad.get("implements") or [] if r.get("number")}
    figures["implements_f1"] = f1(len(e_impl & a_impl), len(e_impl), len(a_impl))

    et, at = expected.get("tasks") or [], actual.get("tasks") or []
    pairs = pair(et, at, lambda t: t.get("text") or "", 0.80)
    figures["tasks_f1"] = f1(len(pairs), len(et), len(at))
    for role in ("directing", "lead", "coordinating"):
        hits = sum(agencies(et[i], role) == agencies(at[j], role) for i, j in pairs)
        figures[f"task_{role}_accuracy"] = share(hits, len(et))
    hits = sum(timeframe(et[i]) == timeframe(at[j]) for i, j in pairs)
    figures["task_timeframe_accuracy"] = share(hits, len(et))

    eg, ag = expected.get("targets") or [], actual.get("targets") or []
    pairs = pair(eg, ag, lambda t: t.get("text") or "", 0.60)
    figures["targets_f1"] = f1(len(pairs), len(eg), len(ag))
    hits = sum(values(eg[i]) == values(ag[j]) for i, j in pairs)
    figures["target_values_accuracy"] = share(hits, len(eg))
    hits = sum(eg[i].get("horizon") == ag[j].get("horizon") for i, j in pairs)
    figures["target_horizon_accuracy"] = share(hits, len(eg))

    er = {(r.get("every"), r.get("due")) for r in expected.get("reporting") or []}
    ar = {(r.get("every"), r.get("due")) for r in actual.get("reporting") or []}
    figures["reporting_f1"] = f1(len(er & ar), len(er), len(ar))
    figures["score"] = sum(figures.values()) / len(figures)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("expected")
    parser.add_argument("actual")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--show", action="store_true", help="list unpaired and mismatched items")
    args = parser.parse_args()
    with open(args.expected, encoding="utf-8") as fh:
        expected = json.load(fh)
    with open(args.actual, encoding="utf-8") as fh:
        actual = json.load(fh)
    figures = score(expected, actual)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for name, value in figures.items():
            print(f"{name}: {value:.3f}")
    if args.show:
        show(expected, actual)
    return 0


def show(expected: dict, actual: dict) -> None:
    et, at = expected.get("tasks") or [], actual.get("tasks") or []
    pairs = pair(et, at, lambda t: t.get("text") or "", 0.80)
    paired_e = {i for i, _ in pairs}
    paired_a = {j for _, j in pairs}
    for i, t in enumerate(et):
        if i not in paired_e:
            print(f"missing task {t.get('id')}: {t.get('text', '')[:100]}")
    for j, t in enumerate(at):
        if j not in paired_a:
            print(f"extra task {t.get('id')}: {t.get('text', '')[:100]}")
    for i, j in pairs:
        for role in ("directing", "lead", "coordinating"):
            if agencies(et[i], role) != agencies(at[j], role):
                print(
                    f"task {et[i].get('id')} {role}: expected {sorted(agencies(et[i], role))} got {sorted(agencies(at[j], role))}"
                )
        if timeframe(et[i]) != timeframe(at[j]):
            print(
                f"task {et[i].get('id')} timeframe: expected {timeframe(et[i])} got {timeframe(at[j])}"
            )
    eg, ag = expected.get("targets") or [], actual.get("targets") or []
    pairs = pair(eg, ag, lambda t: t.get("text") or "", 0.60)
    paired_e = {i for i, _ in pairs}
    for i, t in enumerate(eg):
        if i not in paired_e:
            print(f"missing target {t.get('id')}: {t.get('text', '')[:100]}")
    for i, j in pairs:
        if values(eg[i]) != values(ag[j]):
            print(f"target {eg[i].get('id')} values: expected {values(eg[i])} got {values(ag[j])}")


if __name__ == "__main__":
    sys.exit(main())
