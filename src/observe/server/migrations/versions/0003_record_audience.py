"""Records remember having been shared with the team, so un-sharing reaches those who pulled them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("record") as batch:
        batch.add_column(sa.Column("audience", sa.String(length=10), nullable=True))
    op.execute("UPDATE record SET audience = 'team' WHERE visibility = 'team'")
    op.create_index(
        "ix_record_school_audience_seq", "record", ["school_id", "audience", "server_seq"]
    )
    op.drop_index("ix_record_school_vis_seq", table_name="record")


def downgrade() -> None:
    op.create_index("ix_record_school_vis_seq", "record", ["school_id", "visibility", "server_seq"])
    op.drop_index("ix_record_school_audience_seq", table_name="record")
    with op.batch_alter_table("record") as batch:
        batch.drop_column("audience")
