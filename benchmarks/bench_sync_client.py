"""The desktop sync client end to end: a real profile pushes N evidence items, another pulls them.

    .venv/bin/python benchmarks/bench_sync_client.py [--records 50000]

Starts a real ``observe-server serve`` (SQLite file) on loopback. Profile A gets N evidence
items (written in bulk with their outbox rows, as the demo generator does), signs in, and runs
``SyncEngine.sync()`` — the code behind ``observe sync`` and the app's background sync: outbox
batches, per-op acknowledgement, version updates, then the pull of its own changes. Profile B
(the same coach's second laptop) signs in and pulls everything into its new, empty store
(validation, parent checks, inserts, search index, cursor per page: a first sync, so the pages
take the bulk path of ``observe.sync.bulk_apply``).

For scale, the same run also measures the bare protocol (httpx posting ready-made ops and
reading pages, nothing stored; ``bench_server_push_pull``), and prints client/bare ratios: the
price of doing it properly on the client.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from tests.bulk import add_evidence  # noqa: E402
from tests.serverfixtures import ServerProcess  # noqa: E402

from bench_server_push_pull import pull_throughput, push_throughput  # noqa: E402
from observe.store import open_profile  # noqa: E402
from observe.store.models import (  # noqa: E402
    Classroom,
    EvidenceKind,
    School,
    Teacher,
    Visit,
    VisitType,
)
from observe.sync.account import login  # noqa: E402
from observe.sync.engine import SyncEngine  # noqa: E402

PHRASES = [
    "Student A: I think the answer is 12 because 3 groups of 4.",
    "Two students compare their drawings and point at the number line.",
    "Teacher asks: How do you know? Student B explains with the array.",
    "Students at table 3 write a question for their partner.",
]


def fill(store, n: int) -> None:
    with store.write() as s:
        school = School(name="Lincoln Middle")
        teacher = Teacher(school=school, display_name="Zoë Okafor")
        room = Classroom(teacher=teacher, subject="Math 6")
        visit = Visit(classroom=room, visit_type=VisitType.COACHING_OBSERVATION)
        s.add_all([school, teacher, room, visit])
    add_evidence(
        store,
        visit.id,
        n,
        text=lambda i: f"{PHRASES[i % len(PHRASES)]} ({i})",
        kind=EvidenceKind.STUDENT_TALK,
        outbox=True,
    )


def measure(n: int, root: Path) -> dict[str, float]:
    """Push from one real profile and pull into another through a real server, then bare."""
    server = ServerProcess(f"sqlite:///{root / 'server.sqlite3'}", root / "server").start()
    try:
        coach = server.add_user(email="bench@example.org")
        a = open_profile(root / "laptop")
        b = open_profile(root / "tablet")
        fill(a, n)
        login(a, server.base_url, coach.email, coach.password)
        login(b, server.base_url, coach.email, coach.password)
        total = a.counts()["outbox"]

        marks: dict[str, float] = {}

        def progress(done: int, _total: int) -> None:
            if done >= total and "pushed" not in marks:
                marks["pushed"] = time.perf_counter()

        start = time.perf_counter()
        pushed = SyncEngine(a).sync(progress=progress)
        end = time.perf_counter()
        push_s = marks.get("pushed", end) - start
        echo_s = end - marks.get("pushed", end)

        start = time.perf_counter()
        pulled = SyncEngine(b).sync()
        pull_s = time.perf_counter() - start
        assert pulled.applied == total == pushed.pushed, (pulled, pushed)
        assert b.counts()["evidence"] == n

        other = server.add_user(email="bare@example.org")
        token = server.login(other).token
        bare_push = push_throughput(server.base_url, n, token=token)
        bare_pull = pull_throughput(server.base_url, token=token)
        a.close()
        b.close()
    finally:
        server.close()
    return {
        "records": total,
        "push_s": push_s,
        "echo_s": echo_s,
        "pull_s": pull_s,
        "push_per_s": total / push_s,
        "pull_per_s": total / pull_s,
        "bare_push_per_s": bare_push,
        "bare_pull_per_s": bare_pull,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=50_000)
    args = parser.parse_args()
    r = measure(args.records, Path(tempfile.mkdtemp(prefix="observe-bench-sync-")))
    push, pull = r["push_per_s"], r["pull_per_s"]
    print(f"records: {r['records']:,} ({args.records:,} evidence + their visit's parents)")
    print(f"client push (observe sync, laptop):  {r['push_s']:6.1f} s  {push:8,.0f} records/s")
    print(f"  then pull of its own echo:         {r['echo_s']:6.1f} s  (skips unchanged records)")
    print(f"client pull (observe sync, tablet):  {r['pull_s']:6.1f} s  {pull:8,.0f} records/s")
    print(f"bare protocol push (httpx only):     {r['bare_push_per_s']:8,.0f} records/s")
    print(f"bare protocol pull (httpx only):     {r['bare_pull_per_s']:8,.0f} records/s")
    print(f"ratio client/bare push: {push / r['bare_push_per_s']:.2f}")
    print(f"ratio client/bare pull: {pull / r['bare_pull_per_s']:.2f}")


if __name__ == "__main__":
    main()
