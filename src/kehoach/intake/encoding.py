"""Decoding text files: UTF-8, UTF-16, and the legacy Vietnamese 8-bit encodings.

Old Vietnamese documents were typed in TCVN3 (ABC, the `.VnTime` fonts) or
VNI-Windows (the `VNI-Times` fonts): 8-bit encodings whose bytes, read as
Windows-1252, look like `Ch­¬ng tr×nh` or `Chöông trình`. Such text reaches us
either as raw bytes (a .txt saved in that encoding) or already "Unicode" (text
copied out of a document set in one of those fonts). `fix_legacy` recognises
both and converts them with the complete tables in `kehoach/data/legacy_encodings/`.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import cache

from kehoach.errors import EmptyDocument, UnsupportedFormat
from kehoach.intake.document import Block, Table
from kehoach.text.datafiles import data_file

_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")

# Letters that only Unicode Vietnamese has (never produced by reading a legacy byte).
_UNICODE_VN = re.compile(r"[ăĂđĐơƠưƯĩĨũŨ\u1ea0-\u1ef9]")


def reject_images(data: bytes, name: str) -> None:
    """Raise `UnsupportedFormat` when the bytes are an image file, whatever its extension."""
    webp = data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    if data.startswith(_IMAGE_MAGIC) or webp:
        raise UnsupportedFormat("an image file, not a document", where=name)


def reject_empty(data: bytes, name: str) -> None:
    """Raise `EmptyDocument` when the bytes hold nothing but whitespace."""
    if not data.strip():
        raise EmptyDocument("the file is empty", where=name)


def _reject_documents(data: bytes, name: str) -> None:
    """A PDF or Word file given a text file's name: say which, and how to fix it."""
    suffix = "." + name.rsplit(".", 1)[-1] if "." in name else "(no extension)"
    if data.startswith(b"%PDF"):
        raise UnsupportedFormat(
            "a PDF file named {suffix}; rename it to .pdf", where=name, suffix=suffix
        )
    if data.startswith(b"PK\x03\x04") and b"word/" in data[:4096]:
        raise UnsupportedFormat(
            "a Word (.docx) file named {suffix}; rename it to .docx", where=name, suffix=suffix
        )


def decode_text(data: bytes, name: str) -> str:
    """Decode a text file's bytes to str, or raise a named error saying what the file is."""
    reject_images(data, name)
    _reject_documents(data, name)
    text = _decode(data, name)
    if not text.strip():
        raise EmptyDocument("the file is empty", where=name)
    return text


