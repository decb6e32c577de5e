"""Merged and renamed administrative units, without losing the history of their figures.

A merge (communes A, B → C from a date) retires A and B and moves their registry entries
(villages, institutions, heritage) to C; their indicator values stay theirs, and count in
C's history: the table by commune shows a merged commune's past figures in its successor's
row, and `unit_series` gives C's series with A's and B's values before the merge. The
province's roll-up is untouched (it sums every commune's values whatever became of them).
A rename keeps the unit (and so its values) and records the old name.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kehoach.errors import NotFound, PermissionDenied, ValidationError
from kehoach.services import audit
from kehoach.services.heritage import may_keep
from kehoach.services.types import UserView
from kehoach.store.tables import (
    HeritageSite,
    Institution,
    IntangibleHeritage,
    Jurisdiction,
    UnitChange,
    User,
    Village,
)
from kehoach.store.units import unit_key
from kehoach.text.normalize import clean, fold


@dataclass(frozen=True)
class ChangeView:
    id: int
    kind: str  # merge | rename
    from_id: int
    from_code: str
    old_name: str
    to_id: int
    new_name: str
    effective: date
    decision: str
    by: str | None


def _commune(session: Session, unit_id: int) -> Jurisdiction:
    unit = session.get(Jurisdiction, unit_id)
    if unit is None or unit.level != "commune":
        raise NotFound("no commune with id {unit_id}", unit_id=unit_id)
    return unit


def merge_units(
    session: Session, user: UserView | None, from_ids: list[int], into_id: int,
    effective: date, decision: str = "",
) -> list[ChangeView]:  # fmt: skip
    """Record that the communes `from_ids` were merged into `into_id` from `effective`."""
    into = _commune(session, into_id)
    if into.parent_id is None or not may_keep(session, into.parent_id, user):
        raise PermissionDenied("only an officer of the province keeps its registry")
    sources = [_commune(session, i) for i in dict.fromkeys(from_ids)]
    if not sources:
        raise ValidationError("choose the communes that were merged", field="from_ids")
    for unit in sources:
        if unit.id == into.id:
            raise ValidationError("a commune cannot be merged into itself", field="from_ids")
        if unit.parent_id != into.parent_id:
            raise ValidationError(
                "{name} is not a commune of the province", field="from_ids", name=unit.name
            )
        if not unit.active:
            raise ValidationError("{name} was merged already", field="from_ids", name=unit.name)
    rows = []
    for unit in sources:
        row = UnitChange(
            kind="merge", from_id=unit.id, to_id=into.id, effective=effective,
            old_name=unit.name, new_name=into.name, decision=decision.strip(),
            created_by=user.id if user and user.id else None,
        )  # fmt: skip
        session.add(row)
        rows.append(row)
        unit.active = False
        _move_registries(session, unit.id, into.id, unit.name)
        audit.record(session, user, "merge", "jurisdiction", unit.id, f"{unit.name} → {into.name}")
    into.active = True
    session.flush()
    return [c for c in list_changes(session, into.parent_id) if c.id in {r.id for r in rows}]


def _move_registries(session: Session, old: int, new: int, old_name: str) -> None:
    """Registry entries describe today: a merged commune's move to its successor."""
    taken = set(session.scalars(select(Village.fold_key).where(Village.commune_id == new)))
    for village in session.scalars(select(Village).where(Village.commune_id == old)):
        if village.fold_key in taken:  # two `Thôn 1`: keep both, told apart by the old commune
            village.name = f"{village.name} ({old_name})"
            village.fold_key = fold(village.name)
        village.commune_id = new
    for model in (Institution, IntangibleHeritage, HeritageSite):
        session.execute(update(model).where(model.commune_id == old).values(commune_id=new))


def rename_unit(
    session: Session, user: UserView | None, unit_id: int, new_name: str, effective: date,
    decision: str = "",
) -> ChangeView:  # fmt: skip
    """Record a commune's new name (the unit, and so its figures, stay the same)."""
    unit = _commune(session, unit_id)
    if unit.parent_id is None or not may_keep(session, unit.parent_id, user):
        raise PermissionDenied("only an officer of the province keeps its registry")
    name = clean(new_name or "").strip()
    if not name:
        raise ValidationError("the name cannot be empty", field="name")
    row = UnitChange(
        kind="rename", from_id=unit.id, to_id=unit.id, effective=effective, old_name=unit.name,
        new_name=name, decision=decision.strip(), created_by=user.id if user and user.id else None,
    )  # fmt: skip
    session.add(row)
    audit.record(session, user, "rename", "jurisdiction", unit.id, f"{unit.name} → {name}")
    unit.name, unit.fold_key = name, unit_key(name)
    session.flush()
    return next(c for c in list_changes(session, unit.parent_id) if c.id == row.id)


def list_changes(session: Session, province_id: int) -> list[ChangeView]:
    """The merges and renames of a province's communes, newest first."""
    rows = session.execute(
        select(UnitChange, Jurisdiction.code, Jurisdiction.parent_id, User.username)
        .join(Jurisdiction, Jurisdiction.id == UnitChange.from_id)
        .outerjoin(User, User.id == UnitChange.created_by)
        .where(Jurisdiction.parent_id == province_id)
        .order_by(UnitChange.effective.desc(), UnitChange.id.desc())
    ).all()
    return [
        ChangeView(c.id, c.kind, c.from_id, code, c.old_name, c.to_id, c.new_name, c.effective,
                   c.decision, by)
        for c, code, _, by in rows
    ]  # fmt: skip


def successors(session: Session, province_id: int) -> dict[int, tuple[int, date]]:
    """merged unit id -> (the unit it lives on in now, the date of its first merge),
    following chains (A → C, then C → D: A lives on in D)."""
    direct = {
        c.from_id: (c.to_id, c.effective)
        for c in session.scalars(
            select(UnitChange)
            .join(Jurisdiction, Jurisdiction.id == UnitChange.from_id)
            .where(UnitChange.kind == "merge", Jurisdiction.parent_id == province_id)
        )
    }
    out = {}
    for unit, (to, when) in direct.items():
        seen = {unit}
        while to in direct and to not in seen:
            seen.add(to)
            to = direct[to][0]
        out[unit] = (to, when)
    return out


def predecessors(session: Session, province_id: int) -> dict[int, list[int]]:
    """unit id -> the units merged into it (directly or through a chain)."""
    out: dict[int, list[int]] = defaultdict(list)
    for unit, (to, _) in successors(session, province_id).items():
        out[to].append(unit)
    return dict(out)


def reapply(session: Session) -> int:
    """After the reference units are loaded again (`kehoach jurisdictions update`): merged
    units stay retired and renamed ones keep their new names. How many units it touched."""
    touched = 0
    for change in session.scalars(select(UnitChange).order_by(UnitChange.effective, UnitChange.id)):
        unit = session.get(Jurisdiction, change.from_id)
        if unit is None:
            continue
        if change.kind == "merge" and unit.active:
            unit.active, touched = False, touched + 1
        elif change.kind == "rename" and unit.name != change.new_name:
            unit.name, unit.fold_key = change.new_name, unit_key(change.new_name)
            touched += 1
    session.flush()
    return touched
