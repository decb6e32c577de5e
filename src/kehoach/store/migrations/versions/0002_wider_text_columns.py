"""Wider text columns: names, numbers, keys and units of any length (PostgreSQL enforced the old sizes).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 17:51:47.500128
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("agencies", schema=None) as batch_op:
        batch_op.alter_column(
            "name", existing_type=sa.VARCHAR(length=500), type_=sa.Text(), existing_nullable=False
        )
        batch_op.alter_column(
            "fold_key",
            existing_type=sa.VARCHAR(length=500),
            type_=sa.Text(),
            existing_nullable=False,
        )

    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.alter_column(
            "number", existing_type=sa.VARCHAR(length=100), type_=sa.Text(), existing_nullable=True
        )
        batch_op.alter_column(
            "number_key",
            existing_type=sa.VARCHAR(length=100),
            type_=sa.Text(),
            existing_nullable=True,
        )
        batch_op.alter_column(
            "issuer", existing_type=sa.VARCHAR(length=500), type_=sa.Text(), existing_nullable=True
        )
        batch_op.alter_column(
            "province",
            existing_type=sa.VARCHAR(length=100),
            type_=sa.Text(),
            existing_nullable=True,
        )
        batch_op.alter_column(
            "signer", existing_type=sa.VARCHAR(length=200), type_=sa.Text(), existing_nullable=True
        )

    with op.batch_alter_table("metrics", schema=None) as batch_op:
        batch_op.alter_column(
            "unit", existing_type=sa.VARCHAR(length=200), type_=sa.Text(), existing_nullable=True
        )

    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.alter_column(
            "source_name",
            existing_type=sa.VARCHAR(length=300),
            type_=sa.Text(),
            existing_nullable=False,
        )

    with op.batch_alter_table("reporting_duties", schema=None) as batch_op:
        batch_op.alter_column(
            "due",
            existing_type=sa.VARCHAR(length=10),
            type_=sa.String(length=20),
            existing_nullable=True,
        )

    with op.batch_alter_table("targets", schema=None) as batch_op:
        batch_op.alter_column(
            "key", existing_type=sa.VARCHAR(length=50), type_=sa.Text(), existing_nullable=False
        )
        batch_op.alter_column(
            "section", existing_type=sa.VARCHAR(length=50), type_=sa.Text(), existing_nullable=True
        )

    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.alter_column(
            "key", existing_type=sa.VARCHAR(length=50), type_=sa.Text(), existing_nullable=False
        )
        batch_op.alter_column(
            "group_code",
            existing_type=sa.VARCHAR(length=50),
            type_=sa.Text(),
            existing_nullable=True,
        )


def downgrade() -> None:
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.alter_column(
            "group_code",
            existing_type=sa.Text(),
            type_=sa.VARCHAR(length=50),
            existing_nullable=True,
        )
        batch_op.alter_column(
            "key", existing_type=sa.Text(), type_=sa.VARCHAR(length=50), existing_nullable=False
        )

    with op.batch_alter_table("targets", schema=None) as batch_op:
        batch_op.alter_column(
            "section", existing_type=sa.Text(), type_=sa.VARCHAR(length=50), existing_nullable=True
        )
        batch_op.alter_column(
            "key", existing_type=sa.Text(), type_=sa.VARCHAR(length=50), existing_nullable=False
        )

    with op.batch_alter_table("reporting_duties", schema=None) as batch_op:
        batch_op.alter_column(
            "due",
            existing_type=sa.String(length=20),
            type_=sa.VARCHAR(length=10),
            existing_nullable=True,
        )

    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.alter_column(
            "source_name",
            existing_type=sa.Text(),
            type_=sa.VARCHAR(length=300),
            existing_nullable=False,
        )

    with op.batch_alter_table("metrics", schema=None) as batch_op:
        batch_op.alter_column(
            "unit", existing_type=sa.Text(), type_=sa.VARCHAR(length=200), existing_nullable=True
        )

    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.alter_column(
            "signer", existing_type=sa.Text(), type_=sa.VARCHAR(length=200), existing_nullable=True
        )
        batch_op.alter_column(
            "province",
            existing_type=sa.Text(),
            type_=sa.VARCHAR(length=100),
            existing_nullable=True,
        )
        batch_op.alter_column(
            "issuer", existing_type=sa.Text(), type_=sa.VARCHAR(length=500), existing_nullable=True
        )
        batch_op.alter_column(
            "number_key",
            existing_type=sa.Text(),
            type_=sa.VARCHAR(length=100),
            existing_nullable=True,
        )
        batch_op.alter_column(
            "number", existing_type=sa.Text(), type_=sa.VARCHAR(length=100), existing_nullable=True
        )

    with op.batch_alter_table("agencies", schema=None) as batch_op:
        batch_op.alter_column(
            "fold_key",
            existing_type=sa.Text(),
            type_=sa.VARCHAR(length=500),
            existing_nullable=False,
        )
        batch_op.alter_column(
            "name", existing_type=sa.Text(), type_=sa.VARCHAR(length=500), existing_nullable=False
        )
