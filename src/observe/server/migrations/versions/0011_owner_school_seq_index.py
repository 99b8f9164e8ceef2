"""A coach's own records are found by (owner, school, seq): one index range scan per pull.

The pull reads the caller's own records with ``owner_id = me AND school_id = mine AND
server_seq > position``. With ``ix_record_owner_seq`` (owner, seq) alone, PostgreSQL's
estimate for ``server_seq >`` a position in one school's sequence is drawn from every
school's seqs, so for a coach with new records it often ANDed that index with the school's
facts index, reading every index entry of the school: ~4 ms of a pull at 30,000 records a
school instead of ~0.1 ms, and growing with the school. With the school in the index the
three conditions are one range scan. The index replaces (owner, seq), whose other uses
(lookups by owner) it serves as well.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_record_owner_school_seq", "record", ["owner_id", "school_id", "server_seq"])
    op.drop_index("ix_record_owner_seq", table_name="record")


def downgrade() -> None:
    op.create_index("ix_record_owner_seq", "record", ["owner_id", "server_seq"])
    op.drop_index("ix_record_owner_school_seq", table_name="record")
