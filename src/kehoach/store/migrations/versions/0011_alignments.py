"""Alignment decisions: an officer confirms, breaks or makes a pair of two plans' items.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 20:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "alignment_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("left_plan_id", sa.Integer(), nullable=False),
        sa.Column("left_key", sa.String(length=100), nullable=False),
        sa.Column("right_plan_id", sa.Integer(), nullable=False),
        sa.Column("right_key", sa.String(length=100), nullable=False),
        sa.Column("decision", sa.String(length=10), nullable=False),
        sa.Column("by_hand", sa.Boolean(), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["left_plan_id"],
            ["plans.id"],
            name=op.f("fk_alignment_decisions_left_plan_id_plans"),
        ),
        sa.ForeignKeyConstraint(
            ["right_plan_id"],
            ["plans.id"],
            name=op.f("fk_alignment_decisions_right_plan_id_plans"),
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"], ["users.id"], name=op.f("fk_alignment_decisions_decided_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alignment_decisions")),
        sa.UniqueConstraint(
            "kind",
            "left_plan_id",
            "left_key",
            "right_plan_id",
            "right_key",
            name="uq_alignment_decisions_pair",
        ),
    )
    op.create_index(
        "ix_alignment_decisions_plans",
        "alignment_decisions",
        ["left_plan_id", "right_plan_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_alignment_decisions_plans", table_name="alignment_decisions")
    op.drop_table("alignment_decisions")
