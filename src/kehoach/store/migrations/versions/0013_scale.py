"""Indexes for national scale: latest lead report per task without reading its history;
indicators by code (a national roll-up of the provinces' same indicator).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 20:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_progress_reports_task_role_at",
        "progress_reports",
        ["task_id", "role", "submitted_at"],
    )
    op.create_index("ix_indicators_code", "indicators", ["code"])


def downgrade() -> None:
    op.drop_index("ix_indicators_code", table_name="indicators")
    op.drop_index("ix_progress_reports_task_role_at", table_name="progress_reports")
