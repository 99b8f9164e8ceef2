"""Coaching GUI tests use per-test profiles copied from one migrated template (see fast_store)."""

from tests.coaching.fast_store import migrated_database, store

__all__ = ["migrated_database", "store"]
