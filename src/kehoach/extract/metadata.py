"""The document part of the record: kind, number, issuer, province, date, title, signer, implements."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from kehoach.extract.agencies import (
    agency_phrase,
    canonical,
    known_prefix,
    starts_with_agency,
    strip_province,
    table,
    titled_prefix,
)
from kehoach.extract.header import (
    header_end,
    header_issuer,
    is_upper,
    issuer_named,
    known_body,
    local_committee,
    party_committee,
    split_columns,
)
from kehoach.extract.letter import letter_opening, letter_subject
from kehoach.extract.outline import (
    APPENDIX_RE,
    RECIPIENTS_RE,
    Para,
    Section,
    classify,
    is_rule,
    kind_heading,
    kind_of,
    part_heading,
)
from kehoach.intake.document import Table
from kehoach.model import DocRef, DocumentInfo
from kehoach.text import lexicon
from kehoach.text.central import is_central
from kehoach.text.normalize import fold, fold_chars

# Document kinds by their words and by the letters of their numbers (data/lexicon.toml).
NUMBER_KINDS = lexicon.mapping("documents.number_letters")
_DOCNUM = r"\d+[\w]*(?:[/-][\wĐđ]+)+"
# The words that cite a document by its number, and the kind each gives by default.
_REF_WORDS = lexicon.mapping("documents.reference_words")
_NAMED_REF_WORDS = lexicon.mapping("documents.named_reference_words")


def _ref_pattern(words: dict[str, str], between: str, start: str = "") -> re.Pattern[str]:
    """A citation: one of `words`, what `between` allows, the number, and what follows it
    up to the clause's end (its date and issuer)."""
    kinds = "|".join(sorted(words, key=len, reverse=True))
    return re.compile(
        rf"{start}(?P<kind>{kinds}){between}(?P<num>{_DOCNUM})(?=(?P<tail>[^;]{{0,160}}))"
    )


_REF_RE = _ref_pattern(_REF_WORDS, r"\s+(?:so\s*)?")
# "Luật Thư viện số 46/2019/QH14": the name (no digit, no `;`) between the word and `số`
_NAMED_REF_RE = _ref_pattern(_NAMED_REF_WORDS, r"\b(?P<name>[^;\d]{0,100}?)\s+so\s*", r"\b")
# "ngày 16/6/2025", "ngày 16 tháng 6 năm 2025"; matched on folded text
_DATE_RE = re.compile(r"ngay\s*(\d{1,2})\s*(?:[/-]|thang)\s*(\d{1,2})\s*(?:[/-]|nam)\s*(\d{4})")
# Matched on folded text (fold_chars keeps positions), so OCR'd "ngảy … nảm" still reads.
_PLACE_DATE_RE = re.compile(
    r"^(?P<place>[^,\d]{2,40}),\s*ngay\s*(?P<d>\d{0,2})\s*(?:thang|/)\s*(?P<m>\d{0,2})\s*(?:nam|/)\s*"
    r"(?P<y>\d{4})"
)
# The same place-date inside a header line that also holds the motto or the number.
_INLINE_DATE_RE = re.compile(
    r"[^\W\d_],\s*ngay\s*(?P<d>\d{0,2})\s*thang\s*(?P<m>\d{0,2})\s*nam\s*(?P<y>\d{4})"
)
# "… ban hành Kế hoạch": who issues the document (data/lexicon.toml `documents.issuing_verbs`,
# `issued_kinds`), folded
_ISSUING_RE = re.compile(
    r"\s+"
    + lexicon.alternation("documents.issuing_verbs", fold_words=True)
    + r"\s+"
    + lexicon.alternation("documents.issued_kinds", fold_words=True)
)
_SIGN_TITLE_RE = re.compile(
    r"^(?:T/?M\.?|TM\.?|KT\.?|Q\.|TL\.?|TUQ\.?)\s*(?P<who>.+)$", re.IGNORECASE
)


# "(kèm theo Chương trình số 14-CTr/TU, ngày 20/5/2026 …)", in folded text
_ANNEX_CAPTION_RE = re.compile(
    lexicon.alternation("documents.annex_captions", fold_words=True)
    + r"\s+(?:\S+\s+){1,3}?so\s*(?P<num>[^,;)]*?)\s*,?\s*ngay\s*"
    r"(?P<d>\d{0,2})\s*(?:/|thang)\s*(?P<m>\d{0,2})\s*(?:/|nam)\s*(?P<y>\d{4})"
)


def _unglue_number(raw: str) -> str:
    """OCR that lost the spaces glues the number to the place and date:
    `17-NQ/TUQuảngNinh,ngày30tháng10năm2023` -> `17-NQ/TU`."""
    folded = fold_chars(raw)
    m = re.search(r",?ngay\d", folded)
    if m is None:
        return raw
    head, fhead = raw[: m.start()], folded[: m.start()]
    for key in _glued_provinces():
        if fhead.endswith(key) and len(fhead) > len(key):
            return head[: len(head) - len(key)]
    return head


@lru_cache(maxsize=1)
def _glued_provinces() -> list[str]:
    """Province names folded with their spaces removed, longest first."""
    return sorted({fold(p).replace(" ", "") for p in table().provinces}, key=len, reverse=True)


def _doc_date(d: str, m: str, y: str) -> str | None:
    if not m:
        return None  # "ngày … tháng … năm 2026": the schema has no year-only date
    if not d:
        return f"{int(y):04d}-{int(m):02d}"
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"


