"""Sync bookkeeping: the server this profile syncs with, conflicts to resolve, parked records.

All three tables are local only (not SyncRecords): they are never queued in the outbox.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("server_url", sa.String(length=500), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("user_id", sa.String(length=36), nullable=True),
        sa.Column("user_name", sa.String(length=200), nullable=True),
        sa.Column("server_id", sa.String(length=36), nullable=True),
        sa.Column("epoch", sa.String(length=36), nullable=True),
        sa.Column("cursor", sa.Integer(), nullable=False),
        sa.Column("last_synced_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("record_kind", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("mine", sa.JSON(), nullable=True),
        sa.Column("mine_deleted", sa.Boolean(), nullable=False),
        sa.Column("theirs", sa.JSON(), nullable=True),
        sa.Column("theirs_deleted", sa.Boolean(), nullable=False),
        sa.Column("theirs_version", sa.Integer(), nullable=True),
        sa.Column("theirs_owner_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
        sa.UniqueConstraint("record_kind", "record_id", name=op.f("uq_sync_conflict_record_kind")),
    )
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_conflict_record_id"), ["record_id"])
    op.create_table(
        "sync_parked",
        sa.Column("record_kind", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.Column("waiting_kind", sa.String(length=40), nullable=False),
        sa.Column("waiting_id", sa.String(length=36), nullable=False),
        sa.Column("partial", sa.Boolean(), nullable=False),
        sa.Column("parked_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("record_kind", "record_id", name=op.f("pk_sync_parked")),
    )
    with op.batch_alter_table("sync_parked", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_parked_waiting_id"), ["waiting_id"])


def downgrade() -> None:
    op.drop_table("sync_parked")
    op.drop_table("sync_conflict")
    op.drop_table("sync_state")
