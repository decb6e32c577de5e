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
    # (error messages take their values as {name} and never pass through a template)
    for message in catalogue.load_po():
        if message.id and "%" in message.string and "{" not in message.id:
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


def test_every_error_a_page_can_show_is_catalogued_and_translated():
    # services, intake and extract raise English format strings; the web edge translates them
    po = catalogue.load_po()
    sites = list(catalogue.sites())
    built = [f"{s.path}:{s.line}" for s in sites if s.literal_required]
    assert not built, "write the message as a literal with {values} as keywords: " + repr(built)
    missing = [f"{s.path}:{s.line} {s.msgid!r}" for s in sites if s.msgid and not po.get(s.msgid)]
    assert not missing, "run `python -m kehoach.web.catalogue` and translate: " + repr(missing)
    untranslated = [s.msgid for s in sites if s.msgid and not po[s.msgid].string]
    assert not untranslated, untranslated
    assert any(s.path.startswith("services/") for s in sites)
    assert any(s.path.startswith("intake/") for s in sites)


def test_error_values_are_filled_in_both_languages():
    from kehoach.errors import ValidationError
    from kehoach.web.i18n import error_text

    exc = ValidationError(
        "the new deadline must be after the original one ({deadline})",
        field="new_end",
        deadline=dt.date(2026, 3, 31),
    )
    assert exc.message == "the new deadline must be after the original one (31/03/2026)"
    assert error_text(exc) == "hạn mới phải sau hạn ban đầu (31/03/2026)"
    assert str(exc) == "new_end: the new deadline must be after the original one (31/03/2026)"