def _decode(data: bytes, name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return _utf8(data[3:], name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _utf16(data, "utf-16", name)
    head = data[:8192]
    if b"\x00" in head:
        codec = _bomless_utf16(head)
        if codec is None:
            raise UnsupportedFormat("binary data, not a text document", where=name)
        return _utf16(data, codec, name)
    if _looks_binary(head):
        raise UnsupportedFormat("binary data, not a text document", where=name)
    try:
        return fix_legacy(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    text = _decode_8bit(data)
    # count up to 20 and stop: the whole text may have hundreds of thousands
    found = _UNICODE_VN.finditer(data.decode("utf-8", errors="replace"))
    mostly_utf8 = sum(1 for _ in itertools.islice(found, 20)) >= 20
    fixed = text if mostly_utf8 else fix_legacy(text)  # a few bad bytes in UTF-8 text
    if fixed is text:  # no legacy Vietnamese encoding recognised
        raise UnsupportedFormat(
            "not UTF-8 text (byte {byte}); save the file as UTF-8", where=name, byte=first_bad
        )
    return fixed


def _utf8(data: bytes, name: str) -> str:
    try:
        return fix_legacy(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise UnsupportedFormat(
            "not UTF-8 text (byte {byte}); save the file as UTF-8",
            where=name,
            byte=exc.start + 3,
        ) from None


def _utf16(data: bytes, codec: str, name: str) -> str:
    if codec != "utf-16" and len(data) % 2:
        data = data[:-1]  # a stray last byte of a truncated file
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        raise UnsupportedFormat(
            "damaged UTF-16 text; save the file again as UTF-8", where=name
        ) from None
    if _looks_binary(text[:4096].encode("utf-8", errors="replace")):
        raise UnsupportedFormat("binary data, not a text document", where=name)
    return fix_legacy(text)


def _bomless_utf16(head: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when NUL bytes sit on one parity (text without a BOM)."""
    even, odd = head[0::2], head[1::2]
    if not even or not odd:
        return None
    nul_even = even.count(0) / len(even)
    nul_odd = odd.count(0) / len(odd)
    if nul_odd > 0.2 and nul_even < 0.02:
        return "utf-16-le"
    if nul_even > 0.2 and nul_odd < 0.02:
        return "utf-16-be"
    return None


def _looks_binary(head: bytes) -> bool:
    """More than 5% control bytes (other than tab, newlines, form feed) is not text."""
    if not head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 11, 12, 13, 26))
    return controls / len(head) > 0.05


@cache
def _byte_chars() -> tuple[str, ...]:
    """Each byte as Windows-1252 reads it (its five holes as Latin-1)."""
    out = []
    for b in range(256):
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return tuple(out)


def _decode_8bit(data: bytes) -> str:
    chars = _byte_chars()
    return "".join(chars[b] for b in data)


@cache
def legacy_table(encoding: str) -> dict[str, str]:
    """The legacy -> Unicode table ('tcvn3' or 'vni'), keys as Windows-1252 characters."""
    path = data_file("legacy_encodings", f"{encoding}.tsv")
    chars = _byte_chars()
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        codes, letter = line.split("\t")[:2]
        key = "".join(chars[int(h, 16)] for h in codes.split())
        table[key] = letter
    return table


@cache
def _pattern(encoding: str) -> re.Pattern[str]:
    keys = sorted(legacy_table(encoding), key=len, reverse=True)  # two-byte sequences first
    return re.compile("|".join(re.escape(k) for k in keys))


@cache
def _tcvn3_marks() -> str:
    """TCVN3 codes that VNI never uses and that are not Vietnamese Unicode letters either."""
    vni_chars = set("".join(legacy_table("vni")))
    vietnamese = set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
    return "".join(sorted(set(legacy_table("tcvn3")) - vni_chars - vietnamese))


_VNI_SEQUENCE = re.compile(
    r"[aeouyAEOUYôöÔÖ][øùûõïØÙÛÕÏ]|[aeoAEO][âáàåãäÂÁÀÅÃÄ]|[aA][êéèúüëÊÉÈÚÜË]"
)


def detect_legacy(text: str) -> str | None:
    """'tcvn3' or 'vni' when the text is (mostly) in that legacy encoding, else None."""
    sample = text[:200_000]
    words = sample.split()
    if not words:
        return None
    enough = len(words) // 5 + 1  # counted up to this only: the whole sample is long
    if sum(1 for _ in itertools.islice(_UNICODE_VN.finditer(sample), enough)) >= enough:
        return None  # plainly Unicode Vietnamese: skip the per-word scan
    marks = set(_tcvn3_marks())
    tcvn3 = sum(1 for w in words if any(c in marks for c in w))
    vni = sum(1 for w in words if _VNI_SEQUENCE.search(w))
    unicode_vn = sum(1 for w in words if _UNICODE_VN.search(w))
    floor = max(3, len(words) // 50)  # a legacy document has such a word every few words
    for name, hits, other in (("tcvn3", tcvn3, vni), ("vni", vni, tcvn3)):
        if hits >= floor and hits > 3 * other and unicode_vn * 10 < hits:
            return name
    return None


def fix_legacy(text: str) -> str:
    """Convert TCVN3/VNI text to Unicode NFC; return `text` itself when it is neither."""
    encoding = detect_legacy(text)
    if encoding is None:
        return text
    return convert_legacy(text, encoding)


def fix_legacy_blocks(blocks: list[Block]) -> list[Block]:
    """Convert a whole document's blocks when its text is TCVN3/VNI (typed in such fonts)."""
    texts = [b for b in blocks if isinstance(b, str)]
    texts += [c for b in blocks if isinstance(b, Table) for r in b.rows for c in r]
    encoding = detect_legacy("\n".join(texts))
    if encoding is None:
        return blocks

    def conv(s: str) -> str:
        return convert_legacy(s, encoding) if s else s

    return [
        conv(b)
        if isinstance(b, str)
        else Table(rows=[[conv(c) for c in r] for r in b.rows], spans=b.spans, page=b.page)
        for b in blocks
    ]


def convert_legacy(text: str, encoding: str) -> str:
    """Convert text in a legacy encoding ('tcvn3' or 'vni') to Unicode NFC.

    Words that already hold Unicode Vietnamese letters are left alone. In TCVN3,
    letters with a tone mark only have lower-case codes (capitals were set with an
    upper-case font), so a lower-case letter inside an upper-case word or line is
    raised to upper case.
    """
    table, pattern = legacy_table(encoding), _pattern(encoding)
    out_lines = []
    for line in text.split("\n"):
        parts = re.split(r"(\s+)", line)
        words: list[tuple[str, list[bool] | None]] = []  # None: a word left as it was
        for part in parts:
            if not part or part.isspace() or _UNICODE_VN.search(part):
                words.append((part, None))
                continue
            converted, unsure = [], []
            pos = 0
            for m in pattern.finditer(part):
                converted.append(part[pos : m.start()])
                unsure.extend([False] * (m.start() - pos))
                letter = table[m.group(0)]
                converted.append(letter)
                unsure.append(letter.islower() and encoding == "tcvn3")
                pos = m.end()
            converted.append(part[pos:])
            unsure.extend([False] * (len(part) - pos))
            words.append(("".join(converted), unsure))
        recased = _recase(words) if encoding == "tcvn3" else words
        out_lines.append("".join(w for w, _ in recased))
    return unicodedata.normalize("NFC", "\n".join(out_lines))


def _recase(words: list[tuple[str, list[bool] | None]]) -> list[tuple[str, None]]:
    """Raise TCVN3's lower-case-only letters in upper-case words and upper-case lines."""

    def sure_letters(word: str, unsure: list[bool]) -> list[str]:
        return [c for c, u in zip(word, unsure, strict=False) if c.isalpha() and not u]

    caps_words = lower_words = 0
    for word, unsure in words:
        if unsure is None:
            continue
        sure = sure_letters(word, unsure)
        if len(sure) >= 2:
            if not all(c.isupper() for c in sure):
                lower_words += 1
            elif any(unsure) or not word.isascii():  # `KH-UBND` alone proves nothing
                caps_words += 1
    caps_line = caps_words > 0 and lower_words == 0
    out: list[tuple[str, None]] = []
    sentence_start = True
    for word, unsure in words:
        if unsure is None or not any(unsure):
            out.append((word, None))
        else:
            sure = sure_letters(word, unsure)
            upper = (len(sure) >= 2 and all(c.isupper() for c in sure)) or (
                caps_line and all(c.isupper() for c in sure)
            )
            if upper:
                word = word.upper()
            elif sentence_start and unsure[0] and word[0].isalpha():
                word = word[0].upper() + word[1:]  # `Ủy ban …` at the start of a sentence
            out.append((word, None))
        token = word.strip()
        if token:  # a bullet or number at the start of a line keeps it a sentence start
            bullet = not any(c.isalpha() for c in token)
            sentence_start = _ends_sentence(token) or (sentence_start and bullet)
    return out


def _ends_sentence(token: str) -> bool:
    """After this token a new sentence (or list item) begins: `…. `, `…: `, `a) `, `1. `."""
    if token[-1] in ".!?:":
        return True
    return len(token) <= 3 and token[-1] == ")"
