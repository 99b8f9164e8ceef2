"""Issue 13, parts 1 and 2: a server restored from an older backup (`observe-server restore
--replace`), two coaches with two devices each, on SQLite and PostgreSQL.

1. A colleague who syncs first after the restore must not become the owner of a shared record
   the server lost: the change waits as a conflict until the author re-pushes, and the
   author's copy, edits and delete stay the author's.
2. The coach's second device re-pushing what the first already re-pushed gets no conflicts:
   a restore costs the coach zero clicks when nothing really differs.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from observe.server.schema import record
from observe.store.models import SYNC_MODELS, Evidence, Visibility
from observe.sync.conflicts import keep_theirs
from observe.sync.records import table
from tests.serverfixtures import ServerProcess, UserAccount
from tests.sync.devices import Device, Devices


def backup(server: ServerProcess, path: Path) -> Path:
    done = server.cli("backup", str(path))
    assert done.returncode == 0, done.stderr
    return path


def restore(server: ServerProcess, path: Path) -> None:
    """The admin's restore: the server stops, loads the backup over its data, starts again."""
    server.stop()
    done = server.cli("restore", "--replace", str(path))
    assert done.returncode == 0, done.stderr
    server.start()


def server_owner(server: ServerProcess, record_id: str) -> str | None:
    with server.engine.connect() as conn:
        return conn.scalar(select(record.c.owner_id).where(record.c.id == record_id))


def two_coaches(
    server: ServerProcess, devices: Devices
) -> tuple[UserAccount, UserAccount, Device, Device, Device, Device]:
    """Ana and Ben of one school, each with a laptop and a tablet signed in."""
    ana = server.add_user(school="Lincoln High")
    ben = server.add_user(school="Lincoln High")
    a1, a2 = devices.new("ana-laptop"), devices.new("ana-tablet")
    b1, b2 = devices.new("ben-laptop"), devices.new("ben-tablet")
    for d, coach in ((a1, ana), (a2, ana), (b1, ben), (b2, ben)):
        d.login(server, coach)
    return ana, ben, a1, a2, b1, b2


def versions(d: Device) -> dict[tuple[str, str], int]:
    out = {}
    with d.store.engine.connect() as conn:
        for model in SYNC_MODELS:
            t = table(model)
            for rid, version in conn.execute(select(t.c.id, t.c.version)):
                out[(model.kind, rid)] = version
    return out


def test_a_colleague_syncing_first_after_a_restore_never_takes_a_shared_record(
    observe_server, devices, tmp_path
):
    server = observe_server
    ana, ben, a1, a2, b1, b2 = two_coaches(server, devices)
    ana_visit = a1.visit()
    anas = a1.evidence(ana_visit, "Ana's own note")
    for d in (a1, a2, b1, b2):
        d.sync()
    old = backup(server, tmp_path / "before-bens-record.jsonl.gz")

    shared_visit = b1.visit(Visibility.TEAM)
    bens = b1.evidence(shared_visit, "Ben's words", Visibility.TEAM)
    for d in (b1, b2, a1, a2):
        d.sync()
    assert a1.text(bens) == a2.text(bens) == "Ben's words"
    assert server_owner(server, bens) == ben.id
    a1.edit(bens, "Ana's words over Ben's")  # the client lets her; the server would refuse
    a2.delete(bens)

    restore(server, old)
    assert server_owner(server, bens) is None
    # Ana's two devices sync first.
    assert a1.sync().recovered
    assert a2.sync().recovered
    assert server_owner(server, bens) is None  # nobody but Ben may bring it back
    for d in (a1, a2):
        [waiting] = d.conflicts()
        assert waiting.record_id == bens and not waiting.has_theirs
        assert "waits here until its author syncs again" in waiting.explanation()
    assert a1.text(bens) == "Ana's words over Ben's"  # her change is kept, not dropped
    assert a2.text(bens) is None

    # Ben re-pushes: his record comes back as his, with his words.
    assert b1.sync().recovered
    assert b2.sync().recovered
    assert server_owner(server, bens) == ben.id
    assert not b1.conflicts() and not b2.conflicts()
    assert b1.text(bens) == b2.text(bens) == "Ben's words"

    # Ana's waiting changes are now ordinary conflicts against Ben's copy.
    for d in (a1, a2):
        d.sync()
        [c] = d.conflicts()
        assert c.has_theirs and c.theirs_owner_id == ben.id
        assert (c.theirs or {}).get("text") == "Ben's words"
        keep_theirs(d.store, c.id)
        d.sync()
    assert a1.text(bens) == a2.text(bens) == "Ben's words"

    # Ben still edits and deletes his record as its owner; Ana's devices follow.
    b2.edit(bens, "Ben's words, edited after the restore")
    b2.sync()
    b1.sync()
    assert not b1.conflicts() and not b2.conflicts()
    a1.sync()
    assert a1.text(bens) == "Ben's words, edited after the restore"
    b1.delete(bens)
    b1.sync()
    for d in (a1, a2, b2):
        d.sync()
        assert d.text(bens) is None
    assert server_owner(server, bens) == ben.id
    assert server_owner(server, anas) == ana.id
    assert not any(d.conflicts() for d in (a1, a2, b1, b2))
    for d in (a1, a2, b1, b2):  # every copy still names Ben as its author
        with d.store.read() as s:
            assert s.get_one(Evidence, bens).author_id == ben.id


