"""The figures' facts in columns of each record: its date, the visit and seat it names, and its
category or look-fors (``observe.server.facts``), with an index by school, kind and those facts, so
the aggregates count in SQL instead of decoding every snapshot of a school per request.

Existing records are filled from their snapshots by the same rule the push applies
(``facts.recompute``): the columns are a copy of what the snapshot says, so this migration
uses the live rule rather than a frozen copy; figures read after it are the ones read before.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from observe.server import facts

    with op.batch_alter_table("record") as batch:
        batch.add_column(sa.Column("day", sa.String(length=10), nullable=True))
        batch.add_column(sa.Column("visit_ref", sa.Text(), nullable=True))
        batch.add_column(sa.Column("seat_ref", sa.Text(), nullable=True))
        batch.add_column(sa.Column("facet", sa.Text(), nullable=True))
    op.create_index(
        "ix_record_school_kind_facts",
        "record",
        ["school_id", "kind", "visit_ref", "seat_ref", "facet", "day"],
    )
    # Only the columns this revision adds (0008 adds and fills the rest).
    facts.recompute(op.get_bind(), columns=("day", "visit_ref", "seat_ref", "facet"))


def downgrade() -> None:
    op.drop_index("ix_record_school_kind_facts", table_name="record")
    with op.batch_alter_table("record") as batch:
        batch.drop_column("facet")
        batch.drop_column("seat_ref")
        batch.drop_column("visit_ref")
        batch.drop_column("day")
