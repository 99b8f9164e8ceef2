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
from urllib.parse import parse_qs

import pytest

from observe.sync import state
from observe.sync.credentials import Credentials
from observe.sync.engine import SyncEngine
from observe.sync.errors import KEPT, TimedOut
from observe.sync.lock import SyncLock
from tests.sync.netfaults import EPOCH, SERVER_ID, Answer, Scripted, Trickle, me_reply

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


def test_a_trickling_sync_stops_at_the_request_deadline(devices):
    server = Scripted(lambda method, path, query: Trickle(me_reply()[2], every=1.0))
    try:
        d = signed_in(devices, server.url)
        d.store.close()
        started = time.monotonic()
        ran = observe("sync", "--data-dir", str(d.data_dir), OBSERVE_REQUEST_DEADLINE="3")
        took = time.monotonic() - started
    finally:
        server.close()
    assert ran.returncode == 5, ran.stderr
    assert ran.stderr.strip() == (
        f"The sync server at {server.url} took longer than 3 seconds to answer, so Observe "
        f"stopped waiting. {KEPT}"
    )
    assert took < 30  # 3 s of trickle plus starting Python, not the 200+ s of the issue


def test_a_server_that_drips_even_its_headers_stops_at_the_request_deadline(devices):
    server = Scripted(lambda method, path, query: Trickle(me_reply()[2], every=0.3, whole=True))
    try:
        d = signed_in(devices, server.url)
        started = time.monotonic()
        with pytest.raises(TimedOut) as caught:
            SyncEngine(d.store, request_deadline=2.0, lock_wait=0).sync()
        took = time.monotonic() - started
    finally:
        server.close()
    assert caught.value.sentence == (
        f"The sync server at {server.url} took longer than 2 seconds to answer, so Observe "
        f"stopped waiting. {KEPT}"
    )
    assert took < 6
    assert lock_is_free(d)


def test_a_trickling_login_stops_at_the_request_deadline(devices, tmp_path):
    server = Scripted(lambda method, path, query: Trickle(b'{"token": "x"}', every=1.0))
    try:
        started = time.monotonic()
        ran = observe(
            "login",
            "--data-dir",
            str(tmp_path / "fresh"),
            "--server",
            server.url,
            "--email",
            "coach@example.org",
            "--password-stdin",
            stdin="secret\n",
            OBSERVE_REQUEST_DEADLINE="2.5",
        )
        took = time.monotonic() - started
    finally:
        server.close()
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

    server = Scripted(answer)
    try:
        d = signed_in(devices, server.url)
        d.store.close()
        ran = observe("sync", "--data-dir", str(d.data_dir), OBSERVE_SYNC_DEADLINE="60")
        pulls = sum(1 for _m, p in server.seen if p.startswith("/v1/sync/pull"))
    finally:
        server.close()
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

    server = Scripted(answer)
    try:
        d = signed_in(devices, server.url)
        started = time.monotonic()
        with pytest.raises(TimedOut) as caught:
            SyncEngine(d.store, deadline=2.0, lock_wait=0).sync()
        took = time.monotonic() - started
        assert caught.value.sentence == (
            "The sync did not finish within 2 seconds (the server or the network is too slow, "
            "or the server never stops sending), so Observe stopped it. What was received so "
            f"far is kept. {KEPT}"
        )
        assert 2.0 <= took < 10
        assert state.load(d.store).last_error == caught.value.sentence
        assert lock_is_free(d)
        # The next sync is not kept waiting by the stopped one (it meets the same server).
        with pytest.raises(TimedOut):
            SyncEngine(d.store, deadline=1.0, lock_wait=0).sync()
    finally:
        server.close()


def test_a_trickle_inside_a_sync_frees_the_lock_by_the_sync_deadline(devices):
    def answer(method: str, path: str, query: str) -> Answer | Trickle:
        if path == "/v1/me":
            return me_reply()
        return Trickle(pull_page(0, 5, more=False)[2], every=0.5)

    server = Scripted(answer)
    try:
        d = signed_in(devices, server.url)
        started = time.monotonic()
        with pytest.raises(TimedOut) as caught:
            SyncEngine(d.store, deadline=2.0, request_deadline=60, lock_wait=0).sync()
        took = time.monotonic() - started
    finally:
        server.close()
    assert caught.value.sentence.startswith("The sync did not finish within 2 seconds")
    assert took < 10
    assert lock_is_free(d)
    assert state.load(d.store).cursor == 0  # nothing half-applied


def test_a_leaders_school_figures_stop_at_the_request_deadline(monkeypatch):
    from observe.errors import ObserveError
    from observe.sync.leader import LeaderSession

    monkeypatch.setenv("OBSERVE_REQUEST_DEADLINE", "2")
    server = Scripted(lambda method, path, query: Trickle(b'{"rows": []}', every=0.5))
    session = LeaderSession(server.url, "leader-token", "School", "Leader")
    try:
        started = time.monotonic()
        with pytest.raises(ObserveError) as caught:
            session.aggregate("visits-per-week", None, None)
        took = time.monotonic() - started
        session.close()  # its best-effort sign-out is bounded too
        closed = time.monotonic() - started
    finally:
        server.close()
    assert caught.value.sentence == (
        f"The server at {server.url} took longer than 2 seconds to send the school figures, "
        "so Observe stopped waiting. Try again later."
    )
    assert took < 6 and closed < 10