def _upper_kind_prefix(line: str) -> str | None:
    """The all-caps kind words a line begins with ("KẾ HOẠCH" of "KẾ HOẠCH Triển khai …")."""
    words = line.split(" ")
    n = 0
    while n < min(4, len(words)) and words[n].isupper():
        n += 1
    head = " ".join(words[:n]) + " "
    return head if n and n < len(words) and kind_of(head) else None


# A document's number alone on a header line, its `Số` lost (a scan's faint label): its
# letters must name a kind of document (`17-NQ/TU`), and it must stand above the kind heading
_BARE_NUMBER_RE = re.compile(r"\s*\*?\s*(?P<num>\d+[\w]*(?:[/-][\wĐđ]+)+)\s*")


def _bare_number(line: str) -> re.Match[str] | None:
    m = _BARE_NUMBER_RE.fullmatch(line)
    return m if m and _number_kind(m.group("num")) else None


def _number_kind(number: str) -> str | None:
    letters = re.findall(r"[A-Za-zĐđ]+", number)
    for part in letters:
        k = NUMBER_KINDS.get(fold(part))
        if k:
            return k
    return None


def _province(header: list[str], body_text: str) -> str | None:
    folded = _provinces_by_key()
    for line in header:
        m = _PLACE_DATE_RE.match(fold_chars(line))
        if m and fold(m.group("place").strip()) in folded:
            return folded[fold(m.group("place").strip())]
        m = _province_mention_re().search(fold(line))
        if m:
            return folded[m.group(1)]
    for line in header:  # "Số 17-NQ/TU Quảng Ninh, ngày 30 tháng 10 năm 2023"
        m = _province_dated_re().search(fold(line))
        if m:
            return folded[m.group(1)]
    counts: dict[str, int] = {}
    for m in _province_mention_re().finditer(fold(body_text)):
        name = folded[m.group(1)]
        counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


@lru_cache(maxsize=1)
def _provinces_by_key() -> dict[str, str]:
    return {fold(p): p for p in table().provinces}


@lru_cache(maxsize=1)
def _province_mention_re() -> re.Pattern[str]:
    return re.compile(
        r"\b"
        + lexicon.alternation("documents.province_words", fold_words=True)
        + r" ("
        + _province_alternation()
        + r")\b"
    )


@lru_cache(maxsize=1)
def _province_dated_re() -> re.Pattern[str]:
    return re.compile(r"\b(" + _province_alternation() + r"),\s*ngay\s*\d")


def _province_alternation() -> str:
    """The province names folded, longest first (a longer name wins over its prefix)."""
    return "|".join(map(re.escape, sorted(_provinces_by_key(), key=len, reverse=True)))


# A number a PDF line wrapped and joined with a space: `31- CTr/TW`, `180/2026/NĐ- CP`
_SPLIT_NUMBER_RES = (
    re.compile(r"(\d-)\s+([A-ZĐ][A-Za-zĐđ]{0,4}/)"),
    re.compile(r"(\d/[A-ZĐ]{1,5}-)\s+([A-ZĐ]{1,5}\b)"),
)


def _refs(text: str, own: str | None) -> list[DocRef]:
    refs: dict[str, DocRef] = {}
    for rx in _SPLIT_NUMBER_RES:
        text = rx.sub(r"\1\2", text)
    folded = fold_chars(text)
    for m in sorted(
        [*_REF_RE.finditer(folded), *_named_refs(text, folded)], key=lambda m: m.start()
    ):
        num = text[m.start("num") : m.end("num")]
        key = re.sub(r"\s+", "", fold(num))
        if own and key == re.sub(r"\s+", "", fold(own)):
            continue
        word = m.group("kind")
        if word in _NAMED_REF_WORDS:
            kind = _NAMED_REF_WORDS[word]
        else:
            kind = kind_of(word) or _number_kind(num) or _REF_WORDS.get(word, "other")
        tail = text[m.start("tail") : m.end("tail")]
        dm = _DATE_RE.match(fold_chars(tail.lstrip(" ,")))
        date = None
        if dm:
            date = f"{int(dm.group(3)):04d}-{int(dm.group(2)):02d}-{int(dm.group(1)):02d}"
        issuer = None
        # "của X"; "giữa X và Y" (a joint document): the first-named party
        im = re.search(r"\b(?:của|(?P<among>giữa))\s+(?P<who>.+)", tail)
        if im and _cites_a_document(im.group("who")):
            im = None  # "… một số điều của Luật Hợp tác xã": a document, not its issuer
        hit = (known_prefix(im.group("who")) or titled_prefix(im.group("who"))) if im else None
        if im and hit and (not dm or im.start() < 60):
            issuer = hit[0]  # "của Bộ Văn hóa, Thể thao và Du lịch": a name with commas
        elif im and (not dm or im.start() < 60):
            who = re.split(
                r"\s+(?:về|ban hành|tiếp tục|triển khai|thực hiện|khóa|khoá|nhiệm kỳ|\()|[,;(“\"¹²³']",
                im.group("who"),
            )[0]
            if im.group("among"):
                who = re.split(r"\s+và\s+", who)[0]
            who = who.strip(" .,")
            if who and len(who) < 60:
                issuer = canonical(who) if who[0].isupper() else None
        issuer = issuer or _number_issuer(num)
        seen = refs.get(key)
        if seen is None:
            refs[key] = DocRef(kind=kind, number=num, date=date, issuer=issuer)  # type: ignore[arg-type]
        else:  # a later mention may give what the first left out
            refs[key] = replace(seen, date=seen.date or date, issuer=seen.issuer or issuer)
    return list(refs.values())


