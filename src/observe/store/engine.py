"""The profile's SQLite engine: the pragmas every connection gets, how transactions begin,
and the per-transaction durability switch. Kept apart from ``observe.store.db`` (which decides
whether and how a profile may be opened) so the durability promise every write relies on sits
in one short module that can be checked against SQLite's rules at a glance."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from observe.store.sqlite_file import readonly_connect

BUSY_TIMEOUT_MS = 5000


def _pragmas(*, wal: bool) -> Any:
    def set_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # Take transaction control away from the sqlite3 module; the "begin" hook issues BEGIN.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if wal:
            cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    return set_pragmas


def _begin(conn: Any) -> None:
    # Writers take the lock up front so a read-then-write transaction can't fail half-way
    # with SQLITE_BUSY when another connection (a backup, the sync worker) is writing.
    if conn.get_execution_options().get("immediate"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


BULK_CHECKPOINT_PAGES = 4000
"""How long the log may grow (pages of 4 KiB) during non-durable writes before SQLite copies
it into the database file; 1,000 (SQLite's default) otherwise."""
_CHECKPOINT_PAGES = 1000


def _synchronous(
    conn: Connection, level: str, *, checkpoint_pages: int = _CHECKPOINT_PAGES
) -> bool:
    """Sets SQLite's ``synchronous`` (and how often the log is checkpointed) on the driver
    connection, outside any transaction (the SQLAlchemy connection would begin one for a
    statement). Only in WAL mode: with a rollback journal ``NORMAL`` could leave a damaged
    file after a power cut, so it stays ``FULL``. Returns whether the level was set."""
    raw = conn.connection.driver_connection
    assert raw is not None
    if level != "FULL" and raw.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        return False
    raw.execute(f"PRAGMA synchronous = {level}")
    raw.execute(f"PRAGMA wal_autocheckpoint = {int(checkpoint_pages)}")
    return True


def make_engine(database: Path, *, read_only: bool = False, wal: bool = True) -> Engine:
    """The profile's engine; ``read_only`` opens the file with SQLite's ``mode=ro``.

    ``wal=False`` keeps the rollback journal: a new profile is built that way under a temporary
    name so it is one self-contained file when it is renamed into place.
    """
    if read_only:
        engine = create_engine(
            "sqlite://",
            creator=lambda: readonly_connect(database, check_same_thread=False),
            poolclass=QueuePool,  # "sqlite://" alone would mean one in-memory connection
        )
    else:
        engine = create_engine(f"sqlite:///{database}", future=True)
    event.listen(engine, "connect", _pragmas(wal=wal and not read_only))
    event.listen(engine, "begin", _begin)
    return engine
