"""``Store.write_core(durable=False)``: what a pulled page uses (issue 18). It commits without
waiting for the disk, but only in WAL mode, only for that one transaction, and the connection
goes back to the pool as durable as every other one (synchronous=FULL)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Connection

from observe.store import Store
from observe.store.engine import BULK_CHECKPOINT_PAGES, _synchronous, make_engine

FULL, NORMAL = 2, 1


def _level(conn: Connection) -> int:
    raw = conn.connection.driver_connection
    assert raw is not None
    return int(raw.execute("PRAGMA synchronous").fetchone()[0])


def _checkpoint_pages(conn: Connection) -> int:
    raw = conn.connection.driver_connection
    assert raw is not None
    return int(raw.execute("PRAGMA wal_autocheckpoint").fetchone()[0])


def _every_pooled_level(store: Store) -> set[int]:
    # Check out several connections at once, so each pooled one is asked, not the same twice.
    conns = [store.engine.connect() for _ in range(4)]
    try:
        return {(_level(c), _checkpoint_pages(c)) for c in conns}
    finally:
        for c in conns:
            c.close()


def _names(store: Store) -> list[str]:
    with store.engine.connect() as conn:
        return [
            n for (n,) in conn.exec_driver_sql("SELECT value FROM profile_setting ORDER BY key")
        ]


def test_non_durable_write_commits_and_every_connection_stays_full(store: Store) -> None:
    with store.write_core(durable=False) as conn:
        assert _level(conn) == NORMAL
        assert _checkpoint_pages(conn) == BULK_CHECKPOINT_PAGES
        conn.exec_driver_sql("INSERT INTO profile_setting (key, value) VALUES ('test.a', 'kept')")
    assert "kept" in _names(store)  # committed, seen from another connection
    assert _every_pooled_level(store) == {(FULL, 1000)}
    with store.write_core() as conn:  # the default is durable
        assert _level(conn) == FULL


def test_failed_non_durable_write_rolls_back_and_stays_full(store: Store) -> None:
    with pytest.raises(RuntimeError), store.write_core(durable=False) as conn:
        conn.exec_driver_sql("INSERT INTO profile_setting (key, value) VALUES ('test.b', 'undone')")
        raise RuntimeError("the page failed")
    assert "undone" not in _names(store)
    assert _every_pooled_level(store) == {(FULL, 1000)}


def test_rollback_journal_is_never_made_non_durable(tmp_path: Path) -> None:
    """With a rollback journal (a profile being built) NORMAL could damage the file on a
    power cut: the level stays FULL."""
    engine = make_engine(tmp_path / "building.sqlite3", wal=False)
    try:
        with engine.connect() as conn:
            assert _synchronous(conn, "NORMAL") is False
            assert _level(conn) == FULL
    finally:
        engine.dispose()