def _cites_a_document(text: str) -> bool:
    """Whether text begins with a document's kind (`Luật …`, `Nghị định số …`)."""
    head = fold_chars(text[:40]).lower()
    return any(re.match(rf"{re.escape(w)}\b", head) for w in [*_REF_WORDS, *_NAMED_REF_WORDS])


def _number_issuer(number: str) -> str | None:
    """The body a number's last letters stand for when only one body issues under them
    (`…/QH15` the National Assembly's, `…/NĐ-CP` the Government's, `…/QĐ-TTg` the Prime
    Minister's)."""
    last = re.split(r"[/-]", number)[-1]
    return _NUMBER_ISSUERS.get(fold(re.sub(r"\d+", "", last)))


_NUMBER_ISSUERS = lexicon.mapping("documents.number_issuers")


def _named_refs(text: str, folded: str) -> list[re.Match[str]]:
    """Documents cited by name, then number (`Luật Thư viện số 46/2019/QH14`): the word with
    its capital, and no other citing word in the name (`Luật X và Quyết định số …` is the
    decision's number)."""
    out = []
    for m in _NAMED_REF_RE.finditer(folded):
        if not text[m.start()].isupper() or _REF_RE.search(m.group("name") + " so 1/x"):
            continue
        out.append(m)
    return out


# The signing title ends in upper case ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH"); the name follows it.
# Titles are found in the folded text (OCR'd marks: `CHU TÍCH`), the name in the text.
_SIGN_TITLE_WORDS_RE = re.compile(
    r"\b" + lexicon.alternation("documents.signing_titles", fold_words=True) + r"\b"
)
_NAME_AFTER_TITLE_RE = re.compile(
    r"\s+(?:\(?(?:"
    + "|".join(
        re.escape(v)
        for w in lexicon.words("documents.signed_marks")
        for v in (w, w[:1].upper() + w[1:], w.upper())
    )
    + r")\)?\s+)?"
    r"(?P<name>(?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][a-zà-ỹđ]+\s*){2,5})\s*$"
)


_CAPITALS_RE = re.compile(r"[A-ZĐ][A-ZĐ\u00c0-\u00dd\u1ea0-\u1ef8]")  # every title has one


def _name_after_title(text: str) -> str | None:
    """The name after the last signing title (in upper case) of a line or cell."""
    if not _CAPITALS_RE.search(text):
        return None  # no word in upper case: no title
    titles = [
        m
        for m in _SIGN_TITLE_WORDS_RE.finditer(fold_chars(text))
        if text[m.start() : m.end()].isupper()
    ]
    if not titles:
        return None
    end = titles[-1].end()
    m = _NAME_AFTER_TITLE_RE.match(text, end)
    if m is None:
        # the body the title heads, in upper case, between the title and the name (`PHÓ
        # TRƯỞNG BAN THƯỜNG TRỰC GIÁM ĐỐC SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH   Nguyễn Văn A`)
        word = _WORD_RE.match(text, end)
        while word and word.group(1).isupper():
            end = word.end()
            word = _WORD_RE.match(text, end)
        m = _NAME_AFTER_TITLE_RE.match(text, end) if end > titles[-1].end() else None
    return m.group("name").strip() if m else None


_WORD_RE = re.compile(r"[\s,]+(\S+?),?(?=\s|$)")


# after the recipient's closing `;`, `.` or `,` (the gap between the columns is one space
# once the paragraph's spaces are collapsed)
_NAME_AT_END_RE = re.compile(
    r"[.;,]\s+(?P<name>(?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][a-zà-ỹđ]+\s*){2,5})$"
)


def _is_sign_title(t: str) -> bool:
    """`BÍ THƯ`, `PHÓ CHỦ TỊCH`: a signing title on its own line."""
    return t.isupper() and len(t) < 40 and bool(_SIGN_TITLE_WORDS_RE.search(fold_chars(t)))


def _is_name(t: str) -> bool:
    words = t.split()
    return (
        2 <= len(words) <= 5
        and all(w[:1].isupper() and not w.isupper() for w in words)
        and not re.search(r"\d|[:;,/()]", t)
        and not fold(t).startswith(("noi nhan", "luu"))
    )


@lru_cache(maxsize=1)
def _family_names() -> frozenset[str]:
    return frozenset(lexicon.words("names.family"))


def _two_names(text: str) -> tuple[str, str] | None:
    """Two signers' names on one line, the columns of two signature blocks side by side run
    together (`Hoàng Văn An Nguyễn Thị Bình`): cut before a family name (the lexicon's) where
    both sides are names, the most even cut when several are; else None."""
    words = text.split()
    if not 4 <= len(words) <= 10 or _is_name(text):
        return None
    cuts = [
        k
        for k in range(2, len(words) - 1)
        if words[k] in _family_names()
        and _is_name(" ".join(words[:k]))
        and _is_name(" ".join(words[k:]))
    ]
    if not cuts:
        return None
    k = min(cuts, key=lambda k: abs(len(words) - 2 * k))
    return " ".join(words[:k]), " ".join(words[k:])


