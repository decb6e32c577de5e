"""Agencies: one record per agency of one jurisdiction (a province, a commune, or national).

The same name in two provinces is two agencies (unique on the jurisdiction and the
folded name); central bodies (`Bộ …`, `Chính phủ`; `data/national_agencies.txt`)
are national, one record for every plan. Renames and merges leave aliases, so the
next import of a plan that uses an old spelling lands on the agency it became.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, or_, select, tuple_
from sqlalchemy.orm import Session

from kehoach.errors import N_, KehoachError, NotFound
from kehoach.services.types import UserView
from kehoach.store.tables import Agency, AgencyAlias, Jurisdiction, Task, TaskAgency
from kehoach.store.units import agency_unit
from kehoach.text.normalize import clean, fold


@dataclass(frozen=True)
class AgencyRow:
    id: int
    name: str
    lead_tasks: int = 0
    coordinating_tasks: int = 0
    directing_tasks: int = 0
    jurisdiction_id: int | None = None
    jurisdiction_name: str | None = None
    kind: str = "agency"  # agency | group (a phrase such as `các cơ quan liên quan`)


def agency_key(name: str) -> str:
    """The folded key that makes `Sở Văn hoá …` and `sở văn hóa …` one agency."""
    return fold(clean(name))


def canonical_name(name: str) -> str:
    """A typed name in canonical form: `Sở VHTTDL` -> `Sở Văn hóa, Thể thao và Du lịch`."""
    from kehoach.extract.agencies import canonical

    return canonical(name) or clean(name)


def ensure_agencies(
    session: Session,
    names: Iterable[str],
    jurisdiction_id: int | None = None,
    province: str | None = None,
) -> dict[str, int]:
    """Ids of the named agencies of a plan (folded key -> id), creating the missing ones.

    `jurisdiction_id` is the plan's (national when None), `province` its code: an
    agency belongs there, unless its name makes it national (`Bộ Tài chính`) or
    places it in one of the province's communes (`Ủy ban nhân dân xã Thanh An`).
    An alias left by a merge or rename is followed.
    """
    from kehoach.services.jurisdictions import national_id

    national = national_id(session)
    home = jurisdiction_id if jurisdiction_id is not None else national
    wanted: dict[str, tuple[str, str | None]] = {}
    for name in names:
        if name and name.strip():
            wanted.setdefault(agency_key(name), (clean(name), agency_unit(name, province)))
    if not wanted:
        return {}
    codes = {code for _, code in wanted.values() if code}
    unit_ids: dict[str, int] = dict(
        session.execute(
            select(Jurisdiction.code, Jurisdiction.id).where(Jurisdiction.code.in_(codes))
        )
        .tuples()
        .all()
    )
    place = {key: unit_ids.get(code, home) if code else home for key, (_, code) in wanted.items()}
    pairs = list(place.items())
    pairs_j = [(j, k) for k, j in pairs]
    found: dict[str, int] = {}
    for key, aid in session.execute(
        select(Agency.fold_key, Agency.id).where(
            tuple_(Agency.jurisdiction_id, Agency.fold_key).in_(pairs_j)
        )
    ):
        found[key] = aid
    for key, aid in session.execute(
        select(AgencyAlias.fold_key, AgencyAlias.agency_id).where(
            tuple_(AgencyAlias.jurisdiction_id, AgencyAlias.fold_key).in_(pairs_j)
        )
    ):
        found.setdefault(key, aid)
    new = [
        Agency(name=wanted[key][0], fold_key=key, jurisdiction_id=place[key])
        for key in wanted
        if key not in found
    ]
    if new:
        session.add_all(new)
        session.flush()  # one batch
        found.update((a.fold_key, a.id) for a in new)
    return found


def _counts():
    def n(role: str):
        return func.count(case(((TaskAgency.role == role) & Task.id.is_not(None), 1)))

    return (
        select(
            Agency.id,
            Agency.name,
            n("lead"),
            n("coordinating"),
            n("directing"),
            Agency.jurisdiction_id,
            Jurisdiction.name,
            Agency.kind,
        )
        .join(Jurisdiction, Jurisdiction.id == Agency.jurisdiction_id)
        .outerjoin(TaskAgency, TaskAgency.agency_id == Agency.id)
        .outerjoin(Task, (Task.id == TaskAgency.task_id) & Task.active)
        .group_by(Agency.id, Agency.name, Agency.jurisdiction_id, Jurisdiction.name, Agency.kind)
    )


def scope_of(user: UserView | None):
    """A condition on `Agency`: the agencies of the user's jurisdiction (and its communes)
    and the national ones; every agency for national accounts and the command line."""
    from kehoach.services.jurisdictions import within

    if user is None or user.national or user.jurisdiction_id is None:
        return Agency.id.is_not(None)
    national = select(Jurisdiction.id).where(Jurisdiction.level == "national")
    return or_(
        Agency.jurisdiction_id.in_(within(user.jurisdiction_id)),
        Agency.jurisdiction_id.in_(national),
    )


def list_agencies(
    session: Session,
    q: str | None = None,
    *,
    user: UserView | None = None,
    jurisdiction_id: int | None = None,
    plan_id: int | None = None,
    groups: bool = False,
) -> list[AgencyRow]:
    """Agencies with how many tasks each leads, coordinates and directs; `q` folds.

    Scoped to what `user` may see (None: all); `jurisdiction_id` narrows to one unit,
    `plan_id` to the agencies a plan's tasks name; phrases marked "not an agency" are
    left out unless `groups`.
    """
    stmt = _counts().where(scope_of(user)).order_by(Agency.name, Jurisdiction.name)
    if plan_id is not None:
        named = select(TaskAgency.agency_id).join(Task, Task.id == TaskAgency.task_id)
        stmt = stmt.where(Agency.id.in_(named.where(Task.plan_id == plan_id)))
    if q:
        stmt = stmt.where(Agency.fold_key.contains(fold(q), autoescape=True))
    if jurisdiction_id is not None:
        stmt = stmt.where(Agency.jurisdiction_id == jurisdiction_id)
    if not groups:
        stmt = stmt.where(Agency.kind == "agency")
    return [AgencyRow(*row) for row in session.execute(stmt).all()]


def get_agency(session: Session, agency_id: int, user: UserView | None = None) -> AgencyRow:
    """One agency with its task counts (NotFound outside the user's jurisdiction)."""
    row = session.execute(_counts().where(Agency.id == agency_id, scope_of(user))).first()
    if row is None:
        raise NotFound("no agency with id {agency_id}", agency_id=agency_id)
    return AgencyRow(*row)


def find_agencies(
    session: Session, name: str, jurisdiction_id: int | None = None
) -> list[AgencyRow]:
    """The agencies named `name` (abbreviations expanded, case and diacritics folded, aliases
    followed): one per jurisdiction, or only `jurisdiction_id`'s (or a national one)."""
    keys = {agency_key(name), agency_key(canonical_name(name))}
    aliased = select(AgencyAlias.agency_id).where(AgencyAlias.fold_key.in_(keys))
    stmt = _counts().where(or_(Agency.fold_key.in_(keys), Agency.id.in_(aliased)))
    if jurisdiction_id is not None:
        national = select(Jurisdiction.id).where(Jurisdiction.level == "national")
        stmt = stmt.where(
            or_(Agency.jurisdiction_id == jurisdiction_id, Agency.jurisdiction_id.in_(national))
        )
    rows = [AgencyRow(*row) for row in session.execute(stmt.order_by(Agency.id)).all()]
    if jurisdiction_id is not None and len(rows) > 1:  # the province's own before a national
        rows = [r for r in rows if r.jurisdiction_id == jurisdiction_id] or rows
    return rows


def find_agency(
    session: Session, name: str, jurisdiction_id: int | None = None
) -> AgencyRow | None:
    """The agency named `name` (the first one made, when several provinces have it), or None."""
    found = find_agencies(session, name, jurisdiction_id)
    return found[0] if found else None


def suggest_agencies(session: Session, name: str, limit: int = 3) -> list[str]:
    """Stored agency names closest to `name` (for "did you mean …?" messages)."""
    from rapidfuzz import fuzz, process

    rows = session.execute(select(Agency.fold_key, Agency.name).where(Agency.kind == "agency"))
    names = {key: full for key, full in rows}
    found = process.extract(
        agency_key(canonical_name(name)), list(names), scorer=fuzz.WRatio, limit=limit
    )
    return [names[key] for key, score, _ in found if score >= 88]


def unknown_agency(
    session: Session, name: str, error: type[KehoachError] = NotFound, **kw: Any
) -> KehoachError:
    """`no agency named 'X'` plus the closest names, or how agencies come to exist."""
    close = suggest_agencies(session, name)
    if close:
        return error(
            N_("no agency named '{name}'; did you mean: {names}?"),
            name=name,
            names="; ".join(close),
            **kw,
        )
    return error(
        N_("no agency named '{name}'; agencies come from imported plans (kehoach import FILE)"),
        name=name,
        **kw,
    )


def unknown_agency_message(session: Session, name: str) -> str:
    """The English message of `unknown_agency` (for the command line)."""
    return unknown_agency(session, name).message
