"""Issued period reports keep their file (name and content hash in the attachments folder)

Revision ID: 0005b
Revises: 0005
Create Date: 2026-12-02 17:20:00

A revision of its own because 0005 was already merged without these columns.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005b"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("report_issues", schema=None) as batch_op:
        batch_op.add_column(sa.Column("file_name", sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column("file_sha256", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("report_issues", schema=None) as batch_op:
        batch_op.drop_column("file_sha256")
        batch_op.drop_column("file_name")