def _signs(table: Table) -> bool:
    """Whether a table is a signature block: a cell that opens with `Nơi nhận` or holds a
    signing title (`KT. BỘ TRƯỞNG`, `PHÓ CHỦ TỊCH`), not a table of tasks whose cells name
    bodies in title case."""
    for row in table.rows:
        for cell in row:
            lines = [t.strip(" *_") for t in cell.splitlines() if t.strip(" *_")]
            if lines and fold(lines[0]).startswith("noi nhan"):  # `*Nơi nhận:*` in markdown
                return True
            for t in lines:
                sm = _SIGN_TITLE_RE.match(t)
                if (sm and sm.group("who").split()[0].isupper()) or _is_sign_title(t):
                    return True
    return False


def _cell_name(cell: str) -> bool:
    """Whether a table cell is a signer's block ending with the name (`CHỦ TỊCH` / `Lê Văn An`)."""
    lines = [t.strip(" .") for t in cell.splitlines() if t.strip(" .")]
    return len(lines) > 1 and _is_name(lines[-1])


def _left_signer(row: list[str]) -> list[str]:
    """A signature table's row, the second of two signers side by side left out (a joint
    programme's parties: the first, left, party signs for the record)."""
    signed = [k for k, c in enumerate(row) if _cell_name(c)]
    if len(signed) < 2:
        return row
    return [c for k, c in enumerate(row) if k not in signed[1:]]


def _typed_row_cells(text: str) -> list[str]:
    """A line of the signature part typed as a row of cells apart by `|` (`- Lưu: VT. | Lê Văn
    An`: the recipients beside the signing block) as its cells, a second signer's name beside
    the first left out (the left party signs for the record); another line as it is."""
    if " | " not in text and not text.startswith("| ") and not text.endswith(" |"):
        return [text]
    cells = [c.strip() for c in text.strip().strip("|").split("|") if c.strip()]
    named = [k for k, c in enumerate(cells) if _is_name(c.strip(" ."))]
    return [c for k, c in enumerate(cells) if k not in named[1:]]


def _signer(signature: Section | None, items: list[Para | Table]) -> str | None:
    best = None
    texts: list[str] = []
    # the signature part, else a signature table anywhere (a two-cell "Nơi nhận | KT. …" row)
    for b in signature.all_blocks() if signature is not None else items:
        if isinstance(b, Table):
            if signature is not None or _signs(b):
                texts.extend(c for row in b.rows for c in _left_signer(row) if c.strip())
        elif signature is not None:
            texts.extend(_typed_row_cells(b.text))
    if signature is None and not texts:  # no "Nơi nhận": the title and the name close the text
        tail = [p.text for p in items[-12:] if isinstance(p, Para)]
        title = max(
            (i for i, t in enumerate(tail) if _SIGN_TITLE_RE.match(t) or _is_sign_title(t)),
            default=None,
        )
        texts = tail[title + 1 :] if title is not None else []
    for text in texts:
        t = text.strip(" .")
        if _is_name(t):
            best = t
            continue
        # the two columns typed on one line apart by a `|` (`- Lưu: VT. | Lê Văn An`): the
        # signature's column is the right one
        right = t.rsplit("|", 1)[-1].strip(" .") if "|" in t else ""
        if right and _is_name(right):
            best = right
            continue
        # the name beside a recipient, the two columns of a PDF read as one line (beside the
        # last one, or higher up when the list runs on below the signature)
        m = _NAME_AT_END_RE.search(t) if signature is not None and best is None else None
        if m and _is_name(m.group("name").strip()):
            best = m.group("name").strip()
            continue
        pair = _two_names(t)
        if pair:  # two signature blocks side by side: the first (left) party's signer
            best = pair[0]
            continue
        # a signature block written on one line or in one table cell
        name = _name_after_title(" ".join(t.split()))
        if name and _is_name(name):
            best = name
    return best


def _first_signer(signatures: list[Section], items: list[Para | Table]) -> str | None:
    """The name the first signature part that gives one signs with: a signing title above
    `Nơi nhận:` makes a part of its own, the name comes under the recipients."""
    for signature in signatures:
        name = _signer(signature, items)
        if name:
            return name
    if not signatures:
        return _signer(None, items)
    return _signed_above_recipients(items) or _signed_in_table_above_recipients(items)


def _opens_recipients(item: Para | Table) -> bool:
    if isinstance(item, Para):
        return bool(RECIPIENTS_RE.match(item.folded))
    return any(fold(c.strip(" *_")).startswith("noi nhan") for row in item.rows for c in row)


def _signed_in_table_above_recipients(items: list[Para | Table]) -> str | None:
    """The name in a signature table just above `Nơi nhận:`: two parties signing side by side
    (a joint programme's two cells, each a title over its signer's name), the recipients
    under them. The first (left) party's signer, as for two blocks typed side by side."""
    at = next((i for i, p in enumerate(items) if _opens_recipients(p)), None)
    if at is None:
        return None
    for item in reversed(items[max(0, at - 3) : at]):
        if not isinstance(item, Table) or not _signs(item):
            continue
        for row in item.rows:
            for cell in row:
                names = [t.strip(" .") for t in cell.splitlines() if _is_name(t.strip(" ."))]
                if names:
                    return names[-1]
    return None


