"""Evidence: what an item shows for each look-for it is tagged with (seen / not yet).

``evidence.lookfor_marks`` holds ``{lookfor_id: "seen" | "not_yet"}``; NULL (every existing
item) reads as "about", which is what a plain tag always meant.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN: SQLite does it in place, without copying the table.
    op.add_column("evidence", sa.Column("lookfor_marks", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("evidence") as batch:
        batch.drop_column("lookfor_marks")
