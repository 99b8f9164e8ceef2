"""Full-text search over evidence (FTS5), kept in step by triggers.

The evidence table has a text (UUID) primary key, so its hidden rowids may be renumbered by a
VACUUM, which would silently detach an external-content FTS index. Instead a small key table
gives each evidence id a permanent integer, and the FTS table uses that integer as its rowid:
updates and deletes find their index row by rowid instead of scanning. Triggers (not
application code) keep the index in step, so edits that arrive through sync or imports are
indexed too; tombstoned evidence leaves the index.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KEY = "(SELECT rowid FROM evidence_search_key WHERE evidence_id = {ref}.id)"


def upgrade() -> None:
    op.execute(
        "CREATE TABLE evidence_search_key ("
        "rowid INTEGER PRIMARY KEY, evidence_id VARCHAR(36) NOT NULL UNIQUE)"
    )
    op.execute(
        "CREATE VIRTUAL TABLE evidence_fts USING fts5("
        "text, tokenize = 'unicode61 remove_diacritics 2')"
    )
    index_new = f"""
            INSERT OR IGNORE INTO evidence_search_key (evidence_id) VALUES (new.id);
            INSERT INTO evidence_fts (rowid, text) VALUES ({_KEY.format(ref="new")}, new.text);
    """
    op.execute(
        f"""
        CREATE TRIGGER evidence_fts_insert AFTER INSERT ON evidence
        WHEN new.deleted = 0
        BEGIN {index_new} END
        """
    )
    op.execute(
        f"""
        CREATE TRIGGER evidence_fts_update AFTER UPDATE OF text, deleted ON evidence
        BEGIN
            DELETE FROM evidence_fts WHERE rowid = {_KEY.format(ref="old")};
            INSERT OR IGNORE INTO evidence_search_key (evidence_id)
                SELECT new.id WHERE new.deleted = 0;
            INSERT INTO evidence_fts (rowid, text)
                SELECT {_KEY.format(ref="new")}, new.text WHERE new.deleted = 0;
        END
        """
    )
    op.execute(
        f"""
        CREATE TRIGGER evidence_fts_delete AFTER DELETE ON evidence
        BEGIN
            DELETE FROM evidence_fts WHERE rowid = {_KEY.format(ref="old")};
            DELETE FROM evidence_search_key WHERE evidence_id = old.id;
        END
        """
    )
    op.execute(
        "INSERT INTO evidence_search_key (evidence_id) "
        "SELECT id FROM evidence WHERE deleted = 0 ORDER BY observed_at"
    )
    op.execute(
        "INSERT INTO evidence_fts (rowid, text) "
        "SELECT k.rowid, e.text FROM evidence e JOIN evidence_search_key k ON k.evidence_id = e.id"
    )


def downgrade() -> None:
    for trigger in (
        "evidence_fts_insert",
        "evidence_fts_update",
        "evidence_fts_delete",
    ):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS evidence_fts")
    op.execute("DROP TABLE IF EXISTS evidence_search_key")