def _signed_above_recipients(items: list[Para | Table]) -> str | None:
    """The name under a signing title just above `Nơi nhận:` (`GIÁM ĐỐC CHỦ TỊCH` over the
    two names of two blocks side by side, the left one opening with no `T/M`), else None."""
    at = next(
        (i for i, p in enumerate(items) if isinstance(p, Para) and RECIPIENTS_RE.match(p.folded)),
        None,
    )
    if at is None:
        return None
    tail = [p.text for p in items[max(0, at - 8) : at] if isinstance(p, Para)]
    title = max((i for i, t in enumerate(tail) if _is_sign_title(t)), default=None)
    if title is None:
        return None
    for t in tail[title + 1 :]:
        t = t.strip(" .")
        pair = _two_names(t)
        if _is_name(t) or pair:
            return pair[0] if pair else t
    return None


def extract_metadata(items: list[Para | Table], root: Section, body_text: str) -> DocumentInfo:
    """The document part of the plan record."""
    paras = [p for p in items if isinstance(p, Para)]
    first_heading = next((i for i, p in enumerate(paras) if p.kind == "roman"), min(len(paras), 40))
    heading = paras[first_heading] if first_heading < len(paras) else None
    header = split_columns(_header_lines(items, heading))  # `UBND TỈNH X   CỘNG HÒA …` on a line
    kind = None
    kind_idx = None
    for i, line in enumerate(header):
        k = kind_heading(line)
        if k:
            kind, kind_idx = k, i
            break
        k = kind_of(line)
        prefix = _upper_kind_prefix(line) if k and len(line) >= 60 else None
        if prefix:
            # "KẾ HOẠCH Triển khai …": the heading and the title on one line
            cut = len(prefix)
            header = [*header[:i], line[:cut].strip(), line[cut:].strip(), *header[i + 1 :]]
            kind, kind_idx = k, i
            break
    number = None
    date = None
    dated = False
    draft = any(_DRAFT_RE.search(fold(h)) for h in header[: (kind_idx or 10) + 1]) or any(
        fold(h).strip("() ") in lexicon.folded("documents.draft") for h in header
    )
    province = _province(header, body_text)
    for i, line in enumerate(header):
        m = (
            re.match(r"^so\s*:?\s*(?P<num>.+)$", fold_chars(line))
            or re.search(
                r"\bso\s*:\s*(?P<num>(?:\d[\w.]*)?\s*[/-][\w/.-]+)", fold_chars(line)
            )  # "ỦY BAN NHÂN DÂN TỈNH …  Số: 77/KH-UBND  CỘNG HÒA …" on one line
            or (_bare_number(line) if kind_idx is None or i < kind_idx else None)
        )
        if m and number is None and "/" in m.group("num"):
            end = None if m.re.pattern.startswith("^") else m.end("num")
            # a header row pasted with its cells apart ("Số: 4589/QĐ-UBND | Thanh Hóa, ngày …")
            cell = re.split(r"\s*[|\t]", line[m.start("num") : end])[0]
            raw = _unglue_number(re.sub(r"\s+", "", cell.split("Dự")[0]))
            number = raw if re.match(r"^\d", raw) else None
            if number is None:
                number = ""  # printed but left blank
        pm = _PLACE_DATE_RE.search(fold_chars(line))
        if pm is None and len(line) < 160:  # not a preamble sentence citing a dated document
            pm = _INLINE_DATE_RE.search(fold_chars(line))
        if pm and not dated:
            date = _doc_date(pm.group("d"), pm.group("m"), pm.group("y"))
            dated = True  # the first place-date is the document's, even with blanks
    title, preamble = _title_and_preamble(header, kind_idx)
    letter = False
    if kind is None and title is None:  # a letter: no kind heading, its subject after "V/v"
        kind, title = letter_subject(header)
        if kind:
            preamble = letter_opening(preamble)
            letter = True
    # Appendix captions repeat the number and date: "(kèm theo Chương trình số 14-CTr/TU, ngày 20/5/2026 …)"
    if number is None or not dated:
        for p in paras:
            m = _ANNEX_CAPTION_RE.search(fold_chars(p.text))  # folded: OCR'd `kem theo`
            if m:
                raw = re.sub(r"\s+", "", p.text[m.start("num") : m.end("num")])
                if number is None:
                    number = raw if re.match(r"^\d", raw) else ""
                if not dated:
                    date = _doc_date(m.group("d"), m.group("m"), m.group("y"))
                break
    # a letter's preamble begins with its header block: the bodies stacked there (`UBND TỈNH
    # X` / `VĂN PHÒNG`, `/ SỞ …`) are read by `header_issuer`, not as the enacting body under
    # a title
    opening = preamble[header_end(preamble) :] if letter else preamble
    issuer_column = split_columns(_header_lines(items, heading, issuer_column=True))
    issuer = _issuer(opening, issuer_column, _own_lines(items))
    if issuer and is_central(issuer):
        # a ministry's or the government's document belongs to no province: the place by
        # its date (`Hà Nội, ngày …`) is where it was signed
        province = None
    if kind is None and number:
        kind = _number_kind(number)
    implements = _refs(" ".join([title or "", *_carried_out(preamble), *_bases(root)]), number)
    return DocumentInfo(
        kind=kind or "other",  # type: ignore[arg-type]
        number=number or None,
        issuer=issuer,
        province=province,
        date=date,
        draft=draft,
        title=title,
        signer=_first_signer([s for s in root.children if s.kind == "signature"], items),
        implements=implements,
    )


