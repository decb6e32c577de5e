"""The shipped data files (`kehoach/data/`) and a cache of what is parsed from them.

Every `kehoach` process reads the vocabulary before its first document, so how fast it
gets it counts: the files are opened by their path beside the package (the
`importlib.resources` machinery, with the readers it imports for the namespace package
`kehoach.data`, cost more than reading them), and a file that is slow to parse (the
lexicon's TOML: `tomllib` is pure Python) is parsed once and kept as JSON in the user's
cache folder under the hash of its bytes, as tools keep their caches: an edited file has
another hash, so it is parsed afresh, and no cache can go stale.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "data"

# Bumped when what is written to the cache changes shape (the same bytes, another value).
_FORMAT = 1
_DIGEST = 32  # hex digits of the file's SHA-256 in the cached file's name
# Versions of a file kept (the newest): several checkouts of kehoach, each with its own
# lexicon, share the user's cache without each one's writing removing the others'.
_KEEP = 8


def data_file(*parts: str) -> Path:
    """A shipped data file: `data_file("ocr", "telltale.txt")`."""
    return DATA.joinpath(*parts)


def cache_dir() -> Path | None:
    """The folder of kehoach's cache: `KEHOACH_CACHE_DIR` (set empty: no cache), else
    `$XDG_CACHE_HOME/kehoach`, else `~/.cache/kehoach`; None without a home folder."""
    folder = os.environ.get("KEHOACH_CACHE_DIR")
    if folder is not None:
        return Path(folder) if folder else None
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        home = os.path.expanduser("~")
        if home == "~":
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "kehoach"


def parsed(name: str, parse: Callable[[str], Any]) -> Any:
    """`parse` of the data file `name`'s text (a value JSON can hold), from the cache when
    the file's bytes were parsed before. A cache that cannot be read or written is left
    aside: the file is parsed, as without one."""
    raw = data_file(name).read_bytes()
    folder = cache_dir()
    cached = None
    if folder is not None:
        digest = hashlib.sha256(raw).hexdigest()[:_DIGEST]
        cached = folder / f"{Path(name).stem}-{_FORMAT}-{digest}.json"
        with contextlib.suppress(OSError, ValueError):
            return json.loads(cached.read_bytes())
    value = parse(raw.decode("utf-8"))
    if cached is not None:
        _store(cached, value)
    return value


def _store(path: Path, value: Any) -> None:
    """Write `value` as JSON at `path`, whole or not at all (a process reading it meanwhile
    finds the file complete, or none), and remove the same file's older versions beyond the
    newest few."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):  # not a JSON value (a TOML date): not cached
        return
    if json.loads(text) != value:  # JSON would give it back changed: not cached
        return
    import tempfile  # only on a miss: it imports more than reading the cache needs

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return
    stem = path.name.rsplit("-", 2)[0]
    versions = []
    for version in path.parent.glob(f"{stem}-*-{'?' * _DIGEST}.json"):
        with contextlib.suppress(OSError):
            versions.append((version.stat().st_mtime, version))
    for _, old in sorted(versions, reverse=True)[_KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink()
