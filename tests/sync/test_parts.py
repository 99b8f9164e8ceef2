"""The small parts: retry delays, the one-sync-at-a-time lock, the token file."""

from __future__ import annotations

import random
import stat
import subprocess
import sys
import time

import pytest

from observe.sync.backoff import Backoff
from observe.sync.credentials import Credentials
from observe.sync.engine import SyncEngine
from observe.sync.errors import SyncBusy
from observe.sync.lock import SyncLock


def test_backoff_doubles_from_2_s_to_5_min_with_full_jitter():
    b = Backoff(base=2, cap=300, rng=random.Random(7))
    ceilings, delays = [], []
    for _ in range(12):
        delays.append(b.next_delay())
        ceilings.append(b.ceiling())
    assert ceilings[:4] == [2, 4, 8, 16] and ceilings[-1] == 300
    assert all(b.floor <= d <= c for d, c in zip(delays, ceilings, strict=True))
    assert len({round(d, 3) for d in delays}) == len(delays)  # jittered, not fixed steps
    assert b.next_delay(at_least=120) >= 120  # a server's Retry-After wins
    b.reset()
    assert b.ceiling() == 2


def test_a_second_sync_of_the_same_profile_waits_then_says_so(devices):
    d = devices.new("laptop")
    with SyncLock(d.data_dir):
        start = time.monotonic()
        with pytest.raises(SyncBusy) as caught:
            SyncEngine(d.store, lock_wait=0.3).sync()
        assert time.monotonic() - start >= 0.3
    assert "Another sync of this profile is still running" in caught.value.sentence


def test_the_lock_holds_across_processes(devices):
    d = devices.new("laptop")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from observe.sync.lock import SyncLock\n"
            f"with SyncLock(Path({str(d.data_dir)!r})):\n"
            "    print('held', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(SyncBusy), SyncLock(d.data_dir, wait=0.2):
            pass
    finally:
        holder.kill()
        holder.wait()
    with SyncLock(d.data_dir, wait=2):  # a killed holder leaves no stale lock
        pass


def test_token_file_is_owner_only_and_goes_away_with_the_last_token(tmp_path):
    creds = Credentials(tmp_path)
    assert creds.save("https://a", "Zoe@Example.org", "t1") == "file"
    creds.save("https://b", "zoe@example.org", "t2")
    assert stat.S_IMODE(creds.path.stat().st_mode) == 0o600
    assert creds.load("https://a", "zoe@example.org") == "t1"
    creds.delete("https://a", "zoe@example.org")
    assert creds.load("https://a", "zoe@example.org") is None
    assert creds.load("https://b", "zoe@example.org") == "t2"
    creds.delete("https://b", "zoe@example.org")
    assert not creds.path.exists()
