"""The UI speaks Vietnamese: every msgid translated, the compiled catalogue current."""

from __future__ import annotations

import datetime as dt

from babel.messages.mofile import read_mo

from kehoach.web import catalogue
from kehoach.web.i18n import gettext, vdate, vdatetime, vnumber


def test_every_msgid_has_a_vietnamese_translation():
    po = catalogue.load_po()
    missing = [m.id for m in catalogue.extract() if m.id and not (m.id in po and po[m.id].string)]
    assert not missing, "run `python -m kehoach.web.catalogue` and translate: " + repr(missing)


def test_compiled_catalogue_matches_the_po_file():
    po = {m.id: m.string for m in catalogue.load_po() if m.id}
    with catalogue.MO.open("rb") as f:
        mo = {m.id: m.string for m in read_mo(f) if m.id}
    assert mo == po, "messages.mo is stale: run `python -m kehoach.web.catalogue`"


def test_template_strings_keep_percent_escapes():
    # newstyle gettext formats every template string: a bare % would break the page
    for message in catalogue.load_po():
        if message.id and "%" in message.string:
            stripped = message.string.replace("%%", "")
            for i, ch in enumerate(stripped):
                if ch == "%":
                    assert stripped[i + 1] == "(", f"bare % in {message.string!r}"


def test_vietnamese_formats():
    assert vdate(dt.date(2026, 6, 20)) == "20/06/2026"
    assert vdate("2026-11-30") == "30/11/2026"
    assert vdate(None) == ""
    assert vdatetime(dt.datetime(2026, 6, 20, 14, 5)) == "20/06/2026 14:05"
    assert vnumber(23100) == "23.100"
    assert vnumber(3.5) == "3,5"
    assert gettext("Dashboard") == "Tổng quan"
    assert gettext("My unit") == "Đơn vị của tôi"
    assert gettext("Import plan") == "Nhập kế hoạch"
