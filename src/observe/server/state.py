"""The server's identity and a school's head seq, read into every authenticated reply."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, func, select, update

from observe.server.schema import school_seq, server_state

_SCHOOL_HEAD = (
    select(school_seq.c.head_seq)
    .where(school_seq.c.school_id == bindparam("school"))
    .scalar_subquery()
)
_STATE = select(
    server_state.c.server_id,
    server_state.c.epoch,
    func.coalesce(_SCHOOL_HEAD, 0).label("head_seq"),
).where(server_state.c.id == 1)
_HIGHEST = select(
    server_state.c.server_id,
    server_state.c.epoch,
    func.coalesce(select(func.max(school_seq.c.head_seq)).scalar_subquery(), 0).label("head_seq"),
).where(server_state.c.id == 1)


def read_state(conn: Connection, school_id: str | None = None) -> dict[str, Any]:
    """``head_seq`` is the caller's school's (seqs are per school); without a school (the
    admin CLI, backups) the highest of any school, for people to read."""
    if school_id is None:
        row = conn.execute(_HIGHEST).one()
    else:
        row = conn.execute(_STATE, {"school": school_id}).one()
    return {"server_id": row.server_id, "epoch": row.epoch, "head_seq": int(row.head_seq)}


def current_state(engine: Engine) -> dict[str, Any]:
    with engine.connect() as conn:
        return read_state(conn)


def new_epoch(engine: Engine) -> dict[str, Any]:
    """Starts a new epoch: clients that see it re-push what this server may lack."""
    with engine.connect().execution_options(immediate=True) as conn, conn.begin():
        conn.execute(
            update(server_state).where(server_state.c.id == 1).values(epoch=str(uuid.uuid4()))
        )
        return read_state(conn)
