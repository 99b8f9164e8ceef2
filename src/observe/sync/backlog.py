"""How many local changes are still waiting to be sent, and how many conflicts are open: the
sync status label's figures.

The label asks these from the GUI thread; each is one count, read without a transaction so it
never waits behind a sync's write. They live here, apart from the push and conflict code, so
the window can show them without importing the wire protocol (pydantic) or the HTTP client.
"""

from __future__ import annotations

from sqlalchemy import Connection, func, select

from observe.store import Store
from observe.store.models import OutboxOp, SyncConflict

_outbox = OutboxOp.__table__
_conflict = SyncConflict.__table__


def outbox_count(conn: Connection) -> int:
    return conn.scalar(select(func.count()).select_from(_outbox)) or 0


def waiting_count(store: Store) -> int:
    with store.engine.connect() as conn:
        return outbox_count(conn)


def count_conflicts(store: Store) -> int:
    with store.engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(_conflict)) or 0
