"""Search index: one row per searchable thing, with FTS5 (SQLite) or a GIN index (PostgreSQL).

Revision ID: 0009
Revises: 0005
Create Date: 2026-12-02 17:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0005"
branch_labels = None
depends_on = None

# External-content FTS5: the text lives once, in search_index; triggers keep the index in step.
SQLITE_FTS = [
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "folded, content='search_index', content_rowid='id', tokenize='unicode61')",
    "CREATE TRIGGER search_index_ai AFTER INSERT ON search_index BEGIN "
    "INSERT INTO search_fts(rowid, folded) VALUES (new.id, new.folded); END",
    "CREATE TRIGGER search_index_ad AFTER DELETE ON search_index BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, folded) VALUES ('delete', old.id, old.folded); END",
    "CREATE TRIGGER search_index_au AFTER UPDATE ON search_index BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, folded) VALUES ('delete', old.id, old.folded); "
    "INSERT INTO search_fts(rowid, folded) VALUES (new.id, new.folded); END",
]
# The text is folded already (no diacritics), so the `simple` configuration needs no `unaccent`.
PG_GIN = (
    "CREATE INDEX ix_search_index_tsv ON search_index USING gin (to_tsvector('simple', folded))"
)


def upgrade() -> None:
    op.create_table(
        "search_index",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("jurisdiction_id", sa.Integer(), nullable=True),
        sa.Column("agency_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("folded", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_index")),
    )
    op.create_index(
        "ix_search_index_kind_entity_id", "search_index", ["kind", "entity_id"], unique=False
    )
    op.create_index(op.f("ix_search_index_plan_id"), "search_index", ["plan_id"], unique=False)
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in SQLITE_FTS:
            op.execute(statement)
    elif dialect == "postgresql":
        op.execute(PG_GIN)
    # Existing data is indexed by `kehoach search-index rebuild` (the upgrade stays schema-only).


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("search_index_ai", "search_index_ad", "search_index_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS search_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_search_index_tsv")
    op.drop_index(op.f("ix_search_index_plan_id"), table_name="search_index")
    op.drop_index("ix_search_index_kind_entity_id", table_name="search_index")
    op.drop_table("search_index")
