"""The ``sync_state`` row: which server and account this profile syncs with, and how far.

Read and written with Core on whatever connection the caller has open, so the cursor moves in
the same transaction as the page it describes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from observe.store import Store
from observe.store.models import SyncState

STATE_ID = 1
_table = SyncState.__table__


@dataclass(frozen=True)
class State:
    server_url: str | None
    email: str | None
    user_id: str | None
    user_name: str | None
    server_id: str | None
    epoch: str | None
    cursor: int
    last_synced_at: datetime | None
    last_error: str | None

    @property
    def has_account(self) -> bool:
        return bool(self.server_url and self.email)


EMPTY = State(None, None, None, None, None, None, 0, None, None)


def read(conn: Connection) -> State:
    row = conn.execute(select(_table).where(_table.c.id == STATE_ID)).mappings().first()
    if row is None:
        return EMPTY
    return State(**{k: row[k] for k in State.__dataclass_fields__})


def write(conn: Connection, **values: Any) -> None:
    """Updates the row, creating it first if this profile never synced."""
    if conn.execute(select(_table.c.id).where(_table.c.id == STATE_ID)).first() is None:
        conn.execute(insert(_table).values(id=STATE_ID, cursor=0))
    if values:
        conn.execute(update(_table).where(_table.c.id == STATE_ID).values(**values))


def load(store: Store) -> State:
    with store.engine.connect() as conn:
        return read(conn)


def save(store: Store, **values: Any) -> None:
    with store.write_core() as conn:
        write(conn, **values)
