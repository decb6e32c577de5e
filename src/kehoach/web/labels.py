"""Names of codes in the UI language: statuses, roles, timeframe and document kinds.

The msgids are marked with `N_` so `pybabel extract` finds them; `label()`
translates at render time.
"""

from __future__ import annotations

import re

from kehoach.errors import N_
from kehoach.web.i18n import _

__all__ = ["N_", "code_label", "field_label", "label", "options", "plan_name"]


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
ROLE = {
    "admin": N_("Administrator"),
    "officer": N_("Plan officer"),
    "reporter": N_("Agency reporter"),
    "viewer": N_("Viewer"),
}
# fields a person sees named: in corrections' history and in messages about a value
FIELD = {
    # a document
    "kind": N_("Document kind"),
    "number": N_("Number"),
    "issuer": N_("Issued by"),
    "province": N_("Province"),
    "date": N_("Date"),
    "title": N_("Title"),
    "signer": N_("Signed by"),
    "draft": N_("Draft"),
    "public": N_("Public"),
    # a task
    "text": N_("Text"),
    "group": N_("Group"),
    "group_title": N_("Group title"),
    "timeframe_raw": N_("Timeframe"),
    "timeframe_kind": N_("Kind of timeframe"),
    "timeframe_start": N_("Start"),
    "timeframe_end": N_("Deadline"),
    "lead": N_("Lead agency"),
    "coordinating": N_("Coordinating agencies"),
    "directing": N_("Directing agencies"),
    # a target
    "horizon": N_("Target year"),
    "section": N_("Section"),
    # request values
    "on": N_("Date"),
    "page": N_("Page"),
    "per_page": N_("Rows per page"),
    "plan_id": N_("Plan"),
    "task_id": N_("Task"),
    "report_id": N_("Report"),
    "agency_id": N_("Agency"),
    "agency": N_("Agency"),
    "attachment_id": N_("Attachment"),
    "entity": N_("Record"),
    "entity_id": N_("Record"),
    "field": N_("Field"),
    "value": N_("Value"),
    "status": N_("Status"),
    "role": N_("Role"),
    "period": N_("Reporting period"),
    "percent": N_("Percent done"),
    "reason": N_("Reason"),
    "points": N_("Points"),
    "weights": N_("Weights"),
    "weight_tasks_on_time": N_("Tasks done on time"),
    "weight_reports_on_time": N_("Reports sent on time"),
    "weight_targets_attained": N_("Targets attained"),
    "weight_evidence_attached": N_("Evidence attached"),
    "new_end": N_("New deadline"),
    "username": N_("Username"),
    "password": N_("Password"),
    "file": N_("File"),
    "q": N_("Search"),
    "sort": N_("Sort by"),
    "position": N_("Order in the plan"),
    "deadline": N_("Deadline"),
    "plan": N_("Plan"),
}
OCR_NOTE = {  # why a page of a scan was left out (kehoach.intake.scan_page)
    "no text was found": N_("no text was found"),
    "the text is not Vietnamese": N_("the text is not Vietnamese"),
    "the text could not be read (too faint or blurred)": N_(
        "the text could not be read (too faint or blurred)"
    ),
}
# Why the reader is unsure of a task or target (model.Reason), shown on the review page.
DOUBT = {
    "agency_not_in_register": N_("Agency not in the register"),
    "no_agency": N_("No agency was read"),
    "no_timeframe": N_("No timeframe was read"),
    "metric_without_subject": N_("A number without what it counts"),
}
SEARCH_KIND = {  # what a search result is (kehoach.services.search)
    "document": N_("Document"),
    "target": N_("Target"),
    "task": N_("Task"),
    "report": N_("Progress report"),
    "agency": N_("Agency"),
}
CRITERION = {  # emulation scoring criteria (kehoach.services.emulation)
    "tasks_on_time": N_("Tasks done on time"),
    "reports_on_time": N_("Reports sent on time"),
    "targets_attained": N_("Targets attained"),
    "evidence_attached": N_("Evidence attached"),
}
COMMUNE_CRITERION = {  # what the same weights measure for a commune
    "reports_on_time": N_("Indicator values reported"),
    "targets_attained": N_("Targets attained"),
}
EVIDENCE_STATE = {  # a report's state on the evidence page
    "on_time": N_("On time"),
    "late": N_("Late"),
    "missing": N_("Not sent"),
    "entered": N_("Entered, not sent"),
    "submitted": N_("Sent"),
    "approved": N_("Approved"),
}
MATCH_REASON = {  # why two plans' items are paired (kehoach.services.alignment)
    "metric": N_("Same indicator"),
    "text": N_("Similar topic"),
    "confirmed": N_("Confirmed"),
    "by_hand": N_("Paired by hand"),
}
TABLES = {
    "status": STATUS,
    "report_status": REPORT_STATUS,
    "agency_role": AGENCY_ROLE,
    "timeframe": TIMEFRAME,
    "doc_kind": DOC_KIND,
    "every": EVERY,
    "field": FIELD,
    "role": ROLE,
    "ocr_note": OCR_NOTE,
    "doubt": DOUBT,
    "search_kind": SEARCH_KIND,
    "criterion": CRITERION,
    "commune_criterion": COMMUNE_CRITERION,
    "evidence_state": EVIDENCE_STATE,
    "match_reason": MATCH_REASON,
}


def label(table: str, code: str | None) -> str:
    """The translated name of `code` in `table` (the code itself if unknown)."""
    if code is None:
        return ""
    # the catalogue writes a literal % as %% (templates format every string); so do we
    return _(TABLES[table].get(code, code)).replace("%%", "%")


def options(table: str) -> list[tuple[str, str]]:
    """(code, translated name) pairs for a <select>."""
    return [(code, _(msgid)) for code, msgid in TABLES[table].items()]


def plan_name(kind: str | None, number: str | None, title: str | None = None) -> str:
    """A plan as people name it: `Kế hoạch 19/KH-SVHTTDL`, then ` — title` when given
    (never its file name)."""
    name = label("doc_kind", kind or "other")
    if number:
        name = f"{name} {number}"
    elif not title:  # a draft whose number is still blank: say so rather than just "Plan"
        name = _("%(kind)s (no number yet)") % {"kind": name}
    if title:
        name = f"{name} — {title}"
    return name


# form names that say which form a field is on (`ext_reason`: the extension's reason)
_FORM_FIELD = re.compile(r"^(?:ext_|ovr_|doc\.|task\.\d+\.|target\.\d+\.)|-\d+$")


def field_label(name: str) -> str:
    """The field a form error is about, as the form's label names it."""
    bare = _FORM_FIELD.sub("", name)
    bare = {"correct": "value", "correct_value": "value"}.get(bare, bare)
    return label("field", bare)


def code_label(code: str) -> str:
    """A code named in a message (a status, a kind, a role) in the UI language, else itself."""
    for table in TABLES.values():
        if code in table:
            return _(table[code])
    return code
