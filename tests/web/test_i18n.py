"""The UI speaks Vietnamese: every msgid translated, the compiled catalogue current."""

from __future__ import annotations

import datetime as dt

from kehoach.web import catalogue
from kehoach.web.i18n import gettext, vdate, vdatetime, vnumber


def test_every_msgid_has_a_vietnamese_translation():
    po = catalogue.load_po()
    missing = [m.id for m in catalogue.extract() if m.id and not (m.id in po and po[m.id].string)]
    assert not missing, "run `python -m kehoach.web.catalogue` and translate: " + repr(missing)


def test_catalogue_is_written_as_the_tool_writes_it():
    # sorted, without source locations: parallel branches then merge the .po as text
    text = catalogue.PO.read_text(encoding="utf-8")
    assert "\n#: " not in text, "run `python -m kehoach.web.catalogue`"
    ids = [m.id for m in catalogue.load_po() if isinstance(m.id, str) and m.id]
    assert ids == sorted(ids), "run `python -m kehoach.web.catalogue`"


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
