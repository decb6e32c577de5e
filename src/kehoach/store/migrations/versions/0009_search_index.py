"""Search index: one row per searchable thing, with FTS5 (SQLite) or a GIN index (PostgreSQL).

Revision ID: 0009
Revises: 0005b
Create Date: 2026-12-02 17:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
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
    _index_existing(op.get_bind())


def _index_existing(conn) -> None:
    """Index what the database already holds, as `services.search` would (plain SQL here:
    a migration must not depend on today's models). `kehoach search-index rebuild` redoes it."""
    from kehoach.text.normalize import fold

    rows: list[dict] = []

    def add(kind, entity_id, plan_id, jurisdiction_id, agency_id, title, folded):
        title = (title or "")[:400]
        rows.append(
            {
                "kind": kind,
                "entity_id": entity_id,
                "plan_id": plan_id,
                "jurisdiction_id": jurisdiction_id,
                "agency_id": agency_id,
                "title": title,
                "folded": folded,
            }
        )

    q = sa.text
    for pid, jid, source, number, title, issuer in conn.execute(
        q(
            "SELECT p.id, p.jurisdiction_id, p.source_name, d.number, d.title, d.issuer "
            "FROM plans p JOIN documents d ON d.id = p.document_id"
        )
    ):
        shown = " – ".join(x for x in (number, title) if x) or source
        add("document", pid, pid, jid, None, shown, fold(f"{shown} {issuer or ''}"))
    for tid, pid, jid, key, body in conn.execute(
        q(
            "SELECT t.id, t.plan_id, p.jurisdiction_id, t.key, t.text "
            "FROM targets t JOIN plans p ON p.id = t.plan_id"
        )
    ):
        add("target", tid, pid, jid, None, body, fold(f"{body} {key}"))
    for tid, pid, jid, body, folded in conn.execute(
        q(
            "SELECT t.id, t.plan_id, p.jurisdiction_id, t.text, t.search_text "
            "FROM tasks t JOIN plans p ON p.id = t.plan_id WHERE t.active"
        )
    ):
        add("task", tid, pid, jid, None, body, folded or fold(body))
    for rid, pid, jid, aid, period, *texts in conn.execute(
        q(
            "SELECT r.id, t.plan_id, p.jurisdiction_id, r.agency_id, r.period, r.done_text, "
            "r.difficulties, r.proposals, r.reason FROM progress_reports r "
            "JOIN tasks t ON t.id = r.task_id JOIN plans p ON p.id = t.plan_id "
            "WHERE r.id NOT IN (SELECT supersedes_id FROM progress_reports "
            "WHERE supersedes_id IS NOT NULL)"
        )
    ):
        shown = " · ".join(x for x in texts if x)
        if shown:
            add("report", rid, pid, jid, aid, shown, fold(f"{shown} {period}"))
    for aid, jid, name in conn.execute(q("SELECT id, jurisdiction_id, name FROM agencies")):
        add("agency", aid, None, jid, aid, name, fold(name))
    if rows:
        table = sa.table(
            "search_index",
            *(sa.column(c) for c in ("kind", "entity_id", "plan_id", "jurisdiction_id")),
            *(sa.column(c) for c in ("agency_id", "title", "folded")),
        )
        conn.execute(table.insert(), rows)


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
