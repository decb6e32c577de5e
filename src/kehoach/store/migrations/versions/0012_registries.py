"""Culture registries: villages, unit merges and renames, intangible heritage, cultural
institutions, happiness surveys, files attached to registry entries

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 19:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def _fk(table: str, column: str, other: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{other}.id"], name=op.f(f"fk_{table}_{column}_{other}")
    )


def _index(table: str, column: str) -> None:
    op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)


def upgrade() -> None:
    op.create_table(
        "villages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("jurisdiction_id", sa.Integer(), nullable=False),
        sa.Column("commune_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("fold_key", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("code", sa.String(length=30), nullable=True),
        sa.Column("households", sa.Integer(), nullable=True),
        sa.Column("public", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _fk("villages", "jurisdiction_id", "jurisdictions"),
        _fk("villages", "commune_id", "jurisdictions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_villages")),
        sa.UniqueConstraint("commune_id", "fold_key", name=op.f("uq_villages_commune_id_fold_key")),
    )
    _index("villages", "jurisdiction_id")
    _index("villages", "commune_id")
    op.create_table(
        "unit_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("from_id", sa.Integer(), nullable=False),
        sa.Column("to_id", sa.Integer(), nullable=False),
        sa.Column("effective", sa.Date(), nullable=False),
        sa.Column("old_name", sa.Text(), nullable=False),
        sa.Column("new_name", sa.Text(), nullable=False),
        sa.Column("decision", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        _fk("unit_changes", "from_id", "jurisdictions"),
        _fk("unit_changes", "to_id", "jurisdictions"),
        _fk("unit_changes", "created_by", "users"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit_changes")),
    )
    _index("unit_changes", "from_id")
    _index("unit_changes", "to_id")
    op.create_table(
        "intangible_heritage",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("jurisdiction_id", sa.Integer(), nullable=False),
        sa.Column("commune_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("communities", sa.Text(), nullable=False),
        sa.Column("communes", sa.Text(), nullable=False),
        sa.Column("inscription", sa.String(length=30), nullable=False),
        sa.Column("decision_number", sa.Text(), nullable=True),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.Column("safeguarding", sa.Text(), nullable=False),
        sa.Column("digitization", sa.String(length=20), nullable=False),
        sa.Column("digitized_on", sa.Date(), nullable=True),
        sa.Column("public", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _fk("intangible_heritage", "jurisdiction_id", "jurisdictions"),
        _fk("intangible_heritage", "commune_id", "jurisdictions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intangible_heritage")),
    )
    _index("intangible_heritage", "jurisdiction_id")
    op.create_table(
        "institutions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("jurisdiction_id", sa.Integer(), nullable=False),
        sa.Column("commune_id", sa.Integer(), nullable=True),
        sa.Column("village_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=True),
        sa.Column("regular", sa.Boolean(), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("public", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _fk("institutions", "jurisdiction_id", "jurisdictions"),
        _fk("institutions", "commune_id", "jurisdictions"),
        _fk("institutions", "village_id", "villages"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_institutions")),
    )
    _index("institutions", "jurisdiction_id")
    op.create_table(
        "happiness_surveys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("jurisdiction_id", sa.Integer(), nullable=False),
        sa.Column("commune_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("sample_size", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("public", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _fk("happiness_surveys", "jurisdiction_id", "jurisdictions"),
        _fk("happiness_surveys", "commune_id", "jurisdictions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_happiness_surveys")),
        sa.UniqueConstraint(
            "commune_id", "period", name=op.f("uq_happiness_surveys_commune_id_period")
        ),
    )
    _index("happiness_surveys", "jurisdiction_id")
    op.create_table(
        "registry_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("uploaded_by", sa.Integer(), nullable=True),
        _fk("registry_files", "uploaded_by", "users"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registry_files")),
    )
    op.create_index("ix_registry_files_entity_entity_id", "registry_files", ["entity", "entity_id"])


def downgrade() -> None:
    op.drop_index("ix_registry_files_entity_entity_id", table_name="registry_files")
    op.drop_table("registry_files")
    op.drop_table("happiness_surveys")
    op.drop_table("institutions")
    op.drop_table("intangible_heritage")
    op.drop_table("unit_changes")
    op.drop_table("villages")
