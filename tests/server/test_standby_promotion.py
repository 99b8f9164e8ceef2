"""Promoting a synchronous standby in the middle of pushes loses nothing acknowledged.

Issue 18, part 4, on loopback with the machine's own PostgreSQL binaries: a primary, a
streaming standby made with ``pg_basebackup``, the primary configured to wait for that standby
before a commit returns (``synchronous_standby_names`` + ``synchronous_commit = on``), two
``observe-server`` processes on the primary, and coaches pushing through either of them. Then
the primary dies (``pg_ctl stop -m immediate``), the standby is promoted (``pg_ctl promote``)
and the servers are restarted against it on the same ports, as a load balancer's address or
a DNS name would be moved.

What a coach would notice, and what must hold:

- pushes in flight fail (503, or the connection drops) and the client sends the same batch
  (same op ids) again until it is answered;
- every op a client was told was accepted is on the promoted server, at the version it was
  told;
- a push that was waiting for the standby when the primary died was never acknowledged, is
  not on the promoted server, and is applied when re-pushed. To make that case certain, the
  standby's WAL receiver is paused (SIGSTOP) before one coach's push, so that push's commit
  can't reach the standby; the receiver is then killed, so WAL sitting in its socket is lost
  as it would be with the machine;
- every school's seqs on the promoted server still run 1..n, and each coach's full pull from
  it lists exactly the records that coach wrote.

``fsync`` is off in both clusters, as in the other fixtures: the test kills processes, never
the machine, and what is checked here is *replication* acknowledgement, not the disk.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest

from tests.server.helpers import op
from tests.serverfixtures import PgCluster, ServerProcess, free_port, postgres_bindir

STANDBY_NAME = "observe_standby"
BATCH = 5
ABORT = threading.Event()  # the test failed: clients stop retrying

pytestmark = pytest.mark.slow


class Replicated(PgCluster):
    """A primary (this cluster) and one streaming standby beside it in the same folder."""

    def __init__(self, bindir: Path) -> None:
        super().__init__(bindir, max_connections=60)
        self.standby = self.root / "standby"
        self.standby_port = free_port()

    def start(self) -> Replicated:
        self._run(
            str(self.bindir / "initdb"), "-D", str(self.data), "-U", "observe", "-A", "trust",
            "-E", "UTF8", "--locale=C", "--no-sync",
        )  # fmt: skip
        # synchronous_standby_names is set later with ALTER SYSTEM (a -c here would override
        # it), once the standby streams: set now, creating the database would wait forever.
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
            f"-c max_connections={self.max_connections} -c shared_buffers=32MB -c fsync=off "
            "-c wal_level=replica -c max_wal_senders=4 -c synchronous_commit=on"
        )
        self._pg_ctl(self.data, "primary.log", options)
        return self

    def _pg_ctl(self, data: Path, log: str, options: str) -> None:
        self._run(
            str(self.bindir / "pg_ctl"), "-D", str(data), "-l", str(self.root / log), "-w",
            "-t", "60", "-o", options, "start",
        )  # fmt: skip

    def start_standby(self) -> None:
        """``pg_basebackup`` of the primary, started as a hot standby streaming from it."""
        self._run(
            str(self.bindir / "pg_basebackup"), "-h", "127.0.0.1", "-p", str(self.port),
            "-U", "observe", "-D", str(self.standby), "-X", "stream", "-c", "fast", "--no-sync",
        )  # fmt: skip
        conninfo = f"host=127.0.0.1 port={self.port} user=observe application_name={STANDBY_NAME}"
        with (self.standby / "postgresql.auto.conf").open("a") as conf:
            conf.write(f"primary_conninfo = '{conninfo}'\n")
        signal_file = self.standby / "standby.signal"
        signal_file.touch()
        owner = self.standby.stat()
        os.chown(signal_file, owner.st_uid, owner.st_gid)
        options = (
            f"-p {self.standby_port} -k {self.root} -c listen_addresses=127.0.0.1 "
            "-c max_connections=60 -c shared_buffers=32MB -c fsync=off -c hot_standby=on"
        )
        self._pg_ctl(self.standby, "standby.log", options)

    def make_synchronous(self) -> None:
        """Waits for the standby to stream, then makes every commit wait for it."""
        with psycopg.connect(self.admin_conninfo(), autocommit=True) as conn:
            _wait_for(conn, "state", "streaming")
            conn.execute(f"ALTER SYSTEM SET synchronous_standby_names = '{STANDBY_NAME}'")
            conn.execute("SELECT pg_reload_conf()")
            _wait_for(conn, "sync_state", "sync")

    def standby_conninfo(self) -> str:
        return f"host=127.0.0.1 port={self.standby_port} user=observe dbname=postgres"

    def kill_primary(self) -> None:
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")

    def promote(self) -> None:
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.standby), "-w", "-t", "60", "promote")

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError, FileNotFoundError):
            self._run(
                str(self.bindir / "pg_ctl"), "-D", str(self.standby), "-m", "immediate", "stop"
            )
        super().stop()


def _wait_for(conn: psycopg.Connection[Any], column: str, value: str) -> None:
    deadline = time.monotonic() + 30
    query = f"SELECT {column} FROM pg_stat_replication WHERE application_name = %s"
    while time.monotonic() < deadline:
        row = conn.execute(query, (STANDBY_NAME,)).fetchone()
        if row is not None and row[0] == value:
            return
        time.sleep(0.05)
    raise AssertionError(f"the standby never reached {column} = {value}")


@pytest.fixture
def replicated() -> Iterator[Replicated]:
    bindir = postgres_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL binaries not found under /usr/lib/postgresql/*/bin")
    cluster = Replicated(bindir)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()


@dataclass
class Coach:
    """One coach's client: pushes batches through the servers in turn, retrying a batch (same
    op ids, as the desktop client's outbox does) until the server answers it."""

    token: str
    school: str
    urls: list[str]
    acked: dict[str, dict[str, Any]] = field(default_factory=dict)  # op id -> result
    written: dict[str, dict[str, Any]] = field(default_factory=dict)  # op id -> op
    failures: int = 0
    retried: list[list[str]] = field(default_factory=list)  # statuses of batches that failed
    error: str | None = None

    def push(self, batch: list[dict[str, Any]], turn: int, deadline: float) -> bool:
        for item in batch:
            self.written[item["op_id"]] = item
        failed = False
        while True:
            url = self.urls[turn % len(self.urls)]
            turn += 1
            try:
                reply: httpx.Response | None = httpx.post(
                    f"{url}/v1/sync/push",
                    json={"ops": batch},
                    headers={"Authorization": f"Bearer {self.token}"},
                    timeout=20,
                )
            except httpx.HTTPError:
                reply = None
            if reply is not None and reply.status_code == 200:
                break
            if reply is not None and reply.status_code != 503:
                self.error = f"{reply.status_code}: {reply.text}"
                return False
            failed = True
            self.failures += 1
            if time.monotonic() > deadline or ABORT.is_set():
                self.error = "a batch was never answered"
                return False
            time.sleep(0.1)
        results = reply.json()["results"]
        for result in results:
            if result["status"] not in ("applied", "duplicate"):
                self.error = f"unexpected result {result}"
                return False
            self.acked[result["op_id"]] = result
        if failed:
            self.retried.append([r["status"] for r in results])
        return True

    def run(self, stop: threading.Event, deadline: float) -> None:
        turn = 0
        while not stop.is_set():
            if not self.push([op() for _ in range(BATCH)], turn, deadline):
                return
            turn += 1


