"""Emulation scores: versioned scoring rules, officers' bonus/penalty points, stored results.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 19:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def _stamp(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "emulation_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("weights_json", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        _stamp("created_at"),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_emulation_rules_plan_id_plans")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_emulation_rules_created_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_emulation_rules")),
        sa.UniqueConstraint(
            "plan_id", "period", "version", name=op.f("uq_emulation_rules_plan_id_period_version")
        ),
    )
    op.create_index(op.f("ix_emulation_rules_plan_id"), "emulation_rules", ["plan_id"])
    op.create_table(
        "emulation_adjustments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("points", sa.Float(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        _stamp("created_at"),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_emulation_adjustments_plan_id_plans")
        ),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_emulation_adjustments_agency_id_agencies")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_emulation_adjustments_created_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_emulation_adjustments")),
    )
    op.create_index(
        "ix_emulation_adjustments_plan_period", "emulation_adjustments", ["plan_id", "period"]
    )
    op.create_table(
        "emulation_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rule_id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("current", sa.Boolean(), nullable=False),
        sa.Column("rows_json", sa.Text(), nullable=False),
        _stamp("scored_at"),
        sa.Column("scored_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["rule_id"],
            ["emulation_rules.id"],
            name=op.f("fk_emulation_results_rule_id_emulation_rules"),
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_emulation_results_plan_id_plans")
        ),
        sa.ForeignKeyConstraint(
            ["scored_by"], ["users.id"], name=op.f("fk_emulation_results_scored_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_emulation_results")),
    )
    op.create_index(op.f("ix_emulation_results_rule_id"), "emulation_results", ["rule_id"])
    op.create_index("ix_emulation_results_plan_period", "emulation_results", ["plan_id", "period"])


def downgrade() -> None:
    op.drop_index("ix_emulation_results_plan_period", table_name="emulation_results")
    op.drop_index(op.f("ix_emulation_results_rule_id"), table_name="emulation_results")
    op.drop_table("emulation_results")
    op.drop_index("ix_emulation_adjustments_plan_period", table_name="emulation_adjustments")
    op.drop_table("emulation_adjustments")
    op.drop_index(op.f("ix_emulation_rules_plan_id"), table_name="emulation_rules")
    op.drop_table("emulation_rules")
