"""Partial indexes of the deleted rows of the big tables, for counting live records fast.

The window counts live records per kind on opening. ``count(*) … WHERE deleted = 0`` reads
every row of the table (a few seconds for five years of evidence); all rows less the deleted
ones reads two small indexes instead. Only rows with ``deleted = 1`` are in these indexes, so
they cost nothing on capture and no query over live rows can choose them.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("seat", "visit", "evidence", "participation_event", "feedback", "coaching_log_entry")


def upgrade() -> None:
    for table in TABLES:
        op.create_index(
            f"ix_{table}_deleted_rows", table, ["deleted"], sqlite_where=sa.text("deleted = 1")
        )


def downgrade() -> None:
    for table in TABLES:
        op.drop_index(f"ix_{table}_deleted_rows", table_name=table)
