"""Jurisdictions: plans, agencies and accounts belong to the nation, a province or a commune.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 15:33:56.133486

Loads the administrative units (`kehoach.store.units`) and upgrades the data:

- a plan belongs to the province its document names (legacy names map to the
  province they were merged into), else to the nation;
- an agency belongs to the jurisdiction of the plans that name it. One that plans
  of several provinces shared (agencies were unique on their name alone) is split:
  the row stays with the first province that used it, and a copy is made for each
  other one; task links, reporting duties and progress reports of that province's
  plans move to the copy. Central bodies (`Bộ …`, `Chính phủ`) become national and
  are not split; an agency no plan names goes to the province most plans belong to;
- a reporter follows its agency to the province it reported on most (the first
  province when it never reported); other accounts are national, as they saw
  every plan before.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import sqlalchemy as sa
from alembic import op

from kehoach.store.units import NATIONAL_CODE, agency_unit, province_code, sync_units

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

STAMP = sa.DateTime(timezone=True)


def _tables() -> None:
    op.create_table(
        "jurisdictions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("level", sa.String(length=10), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("fold_key", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["jurisdictions.id"],
            name=op.f("fk_jurisdictions_parent_id_jurisdictions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_jurisdictions")),
        sa.UniqueConstraint("code", name=op.f("uq_jurisdictions_code")),
    )
    with op.batch_alter_table("jurisdictions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_jurisdictions_fold_key"), ["fold_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_jurisdictions_parent_id"), ["parent_id"], unique=False)
    with op.batch_alter_table("agencies", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_agencies_fold_key"), type_="unique")
        batch_op.add_column(sa.Column("jurisdiction_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("kind", sa.String(length=10), nullable=False, server_default="agency")
        )
    for table in ("plans", "users"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("jurisdiction_id", sa.Integer(), nullable=True))


def _constraints() -> None:
    with op.batch_alter_table("agencies", schema=None) as batch_op:
        batch_op.alter_column("jurisdiction_id", existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column("kind", existing_type=sa.String(length=10), server_default=None)
        batch_op.create_index(
            batch_op.f("ix_agencies_jurisdiction_id"), ["jurisdiction_id"], unique=False
        )
        batch_op.create_unique_constraint(
            batch_op.f("uq_agencies_jurisdiction_id_fold_key"), ["jurisdiction_id", "fold_key"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_agencies_jurisdiction_id_jurisdictions"),
            "jurisdictions",
            ["jurisdiction_id"],
            ["id"],
        )
    for table in ("plans", "users"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column("jurisdiction_id", existing_type=sa.Integer(), nullable=False)
            batch_op.create_index(
                batch_op.f(f"ix_{table}_jurisdiction_id"), ["jurisdiction_id"], unique=False
            )
            batch_op.create_foreign_key(
                batch_op.f(f"fk_{table}_jurisdiction_id_jurisdictions"),
                "jurisdictions",
                ["jurisdiction_id"],
                ["id"],
            )
    op.create_table(
        "agency_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("jurisdiction_id", sa.Integer(), nullable=False),
        sa.Column("fold_key", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_agency_aliases_agency_id_agencies")
        ),
        sa.ForeignKeyConstraint(
            ["jurisdiction_id"],
            ["jurisdictions.id"],
            name=op.f("fk_agency_aliases_jurisdiction_id_jurisdictions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agency_aliases")),
        sa.UniqueConstraint(
            "jurisdiction_id",
            "fold_key",
            name=op.f("uq_agency_aliases_jurisdiction_id_fold_key"),
        ),
    )
    with op.batch_alter_table("agency_aliases", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agency_aliases_agency_id"), ["agency_id"], unique=False
        )


# the columns this revision reads and writes, as they are at this revision
J = sa.table("jurisdictions", sa.column("id"), sa.column("code"), sa.column("parent_id"))
A = sa.table(
    "agencies",
    sa.column("id"),
    sa.column("name"),
    sa.column("fold_key"),
    sa.column("jurisdiction_id"),
    sa.column("kind"),
    sa.column("created_at"),
)
P = sa.table("plans", sa.column("id"), sa.column("document_id"), sa.column("jurisdiction_id"))
D = sa.table("documents", sa.column("id"), sa.column("province"))
T = sa.table("tasks", sa.column("id"), sa.column("plan_id"))
TA = sa.table("task_agencies", sa.column("task_id"), sa.column("agency_id"))
RD = sa.table(
    "reporting_duties", sa.column("plan_id"), sa.column("to_agency_id"), sa.column("via_agency_id")
)
PR = sa.table(
    "progress_reports",
    sa.column("task_id"),
    sa.column("agency_id"),
    sa.column("submitted_by"),
)
U = sa.table(
    "users",
    sa.column("id"),
    sa.column("role"),
    sa.column("agency_id"),
    sa.column("jurisdiction_id"),
)


def _plans(conn, ids: dict[str, int]) -> dict[int, int]:
    """Each plan's jurisdiction from its document's province: plan id -> jurisdiction id."""
    out = {}
    for plan_id, province in conn.execute(
        sa.select(P.c.id, D.c.province).join(D, D.c.id == P.c.document_id)
    ):
        code = province_code(province)
        out[plan_id] = ids.get(code or NATIONAL_CODE, ids[NATIONAL_CODE])
        conn.execute(P.update().where(P.c.id == plan_id).values(jurisdiction_id=out[plan_id]))
    return out


def _uses(conn) -> dict[int, set[int]]:
    """agency id -> the plans that name it (in a task or a reporting duty)."""
    uses: dict[int, set[int]] = defaultdict(set)
    for agency, plan in conn.execute(
        sa.select(TA.c.agency_id, T.c.plan_id).join(T, T.c.id == TA.c.task_id).distinct()
    ):
        uses[agency].add(plan)
    for plan, to, via in conn.execute(
        sa.select(RD.c.plan_id, RD.c.to_agency_id, RD.c.via_agency_id)
    ):
        for agency in (to, via):
            if agency is not None:
                uses[agency].add(plan)
    return uses


def _move(conn, old: int, new: int, plans: list[int]) -> None:
    """Point a province's task links, duties and reports at its own copy of the agency."""
    tasks = sa.select(T.c.id).where(T.c.plan_id.in_(plans))
    conn.execute(
        TA.update().where(TA.c.agency_id == old, TA.c.task_id.in_(tasks)).values(agency_id=new)
    )
    conn.execute(
        PR.update().where(PR.c.agency_id == old, PR.c.task_id.in_(tasks)).values(agency_id=new)
    )
    for column in ("to_agency_id", "via_agency_id"):
        conn.execute(
            RD.update().where(RD.c[column] == old, RD.c.plan_id.in_(plans)).values({column: new})
        )


