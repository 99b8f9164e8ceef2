"""The ``sync_state`` row: which server and account this profile syncs with, and how far.

Read and written with Core on whatever connection the caller has open, so the cursor moves in
the same transaction as the page it describes.

The server's own position (``pull_cursor``, opaque text: a place in each school's sequence)
lives beside the row as a profile setting, so profiles made before it need no migration.
``cursor`` stays the integer position in the coach's school, which the server also sends:
``head_seq < cursor`` is how a server restored from an old file is noticed. Writing ``cursor``
without ``pull_cursor`` clears the latter (a reset to 0 reads everything again).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from observe.store import Store
from observe.store.models import ProfileSetting, SyncState

STATE_ID = 1
PULL_CURSOR_KEY = "sync_pull_cursor"
_table = SyncState.__table__
_settings = ProfileSetting.__table__


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
    pull_cursor: str | None = None

    @property
    def has_account(self) -> bool:
        return bool(self.server_url and self.email)


EMPTY = State(None, None, None, None, None, None, 0, None, None)


def read(conn: Connection) -> State:
    row = conn.execute(select(_table).where(_table.c.id == STATE_ID)).mappings().first()
    if row is None:
        return EMPTY
    pull_cursor = conn.execute(
        select(_settings.c.value).where(_settings.c.key == PULL_CURSOR_KEY)
    ).scalar()
    fields = (k for k in State.__dataclass_fields__ if k != "pull_cursor")
    return State(**{k: row[k] for k in fields}, pull_cursor=pull_cursor)


def write(conn: Connection, **values: Any) -> None:
    """Updates the row, creating it first if this profile never synced."""
    if conn.execute(select(_table.c.id).where(_table.c.id == STATE_ID)).first() is None:
        conn.execute(insert(_table).values(id=STATE_ID, cursor=0))
    if "cursor" in values or "pull_cursor" in values:
        _write_pull_cursor(conn, values.pop("pull_cursor", None))
    if values:
        conn.execute(update(_table).where(_table.c.id == STATE_ID).values(**values))


def _write_pull_cursor(conn: Connection, text: str | None) -> None:
    conn.execute(delete(_settings).where(_settings.c.key == PULL_CURSOR_KEY))
    if text is not None:
        conn.execute(insert(_settings).values(key=PULL_CURSOR_KEY, value=text))


def load(store: Store) -> State:
    with store.engine.connect() as conn:
        return read(conn)


def save(store: Store, **values: Any) -> None:
    with store.write_core() as conn:
        write(conn, **values)
