"""observe-server over loopback: push/pull throughput, no-op sync latency, 100 clients.

    .venv/bin/python benchmarks/bench_server_push_pull.py [--records 50000] [--clients 100]

Starts real ``observe-server serve`` processes (SQLite file; PostgreSQL from
/usr/lib/postgresql/*/bin with fsync on) and talks to them with httpx, as the desktop client
does (the 100 clients, all in this one process, use aiohttp: see ``_client_loop``).
Goals (issue 4): no-op sync <= 20 ms, 100 clients p99 <= 500 ms with 0 errors.

``push_throughput(base_url, n, token=...)`` and ``pull_throughput`` are reusable: point them at
any server speaking protocol v1 (the PouchDB comparison uses the same record shape).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:  # the bench extra; imported where the 100 clients run, not by importers
    import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.serverfixtures import PgCluster, ServerProcess, postgres_bindir  # noqa: E402

from observe.ids import new_id  # noqa: E402

PHRASES = [
    "Student A: I think the answer is 12 because 3 groups of 4.",
    "Two students compare their drawings and point at the number line.",
    "Teacher asks: How do you know? Student B explains with the array.",
    "Students at table 3 write a question for their partner.",
]


def evidence_op(i: int, visit_id: str, visibility: str = "private") -> dict:
    """An op shaped like the desktop's evidence snapshot (~450 bytes of JSON)."""
    record_id = new_id()
    return {
        "op_id": str(uuid.uuid4()),
        "kind": "evidence",
        "id": record_id,
        "op": "upsert",
        "base_version": 0,
        "client_version": 0,
        "visibility": visibility,
        "data": {
            "id": record_id,
            "author_id": None,
            "device_id": None,
            "visit_id": visit_id,
            "observed_at": f"2026-03-04T09:{i // 60 % 60:02d}:{i % 60:02d}Z",
            "evidence_kind": "student_talk",
            "text": PHRASES[i % len(PHRASES)],
            "prompt_index": None,
            "lookfor_ids": [],
            "created_at": "2026-03-04T09:00:00Z",
            "updated_at": "2026-03-04T09:00:00Z",
            "version": 0,
            "deleted": False,
            "visibility": visibility,
        },
    }


def push_throughput(base_url: str, n: int, *, token: str, batch_size: int = 500) -> float:
    """Pushes ``n`` new evidence records in batches; returns records per second."""
    visit_id = new_id()
    ops = [evidence_op(i, visit_id) for i in range(n)]
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=base_url, headers=headers, timeout=120) as client:
        start = time.perf_counter()
        for offset in range(0, n, batch_size):
            reply = client.post("/v1/sync/push", json={"ops": ops[offset : offset + batch_size]})
            reply.raise_for_status()
            results = reply.json()["results"]
            if any(r["status"] != "applied" for r in results):
                raise RuntimeError("an op was not applied")
        return n / (time.perf_counter() - start)


def pull_throughput(base_url: str, *, token: str, since: int = 0, limit: int = 1000) -> float:
    """Pulls everything after ``since`` in pages; returns records per second."""
    headers = {"Authorization": f"Bearer {token}", "Accept-Encoding": "gzip"}
    got = 0
    with httpx.Client(base_url=base_url, headers=headers, timeout=120) as client:
        start = time.perf_counter()
        while True:
            body = client.get("/v1/sync/pull", params={"since": since, "limit": limit}).json()
            got += len(body["changes"])
            since = body["next_since"]
            if not body["more"]:
                break
        return got / (time.perf_counter() - start)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def health_latency(base_url: str, runs: int = 500) -> tuple[float, float]:
    """GET /v1/health (no token, no database): the HTTP stack's own floor. (p50, p99) in ms."""
    times = []
    with httpx.Client(base_url=base_url, timeout=30) as client:
        for i in range(runs + 20):
            start = time.perf_counter()
            client.get("/v1/health").raise_for_status()
            if i >= 20:
                times.append((time.perf_counter() - start) * 1000)
    return percentile(times, 50), percentile(times, 99)


def noop_sync_latency(
    base_url: str, *, token: str, runs: int = 500, cursor: str | None = None
) -> tuple[float, float]:
    """A sync with nothing to do: a push of 0 ops bringing the pull's page from the head (one
    request, ``then_pull``), from ``cursor`` if given (else the head ``/v1/me`` names).
    (p50, p99) in ms."""
    headers = {"Authorization": f"Bearer {token}"}
    times = []
    with httpx.Client(base_url=base_url, headers=headers, timeout=30) as client:
        position = (
            {"cursor": cursor}
            if cursor is not None
            else {"since": client.get("/v1/me").json()["head_seq"]}
        )
        params = {"then_pull": "true", **position}
        for i in range(runs + 20):
            start = time.perf_counter()
            reply = client.post("/v1/sync/push", params=params, json={"ops": []})
            reply.raise_for_status()
            assert reply.json()["pull"]["changes"] == []  # nothing to do, or not a no-op
            if i >= 20:  # warm-up
                times.append((time.perf_counter() - start) * 1000)
    return percentile(times, 50), percentile(times, 99)


