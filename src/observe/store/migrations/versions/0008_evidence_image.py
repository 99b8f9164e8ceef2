"""Evidence: an image of student work on an artifact (a content-addressed blob).

``evidence.image_sha256`` names the stored JPEG in the profile's ``blobs/`` folder by its
SHA-256; NULL (every existing item) means the item has no image. The caption is the item's text.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN: SQLite does it in place, without copying the table.
    op.add_column("evidence", sa.Column("image_sha256", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("evidence") as batch:
        batch.drop_column("image_sha256")
