"""Upgrading a server with records to per-school seqs: nobody downloads anything again.

The server before the change is the real previous code (taken from git: the commit before the
migration to per-school seqs was added), serving a real database; coaches' profiles sync with
it through the previous ``observe`` client. Then the database is migrated and the new server
serves it: a profile synced before pulls nothing new, then exactly the new records, with the
new client and with the old one (which still sends an integer ``since``).
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select, text

from observe.server.db import make_engine
from observe.server.schema import account, applied_op, school_seq
from observe.store.models import Visibility
from tests.serverfixtures import DEFAULT_PASSWORD, ServerProcess, UserAccount
from tests.sync.devices import Device

REPO = Path(__file__).resolve().parents[2]
MIGRATION = "src/observe/server/migrations/versions/0006_school_sequences.py"
KEYRING = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


def _git(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, check=False)


def _previous_code(dest: Path) -> Path:
    """``src`` of the commit before per-school seqs (HEAD while the change is uncommitted)."""
    if _git("rev-parse", "--git-dir").returncode != 0:
        pytest.skip("not a git checkout, so the server code before per-school seqs is absent")
    added = _git("log", "-1", "--diff-filter=A", "--format=%H", "--", MIGRATION).stdout
    rev = f"{added.decode().strip()}^" if added.strip() else "HEAD"
    if rev == "HEAD" and _git("cat-file", "-e", f"HEAD:{MIGRATION}").returncode == 0:
        pytest.skip("shallow history: the commit before per-school seqs is not at hand")
    archive = _git("archive", rev, "src/observe")
    assert archive.returncode == 0, archive.stderr
    dest.mkdir()
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive.stdout, check=True)
    assert not (dest / MIGRATION).exists()
    return dest / "src"


@dataclass
class OldServer(ServerProcess):
    """observe-server as it was: the previous code first on the import path."""

    code: Path = Path()
    keeps_blobs: bool = False  # the previous server kept no images: it has no --blob-dir

    def command(self, *args: str) -> list[str]:
        return ["env", f"PYTHONPATH={self.code}", sys.executable, "-m", "observe.server.cli", *args]


def _observe(code: Path | None, *args: str, stdin: str | None = None) -> str:
    """``observe ARGS`` in its own process: the previous client when ``code`` is given."""
    env = {**os.environ, **KEYRING}
    if code is not None:
        env["PYTHONPATH"] = str(code)
    ran = subprocess.run(
        [sys.executable, "-m", "observe", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "Traceback" not in ran.stderr
    return ran.stdout


def _add_user(server: ServerProcess, email: str, school: str) -> UserAccount:
    ran = server.cli(
        "user", "add", "--email", email, "--name", email.split("@")[0], "--role", "coach",
        "--school", school, "--password-stdin", input=DEFAULT_PASSWORD + "\n",
    )  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    user_id = re.search(r"\(([0-9a-f-]{36})\)", ran.stdout)
    assert user_id, ran.stdout
    return UserAccount(user_id[1], email, DEFAULT_PASSWORD, "coach", school, email)


def _profile_evidence(folder: Path) -> set[str]:
    """Read with bare sqlite3, not ``open_profile``: opening the previous client's profile
    with this code would migrate it to a schema the previous client then refuses."""
    db = sqlite3.connect(f"file:{folder / 'observe.sqlite3'}?mode=ro", uri=True)
    try:
        return {row[0] for row in db.execute("SELECT id FROM evidence WHERE deleted = 0")}
    finally:
        db.close()


def _team_evidence(device: Device, visit: str, n: int, label: str) -> list[str]:
    return [device.evidence(visit, f"{label} {i}", Visibility.TEAM) for i in range(n)]


@pytest.mark.parametrize("database", ["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)])
def test_an_upgraded_server_and_its_clients_download_nothing_again(
    database, request, tmp_path, devices
):
    old_code = _previous_code(tmp_path / "previous")
    if database == "sqlite":
        url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    else:
        url = request.getfixturevalue("pg_cluster").new_database()
    old = OldServer(url, tmp_path / "old-server", code=old_code).start()
    try:
        north = _add_user(old, "north@example.org", "North High")
        colleague = _add_user(old, "colleague@example.org", "North High")
        south = _add_user(old, "south@example.org", "South High")

        # Two schools push in turns, so North's seqs (one counter then) have holes.
        writer, other = devices.new("colleague"), devices.new("south")
        writer.login(old, colleague)
        other.login(old, south)
        team_visit, south_visit = writer.visit(Visibility.TEAM), other.visit(Visibility.TEAM)
        for round_ in range(3):
            _team_evidence(writer, team_visit, 2, f"North {round_}")
            writer.sync()
            _team_evidence(other, south_visit, 2, f"South {round_}")
            other.sync()

        # The coach's two laptops, synced with the previous client.
        laptop, tablet = tmp_path / "laptop", tmp_path / "tablet"
        for folder in (laptop, tablet):
            _observe(
                old_code, "login", "--data-dir", str(folder), "--server", old.base_url,
                "--email", north.email, "--password-stdin", stdin=north.password + "\n",
            )  # fmt: skip
        assert _observe(old_code, "sync", "--data-dir", str(laptop)).startswith(
            "Pushed 0 changes, pulled 10, no conflicts."  # the team visit's 4 rows, 6 evidence
        )
        assert _observe(old_code, "sync", "--data-dir", str(tablet)).startswith(
            "Pushed 0 changes, pulled 10, no conflicts."
        )
        before = _profile_evidence(laptop)
        assert len(before) == 6 and _profile_evidence(tablet) == before
        old.stop()
        backup = tmp_path / "before.jsonl.gz"
        made = old.cli("backup", str(backup))
        assert made.returncode == 0, made.stderr
    finally:
        old.close()

    engine = make_engine(url)
    with engine.connect() as conn:
        old_head = conn.execute(text("SELECT head_seq FROM server_state")).scalar_one()
    engine.dispose()
    assert old_head > 10  # both schools' records and the South visit rows

    new = ServerProcess(url, tmp_path / "new-server", port=old.port)
    migrated = new.cli("migrate")
    assert migrated.returncode == 0, migrated.stderr
    db = Path(url.removeprefix("sqlite:///"))
    saved = tmp_path / "just-migrated"
    if database == "sqlite":
        saved.mkdir()
        for f in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            if f.exists():
                shutil.copy2(f, saved / f.name)
    new.start()
    try:
        # Synced before the upgrade: nothing to pull again, with the new client or the old.
        assert _observe(None, "sync", "--data-dir", str(laptop)).startswith(
            "Pushed 0 changes, pulled 0, no conflicts."
        )
        assert _observe(old_code, "sync", "--data-dir", str(tablet)).startswith(
            "Pushed 0 changes, pulled 0, no conflicts."
        )
        writer.sync()
        other.sync()
        fresh_north = _team_evidence(writer, team_visit, 3, "North after")
        writer.sync()
        _team_evidence(other, south_visit, 2, "South after")
        other.sync()

        # Then exactly the new records of the coach's school.
        out = _observe(None, "sync", "--data-dir", str(laptop))
        assert out.startswith("Pushed 0 changes, pulled 3, no conflicts."), out
        assert "restored" not in out
        assert _observe(old_code, "sync", "--data-dir", str(tablet)).startswith(
            "Pushed 0 changes, pulled 3, no conflicts."
        )
        assert _profile_evidence(laptop) == _profile_evidence(tablet) == before | set(fresh_north)

        # Each school numbers on from the old server-wide head, without holes (every
        # applied op took the next seq of its school; a record keeps its latest).
        with new.engine.connect() as conn:
            rows = conn.execute(
                select(account.c.school_id, applied_op.c.server_seq)
                .join(account, account.c.id == applied_op.c.user_id)
                .where(applied_op.c.status == "applied", applied_op.c.server_seq > old_head)
            ).all()
            heads = dict(conn.execute(select(school_seq.c.school_id, school_seq.c.head_seq)).all())
        by_school: dict[str, list[int]] = {}
        for school_id, seq in rows:
            by_school.setdefault(school_id, []).append(int(seq))
        assert len(by_school) == 2
        for school_id, seqs in by_school.items():
            assert sorted(seqs) == list(range(old_head + 1, heads[school_id] + 1))
            assert len(seqs) >= 2

        # A backup made by the previous server restores with every school's counter at
        # its server-wide head, so the records keep their seqs and clients their positions.
        elsewhere = ServerProcess(f"sqlite:///{tmp_path / 'restored.sqlite3'}", tmp_path / "r")
        restored = elsewhere.cli("restore", str(backup))
        assert restored.returncode == 0, restored.stderr
        with elsewhere.engine.connect() as conn:
            counters = conn.execute(select(school_seq.c.head_seq)).scalars().all()
        elsewhere.close()
        assert counters == [old_head, old_head]

        # A server put back from a copy taken before those records is still noticed:
        # its head is below the laptop's position, so the laptop sends everything again.
        if database == "sqlite":
            new.stop()
            for leftover in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
                leftover.unlink(missing_ok=True)
            for f in saved.iterdir():
                shutil.copy2(f, db.parent / f.name)
            new.start()
            out = _observe(None, "sync", "--data-dir", str(laptop))
            assert "The server had been restored or replaced; everything was sent again." in out
            assert _profile_evidence(laptop) == before | set(fresh_north)
    finally:
        new.close()
