"""Agencies: one record per canonical name across all plans."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from kehoach.errors import N_, KehoachError, NotFound
from kehoach.store.tables import Agency, Task, TaskAgency
from kehoach.text.normalize import clean, fold


@dataclass(frozen=True)
class AgencyRow:
    id: int
    name: str
    lead_tasks: int = 0
    coordinating_tasks: int = 0
    directing_tasks: int = 0


def agency_key(name: str) -> str:
    """The folded key that makes `Sở Văn hoá …` and `sở văn hóa …` one agency."""
    return fold(clean(name))


def canonical_name(name: str) -> str:
    """A typed name in canonical form: `Sở VHTTDL` -> `Sở Văn hóa, Thể thao và Du lịch`."""
    from kehoach.extract.agencies import canonical

    return canonical(name) or clean(name)


def ensure_agencies(session: Session, names: Iterable[str]) -> dict[str, int]:
    """Ids of the named agencies (folded key -> id), creating the missing ones."""
    wanted: dict[str, str] = {}
    for name in names:
        if name and name.strip():
            wanted.setdefault(agency_key(name), clean(name))
    if not wanted:
        return {}
    found: dict[str, int] = dict(
        session.execute(  # type: ignore[arg-type]
            select(Agency.fold_key, Agency.id).where(Agency.fold_key.in_(list(wanted)))
        ).all()
    )
    new = [Agency(name=name, fold_key=key) for key, name in wanted.items() if key not in found]
    if new:
        session.add_all(new)
        session.flush()  # one batch
        found.update((a.fold_key, a.id) for a in new)
    return found


def _counts():
    def n(role: str):
        return func.count(case(((TaskAgency.role == role) & Task.id.is_not(None), 1)))

    return (
        select(Agency.id, Agency.name, n("lead"), n("coordinating"), n("directing"))
        .outerjoin(TaskAgency, TaskAgency.agency_id == Agency.id)
        .outerjoin(Task, (Task.id == TaskAgency.task_id) & Task.active)
        .group_by(Agency.id, Agency.name)
    )


def list_agencies(session: Session, q: str | None = None) -> list[AgencyRow]:
    """All agencies with how many tasks each leads, coordinates and directs; `q` folds."""
    stmt = _counts().order_by(Agency.name)
    if q:
        stmt = stmt.where(Agency.fold_key.contains(fold(q)))
    return [AgencyRow(*row) for row in session.execute(stmt).all()]


def get_agency(session: Session, agency_id: int) -> AgencyRow:
    """One agency with its task counts."""
    row = session.execute(_counts().where(Agency.id == agency_id)).first()
    if row is None:
        raise NotFound("no agency with id {agency_id}", agency_id=agency_id)
    return AgencyRow(*row)


def find_agency(session: Session, name: str) -> AgencyRow | None:
    """The agency named `name` (abbreviations expanded, case and diacritics folded), or None."""
    keys = {agency_key(name), agency_key(canonical_name(name))}
    row = session.execute(_counts().where(Agency.fold_key.in_(keys))).first()
    return AgencyRow(*row) if row else None


def suggest_agencies(session: Session, name: str, limit: int = 3) -> list[str]:
    """Stored agency names closest to `name` (for "did you mean …?" messages)."""
    from rapidfuzz import fuzz, process

    rows = session.execute(select(Agency.fold_key, Agency.name)).all()
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
