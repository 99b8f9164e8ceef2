"""Recovering records from a real damaged file: wherever the damage is, every readable record
is saved and the ones on damaged pages are counted exactly."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from observe.errors import UsageError
from observe.store import Store, open_profile
from observe.store.models import Evidence, EvidenceKind
from observe.store.recover import recover_profile
from tests.coaching.counts import assert_counts_exact, recounted

from .helpers import make_visit

DB = "observe.sqlite3"
ITEMS = 400


@pytest.fixture
def damaged_source(profile_dir: Path) -> Path:
    store = open_profile(profile_dir)
    visit_id, _ = make_visit(store)
    with store.write() as s:
        s.add_all(
            Evidence(visit_id=visit_id, evidence_kind=EvidenceKind.NOTE, text=f"Item {i} " * 20)
            for i in range(ITEMS)
        )
    store.close()
    return profile_dir / DB


def pages(db: Path, name: str) -> list[tuple[int, int]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "SELECT pageno, ncell FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
            (name,),
        ).fetchall()
    finally:
        conn.close()


def wreck(db: Path, chosen: list[tuple[int, int]]) -> int:
    with db.open("r+b") as fh:
        for pageno, _ in chosen:
            fh.seek((pageno - 1) * 4096)
            fh.write(b"\xa5" * 4096)
    return sum(n for _, n in chosen)


def evidence_in(folder: Path) -> int:
    store: Store = open_profile(folder)
    try:
        return store.counts()["evidence"]
    finally:
        store.close()


@pytest.mark.parametrize("where", ["first", "middle", "last"])
def test_damaged_leaf_pages_cost_only_their_records(damaged_source: Path, tmp_path, where):
    leaves = pages(damaged_source, "evidence")
    chosen = {"first": leaves[:2], "middle": leaves[10:12], "last": leaves[-2:]}[where]
    lost = wreck(damaged_source, chosen)

    recovery = recover_profile(damaged_source, tmp_path / "out")

    assert recovery.unreadable["evidence"] == lost
    assert recovery.saved["evidence"] == ITEMS - lost
    assert evidence_in(tmp_path / "out") == ITEMS - lost
    out = open_profile(tmp_path / "out")
    try:  # the impact view's counts, made by the triggers as the saved rows went in
        assert_counts_exact(out)
        assert sum(n for (_b, lf), (n, _s) in recounted(out)[0].items() if not lf) == ITEMS - lost
    finally:
        out.close()
    assert recovery.sentences()[1] == (
        f"Could not be read (on damaged pages): {lost:,} evidence items."
    )


def test_without_a_readable_index_the_rows_are_still_tried_one_by_one(
    damaged_source: Path, tmp_path: Path
):
    leaves = pages(damaged_source, "evidence")
    lost = wreck(damaged_source, leaves[10:12])
    for index in ("sqlite_autoindex_evidence_1", "ix_evidence_visit_observed"):
        wreck(damaged_source, pages(damaged_source, index)[:1])

    recovery = recover_profile(damaged_source, tmp_path / "out")

    assert recovery.saved["evidence"] == ITEMS - lost
    assert evidence_in(tmp_path / "out") == ITEMS - lost
    assert recovery.unreadable["evidence"] == lost  # rowids are dense: each probe tells


def test_recovery_refuses_a_folder_that_holds_a_profile(damaged_source: Path, tmp_path: Path):
    open_profile(tmp_path / "other").close()
    with pytest.raises(UsageError, match="already holds an Observe profile"):
        recover_profile(damaged_source, tmp_path / "other")
    with pytest.raises(UsageError, match="not into the damaged profile itself"):
        recover_profile(damaged_source, damaged_source.parent)
