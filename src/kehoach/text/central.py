"""Central bodies (`Bộ …`, `Chính phủ`, `… Trung ương`): `data/national_agencies.txt`."""

from __future__ import annotations

from functools import cache

from kehoach.text.datafiles import data_file
from kehoach.text.normalize import clean, fold

__all__ = ["is_central"]


@cache
def _central_rules() -> tuple[tuple[str, str, bool], ...]:
    """(mode, folded text, central?) from `national_agencies.txt`; mode: exact|prefix|suffix."""
    text = data_file("national_agencies.txt")
    rules = []
    for line in text.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        central = not line.startswith("!")
        line = line.lstrip("!").strip()
        if line.endswith("…"):
            rules.append(("prefix", fold(clean(line[:-1])), central))
        elif line.startswith("…"):
            rules.append(("suffix", fold(clean(line[1:])), central))
        else:
            rules.append(("exact", fold(clean(line)), central))
    # exceptions first, so `!Bộ Chỉ huy …` wins over `Bộ …`
    return tuple(sorted(rules, key=lambda r: r[2]))


def is_central(agency_name: str) -> bool:
    """Is this a central body (Bộ …, Chính phủ, Quốc hội, … Trung ương)?"""
    key = fold(clean(agency_name))
    for mode, text, central in _central_rules():
        n = len(text)
        if mode == "exact":
            hit = key == text
        elif mode == "prefix":  # a whole word: `Bộ …` is not `Bội …`
            hit = len(key) > n and key.startswith(text) and not key[n].isalnum()
        else:
            hit = len(key) > n and key.endswith(text) and not key[-n - 1].isalnum()
        if hit:
            return central
    return False
