"""Jurisdictions: the nation, the provinces and communes that plans, agencies and accounts
belong to (reference data from `vietnam-provinces`, see `kehoach.store.units`).

An account's jurisdiction decides what it sees: the national one sees every plan,
a province its own plans and those of its communes, a commune its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from kehoach.errors import NotFound, ValidationError
from kehoach.store.tables import Jurisdiction
from kehoach.store.units import NATIONAL_CODE, package_version, province_code, sync_units, unit_key

# What a person types for the whole country.
NATIONAL_WORDS = {"vn", "national", "toan quoc", "trung uong", "viet nam", "quoc gia"}


@dataclass(frozen=True)
class JurisdictionView:
    id: int
    code: str
    name: str
    level: str  # national | province | commune
    parent_id: int | None = None
    parent_name: str | None = None
    active: bool = True

    @property
    def national(self) -> bool:
        """The whole country (accounts here see every plan)."""
        return self.level == "national"

    @property
    def label(self) -> str:
        """`Phường Thục Phán (Cao Bằng)` for a commune, the name otherwise."""
        return f"{self.name} ({self.parent_name})" if self.level == "commune" else self.name


def _views(session: Session, where) -> list[JurisdictionView]:
    parent = aliased(Jurisdiction)
    rows = session.execute(
        select(Jurisdiction, parent.name)
        .outerjoin(parent, parent.id == Jurisdiction.parent_id)
        .where(where)
        .order_by(Jurisdiction.id)
    ).all()
    return [
        JurisdictionView(j.id, j.code, j.name, j.level, j.parent_id, p, j.active) for j, p in rows
    ]


def national_id(session: Session) -> int:
    """The id of the national jurisdiction."""
    found = session.scalar(select(Jurisdiction.id).where(Jurisdiction.code == NATIONAL_CODE))
    if found is None:  # a database whose reference data was wiped: load it again
        update_jurisdictions(session)
        found = session.scalar(select(Jurisdiction.id).where(Jurisdiction.code == NATIONAL_CODE))
    assert found is not None
    return found


def get_jurisdiction(session: Session, jurisdiction_id: int) -> JurisdictionView:
    """One jurisdiction."""
    found = _views(session, Jurisdiction.id == jurisdiction_id)
    if not found:
        raise NotFound("no jurisdiction with id {jurisdiction_id}", jurisdiction_id=jurisdiction_id)
    return found[0]


def list_provinces(session: Session) -> list[JurisdictionView]:
    """The nation, then the provinces by name (the choices of an account's jurisdiction)."""
    rows = _views(session, Jurisdiction.level.in_(("national", "province")) & Jurisdiction.active)
    return sorted(rows, key=lambda j: (not j.national, unit_key(j.name)))


def find_jurisdiction(session: Session, ref: str | int | None) -> JurisdictionView:
    """A jurisdiction by id, code (`04`, `01273`), or name: `Cao Bằng`, `tỉnh Cao Bằng`,
    a pre-2025 name (`Bắc Kạn` -> Thái Nguyên), `toàn quốc`; a commune as `Phường Thục
    Phán, Cao Bằng`. `ValidationError(field="jurisdiction")` when none matches."""
    if ref is None or (isinstance(ref, str) and not ref.strip()):
        return get_jurisdiction(session, national_id(session))
    if isinstance(ref, int):
        return get_jurisdiction(session, ref)
    text = ref.strip()
    if unit_key(text) in NATIONAL_WORDS:
        return get_jurisdiction(session, national_id(session))
    if text.isdigit():
        found = _views(session, Jurisdiction.code == text.zfill(2 if len(text) <= 2 else 5))
        if found:
            return found[0]
    code = province_code(text)
    if code is not None:
        return _views(session, Jurisdiction.code == code)[0]
    commune, _, province = text.rpartition(",")
    parent = province_code(province) if commune else None
    if parent is not None:
        pid = select(Jurisdiction.id).where(Jurisdiction.code == parent).scalar_subquery()
        found = _views(
            session, (Jurisdiction.parent_id == pid) & (Jurisdiction.fold_key == unit_key(commune))
        )
        if found:
            return found[0]
    raise ValidationError(
        "no province or commune named '{name}'; write a province's name (Cao Bằng), "
        "'toàn quốc' for the whole country, or a commune as 'Xã Thanh An, Điện Biên'",
        field="jurisdiction",
        name=text,
    )


def plan_jurisdiction_id(session: Session, province: str | None) -> int:
    """The jurisdiction of a plan whose document names `province`: that province, else national."""
    code = province_code(province)
    if code is not None:
        found = session.scalar(select(Jurisdiction.id).where(Jurisdiction.code == code))
        if found is not None:
            return found
    return national_id(session)


def within(jurisdiction_id: int):
    """A condition on a `jurisdiction_id` column: this unit or one of its communes."""
    children = select(Jurisdiction.id).where(
        or_(Jurisdiction.id == jurisdiction_id, Jurisdiction.parent_id == jurisdiction_id)
    )
    return children


def in_scope(session: Session, scope_id: int, jurisdiction_id: int) -> bool:
    """Is `jurisdiction_id` the unit `scope_id` or one of its communes (or is scope national)?"""
    if scope_id == jurisdiction_id:
        return True
    scope = session.get(Jurisdiction, scope_id)
    if scope is None:
        return False
    if scope.level == "national":
        return True
    unit = session.get(Jurisdiction, jurisdiction_id)
    return unit is not None and unit.parent_id == scope_id


def update_jurisdictions(session: Session) -> dict[str, int | str]:
    """Load the administrative units of the installed `vietnam-provinces` (added, renamed,
    retired; a retired unit is kept inactive). `kehoach jurisdictions update`."""
    from kehoach.services.unit_changes import reapply

    counts: dict[str, int | str] = dict(sync_units(session.connection()))
    session.expire_all()  # the units were written on the connection, under the session
    counts["kept"] = reapply(session)
    counts["package"] = package_version()
    counts["total"] = len(session.scalars(select(Jurisdiction.id)).all())
    return counts


def list_communes(session: Session, province_id: int) -> list[JurisdictionView]:
    """A province's communes, wards and special zones by name."""
    get_jurisdiction(session, province_id)
    rows = _views(session, (Jurisdiction.parent_id == province_id) & Jurisdiction.active)
    return sorted(rows, key=lambda j: unit_key(j.name))
