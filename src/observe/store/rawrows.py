"""Many rows read straight from the session's sqlite3 connection.

SQLAlchemy wraps every fetched row (a Row object, type processors per column): for the impact
view's 100,000-row reads that wrapping took longer than SQLite's own work. These helpers read
on the same connection, so in the session's own transaction, and convert times exactly as
:class:`observe.store.types.UTCDateTime` does.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from sqlalchemy.orm import Session

from observe.clock import as_utc


def driver(s: Session) -> sqlite3.Connection:
    """The session's sqlite3 connection (its transaction begun, as any query would)."""
    conn = s.connection().connection.driver_connection
    assert isinstance(conn, sqlite3.Connection)
    return conn


def stored_time(moment: datetime) -> str:
    """A time as the store writes it: naive UTC text, "2026-09-14 13:05:00.000000"."""
    utc = as_utc(moment).replace(tzinfo=None)
    return f"{utc:%Y-%m-%d %H:%M:%S}.{utc.microsecond:06d}"


def read_time(text: str) -> datetime:
    """A stored time as UTCDateTime hands it back (aware, UTC)."""
    return as_utc(datetime.fromisoformat(text))
