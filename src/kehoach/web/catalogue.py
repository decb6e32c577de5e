"""Keep the Vietnamese catalogue in step with the code: `python -m kehoach.web.catalogue`.

Extracts every msgid a person can see in the web app: `_()`/`N_()` in the
templates and the web code, and the message of every error raised where a
page can show it (`kehoach.errors` subclasses built in `errors.py`,
`services/`, `intake/`, `extract/` and `web/` — the web edge translates them,
the CLI prints them in English). New msgids are added to
`locale/vi/LC_MESSAGES/messages.po` untranslated, for a person to fill in;
translations of msgids no longer used are dropped. The .po is written sorted
and without source locations, so branches that add messages merge as text; the
app compiles it when it starts (`kehoach.web.i18n.translations`).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog

WEB = Path(__file__).parent
PACKAGE = WEB.parent
PO = WEB / "locale" / "vi" / "LC_MESSAGES" / "messages.po"
# where errors a page can show are raised (the CLI's own errors stay English)
ERROR_SOURCES = ("errors.py", "services", "intake", "extract", "web")
# modules under ERROR_SOURCES whose errors only the command line shows (English by design)
NOT_SHOWN = {"services/backup.py"}  # `kehoach backup` / `kehoach restore`
MARKERS = {"_", "gettext", "N_"}
# a fixed header date: a date that changes on every run makes branches conflict (or, merged
# as a union, repeat the header line)
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)
JINJA_OPTIONS = {"extensions": "jinja2.ext.i18n"}


def error_classes() -> set[str]:
    """Names of every `KehoachError` class built with a message (the library's and the web
    app's); those that write their own (`TooManyAttempts(seconds)`) are read where defined."""
    import inspect

    import kehoach.web.errors  # noqa: F401  (defines the web's own subclasses)
    from kehoach.errors import KehoachError

    names: set[str] = set()
    todo: list[type] = [KehoachError]
    while todo:
        cls = todo.pop()
        if list(inspect.signature(cls).parameters)[:1] == ["message"]:
            names.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return names


@dataclass(frozen=True)
class Site:
    """One place a msgid is given: a marked string or an error built with its message."""

    path: str  # relative to the package
    line: int
    msgid: str | None  # None: the message is not a literal (an f-string, a concatenation …)
    literal_required: bool  # an error built with an expression the catalogue cannot read


def _python_files() -> Iterator[Path]:
    for source in ERROR_SOURCES:
        path = PACKAGE / source
        yield from sorted(path.rglob("*.py")) if path.is_dir() else [path]


def _callee(node: ast.Call) -> str | None:
    func = node.func
    return func.id if isinstance(func, ast.Name) else None


def sites() -> Iterator[Site]:
    """Every msgid given in the Python sources a page can show (see `ERROR_SOURCES`)."""
    errors = error_classes()
    for path in _python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        rel = str(path.relative_to(PACKAGE))
        if rel in NOT_SHOWN:
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = _callee(node)
            if name not in errors and name not in MARKERS:
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield Site(rel, node.lineno, first.value, False)
            elif name in errors and not _names_a_marked_msgid(first):
                yield Site(rel, node.lineno, None, True)


def _names_a_marked_msgid(node: ast.expr) -> bool:
    """A name or table lookup (a msgid marked with `N_` where it is defined) is fine; an
    f-string, `%`, `+` or `.format()` builds a message the catalogue cannot hold."""
    return isinstance(node, ast.Name | ast.Attribute | ast.Subscript)


def extract() -> Catalog:
    """Every msgid used by the web app (templates, web code, errors a page can show)."""
    from babel.messages.extract import extract_from_dir

    catalog = Catalog(locale=None)
    for filename, lineno, message, comments, _ctx in extract_from_dir(
        str(WEB / "templates"),
        [("**.html", "jinja2")],
        keywords={"_": None, "gettext": None, "ngettext": (1, 2)},
        options_map={"**.html": JINJA_OPTIONS},
    ):
        catalog.add(message, None, [(f"web/templates/{filename}", lineno)], auto_comments=comments)
    for site in sites():
        if site.msgid:
            catalog.add(site.msgid, None, [(site.path, site.line)])
    return catalog


def load_po() -> Catalog:
    """The Vietnamese catalogue as stored."""
    from babel.messages.pofile import read_po

    with PO.open("rb") as f:
        return read_po(f, locale="vi")


def update() -> list[str]:
    """Merge new msgids into the .po; returns msgids still untranslated."""
    from babel.messages.pofile import write_po

    old = {m.id: m for m in load_po() if m.id}
    merged = Catalog(
        locale="vi", project="kehoach", version="1", charset="utf-8", creation_date=FIXED_DATE
    )
    for message in extract():
        if not message.id:
            continue
        previous = old.pop(message.id, None)
        merged.add(message.id, previous.string if previous else "", list(message.locations))
    with PO.open("wb") as f:
        write_po(f, merged, width=100, no_location=True, sort_output=True, omit_header=False)
    # a plural message's id is a tuple; its string is never empty (`('', '')` when untranslated)
    return [m.id for m in merged if isinstance(m.id, str) and m.id and not m.string]


if __name__ == "__main__":
    missing = update()
    print(f"{PO}: {len(missing)} untranslated" + "".join(f"\n  {m}" for m in missing))
