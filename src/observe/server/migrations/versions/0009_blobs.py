"""Blobs (images of student work): the image each record names, and the stored blobs.

``record.blob_ref`` is the snapshot's ``image_sha256`` (``observe.server.blob_refs``), indexed:
who may fetch a blob (as for the records naming it) and which blobs are still named. Existing
records are filled from their snapshots by the live rule, as ``0007`` does for the facts.
``blob`` times how long each stored blob has gone unreferenced, for the collector;
``blob_holder`` lists who sent each blob's bytes (a record's owner must hold what it names).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from observe.server import blob_refs

    with op.batch_alter_table("record") as batch:
        batch.add_column(sa.Column("blob_ref", sa.String(length=64), nullable=True))
    op.create_index("ix_record_blob_ref", "record", ["blob_ref"])
    op.create_table(
        "blob",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("unreferenced_since", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("sha256", name="pk_blob"),
    )
    op.create_table(
        "blob_holder",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["account.id"], name="fk_blob_holder_account_id_account"
        ),
        sa.PrimaryKeyConstraint("sha256", "account_id", name="pk_blob_holder"),
    )
    blob_refs.recompute(op.get_bind())


def downgrade() -> None:
    op.drop_table("blob_holder")
    op.drop_table("blob")
    op.drop_index("ix_record_blob_ref", table_name="record")
    with op.batch_alter_table("record") as batch:
        batch.drop_column("blob_ref")
