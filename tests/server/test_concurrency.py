"""Gap-free server_seq under concurrent pushes, and a server killed in the middle of a push."""

from __future__ import annotations

import threading
import time

import httpx
import pytest

from tests.server.helpers import op, pull_all
from tests.serverfixtures import ServerProcess


@pytest.fixture
def pg_two_workers(pg_cluster, tmp_path):
    server = ServerProcess(pg_cluster.new_database(), tmp_path / "server", workers=2)
    server.start()
    yield server
    server.close()


def test_concurrent_pushes_get_gap_free_seqs_and_pulls_never_skip(pg_two_workers):
    server = pg_two_workers
    user = server.add_user()
    writers = [server.login(user, device_name=f"writer {i}") for i in range(6)]
    reader = server.login(user, device_name="reader")
    batches, per_batch = 8, 15
    total = len(writers) * batches * per_batch
    errors: list[str] = []
    pushed_seqs: list[int] = []
    done = threading.Event()

    def write(session):
        with httpx.Client(base_url=server.base_url, headers=session.client.headers) as c:
            for _ in range(batches):
                reply = c.post("/v1/sync/push", json={"ops": [op() for _ in range(per_batch)]})
                if reply.status_code != 200:
                    errors.append(reply.text)
                    return
                pushed_seqs.extend(r["server_seq"] for r in reply.json()["results"])

    pages: list[tuple[int, list[int]]] = []

    def read():
        cursor = 0
        with httpx.Client(base_url=server.base_url, headers=reader.client.headers) as c:
            while not done.is_set() or cursor < total:
                body = c.get("/v1/sync/pull", params={"since": cursor, "limit": 37}).json()
                seqs = [ch["server_seq"] for ch in body["changes"]]
                pages.append((cursor, seqs))
                assert body["head_seq"] >= (seqs[-1] if seqs else cursor)
                cursor = body["next_since"]
                if not seqs:
                    time.sleep(0.005)

    threads = [threading.Thread(target=write, args=(w,)) for w in writers]
    reader_thread = threading.Thread(target=read)
    reader_thread.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    done.set()
    reader_thread.join(120)

    assert errors == []
    assert sorted(pushed_seqs) == list(range(1, total + 1))
    # Every page starts right after the cursor and runs without holes: no committed change
    # was ever skipped by a pull, even while pushes were committing.
    for cursor, seqs in pages:
        if seqs:
            assert seqs == list(range(cursor + 1, cursor + 1 + len(seqs))), (cursor, seqs)
    seen = [s for _, seqs in pages for s in seqs]
    assert seen == list(range(1, total + 1))


def test_server_killed_mid_push_loses_and_duplicates_nothing(observe_server):
    server = observe_server
    session = server.login(server.add_user())
    batches = [[op() for _ in range(400)] for _ in range(4)]
    token = session.token

    def push_all():
        with httpx.Client(
            base_url=server.base_url, headers={"Authorization": f"Bearer {token}"}, timeout=30
        ) as c:
            for batch in batches:
                try:
                    c.post("/v1/sync/push", json={"ops": batch})
                except httpx.HTTPError:
                    return  # the server died under us, as intended

    pusher = threading.Thread(target=push_all)
    pusher.start()
    deadline = time.monotonic() + 20
    while session.client.get("/v1/me").json()["head_seq"] == 0:  # first batch committed
        assert time.monotonic() < deadline
        time.sleep(0.01)
    assert pusher.is_alive()  # later batches still to come or in flight
    server.kill()
    pusher.join(30)
    server.start()

    # The client retries every batch with the same op ids.
    statuses = []
    for batch in batches:
        reply = session.client.post("/v1/sync/push", json={"ops": batch})
        assert reply.status_code == 200, reply.text
        statuses += [r["status"] for r in reply.json()["results"]]
    assert set(statuses) <= {"applied", "duplicate"}
    assert statuses[:400] == ["duplicate"] * 400
    assert len(statuses) == 1600

    records = pull_all(session, limit=1000)
    assert sorted(r["id"] for r in records) == sorted(o["id"] for b in batches for o in b)
    assert {r["version"] for r in records} == {1}
    seqs = sorted(r["server_seq"] for r in records)
    assert seqs == list(range(1, 1601))


