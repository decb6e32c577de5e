"""What the import review page needs beyond `services.importing`.

Owned by the web side: staging an uploaded file between "upload" and
"confirm", the document's text to show beside what was read, and applying the
officer's corrections from the review form to the plan record before it is
stored with `importing.import_record`.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from kehoach.errors import NotFound, ValidationError
from kehoach.model import PlanRecord

_SAFE_NAME = re.compile(r"[^\w.\- ]+", re.UNICODE)
_TOKEN = re.compile(r"^[0-9a-f]{64}$")
MAX_UPLOAD = 20 * 1024 * 1024


def _uploads(data_dir: Path) -> Path:
    return Path(data_dir) / "uploads"


def safe_name(name: str) -> str:
    """A file name without any directory part or unusual characters."""
    base = Path(name.replace("\\", "/")).name
    base = _SAFE_NAME.sub("_", base).strip(" .") or "upload.txt"
    return base[:120]


def stage_upload(data_dir: Path, data: bytes, name: str) -> str:
    """Keep an uploaded document until the officer confirms; returns its token (sha256)."""
    if not data.strip():
        raise ValidationError("The file is empty.", field="file")
    if len(data) > MAX_UPLOAD:
        raise ValidationError("The file is larger than 20 MB.", field="file")
    token = hashlib.sha256(data).hexdigest()
    folder = _uploads(data_dir) / token
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    (folder / safe_name(name)).write_bytes(data)
    return token


def staged_folder(data_dir: Path, token: str) -> Path:
    """Where a staged upload (and its review in progress) is kept."""
    if not _TOKEN.match(token or ""):
        raise NotFound("The uploaded file is no longer available; upload it again.")
    return _uploads(data_dir) / token


def load_upload(data_dir: Path, token: str) -> tuple[bytes, str]:
    """The staged document (bytes, file name) for a token from `stage_upload`."""
    folder = staged_folder(data_dir, token)
    files = (
        sorted(f for f in folder.iterdir() if f.name != "review.json") if folder.is_dir() else []
    )
    if not files:
        raise NotFound("The uploaded file is no longer available; upload it again.")
    return files[0].read_bytes(), files[0].name


def discard_upload(data_dir: Path, token: str) -> None:
    """Forget a staged document once it is imported."""
    if not _TOKEN.match(token or ""):
        return
    folder = _uploads(data_dir) / token
    if folder.is_dir():
        for f in folder.iterdir():
            f.unlink()
        folder.rmdir()


def source_lines(data: bytes, name: str) -> list[str]:
    """The document's text, line by line, with tables as tab-separated rows."""
    from kehoach.intake import Table, read_bytes

    doc = read_bytes(data, name)
    lines: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Table):
            lines.extend("\t".join(cell for cell in row) for row in block.rows)
        else:
            lines.append(block)
    return lines


def _names(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;\n]", text) if part.strip()]


DOCUMENT_FIELDS = ("title", "number", "issuer", "province", "date", "signer")


def apply_review(record: PlanRecord, form: dict[str, Any]) -> PlanRecord:
    """The record with the review form's values applied.

    Form keys: `doc.<field>`; `task.<i>.text|lead|coordinating|timeframe`
    (agencies separated by `;` or new lines); `target.<i>.text`.
    """
    data = record.to_json()
    for name in DOCUMENT_FIELDS:
        key = f"doc.{name}"
        if key in form:
            value = str(form[key]).strip()
            data["document"][name] = value or None
    for i, task in enumerate(data["tasks"]):
        prefix = f"task.{i}."
        if f"{prefix}text" in form:
            text = str(form[f"{prefix}text"]).strip()
            if not text:
                raise ValidationError("A task's text cannot be empty.", field=f"{prefix}text")
            task["text"] = text
        for role in ("lead", "coordinating"):
            if f"{prefix}{role}" in form:
                task[role] = _names(str(form[f"{prefix}{role}"]))
        if f"{prefix}timeframe" in form:
            raw = str(form[f"{prefix}timeframe"]).strip() or None
            if raw != task["timeframe"].get("raw"):
                task["timeframe"] = _reparse_timeframe(raw, task["timeframe"])
    for i, target in enumerate(data["targets"]):
        key = f"target.{i}.text"
        if key in form and str(form[key]).strip():
            target["text"] = str(form[key]).strip()
    return PlanRecord.model_validate(data)


def _reparse_timeframe(raw: str | None, old: dict) -> dict:
    """A changed timeframe text, read again by the extractor when it can be."""
    if raw is None:
        return {"raw": None, "kind": "unknown", "start": None, "end": None, "every": None}
    from kehoach.extract.timeframes import parse_timeframe

    try:
        return parse_timeframe(raw).model_dump(mode="json")
    except (ValueError, TypeError):
        return {**old, "raw": raw}


def data_version(session) -> int:
    """A number that changes whenever anything is changed through the services.

    Every change writes an `audit_log` row in its own transaction, so the
    newest row's id identifies the state of the data (for caching computed
    pages between changes).
    """
    from sqlalchemy import func, select

    from kehoach.store.tables import AuditLog

    return session.scalar(select(func.max(AuditLog.id))) or 0
