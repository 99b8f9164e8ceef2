"""Index for pulling a school's team records in seq order.

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


def upgrade() -> None:
    op.create_index("ix_record_school_vis_seq", "record", ["school_id", "visibility", "server_seq"])


def downgrade() -> None:
    op.drop_index("ix_record_school_vis_seq", table_name="record")
