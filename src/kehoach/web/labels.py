"""Names of codes in the UI language: statuses, roles, timeframe and document kinds.

The msgids are marked with `N_` so `pybabel extract` finds them; `label()`
translates at render time.
"""

from __future__ import annotations

from kehoach.web.i18n import _


def N_(message: str) -> str:
    """Mark a msgid for extraction without translating it yet."""
    return message


STATUS = {
    "not_started": N_("Not started"),
    "in_progress": N_("In progress"),
    "due_soon": N_("Due soon"),
    "overdue": N_("Overdue"),
    "done_on_time": N_("Done on time"),
    "done_late": N_("Done late"),
    "missing_report": N_("Report missing"),
    "not_applicable": N_("Not applicable"),
}
REPORT_STATUS = {
    "chua_trien_khai": N_("Not yet started"),
    "dang_trien_khai": N_("Under way"),
    "hoan_thanh": N_("Completed"),
    "khong_thuc_hien": N_("Will not be carried out"),
}
AGENCY_ROLE = {
    "lead": N_("Lead"),
    "coordinating": N_("Coordinating"),
    "directing": N_("Directing"),
}
TIMEFRAME = {
    "window": N_("Fixed period"),
    "recurring": N_("Recurring"),
    "continuous": N_("Continuous"),
    "from": N_("From a date on"),
    "on_request": N_("When requested"),
    "unknown": N_("Not stated"),
}
DOC_KIND = {
    "nghi_quyet": N_("Resolution"),
    "chuong_trinh": N_("Action programme"),
    "ke_hoach": N_("Plan"),
    "ket_luan": N_("Conclusion"),
    "quyet_dinh": N_("Decision"),
    "chi_thi": N_("Directive"),
    "de_an": N_("Scheme"),
    "bao_cao": N_("Report"),
    "cong_van": N_("Official letter"),
    "other": N_("Other document"),
}
EVERY = {
    "month": N_("Monthly"),
    "quarter": N_("Quarterly"),
    "half_year": N_("Half-yearly"),
    "year": N_("Yearly"),
    "once": N_("Once"),
    "ad_hoc": N_("When requested"),
}
OCR_NOTE = {  # why a page of a scan was left out (kehoach.intake.scan_page)
    "no text was found": N_("no text was found"),
    "the text is not Vietnamese": N_("the text is not Vietnamese"),
    "the text could not be read (too faint or blurred)": N_(
        "the text could not be read (too faint or blurred)"
    ),
}
SEARCH_KIND = {  # what a search result is (kehoach.services.search)
    "document": N_("Document"),
    "target": N_("Target"),
    "task": N_("Task"),
    "report": N_("Progress report"),
    "agency": N_("Agency"),
}
TABLES = {
    "status": STATUS,
    "report_status": REPORT_STATUS,
    "agency_role": AGENCY_ROLE,
    "timeframe": TIMEFRAME,
    "doc_kind": DOC_KIND,
    "every": EVERY,
    "ocr_note": OCR_NOTE,
    "search_kind": SEARCH_KIND,
}


def label(table: str, code: str | None) -> str:
    """The translated name of `code` in `table` (the code itself if unknown)."""
    if code is None:
        return ""
    return _(TABLES[table].get(code, code))


def options(table: str) -> list[tuple[str, str]]:
    """(code, translated name) pairs for a <select>."""
    return [(code, _(msgid)) for code, msgid in TABLES[table].items()]
