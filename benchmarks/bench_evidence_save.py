"""Saving one evidence item: Observe's store against bare sqlite3, same file system, same run.

Each save is one committed transaction (what the capture line does on Enter). The bare sqlite3
baselines use a profile created by the same migrations (so the same table, indexes and FTS
triggers) and the same pragmas (WAL, synchronous=FULL, foreign_keys, busy_timeout):

  bare-evidence   INSERT the evidence row, COMMIT                 ("the same insert")
  bare-with-outbox INSERT evidence + INSERT outbox row, COMMIT    (the same writes as the store)

Runs are interleaved in blocks so disk and CPU drift hit all three alike.

    .venv/bin/python benchmarks/bench_evidence_save.py [--saves 5000] [--dir DIR]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from observe.capture.evidence import save_evidence
from observe.clock import utcnow
from observe.ids import new_id
from observe.store import open_profile
from observe.store.models import Classroom, EvidenceKind, School, Teacher, Visit, VisitType

TEXT = '"I think the slope is the rate because it goes up 3 every time."'


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def make_profile(folder: Path) -> tuple[object, str]:
    store = open_profile(folder)
    with store.write() as s:
        school = School(name="Bench")
        teacher = Teacher(school=school, display_name="T")
        room = Classroom(teacher=teacher, subject="Math")
        visit = Visit(classroom=room, visit_type=VisitType.COACHING_OBSERVATION)
        s.add_all([school, teacher, room, visit])
    return store, visit.id


def bare_connection(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def bare_save(conn: sqlite3.Connection, visit_id: str, with_outbox: bool) -> None:
    now = utcnow().replace(tzinfo=None).isoformat(sep=" ")
    eid = new_id()
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "INSERT INTO evidence (id, visit_id, observed_at, evidence_kind, text, author_id,"
        " device_id, created_at, updated_at, version, deleted, visibility)"
        " VALUES (?, ?, ?, 'student_talk', ?, 'a', 'd', ?, ?, 0, 0, 'private')",
        (eid, visit_id, now, TEXT, now, now),
    )
    if with_outbox:
        snap = json.dumps({"id": eid, "visit_id": visit_id, "text": TEXT, "observed_at": now})
        conn.execute(
            "INSERT INTO outbox (op_id, record_kind, record_id, op, base_version, snapshot,"
            " created_at) VALUES (?, 'evidence', ?, 'upsert', 0, ?, ?)",
            (new_id(), eid, snap, now),
        )
    conn.execute("COMMIT")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--saves", type=int, default=5000)
    parser.add_argument("--block", type=int, default=250)
    parser.add_argument("--dir", type=Path, default=None, help="where the files go (default: tmp)")
    args = parser.parse_args()

    base = Path(tempfile.mkdtemp(prefix="observe-bench-", dir=args.dir))
    store, store_visit = make_profile(base / "store")
    _, bare_visit = make_profile(base / "bare")
    _, outbox_visit = make_profile(base / "bare-outbox")
    bare = bare_connection(base / "bare" / "observe.sqlite3")
    bare_outbox = bare_connection(base / "bare-outbox" / "observe.sqlite3")

    runs = {
        "store.save_evidence": lambda: save_evidence(
            store, store_visit, EvidenceKind.STUDENT_TALK, TEXT
        ),
        "bare-evidence": lambda: bare_save(bare, bare_visit, with_outbox=False),
        "bare-with-outbox": lambda: bare_save(bare_outbox, outbox_visit, with_outbox=True),
    }
    times: dict[str, list[float]] = {name: [] for name in runs}
    for fn in runs.values():  # warm-up: imports, statement caches, first WAL growth
        for _ in range(50):
            fn()
    done = 0
    while done < args.saves:
        n = min(args.block, args.saves - done)
        for name, fn in runs.items():
            for _ in range(n):
                t0 = time.perf_counter()
                fn()
                times[name].append(time.perf_counter() - t0)
        done += n

    print(f"evidence saves: {args.saves} each, committed one by one, files in {base}")
    print(f"{'run':<22}{'p50 ms':>9}{'p99 ms':>9}{'mean ms':>9}")
    for name, values in times.items():
        ms = [v * 1000 for v in values]
        print(
            f"{name:<22}{percentile(ms, 50):>9.3f}{percentile(ms, 99):>9.3f}"
            f"{statistics.fmean(ms):>9.3f}"
        )
    store_ms = [v * 1000 for v in times["store.save_evidence"]]
    for baseline in ("bare-evidence", "bare-with-outbox"):
        ms = [v * 1000 for v in times[baseline]]
        print(
            f"ratio store/{baseline}: p50 {percentile(store_ms, 50) / percentile(ms, 50):.2f}x, "
            f"p99 {percentile(store_ms, 99) / percentile(ms, 99):.2f}x"
        )
    store.close()
    bare.close()
    bare_outbox.close()


if __name__ == "__main__":
    main()