@lru_cache(maxsize=1)
def _carrying_out_re() -> re.Pattern[str]:
    return re.compile(
        r"\b" + lexicon.alternation("documents.carrying_out", fold_words=True) + r"\b"
    )


def _carried_out(preamble: list[str]) -> list[str]:
    """The preamble's sentences by which the document says what it carries out or rests on
    (`Thực hiện …`, `Căn cứ …`, `Để tiếp tục thực hiện có hiệu quả Chỉ thị số …`): up to its
    first numbered item (a directive or a conclusion numbers its body `1.`, `2.` with no part
    above), and without the sentences that only report (`Năm 2025, Ủy ban nhân dân tỉnh đã
    ban hành Quyết định số …`)."""
    lines = _opening_lines(preamble)
    # one text: a sentence a PDF left in two lines (`Thực hiện` / `Nghị quyết số …`) is one
    sentences = re.split(r"(?<=[.;])\s+", " ".join(lines))
    kept: list[str] = []
    carried = False  # whether the clause before said what the document carries out
    for s in sentences:
        s = _past_proposal(s)
        # `Thực hiện Quyết định số …; Nghị quyết số … , Ủy ban nhân dân tỉnh ban hành …`: a
        # clause that opens with the next document goes on with the phrase before it
        if _carrying_out_re().search(fold(s)) or (carried and _names_a_document(s)):
            kept.append(s)
            carried = s.rstrip().endswith(";")
        else:
            carried = False
    return kept


@lru_cache(maxsize=1)
def _proposal_re() -> re.Pattern[str]:
    return re.compile(
        r"^\W*" + lexicon.alternation("documents.proposal_openings", fold_words=True) + r"\b"
    )


def _past_proposal(sentence: str) -> str:
    """A sentence that opens with the proposal the document answers (`Xét đề nghị của Sở X tại
    Văn bản số 96/…, để thực hiện thắng lợi các chỉ tiêu nêu trên, …`) from its first word of
    carrying out on: the proposal's documents are not carried out ("" when it says none)."""
    folded = fold_chars(sentence)
    if not _proposal_re().match(folded):
        return sentence
    m = _carrying_out_re().search(folded)
    return sentence[m.start() :] if m else ""


def _bases(root: Section) -> list[str]:
    """The lines of the sections that list what the document rests on, in place of a
    preamble's `Căn cứ …` (`II. CĂN CỨ XÂY DỰNG ĐỀ ÁN`, `Căn cứ pháp lý`: data/lexicon.toml
    `documents.basis_sections`); not in an appendix."""
    titles = lexicon.folded("documents.basis_sections")
    return [
        b.text
        for s in root.walk()
        if s.kind in ("roman", "decimal") and s.folded_title.startswith(tuple(titles))
        for b in s.all_blocks()
        if isinstance(b, Para)
    ]


# a clause that opens with a document's kind and number (`Nghị quyết số 15-NQ/TU …`)
_NAMES_A_DOCUMENT_RE = re.compile(r"^[A-ZĐ][\w ]{2,30}?\s+số\s+\d")


def _names_a_document(clause: str) -> bool:
    """A clause that opens with a document's kind and number, or with a law's name and number
    (`Luật sửa đổi, bổ sung một số điều của Luật X số 26/2018/QH14 …`)."""
    if _NAMES_A_DOCUMENT_RE.match(clause):
        return True
    return clause[:1].isupper() and _NAMED_REF_RE.match(fold_chars(clause)) is not None


def _header_lines(
    items: list[Para | Table], first_heading: Para | None, issuer_column: bool = False
) -> list[str]:
    """The lines before the first heading; a header laid out as a table gives its cells
    (issuer and number on the left, motto and place-date on the right), column by column.
    With `issuer_column`, only a header table's first column that holds text: a joint plan's
    second issuer stands in the right one (`ỦY BAN NHÂN DÂN TỈNH X` beside `TỈNH ỦY X`), and
    the header's issuer is the lowest body of the left one, not of the two stacked."""
    out: list[str] = []
    for it in items:
        if it is first_heading or len(out) >= 60:
            break
        if isinstance(it, Para):
            out.append(it.text)
        elif len(it.rows) <= 4 and all(len(r) <= 4 for r in it.rows):
            width = max((len(r) for r in it.rows), default=0)
            columns = [
                [line.strip() for r in it.rows if c < len(r) for line in r[c].split("\n")]
                for c in range(width)  # a cell's paragraphs are the header's lines
            ]
            columns = [[line for line in col if line] for col in columns]
            if issuer_column:
                columns = [col for col in columns if col][:1]
            out.extend(line for col in columns for line in col)
    return out


def _agency_before(text: str) -> str | None:
    """The agency named at the end of text: the longest clause tail (cut at commas, or where a
    sentence or clause ends: `… đạt 64,5%. Sở Văn hóa, Thể thao và Du lịch`) that is a known
    agency, else the shortest that begins like one."""
    text = re.sub(r"\s*\([^)]*\)", "", text).rstrip(" ,;")
    starts = [0] + [m.end() for m in re.finditer(r"(?:,|;|:|\.(?=\s))\s*", text)]
    starts = sorted(set(starts))
    tails = [text[i:].strip() for i in starts]
    known = set(table().by_key.values())
    for tail in tails:
        if starts_with_agency(tail) and canonical(strip_province(tail)) in known:
            return canonical(strip_province(tail))
    for tail in reversed(tails):
        if starts_with_agency(tail) and len(tail) < 80:
            return canonical(strip_province(tail))
    return None


