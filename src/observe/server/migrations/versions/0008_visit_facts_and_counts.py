"""The rest of the figures' facts, so a first load after a push decodes no snapshot of a
visit, seat or log entry (``observe.server.facts``: ``room_ref``, ``cycle_ref``, ``label``,
``minutes``), and ``fact_count``: evidence and participation events counted per school,
owner, date, visit, seat and facet, kept by the push (``observe.server.rollup``); and
``invitation.email_status``, the outcome of an invitation email (``observe.server.mail``).

Existing records are filled from their snapshots and the counts made from ``record`` by the
same rules the push applies (as in ``0007``).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NEW_COLUMNS = ("room_ref", "cycle_ref", "label", "minutes")


def upgrade() -> None:
    from observe.server import facts, rollup

    with op.batch_alter_table("record") as batch:
        batch.add_column(sa.Column("room_ref", sa.Text(), nullable=True))
        batch.add_column(sa.Column("cycle_ref", sa.Text(), nullable=True))
        batch.add_column(sa.Column("label", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("minutes", sa.BigInteger(), nullable=True))
    op.create_index(
        "ix_record_school_kind_day_facts",
        "record",
        [
            "school_id",
            "kind",
            "day",
            "label",
            "minutes",
            "room_ref",
            "cycle_ref",
            "owner_id",
            "deleted",
            "id",
        ],
    )
    op.create_table(
        "fact_count",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("school_id", sa.String(length=36), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=True),
        sa.Column("visit_ref", sa.Text(), nullable=True),
        sa.Column("seat_ref", sa.Text(), nullable=True),
        sa.Column("facet", sa.Text(), nullable=True),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fact_count")),
    )
    op.create_index(
        "ix_fact_count_school_kind_visit",
        "fact_count",
        ["school_id", "kind", "visit_ref", "day", "seat_ref", "facet", "owner_id", "n"],
    )
    with op.batch_alter_table("invitation") as batch:
        batch.add_column(sa.Column("email_status", sa.Text(), nullable=True))
    conn = op.get_bind()
    facts.recompute(conn, columns=NEW_COLUMNS, kinds=("visit", "seat", "coaching_log_entry"))
    rollup.rebuild(conn)


def downgrade() -> None:
    with op.batch_alter_table("invitation") as batch:
        batch.drop_column("email_status")
    op.drop_index("ix_fact_count_school_kind_visit", table_name="fact_count")
    op.drop_table("fact_count")
    op.drop_index("ix_record_school_kind_day_facts", table_name="record")
    with op.batch_alter_table("record") as batch:
        for name in reversed(NEW_COLUMNS):
            batch.drop_column(name)
