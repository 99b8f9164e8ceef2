"""The local store: SQLite through SQLAlchemy, with outbox, migrations and full-text search.

``Store`` and ``open_profile`` load on first use (PEP 562): the window's first screens are read
with the standard library's ``sqlite3`` (:mod:`observe.store.first_screens`) before SQLAlchemy
is imported at all, and importing a light module of this package must not bring it in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from observe.store.db import Store, open_profile

__all__ = ["Store", "open_profile"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from observe.store import db

        return getattr(db, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
