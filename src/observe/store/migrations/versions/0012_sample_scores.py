"""Work samples scored against a cycle's success criteria (a level, whether it meets, a note).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_VISIBILITY = sa.Enum(
    "private", "teacher", "team", name="visibility", native_enum=False, create_constraint=True
)


def upgrade() -> None:
    op.create_table(
        "sample_score",
        sa.Column("evidence_id", sa.String(36), nullable=False),
        sa.Column("cycle_id", sa.String(36), nullable=False),
        sa.Column("phase", sa.String(10), nullable=False),
        sa.Column("level", sa.String(80), nullable=False),
        sa.Column("meets", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("author_id", sa.String(36), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("visibility", _VISIBILITY, nullable=False),
        sa.ForeignKeyConstraint(
            ["evidence_id"], ["evidence.id"], name=op.f("fk_sample_score_evidence_id_evidence")
        ),
        sa.ForeignKeyConstraint(
            ["cycle_id"],
            ["coaching_cycle.id"],
            name=op.f("fk_sample_score_cycle_id_coaching_cycle"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sample_score")),
    )
    op.create_index(op.f("ix_sample_score_evidence_id"), "sample_score", ["evidence_id"])
    op.create_index(op.f("ix_sample_score_cycle_id"), "sample_score", ["cycle_id"])


def downgrade() -> None:
    op.drop_table("sample_score")
