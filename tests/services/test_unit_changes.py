"""Merged and renamed communes keep their figures' history: a value entered for A before
A and B were merged into C counts in C's history, in the table by commune and in the
province's roll-up; A takes no figure after the merge; a rename keeps the unit."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from kehoach.errors import PermissionDenied, ValidationError
from kehoach.services import indicator_figures, indicator_values, indicators, registry, unit_changes
from kehoach.services.jurisdictions import find_jurisdiction, list_communes, update_jurisdictions
from kehoach.services.users import create_user
from kehoach.services.villages import REGISTRY as VILLAGES
from kehoach.store.tables import Metric, Target

CAO_BANG_PLAN = "000_c6c358976faa1d91.txt"


def _enter(session, ind, user, unit, period, num, den):
    v = indicator_values.enter_value(session, ind.id, user, unit_id=unit, period=period,
                                     numerator=num, denominator=den, submit=True)  # fmt: skip
    indicator_values.approve_values(session, [v.id], user)


def test_merged_communes_count_in_the_successor(session, imported, users):
    officer = users["officer"]
    province = find_jurisdiction(session, "Cao Bằng").id
    a, b, c = list_communes(session, province)[:3]
    plan_id = imported[CAO_BANG_PLAN].plan_id
    metric = session.scalar(
        select(Metric.id).join(Target)
        .where(Target.plan_id == plan_id, Target.key == "t1", Metric.position == 1)
    )  # fmt: skip
    ind = indicators.from_metric(session, metric, officer)
    _enter(session, ind, officer, a.id, "2024", 5, 10)
    _enter(session, ind, officer, b.id, "2024", 3, 10)
    _enter(session, ind, officer, c.id, "2024", 8, 10)
    _enter(session, ind, officer, a.id, "2025", 6, 10)
    registry.save_entry(session, VILLAGES, officer, {"name": "Nà Mạ", "commune_id": a.id},
                        jurisdiction_id=province)  # fmt: skip
    registry.save_entry(session, VILLAGES, officer, {"name": "Nà Mạ", "commune_id": c.id},
                        jurisdiction_id=province)  # fmt: skip
    before = indicator_figures.rollups(session, [ind])[ind.id]

    other = create_user(
        session, "officer_db4", "pw-officer-db-4", "officer", jurisdiction="Điện Biên"
    )
    with pytest.raises(PermissionDenied):
        unit_changes.merge_units(session, other, [a.id, b.id], c.id, date(2025, 7, 1))
    with pytest.raises(ValidationError, match="into itself"):
        unit_changes.merge_units(session, officer, [c.id], c.id, date(2025, 7, 1))
    changes = unit_changes.merge_units(session, officer, [a.id, b.id], c.id, date(2025, 7, 1),
                                       "NQ 1681/NQ-UBTVQH15")  # fmt: skip
    assert {ch.old_name for ch in changes} == {a.name, b.name}
    assert {ch.new_name for ch in changes} == {c.name}

    # C's history: its own 2024 value with A's and B's; 2025 (the merge's year) A's
    series = {f.period: (f.numerator, f.denominator)
              for f in indicator_figures.unit_series(session, ind.id, c.id, officer)}  # fmt: skip
    assert series == {"2024": (16, 30), "2025": (6, 10)}
    # the province's roll-up is the same as before the merge
    after = indicator_figures.rollups(session, [ind])[ind.id]
    assert [(f.numerator, f.denominator) for f in after] == [
        (f.numerator, f.denominator) for f in before
    ]
    # the table by commune: A and B are gone, their figures in C's row
    got = indicator_figures.indicator_figures(session, ind.id, officer, period="2024")
    rows = {r.unit_id: r for r in got.by_unit}
    assert a.id not in rows and b.id not in rows
    assert rows[c.id].value.numerator == 16 and set(rows[c.id].merged_from) == {a.name, b.name}
    # A takes no figure for a period after the merge, C does
    with pytest.raises(ValidationError, match="was merged into"):
        indicator_values.enter_value(session, ind.id, officer, unit_id=a.id, period="2026",
                                     numerator=1, denominator=2)  # fmt: skip
    # registries moved to C; the two `Nà Mạ` told apart
    names = sorted(e.title for e in registry.list_entries(session, VILLAGES, officer,
                                                             commune_id=c.id))  # fmt: skip
    assert names == ["Nà Mạ", f"Nà Mạ ({a.name})"]
    # loading the reference units again keeps the merge
    update_jurisdictions(session)
    assert a.id not in {u.id for u in list_communes(session, province)}


def test_rename_keeps_the_unit(session, users):
    officer = users["officer"]
    province = find_jurisdiction(session, "Cao Bằng").id
    unit = list_communes(session, province)[0]
    change = unit_changes.rename_unit(session, officer, unit.id, "Xã Hạnh Phúc", date(2026, 1, 1))
    assert change.old_name == unit.name and change.new_name == "Xã Hạnh Phúc"
    assert find_jurisdiction(session, unit.id).name == "Xã Hạnh Phúc"
    update_jurisdictions(session)
    assert find_jurisdiction(session, unit.id).name == "Xã Hạnh Phúc"
    assert [c.kind for c in unit_changes.list_changes(session, province)] == ["rename"]
