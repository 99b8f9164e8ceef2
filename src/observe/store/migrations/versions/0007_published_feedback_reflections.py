"""Sharing with teachers: the published sheet on feedback, and teachers' reflections.

``feedback.published`` holds what a shared sheet says (NULL while private; every existing
row is either private or gets it the next time it is saved). ``reflection`` holds what
teachers wrote back on the server's pages, pulled like any record and only read here.

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
    # A plain ADD COLUMN: SQLite does it in place, without copying the table.
    op.add_column("feedback", sa.Column("published", sa.JSON(), nullable=True))
    op.create_table(
        "reflection",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("author_id", sa.String(36), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column(
            "visibility",
            sa.Enum(
                "private",
                "teacher",
                "team",
                name="visibility",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("target_kind", sa.String(40), nullable=False),
        sa.Column("target_id", sa.String(36), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reflection")),
    )
    op.create_index(op.f("ix_reflection_target_id"), "reflection", ["target_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_reflection_target_id"), table_name="reflection")
    op.drop_table("reflection")
    with op.batch_alter_table("feedback") as batch:
        batch.drop_column("published")
