"""Administrative units as reference data: the nation, the 34 provinces, their communes.

The units come from the `vietnam-provinces` package (the 2025 reorganisation:
34 provinces, about 3,300 communes, wards and special zones, with their codes).
`sync_units` writes them into the `jurisdictions` table: migration 0003 calls it
and `kehoach jurisdictions update` calls it again when the package moves. It
works on a plain connection and names only the columns it touches, so the
migration keeps working when later revisions add columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from kehoach.text.central import is_central
from kehoach.text.normalize import clean, fold

NATIONAL_CODE = "VN"
NATIONAL_NAME = "Toàn quốc"
LEVELS = ("national", "province", "commune")

# The words a unit's name starts with (`Tỉnh Cao Bằng`, `Phường Thục Phán`); a name is
# matched without them, so `tinh cao bang`, `Cao Bằng` and `Cao Bang` are one province.
_PREFIX = re.compile(r"^(?:thanh pho trung uong|thanh pho|tp\.?|tinh|xa|phuong|dac khu)\s+")

_jurisdictions = sa.table(
    "jurisdictions",
    sa.column("id", sa.Integer),
    sa.column("code", sa.String),
    sa.column("name", sa.Text),
    sa.column("level", sa.String),
    sa.column("parent_id", sa.Integer),
    sa.column("fold_key", sa.Text),
    sa.column("active", sa.Boolean),
)


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    level: str  # national | province | commune
    parent_code: str | None


def unit_key(name: str) -> str:
    """A unit's name folded and without its kind: `Tỉnh Điện Biên` -> `dien bien`."""
    key = fold(clean(name)).replace("tp.", "tp. ").replace("  ", " ")
    return _PREFIX.sub("", key).strip(" .,")


def package_version() -> str:
    """The installed `vietnam-provinces` release (its data date when it has one)."""
    import vietnam_provinces as vp

    data = getattr(vp, "__data_version__", "")
    return f"{vp.__version__}" + (f" (data {data})" if data else "")


@cache
def reference_units() -> tuple[Unit, ...]:
    """The nation, then every province, then every commune, from `vietnam-provinces`."""
    from vietnam_provinces import Province, Ward

    units = [Unit(NATIONAL_CODE, NATIONAL_NAME, "national", None)]
    for p in sorted(Province.iter_all(), key=lambda p: int(p.code)):
        # `Cao Bằng` as people write it (releases for Python >= 3.12 say `Tỉnh Cao Bằng`)
        name = re.sub(r"^Tỉnh\s+", "", clean(p.name))
        units.append(Unit(f"{int(p.code):02d}", name, "province", NATIONAL_CODE))
    for w in sorted(Ward.iter_all(), key=lambda w: int(w.code)):
        units.append(
            Unit(f"{int(w.code):05d}", clean(w.name), "commune", f"{int(w.province_code):02d}")
        )
    return tuple(units)


@cache
def _province_keys() -> dict[str, str]:
    """Folded province name -> code: the current 34, then the legacy names."""
    keys = {unit_key(u.name): u.code for u in reference_units() if u.level == "province"}
    text = resources.files("kehoach.data").joinpath("provinces_legacy.tsv")
    for line in text.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, code = line.split("\t")
            keys.setdefault(unit_key(name), code.strip())
            keys.setdefault(fold(clean(name)), code.strip())
    return keys


def province_code(name: str | None) -> str | None:
    """The code of the province a document names: current, legacy or abbreviated; else None.

    `Cao Bằng`, `tỉnh Cao Bằng`, `CAO BANG` -> `04`; `Bắc Kạn` (merged in 2025) -> `19`.
    """
    if not name or not name.strip():
        return None
    keys = _province_keys()
    return keys.get(unit_key(name)) or keys.get(fold(clean(name)))


@cache
def _communes_of(code: str) -> tuple[tuple[str, str], ...]:
    """(folded full name, code) of a province's communes, longest names first."""
    rows = [(fold(u.name), u.code) for u in reference_units() if u.parent_code == code]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def commune_code(agency_name: str, province: str | None) -> str | None:
    """The commune an agency's name places it in (`Đảng ủy phường Thục Phán`), or None.

    Only communes of the plan's province are looked at, and only a name that ends
    with the commune's full name (`... xã Thanh An`), so `các xã, phường` matches none.
    """
    if not province:
        return None
    key = fold(clean(agency_name))
    for name, code in _communes_of(province):
        if key == name or key.endswith(" " + name):
            return code
    return None


def sync_units(conn: Connection) -> dict[str, int]:
    """Write the package's units into `jurisdictions`: add new ones, rename, retire dropped.

    Returns counts: added, renamed, retired. A unit is never deleted (plans and
    accounts may point at it); one that comes back is made active again.
    """
    t = _jurisdictions
    have = {
        row.code: row for row in conn.execute(sa.select(t.c.id, t.c.code, t.c.name, t.c.active))
    }
    units = reference_units()
    added = renamed = 0
    for level in LEVELS:  # parents before children, so their ids are known
        ids: dict[str, int] = dict(conn.execute(sa.select(t.c.code, t.c.id)).tuples().all())
        new = []
        for u in units:
            if u.level != level:
                continue
            values = {
                "name": u.name,
                "level": u.level,
                "parent_id": ids.get(u.parent_code) if u.parent_code else None,
                "fold_key": unit_key(u.name),
                "active": True,
            }
            old = have.get(u.code)
            if old is None:
                new.append({"code": u.code, **values})
            elif old.name != u.name or not old.active:
                renamed += old.name != u.name
                conn.execute(t.update().where(t.c.id == old.id).values(**values))
        if new:
            conn.execute(t.insert(), new)
            added += len(new)
    current = {u.code for u in units}
    gone = [code for code, row in have.items() if code not in current and row.active]
    if gone:
        conn.execute(t.update().where(t.c.code.in_(gone)).values(active=False))
    return {"added": added, "renamed": renamed, "retired": len(gone)}


def agency_unit(agency_name: str, province: str | None) -> str | None:
    """Where an agency named in a plan of `province` (a code) belongs, as a unit code.

    `VN` for a central body, a commune's code for `Ủy ban nhân dân xã Thanh An`,
    None for the plan's own jurisdiction (the usual case: `Sở Tài chính`).
    """
    if is_central(agency_name):
        return NATIONAL_CODE
    return commune_code(agency_name, province)
