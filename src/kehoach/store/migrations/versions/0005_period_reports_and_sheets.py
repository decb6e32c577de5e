"""Period reports (narrative edits, issues with their data) and agency period sheets with files

Revision ID: 0005
Revises: 0006
Create Date: 2026-12-02 15:32:17.008393
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "period_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("issuer", sa.Text(), nullable=True),
        sa.Column("number", sa.Text(), nullable=True),
        sa.Column("signer", sa.Text(), nullable=True),
        sa.Column("recipients", sa.Text(), nullable=True),
        sa.Column("results_text", sa.Text(), nullable=True),
        sa.Column("proposals_text", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_period_reports_plan_id_plans")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["users.id"], name=op.f("fk_period_reports_updated_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_period_reports")),
        sa.UniqueConstraint("plan_id", "period", name=op.f("uq_period_reports_plan_id_period")),
    )
    op.create_table(
        "period_sheets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("entries_json", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("submitted_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_period_sheets_agency_id_agencies")
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_period_sheets_plan_id_plans")
        ),
        sa.ForeignKeyConstraint(
            ["submitted_by"], ["users.id"], name=op.f("fk_period_sheets_submitted_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["users.id"], name=op.f("fk_period_sheets_updated_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_period_sheets")),
        sa.UniqueConstraint(
            "plan_id", "agency_id", "period", name=op.f("uq_period_sheets_plan_id_agency_id_period")
        ),
    )
    with op.batch_alter_table("period_sheets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_period_sheets_agency_id"), ["agency_id"], unique=False)

    op.create_table(
        "period_sheet_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sheet_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("uploaded_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["sheet_id"],
            ["period_sheets.id"],
            name=op.f("fk_period_sheet_files_sheet_id_period_sheets"),
        ),
        sa.ForeignKeyConstraint(
            ["uploaded_by"], ["users.id"], name=op.f("fk_period_sheet_files_uploaded_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_period_sheet_files")),
    )
    with op.batch_alter_table("period_sheet_files", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_period_sheet_files_sheet_id"), ["sheet_id"], unique=False
        )

    op.create_table(
        "report_issues",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("format", sa.String(length=10), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("snapshot_json", sa.Text(), nullable=False),
        sa.Column("snapshot_sha256", sa.String(length=64), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("issued_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["issued_by"], ["users.id"], name=op.f("fk_report_issues_issued_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["period_reports.id"],
            name=op.f("fk_report_issues_report_id_period_reports"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_issues")),
    )
    with op.batch_alter_table("report_issues", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_report_issues_report_id"), ["report_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("report_issues", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_report_issues_report_id"))

    op.drop_table("report_issues")
    with op.batch_alter_table("period_sheet_files", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_period_sheet_files_sheet_id"))

    op.drop_table("period_sheet_files")
    with op.batch_alter_table("period_sheets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_period_sheets_agency_id"))

    op.drop_table("period_sheets")
    op.drop_table("period_reports")
