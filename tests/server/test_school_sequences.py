"""One push counter per school: gap-free per school, no reader skips, schools never queue on
each other, and the pull cursor (opaque, one position per school) next to the old integer one."""

from __future__ import annotations

import threading
import time
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from observe.server.schema import school_seq
from tests.server.helpers import op, push
from tests.serverfixtures import ServerProcess


@pytest.fixture
def pg_two_workers(pg_cluster, tmp_path):
    server = ServerProcess(pg_cluster.new_database(), tmp_path / "server", workers=2)
    server.start()
    yield server
    server.close()


def _school_id(server: ServerProcess, user_id: str) -> str:
    from observe.server.schema import account

    with server.engine.connect() as conn:
        return conn.execute(select(account.c.school_id).where(account.c.id == user_id)).scalar_one()


def test_concurrent_pushes_of_two_schools_are_gap_free_per_school_and_readers_skip_nothing(
    pg_two_workers,
):
    """Coaches of two schools push team records at once (two worker processes, PostgreSQL)
    while a colleague in each school pulls in a tight loop with the opaque cursor: each
    school's seqs run 1..n without a hole, and each reader ends with every record of its
    school exactly once and nothing of the other school."""
    server = pg_two_workers
    schools = ("North High", "South High")
    writers = {s: [server.login(server.add_user(school=s)) for _ in range(3)] for s in schools}
    readers = {s: server.login(server.add_user(school=s)) for s in schools}
    batches, per_batch = 6, 12
    total = 3 * batches * per_batch  # per school
    errors: list[str] = []
    pushed: dict[str, list[tuple[str, int]]] = {s: [] for s in schools}
    done = threading.Event()

    def write(school: str, session: Any) -> None:
        with httpx.Client(base_url=server.base_url, headers=session.client.headers) as c:
            for _ in range(batches):
                ops = [op(visibility="team") for _ in range(per_batch)]
                reply = c.post("/v1/sync/push", json={"ops": ops})
                if reply.status_code != 200:
                    errors.append(reply.text)
                    return
                results = reply.json()["results"]
                pushed[school] += [
                    (o["id"], r["server_seq"]) for o, r in zip(ops, results, strict=True)
                ]

    seen: dict[str, list[dict[str, Any]]] = {s: [] for s in schools}
    holes: list[tuple[str, int, list[int]]] = []

    def read(school: str, session: Any) -> None:
        position, cursor = 0, None
        with httpx.Client(base_url=server.base_url, headers=session.client.headers) as c:
            while not done.is_set() or position < total:
                params: dict[str, Any] = {"limit": 29}
                if cursor is not None:
                    params["cursor"] = cursor
                body = c.get("/v1/sync/pull", params=params).json()
                seqs = [ch["server_seq"] for ch in body["changes"]]
                if seqs != list(range(position + 1, position + 1 + len(seqs))):
                    holes.append((school, position, seqs))
                if body["head_seq"] < (seqs[-1] if seqs else position):
                    holes.append((school, body["head_seq"], seqs))
                seen[school] += body["changes"]
                position, cursor = body["next_since"], body["next_cursor"]
                if not seqs:
                    time.sleep(0.003)

    threads = [threading.Thread(target=write, args=(s, w)) for s in schools for w in writers[s]]
    reader_threads = [threading.Thread(target=read, args=(s, readers[s])) for s in schools]
    for t in reader_threads + threads:
        t.start()
    for t in threads:
        t.join(120)
    done.set()
    for t in reader_threads:
        t.join(120)

    assert errors == []
    assert holes == []
    for school in schools:
        assert sorted(seq for _, seq in pushed[school]) == list(range(1, total + 1))
        got = [ch["id"] for ch in seen[school]]
        assert len(got) == len(set(got)) == total
        assert set(got) == {rid for rid, _ in pushed[school]}
        assert [ch["server_seq"] for ch in seen[school]] == list(range(1, total + 1))
    with server.engine.connect() as conn:
        heads = dict(conn.execute(select(school_seq.c.school_id, school_seq.c.head_seq)).all())
    assert sorted(heads.values()) == [total, total]


def test_a_push_waits_only_for_its_own_schools_lock(pg_server):
    """While a transaction holds North's counter row, a South coach's push goes through and a
    North coach's push waits until the lock is let go, then follows it in North's order."""
    north = pg_server.login(pg_server.add_user(school="North"))
    south = pg_server.login(pg_server.add_user(school="South"))
    push(north, op())  # North at seq 1
    north_school = _school_id(pg_server, north.user.id)
    held = pg_server.engine.connect()
    tx = held.begin()
    held.execute(
        select(school_seq.c.head_seq)
        .where(school_seq.c.school_id == north_school)
        .with_for_update()
    ).one()
    waited: list[dict[str, Any]] = []
    blocked = threading.Thread(target=lambda: waited.append(push(north, op())))
    try:
        blocked.start()
        started = time.monotonic()
        reply = push(south, op())
        assert time.monotonic() - started < 5
        assert reply["results"][0]["server_seq"] == 1  # South's own sequence
        time.sleep(0.5)
        assert blocked.is_alive() and waited == []  # North queues behind the lock
    finally:
        tx.rollback()
        held.close()
    blocked.join(30)
    assert waited and waited[0]["results"][0]["server_seq"] == 2
    assert waited[0]["head_seq"] == 2


def test_the_opaque_cursor_and_the_old_integer_since_read_the_same(observe_server):
    server = observe_server
    me = server.login(server.add_user(school="East"))
    other = server.login(server.add_user(school="West"))
    for _ in range(5):
        push(me, op())
    push(other, op(), op())
    first = me.client.get("/v1/sync/pull", params={"since": 0, "limit": 2}).json()
    assert [c["server_seq"] for c in first["changes"]] == [1, 2]
    assert first["next_since"] == 2 and first["more"] is True and first["head_seq"] == 5
    cursor = first["next_cursor"]
    assert isinstance(cursor, str) and cursor != "2"
    by_cursor = me.client.get("/v1/sync/pull", params={"cursor": cursor, "limit": 10}).json()
    by_since = me.client.get("/v1/sync/pull", params={"since": 2, "limit": 10}).json()
    assert by_cursor["changes"] == by_since["changes"]
    assert [c["server_seq"] for c in by_cursor["changes"]] == [3, 4, 5]
    # The cursor wins over since when both come (clients send both, for older servers).
    both = me.client.get("/v1/sync/pull", params={"cursor": cursor, "since": 4}).json()
    assert [c["server_seq"] for c in both["changes"]] == [3, 4, 5]
    # Nothing new: the same position comes back, so the client stops.
    end = by_cursor["next_cursor"]
    idle = me.client.get("/v1/sync/pull", params={"cursor": end}).json()
    assert idle["changes"] == [] and idle["next_cursor"] == end and idle["next_since"] == 5
    # West numbers its own records from 1.
    west = other.client.get("/v1/sync/pull").json()
    assert [c["server_seq"] for c in west["changes"]] == [1, 2] and west["head_seq"] == 2


@pytest.mark.parametrize("bad", ["c1:nonsense", "c1:" + "a" * 36 + "=-1", "2x", "c9:"])
def test_a_cursor_the_server_never_made_is_refused_in_words(sqlite_server, bad):
    me = sqlite_server.login(sqlite_server.add_user())
    reply = me.client.get("/v1/sync/pull", params={"cursor": bad})
    assert reply.status_code == 422
    assert reply.json()["error"]["message"].startswith(
        "The sync position this device sent is not one this server made"
    )
