"""Indicators, their values per unit and period (with revisions), the heritage registry

Revision ID: 0008
Revises: 0005b
Create Date: 2026-12-02 16:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0005b"
branch_labels = None
depends_on = None


def _fk(table: str, column: str, other: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{other}.id"], name=op.f(f"fk_{table}_{column}_{other}")
    )


def upgrade() -> None:
    op.create_table(
        "indicators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("target_id", sa.Integer(), nullable=True),
        sa.Column("metric_id", sa.Integer(), nullable=True),
        sa.Column("jurisdiction_id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=True),
        sa.Column("code", sa.String(length=50), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("unit", sa.String(length=50), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("level", sa.String(length=10), nullable=False),
        sa.Column("frequency", sa.String(length=10), nullable=False),
        sa.Column("aggregate", sa.String(length=10), nullable=False),
        sa.Column("target_value", sa.Float(), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("baseline_value", sa.Float(), nullable=True),
        sa.Column("baseline_period", sa.String(length=10), nullable=True),
        sa.Column("source", sa.String(length=30), nullable=False),
        sa.Column("public", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        _fk("indicators", "plan_id", "plans"),
        _fk("indicators", "target_id", "targets"),
        _fk("indicators", "metric_id", "metrics"),
        _fk("indicators", "jurisdiction_id", "jurisdictions"),
        _fk("indicators", "agency_id", "agencies"),
        _fk("indicators", "created_by", "users"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicators")),
    )
    for column in ("plan_id", "target_id", "jurisdiction_id"):
        op.create_index(op.f(f"ix_indicators_{column}"), "indicators", [column], unique=False)
    op.create_table(
        "indicator_values",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("jurisdiction_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("numerator", sa.Float(), nullable=True),
        sa.Column("denominator", sa.Float(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("superseded", sa.Boolean(), nullable=False),
        sa.Column("entered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("entered_by", sa.Integer(), nullable=True),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("approved_by", sa.Integer(), nullable=True),
        _fk("indicator_values", "indicator_id", "indicators"),
        _fk("indicator_values", "jurisdiction_id", "jurisdictions"),
        _fk("indicator_values", "entered_by", "users"),
        _fk("indicator_values", "approved_by", "users"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator_values")),
        sa.UniqueConstraint(
            "indicator_id",
            "jurisdiction_id",
            "period",
            "revision",
            name="uq_indicator_values_revision",
        ),
    )
    op.create_index(
        "ix_indicator_values_rollup",
        "indicator_values",
        ["indicator_id", "state", "superseded", "period", "numerator", "denominator", "value"],
        unique=False,
    )
    op.create_index(
        "ix_indicator_values_period", "indicator_values", ["indicator_id", "period"], unique=False
    )
    op.create_index(
        op.f("ix_indicator_values_jurisdiction_id"),
        "indicator_values",
        ["jurisdiction_id"],
        unique=False,
    )
    op.create_table(
        "heritage_sites",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("jurisdiction_id", sa.Integer(), nullable=False),
        sa.Column("commune_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("types", sa.Text(), nullable=False),
        sa.Column("rank", sa.String(length=20), nullable=False),
        sa.Column("decision_number", sa.Text(), nullable=True),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("condition", sa.Text(), nullable=False),
        sa.Column("digitization", sa.String(length=20), nullable=False),
        sa.Column("digitized_on", sa.Date(), nullable=True),
        sa.Column("public", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _fk("heritage_sites", "jurisdiction_id", "jurisdictions"),
        _fk("heritage_sites", "commune_id", "jurisdictions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_heritage_sites")),
    )
    op.create_index(
        op.f("ix_heritage_sites_jurisdiction_id"),
        "heritage_sites",
        ["jurisdiction_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_table("heritage_sites")
    op.drop_index("ix_indicator_values_period", table_name="indicator_values")
    op.drop_index("ix_indicator_values_rollup", table_name="indicator_values")
    op.drop_table("indicator_values")
    op.drop_table("indicators")
