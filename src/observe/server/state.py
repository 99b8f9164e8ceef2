"""The server's identity and counter (one row), read into every authenticated reply."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Connection, Engine, select, update

from observe.server.schema import server_state

_STATE = select(server_state.c.server_id, server_state.c.epoch, server_state.c.head_seq).where(
    server_state.c.id == 1
)


def read_state(conn: Connection) -> dict[str, Any]:
    row = conn.execute(_STATE).one()
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
