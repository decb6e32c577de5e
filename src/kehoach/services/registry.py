"""The machinery every culture registry shares (villages, intangible heritage, cultural
institutions, happiness surveys): a registry is described by its fields (`Registry`), and
listing, web forms with history (revisions), XLSX/CSV import checked row by row and export
work from that description.

A field's `heading` is the Vietnamese column heading of the import and export tables; the
forms and lists show the same words, so a table exported from the registry imports back.
Officers of a province keep its registries; anyone reads public entries; staff of the
province read all of its entries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import or_, select, true
from sqlalchemy.orm import Session, aliased

from kehoach.errors import NotFound, PermissionDenied, RowsRejected, ValidationError
from kehoach.services import audit
from kehoach.services.heritage import may_keep
from kehoach.services.jurisdictions import within
from kehoach.services.types import SYSTEM, UserView
from kehoach.services.visibility import sees_all
from kehoach.store.tables import Jurisdiction, Revision, User, Village
from kehoach.store.units import unit_key
from kehoach.text.dates import parse_day
from kehoach.text.normalize import fold
from kehoach.text.numbers import format_number
from kehoach.writers.tables import Column, Table

KINDS = ("text", "choice", "date", "number", "int", "bool", "commune", "village", "communes",
         "period")  # fmt: skip
YES = {"co", "x", "1", "yes", "true", "on", "dat"}
NO = {"khong", "0", "no", "false", "off", "", "chua"}


@dataclass(frozen=True)
class Field:
    key: str  # the column on the table and the form's input name
    heading: str  # Vietnamese: form label, list and export column, import heading
    kind: str = "text"
    choices: dict[str, str] = field(default_factory=dict)  # code -> Vietnamese label
    required: bool = False
    default: Any = None
    low: float | None = None
    high: float | None = None
    aliases: tuple[str, ...] = ()  # other import headings (folded), English ones
    listed: bool = True  # a column of the list page
    filter: bool = False  # a filter of the list page (choice and bool fields)


@dataclass(frozen=True)
class Registry:
    entity: str  # `village`, `institution`, `intangible`, `survey` (the revisions' entity)
    model: Any  # a table with id, jurisdiction_id, commune_id, name?, public, updated_at
    fields: tuple[Field, ...]
    sheet: str  # the export's sheet and title
    slug: str  # the export's file name
    unique: tuple[str, ...] = ("commune_id", "name")  # what makes a duplicate in a province
    title: tuple[str, ...] = ("name",)  # the fields an entry is called by
    check: Callable[[Session, dict], None] | None = None  # rules across fields

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)

    @property
    def filters(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.filter)


@dataclass(frozen=True)
class Entry:
    entity: str
    id: int
    jurisdiction_id: int
    province: str
    commune_id: int | None
    commune: str | None
    commune_code: str | None
    title: str
    values: dict[str, Any]  # field key -> the stored value
    shown: dict[str, str]  # field key -> the value as the page writes it
    public: bool


def _readable(model, user: UserView | None):
    if sees_all(user):
        return true()
    if user is not None and user.active and user.jurisdiction_id is not None:
        return or_(model.public, model.jurisdiction_id.in_(within(user.jurisdiction_id)))
    return model.public


def list_entries(
    session: Session,
    reg: Registry,
    user: UserView | None,
    *,
    jurisdiction_id: int | None = None,
    commune_id: int | None = None,
    q: str | None = None,
    ids: list[int] | None = None,
    **filters: str | None,
) -> list[Entry]:
    """The entries `user` may read, filtered (choice and bool fields by code); by title."""
    m = reg.model
    province, commune = aliased(Jurisdiction), aliased(Jurisdiction)
    stmt = (
        select(m, province.name, commune.name, commune.code)
        .join(province, province.id == m.jurisdiction_id)
        .outerjoin(commune, commune.id == m.commune_id)
        .where(_readable(m, user))
    )
    if jurisdiction_id is not None:
        stmt = stmt.where(m.jurisdiction_id == jurisdiction_id)
    if commune_id is not None:
        stmt = stmt.where(m.commune_id == commune_id)
    if ids is not None:
        stmt = stmt.where(m.id.in_(ids))
    for key, value in filters.items():
        if value in (None, ""):
            continue
        spec = reg.field(key)
        if spec.kind == "bool":
            stmt = stmt.where(getattr(m, key).is_(str(value).lower() in YES))
        else:
            stmt = stmt.where(getattr(m, key) == value)
    rows = session.execute(stmt.order_by(m.jurisdiction_id, commune.name, m.id)).all()
    villages = _village_names(session, reg, [r[0] for r in rows])
    communes = _commune_names(session, reg, [r[0] for r in rows])
    out = [_entry(reg, row, villages, communes) for row in rows]
    if q:
        needle = fold(q)
        out = [e for e in out if needle in fold(f"{e.title} {e.commune or ''}")]
    return sorted(out, key=lambda e: (e.province, fold(e.commune or ""), fold(e.title)))


def _village_names(session: Session, reg: Registry, rows: list) -> dict[int, str]:
    if not any(f.kind == "village" for f in reg.fields):
        return {}
    ids = {r.village_id for r in rows if r.village_id}
    if not ids:
        return {}
    return dict(
        session.execute(select(Village.id, Village.name).where(Village.id.in_(ids))).tuples().all()
    )


def _commune_names(session: Session, reg: Registry, rows: list) -> dict[str, str]:
    keys = [f.key for f in reg.fields if f.kind == "communes"]
    codes = {c for r in rows for k in keys for c in (getattr(r, k) or "").split(",") if c}
    if not codes:
        return {}
    return dict(
        session.execute(
            select(Jurisdiction.code, Jurisdiction.name).where(Jurisdiction.code.in_(codes))
        )
        .tuples()
        .all()
    )


def _entry(reg: Registry, row, villages: dict, communes: dict) -> Entry:
    obj, province, commune, code = row
    values = {f.key: getattr(obj, f.key) for f in reg.fields}
    shown = {f.key: show(f, values[f.key], commune, villages, communes) for f in reg.fields}
    title = " · ".join(shown[k] for k in reg.title if shown[k])
    return Entry(reg.entity, obj.id, obj.jurisdiction_id, province, obj.commune_id, commune,
                 code, title, values, shown, obj.public)  # fmt: skip


def show(spec: Field, value, commune: str | None = None, villages=None, communes=None) -> str:
    """A stored value as the page and the export write it (Vietnamese notation)."""
    if value is None or value == "":
        return ""
    if spec.kind == "choice":
        return spec.choices.get(value, str(value))
    if spec.kind == "bool":
        return "Có" if value else "Không"
    if spec.kind == "date":
        return value.strftime("%d/%m/%Y")
    if spec.kind in ("number", "int"):
        return format_number(value)
    if spec.kind == "commune":
        return commune or ""
    if spec.kind == "village":
        return (villages or {}).get(value, "")
    if spec.kind == "communes":
        return ", ".join((communes or {}).get(c, c) for c in str(value).split(",") if c)
    return str(value)


def get_entry(session: Session, reg: Registry, entry_id: int, user: UserView | None) -> Entry:
    """One entry; NotFound when it does not exist or `user` may not read it."""
    found = list_entries(session, reg, user, ids=[entry_id])
    if not found:
        raise NotFound("no registry entry with id {entry_id}", entry_id=entry_id)
    return found[0]


def day(value, heading: str) -> date | None:
    """A date from a form (dd/mm/yyyy or ISO) or a spreadsheet cell."""
    try:
        return parse_day(value)
    except ValueError:
        raise ValidationError(
            "{heading}: '{value}' is not a date (dd/mm/yyyy)", field="date", heading=heading,
            value=str(value).strip(),
        ) from None  # fmt: skip


def _number(spec: Field, value) -> float | int | None:
    if value in (None, ""):
        return None
    text = str(value).strip().replace(" ", "")
    if spec.kind == "number" and "," in text and "." not in text:
        text = text.replace(",", ".")  # 62,5 (Vietnamese decimal comma)
    elif "." in text and "," not in text and spec.kind == "int":
        text = text.replace(".", "")  # 1.200 (Vietnamese thousands)
    try:
        number: float | int = int(text) if spec.kind == "int" else float(text)
    except ValueError:
        raise ValidationError(
            "{heading}: '{value}' is not a number", field=spec.key, heading=spec.heading,
            value=value,
        ) from None  # fmt: skip
    if (spec.low is not None and number < spec.low) or (
        spec.high is not None and number > spec.high
    ):
        raise ValidationError(
            "{heading}: {value} must be between {low} and {high}", field=spec.key,
            heading=spec.heading, value=format_number(number),
            low=format_number(spec.low if spec.low is not None else 0),
            high=format_number(spec.high) if spec.high is not None else "∞",
        )  # fmt: skip
    return number


def clean(session: Session, reg: Registry, province_id: int, data: dict) -> dict:
    """Checked values of every field (ValidationError naming the field's heading)."""
    out: dict[str, Any] = {}
    for spec in reg.fields:
        raw = data.get(spec.key, spec.default)
        value: Any
        if spec.kind == "text":
            value = " ".join(str(raw or "").split())[:2000]
        elif spec.kind == "choice":
            text = str(raw or "").strip()
            labels = {fold(v): k for k, v in spec.choices.items()}
            value = text if text in spec.choices else labels.get(fold(text))
            if text and value is None:
                raise ValidationError(
                    "{heading}: '{value}' is not one of {choices}", field=spec.key,
                    heading=spec.heading, value=text, choices=", ".join(spec.choices.values()),
                )  # fmt: skip
        elif spec.kind == "date":
            value = day(raw, spec.heading)
        elif spec.kind in ("number", "int"):
            value = _number(spec, raw)
        elif spec.kind == "bool":
            value = raw if isinstance(raw, bool) else fold(str(raw or "")) in YES
        elif spec.kind == "commune":
            value = _commune(session, spec, province_id, raw)
        elif spec.kind == "village":
            value = _village(session, spec, province_id, raw)
        elif spec.kind == "communes":
            value = _communes(session, spec, province_id, raw)
        else:  # period
            value = _period(spec, raw)
        if spec.required and value in (None, ""):
            raise ValidationError("{heading} is required", field=spec.key, heading=spec.heading)
        out[spec.key] = value
    village = out.get("village_id")
    if village:
        row = session.get(Village, village)
        if row is not None and out.get("commune_id") in (None, row.commune_id):
            out["commune_id"] = row.commune_id
        else:
            spec = reg.field("village_id")
            raise ValidationError(
                "{heading}: the village is not in the commune", field=spec.key,
                heading=spec.heading,
            )  # fmt: skip
    out["public"] = bool(data.get("public", True))
    if reg.check is not None:
        reg.check(session, out)
    return out


def _commune(session: Session, spec: Field, province_id: int, raw) -> int | None:
    """A commune of the province: by id (an int, from a form) or by its code or name (text,
    from a table; a code that lost its leading zero in a spreadsheet still matches)."""
    if raw in (None, ""):
        return None
    unit = None
    text = str(raw).strip()
    if isinstance(raw, int):
        unit = session.get(Jurisdiction, raw)
    elif text.isdigit():
        unit = session.scalar(select(Jurisdiction).where(Jurisdiction.code == text.zfill(5)))
    else:
        unit = session.scalar(
            select(Jurisdiction).where(
                Jurisdiction.fold_key == unit_key(text), Jurisdiction.parent_id == province_id
            )
        )
    if unit is None or unit.parent_id != province_id:
        raise ValidationError("unknown commune code '{code}'", field=spec.key, code=text)
    return unit.id


def _village(session: Session, spec: Field, province_id: int, raw) -> int | None:
    if raw in (None, ""):
        return None
    if isinstance(raw, int):
        row = session.get(Village, raw)
        if row is not None and row.jurisdiction_id == province_id:
            return row.id
    raise ValidationError(
        "{heading}: no village '{value}' in the province", field=spec.key, heading=spec.heading,
        value=raw,
    )  # fmt: skip


def _communes(session: Session, spec: Field, province_id: int, raw) -> str:
    items = raw if isinstance(raw, list | tuple) else str(raw or "").replace(";", ",").split(",")
    codes = []
    for item in (i if isinstance(i, int) else str(i).strip() for i in items):
        if item != "":
            unit = session.get(Jurisdiction, _commune(session, spec, province_id, item))
            assert unit is not None
            codes.append(unit.code)
    return ",".join(dict.fromkeys(codes))


def _period(spec: Field, raw) -> str | None:
    from kehoach.services.indicator_math import period_end

    text = str(raw or "").strip().upper()
    if not text:
        return None
    period_end(text)
    return text


def _duplicate(session: Session, reg: Registry, province_id: int, values: dict,
               exclude: int | None) -> str | None:  # fmt: skip
    """The title of an entry of the province with the same unique fields, or None."""
    m = reg.model
    stmt = select(m).where(m.jurisdiction_id == province_id)
    if "commune_id" in reg.unique:
        stmt = stmt.where(m.commune_id == values.get("commune_id"))
    if exclude is not None:
        stmt = stmt.where(m.id != exclude)
    keys = [k for k in reg.unique if k != "commune_id"]
    wanted = tuple(fold(str(values.get(k) or "")) for k in keys)
    for row in session.scalars(stmt):
        if tuple(fold(str(getattr(row, k) or "")) for k in keys) == wanted:
            return " · ".join(str(values.get(k) or "") for k in keys)
    return None


def save_entry(
    session: Session,
    reg: Registry,
    user: UserView | None,
    data: dict,
    *,
    entry_id: int | None = None,
    jurisdiction_id: int | None = None,
) -> Entry:
    """Add an entry (to the province `jurisdiction_id`) or change one; each changed field
    of an existing entry is a revision."""
    m = reg.model
    if entry_id is not None:
        row = session.get(m, entry_id)
        if row is None or not may_keep(session, row.jurisdiction_id, user):
            raise NotFound("no registry entry with id {entry_id}", entry_id=entry_id)
        province_id = row.jurisdiction_id
    else:
        if jurisdiction_id is None:
            raise ValidationError("choose the province", field="jurisdiction")
        if not may_keep(session, jurisdiction_id, user):
            raise PermissionDenied("only an officer of the province keeps its registry")
        province_id, row = jurisdiction_id, None
    values = clean(session, reg, province_id, data)
    same = _duplicate(session, reg, province_id, values, entry_id)
    if same is not None:
        raise ValidationError("already in the registry: {title}", field="name", title=same)
    is_new = row is None
    if row is None:
        row = m(jurisdiction_id=province_id, **values)
        if hasattr(row, "fold_key"):
            row.fold_key = fold(row.name)
        session.add(row)
        session.flush()
    else:
        for key, value in values.items():
            old = getattr(row, key)
            if old != value:
                session.add(
                    Revision(
                        entity=reg.entity, entity_id=row.id, field=key,
                        old=None if old is None else str(old),
                        new=None if value is None else str(value),
                        user_id=user.id if user and user.id else None,
                    )
                )  # fmt: skip
                setattr(row, key, value)
    if hasattr(row, "fold_key"):
        row.fold_key = fold(row.name)
    row.updated_at = datetime.now(UTC)
    session.flush()
    title = " · ".join(str(values.get(k) or "") for k in reg.title)
    audit.record(session, user, "create" if is_new else "update", reg.entity, row.id, title)
    return get_entry(session, reg, row.id, user or SYSTEM)


def history(session: Session, reg: Registry, entry_id: int, user: UserView | None) -> list:
    """(when, who, heading, old, new) of every change, newest first."""
    get_entry(session, reg, entry_id, user)
    headings = {f.key: f.heading for f in reg.fields} | {"public": "Công khai"}
    rows = session.execute(
        select(Revision, User.username)
        .outerjoin(User, User.id == Revision.user_id)
        .where(Revision.entity == reg.entity, Revision.entity_id == entry_id)
        .order_by(Revision.id.desc())
    ).all()
    return [(r.created_at, name, headings.get(r.field, r.field), r.old, r.new) for r, name in rows]


def import_headings(reg: Registry) -> dict[str, str]:
    """Folded heading -> field key, for `indicator_upload.read_rows_with`."""
    out: dict[str, str] = {}
    for spec in reg.fields:
        out[fold(spec.heading)] = spec.key
        for alias in spec.aliases:
            out[alias] = spec.key
        if spec.kind == "commune":
            out.update({"ma xa": spec.key, "ma don vi": spec.key, "commune code": spec.key})
        out.setdefault(spec.key, spec.key)
    out["cong khai"] = "public"
    return out


def import_entries(
    session: Session, reg: Registry, user: UserView | None, jurisdiction_id: int, data: bytes,
    name: str,
) -> int:  # fmt: skip
    """Add the entries of an XLSX/CSV table (the export's headings, Vietnamese labels or
    codes); every row is checked first (an unknown commune, a duplicate in the file or in the
    registry, an empty required field), and any bad row rejects the file: RowsRejected lists
    each row and why, nothing is saved."""
    from kehoach.services.indicator_upload import read_rows_with

    if not may_keep(session, jurisdiction_id, user):
        raise PermissionDenied("only an officer of the province keeps its registry")
    required = tuple(f.key for f in reg.fields if f.required and f.kind != "village")
    rows = read_rows_with(data, name, import_headings(reg), required=required[:1] or ("name",))
    problems: list[tuple[int, str]] = []
    good: list[dict] = []
    seen: dict[tuple, int] = {}
    for number, record in rows:
        try:
            item: dict[str, Any] = dict(record)
            if "public" in record:
                item["public"] = fold(record["public"]) not in NO
            if record.get("village_id"):
                item["village_id"] = _village_by_name(session, reg, jurisdiction_id, record)
            values = clean(session, reg, jurisdiction_id, item)
            key = tuple(fold(str(values.get(k) or "")) for k in reg.unique)
            if key in seen:
                raise ValidationError("a duplicate of row {row}", field="name", row=seen[key])
            seen[key] = number
            same = _duplicate(session, reg, jurisdiction_id, values, None)
            if same is not None:
                raise ValidationError("already in the registry: {title}", field="name", title=same)
            good.append(values)
        except ValidationError as exc:
            problems.append((number, exc.message))
    if problems:
        raise RowsRejected(problems)
    for values in good:
        save_entry(session, reg, user, values, jurisdiction_id=jurisdiction_id)
    return len(good)


def _village_by_name(session: Session, reg: Registry, province_id: int, record: dict) -> int:
    """A village named in an import row: by name within the row's commune (or the province)."""
    spec = reg.field("village_id")
    text = record["village_id"].strip()
    stmt = select(Village.id).where(
        Village.jurisdiction_id == province_id, Village.fold_key == fold(text)
    )
    if record.get("commune_id"):
        stmt = stmt.where(
            Village.commune_id == _commune(session, reg.field("commune_id"), province_id,
                                           record["commune_id"])
        )  # fmt: skip
    found = session.scalars(stmt).all()
    if len(found) != 1:
        raise ValidationError(
            "{heading}: no village '{value}' in the province", field=spec.key,
            heading=spec.heading, value=text,
        )  # fmt: skip
    return found[0]


def export_rows(session: Session, reg: Registry, user: UserView | None, **filters) -> tuple:
    """(headings, rows) of the registry as the import reads it back."""
    headings: list[str] = []
    for spec in reg.fields:
        headings += ["Mã xã", "Xã"] if spec.kind == "commune" else [spec.heading]
    headings += ["Tỉnh", "Công khai"]
    rows = []
    for e in list_entries(session, reg, user, **filters):
        row: list[Any] = []
        for spec in reg.fields:
            value = e.values[spec.key]
            if spec.kind == "commune":
                row += [e.commune_code or "", e.commune or ""]
            elif spec.kind in ("date", "number", "int"):
                row.append(value)
            else:
                row.append(e.shown[spec.key])
        rows.append([*row, e.province, "Có" if e.public else "Không"])
    return headings, rows


def export_table(session: Session, reg: Registry, user: UserView | None, **filters) -> Table:
    """The registry as a table for `writers.tables` (XLSX/CSV), as the import reads it back."""
    headings, rows = export_rows(session, reg, user, **filters)
    kinds = {f.heading: f.kind for f in reg.fields}
    columns = [Column(h, _COLUMN.get(kinds.get(h, ""), "text"), 18) for h in headings]
    return Table(sheet=reg.sheet[:31], columns=columns, rows=rows, title=[reg.sheet])


_COLUMN = {"date": "date", "number": "number", "int": "int"}
