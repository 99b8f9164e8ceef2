"""The local store: SQLite through SQLAlchemy, with outbox, migrations and full-text search."""

from observe.store.db import Store, open_profile

__all__ = ["Store", "open_profile"]
