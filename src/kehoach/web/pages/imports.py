""" "Nhập kế hoạch": upload a document, review what was read beside its text, correct, confirm."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from kehoach.errors import InputError, ValidationError
from kehoach.model import PlanRecord
from kehoach.services.uploads import MAX_UPLOAD
from kehoach.web.auth import CsrfChecked
from kehoach.web.deps import AppSettings, Db, Officer
from kehoach.web.i18n import _, error_text
from kehoach.web.render import flash, render

router = APIRouter(include_in_schema=False, dependencies=[CsrfChecked])


def _upload_form(request: Request, error: str | None = None, status_code: int = 200) -> Response:
    return render(
        request,
        "import.html",
        {
            "title": _("Import plan"),
            "section": "import",
            "errors": {"file": error} if error else {},
        },
        status_code=status_code,
    )


@router.get("/import")
def import_page(request: Request, user: Officer) -> Response:
    """The upload form."""
    return _upload_form(request)


@router.post("/import")
async def upload(
    request: Request,
    user: Officer,
    db: Db,
    settings: AppSettings,
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    """Read the uploaded document (nothing stored yet) and show it for review."""
    from kehoach.services import importing, review, uploads, versions

    if file is None or not file.filename:
        return _upload_form(request, _("Choose a document to upload."), 422)
    data = await file.read(MAX_UPLOAD + 1)
    try:
        token = uploads.stage_upload(settings.data_dir, data, file.filename)
        record = await run_in_threadpool(importing.preview_import, data, file.filename)
        lines = await run_in_threadpool(uploads.source_lines, data, file.filename)
    except (ValidationError, InputError) as exc:
        return _upload_form(request, error_text(exc), 422)
    review.save_steps(settings.data_dir, token, [])
    matches = await run_in_threadpool(versions.similar_plans, db, record, user)
    state = _State(token, record, record, [], matches, {})
    return _review(request, state, lines=lines)


@dataclass
class _State:
    """A review in progress: the record as changed so far and what the form said."""

    token: str
    base: PlanRecord  # as read from the file
    record: PlanRecord  # with the review's steps
    steps: list
    matches: list
    form: dict[str, str]
    errors: dict[str, str] = field(default_factory=dict)


def _review(request: Request, state: _State, *, lines=None, status_code: int = 200) -> Response:
    """The whole review page, or only its `#review` section for an HTMX request."""
    context = {
        "title": _("Review the plan"),
        "section": "import",
        "token": state.token,
        "record": state.record,
        "steps": state.steps,
        "matches": state.matches,
        "version": state.form.get("version", ""),
        "form": state.form,
        "errors": state.errors,
        "lines": lines or [],
        "doubts": _doubts(state.base),
    }
    if lines is None:
        return render(request, "_review.html", context)  # htmx swaps 2xx answers only
    return render(request, "import_review.html", context, status_code=status_code)


def _doubts(base: PlanRecord) -> dict:
    """The fields OCR was unsure of (the place on the page each was read from is shown beside
    it), keyed by task or target id rather than position, which the review's steps change:
    `document.title`, `target:t3.text`, `task:II.4.lead`."""
    if base.ocr is None:
        return {}
    out = {}
    for doubt in base.ocr.low_confidence:
        key = doubt.field
        for kind, items in (("task", base.tasks), ("target", base.targets)):
            prefix = f"{kind}s["
            if key.startswith(prefix):
                index, _, rest = key[len(prefix) :].partition("]")
                key = f"{kind}:{items[int(index)].id}{rest}"
        out[key] = doubt
    return out


async def _load(settings, db, user, form: dict[str, str]) -> tuple[bytes, str, _State]:
    """The staged upload, its steps so far and the record they give."""
    from kehoach.services import importing, review, uploads, versions

    token = form.pop("token", "")
    data, name = uploads.load_upload(settings.data_dir, token)
    base = await run_in_threadpool(importing.preview_import, data, name)
    steps = review.load_steps(settings.data_dir, token)
    record = review.apply_steps(base, steps)
    matches = await run_in_threadpool(versions.similar_plans, db, record, user)
    return data, name, _State(token, base, record, steps, matches, form)


def _step(op: str, record: PlanRecord, form: dict[str, str]) -> tuple[dict | None, str]:
    """The review step a button asks for, and where its errors are shown."""
    action, _sep, index = op.partition(":")
    i = int(index) if index.isdigit() else -1
    tasks, targets = record.tasks, record.targets
    if action == "add":
        return {"op": "add", **{k: form.get(f"add.{k}", "") for k in ADD_FIELDS}}, "add"
    if action == "to_task" and 0 <= i < len(targets):
        text = form.get(f"move_target.{i}", "")
        return {"op": "to_task", "target": targets[i].id, "text": text}, f"target.{i}"
    if not 0 <= i < len(tasks):
        return None, "form"
    task = tasks[i].id
    if action == "delete":
        return {"op": "delete", "task": task}, f"task.{i}"
    if action == "merge":
        return {"op": "merge", "task": form.get(f"merge_into.{i}", "").strip(), "into": task}, (
            f"task.{i}"
        )
    if action == "split":
        parts = form.get(f"split.{i}", "").splitlines()
        return {"op": "split", "task": task, "parts": parts}, f"task.{i}.split"
    if action == "to_target":
        return {"op": "to_target", "task": task, "text": form.get(f"move.{i}", "")}, (
            f"task.{i}.move"
        )
    return None, "form"


ADD_FIELDS = ("text", "lead", "coordinating", "timeframe", "after")


@router.get("/import/{token}/page/{page}.png")
def page_picture(
    user: Officer, settings: AppSettings, token: str, page: int, box: str = "0,0,0,0"
) -> Response:
    """The part of a scanned page a doubtful field was read from, for the review page."""
    from kehoach.services import uploads

    png = uploads.page_picture(settings.data_dir, token, page, box)
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})


@router.post("/import/review")
async def review_step(request: Request, db: Db, user: Officer, settings: AppSettings) -> Response:
    """One review step (delete, merge, split, add, move, undo), the typed edits kept."""
    from kehoach.services import review, uploads

    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    op = form.pop("op", "save")
    data, name, state = await _load(settings, db, user, form)
    base = state.base
    lines = None  # an HTMX request gets the review section only, without the document's text
    if not request.headers.get("HX-Request"):
        lines = await run_in_threadpool(uploads.source_lines, data, name)
    try:
        steps = state.steps + review.edits_from_form(state.record, form)
        record = review.apply_steps(base, steps)
    except ValidationError as exc:
        state.errors = {exc.field or "form": error_text(exc)}
        return _review(request, state, lines=lines, status_code=422)
    step, where = _step(op, record, form) if op not in ("save", "undo") else (None, "form")
    if op == "undo" and steps:
        steps = steps[:-1]
    errors = {}
    if step is not None:
        try:
            steps = review.add_step(base, steps, step)
            form = (
                {k: v for k, v in form.items() if not k.startswith("add.")}
                if step["op"] == "add"
                else form
            )
        except ValidationError as exc:
            errors = {where: error_text(exc), "form": error_text(exc)}
    review.save_steps(settings.data_dir, state.token, steps)
    state.steps, state.record, state.errors, state.form = (
        steps,
        review.apply_steps(base, steps),
        errors,
        form,
    )
    return _review(request, state, lines=lines, status_code=422 if errors else 200)


@router.post("/import/confirm")
async def confirm(request: Request, db: Db, user: Officer, settings: AppSettings) -> Response:
    """Store the reviewed record (all of it or nothing), its review kept with it."""
    from kehoach.errors import Conflict
    from kehoach.services import importing, review, uploads

    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    form.pop("op", None)
    data, name, state = await _load(settings, db, user, form)
    base = state.base
    version = form.get("version", "")

    def store():
        try:
            steps = state.steps + review.edits_from_form(state.record, form)
            reviewed = review.apply_steps(base, steps)
            if state.matches and not version:
                raise ValidationError(
                    "Say whether this document is a new version of the stored plan or a new plan.",
                    field="version",
                )
            replace = int(version) if version.isdigit() else None
            result = importing.import_record(
                db, reviewed, user, replace_plan_id=replace, as_new=version == "new"
            )
            review.keep_review(db, result.plan_id, steps, user)
            return result, None
        except ValidationError as exc:
            db.rollback()
            return None, exc
        except Conflict:  # the number is another plan's
            db.rollback()
            return None, ValidationError(
                "Another imported plan already has this number: import the file as a new "
                "version of that plan, or correct its number.",
                field="doc.number",
            )

    result, error = await run_in_threadpool(store)
    if error is not None:
        state.errors = {error.field or "form": error_text(error), "form": error_text(error)}
        lines = uploads.source_lines(data, name)
        return _review(request, state, lines=lines, status_code=422)
    uploads.discard_upload(settings.data_dir, state.token)
    messages = {
        "created": _("The plan was imported."),
        "unchanged": _("This file was imported before; nothing changed."),
        "updated": _("The plan was updated; reported progress was kept."),
    }
    flash(request, messages.get(result.outcome, _("The plan was imported.")))
    return RedirectResponse(f"/plans/{result.plan_id}", status_code=303)
