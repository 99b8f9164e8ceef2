"""A server restored from an older backup or replaced by an empty one; the mass-delete guard."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from observe.store.models import Evidence
from observe.sync import state
from observe.sync.account import login
from observe.sync.errors import MassDeleteStopped, ServerUnreachable
from tests.sync.netfaults import Proxy


def _db_files(server) -> list[Path]:
    db = Path(server.database_url.removeprefix("sqlite:///"))
    return [p for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")) if p.exists()]


def _copy_database(server, dest: Path) -> None:
    dest.mkdir()
    for f in _db_files(server):
        shutil.copy2(f, dest / f.name)


def _put_back(server, saved: Path) -> None:
    for f in _db_files(server):
        f.unlink()
    db = Path(server.database_url.removeprefix("sqlite:///"))
    for f in saved.iterdir():
        shutil.copy2(f, db.parent / f.name)


def test_server_restored_from_an_older_file_copy_gets_everything_back(
    sqlite_server, devices, tmp_path
):
    coach = sqlite_server.add_user()
    proxy = Proxy(sqlite_server.base_url)  # one address for the server across restarts
    try:
        a, b = devices.new("laptop"), devices.new("tablet")
        login(a.store, proxy.url, coach.email, coach.password)
        login(b.store, proxy.url, coach.email, coach.password)
        visit = a.visit()
        early = [a.evidence(visit, f"Early {i}") for i in range(10)]
        a.sync()
        b.sync()

        sqlite_server.stop()
        _copy_database(sqlite_server, tmp_path / "old-copy")
        sqlite_server.start()
        proxy.upstream = sqlite_server.base_url
        late = [a.evidence(visit, f"Late {i}") for i in range(10)]
        a.edit(early[0], "Early 0, edited after the backup")
        a.sync()
        from_b = b.evidence(visit, "Written on the tablet after the backup")
        b.sync()
        a.sync()
        before = a.live()

        sqlite_server.stop()
        _put_back(sqlite_server, tmp_path / "old-copy")
        sqlite_server.start()
        proxy.upstream = sqlite_server.base_url

        result = a.sync()
        assert result.recovered
        assert a.live() == before  # nothing deleted or rolled back here
        b.sync()
        a.sync()
    finally:
        proxy.close()
    fresh = devices.new("new-laptop")
    fresh.login(sqlite_server, coach)
    fresh.sync()
    assert fresh.live() == a.live() == before
    assert fresh.text(early[0]) == "Early 0, edited after the backup"
    assert fresh.text(from_b) == "Written on the tablet after the backup"
    assert all(fresh.text(i) for i in late)
    assert b.live() == a.live()


def test_backup_and_restore_command_starts_a_new_epoch_and_every_coach_repushes(
    sqlite_server, devices, tmp_path
):
    ana = sqlite_server.add_user()
    ben = sqlite_server.add_user()
    proxy = Proxy(sqlite_server.base_url)
    try:
        a, b = devices.new("ana"), devices.new("ben")
        login(a.store, proxy.url, ana.email, ana.password)
        login(b.store, proxy.url, ben.email, ben.password)
        va = a.visit()
        a.evidence(va, "Ana before the backup")
        vb = b.visit()
        b.evidence(vb, "Ben before the backup")
        a.sync()
        b.sync()
        backup = tmp_path / "server-backup.jsonl.gz"
        done = sqlite_server.cli("backup", str(backup))
        assert done.returncode == 0, done.stderr
        a.evidence(va, "Ana after the backup")
        b.evidence(vb, "Ben after the backup")
        a.sync()
        b.sync()
        epoch = state.load(a.store).epoch

        sqlite_server.stop()
        done = sqlite_server.cli("restore", "--replace", str(backup))
        assert done.returncode == 0, done.stderr
        sqlite_server.start()
        proxy.upstream = sqlite_server.base_url
        ana_before, ben_before = a.live(), b.live()
        assert a.sync().recovered and b.sync().recovered
        assert state.load(a.store).epoch != epoch
    finally:
        proxy.close()
    assert a.live() == ana_before and b.live() == ben_before
    for user, device in ((ana, a), (ben, b)):
        fresh = devices.new(f"fresh-{device.name}")
        fresh.login(sqlite_server, user)
        fresh.sync()
        assert fresh.live() == device.live()


def test_a_new_empty_server_deletes_nothing_and_gets_everything(sqlite_server, devices, tmp_path):
    from tests.serverfixtures import ServerProcess

    coach = sqlite_server.add_user(email="zoe@example.org")
    a, b = devices.new("laptop"), devices.new("tablet")
    a.login(sqlite_server, coach)
    b.login(sqlite_server, coach)
    visit = a.visit()
    for i in range(30):
        a.evidence(visit, f"Item {i}")
    b.evidence(b.visit(), "From the tablet")
    a.sync()
    b.sync()
    a.sync()
    everything = a.live()

    fresh_server = ServerProcess(f"sqlite:///{tmp_path / 'new.sqlite3'}", tmp_path / "new")
    fresh_server.start()
    try:
        again = fresh_server.add_user(email="zoe@example.org")
        assert again.id != coach.id
        # The old server is gone for good; the coach signs in to the new one.
        sqlite_server.stop()
        with pytest.raises(ServerUnreachable):
            b.sync()
    except Exception:
        fresh_server.close()
        raise
    try:
        a.login(fresh_server, again)
        result = a.sync()
        assert result.recovered and result.deleted == 0
        b.login(fresh_server, again)
        assert b.sync().recovered
        a.sync()
        c = devices.new("new-laptop")
        c.login(fresh_server, again)
        c.sync()
    finally:
        fresh_server.close()
    renamed = {k: {**v, "author_id": again.id} for k, v in everything.items()}
    assert a.live() == b.live() == c.live() == renamed


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "observe", *args], capture_output=True, text=True, timeout=120
    )


def test_mass_delete_guard_stops_before_deleting_and_the_cli_exits_4(sqlite_server, devices):
    a, b = devices.signed_in_pair(sqlite_server)
    visit = a.visit()
    items = [a.evidence(visit, f"Item {i}") for i in range(80)]
    a.sync()
    b.sync()
    for item in items[:10]:
        a.delete(item)
    a.sync()
    assert b.sync().deleted == 10  # a few deletions need no question

    for item in items[10:75]:
        a.delete(item)
    a.evidence(visit, "Written while deleting")
    a.sync()
    with pytest.raises(MassDeleteStopped) as caught:
        b.sync()
    assert "delete 65 of your 74 records" in caught.value.sentence
    with b.store.read() as s:
        assert len(list(s.scalars(select(Evidence.id).where(Evidence.deleted.is_(False))))) == 70
    b.store.close()

    refused = _cli("sync", "--data-dir", str(b.data_dir))
    assert refused.returncode == 4
    assert "stopped before deleting anything" in refused.stderr
    allowed = _cli("sync", "--data-dir", str(b.data_dir), "--allow-mass-delete")
    assert allowed.returncode == 0, allowed.stderr
    assert "65 deleted here" in allowed.stdout
    from observe.store import open_profile

    b.store = open_profile(b.data_dir)
    assert b.live() == a.live()
