"""Two observe-server processes on one PostgreSQL database, clients going to either.

What a district gets behind a load balancer (issue 18, part 4): no seq handed out twice or
skipped, sign-in limits counted across both, group commit (per process) correct when the
other process commits to the same school, and one coach's two laptops converging while each
talks to a different process.
"""

from __future__ import annotations

import itertools
import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from observe.store.models import Visibility
from tests.server.helpers import op
from tests.serverfixtures import PgCluster, ServerProcess, UserAccount


@pytest.fixture
def two_servers(pg_cluster: PgCluster, tmp_path) -> Iterator[tuple[ServerProcess, ServerProcess]]:
    url = pg_cluster.new_database()
    first = ServerProcess(url, tmp_path / "first").start()  # sets the empty database up
    second = ServerProcess(url, tmp_path / "second").start()
    try:
        yield first, second
    finally:
        second.close()
        first.close()


def _client(base_url: str, token: str) -> httpx.Client:
    return httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {token}"}, timeout=60)


def test_pushes_and_pulls_alternating_between_processes_skip_and_repeat_no_seq(two_servers):
    """Three coaches of a school and one of another push team records at once, each call
    going to the other process than the last; a colleague pulls in a tight loop the same
    way. Each school's seqs run 1..n; the reader gets every record of its school once."""
    first, second = two_servers
    urls = [first.base_url, second.base_url]
    writers = [first.login(first.add_user(school="North")) for _ in range(3)]
    outsider = second.login(second.add_user(school="South"))
    reader = second.login(second.add_user(school="North"))
    batches, per_batch = 8, 10
    total = len(writers) * batches * per_batch
    errors: list[str] = []
    pushed: dict[str, list[tuple[str, dict[str, Any], dict[str, Any]]]] = {"North": [], "South": []}
    done = threading.Event()

    def write(school: str, token: str, start: int) -> None:
        clients = [_client(u, token) for u in urls]
        try:
            for i in range(batches):
                ops = [op(visibility="team") for _ in range(per_batch)]
                reply = clients[(start + i) % 2].post("/v1/sync/push", json={"ops": ops})
                if reply.status_code != 200:
                    errors.append(reply.text)
                    return
                results = reply.json()["results"]
                pushed[school] += [(token, o, r) for o, r in zip(ops, results, strict=True)]
        finally:
            for c in clients:
                c.close()

    pages: list[tuple[int, list[int]]] = []
    seen: list[str] = []

    def read() -> None:
        clients = itertools.cycle([_client(u, reader.token) for u in urls])
        position, cursor = 0, None
        while not done.is_set() or position < total:
            params: dict[str, Any] = {"limit": 23}
            if cursor is not None:
                params["cursor"] = cursor
            body = next(clients).get("/v1/sync/pull", params=params).json()
            seqs = [ch["server_seq"] for ch in body["changes"]]
            pages.append((position, seqs))
            seen.extend(ch["id"] for ch in body["changes"])
            position, cursor = body["next_since"], body["next_cursor"]
            if not seqs:
                time.sleep(0.003)

    threads = [
        threading.Thread(target=write, args=("North", w.token, i)) for i, w in enumerate(writers)
    ]
    threads.append(threading.Thread(target=write, args=("South", outsider.token, 1)))
    reading = threading.Thread(target=read)
    reading.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join(180)
    done.set()
    reading.join(120)

    assert errors == []
    north = [r["server_seq"] for _, _, r in pushed["North"]]
    south = [r["server_seq"] for _, _, r in pushed["South"]]
    assert sorted(north) == list(range(1, total + 1))
    assert sorted(south) == list(range(1, batches * per_batch + 1))
    assert {r["status"] for _, _, r in pushed["North"] + pushed["South"]} == {"applied"}
    for position, seqs in pages:
        assert seqs == list(range(position + 1, position + 1 + len(seqs))), (position, seqs)
    assert sorted(seen) == sorted(o["id"] for _, o, _ in pushed["North"])
    assert len(seen) == len(set(seen)) == total

    # Group commit across processes: a batch sent again to the other process is answered
    # from what the first stored, op by op (same version, same seq), and changes nothing.
    token = writers[0].token
    sample = [(o, r) for t, o, r in pushed["North"] if t == token][:per_batch]
    other = _client(urls[1], token)
    try:
        again = other.post("/v1/sync/push", json={"ops": [o for o, _ in sample]}).json()
    finally:
        other.close()
    assert [r["status"] for r in again["results"]] == ["duplicate"] * per_batch
    assert [(r["version"], r["server_seq"]) for r in again["results"]] == [
        (r["version"], r["server_seq"]) for _, r in sample
    ]
    assert again["head_seq"] == total


def test_failed_sign_ins_are_counted_across_processes(two_servers):
    first, second = two_servers
    user = first.add_user()
    body = {"email": user.email, "password": "not it", "device_id": None, "device_name": "x"}
    for attempt in range(5):
        server = (first, second)[attempt % 2]
        body["device_id"] = str(uuid.uuid4())
        reply = httpx.post(f"{server.base_url}/v1/auth/login", json=body, timeout=30)
        assert reply.status_code == 401, reply.text
    for server in (first, second):
        body["password"] = user.password  # even the right password waits now
        reply = httpx.post(f"{server.base_url}/v1/auth/login", json=body, timeout=30)
        assert reply.status_code == 429, reply.text
        assert reply.json()["error"]["message"].startswith("Too many failed sign-in attempts")
        assert int(reply.headers["Retry-After"]) > 0


def test_one_coachs_laptops_on_different_processes_end_the_same(two_servers, tmp_path):
    from tests.sync.devices import Devices

    first, second = two_servers
    coach: UserAccount = first.add_user(school="North")
    made = Devices(tmp_path / "profiles")
    try:
        laptop, tablet = made.new("laptop"), made.new("tablet")
        laptop.login(first, coach)
        tablet.login(second, coach)
        visit = laptop.visit(Visibility.TEAM)
        items = [laptop.evidence(visit, f"Said {i}") for i in range(5)]
        laptop.sync()
        tablet.sync()
        tablet.edit(items[0], "Edited on the tablet")
        laptop.edit(items[1], "Edited on the laptop")
        tablet.delete(items[2])
        added = tablet.evidence(visit, "Written on the tablet")
        tablet.sync()
        laptop.sync()
        tablet.sync()
        assert laptop.live() == tablet.live()
        assert laptop.text(items[0]) == "Edited on the tablet"
        assert tablet.text(items[1]) == "Edited on the laptop"
        assert laptop.text(items[2]) is None and laptop.text(added) == "Written on the tablet"
        assert laptop.conflicts() == tablet.conflicts() == []
    finally:
        made.close()
