"""Conflicts whose two sides say the same thing (left by earlier versions after a restore):
`observe conflicts --resolve-identical` clears them at once, and a sync clears them itself."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import insert

from observe.cli import main
from observe.clock import utcnow
from observe.store.models import SyncConflict
from observe.sync.records import local_snapshot


@pytest.fixture
def run(capsys, monkeypatch):
    def go(*args: str) -> tuple[int, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
        code = main(list(args))
        return code, capsys.readouterr().out

    return go


def _left_over_conflict(device, record_id: str, theirs_text: str | None = None) -> None:
    """A conflict as an earlier version stored it: both sides the local copy, the server's
    differing only in its version number (or, with ``theirs_text``, really different)."""
    with device.store.write_core() as conn:
        mine = local_snapshot(conn, "evidence", record_id)
        assert mine is not None
        theirs = {**mine, "version": mine["version"] + 1}
        if theirs_text is not None:
            theirs["text"] = theirs_text
        now = utcnow()
        conn.execute(
            insert(SyncConflict.__table__).values(
                record_kind="evidence",
                record_id=record_id,
                status="conflict",
                reason="Someone changed this record on the server first; both versions are kept.",
                mine=mine,
                mine_deleted=False,
                theirs=theirs,
                theirs_deleted=False,
                theirs_version=mine["version"],
                theirs_owner_id=mine["author_id"],
                created_at=now,
                updated_at=now,
            )
        )


def test_resolve_identical_clears_only_conflicts_with_nothing_to_choose(
    sqlite_server, devices, run
):
    laptop, tablet = devices.signed_in_pair(sqlite_server)
    visit = laptop.visit()
    items = [laptop.evidence(visit, f"Item {i}") for i in range(4)]
    laptop.sync()
    tablet.sync()
    _left_over_conflict(tablet, items[0])
    _left_over_conflict(tablet, items[1])
    _left_over_conflict(tablet, items[2], theirs_text="Item 2, as the laptop wrote it")
    _left_over_conflict(tablet, items[3])
    tablet.edit(items[3], "Item 3, edited again since")  # still has to reach the server
    assert [c.identical for c in tablet.conflicts()] == [True, True, False, True]
    tablet.store.close()
    folder = str(tablet.data_dir)

    code, out = run("conflicts", "--data-dir", folder, "--resolve-identical")
    assert code == 0
    assert out.strip() == "Resolved 2 conflicts whose two sides were the same; 2 left."
    code, out = run("conflicts", "--data-dir", folder)
    assert code == 0 and len(out.strip().splitlines()) == 2
    code, out = run("conflicts", "--data-dir", folder, "--resolve-identical")
    assert out.strip() == "Resolved 0 conflicts whose two sides were the same; 2 left."
    code, out = run("conflicts", "--data-dir", folder, "--resolve-identical", "--keep-mine", "3")
    assert code != 0


def test_a_sync_resolves_identical_conflicts_itself(sqlite_server, devices):
    laptop, tablet = devices.signed_in_pair(sqlite_server)
    visit = laptop.visit()
    items = [laptop.evidence(visit, f"Item {i}") for i in range(3)]
    laptop.sync()
    tablet.sync()
    for item in items:
        _left_over_conflict(tablet, item)
    assert len(tablet.conflicts()) == 3
    result = tablet.sync()
    assert result.open_conflicts == 0 and not tablet.conflicts()
    assert tablet.live() == laptop.live()
