"""Several app processes on one database: failed log-ins and the data version live in it.

`login_failures` holds each failed log-in (per account and per client address) so every
process counts the same failures; `data_version` is one row whose number every change
through the services raises at commit, so each process knows when its cached views are stale.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02 19:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_failures")),
    )
    op.create_index(
        "ix_login_failures_kind_key_at", "login_failures", ["kind", "key", "at"], unique=False
    )
    version = op.create_table(
        "data_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_version")),
    )
    op.bulk_insert(version, [{"id": 1, "version": 0}])


def downgrade() -> None:
    op.drop_table("data_version")
    op.drop_index("ix_login_failures_kind_key_at", table_name="login_failures")
    op.drop_table("login_failures")