def _sync_rep_waiters(cluster: Replicated) -> int:
    with psycopg.connect(cluster.admin_conninfo(), autocommit=True) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'SyncRep'"
        ).fetchone()
    return int(row[0]) if row else 0


def _count(database_url: str, ids: list[str]) -> int:
    """How many of these records a new session on that database sees."""
    with psycopg.connect(database_url.replace("postgresql+psycopg", "postgresql")) as conn:
        row = conn.execute("SELECT count(*) FROM record WHERE id = ANY(%s)", (ids,)).fetchone()
    return int(row[0]) if row else 0


def _until(check: Any, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def test_promoting_the_synchronous_standby_mid_load_loses_nothing_acknowledged(
    replicated: Replicated, tmp_path: Path
) -> None:
    url = replicated.new_database("observe")
    first = ServerProcess(url, tmp_path / "first").start()  # sets the empty database up
    second = ServerProcess(url, tmp_path / "second").start()
    servers = [first, second]
    stop = threading.Event()
    threads: list[threading.Thread] = []
    paused: int | None = None
    try:
        urls = [s.base_url for s in servers]
        coaches = [
            Coach(first.login(first.add_user(school=school)).token, school, urls)
            for school in ("North", "North", "North", "South", "South")
        ]
        late = Coach(first.login(first.add_user(school="East")).token, "East", urls)
        first.engine.dispose()

        replicated.start_standby()
        replicated.make_synchronous()
        with psycopg.connect(url.replace("postgresql+psycopg", "postgresql")) as conn:
            assert conn.execute("SHOW synchronous_commit").fetchone() == ("on",)

        deadline = time.monotonic() + 120
        threads = [
            threading.Thread(target=c.run, args=(stop, deadline), daemon=True) for c in coaches
        ]
        for t in threads:
            t.start()
        _until(lambda: all(len(c.acked) >= 3 * BATCH for c in coaches), "pushes under load")

        # The standby stops receiving: from now on commits wait for it (SyncRep) and the
        # pushes making them are not acknowledged.
        with psycopg.connect(replicated.standby_conninfo(), autocommit=True) as conn:
            receiver = conn.execute("SELECT pid FROM pg_stat_wal_receiver").fetchone()
        assert receiver is not None, "the standby has no WAL receiver"
        os.kill(receiver[0], signal.SIGSTOP)
        paused = receiver[0]
        # A school's pushes queue on its counter row, so one commit per school waits.
        _until(lambda: _sync_rep_waiters(replicated) == 2, "both schools' commits to wait")
        late_batch = [op() for _ in range(BATCH)]
        late_ids = [o["id"] for o in late_batch]
        late_thread = threading.Thread(
            target=late.push, args=(late_batch, 0, deadline), daemon=True
        )
        late_thread.start()
        # Its commit is in the primary's WAL and waits for the standby (invisible to other
        # sessions until then), so the client has no answer yet.
        _until(lambda: _sync_rep_waiters(replicated) == 3, "the late push to wait")
        assert late.acked == {} and _count(url, late_ids) == 0
        acked_before = {op_id for c in coaches for op_id in c.acked}
        counts_before = [len(c.acked) for c in coaches]

        # The primary dies; WAL the paused receiver had not read dies with it.
        replicated.kill_primary()
        os.kill(receiver[0], signal.SIGKILL)
        paused = None
        replicated.promote()
        promoted = f"postgresql+psycopg://observe@127.0.0.1:{replicated.standby_port}/observe"
        assert _count(promoted, late_ids) == 0, "an unacknowledged commit reached the standby"
        for server in servers:
            server.stop()
            server.database_url = promoted
        restarts = [threading.Thread(target=server.start) for server in servers]
        for t in restarts:
            t.start()
        for t in restarts:
            t.join(60)

        late_thread.join(60)
        _until(
            lambda: all(
                len(c.acked) >= n + 2 * BATCH for c, n in zip(coaches, counts_before, strict=True)
            ),
            "pushes to go on after the promotion",
            timeout=60,
        )
        stop.set()
        for t in threads:
            t.join(60)

        everyone = [*coaches, late]
        assert [c.error for c in everyone] == [None] * len(everyone)
        assert all(len(c.acked) == len(c.written) for c in everyone), "a batch was never answered"
        assert sum(c.failures for c in everyone) > 0, "no client saw the failover"
        # The late push was not acknowledged before; sent again, it is applied (not a
        # duplicate): the promoted server never had it.
        assert late.retried == [["applied"] * BATCH]

        with psycopg.connect(promoted.replace("postgresql+psycopg", "postgresql")) as conn:
            stored = dict(conn.execute("SELECT op_id::text, version FROM applied_op").fetchall())
            versions = dict(conn.execute("SELECT id, version FROM record").fetchall())
            seqs: dict[str, list[int]] = {}
            for school, seq in conn.execute(
                "SELECT s.name, r.server_seq FROM record r JOIN school s ON s.id = r.school_id"
            ):
                seqs.setdefault(school, []).append(seq)
        # Everything a client was told was accepted (before the failure too) is there.
        assert acked_before <= stored.keys()
        for coach in everyone:
            for op_id, result in coach.acked.items():
                assert stored.get(op_id) is not None, (coach.school, op_id)
                record_id = coach.written[op_id]["id"]
                assert versions[record_id] == result["version"]
        for school, numbers in seqs.items():
            assert sorted(numbers) == list(range(1, len(numbers) + 1)), school

        # Each coach's full pull from the promoted server: exactly what the coach wrote.
        for coach in everyone:
            ids: list[str] = []
            cursor: str | None = None
            with httpx.Client(
                base_url=second.base_url,
                headers={"Authorization": f"Bearer {coach.token}"},
                timeout=30,
            ) as client:
                while True:
                    params: dict[str, Any] = {"limit": 200}
                    if cursor:
                        params["cursor"] = cursor
                    body = client.get("/v1/sync/pull", params=params).json()
                    ids += [ch["id"] for ch in body["changes"]]
                    cursor = body["next_cursor"]
                    if not body["more"]:
                        break
            assert sorted(ids) == sorted(o["id"] for o in coach.written.values())
    finally:
        stop.set()
        ABORT.set()
        if paused is not None:
            os.kill(paused, signal.SIGCONT)
        for server in servers:
            server.close()
        for t in threads:
            t.join(30)
        ABORT.clear()