async def _client_loop(
    session: aiohttp.ClientSession, syncs: int, latencies: list[float], errors: list[str]
) -> None:
    """One device: a sync (push five new items bringing the pull's first page, pull the rest if
    any) about once a second.

    aiohttp rather than httpx here: all 100 devices share this one process, and httpx's
    async client spent ~12 ms of CPU per sync (more than the server), so on a 2-core machine
    the load generator's own queueing showed up as server latency."""
    import aiohttp  # the bench extra: only this load generator needs it

    visit_id = new_id()
    async with session:
        # A client that has synced before: its cursor is the head when the run starts.
        async with session.get("/v1/me") as reply:
            cursor = (await reply.json())["head_seq"]
        await asyncio.sleep(random.uniform(0, 1.0))
        for i in range(syncs):
            start = time.perf_counter()
            try:
                # Five new items a sync; one in five shared with the school's coaching team.
                ops = [
                    evidence_op(i * 5 + k, visit_id, "team" if k == 0 else "private")
                    for k in range(5)
                ]
                # As the desktop does: the push brings the pull's first page (then_pull).
                params = {"then_pull": "true", "since": str(cursor), "limit": "1000"}
                async with session.post("/v1/sync/push", params=params, json={"ops": ops}) as reply:
                    if reply.status != 200:
                        errors.append(f"push {reply.status}")
                        continue
                    body = (await reply.json())["pull"]
                cursor = body["next_since"]
                while body["more"]:
                    params = {"since": str(cursor), "limit": "1000"}
                    async with session.get("/v1/sync/pull", params=params) as reply:
                        if reply.status != 200:
                            errors.append(f"pull {reply.status}")
                            break
                        body = await reply.json()
                    cursor = body["next_since"]
                latencies.append((time.perf_counter() - start) * 1000)
            except (TimeoutError, aiohttp.ClientError) as exc:
                errors.append(type(exc).__name__)
            await asyncio.sleep(random.uniform(0.5, 1.5))


def many_clients(server: ServerProcess, clients: int, syncs: int) -> tuple[float, float, int, int]:
    import aiohttp  # the bench extra: only this load generator needs it

    # 20 coaches in 10 schools, five devices (clients) each.
    users = [server.add_user(school=f"Bench School {i % 10}") for i in range(max(1, clients // 5))]
    tokens = [server.login(users[i % len(users)]).token for i in range(clients)]
    latencies: list[float] = []
    errors: list[str] = []

    async def run() -> None:
        # One session (own connections) per device, all made before any sync starts.
        sessions = [
            aiohttp.ClientSession(
                base_url=server.base_url,
                headers={"Authorization": f"Bearer {t}"},
                timeout=aiohttp.ClientTimeout(total=30),
            )
            for t in tokens
        ]
        await asyncio.gather(*(_client_loop(s, syncs, latencies, errors) for s in sessions))

    asyncio.run(run())
    if errors:
        print(f"  errors: {sorted(set(errors))}")
    return percentile(latencies, 50), percentile(latencies, 99), len(latencies), len(errors)


def bench_backend(name: str, url: str, workdir: Path, records: int, workers: int) -> None:
    server = ServerProcess(url, workdir, workers=workers)
    server.start()
    try:
        session = server.login(server.add_user(school=f"Bench {name}"))
        rate = push_throughput(server.base_url, records, token=session.token)
        print(f"{name}: push {records} records: {rate:,.0f} records/s")
        rate = pull_throughput(server.base_url, token=session.token)
        print(f"{name}: pull {records} records: {rate:,.0f} records/s")
        p50, p99 = noop_sync_latency(server.base_url, token=session.token)
        print(f"{name}: no-op sync (push 0 + then_pull): p50 {p50:.1f} ms, p99 {p99:.1f} ms")
        h50, h99 = health_latency(server.base_url)
        print(
            f"{name}: floor, one GET /v1/health: p50 {h50:.1f} ms, p99 {h99:.1f} ms "
            f"(no-op sync = {p50 / h50:.1f}x one bare request at p50)"
        )
    finally:
        server.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=50_000)
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--syncs", type=int, default=10, help="syncs per client")
    parser.add_argument("--workers", type=int, default=4, help="server workers for PostgreSQL")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--clients-only", action="store_true", help="only the many-clients run")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-server-") as tmp:
        base = Path(tmp)
        if not (args.skip_sqlite or args.clients_only):
            bench_backend(
                "SQLite", f"sqlite:///{base / 'bench.sqlite3'}", base / "s", args.records, 1
            )
        bindir = postgres_bindir()
        if bindir is None:
            print("PostgreSQL binaries not found; skipping the PostgreSQL runs")
            return 0
        cluster = PgCluster(bindir, fsync=True).start()
        try:
            if not args.clients_only:
                bench_backend(
                    f"PostgreSQL ({args.workers} workers)",
                    cluster.new_database(),
                    base / "p",
                    args.records,
                    args.workers,
                )
            server = ServerProcess(cluster.new_database(), base / "c", workers=args.workers)
            server.start()
            try:
                p50, p99, n, errors = many_clients(server, args.clients, args.syncs)
            finally:
                server.close()
            print(
                f"PostgreSQL, {args.clients} clients x {args.syncs} syncs (push 5 + then_pull, "
                "1 s +- 0.5 s apart), "
                f"{args.workers} workers: p50 {p50:.1f} ms, p99 {p99:.1f} ms, "
                f"{n} syncs, {errors} errors"
            )
        finally:
            cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
