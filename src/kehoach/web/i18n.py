"""Translations and the Jinja2 environment: every visible string goes through `_()`.

Source strings are English msgids; `locale/vi/LC_MESSAGES/messages.po` holds
the Vietnamese catalogue, compiled in memory when first used (no binary .mo in
the repository, so parallel branches merge their catalogue as text). Dates are
written `20/06/2026` and numbers `23.100`.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from functools import lru_cache
from pathlib import Path

from babel.support import NullTranslations, Translations
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from kehoach.errors import KehoachError, fill
from kehoach.text.dates import format_date, format_datetime
from kehoach.text.numbers import format_number

HERE = Path(__file__).parent
LOCALE_DIR = HERE / "locale"
TEMPLATE_DIR = HERE / "templates"
DEFAULT_LOCALE = "vi"


@lru_cache(maxsize=8)
def translations(locale: str = DEFAULT_LOCALE) -> NullTranslations:
    """The catalogue for `locale`, compiled from its .po (English msgids if there is none)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    po = LOCALE_DIR / locale / "LC_MESSAGES" / "messages.po"
    if not po.exists():
        return NullTranslations()
    with po.open("rb") as f:
        catalog = read_po(f, locale=locale)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain="messages")


def gettext(message: str, locale: str = DEFAULT_LOCALE) -> str:
    """Translate one msgid outside a template (flash messages, page titles)."""
    return translations(locale).gettext(message)


_ = gettext


def error_text(exc: KehoachError, locale: str = DEFAULT_LOCALE) -> str:
    """A library error in the UI language: its msgid translated, its values filled in."""
    from kehoach.web.labels import code_label

    params = {
        k: [code_label(v) for v in value] if isinstance(value, list | tuple) else value
        for k, value in exc.params.items()
    }
    return fill(gettext(exc.msgid, locale), params)


def wants_vietnamese(accept_language: str | None) -> bool:
    """True when an API caller's `Accept-Language` puts Vietnamese first (else English)."""
    first = (accept_language or "").split(",")[0].strip().lower()
    return first.startswith("vi")


def vdate(value: dt.date | dt.datetime | str | None) -> str:
    """`2026-06-20` -> `20/06/2026`, a month-only `2026-03` -> `03/2026`; empty for None."""
    return format_date(value)


def vdue(due: str | None, locale: str = DEFAULT_LOCALE) -> str:
    """A reporting duty's due date: `06-20` (each year) -> `hạn 20/06 hằng năm`;
    a one-off `2026-06-20` -> `hạn 20/06/2026`; empty when unstated."""
    if not due:
        return ""
    if re.fullmatch(r"\d{2}-\d{2}", due):
        return gettext("due %(day)s every year", locale) % {"day": format_date(due)}
    return gettext("due %(date)s", locale) % {"date": vdate(due)}


def vdatetime(value: dt.datetime | str | None) -> str:
    """`20/06/2026 14:05` for a timestamp."""
    return format_datetime(value)


def vnumber(value: float | int | None) -> str:
    """`23100` -> `23.100`, `3.5` -> `3,5`."""
    if value is None or value == "":
        return ""
    try:
        return format_number(value)
    except (TypeError, ValueError):
        return str(value)


def make_templates(locale: str = DEFAULT_LOCALE) -> Jinja2Templates:
    """The Jinja2 templates with gettext installed and the Vietnamese filters."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=select_autoescape(["html"]),
        extensions=["jinja2.ext.i18n"],
    )
    templates = Jinja2Templates(env=env)
    env.install_gettext_translations(translations(locale), newstyle=True)  # type: ignore[attr-defined]
    env.filters["vdate"] = vdate
    env.filters["vdatetime"] = vdatetime
    env.filters["vnumber"] = vnumber
    env.filters["vdue"] = vdue
    env.globals["locale"] = locale
    from kehoach.web.labels import field_label, label, options, plan_name

    env.globals["field_label"] = field_label
    env.globals["label"] = label
    env.globals["options"] = options
    env.globals["plan_name"] = plan_name
    return templates