_JOINT_RE = re.compile(
    r"\s" + lexicon.alternation("documents.joint_issuing", fold_words=True) + r"\s*$"
)


def _first_party(text: str) -> str | None:
    """The first of the bodies that issue a document together (`Sở X và Ban Thường vụ Hội Y
    (sau đây gọi là hai cơ quan) thống nhất` before `ban hành`), else None."""
    text = re.sub(r"\s*\([^)]*\)", "", text).rstrip(" ,;")
    m = _JOINT_RE.search(fold_chars(text))
    if m is None:
        return None
    text = text[: m.start()].rstrip(" ,")
    for start in [0, *(m.end() for m in re.finditer(r"[,.;:]\s+", text))]:
        names, rest = agency_phrase(text[start:])
        if len(names) >= 2 and not rest.strip():
            return canonical(strip_province(names[0]))
    return None


def _first_part(line: str) -> bool:
    """`Mục đích, yêu cầu` heading the first part in running case: a part's name and nothing
    else — no number, no proper name (`Chương trình hành động số 14-CTr/TU`, `Hoạt động chào
    mừng Quốc khánh` go on a title)."""
    words = line.split()
    return (
        not is_upper(line)
        and part_heading(line)
        and not any(c.isdigit() for c in line)
        and not any(w[:1].isupper() for w in words[1:])
    )


# A draft's mark (data/lexicon.toml `documents.draft`), in a header line or as one; folded
_DRAFT_RE = re.compile(r"\b" + lexicon.alternation("documents.draft", fold_words=True) + r"\b")
_DRAFT_LINE_RE = re.compile(
    r"^\(?" + lexicon.alternation("documents.draft", fold_words=True) + r"\)?$"
)
# Where a title ends: the preamble's opening (`documents.title_end`) or a council's term
# (`KHÓA XVIII`); folded
_TITLE_END_RE = re.compile(
    r"^(?:" + lexicon.alternation("documents.title_end", fold_words=True) + r"|khoa [ivxl]+\b)"
)
_ENACTING_TITLE_RE = re.compile(
    r"^" + lexicon.alternation("documents.enacting_titles", fold_words=True) + r"\s+"
)


def _title_and_preamble(header: list[str], kind_idx: int | None) -> tuple[str | None, list[str]]:
    if kind_idx is None:
        return None, header
    title_lines: list[str] = []
    rest = header[kind_idx + 1 :]
    i = 0
    for i, line in enumerate(rest):
        f = fold(line)
        if is_rule(line):
            i += 1
            break
        if APPENDIX_RE.match(f):
            break
        if title_lines and (
            _TITLE_END_RE.match(f)
            or len(line) > 250
            or line.endswith((":", ";"))
            # capitals after a title in running case: the enacting body of a resolution
            # (`HỘI ĐỒNG NHÂN DÂN TỈNH …`, then `KHÓA XVIII …`), an unnumbered part heading
            or (is_upper(line) and not is_upper(title_lines[-1]))
            # the enacting body under a title in capitals (`ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH`)
            or (is_upper(line) and _enacting_body(line) is not None)
            or re.match(r"[-+•]\s", line)  # a list item: the body has begun
            or _first_part(line)
        ):
            break
        if _DRAFT_LINE_RE.match(f):
            continue
        title_lines.append(line)
    else:
        i = len(rest)
    title = _without_enacting_body(" ".join(title_lines).strip()) or None
    if title:
        title = title[0].upper() + title[1:]
    return title, rest[i:]


# "NGHỊ QUYẾT / CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH / về phát triển …": a party document's kind
# heading goes on with the body that issues it; the subject begins at `về` (folded)
_OF_BODY_RE = re.compile(r"cua\s+(?P<body>[^,;:()]{3,80}?)\s+(?=ve\s+\w)")


def _without_enacting_body(title: str) -> str:
    """The title without the issuing body that the kind heading names before the subject
    (`Của Ban Thường vụ Tỉnh ủy về …` -> `về …`): the issuer is a field of its own."""
    m = _OF_BODY_RE.match(fold_chars(title))
    if m is None or issuer_named(m.group("body")) is None:
        return title
    return title[m.end() :]


def _enacting_body(line: str) -> str | None:
    """The issuer a body's name at the start of a line names (`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
    …`, `HỘI ĐỒNG NHÂN DÂN TỈNH …`), from the lexicon's issuers."""
    return issuer_named(_ENACTING_TITLE_RE.sub("", fold(line)))


def _own_lines(items: list[Para | Table]) -> list[str]:
    """The text lines in order, a small layout table's cells (a signature table `Nơi nhận |
    T/M BAN THƯỜNG VỤ …` of a Word file) giving their lines too."""
    out: list[str] = []
    for it in items:
        if isinstance(it, Para):
            out.append(it.text)
            # `Nơi nhận: T/M BAN THƯỜNG VỤ`: a PDF's signature block read across its columns
            label = RECIPIENTS_RE.match(fold_chars(it.text))
            if label and it.text[label.end() :].strip():
                out.append(it.text[label.end() :].strip())
        elif len(it.rows) <= 4 and all(len(r) <= 3 for r in it.rows):
            out.extend(ln.strip() for r in it.rows for c in r for ln in c.split("\n") if ln.strip())
    return out


