"""Sharing a coaching cycle with its teacher: ``coaching_cycle.published``.

Holds what the teacher may read of a shared cycle (focus, goal, steps, the measure before →
after); NULL while the cycle is private, which every existing cycle is.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN: SQLite does it in place, without copying the table.
    op.add_column("coaching_cycle", sa.Column("published", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("coaching_cycle") as batch:
        batch.drop_column("published")
