"""One push counter per school instead of one for the whole server.

Every school's counter starts at the server's head, so the records already stored keep their
seqs (unique, now within their school), new ones are numbered after them school by school, and
a client's old integer cursor N means "position N in every school": it pulls nothing again and
misses nothing new.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_school = sa.table("school", sa.column("id", sa.String))
_state = sa.table(
    "server_state",
    sa.column("id", sa.Integer),
    sa.column("epoch", sa.String),
    sa.column("head_seq", sa.BigInteger),
)
_record = sa.table(
    "record",
    sa.column("id", sa.String),
    sa.column("school_id", sa.String),
    sa.column("server_seq", sa.BigInteger),
)


def upgrade() -> None:
    school_seq = op.create_table(
        "school_seq",
        sa.Column("school_id", sa.String(length=36), nullable=False),
        sa.Column("head_seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["school_id"], ["school.id"], name="fk_school_seq_school_id_school"
        ),
        sa.PrimaryKeyConstraint("school_id", name="pk_school_seq"),
    )
    conn = op.get_bind()
    head = conn.execute(sa.select(_state.c.head_seq).where(_state.c.id == 1)).scalar() or 0
    schools = conn.execute(sa.select(_school.c.id)).scalars().all()
    if schools:
        conn.execute(
            sa.insert(school_seq), [{"school_id": s, "head_seq": int(head)} for s in schools]
        )
    with op.batch_alter_table("record") as batch:
        batch.drop_constraint("uq_record_server_seq", type_="unique")
        batch.create_unique_constraint("uq_record_school_seq", ["school_id", "server_seq"])
    with op.batch_alter_table("server_state") as batch:
        batch.drop_column("head_seq")


def downgrade() -> None:
    """Back to one counter. Seqs of different schools may collide by now: then the records are
    numbered again in seq order and a new epoch starts, so every client re-pushes what the
    server may lack and reads everything again (nothing is deleted)."""
    conn = op.get_bind()
    with op.batch_alter_table("record") as batch:
        batch.drop_constraint("uq_record_school_seq", type_="unique")
    rows = conn.execute(
        sa.select(_record.c.id, _record.c.server_seq).order_by(
            _record.c.server_seq, _record.c.school_id, _record.c.id
        )
    ).all()
    school_heads = conn.execute(sa.text("SELECT max(head_seq) FROM school_seq")).scalar()
    head = int(school_heads or 0)
    seqs = [int(seq) for _id, seq in rows]
    if len(set(seqs)) != len(seqs):
        conn.execute(
            sa.update(_record)
            .where(_record.c.id == sa.bindparam("b_id"))
            .values(server_seq=sa.bindparam("b_seq")),
            [{"b_id": rid, "b_seq": n} for n, (rid, _seq) in enumerate(rows, start=1)],
        )
        head = len(rows)
        op.execute(_state.update().values(epoch=str(uuid.uuid4())))
    with op.batch_alter_table("record") as batch:
        batch.create_unique_constraint("uq_record_server_seq", ["server_seq"])
    with op.batch_alter_table("server_state") as batch:
        batch.add_column(sa.Column("head_seq", sa.BigInteger(), nullable=False, server_default="0"))
    with op.batch_alter_table("server_state") as batch:
        batch.alter_column("head_seq", server_default=None)
    op.execute(_state.update().values(head_seq=head))
    op.drop_table("school_seq")