def test_simultaneous_edits_of_one_record_apply_once_and_keep_the_rest(observe_server):
    from sqlalchemy import func, select

    from observe.server.schema import conflict
    from tests.server.helpers import evidence_data, push

    user = observe_server.add_user()
    devices = [observe_server.login(user, device_name=f"d{i}") for i in range(8)]
    rid = op()["id"]
    push(devices[0], op(rid))
    barrier = threading.Barrier(len(devices))
    statuses: list[str] = []

    def edit(i, session):
        body = {"ops": [op(rid, base_version=1, data=evidence_data(rid, f"edit {i}"))]}
        barrier.wait()
        reply = session.client.post("/v1/sync/push", json=body)
        statuses.append(reply.json()["results"][0]["status"])

    threads = [threading.Thread(target=edit, args=(i, d)) for i, d in enumerate(devices)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(statuses) == ["applied"] + ["conflict"] * (len(devices) - 1)
    with observe_server.engine.connect() as conn:
        kept = conn.execute(
            select(func.count()).select_from(conflict).where(conflict.c.record_id == rid)
        ).scalar_one()
    assert kept == len(devices) - 1
    latest = next(r for r in pull_all(devices[0]) if r["id"] == rid)
    assert latest["version"] == 2


def test_a_burst_of_syncs_works_on_kept_connections_and_opens_no_others(pg_cluster, tmp_path):
    """Under a burst, a worker works on ``--pool-size`` requests at once on the connections
    it keeps; before, every busy thread (up to 40) took a connection and all but the pool's
    were opened and closed again: on PostgreSQL a backend process each, which under a
    district's load cost more CPU than the syncs themselves."""
    import psycopg

    pool = 2
    url = pg_cluster.new_database()
    server = ServerProcess(url, tmp_path / "server", extra_args=["--pool-size", str(pool)])
    server.start()
    seen: set[tuple[int, object]] = set()  # the server's backends: (pid, started)
    most_at_once = [0]
    errors: list[str] = []
    stop = threading.Event()

    def watch() -> None:
        with psycopg.connect(url.replace("postgresql+psycopg", "postgresql"), autocommit=True) as c:
            while not stop.is_set():
                rows = c.execute(
                    "SELECT pid, backend_start FROM pg_stat_activity "
                    "WHERE application_name = 'observe-server' AND datname = current_database()"
                ).fetchall()
                seen.update((pid, started) for pid, started in rows)
                most_at_once[0] = max(most_at_once[0], len(rows))
                time.sleep(0.005)

    def sync(session, rounds: int = 6) -> None:
        with httpx.Client(base_url=server.base_url, headers=session.client.headers) as c:
            for _ in range(rounds):
                pushed = c.post("/v1/sync/push", json={"ops": [op() for _ in range(5)]})
                pulled = c.get("/v1/sync/pull", params={"limit": 1000})
                if pushed.status_code != 200 or pulled.status_code != 200:
                    errors.append(f"push {pushed.status_code}, pull {pulled.status_code}")

    try:
        user = server.add_user()
        devices = [server.login(user, device_name=f"laptop {i}") for i in range(4)]
        server.engine.dispose()  # the test's own connection (add_user) is not the server's
        watcher = threading.Thread(target=watch)
        watcher.start()
        syncing = [threading.Thread(target=sync, args=(devices[i % 4],)) for i in range(24)]
        for t in syncing:
            t.start()
        for t in syncing:
            t.join(120)
        stop.set()
        watcher.join()
        pulled = pull_all(server.login(user))
    finally:
        stop.set()
        server.close()
    assert errors == []
    assert len(pulled) == 24 * 6 * 5
    assert most_at_once[0] <= pool, f"{most_at_once[0]} connections open at once"
    assert len(seen) <= pool, f"{len(seen)} connections opened for {24 * 6 * 2} requests"
