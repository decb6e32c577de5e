"""The heritage registry (di tích): sites with rank, type, commune, coordinates, condition
and digitization; web forms, XLSX/CSV import, history (revisions); the figures indicators
are computed from ("% of national and special-national sites digitized", ranked sites).

Officers of a province keep its registry; anyone may read public sites; staff of the
province read all of its sites.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import or_, select, true
from sqlalchemy.orm import Session, aliased

from kehoach.errors import NotFound, PermissionDenied, RowsRejected, ValidationError
from kehoach.services import audit
from kehoach.services.indicator_math import period_end
from kehoach.services.jurisdictions import in_scope, within
from kehoach.services.types import SYSTEM, UserView
from kehoach.services.visibility import sees_all
from kehoach.store.tables import HeritageSite, Jurisdiction, Revision, User
from kehoach.text.dates import parse_day

RANKS = ("kiem_ke", "cap_tinh", "quoc_gia", "quoc_gia_dac_biet")
NATIONAL_RANKS = ("quoc_gia", "quoc_gia_dac_biet")
TYPES = ("lich_su", "kien_truc_nghe_thuat", "khao_co", "danh_lam_thang_canh")
# a ladder of what has been done; what counts as "digitized" is DIGITIZED (configurable here
# because no official scale exists: QĐ 2026/QĐ-TTg counts an item once on a digital platform)
DIGITIZATION = ("none", "records", "photos", "scan3d", "published")
DIGITIZED = ("published",)
RANK_VI = {
    "kiem_ke": "Kiểm kê",
    "cap_tinh": "Cấp tỉnh",
    "quoc_gia": "Quốc gia",
    "quoc_gia_dac_biet": "Quốc gia đặc biệt",
}
TYPE_VI = {
    "lich_su": "Lịch sử",
    "kien_truc_nghe_thuat": "Kiến trúc nghệ thuật",
    "khao_co": "Khảo cổ",
    "danh_lam_thang_canh": "Danh lam thắng cảnh",
}
DIGITIZATION_VI = {
    "none": "Chưa số hóa",
    "records": "Hồ sơ số",
    "photos": "Ảnh 2D/360°",
    "scan3d": "Quét 3D",
    "published": "Đưa lên nền tảng số",
}


@dataclass(frozen=True)
class SiteView:
    id: int
    jurisdiction_id: int
    province: str
    commune_id: int | None
    commune: str | None
    commune_code: str | None
    name: str
    types: tuple[str, ...]
    rank: str
    decision_number: str | None
    decision_date: date | None
    latitude: float | None
    longitude: float | None
    condition: str
    digitization: str
    digitized_on: date | None
    public: bool

    @property
    def digitized(self) -> bool:
        """Counted as digitized by the rule in DIGITIZED."""
        return self.digitization in DIGITIZED


def _readable(user: UserView | None):
    if sees_all(user):
        return true()
    if user is not None and user.active and user.jurisdiction_id is not None:
        return or_(
            HeritageSite.public, HeritageSite.jurisdiction_id.in_(within(user.jurisdiction_id))
        )
    return HeritageSite.public


def list_sites(
    session: Session,
    user: UserView | None,
    *,
    jurisdiction_id: int | None = None,
    rank: str | None = None,
    type_: str | None = None,
    digitization: str | None = None,
    q: str | None = None,
) -> list[SiteView]:
    """The sites `user` may read, filtered; by name."""
    province, commune = aliased(Jurisdiction), aliased(Jurisdiction)
    stmt = (
        select(HeritageSite, province.name, commune.name, commune.code)
        .join(province, province.id == HeritageSite.jurisdiction_id)
        .outerjoin(commune, commune.id == HeritageSite.commune_id)
        .where(_readable(user))
    )
    if jurisdiction_id is not None:
        stmt = stmt.where(HeritageSite.jurisdiction_id == jurisdiction_id)
    if rank:
        stmt = stmt.where(HeritageSite.rank == rank)
    if type_:
        stmt = stmt.where(HeritageSite.types.contains(type_))
    if digitization:
        stmt = stmt.where(HeritageSite.digitization == digitization)
    rows = session.execute(stmt.order_by(HeritageSite.name, HeritageSite.id)).all()
    out = [_view(*r) for r in rows]
    if q:
        from kehoach.text.normalize import fold

        needle = fold(q)
        out = [s for s in out if needle in fold(f"{s.name} {s.commune or ''}")]
    return out


def _view(s: HeritageSite, province: str, commune: str | None, code: str | None) -> SiteView:
    return SiteView(
        s.id,
        s.jurisdiction_id,
        province,
        s.commune_id,
        commune,
        code,
        s.name,
        tuple(t for t in s.types.split(",") if t),
        s.rank,
        s.decision_number,
        s.decision_date,
        s.latitude,
        s.longitude,
        s.condition,
        s.digitization,
        s.digitized_on,
        s.public,
    )


def get_site(session: Session, site_id: int, user: UserView | None) -> SiteView:
    """One site; NotFound when it does not exist or `user` may not read it."""
    found = [s for s in list_sites(session, user) if s.id == site_id]
    if not found:
        raise NotFound("no heritage site with id {site_id}", site_id=site_id)
    return found[0]


def may_keep(session: Session, jurisdiction_id: int, user: UserView | None) -> bool:
    """Officers (and admins) of the province, or national ones; None is the command line."""
    if user is None or user.id == 0:
        return True
    if not user.active or user.role not in ("admin", "officer") or user.jurisdiction_id is None:
        return False
    return in_scope(session, user.jurisdiction_id, jurisdiction_id)


def _clean(session: Session, province_id: int, data: dict) -> dict:
    """Checked field values (ValidationError naming the field)."""
    out: dict = {}
    name = str(data.get("name") or "").strip()
    if not name:
        raise ValidationError("the site needs a name", field="name")
    out["name"] = name
    rank = str(data.get("rank") or "kiem_ke").strip()
    if rank not in RANKS:
        raise ValidationError(
            "rank must be one of {choices}", field="rank", choices=", ".join(RANKS)
        )
    out["rank"] = rank
    raw_types = data.get("types") or ()
    types = [t.strip() for t in (raw_types.split(",") if isinstance(raw_types, str) else raw_types)]
    types = [t for t in types if t]
    bad = [t for t in types if t not in TYPES]
    if bad:
        raise ValidationError(
            "unknown type '{kind}'; one of {choices}",
            field="types",
            kind=bad[0],
            choices=", ".join(TYPES),
        )
    out["types"] = ",".join(types)
    state = str(data.get("digitization") or "none").strip()
    if state not in DIGITIZATION:
        raise ValidationError(
            "digitization must be one of {choices}",
            field="digitization",
            choices=", ".join(DIGITIZATION),
        )
    out["digitization"] = state
    for key in ("decision_date", "digitized_on"):
        out[key] = _day(data.get(key), key)
    out["decision_number"] = str(data.get("decision_number") or "").strip() or None
    if rank != "kiem_ke" and not out["decision_number"]:
        raise ValidationError("a ranked site needs its decision number", field="decision_number")
    for key, low, high in (("latitude", 8.0, 23.5), ("longitude", 102.0, 110.0)):
        value = data.get(key)
        if value in (None, ""):
            out[key] = None
            continue
        try:
            number = float(str(value).replace(",", "."))
        except ValueError:
            raise ValidationError(
                "{name} '{value}' is not a number", field=key, name=key, value=value
            ) from None
        if not low <= number <= high:
            raise ValidationError(
                "{name} {number} is outside Việt Nam", field=key, name=key, number=number
            )
        out[key] = number
    out["condition"] = str(data.get("condition") or "").strip()
    commune = data.get("commune_id")
    if commune in (None, ""):
        out["commune_id"] = None
    else:
        unit = session.get(Jurisdiction, int(str(commune)))
        if unit is None or unit.parent_id != province_id:
            raise ValidationError("choose a commune of the province", field="commune_id")
        out["commune_id"] = unit.id
    out["public"] = bool(data.get("public", True))
    return out


def _day(value, field: str) -> date | None:
    try:
        return parse_day(value)
    except ValueError:
        text = str(value).strip()
        raise ValidationError(
            "{name} '{text}' is not a date (dd/mm/yyyy)", field=field, name=field, text=text
        ) from None


def save_site(
    session: Session,
    user: UserView | None,
    data: dict,
    *,
    site_id: int | None = None,
    jurisdiction_id: int | None = None,
) -> SiteView:
    """Add a site (to `jurisdiction_id`) or change one; each changed field is a revision."""
    if site_id is not None:
        row = session.get(HeritageSite, site_id)
        if row is None or not may_keep(session, row.jurisdiction_id, user):
            raise NotFound("no heritage site with id {site_id}", site_id=site_id)
    else:
        if jurisdiction_id is None:
            raise ValidationError("choose the province", field="jurisdiction")
        if not may_keep(session, jurisdiction_id, user):
            raise PermissionDenied("only an officer of the province keeps its registry")
        row = HeritageSite(jurisdiction_id=jurisdiction_id, name="")
        session.add(row)
    clean = _clean(session, row.jurisdiction_id, data)
    is_new = site_id is None
    session.flush()
    for key, value in clean.items():
        old = getattr(row, key)
        if old != value:
            if not is_new:
                session.add(
                    Revision(
                        entity="heritage_site",
                        entity_id=row.id,
                        field=key,
                        old=None if old is None else str(old),
                        new=None if value is None else str(value),
                        user_id=user.id if user and user.id else None,
                    )
                )
            setattr(row, key, value)
    row.updated_at = datetime.now(UTC)
    session.flush()
    audit.record(session, user, "create" if is_new else "update", "heritage_site", row.id, row.name)
    return get_site(session, row.id, user or SYSTEM)


def site_history(session: Session, site_id: int, user: UserView | None) -> list[tuple]:
    """(when, who, field, old, new) of every change, newest first."""
    get_site(session, site_id, user)
    rows = session.execute(
        select(Revision, User.username)
        .outerjoin(User, User.id == Revision.user_id)
        .where(Revision.entity == "heritage_site", Revision.entity_id == site_id)
        .order_by(Revision.id.desc())
    ).all()
    return [(r.created_at, name, r.field, r.old, r.new) for r, name in rows]


IMPORT_HEADINGS = {
    "ten": "name",
    "ten di tich": "name",
    "name": "name",
    "loai hinh": "types",
    "types": "types",
    "xep hang": "rank",
    "cap xep hang": "rank",
    "rank": "rank",
    "so quyet dinh": "decision_number",
    "decision number": "decision_number",
    "ngay quyet dinh": "decision_date",
    "decision date": "decision_date",
    "ma xa": "commune",
    "ma don vi": "commune",
    "commune code": "commune",
    "vi do": "latitude",
    "latitude": "latitude",
    "kinh do": "longitude",
    "longitude": "longitude",
    "tinh trang": "condition",
    "condition": "condition",
    "so hoa": "digitization",
    "digitization": "digitization",
    "ngay so hoa": "digitized_on",
    "digitized on": "digitized_on",
}
_RANK_WORDS = {
    "kiem ke": "kiem_ke",
    "cap tinh": "cap_tinh",
    "quoc gia": "quoc_gia",
    "quoc gia dac biet": "quoc_gia_dac_biet",
}
_TYPE_WORDS = {
    "lich su": "lich_su",
    "kien truc nghe thuat": "kien_truc_nghe_thuat",
    "khao co": "khao_co",
    "danh lam thang canh": "danh_lam_thang_canh",
}
_STATE_WORDS = {
    "chua so hoa": "none",
    "ho so so": "records",
    "anh 2d/360°": "photos",
    "quet 3d": "scan3d",
    "dua len nen tang so": "published",
}


def import_sites(
    session: Session, user: UserView | None, jurisdiction_id: int, data: bytes, name: str
) -> int:
    """Add the sites of an XLSX/CSV table (headings as the export's, Vietnamese or English
    codes); every row is checked first, a bad one rejects the file (RowsRejected)."""
    from kehoach.services.indicator_upload import read_rows_with
    from kehoach.text.normalize import fold as unit_key

    if not may_keep(session, jurisdiction_id, user):
        raise PermissionDenied("only an officer of the province keeps its registry")
    rows = read_rows_with(data, name, IMPORT_HEADINGS, required=("name",))
    communes = {
        j.code: j.id
        for j in session.scalars(
            select(Jurisdiction).where(Jurisdiction.parent_id == jurisdiction_id)
        )
    }
    problems: list[tuple[int, str]] = []
    good: list[dict] = []
    for number, record in rows:
        try:
            item: dict[str, object] = dict(record)
            for key, words in (("rank", _RANK_WORDS), ("digitization", _STATE_WORDS)):
                if record.get(key):
                    item[key] = words.get(unit_key(record[key]), record[key])
            if record.get("types"):
                item["types"] = [
                    _TYPE_WORDS.get(unit_key(t), t.strip()) for t in record["types"].split(",")
                ]
            item.pop("commune", None)
            code = (record.get("commune") or "").strip()
            if code:
                if code.zfill(5) not in communes:
                    raise ValidationError(
                        "unknown commune code '{code}'", field="commune", code=code
                    )
                item["commune_id"] = communes[code.zfill(5)]
            _clean(session, jurisdiction_id, item)
            good.append(item)
        except ValidationError as exc:
            problems.append((number, exc.message))
    if problems:
        raise RowsRejected(problems)
    for item in good:
        save_site(session, user, item, jurisdiction_id=jurisdiction_id)
    return len(good)


def registry_series(
    session: Session, rule: str, jurisdiction_id: int, periods: list[str]
) -> dict[str, dict[int | None, tuple[float, float]]]:
    """period -> commune id -> (numerator, denominator) of a registry rule, as of each
    period's end: `heritage_digitized` counts national and special-national sites ranked by
    then (denominator) and digitized by then (numerator); `heritage_ranked` counts ranked
    sites (numerator; the denominator is the number of sites)."""
    sites = session.execute(
        select(
            HeritageSite.commune_id,
            HeritageSite.rank,
            HeritageSite.decision_date,
            HeritageSite.digitization,
            HeritageSite.digitized_on,
        ).where(HeritageSite.jurisdiction_id == jurisdiction_id)
    ).all()
    out: dict[str, dict[int | None, tuple[float, float]]] = {}
    for period in periods:
        end = period_end(period)
        cells: dict[int | None, list[float]] = {}
        for commune, rank, decided, state, digitized_on in sites:
            ranked = rank != "kiem_ke" and (decided is None or decided <= end)
            cell = cells.setdefault(commune, [0.0, 0.0])
            if rule == "heritage_digitized":
                if ranked and rank in NATIONAL_RANKS:
                    cell[1] += 1
                    if state in DIGITIZED and (digitized_on is None or digitized_on <= end):
                        cell[0] += 1
            else:
                cell[1] += 1
                cell[0] += 1 if ranked else 0
        out[period] = {k: (v[0], v[1]) for k, v in cells.items()}
    return out
