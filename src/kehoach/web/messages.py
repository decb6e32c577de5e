"""Service messages with figures in them, said in the UI language.

The services speak English with the figures filled in; the few that reach a reporter's
screen (a rejected row of an upload, a refused figure) are matched here and said again
through the catalogue, with the same figures.
"""

from __future__ import annotations

import re

from kehoach.web.i18n import _
from kehoach.web.labels import N_

PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), m)
    for p, m in (
        (
            r"^the numerator \((?P<a>[^)]*)\) is larger than the denominator \((?P<b>[^)]*)\)$",
            N_("the numerator (%(a)s) is larger than the denominator (%(b)s)"),
        ),
        (r"^a share cannot be above 100% \(got (?P<a>[^)]*)\)$",
         N_("a share cannot be above 100%% (got %(a)s)")),
        (r"^duplicate of row (?P<a>\d+) \((?P<b>[^)]*)\)$",
         N_("duplicate of row %(a)s (%(b)s)")),
        (r"^unknown commune code '(?P<a>[^']*)' for (?P<b>.*)$",
         N_("unknown commune code '%(a)s' in %(b)s")),
        (r"^unknown province code '(?P<a>[^']*)' for (?P<b>.*)$",
         N_("unknown province code '%(a)s' (%(b)s)")),
        (r"^unknown commune code '(?P<a>[^']*)'$", N_("unknown commune code '%(a)s'")),
        (r"^period '(?P<a>[^']*)' is not a (?P<b>\w+) period; write it as (?P<c>\S+)$",
         N_("period '%(a)s' does not fit the indicator; write it as %(c)s")),
        (r"^unknown period '(?P<a>[^']*)'.*$", N_("unknown period '%(a)s'; write 2026, 2026-H1 or 2026-Q3")),
        (r"^(?P<b>\w+) '(?P<a>[^']*)' is not a number$", N_("'%(a)s' is not a number")),
        (r"^enter both the numerator and the denominator$",
         N_("enter both the numerator and the denominator")),
        (r"^enter the value$", N_("enter the value")),
        (r"^write the numerator and denominator, not a share \((?P<a>[^)]*)\)$",
         N_("write the numerator and denominator, not a share (%(a)s)")),
        (r"^the numerator must be 0 or more and the denominator more than 0$",
         N_("the numerator must be 0 or more and the denominator more than 0")),
        (r"^the value must be 0 or more$", N_("the value must be 0 or more")),
        (r"^(?P<a>.*): upload an \.xlsx or \.csv file$", N_("%(a)s: upload an .xlsx or .csv file")),
        (r"^(?P<a>.*): the table has no rows$", N_("%(a)s: the table has no rows")),
        (r"^(?P<a>.*): no heading row naming .*$",
         N_("%(a)s: no heading row with the columns of the template (download the template)")),
        (r"^(?P<a>.*): not a readable XLSX file$", N_("%(a)s: not a readable XLSX file")),
        (r"^a ranked site needs its decision number$", N_("a ranked site needs its decision number")),
        (r"^the site needs a name$", N_("the site needs a name")),
        (r"^(?P<b>\w+) (?P<a>[\d.]+) is outside Việt Nam$", N_("%(a)s is outside Việt Nam")),
        (r"^(?P<b>\w+) '(?P<a>[^']*)' is not a date \(dd/mm/yyyy\)$",
         N_("'%(a)s' is not a date (dd/mm/yyyy)")),
    )
]  # fmt: skip


def vi_message(message: str) -> str:
    """`message` in the UI language (the catalogue's, else as it is)."""
    for pattern, msgid in PATTERNS:
        found = pattern.match(message)
        if found:
            return _(msgid) % found.groupdict()
    return _(message)
