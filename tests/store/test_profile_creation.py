"""Creating a profile is all or nothing: a kill or power loss part-way never bricks it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from observe.store import open_profile
from observe.store.schema import HEAD_REVISION

DB = "observe.sqlite3"


def observe(*args: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "observe", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
    )


def brick_like_older_versions(profile: Path) -> Path:
    """What a kill 0.35 s into an older Observe's first start left: WAL on, no tables."""
    profile.mkdir()
    db = profile / DB
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode = WAL").fetchone() == ("wal",)
    conn.close()
    assert db.stat().st_size == 4096
    return db


def test_table_less_file_from_an_interrupted_first_start_is_finished(profile_dir: Path):
    brick_like_older_versions(profile_dir)
    store = open_profile(profile_dir)
    try:
        assert store.schema_revision() == HEAD_REVISION
        assert store.is_empty()
    finally:
        store.close()
    assert not (profile_dir / "backups").exists()  # nothing in it was worth a backup


def test_info_finishes_a_bricked_profile_from_the_command_line(tmp_path: Path):
    profile = tmp_path / "p"
    brick_like_older_versions(profile)
    proc = observe("info", "--data-dir", str(profile), cwd=tmp_path)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert f"Schema version:  {HEAD_REVISION}" in out


def test_a_new_profile_leaves_no_temporary_files(profile_dir: Path):
    open_profile(profile_dir).close()
    assert sorted(p.name for p in profile_dir.iterdir()) == [DB]
    conn = sqlite3.connect(profile_dir / DB)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD_REVISION,)
    conn.close()


@pytest.mark.slow
def test_sigkill_at_any_point_of_creation_never_bricks_the_profile(tmp_path: Path):
    # How long a whole first start takes here, so the kills can be spread across it. The
    # first run of a fresh install also compiles every module, so it is not the one timed.
    assert observe("info", "--data-dir", str(tmp_path / "warm"), cwd=tmp_path).wait(120) == 0
    started = time.monotonic()
    first = observe("info", "--data-dir", str(tmp_path / "timing"), cwd=tmp_path)
    assert first.wait(timeout=120) == 0
    whole = time.monotonic() - started

    existed_at_kill: list[bool] = []

    def kill_at(fraction: float) -> None:
        profile = tmp_path / f"p{len(existed_at_kill)}"
        proc = observe("info", "--data-dir", str(profile), cwd=tmp_path)
        time.sleep(whole * fraction)
        existed_at_kill.append((profile / DB).exists())
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=60)

        again = observe("info", "--data-dir", str(profile), cwd=tmp_path)
        out, err = again.communicate(timeout=120)
        assert again.returncode == 0, f"killed at {fraction:.0%}: {err}"
        assert f"Schema version:  {HEAD_REVISION}" in out
        assert not list(profile.glob(".observe-creating-*"))

    for fraction in (0.45, 0.65, 0.8, 0.9, 0.97, 1.1):
        kill_at(fraction)
    # The kills must straddle the creation of the database file; on a machine whose speed
    # changed since the timing run, a few more kills, earlier or later, find the other side.
    for earlier, later in ((0.3, 1.3), (0.2, 1.6), (0.1, 2.0)):
        if all(existed_at_kill):
            kill_at(earlier)
        elif not any(existed_at_kill):
            kill_at(later)
    assert not all(existed_at_kill) and any(existed_at_kill), existed_at_kill
