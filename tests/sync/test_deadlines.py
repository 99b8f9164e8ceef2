"""Servers and middleboxes that never finish: every request and every sync ends by a deadline,
with a sentence, and the profile's sync lock is free again afterwards.

Each case runs against a real misbehaving HTTP server on 127.0.0.1 (tests/sync/netfaults.py),
mostly through the real ``observe`` command in its own process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from observe.sync import state
from observe.sync.credentials import Credentials
from observe.sync.engine import SyncEngine
from observe.sync.errors import KEPT, TimedOut
from observe.sync.lock import SyncLock
from tests.sync.netfaults import EPOCH, SERVER_ID, Answer, Scripted, Trickle, me_reply

Script = Callable[[str, str, str], Answer | Trickle]

JSON = {"Content-Type": "application/json"}


def observe(*args: str, stdin: str | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "observe", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", **env},
    )


def login_command(url: str, data_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``observe login`` as a coach types it (password on stdin) against ``url``."""
    return observe(
        "login",
        "--data-dir",
        str(data_dir),
        "--server",
        url,
        "--email",
        "coach@example.org",
        "--password-stdin",
        stdin="secret\n",
        **env,
    )


def signed_in(devices, url: str):
    """A profile that believes it is signed in to ``url``, closed so a subprocess may use it."""
    d = devices.new("laptop")
    state.save(d.store, server_url=url, email="coach@example.org", user_id=None)
    Credentials(d.data_dir).save(url, "coach@example.org", "not-a-real-token")
    return d


def pull_page(since: int, next_since: int, more: bool = True) -> Answer:
    body = {
        "server_id": SERVER_ID,
        "epoch": EPOCH,
        "head_seq": 10**6,
        "changes": [],
        "next_since": next_since,
        "more": more,
    }
    return 200, JSON, json.dumps(body).encode()


def since_of(query: str) -> int:
    return int(parse_qs(query)["since"][0])


def lock_is_free(device) -> bool:
    try:
        with SyncLock(device.data_dir, wait=0):
            return True
    except Exception:
        return False


@contextmanager
def serving(answer: Script) -> Iterator[Scripted]:
    """A scripted server on 127.0.0.1 for the block, closed whatever the block does."""
    server = Scripted(answer)
    try:
        yield server
    finally:
        server.close()


def sync_command(device, **env: str) -> tuple[subprocess.CompletedProcess[str], float]:
    """``observe sync`` on ``device``'s profile in its own process (the store closed first, as
    the coach's app would be), and how long it took in seconds."""
    device.store.close()
    started = time.monotonic()
    ran = observe("sync", "--data-dir", str(device.data_dir), **env)
    return ran, time.monotonic() - started


def timed_out_sync(device, **engine: float) -> tuple[TimedOut, float]:
    """A sync in this process that must stop with TimedOut: the error and the seconds taken."""
    started = time.monotonic()
    with pytest.raises(TimedOut) as caught:
        SyncEngine(device.store, lock_wait=0, **engine).sync()
    return caught.value, time.monotonic() - started


def test_a_trickling_sync_stops_at_the_request_deadline(devices):
    with serving(lambda method, path, query: Trickle(me_reply()[2], every=1.0)) as server:
        ran, took = sync_command(signed_in(devices, server.url), OBSERVE_REQUEST_DEADLINE="3")
    assert ran.returncode == 5, ran.stderr
    assert ran.stderr.strip() == (
        f"The sync server at {server.url} took longer than 3 seconds to answer, so Observe "
        f"stopped waiting. {KEPT}"
    )
    assert took < 30  # 3 s of trickle plus starting Python, not the 200+ s of the issue


def test_a_server_that_drips_even_its_headers_stops_at_the_request_deadline(devices):
    def drip(method: str, path: str, query: str) -> Trickle:
        return Trickle(me_reply()[2], every=0.3, whole=True)

    with serving(drip) as server:
        d = signed_in(devices, server.url)
        error, took = timed_out_sync(d, request_deadline=2.0)
    assert error.sentence == (
        f"The sync server at {server.url} took longer than 2 seconds to answer, so Observe "
        f"stopped waiting. {KEPT}"
    )
    assert took < 6
    assert lock_is_free(d)


