"""Evidence search latency on a district-size profile (goal: p95 ≤ 30 ms over 100k items).

Queries are words drawn from the profile's own evidence (frequent and rare ones, whole words
and the prefixes a coach has typed so far), alone and with a teacher or kind filter, so the
numbers reflect search-as-you-type on real-looking text. A bare FTS5 MATCH count on the same
file shows the floor.

    .venv/bin/python benchmarks/bench_search.py --data-dir DIR   # a profile made by
        observe demo --size district --data-dir DIR
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import statistics
import time
from collections import Counter
from pathlib import Path

from observe.store import open_profile
from observe.store.models import EvidenceKind
from observe.store.search import SearchFilters, fts_query, search_evidence


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--queries", type=int, default=400)
    args = parser.parse_args()

    store = open_profile(args.data_dir)
    raw = sqlite3.connect(args.data_dir / "observe.sqlite3")
    total = raw.execute("SELECT count(*) FROM evidence WHERE deleted = 0").fetchone()[0]
    sample = [r[0] for r in raw.execute("SELECT text FROM evidence ORDER BY random() LIMIT 3000")]
    words = Counter(w.lower() for t in sample for w in re.findall(r"\w{4,}", t))
    common = [w for w, _ in words.most_common(40)]
    rare = [w for w, n in words.items() if n <= 2][:200] or common
    teachers = [r[0] for r in raw.execute("SELECT id FROM teacher LIMIT 40")]
    rng = random.Random(7)

    cases: list[tuple[str, SearchFilters]] = []
    for i in range(args.queries):
        pool = common if i % 2 == 0 else rare
        word = rng.choice(pool)
        if i % 5 == 0:
            word = word[: max(2, len(word) // 2)]  # still typing: a prefix
        if i % 7 == 0:
            word = f"{rng.choice(common)} {word}"
        filters = SearchFilters()
        if i % 4 == 1:
            filters = SearchFilters(teacher_id=rng.choice(teachers))
        elif i % 4 == 2:
            filters = SearchFilters(kind=EvidenceKind.STUDENT_TALK)
        cases.append((word, filters))

    timings: list[float] = []
    floor: list[float] = []
    hits = 0
    with store.read() as s:
        search_evidence(s, common[0])  # warm the page cache
        for words_typed, filters in cases:
            t0 = time.perf_counter()
            hits += len(search_evidence(s, words_typed, filters))
            timings.append((time.perf_counter() - t0) * 1000)
            q = fts_query(words_typed)
            t0 = time.perf_counter()
            raw.execute(
                "SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ?"
                " ORDER BY rowid DESC LIMIT 200",
                (q,),
            ).fetchall()
            floor.append((time.perf_counter() - t0) * 1000)
    store.close()

    print(f"{len(cases)} searches over {total:,} evidence items (results capped at 200)")
    for name, values in (("search_evidence", timings), ("bare FTS5 MATCH", floor)):
        print(
            f"{name:<16} p50 {percentile(values, 50):6.2f} ms  p95 {percentile(values, 95):6.2f} ms"
            f"  p99 {percentile(values, 99):6.2f} ms  mean {statistics.fmean(values):6.2f} ms"
        )
    print(f"ratio p95 search/bare: {percentile(timings, 95) / percentile(floor, 95):.2f}x")
    print(f"average results per search: {hits / len(cases):.0f}")


if __name__ == "__main__":
    main()
