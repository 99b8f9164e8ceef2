"""Teachers: who may read a shared record, whom a reflection is for, and invitations.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("record") as batch:
        batch.add_column(sa.Column("reader", sa.String(length=254), nullable=True))
        batch.add_column(sa.Column("addressee_id", sa.String(length=36), nullable=True))
        batch.create_foreign_key(
            "fk_record_addressee_id_account", "account", ["addressee_id"], ["id"]
        )
    op.create_index("ix_record_school_reader", "record", ["school_id", "reader"])
    op.create_index("ix_record_addressee_seq", "record", ["addressee_id", "server_seq"])
    op.create_table(
        "invitation",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"], ["account.id"], name="fk_invitation_account_id_account"
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["account.id"], name="fk_invitation_created_by_account"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_invitation"),
        sa.UniqueConstraint("token_hash", name="uq_invitation_token_hash"),
        sa.UniqueConstraint("code_hash", name="uq_invitation_code_hash"),
    )
    op.create_index("ix_invitation_account_id", "invitation", ["account_id"])
    # Feedback already shared with its teacher gets its reader (readers.py holds the rule;
    # a migration keeps its own copy so it never changes under an old database).
    record = sa.table(
        "record",
        sa.column("id", sa.String),
        sa.column("kind", sa.String),
        sa.column("visibility", sa.String),
        sa.column("deleted", sa.Boolean),
        sa.column("data", sa.JSON),
        sa.column("reader", sa.String),
    )
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(record.c.id, record.c.data).where(
            record.c.kind == "feedback", record.c.visibility == "teacher"
        )
    ).all()
    updates = []
    for record_id, data in rows:
        published = data.get("published") if isinstance(data, dict) else None
        email = published.get("teacher_email") if isinstance(published, dict) else None
        if isinstance(email, str) and email.strip():
            updates.append({"b_id": record_id, "b_reader": email.strip().lower()[:254]})
    if updates:
        conn.execute(
            record.update()
            .where(record.c.id == sa.bindparam("b_id"))
            .values(reader=sa.bindparam("b_reader")),
            updates,
        )


def downgrade() -> None:
    op.drop_index("ix_invitation_account_id", table_name="invitation")
    op.drop_table("invitation")
    op.drop_index("ix_record_addressee_seq", table_name="record")
    op.drop_index("ix_record_school_reader", table_name="record")
    with op.batch_alter_table("record") as batch:
        batch.drop_constraint("fk_record_addressee_id_account", type_="foreignkey")
        batch.drop_column("addressee_id")
        batch.drop_column("reader")