def test_the_second_device_after_a_restore_gets_no_identical_conflicts(
    observe_server, devices, tmp_path
):
    server = observe_server
    _ana, _ben, a1, a2, b1, b2 = two_coaches(server, devices)
    visit = a1.visit(Visibility.TEAM)
    items = [a1.evidence(visit, f"Item {i}", Visibility.TEAM) for i in range(72)]
    b1.evidence(b1.visit(Visibility.TEAM), "Ben's shared item", Visibility.TEAM)
    for d in (a1, a2, b1, b2, a1):
        d.sync()
    first = backup(server, tmp_path / "first.jsonl.gz")
    for i in range(5):
        a1.edit(items[i], f"Item {i}, edited after the first backup")
    later = a2.evidence(visit, "Written on the tablet after the first backup", Visibility.TEAM)
    for d in (a1, a2, a1, b1, b2):
        d.sync()
    second = backup(server, tmp_path / "second.jsonl.gz")
    a2.edit(items[10], "Item 10, edited after the second backup")
    for d in (a2, a1, b1, b2):
        d.sync()
    before = {d.name: d.live() for d in (a1, a2, b1, b2)}

    for saved in (first, second):  # two restores, the laptop re-pushing first each time
        restore(server, saved)
        for d in (a1, a2, b1, b2):
            result = d.sync()
            assert result.recovered and result.new_conflicts == 0, (d.name, result.summary())
            assert not d.conflicts(), [c.explanation() for c in d.conflicts()]
        for d in (a1, a2, b1, b2):
            assert d.sync().new_conflicts == 0
            assert not d.conflicts()
        assert {d.name: d.live() for d in (a1, a2, b1, b2)} == before
        assert versions(a1) == versions(a2)  # the version bookkeeping converged too
    assert a2.text(later) == "Written on the tablet after the first backup"
    assert a1.text(items[10]) == "Item 10, edited after the second backup"
    assert b1.live() == b2.live()


def test_changes_made_twice_offline_before_a_restore_do_not_collide(
    sqlite_server, devices, tmp_path
):
    """Two pending changes of one record (made, then shared) become recovery ops together;
    the second must go on top of the first, not conflict with it."""
    server = sqlite_server
    _ana, _ben, a1, a2, b1, _b2 = two_coaches(server, devices)
    visit = a1.visit(Visibility.TEAM)
    old_item = a1.evidence(visit, "Before the backup", Visibility.TEAM)
    for d in (a1, a2, b1):
        d.sync()
    saved = backup(server, tmp_path / "backup.jsonl.gz")
    shared = a1.evidence(visit, "Made, then shared, offline", Visibility.TEAM)  # two changes
    a1.edit(old_item, "Edited once")
    a1.edit(old_item, "Edited twice")
    restore(server, saved)
    result = a1.sync()
    assert result.recovered and result.new_conflicts == 0 and not a1.conflicts()
    for d in (a2, b1):
        assert d.sync().new_conflicts == 0 and not d.conflicts()
        assert d.text(shared) == "Made, then shared, offline"
        assert d.text(old_item) == "Edited twice"