def _agencies(conn, ids: dict[str, int], plan_j: dict[int, int]) -> dict[int, dict[int, int]]:
    """Give every agency its jurisdiction, splitting shared ones; agency -> {plan: new id}."""
    code_of = {v: k for k, v in ids.items()}
    national = ids[NATIONAL_CODE]
    main = Counter(plan_j.values()).most_common(1)
    fallback = main[0][0] if main else national
    uses = _uses(conn)
    copies: dict[int, dict[int, int]] = {}
    for agency_id, name, key, created in conn.execute(
        sa.select(A.c.id, A.c.name, A.c.fold_key, A.c.created_at).order_by(A.c.id)
    ).all():
        by_target: dict[int, list[int]] = defaultdict(list)
        for plan in sorted(uses.get(agency_id, ())):
            province = plan_j[plan]
            unit = agency_unit(name, code_of.get(province))
            by_target[ids[unit] if unit else province].append(plan)
        targets = list(by_target) or [fallback]
        conn.execute(A.update().where(A.c.id == agency_id).values(jurisdiction_id=targets[0]))
        where: dict[int, int] = {p: agency_id for p in by_target.get(targets[0], [])}
        for target in targets[1:]:
            new = conn.execute(
                A.insert()
                .values(
                    name=name,
                    fold_key=key,
                    jurisdiction_id=target,
                    kind="agency",
                    created_at=created,
                )
                .returning(A.c.id)
            ).scalar_one()
            _move(conn, agency_id, new, by_target[target])
            where.update((p, new) for p in by_target[target])
        copies[agency_id] = where
    return copies


def _users(conn, ids: dict[str, int], copies: dict[int, dict[int, int]]) -> None:
    """Reporters follow their agency to the province they reported on most; others national."""
    national = ids[NATIONAL_CODE]
    reported: dict[int, Counter] = defaultdict(Counter)
    for user, plan, n in conn.execute(
        sa.select(PR.c.submitted_by, T.c.plan_id, sa.func.count())
        .join(T, T.c.id == PR.c.task_id)
        .where(PR.c.submitted_by.is_not(None))
        .group_by(PR.c.submitted_by, T.c.plan_id)
    ):
        reported[user][plan] += n
    agency_j = dict(conn.execute(sa.select(A.c.id, A.c.jurisdiction_id)).all())
    for user_id, role, agency_id in conn.execute(sa.select(U.c.id, U.c.role, U.c.agency_id)).all():
        if agency_id is None:
            conn.execute(U.update().where(U.c.id == user_id).values(jurisdiction_id=national))
            continue
        where = copies.get(agency_id, {})
        best = [p for p, _ in reported[user_id].most_common() if p in where]
        new_agency = where[best[0]] if best else agency_id
        juris = agency_j[new_agency] if role == "reporter" else national
        conn.execute(
            U.update().where(U.c.id == user_id).values(agency_id=new_agency, jurisdiction_id=juris)
        )


def upgrade() -> None:
    _tables()
    conn = op.get_bind()
    sync_units(conn)
    ids = dict(conn.execute(sa.select(J.c.code, J.c.id)).all())
    plan_j = _plans(conn, ids)
    copies = _agencies(conn, ids, plan_j)
    _users(conn, ids, copies)
    _constraints()


def downgrade() -> None:
    op.drop_table("agency_aliases")
    for table in ("users", "plans"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(
                batch_op.f(f"fk_{table}_jurisdiction_id_jurisdictions"), type_="foreignkey"
            )
            batch_op.drop_index(batch_op.f(f"ix_{table}_jurisdiction_id"))
            batch_op.drop_column("jurisdiction_id")
    with op.batch_alter_table("agencies", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_agencies_jurisdiction_id_jurisdictions"), type_="foreignkey"
        )
        batch_op.drop_constraint(batch_op.f("uq_agencies_jurisdiction_id_fold_key"), type_="unique")
        batch_op.drop_index(batch_op.f("ix_agencies_jurisdiction_id"))
        batch_op.create_unique_constraint(batch_op.f("uq_agencies_fold_key"), ["fold_key"])
        batch_op.drop_column("kind")
        batch_op.drop_column("jurisdiction_id")
    with op.batch_alter_table("jurisdictions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_jurisdictions_parent_id"))
        batch_op.drop_index(batch_op.f("ix_jurisdictions_fold_key"))
    op.drop_table("jurisdictions")