def test_a_trickling_login_stops_at_the_request_deadline(devices, tmp_path):
    with serving(lambda method, path, query: Trickle(b'{"token": "x"}', every=1.0)) as server:
        started = time.monotonic()
        ran = login_command(server.url, tmp_path / "fresh", OBSERVE_REQUEST_DEADLINE="2.5")
        took = time.monotonic() - started
    assert ran.returncode == 5, ran.stderr
    assert ran.stderr.strip() == (
        f"The sync server at {server.url} took longer than 2.5 seconds to answer, so Observe "
        "stopped waiting. Check the address and your network, then try again."
    )
    assert took < 30


def test_a_pull_whose_cursor_never_moves_is_an_error_and_frees_the_lock(devices):
    def answer(method: str, path: str, query: str) -> Answer:
        if path == "/v1/me":
            return me_reply()
        since = since_of(query)
        return pull_page(since, since, more=True)  # "more", but from the same place forever

    with serving(answer) as server:
        ran, _took = sync_command(signed_in(devices, server.url), OBSERVE_SYNC_DEADLINE="60")
        pulls = sum(1 for _m, p in server.seen if p.startswith("/v1/sync/pull"))
    assert ran.returncode == 5, ran.stderr
    assert ran.stderr.strip() == (
        f"The sync server at {server.url} said it had more changes but did not move on from "
        "the last ones, so Observe stopped pulling. Tell your server's administrator, and try "
        f"again later. {KEPT}"
    )
    assert pulls == 1


def test_a_pull_that_creeps_forever_stops_at_the_sync_deadline_and_frees_the_lock(devices):
    def answer(method: str, path: str, query: str) -> Answer:
        if path == "/v1/me":
            return me_reply()
        time.sleep(0.05)
        since = since_of(query)
        return pull_page(since, since + 1, more=True)  # always one more, never the end

    with serving(answer) as server:
        d = signed_in(devices, server.url)
        error, took = timed_out_sync(d, deadline=2.0)
        assert error.sentence == (
            "The sync did not finish within 2 seconds (the server or the network is too slow, "
            "or the server never stops sending), so Observe stopped it. What was received so "
            f"far is kept. {KEPT}"
        )
        assert 2.0 <= took < 10
        assert state.load(d.store).last_error == error.sentence
        assert lock_is_free(d)
        # The next sync is not kept waiting by the stopped one (it meets the same server).
        timed_out_sync(d, deadline=1.0)


def test_a_trickle_inside_a_sync_frees_the_lock_by_the_sync_deadline(devices):
    def answer(method: str, path: str, query: str) -> Answer | Trickle:
        if path == "/v1/me":
            return me_reply()
        return Trickle(pull_page(0, 5, more=False)[2], every=0.5)

    with serving(answer) as server:
        d = signed_in(devices, server.url)
        error, took = timed_out_sync(d, deadline=2.0, request_deadline=60)
    assert error.sentence.startswith("The sync did not finish within 2 seconds")
    assert took < 10
    assert lock_is_free(d)
    assert state.load(d.store).cursor == 0  # nothing half-applied


def test_a_leaders_school_figures_stop_at_the_request_deadline(monkeypatch):
    from observe.errors import ObserveError
    from observe.sync.leader import LeaderSession

    monkeypatch.setenv("OBSERVE_REQUEST_DEADLINE", "2")
    with serving(lambda method, path, query: Trickle(b'{"rows": []}', every=0.5)) as server:
        session = LeaderSession(server.url, "leader-token", "School", "Leader")
        started = time.monotonic()
        with pytest.raises(ObserveError) as caught:
            session.aggregate("visits-per-week", None, None)
        took = time.monotonic() - started
        session.close()  # its best-effort sign-out is bounded too
        closed = time.monotonic() - started
    assert caught.value.sentence == (
        f"The server at {server.url} took longer than 2 seconds to send the school figures, "
        "so Observe stopped waiting. Try again later."
    )
    assert took < 6 and closed < 10
