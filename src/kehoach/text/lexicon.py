"""The administrative vocabulary (`data/lexicon.toml`): word lists read once, turned into
sets and regex alternations for the readers in `extract/`, and the typo fixes applied in
normalisation. Adding a document family means adding rows there, not another regex here."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from kehoach.text.datafiles import data_file, parsed
from kehoach.text.normalize import clean, fold


def _toml(text: str) -> dict:
    import tomllib  # only when the cache does not have this lexicon

    return tomllib.loads(text)


@lru_cache(maxsize=1)
def _data() -> dict:
    # parsing the TOML took a tenth of the start-up of `kehoach extract`: kept parsed in the
    # user's cache under the file's hash (`datafiles.parsed`)
    return parsed("lexicon.toml", _toml)


def tables() -> dict:
    """The whole lexicon, every table (read only)."""
    return _data()


def words(path: str) -> tuple[str, ...]:
    """A word list by its dotted name (`agencies.heads`), as written."""
    node = _data()
    for part in path.split("."):
        node = node[part]
    return tuple(node)


def _name_lines(name: str) -> tuple[str, ...]:
    """The names of a data file written one a line (`#` opening a comment line), cleaned, in
    the file's order."""
    text = data_file(name).read_text(encoding="utf-8")
    return tuple(clean(p) for p in text.splitlines() if p.strip() and not p.startswith("#"))


@cache
def provinces() -> tuple[str, ...]:
    """The province names (`data/provinces.txt`: the 34 units since July 2025, then the older
    ones), cleaned, in the file's order."""
    return _name_lines("provinces.txt")


@cache
def minority_names() -> tuple[str, ...]:
    """Names from the ethnic minorities' languages (`data/minority_names.txt`: the 54 groups,
    their subgroups, clans, festivals, and places of their areas), cleaned."""
    return _name_lines("minority_names.txt")


# The roles of labelled lines (`[agencies] <role>_labels`): `Đơn vị chủ trì: …`, `Thời gian: …`.
LABEL_ROLES = ("lead", "coordinating", "directing", "time", "other")


@cache
def folded(path: str) -> frozenset[str]:
    """A word list folded (lower case, no diacritics), for membership tests."""
    return frozenset(fold(w) for w in words(path))


@cache
def alternation(path: str, *, fold_words: bool = False) -> str:
    """A regex alternation of a list, longest first (so `Chi cục` wins over `Chi`), spaces
    matching any run of white space; words folded first when `fold_words`."""
    items = {fold(w) if fold_words else w for w in words(path)}
    ordered = sorted(items, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


@lru_cache(maxsize=1)
def _typo_re() -> tuple[re.Pattern[str], dict[str, str]]:
    """Each typo as written and with its first letter in upper case (no IGNORECASE: it is
    slow over Vietnamese letters, and this runs on every line)."""
    table: dict[str, str] = {}
    for wrong, right in _data()["typos"].items():
        table[wrong] = right
        table[wrong[:1].upper() + wrong[1:]] = right[:1].upper() + right[1:]
    alt = "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + alt + r")(?!\w)"), table


def any_of(strings: Iterable[str]) -> re.Pattern[str]:
    """A pattern that finds any of the strings, as they are written, wherever one occurs (for
    a first test: which one, and where, is for the caller): the strings as a tree of their
    shared beginnings, so that at each place of a text only the branch for its next character
    is followed, where a flat alternation tries every string in turn."""
    tree: dict[str, dict] = {}
    for s in strings:
        node = tree
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}  # a string ends here

    def branch(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + branch(node[ch]) for ch in sorted(node) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return re.compile(branch(tree) if tree else "(?!)")


@lru_cache(maxsize=1)
def _typo_screen() -> re.Pattern[str]:
    """Any typo as a bare substring: with no look-behind first, the engine skips straight
    to the letters a typo can start with, so the lines without one (nearly all) are cheap."""
    return any_of(_typo_re()[1])


@lru_cache(maxsize=16_384)  # a table's cells repeat (agencies, years)
def fix_typos(text: str) -> str:
    """Known misspellings and OCR confusions put right (`phội hợp` -> `phối hợp`)."""
    if not _typo_screen().search(text):
        return text
    rx, table = _typo_re()
    return rx.sub(lambda m: table[m.group(0)], text)


def fix_typos_in_lines(lines: list[str]) -> list[str]:
    """`fix_typos` on each of the lines, after one look over them all: most documents have
    no typo at all."""
    if not _typo_screen().search("\n".join(lines)):
        return lines
    return [fix_typos(line) for line in lines]


def mapping(path: str) -> dict[str, str]:
    """A table of the lexicon (`issuers`, `documents.kinds`) as a dict, in the order written."""
    node = _data()
    for part in path.split("."):
        node = node[part]
    return dict(node)