# what follows a recipient's closing mark on its line: the signature column beside it
_BESIDE_RECIPIENT_RE = re.compile(r"[.;,)]\s+(?P<rest>\S[^.;,)]*)$")


def _title_rest(lines: list[str], j: int) -> str | None:
    """The rest of the signing title on line `j` when a PDF's narrow signature column
    wrapped it (`TM. BAN THƯỜNG VỤ TỈNH` / `ĐOÀN`): the next line in capitals, past the
    recipients listed beside it, unless it is a title of its own (`PHÓ BÍ THƯ`)."""
    for line in lines[j + 1 : j + 5]:
        t = line.strip()
        if t[:1] in "-+•":  # a recipient, read between the signature column's lines
            beside = _BESIDE_RECIPIENT_RE.search(t)  # or the signature column's line after it
            if beside is None or not is_upper(beside.group("rest")):
                continue
            t = beside.group("rest")
        if (
            is_upper(t)
            and len(t.split()) <= 4
            and not _SIGN_TITLE_RE.match(t)
            and not _is_sign_title(t)
        ):
            return t
        return None
    return None


def _issuer_named_by(who: str, rest: str | None) -> str | None:
    """The issuer a signing title's body (folded) names: with the wrapped rest of the title
    when that makes a longer name (`ban thuong vu tinh` + `doan`), else on its own."""
    issuers = lexicon.mapping("issuers")
    found = [(k, v) for k, v in issuers.items() if re.search(rf"\b{k}\b", who)]
    if rest:
        joined = f"{who} {fold(rest)}"
        named = [(k, v) for k, v in issuers.items() if re.search(rf"\b{k}\b", joined)]
        longest = max(named, key=lambda kv: len(kv[0]), default=None)
        if longest and len(longest[0]) > max((len(k) for k, _ in found), default=0):
            return longest[1]
    return found[0][1] if found else None


# A number after the kind words: the document cited, not this one (`ban hành Kế hoạch như sau`)
_CITED_NUMBER_RE = re.compile(r"\s*(?:so\s*:?\s*)?\d+\s*[/-]")


def _opening_lines(preamble: list[str]) -> list[str]:
    """The preamble up to its first numbered item: a directive, a conclusion or a notice
    numbers its body `1.`, `2.` with no part above, and an item there that tells a body to
    issue something (`4. Các sở, ngành … ban hành kế hoạch …`) is work it assigns, not the
    sentence by which the document is issued; and up to a decision's `QUYẾT ĐỊNH:`, after which
    its articles stand (`_enacting_formula`)."""
    for i, line in enumerate(preamble):
        if classify(line).kind == "decimal" or _enacting_formula(line):
            return preamble[:i]
    return preamble


def _enacting_formula(line: str) -> bool:
    """`QUYẾT ĐỊNH:`, `QUYẾT NGHỊ:` on a line of their own (lexicon
    `documents.enacting_formulas`): the words that open a decision's articles."""
    text = line.strip()
    if not text.endswith(":") or len(text) > 20:
        return False
    return fold(text[:-1]).strip() in lexicon.folded("documents.enacting_formulas")


def _issuer(preamble: list[str], header: list[str], lines: list[str]) -> str | None:
    for line in _opening_lines(preamble):
        folded = fold_chars(line)
        for m in _ISSUING_RE.finditer(folded):
            if _CITED_NUMBER_RE.match(folded, m.end()):
                continue  # `Bộ Xây dựng ban hành Quyết định số 1074/QĐ-BXD`: another document
            who = _first_party(line[: m.start()]) or _agency_before(line[: m.start()])
            if who:
                # "Hội đồng nhân dân ban hành Nghị quyết": the body with no level named is the
                # one the header names with its level (`HỘI ĐỒNG NHÂN DÂN / TỈNH …`); a body
                # named whole (a joint plan's first party) is kept, whatever the header's
                # columns run together after it (`SỞ … DU LỊCH   ỦY BAN MẶT TRẬN …`)
                if known_body(who):
                    return who
                named = header_issuer(header)
                return named if named and fold(named).startswith(fold(who) + " ") else who
    issuers = lexicon.mapping("issuers")
    for j in range(len(lines) - 1, -1, -1):
        sm = _SIGN_TITLE_RE.match(lines[j])
        if sm:
            who = fold(sm.group("who"))
            hit = _issuer_named_by(who, _title_rest(lines, j))
            if hit is None and " " not in who.strip():  # OCR lost the spaces: `T/MBANTHƯỜNGVỤ`
                hit = next((v for k, v in issuers.items() if k.replace(" ", "") in who), None)
            if who.strip() in lexicon.folded("documents.standing_committees"):
                # a bare `T/M BAN THƯỜNG VỤ` is the standing committee of the body the header
                # names: a `ĐẢNG ỦY …` there signs for itself, not for the Tỉnh ủy
                hit = party_committee(header) or hit
            elif who.strip() in lexicon.folded("documents.bare_committees"):
                # a bare `TM. ỦY BAN NHÂN DÂN` under a header naming a commune's or ward's
                # committee signs for that one, not for the province's
                hit = local_committee(header) or hit
            if hit:
                return hit
    for line in preamble[:2]:  # the enacting body under the title: "ỦY BAN NHÂN DÂN TỈNH …"
        body = _enacting_body(line) if is_upper(line) and len(line) < 80 else None
        if body:
            return body
    return header_issuer(header)
