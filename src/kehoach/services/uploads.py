"""Uploaded plan documents waiting for review: kept between "upload" and "confirm".

The import page (`Nhập kế hoạch`) stages the file here (with the review in progress beside
it, `services.review`), shows its text beside what was read (`source_lines`), and imports
it once the officer confirms; the token is the file's sha256.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from kehoach.errors import NotFound, ValidationError

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


def page_picture(data_dir: Path, token: str, page: int, box: str) -> bytes:
    """A PNG of the place on a staged scan's page that a doubtful field was read from;
    `box` is `x0,y0,x1,y1` as the record's `ocr.low_confidence` gives it."""
    from kehoach.errors import InputError
    from kehoach.intake.scan import page_picture as picture

    data, name = load_upload(data_dir, token)
    try:
        x0, y0, x1, y1 = (int(v) for v in box.split(","))
    except ValueError:
        raise NotFound("No such place on the page.") from None
    try:
        return picture(data, name, page, (x0, y0, x1, y1))
    except InputError:
        raise NotFound("No such page in the uploaded file.") from None


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
