"""Coaching log: remember the minutes Observe filled in from a visit.

``coaching_log_entry.auto_minutes`` lets a visit's log entry follow the visit's length while
the coach hasn't changed it (see ``observe.coaching.log``). Existing entries were typed by
hand or made by the demo generator, so they stay NULL.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN: SQLite does it in place, without copying the table.
    op.add_column("coaching_log_entry", sa.Column("auto_minutes", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("coaching_log_entry") as batch:
        batch.drop_column("auto_minutes")
