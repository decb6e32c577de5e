"""Keep the Vietnamese catalogue in step with the code: `python -m kehoach.web.catalogue`.

Extracts every msgid from the templates and the web code (`_()`, `N_()` and the
messages of `ValidationError`/`NotFound`/`PermissionDenied` raised here), adds
new ones to `locale/vi/LC_MESSAGES/messages.po` (untranslated, for a person to
fill in) and keeps existing translations. The .po is written sorted and without
source locations, so branches that add messages merge as text; the app compiles
it when it starts (`kehoach.web.i18n.translations`).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog

WEB = Path(__file__).parent
PO = WEB / "locale" / "vi" / "LC_MESSAGES" / "messages.po"
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "N_": None,
    "ValidationError": None,
    "NotFound": None,
    "PermissionDenied": None,
}
SERVICES = ("web_support.py", "review.py")
METHODS = [("**.py", "python"), ("templates/**.html", "jinja2")]
# a fixed header date: a date that changes on every run makes branches conflict (or, merged
# as a union, repeat the header line)
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)
JINJA_OPTIONS = {"extensions": "jinja2.ext.i18n"}


def extract() -> Catalog:
    """Every msgid used by the web app (templates, web code, the services in `SERVICES`)."""
    from babel.messages.extract import extract_from_dir, extract_from_file

    catalog = Catalog(locale=None)
    options = {"templates/**.html": JINJA_OPTIONS}
    for filename, lineno, message, comments, _ctx in extract_from_dir(
        str(WEB), METHODS, keywords=KEYWORDS, options_map=options
    ):
        catalog.add(message, None, [(f"web/{filename}", lineno)], auto_comments=comments)
    for module in SERVICES:  # services whose messages the web pages show as they are
        path = WEB.parent / "services" / module
        for lineno, message, comments, _ctx in extract_from_file("python", str(path), KEYWORDS):
            catalog.add(message, None, [(f"services/{module}", lineno)], auto_comments=comments)
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
    for msgid, message in old.items():  # messages raised by services: kept
        if message.string:
            merged.add(msgid, message.string, auto_comments=["raised by a service"])
    with PO.open("wb") as f:
        write_po(f, merged, width=100, no_location=True, sort_output=True, omit_header=False)
    # a plural message's id is a tuple; its string is never empty (`('', '')` when untranslated)
    return [m.id for m in merged if isinstance(m.id, str) and m.id and not m.string]


if __name__ == "__main__":
    missing = update()
    print(f"{PO}: {len(missing)} untranslated" + "".join(f"\n  {m}" for m in missing))
