"""Student surveys and assessment results of a coaching cycle (counts and distributions only).

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

_VISIBILITY = sa.Enum(
    "private", "teacher", "team", name="visibility", native_enum=False, create_constraint=True
)


def _sync_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("author_id", sa.String(36), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("visibility", _VISIBILITY, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "cycle_survey",
        sa.Column("cycle_id", sa.String(36), nullable=False),
        sa.Column("phase", sa.String(10), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("respondents", sa.Integer(), nullable=False),
        sa.Column("questions", sa.JSON(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(
            ["cycle_id"],
            ["coaching_cycle.id"],
            name=op.f("fk_cycle_survey_cycle_id_coaching_cycle"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cycle_survey")),
    )
    op.create_index(op.f("ix_cycle_survey_cycle_id"), "cycle_survey", ["cycle_id"])
    op.create_table(
        "cycle_assessment",
        sa.Column("cycle_id", sa.String(36), nullable=False),
        sa.Column("phase", sa.String(10), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("meets", sa.Double(), nullable=False),
        sa.Column("out_of", sa.Double(), nullable=True),
        sa.Column("students", sa.Integer(), nullable=False),
        sa.Column("scores", sa.JSON(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(
            ["cycle_id"],
            ["coaching_cycle.id"],
            name=op.f("fk_cycle_assessment_cycle_id_coaching_cycle"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cycle_assessment")),
    )
    op.create_index(op.f("ix_cycle_assessment_cycle_id"), "cycle_assessment", ["cycle_id"])


def downgrade() -> None:
    op.drop_table("cycle_assessment")
    op.drop_table("cycle_survey")
